/* test_layout.c: soft wrap at word boundaries, long words, double width, cursor mapping,
 * incremental update, and the goal column and paging through the document. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "base/str.h"
#include "edit/doc.h"
#include "edit/layout.h"

/* The rows of a layout as "text|text|..." (hard row ends shown as '$'). */
static void rows_str(const Layout *l, const char *text, Str *out)
{
	size_t n;
	const LayoutRow *r = layout_rows(l, &n);

	for (size_t i = 0; i < n; i++) {
		str_add(out, text + r[i].start, r[i].end - r[i].start);
		str_adds(out, r[i].hard ? "$" : "|");
	}
}

static void check_rows(const char *text, int width, const char *expect)
{
	Layout *l = layout_new();
	Str s = STR_INIT;

	layout_build(l, text, strlen(text), width);
	rows_str(l, text, &s);
	ck_assert_str_eq(str_cstr(&s), expect);
	str_release(&s);
	layout_free(l);
}

START_TEST(wraps_at_word_boundaries)
{
	check_rows("Xin chào các bạn đọc", 10, "Xin chào |các bạn |đọc$");
	check_rows("một hai", 7, "một hai$");
	check_rows("một hai", 6, "một |hai$");
	check_rows("a   b", 2, "a   |b$"); /* spaces hang past the width */
}
END_TEST

START_TEST(breaks_a_word_longer_than_the_width)
{
	check_rows("abcdefghijklm", 5, "abcde|fghij|klm$");
	check_rows("ở https://vnexpress.net/x", 8, "ở |https://|vnexpres|s.net/x$");
}
END_TEST

START_TEST(double_width_characters_are_not_split)
{
	check_rows("日本語テキスト", 5, "日本|語テ|キス|ト$");
	check_rows("日本語", 1, "日|本|語$"); /* narrower than one character: one per row */
}
END_TEST

START_TEST(hard_lines_and_empty_text)
{
	check_rows("", 10, "$");
	check_rows("a\n\nb\n", 10, "a$$b$$");
}
END_TEST

START_TEST(maps_offsets_to_rows_and_columns)
{
	const char *t = "Xin chào các bạn";
	Layout *l = layout_new();
	size_t cac = strlen("Xin chào ");

	layout_build(l, t, strlen(t), 10);
	ck_assert_uint_eq(layout_row_of(l, 0), 0);
	ck_assert_uint_eq(layout_row_of(l, cac - 1), 0);
	ck_assert_uint_eq(layout_row_of(l, cac), 1); /* the end of a soft row is the next row */
	ck_assert_int_eq(layout_col_of(l, t, cac), 0);
	ck_assert_int_eq(layout_col_of(l, t, strlen("Xin chào")), 8);
	ck_assert_int_eq(layout_col_of(l, t, strlen(t)), 7);
	ck_assert_uint_eq(layout_offset_at(l, t, 1, 4), cac + strlen("các "));
	ck_assert_uint_eq(layout_offset_at(l, t, 1, 50), strlen(t));
	ck_assert_uint_eq(layout_offset_at(l, t, 0, 50), cac - 1); /* stays on the soft row */
	layout_free(l);
}
END_TEST

/* A cursor after a full row, or after the spaces that hang past its end, stands in the
 * column kept free after the rows, never over the row's last letter. */
START_TEST(cursor_after_a_full_row)
{
	const char *t = "abcdefghij xyz";
	Layout *l = layout_new();

	layout_build(l, t, strlen(t), 10);
	ck_assert_uint_eq(layout_row_of(l, 10), 0);
	ck_assert_int_eq(layout_col_of(l, t, 9), 9);
	ck_assert_int_eq(layout_col_of(l, t, 10), 10); /* after "j": the free column */
	layout_build(l, "abcdefghij", 10, 10);
	ck_assert_int_eq(layout_col_of(l, "abcdefghij", 10), 10);
	layout_build(l, "abcdefghi   x", 13, 10);
	ck_assert_int_eq(layout_col_of(l, "abcdefghi   x", 11), 10); /* hanging spaces */
	layout_free(l);
}
END_TEST

START_TEST(maps_columns_inside_wide_characters)
{
	const char *t = "a日b";
	Layout *l = layout_new();

	layout_build(l, t, strlen(t), 20);
	ck_assert_int_eq(layout_col_of(l, t, 1), 1);
	ck_assert_int_eq(layout_col_of(l, t, 4), 3);
	ck_assert_uint_eq(layout_offset_at(l, t, 0, 1), 1);
	ck_assert_uint_eq(layout_offset_at(l, t, 0, 2), 1); /* the right half of 日 */
	ck_assert_uint_eq(layout_offset_at(l, t, 0, 3), 4);
	layout_free(l);
}
END_TEST

/* A layout kept by layout_update equals one built from scratch, over random edits, at a few
 * widths (narrow ones break long words into several rows, which an edit may join again),
 * whether its rows are read after each edit or only now and then. */
static void update_equals_rebuild_at(int width)
{
	static const char *const pieces[] = {"a", " ", "\n", "ệ", "日", "dài ", "xxxxxxxxxxxx", ""};
	Str text = STR_INIT, a = STR_INIT, b = STR_INIT;
	Layout *inc = layout_new(), *full = layout_new();
	unsigned seed = 7;

	str_adds(&text, "Một đoạn văn khá dài để gói thành nhiều dòng.\n\nĐoạn hai.");
	layout_build(inc, text.s, text.len, width);
	for (int i = 0; i < 2000; i++) {
		Str next = STR_INIT;
		size_t pos, del;
		const char *p;
		seed = seed * 1103515245u + 12345u;
		pos = (seed >> 8) % (text.len + 1);
		while (pos > 0 && pos < text.len && ((unsigned char)text.s[pos] & 0xC0) == 0x80)
			pos--;
		del = (seed >> 20) % 4;
		if (pos + del > text.len)
			del = text.len - pos;
		while (pos + del < text.len && ((unsigned char)text.s[pos + del] & 0xC0) == 0x80)
			del++;
		p = pieces[(seed >> 4) % 8];
		str_add(&next, text.s, pos);
		str_adds(&next, p);
		str_adds(&next, text.s + pos + del);
		str_release(&text);
		text = next;
		layout_update(inc, str_cstr(&text), text.len, pos, del, strlen(p));
		layout_build(full, str_cstr(&text), text.len, width);
		/* Mostly one row is read, near the edit or anywhere, so that the rows' moves
		 * left pending by earlier edits pile up; every 16th edit reads them all. */
		ck_assert_uint_eq(layout_nrows(inc), layout_nrows(full));
		for (size_t off = pos; off <= text.len; off += 1 + (seed >> 12) % 64) {
			size_t r = layout_row_of(inc, off);
			ck_assert_uint_eq(r, layout_row_of(full, off));
			const LayoutRow *x = layout_row(inc, r), *y = layout_row(full, r);
			ck_assert(x->start == y->start && x->end == y->end && x->cols == y->cols &&
				  x->hard == y->hard);
			if ((seed >> 24) % 4)
				break;
		}
		if (i % 16)
			continue;
		str_clear(&a);
		str_clear(&b);
		rows_str(inc, str_cstr(&text), &a);
		rows_str(full, str_cstr(&text), &b);
		ck_assert_str_eq(str_cstr(&a), str_cstr(&b));
	}
	str_release(&text);
	str_release(&a);
	str_release(&b);
	layout_free(inc);
	layout_free(full);
}

START_TEST(update_equals_rebuild)
{
	update_equals_rebuild_at(3);
	update_equals_rebuild_at(12);
	update_equals_rebuild_at(40);
}
END_TEST

/* A long body typed into in the middle: the rows after each edit are those of a fresh build
 * (how fast that is lives in the benches, never here). */
START_TEST(lays_out_a_50k_body)
{
	Str body = STR_INIT;
	Layout *l = layout_new(), *fresh = layout_new();

	while (body.len < 50 * 1024)
		str_adds(&body, "Sáng nay, Ủy ban nhân dân thành phố Đà Nẵng đã họp bàn về việc "
				"chống ngập trong mùa mưa bão sắp tới.\n\n");
	layout_build(l, body.s, body.len, 80);
	size_t mid = 25 * 1024;
	while (((unsigned char)body.s[mid] & 0xC0) == 0x80)
		mid++;
	for (int i = 0; i < 3; i++) { /* a letter in, then out again */
		str_addc(&body, ' ');
		memmove(body.s + mid + 1, body.s + mid, body.len - mid - 1);
		body.s[mid] = 'x';
		layout_update(l, body.s, body.len, mid, 0, 1);
		layout_build(fresh, body.s, body.len, 80);
		ck_assert_uint_eq(layout_nrows(l), layout_nrows(fresh));
		for (size_t r = 0; r < layout_nrows(l); r++) {
			ck_assert_uint_eq(layout_row(l, r)->start, layout_row(fresh, r)->start);
			ck_assert_uint_eq(layout_row(l, r)->end, layout_row(fresh, r)->end);
		}
		memmove(body.s + mid, body.s + mid + 1, body.len - mid - 1);
		str_truncate(&body, body.len - 1);
		layout_update(l, body.s, body.len, mid, 1, 0);
	}
	layout_build(fresh, body.s, body.len, 80);
	ck_assert_uint_eq(layout_nrows(l), layout_nrows(fresh));
	str_release(&body);
	layout_free(l);
	layout_free(fresh);
}
END_TEST

START_TEST(up_and_down_keep_the_goal_column)
{
	Doc *d = doc_new();
	const char *t = "một hai ba\nngắn\nbốn năm sáu";
	size_t row;
	int col;

	ck_assert(doc_set_field(d, FIELD_BODY, t, strlen(t)));
	doc_set_cursor(d, FIELD_BODY, strlen("một hai b"), false);
	doc_move(d, MOVE_DOWN, false);
	doc_cursor_rc(d, &row, &col);
	ck_assert_uint_eq(row, 1);
	ck_assert_int_eq(col, 4); /* end of "ngắn" */
	doc_move(d, MOVE_DOWN, false);
	doc_cursor_rc(d, &row, &col);
	ck_assert_uint_eq(row, 2);
	ck_assert_int_eq(col, 9); /* back at the goal column */
	doc_move(d, MOVE_UP, false);
	doc_move(d, MOVE_UP, false);
	ck_assert_uint_eq(doc_cursor(d), strlen("một hai b"));
	doc_move(d, MOVE_UP, false); /* past the first row: into the field above */
	ck_assert_int_eq(doc_field(d), FIELD_SAPO);
	doc_free(d);
}
END_TEST

START_TEST(page_moves_by_rows_and_home_end_by_screen_row)
{
	Doc *d = doc_new();
	Str t = STR_INIT;
	size_t row;
	int col;

	for (int i = 0; i < 30; i++)
		str_adds(&t, "chữ chữ ");
	ck_assert(doc_set_field(d, FIELD_BODY, t.s, t.len));
	doc_set_view(d, FIELD_BODY, 20, 5);
	doc_set_cursor(d, FIELD_BODY, 0, false);
	doc_move(d, MOVE_RIGHT, false);
	doc_move(d, MOVE_PAGE_DOWN, false);
	doc_cursor_rc(d, &row, &col);
	ck_assert_uint_eq(row, 5);
	ck_assert_int_eq(col, 1);
	doc_move(d, MOVE_END, false);
	doc_cursor_rc(d, &row, &col);
	ck_assert_uint_eq(row, 5);
	ck_assert_int_eq(col, 19);
	doc_move(d, MOVE_HOME, true);
	doc_cursor_rc(d, &row, &col);
	ck_assert_int_eq(col, 0);
	doc_move(d, MOVE_PAGE_UP, false);
	doc_move(d, MOVE_PAGE_UP, false);
	ck_assert_uint_eq(doc_cursor(d), 0);
	doc_set_view(d, FIELD_BODY, 40, 5); /* a resize lays the field out again */
	ck_assert_uint_eq(layout_nrows(doc_layout(d, FIELD_BODY)), 6);
	str_release(&t);
	doc_free(d);
}
END_TEST

START_TEST(click_puts_the_cursor_on_a_grapheme)
{
	Doc *d = doc_new();
	const char *t = "Tiếng Việt";
	size_t s, e;

	ck_assert(doc_set_field(d, FIELD_BODY, t, strlen(t)));
	doc_click(d, FIELD_BODY, 0, 3, false);
	ck_assert_uint_eq(doc_cursor(d), strlen("Tiế"));
	doc_click(d, FIELD_BODY, 0, 9, true);
	ck_assert(doc_selection(d, &s, &e));
	ck_assert_uint_eq(s, strlen("Tiế"));
	ck_assert_uint_eq(e, strlen("Tiếng Việ"));
	doc_free(d);
}
END_TEST

static Suite *layout_suite(void)
{
	Suite *s = suite_create("layout");
	ADD_TEST(s, wraps_at_word_boundaries);
	ADD_TEST(s, breaks_a_word_longer_than_the_width);
	ADD_TEST(s, double_width_characters_are_not_split);
	ADD_TEST(s, hard_lines_and_empty_text);
	ADD_TEST(s, maps_offsets_to_rows_and_columns);
	ADD_TEST(s, cursor_after_a_full_row);
	ADD_TEST(s, maps_columns_inside_wide_characters);
	ADD_TEST(s, update_equals_rebuild);
	ADD_TEST(s, lays_out_a_50k_body);
	ADD_TEST(s, up_and_down_keep_the_goal_column);
	ADD_TEST(s, page_moves_by_rows_and_home_end_by_screen_row);
	ADD_TEST(s, click_puts_the_cursor_on_a_grapheme);
	return s;
}

CHECK_MAIN(layout_suite)
