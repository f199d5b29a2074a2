/* test_doc.c: the document: find and replace with and without diacritics, checker spans that
 * follow edits, the changed paragraph, selection and clipboard, fields, counts, go to line. */
#include <string.h>

#include "check_main.h"
#include "edit/buffer.h"
#include "edit/doc.h"
#include "edit/find.h"
#include "edit/overlay.h"

static Doc *doc_body(const char *text)
{
	Doc *d = doc_new();
	ck_assert(doc_set_field(d, FIELD_BODY, text, strlen(text)));
	doc_set_cursor(d, FIELD_BODY, 0, false);
	return d;
}

static const char *body(Doc *d)
{
	return doc_text(d, FIELD_BODY, NULL);
}

static void selected(Doc *d, const char *expect)
{
	size_t s, e;
	ck_assert(doc_selection(d, &s, &e));
	ck_assert_uint_eq(e - s, strlen(expect));
	ck_assert(memcmp(doc_text(d, doc_field(d), NULL) + s, expect, e - s) == 0);
}

START_TEST(find_ignoring_diacritics_maps_back_to_real_bytes)
{
	const char *t = "Bão vào Đà Nẵng; ĐÀ NẴNG mưa to. đa nang";
	size_t s, e, first = strlen("Bão vào ");

	ck_assert(find_text(t, strlen(t), 0, "da nang", 7, FIND_IGNORE_MARKS, &s, &e));
	ck_assert_uint_eq(s, first);
	ck_assert_uint_eq(e, first + strlen("Đà Nẵng"));
	ck_assert(find_text(t, strlen(t), e, "da nang", 7, FIND_IGNORE_MARKS, &s, &e));
	ck_assert_uint_eq(s, strlen("Bão vào Đà Nẵng; "));
	ck_assert(!find_text(t, strlen(t), 0, "da nang", 7, 0, &s, &e));
	ck_assert(find_text(t, strlen(t), 0, "đà nẵng", strlen("đà nẵng"), FIND_IGNORE_CASE, &s,
			    &e));
	ck_assert_uint_eq(s, first);
	ck_assert(find_text(t, strlen(t), strlen(t), "da nang", 7,
			    FIND_IGNORE_MARKS | FIND_BACKWARD, &s, &e));
	ck_assert_uint_eq(s, strlen(t) - strlen("đa nang"));
}
END_TEST

START_TEST(exact_find_matches_marks_and_normalises_the_needle)
{
	const char *t = "Việt và viết";
	size_t s, e;

	ck_assert(find_text(t, strlen(t), 0, "vie\xCC\x82\xCC\x81t", 7, 0, &s, &e)); /* NFD */
	ck_assert_uint_eq(s, strlen("Việt và "));
	ck_assert(!find_text(t, strlen(t), 0, "viet", 4, FIND_IGNORE_CASE, &s, &e));
	ck_assert(!find_text(t, strlen(t), 0, "", 0, FIND_IGNORE_MARKS, &s, &e));
}
END_TEST

START_TEST(doc_find_selects_and_wraps_through_fields)
{
	Doc *d = doc_body("Thành phố Huế đẹp. Người Huế hiền.");

	ck_assert(doc_set_field(d, FIELD_TITLE, "Du lịch Huế", strlen("Du lịch Huế")));
	doc_set_cursor(d, FIELD_BODY, 0, false);
	ck_assert(doc_find(d, "hue", 3, FIND_IGNORE_MARKS));
	ck_assert_int_eq(doc_field(d), FIELD_BODY);
	selected(d, "Huế");
	ck_assert_uint_eq(doc_cursor(d), strlen("Thành phố Huế"));
	ck_assert(doc_find(d, "hue", 3, FIND_IGNORE_MARKS));
	ck_assert_uint_eq(doc_cursor(d), strlen("Thành phố Huế đẹp. Người Huế"));
	ck_assert(doc_find(d, "hue", 3, FIND_IGNORE_MARKS)); /* on to the tags, around to the title */
	ck_assert_int_eq(doc_field(d), FIELD_TITLE);
	selected(d, "Huế");
	ck_assert(doc_find(d, "hue", 3, FIND_IGNORE_MARKS | FIND_BACKWARD));
	ck_assert_int_eq(doc_field(d), FIELD_BODY);
	ck_assert_uint_eq(doc_cursor(d), strlen("Thành phố Huế đẹp. Người Huế"));
	ck_assert(!doc_find(d, "Sài Gòn", strlen("Sài Gòn"), FIND_IGNORE_MARKS));
	doc_free(d);
}
END_TEST

START_TEST(replace_next_and_replace_all)
{
	Doc *d = doc_body("tp HCM, Tp HCM và tp hcm");

	ck_assert(!doc_replace_next(d, "tp hcm", 6, "TP.HCM", 6, FIND_IGNORE_CASE, 0));
	selected(d, "tp HCM"); /* the first call only finds */
	ck_assert(doc_replace_next(d, "tp hcm", 6, "TP.HCM", 6, FIND_IGNORE_CASE, 0));
	ck_assert_str_eq(body(d), "TP.HCM, Tp HCM và tp hcm");
	selected(d, "Tp HCM");
	ck_assert_uint_eq(doc_replace_all(d, "tp hcm", 6, "TP.HCM", 6, FIND_IGNORE_CASE, 0), 2);
	ck_assert_str_eq(body(d), "TP.HCM, TP.HCM và TP.HCM");
	ck_assert(doc_undo(d)); /* replace-all is one step */
	ck_assert_str_eq(body(d), "TP.HCM, Tp HCM và tp hcm");
	doc_free(d);
}
END_TEST

START_TEST(replace_all_ignoring_marks_across_fields)
{
	Doc *d = doc_body("Đà Nẵng, da nang, ĐÀ NẴNG");

	ck_assert(doc_set_field(d, FIELD_TAGS, "đà nẵng, bão", strlen("đà nẵng, bão")));
	ck_assert_uint_eq(doc_replace_all(d, "da nang", 7, "Đà Nẵng", strlen("Đà Nẵng"),
					  FIND_IGNORE_MARKS, 0), 4);
	ck_assert_str_eq(body(d), "Đà Nẵng, Đà Nẵng, Đà Nẵng");
	ck_assert_str_eq(doc_text(d, FIELD_TAGS, NULL), "Đà Nẵng, bão");
	doc_free(d);
}
END_TEST

START_TEST(spans_shift_and_drop_with_edits)
{
	/* "nhửng" and "sai" are marked; edits before, between and on them */
	Doc *d = doc_body("Có nhửng chỗ sai chính tả.");
	Overlay *o = doc_overlay(d, FIELD_BODY);
	size_t a = strlen("Có "), b = strlen("Có nhửng chỗ ");

	overlay_add(o, b, b + 3, 2, 11);
	overlay_add(o, a, a + strlen("nhửng"), 1, 10);
	ck_assert_uint_eq(overlay_count(o), 2);
	ck_assert_uint_eq(overlay_get(o, 0)->tag, 10);
	ck_assert_ptr_eq(overlay_at(o, a + 2), overlay_get(o, 0));
	doc_set_cursor(d, FIELD_BODY, 0, false);
	ck_assert(doc_insert(d, "Ở đây ", strlen("Ở đây "), 0));
	a += strlen("Ở đây ");
	b += strlen("Ở đây ");
	ck_assert_uint_eq(overlay_get(o, 0)->start, a);
	ck_assert_uint_eq(overlay_get(o, 1)->start, b);
	ck_assert(doc_undo(d)); /* spans follow undo as well */
	a -= strlen("Ở đây ");
	b -= strlen("Ở đây ");
	ck_assert_uint_eq(overlay_get(o, 0)->start, a);
	ck_assert_uint_eq(overlay_get(o, 1)->end, b + 3);
	doc_set_cursor(d, FIELD_BODY, a + strlen("nhử"), false);
	ck_assert(doc_backspace(d, 0)); /* inside "nhửng": that span goes */
	ck_assert_uint_eq(overlay_count(o), 1);
	ck_assert_uint_eq(overlay_get(o, 0)->tag, 11);
	ck_assert_uint_eq(overlay_get(o, 0)->start, b - strlen("ử"));
	ck_assert_ptr_eq(overlay_next(o, 0, false), overlay_get(o, 0));
	ck_assert_ptr_null(overlay_next(o, b, false));
	ck_assert_ptr_eq(overlay_next(o, b, true), overlay_get(o, 0));
	ck_assert_ptr_eq(overlay_prev(o, b, false), overlay_get(o, 0));
	doc_free(d);
}
END_TEST

START_TEST(span_is_dropped_when_an_edit_meets_its_edge)
{
	Overlay *o = overlay_new();

	overlay_add(o, 10, 15, 1, 1);
	overlay_add(o, 20, 25, 1, 2);
	overlay_add(o, 30, 30, 1, 3); /* empty: ignored */
	overlay_edit(o, 15, 0, 1);    /* typing right after the first word */
	ck_assert_uint_eq(overlay_count(o), 1);
	ck_assert_uint_eq(overlay_get(o, 0)->start, 21);
	overlay_edit(o, 0, 5, 0);     /* deleting far before */
	ck_assert_uint_eq(overlay_get(o, 0)->start, 16);
	overlay_clear_range(o, 0, 16);
	ck_assert_uint_eq(overlay_count(o), 1);
	overlay_clear_range(o, 18, 18);
	ck_assert_uint_eq(overlay_count(o), 0);
	overlay_free(o);
}
END_TEST

START_TEST(changed_range_is_the_edit)
{
	const char *t = "Đoạn một.\n\nĐoạn hai có lỗi.\n\nĐoạn ba.";
	Doc *d = doc_body(t);
	size_t s, e, two = strlen("Đoạn một.\n\n");

	ck_assert(doc_take_changed(d, FIELD_BODY, &s, &e)); /* after a load: everything */
	ck_assert_uint_eq(s, 0);
	ck_assert_uint_eq(e, strlen(t));
	ck_assert(!doc_take_changed(d, FIELD_BODY, &s, &e));
	doc_set_cursor(d, FIELD_BODY, two + strlen("Đoạn hai"), false);
	ck_assert(doc_insert(d, " nữa", strlen(" nữa"), 0));
	ck_assert(doc_take_changed(d, FIELD_BODY, &s, &e)); /* the edit itself, not widened */
	ck_assert_uint_ge(s, two + strlen("Đoạn hai"));
	ck_assert_uint_le(e, two + strlen("Đoạn hai nữa "));
	ck_assert_uint_eq(e - s, strlen(" nữa"));
	ck_assert(!doc_take_changed(d, FIELD_TITLE, &s, &e));
	doc_free(d);
}
END_TEST

START_TEST(copy_cut_paste_with_selection)
{
	Doc *d = doc_body("Tin nóng: giá xăng tăng.");
	const char *clip;
	size_t len;

	doc_set_cursor(d, FIELD_BODY, strlen("Tin nóng: "), false);
	for (int i = 0; i < 2; i++)
		doc_move(d, MOVE_WORD_RIGHT, true);
	selected(d, "giá xăng ");
	clip = doc_copy(d, &len);
	ck_assert_uint_eq(len, strlen("giá xăng "));
	ck_assert(memcmp(clip, "giá xăng ", len) == 0);
	clip = doc_cut(d, 0, &len);
	ck_assert_ptr_nonnull(clip);
	ck_assert_str_eq(body(d), "Tin nóng: tăng.");
	doc_move(d, MOVE_FIELD_END, false);
	ck_assert(doc_paste(d, 10));
	ck_assert_str_eq(body(d), "Tin nóng: tăng.giá xăng ");
	ck_assert_ptr_nonnull(doc_clipboard(d, &len));
	doc_move(d, MOVE_LEFT, false);
	ck_assert_ptr_null(doc_copy(d, &len)); /* no selection */
	doc_select_field(d);
	ck_assert(doc_insert(d, "X", 1, 20)); /* typing replaces the selection */
	ck_assert_str_eq(body(d), "X");
	doc_free(d);
}
END_TEST

START_TEST(shift_left_then_left_collapses_selection)
{
	Doc *d = doc_body("ệ ơ ư");
	size_t s, e;

	doc_move(d, MOVE_FIELD_END, false);
	doc_move(d, MOVE_LEFT, true);
	doc_move(d, MOVE_LEFT, true);
	selected(d, " ư");
	doc_move(d, MOVE_LEFT, false);
	ck_assert(!doc_selection(d, &s, &e));
	ck_assert_uint_eq(doc_cursor(d), strlen("ệ ơ"));
	doc_move(d, MOVE_DOWN, true); /* cannot leave the field while selecting */
	ck_assert_int_eq(doc_field(d), FIELD_BODY);
	selected(d, " ư");
	doc_free(d);
}
END_TEST

START_TEST(one_line_fields_turn_line_breaks_into_spaces)
{
	Doc *d = doc_new();

	doc_set_cursor(d, FIELD_TITLE, 0, false);
	ck_assert(doc_paste_text(d, "Bão số 3\r\nđổ bộ", strlen("Bão số 3\r\nđổ bộ"), 0));
	ck_assert_str_eq(doc_text(d, FIELD_TITLE, NULL), "Bão số 3 đổ bộ");
	ck_assert(!doc_field_multiline(FIELD_TITLE));
	ck_assert(doc_field_multiline(FIELD_BODY));
	ck_assert_str_eq(doc_field_name(FIELD_SAPO), "sapo");
	doc_free(d);
}
END_TEST

START_TEST(invalid_input_is_refused_with_a_message)
{
	Doc *d = doc_body("abc");

	ck_assert(!doc_insert(d, "x\xFFy", 3, 0));
	ck_assert_str_eq(body(d), "abc");
	ck_assert_str_eq(doc_errmsg(d), "invalid UTF-8 in the input at byte 1");
	ck_assert(!doc_set_field(d, FIELD_SAPO, "\xC3", 1));
	ck_assert_str_eq(doc_errmsg(d), "invalid UTF-8 in the sapo at byte 0");
	doc_free(d);
}
END_TEST

START_TEST(goto_line_counts_and_status_position)
{
	Doc *d = doc_body("Một hai.\n\nBa bốn năm.\nSáu");
	size_t line, col;

	ck_assert(doc_set_field(d, FIELD_TITLE, "Tít ngắn", strlen("Tít ngắn")));
	doc_goto_line(d, 3);
	ck_assert_int_eq(doc_field(d), FIELD_BODY);
	ck_assert_uint_eq(doc_cursor(d), strlen("Một hai.\n\n"));
	doc_move(d, MOVE_WORD_RIGHT, false);
	doc_cursor_line(d, &line, &col);
	ck_assert_uint_eq(line, 3);
	ck_assert_uint_eq(col, 4);
	doc_goto_line(d, 99);
	ck_assert_uint_eq(doc_cursor(d), strlen("Một hai.\n\nBa bốn năm.\n"));
	ck_assert_uint_eq(doc_words(d), 8);
	ck_assert_uint_eq(doc_chars(d), strlen("Tit ngan") + strlen("Mot hai.Ba bon nam.Sau"));
	doc_free(d);
}
END_TEST

START_TEST(delete_word_and_grapheme_forward)
{
	Doc *d = doc_body("Đây là câu thử");

	doc_move(d, MOVE_FIELD_END, false);
	ck_assert(doc_delete_move(d, MOVE_WORD_LEFT, 0));
	ck_assert_str_eq(body(d), "Đây là câu ");
	doc_move(d, MOVE_DOC_START, false);
	ck_assert_int_eq(doc_field(d), FIELD_TITLE);
	doc_set_cursor(d, FIELD_BODY, 0, false);
	ck_assert(doc_delete(d, 0));
	ck_assert_str_eq(body(d), "ây là câu ");
	ck_assert(doc_delete_move(d, MOVE_LINE_END, 10));
	ck_assert_str_eq(body(d), "");
	ck_assert(!doc_delete(d, 20));
	ck_assert(!doc_backspace(d, 30));
	doc_move(d, MOVE_DOC_END, false);
	ck_assert_int_eq(doc_field(d), FIELD_BODY); /* the end of the text, not of the tags */
	doc_free(d);
}
END_TEST

/* A running total kept through the doc's counter: words of the body, by the pieces. */
static long counted_words;

static void count_words_cb(void *arg, FieldId f, const char *text, size_t len, int sign)
{
	(void)arg;
	if (f == FIELD_BODY)
		counted_words += sign * (long)text_count_words(text, len);
}

static void counts_match(Doc *d)
{
	size_t tl, bl, sl;
	const char *t = doc_text(d, FIELD_TITLE, &tl), *b = doc_text(d, FIELD_BODY, &bl);
	const char *sp = doc_text(d, FIELD_SAPO, &sl);
	ck_assert_uint_eq(doc_words(d), text_count_words(t, tl) + text_count_words(sp, sl) +
						text_count_words(b, bl));
	ck_assert_uint_eq(doc_chars(d), text_count_chars(t, tl) + text_count_chars(sp, sl) +
						text_count_chars(b, bl));
	ck_assert_int_eq(counted_words, (long)text_count_words(b, bl));
}

/* One edit at the cursor chosen by r: a deletion, an undo or redo, a paste or a piece typed. */
static void random_edit(Doc *d, unsigned r, int i)
{
	static const char *const bits[] = {"a", " ", "ệ", "\n", "\xcc\x81", "Người dân", "x y",
					   "\n\n", ".", "👍🏽", "e", "  ", "\xd8\x80", "🇻🇳", " b"};
	if (r % 7 == 0)
		doc_backspace(d, i * 10);
	else if (r % 11 == 0)
		doc_undo(d);
	else if (r % 13 == 0)
		doc_redo(d);
	else if (r % 17 == 0)
		doc_delete_move(d, MOVE_WORD_RIGHT, i * 10);
	else if (r % 19 == 0)
		doc_paste_text(d, "Đoạn dán\nhai dòng ", strlen("Đoạn dán\nhai dòng "), i);
	else {
		const char *b = bits[(r / 7) % (sizeof bits / sizeof *bits)];
		doc_insert(d, b, strlen(b), i * 1000);
	}
}

START_TEST(counts_follow_every_edit_without_recounting)
{
	Doc *d = doc_body("Một hai ba.\n\nBốn năm sáu bảy.");
	uint64_t v = doc_version(d);
	unsigned seed = 7;

	counted_words = (long)text_count_words(body(d), strlen(body(d)));
	doc_set_counter(d, count_words_cb, NULL);
	for (int i = 0; i < 600; i++) {
		size_t len;
		doc_text(d, FIELD_BODY, &len);
		seed = seed * 1103515245u + 12345u;
		unsigned r = seed >> 8;
		doc_set_cursor(d, FIELD_BODY, len ? r % (len + 1) : 0, false);
		random_edit(d, r, i);
		counts_match(d);
	}
	ck_assert(doc_version(d) != v);
	doc_free(d);
}
END_TEST

/* The status line's position, counted afresh from the start of the field. */
static void position_matches(Doc *d)
{
	size_t len, line, col, c = doc_cursor(d), ls = c, n = 1;
	const char *t = doc_text(d, doc_field(d), &len);

	for (size_t i = 0; i < c; i++)
		n += t[i] == '\n';
	while (ls > 0 && t[ls - 1] != '\n')
		ls--;
	doc_cursor_line(d, &line, &col);
	ck_assert_uint_eq(line, n);
	ck_assert_uint_eq(col, text_count_chars(t + ls, c - ls) + 1);
}

START_TEST(status_position_follows_edits_and_moves)
{
	static const Move moves[] = {MOVE_LEFT, MOVE_RIGHT, MOVE_UP, MOVE_DOWN, MOVE_WORD_LEFT,
				     MOVE_WORD_RIGHT, MOVE_LINE_START, MOVE_LINE_END};
	Doc *d = doc_body("Một hai ba.\n\nBốn năm sáu bảy.\nệ ab cd");
	unsigned seed = 11;

	doc_move(d, MOVE_DOC_END, false);
	position_matches(d);
	/* Edits behind the place the column was counted from, with no look in between. */
	doc_set_cursor(d, FIELD_BODY, strlen("Một hai ba.\n\nBốn năm sáu bảy.\nệ"), false);
	doc_backspace(d, 0);
	doc_insert(d, "xyz", 3, 0);
	doc_move(d, MOVE_DOC_END, false);
	position_matches(d);
	doc_set_cursor(d, FIELD_BODY, 0, false);
	doc_insert(d, "x\ny\n", 4, 0);
	doc_move(d, MOVE_DOC_END, false);
	position_matches(d);
	for (int i = 0; i < 2000; i++) {
		size_t len;
		doc_text(d, FIELD_BODY, &len);
		seed = seed * 1103515245u + 12345u;
		unsigned r = seed >> 8;
		if (r % 23 == 0)
			doc_set_cursor(d, FIELD_BODY, len ? r % (len + 1) : 0, false);
		else if (r % 5 == 0)
			doc_move(d, moves[(r / 5) % (sizeof moves / sizeof *moves)], false);
		else
			random_edit(d, r, i);
		if (doc_field(d) != FIELD_BODY)
			doc_set_cursor(d, FIELD_BODY, 0, false);
		position_matches(d);
	}
	doc_free(d);
}
END_TEST

static Suite *doc_suite(void)
{
	Suite *s = suite_create("doc");
	ADD_TEST(s, find_ignoring_diacritics_maps_back_to_real_bytes);
	ADD_TEST(s, exact_find_matches_marks_and_normalises_the_needle);
	ADD_TEST(s, doc_find_selects_and_wraps_through_fields);
	ADD_TEST(s, replace_next_and_replace_all);
	ADD_TEST(s, replace_all_ignoring_marks_across_fields);
	ADD_TEST(s, spans_shift_and_drop_with_edits);
	ADD_TEST(s, span_is_dropped_when_an_edit_meets_its_edge);
	ADD_TEST(s, changed_range_is_the_edit);
	ADD_TEST(s, copy_cut_paste_with_selection);
	ADD_TEST(s, shift_left_then_left_collapses_selection);
	ADD_TEST(s, one_line_fields_turn_line_breaks_into_spaces);
	ADD_TEST(s, invalid_input_is_refused_with_a_message);
	ADD_TEST(s, goto_line_counts_and_status_position);
	ADD_TEST(s, delete_word_and_grapheme_forward);
	ADD_TEST(s, counts_follow_every_edit_without_recounting);
	ADD_TEST(s, status_position_follows_edits_and_moves);
	return s;
}

CHECK_MAIN(doc_suite)
