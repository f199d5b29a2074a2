/* test_buffer.c: the gap buffer: NFC at the edges of an edit, graphemes, words, lines,
 * paragraphs and counts, and reading a piece of the text around the gap. */
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "base/str.h"
#include "base/utf8.h"
#include "base/xalloc.h"
#include "edit/buffer.h"

static Buffer *buf_with(const char *s)
{
	Buffer *b = buffer_new();
	ck_assert(buffer_replace(b, 0, 0, s, strlen(s), NULL, NULL));
	return b;
}

static void insert_at(Buffer *b, size_t pos, const char *s, BufferChange *ch)
{
	ck_assert(buffer_replace(b, pos, pos, s, strlen(s), ch, NULL));
}

START_TEST(combining_mark_after_e_composes)
{
	Buffer *b = buf_with("Vie");
	BufferChange ch;

	insert_at(b, 3, "\xCC\x82", &ch); /* U+0302 circumflex */
	ck_assert_str_eq(buffer_text(b), "Viê");
	ck_assert_uint_eq(ch.pos, 2);
	ck_assert_uint_eq(ch.old_len, 1);
	ck_assert_uint_eq(ch.new_len, 2);
	ck_assert_uint_eq(ch.cursor, 4);
	insert_at(b, 4, "\xCC\xA3", &ch); /* U+0323 dot below on top of ê */
	ck_assert_str_eq(buffer_text(b), "Việ");
	ck_assert_uint_eq(ch.cursor, 5);
	insert_at(b, 5, "t", &ch);
	ck_assert_str_eq(buffer_text(b), "Việt");
	ck_assert_uint_eq(ch.pos, 5);
	ck_assert_uint_eq(ch.old_len, 0);
	buffer_free(b);
}
END_TEST

/* A long paste goes in as it is when nothing joins across its ends; a paste that starts with
 * a combining mark, ends before one, or is not NFC takes the normalising path. Either way
 * the text is the NFC of the whole and the cursor follows the pasted text. */
START_TEST(long_paste_goes_in_whole_and_normalised)
{
	static const struct { const char *base, *head, *tail, *after; size_t cursor_off; } cases[] = {
		{"Tre", "Người ", " dân.", "x", 0},
		{"Tre", "\xCC\x82n", "z", "", 1},         /* joins the "e" before it: one byte less */
		{"Tr ", "Ngu", "e", "\xCC\x82x", 0},      /* the mark after the paste joins its "e" */
		{"Tre", "Vie\xCC\x82\xCC\xA3t ", ".", "", 2}, /* not NFC itself */
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		Str paste = STR_INIT, whole = STR_INIT, want = STR_INIT;
		Buffer *b = buf_with(cases[k].base);
		BufferChange ch;
		str_add(&paste, cases[k].head, strlen(cases[k].head));
		for (int i = 0; i < 8000; i++) /* 96 KB: long enough to go in as it is */
			str_add(&paste, "Bão số 3 ", strlen("Bão số 3 "));
		str_add(&paste, cases[k].tail, strlen(cases[k].tail));
		insert_at(b, 3, cases[k].after, NULL);
		insert_at(b, 3, paste.s, &ch);
		str_add(&whole, cases[k].base, 3);
		str_add(&whole, paste.s, paste.len);
		str_add(&whole, cases[k].after, strlen(cases[k].after));
		ck_assert(utf8_nfc(whole.s, whole.len, &want));
		ck_assert_msg(strcmp(buffer_text(b), want.s) == 0, "case %zu", k);
		if (k != 2) /* there the cursor stays before the mark the paste took */
			ck_assert_uint_eq(ch.cursor, 3 + paste.len - cases[k].cursor_off);
		str_release(&paste);
		str_release(&whole);
		str_release(&want);
		buffer_free(b);
	}
}
END_TEST

START_TEST(decomposed_input_is_stored_precomposed)
{
	Buffer *b = buffer_new();
	const char *nfd = "Vie\xCC\x82\xCC\xA3t Nam"; /* "Việt Nam" in NFD */

	ck_assert(buffer_replace(b, 0, 0, nfd, strlen(nfd), NULL, NULL));
	ck_assert_str_eq(buffer_text(b), "Việt Nam");
	ck_assert_uint_eq(buffer_len(b), strlen("Việt Nam"));
	buffer_free(b);
}
END_TEST

START_TEST(insert_in_the_middle_reports_a_pure_insert)
{
	Buffer *b = buf_with("Hà Nội");
	BufferChange ch;
	Str old = STR_INIT;

	ck_assert(buffer_replace(b, 4, 4, "ở ", strlen("ở "), &ch, &old));
	ck_assert_str_eq(buffer_text(b), "Hà ở Nội");
	ck_assert_uint_eq(ch.pos, 4);
	ck_assert_uint_eq(ch.old_len, 0);
	ck_assert_uint_eq(ch.new_len, strlen("ở "));
	ck_assert_uint_eq(old.len, 0);
	str_release(&old);
	buffer_free(b);
}
END_TEST

START_TEST(invalid_utf8_changes_nothing)
{
	Buffer *b = buf_with("abc");

	ck_assert(!buffer_replace(b, 1, 1, "\xC3(", 2, NULL, NULL));
	ck_assert_str_eq(buffer_text(b), "abc");
	buffer_free(b);
}
END_TEST

START_TEST(backspace_takes_a_whole_grapheme)
{
	/* ệ precomposed, x with a combining acute (no precomposed form), a flag, a thumbs-up
	 * with a skin tone: each is one cluster */
	const char *s = "ệx\xCC\x81\xF0\x9F\x87\xBB\xF0\x9F\x87\xB3\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD";
	Buffer *b = buf_with(s);
	size_t end = buffer_len(b), p;

	p = buffer_prev_grapheme(b, end);
	ck_assert_uint_eq(end - p, 8); /* 👍🏽 */
	ck_assert(buffer_replace(b, p, end, "", 0, NULL, NULL));
	p = buffer_prev_grapheme(b, buffer_len(b));
	ck_assert_uint_eq(buffer_len(b) - p, 8); /* 🇻🇳 */
	ck_assert(buffer_replace(b, p, buffer_len(b), "", 0, NULL, NULL));
	p = buffer_prev_grapheme(b, buffer_len(b));
	ck_assert(buffer_replace(b, p, buffer_len(b), "", 0, NULL, NULL));
	ck_assert_str_eq(buffer_text(b), "ệ");
	p = buffer_prev_grapheme(b, buffer_len(b));
	ck_assert_uint_eq(p, 0);
	ck_assert_uint_eq(buffer_next_grapheme(b, 0), 3);
	buffer_free(b);
}
END_TEST

START_TEST(splice_puts_bytes_back_exactly)
{
	Buffer *b = buf_with("một hai ba");
	Str old = STR_INIT;
	BufferChange ch;

	ck_assert(buffer_replace(b, 6, 9, "bốn", strlen("bốn"), &ch, &old));
	ck_assert_str_eq(buffer_text(b), "một bốn ba");
	buffer_splice(b, ch.pos, ch.new_len, old.s, old.len);
	ck_assert_str_eq(buffer_text(b), "một hai ba");
	str_release(&old);
	buffer_free(b);
}
END_TEST

START_TEST(gap_moves_keep_the_text)
{
	Buffer *b = buffer_new();
	Str expect = STR_INIT;

	/* insert at alternating ends, reading in between, past several reallocations */
	for (int i = 0; i < 400; i++) {
		const char *w = i % 2 ? "Đà " : "Nẵng ";
		size_t pos = i % 3 ? buffer_len(b) : 0;
		ck_assert(buffer_replace(b, pos, pos, w, strlen(w), NULL, NULL));
		if (pos == 0) {
			Str t = STR_INIT;
			str_adds(&t, w);
			str_add(&t, str_cstr(&expect), expect.len);
			str_release(&expect);
			expect = t;
		} else {
			str_adds(&expect, w);
		}
		ck_assert_uint_eq(buffer_byte(b, 0), (unsigned char)expect.s[0]);
	}
	ck_assert_str_eq(buffer_text(b), expect.s);
	str_release(&expect);
	buffer_free(b);
}
END_TEST

START_TEST(word_motion_over_vietnamese)
{
	Buffer *b = buf_with("Đà Nẵng, ngày 5/9: mưa.");
	size_t nang = strlen("Đà "), ngay = strlen("Đà Nẵng, ");

	ck_assert_uint_eq(buffer_next_word(b, 0), nang);
	ck_assert_uint_eq(buffer_next_word(b, nang), ngay);
	ck_assert_uint_eq(buffer_prev_word(b, ngay), nang);
	ck_assert_uint_eq(buffer_prev_word(b, ngay + 2), ngay);
	ck_assert_uint_eq(buffer_prev_word(b, nang), 0);
	ck_assert_uint_eq(buffer_word_end(b, nang), nang + strlen("Nẵng"));
	ck_assert_uint_eq(buffer_next_word(b, buffer_len(b) - 1), buffer_len(b));
	buffer_free(b);
}
END_TEST

START_TEST(lines_and_paragraphs)
{
	Buffer *b = buf_with("Một.\nHai dòng.\n\nBa.\n\n\nBốn");
	size_t s, e, ba = strlen("Một.\nHai dòng.\n\n"), bon = strlen("Một.\nHai dòng.\n\nBa.\n\n\n");

	ck_assert_uint_eq(buffer_line_count(b), 7);
	ck_assert_uint_eq(buffer_line_of(b, ba), 3);
	ck_assert_uint_eq(buffer_line_offset(b, 3), ba);
	ck_assert_uint_eq(buffer_line_offset(b, 99), bon);
	ck_assert_uint_eq(buffer_line_start(b, ba + 2), ba);
	ck_assert_uint_eq(buffer_line_end(b, ba), ba + 3);
	buffer_para_bounds(b, 6, &s, &e);
	ck_assert_uint_eq(s, 0);
	ck_assert_uint_eq(e, strlen("Một.\nHai dòng."));
	buffer_para_bounds(b, ba + 1, &s, &e);
	ck_assert_uint_eq(s, ba);
	ck_assert_uint_eq(e, ba + 3);
	ck_assert_uint_eq(buffer_next_para(b, 0), ba);
	ck_assert_uint_eq(buffer_next_para(b, ba), bon);
	ck_assert_uint_eq(buffer_next_para(b, bon), buffer_len(b));
	ck_assert_uint_eq(buffer_prev_para(b, bon + 2), bon);
	ck_assert_uint_eq(buffer_prev_para(b, bon), ba);
	ck_assert_uint_eq(buffer_prev_para(b, ba), 0);
	buffer_free(b);
}
END_TEST

START_TEST(counts_words_and_characters)
{
	Buffer *b = buf_with("Xin chào, Việt Nam!\n2024 năm");

	ck_assert_uint_eq(buffer_count_words(b), 6);
	ck_assert_uint_eq(buffer_count_chars(b), strlen("Xin chao, Viet Nam!2024 nam"));
	ck_assert_uint_eq(text_count_chars("x\xCC\x81y", 4), 2);
	buffer_free(b);
}
END_TEST

/* Moves the gap to pos without changing the text. */
static void gap_to(Buffer *b, size_t pos)
{
	buffer_splice(b, pos, 0, "", 0);
}

/* Every range of the text reads right through buffer_span, whichever side of the gap it lies
 * on or however it straddles it, and reading moves no byte of the text. */
START_TEST(span_reads_every_range_around_the_gap)
{
	static const char whole[] = "Hà Nội\nĐà Nẵng, \xF0\x9F\x91\x8D ok";
	size_t len = strlen(whole);
	Buffer *b = buf_with(whole);

	for (size_t g = 0; g <= len; g++)
		for (size_t s = 0; s <= len; s++)
			for (size_t e = s; e <= len; e++) {
				gap_to(b, g);
				const char *t = buffer_span(b, s, e);
				ck_assert_ptr_nonnull(t);
				ck_assert_msg(memcmp(t + s, whole + s, e - s) == 0,
					      "gap %zu, span [%zu, %zu)", g, s, e);
				ck_assert_uint_eq(buffer_len(b), len);
			}
	ck_assert_str_eq(buffer_text(b), whole);
	buffer_free(b);
}
END_TEST

/* The edges: an empty range anywhere, the whole text, a range past the end (clamped), and an
 * empty buffer. */
START_TEST(span_at_the_edges_and_of_an_empty_buffer)
{
	Buffer *b = buf_with("Việt Nam"), *empty = buffer_new();
	size_t len = strlen("Việt Nam");

	gap_to(b, 4);
	ck_assert_ptr_nonnull(buffer_span(b, 0, 0));
	ck_assert_ptr_nonnull(buffer_span(b, len, len));
	ck_assert(memcmp(buffer_span(b, 0, len), "Việt Nam", len) == 0);
	gap_to(b, 0);
	ck_assert(memcmp(buffer_span(b, 0, len), "Việt Nam", len) == 0);
	gap_to(b, len);
	ck_assert(memcmp(buffer_span(b, 0, len), "Việt Nam", len) == 0);
	gap_to(b, 2);
	ck_assert(memcmp(buffer_span(b, len - 3, len + 100) + len - 3, "Nam", 3) == 0);
	ck_assert_ptr_nonnull(buffer_span(b, len + 5, len + 9)); /* clamped to nothing */
	ck_assert_str_eq(buffer_text(b), "Việt Nam");
	ck_assert_ptr_nonnull(buffer_span(empty, 0, 0));
	ck_assert_ptr_nonnull(buffer_span(empty, 0, 10));
	ck_assert_uint_eq(buffer_len(empty), 0);
	ck_assert_str_eq(buffer_text(empty), "");
	buffer_free(b);
	buffer_free(empty);
}
END_TEST

/* Line ends and grapheme clusters found near an offset, without moving the gap to the end,
 * agree with the whole text for every place of the gap, a cluster longer than the window
 * read around the offset included. */
START_TEST(local_scans_agree_with_the_whole_text)
{
	Str s = STR_INIT;
	const char *whole;
	size_t len;
	Buffer *b;

	str_adds(&s, "Đà Nẵng\n\nxe");
	for (int i = 0; i < 50; i++)
		str_adds(&s, "\xCC\x81"); /* marks after one letter: a cluster of 100 bytes */
	str_adds(&s, " \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD.\nend");
	b = buf_with(s.s);
	whole = xstrdup(buffer_text(b));
	len = buffer_len(b);
	for (size_t g = 0; g <= len; g += 3)
		for (size_t off = 0; off <= len; off++) {
			size_t ls = off, le = off;
			if (off < len && ((unsigned char)whole[off] & 0xC0) == 0x80)
				continue;
			while (ls > 0 && whole[ls - 1] != '\n')
				ls--;
			while (le < len && whole[le] != '\n')
				le++;
			gap_to(b, g);
			ck_assert_uint_eq(buffer_line_start(b, off), ls);
			ck_assert_uint_eq(buffer_line_end(b, off), le);
			ck_assert_uint_eq(buffer_next_grapheme(b, off), utf8_next_grapheme(whole, len, off));
			ck_assert_uint_eq(buffer_prev_grapheme(b, off), utf8_prev_grapheme(whole, len, off));
		}
	free((void *)whole);
	str_release(&s);
	buffer_free(b);
}
END_TEST

static Suite *buffer_suite(void)
{
	Suite *s = suite_create("buffer");
	ADD_TEST(s, combining_mark_after_e_composes);
	ADD_TEST(s, long_paste_goes_in_whole_and_normalised);
	ADD_TEST(s, decomposed_input_is_stored_precomposed);
	ADD_TEST(s, insert_in_the_middle_reports_a_pure_insert);
	ADD_TEST(s, invalid_utf8_changes_nothing);
	ADD_TEST(s, backspace_takes_a_whole_grapheme);
	ADD_TEST(s, splice_puts_bytes_back_exactly);
	ADD_TEST(s, gap_moves_keep_the_text);
	ADD_TEST(s, word_motion_over_vietnamese);
	ADD_TEST(s, lines_and_paragraphs);
	ADD_TEST(s, counts_words_and_characters);
	ADD_TEST(s, span_reads_every_range_around_the_gap);
	ADD_TEST(s, span_at_the_edges_and_of_an_empty_buffer);
	ADD_TEST(s, local_scans_agree_with_the_whole_text);
	return s;
}

CHECK_MAIN(buffer_suite)
