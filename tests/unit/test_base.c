/* test_base.c: strings, UTF-8, NFC, graphemes, width and the JSON writer. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>

#include "check_main.h"
#include "base/file.h"
#include "base/json.h"
#include "base/str.h"
#include "base/utf8.h"

START_TEST(str_grows_and_formats)
{
	Str s = STR_INIT;
	ck_assert_str_eq(str_cstr(&s), "");
	for (int i = 0; i < 1000; i++)
		str_addf(&s, "%d,", i);
	ck_assert_uint_eq(s.len, strlen(s.s));
	ck_assert(strncmp(s.s, "0,1,2,", 6) == 0);
	str_truncate(&s, 2);
	ck_assert_str_eq(s.s, "0,");
	str_release(&s);
}
END_TEST

START_TEST(utf8_reports_first_bad_byte)
{
	size_t bad = 99;
	ck_assert(utf8_valid("Việt Nam", strlen("Việt Nam"), &bad));
	ck_assert(!utf8_valid("abc\xC3(def", 8, &bad));
	ck_assert_uint_eq(bad, 3);
	ck_assert(!utf8_valid("ab\xED\xA0\x80", 5, &bad)); /* a surrogate */
	ck_assert_uint_eq(bad, 2);
	ck_assert(!utf8_valid("\xC0\xAF", 2, &bad)); /* overlong */
	ck_assert_uint_eq(bad, 0);
}
END_TEST

START_TEST(nfc_composes_decomposed_vietnamese)
{
	Str s = STR_INIT;
	/* "Việt" with e + circumflex + dot below, as macOS sends it */
	const char *nfd = "Vie\xCC\x82\xCC\xA3t";
	ck_assert(!utf8_is_nfc(nfd, strlen(nfd)));
	ck_assert(utf8_nfc(nfd, strlen(nfd), &s));
	ck_assert_str_eq(s.s, "Việt");
	ck_assert(utf8_is_nfc(s.s, s.len));
	/* a code point newer than the Unicode tables is kept as it is */
	str_clear(&s);
	ck_assert(utf8_nfc("a\xF1\xAF\xAA\xBB" "b", 6, &s));
	ck_assert_str_eq(s.s, "a\xF1\xAF\xAA\xBB" "b");
	ck_assert(utf8_is_nfc("a\xF1\xAF\xAA\xBB" "b", 6));
	str_release(&s);
}
END_TEST

/* The quick check settles a stretch at a time: it agrees with the full normaliser on texts
 * mixing stable characters, marks, pieces that compose across them and characters NFC never
 * keeps, wherever they fall (at the start, the end, next to each other). */
START_TEST(nfc_check_agrees_with_the_normaliser_stretch_by_stretch)
{
	static const char *const bits[] = {"a", "e", "ệ", "\xCC\x81", "\xCC\xA3", "\xCC\x82",
		"\xE2\x84\xAB" /* Angstrom sign */, "\xCD\x80" /* U+0340 */, "\xE1\x84\x80",
		"\xE1\x85\xA1" /* Hangul jamo */, "\xE2\x80\x99", "\xF0\x9F\x91\x8D", " ",
		"\xC3\x85", "\xD0\xB9", "\xD0\xB8\xCC\x86", "x y z abcdefgh"};
	unsigned seed = 5;
	for (int round = 0; round < 3000; round++) {
		Str t = STR_INIT;
		int parts = 1 + round % 9;
		for (int k = 0; k < parts; k++) {
			seed = seed * 1103515245u + 12345u;
			str_add(&t, bits[(seed >> 8) % (sizeof bits / sizeof *bits)],
				strlen(bits[(seed >> 8) % (sizeof bits / sizeof *bits)]));
		}
		/* the normaliser itself, not utf8_nfc (which asks utf8_is_nfc first) */
		utf8proc_uint8_t *n = NULL;
		utf8proc_ssize_t nl = utf8proc_map((const utf8proc_uint8_t *)t.s,
						   (utf8proc_ssize_t)t.len, &n, UTF8PROC_COMPOSE);
		ck_assert(nl >= 0);
		ck_assert_msg(utf8_is_nfc(t.s, t.len) ==
			      ((size_t)nl == t.len && memcmp(n, t.s, t.len) == 0),
			      "round %d: '%s'", round, t.s);
		free(n);
		str_release(&t);
	}
}
END_TEST

START_TEST(graphemes_and_width)
{
	const char *s = "ệe\xCC\x81x"; /* ệ, e + combining acute, x */
	size_t len = strlen(s);
	size_t a = utf8_next_grapheme(s, len, 0);
	size_t b = utf8_next_grapheme(s, len, a);
	ck_assert_uint_eq(a, 3);
	ck_assert_uint_eq(b, 6);
	ck_assert_uint_eq(utf8_prev_grapheme(s, len, b), a);
	ck_assert_uint_eq(utf8_width(s, len), 3);
	ck_assert_uint_eq(utf8_width("中文", 6), 4);
	ck_assert_uint_eq(utf8_chars(s, len), 4);
}
END_TEST

/* Cluster ends, with the quick answer for ASCII after Latin and Vietnamese letters and the
 * cases where it must not be taken. */
static size_t next_of(const char *s, size_t off)
{
	return utf8_next_grapheme(s, strlen(s), off);
}

START_TEST(grapheme_ends_before_ascii)
{
	ck_assert_uint_eq(next_of("ab", 0), 1);
	ck_assert_uint_eq(next_of("ệa", 0), strlen("ệ"));
	ck_assert_uint_eq(next_of("\r\nx", 0), 2);              /* CR LF is one cluster */
	ck_assert_uint_eq(next_of("e\xcc\x81x", 0), 3);          /* a mark joins the letter */
	ck_assert_uint_eq(next_of("\xd8\x80" "1x", 0), 3);       /* a prefix joins what follows */
	ck_assert_uint_eq(next_of("\xcc\x81x", 0), 2);           /* a lone mark, then x */
	ck_assert_uint_eq(next_of("x", 0), 1);
}
END_TEST

START_TEST(json_escapes_and_nests)
{
	Str s = STR_INIT;
	Json j;
	json_init(&j, &s);
	json_obj(&j);
	json_key(&j, "title");
	json_str(&j, "Bão \"số 3\"\n<b>");
	json_key(&j, "tags");
	json_arr(&j);
	json_str(&j, "a");
	json_int(&j, 2);
	json_null(&j);
	json_end(&j);
	json_key(&j, "bad");
	json_strn(&j, "x\xFFy", 3);
	json_end(&j);
	ck_assert_str_eq(s.s, "{\"title\":\"Bão \\\"số 3\\\"\\n\\u003cb>\",\"tags\":[\"a\",2,null],"
			      "\"bad\":\"x\\ufffdy\"}");
	str_release(&s);
}
END_TEST

/* A new file is written whole, and a name already taken is left as it is. */
START_TEST(a_new_file_never_replaces_another)
{
	char dir[] = "/tmp/toasoan-file-XXXXXX", path[64], err[256];
	Str got = STR_INIT;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/a.txt", dir);
	ck_assert(file_write_new(path, "first", 5, err, sizeof(err)));
	ck_assert(!file_write_new(path, "second", 6, err, sizeof(err)));
	ck_assert_int_eq(errno, EEXIST);
	ck_assert(file_read(path, 100, &got, err, sizeof(err)));
	ck_assert_str_eq(str_cstr(&got), "first");
	ck_assert(file_write_atomic(path, "third", 5, err, sizeof(err)));
	str_clear(&got);
	ck_assert(file_read(path, 100, &got, err, sizeof(err)));
	ck_assert_str_eq(str_cstr(&got), "third"); /* the atomic write replaces */
	str_release(&got);
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(rmdir(dir), 0); /* no temporary file left beside it */
}
END_TEST

static Suite *base_suite(void)
{
	Suite *s = suite_create("base");
	ADD_TEST(s, str_grows_and_formats);
	ADD_TEST(s, utf8_reports_first_bad_byte);
	ADD_TEST(s, nfc_composes_decomposed_vietnamese);
	ADD_TEST(s, nfc_check_agrees_with_the_normaliser_stretch_by_stretch);
	ADD_TEST(s, graphemes_and_width);
	ADD_TEST(s, grapheme_ends_before_ascii);
	ADD_TEST(s, json_escapes_and_nests);
	ADD_TEST(s, a_new_file_never_replaces_another);
	return s;
}

CHECK_MAIN(base_suite)
