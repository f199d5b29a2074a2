/* test_undo.c: undo grouping as a user sees it through the document: typing bursts, pauses,
 * cursor moves, paste, Backspace runs, input-method rewrites, redo and the saved state. */
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "edit/doc.h"
#include "edit/undo.h"

static const char *body(Doc *d)
{
	return doc_text(d, FIELD_BODY, NULL);
}

static Doc *doc_body(const char *text)
{
	Doc *d = doc_new();
	ck_assert(doc_set_field(d, FIELD_BODY, text, strlen(text)));
	doc_set_cursor(d, FIELD_BODY, strlen(text), false);
	return d;
}

/* Types s one code point at a time, step_ms apart, starting at *t. */
static void type(Doc *d, const char *s, int64_t *t, int64_t step_ms)
{
	size_t i = 0, n = strlen(s);
	while (i < n) {
		size_t k = 1;
		while (i + k < n && ((unsigned char)s[i + k] & 0xC0) == 0x80)
			k++;
		ck_assert(doc_insert(d, s + i, k, *t));
		*t += step_ms;
		i += k;
	}
}

static void ins(Doc *d, const char *s, int64_t t)
{
	ck_assert(doc_insert(d, s, strlen(s), t));
}

START_TEST(a_typing_burst_is_one_step)
{
	Doc *d = doc_body("");
	int64_t t = 1000;

	type(d, "Xin chào", &t, 120);
	ck_assert_str_eq(body(d), "Xin chào");
	ck_assert(doc_undo(d));
	ck_assert_str_eq(body(d), "");
	ck_assert(!doc_undo(d));
	ck_assert(doc_redo(d));
	ck_assert_str_eq(body(d), "Xin chào");
	ck_assert_uint_eq(doc_cursor(d), strlen("Xin chào"));
	doc_free(d);
}
END_TEST

START_TEST(a_pause_starts_a_new_step)
{
	Doc *d = doc_body("");
	int64_t t = 0;

	type(d, "Hà", &t, 100);
	t += UNDO_BURST_MS + 1;
	type(d, " Nội", &t, 100);
	ck_assert(doc_undo(d));
	ck_assert_str_eq(body(d), "Hà");
	ck_assert(doc_undo(d));
	ck_assert_str_eq(body(d), "");
	doc_free(d);
}
END_TEST

START_TEST(a_cursor_move_ends_the_step)
{
	Doc *d = doc_body("");
	int64_t t = 0;

	type(d, "ab", &t, 50);
	doc_move(d, MOVE_LEFT, false);
	type(d, "x", &t, 50);
	ck_assert_str_eq(body(d), "axb");
	ck_assert(doc_undo(d));
	ck_assert_str_eq(body(d), "ab");
	ck_assert_uint_eq(doc_cursor(d), 1);
	ck_assert(doc_undo(d));
	ck_assert_str_eq(body(d), "");
	doc_free(d);
}
END_TEST

START_TEST(a_paste_is_one_step_of_its_own)
{
	Doc *d = doc_body("");
	int64_t t = 0;
	const char *article = "Đoạn một.\r\n\r\nĐoạn hai, dài hơn.\r\n";

	type(d, "ab", &t, 50);
	ck_assert(doc_paste_text(d, article, strlen(article), t));
	ck_assert_str_eq(body(d), "abĐoạn một.\n\nĐoạn hai, dài hơn.\n");
	type(d, "c", &t, 50);
	ck_assert(doc_undo(d));
	ck_assert_str_eq(body(d), "abĐoạn một.\n\nĐoạn hai, dài hơn.\n");
	ck_assert(doc_undo(d));
	ck_assert_str_eq(body(d), "ab");
	ck_assert(doc_undo(d));
	ck_assert_str_eq(body(d), "");
	doc_free(d);
}
END_TEST

START_TEST(a_backspace_run_is_one_step)
{
	Doc *d = doc_body("Tiếng Việt");
	int64_t t = 0;

	for (int i = 0; i < 4; i++)
		ck_assert(doc_backspace(d, t += 80));
	ck_assert_str_eq(body(d), "Tiếng ");
	ck_assert(doc_undo(d));
	ck_assert_str_eq(body(d), "Tiếng Việt");
	doc_free(d);
}
END_TEST

START_TEST(backspace_after_typing_is_its_own_step)
{
	Doc *d = doc_body("");
	int64_t t = 0;

	type(d, "abx", &t, 100);
	ck_assert(doc_backspace(d, t += 300));
	t += 200;
	type(d, "c", &t, 100);
	ck_assert_str_eq(body(d), "abc");
	ck_assert(doc_undo(d));
	ck_assert_str_eq(body(d), "ab");
	ck_assert(doc_undo(d));
	ck_assert_str_eq(body(d), "abx");
	ck_assert(doc_undo(d));
	ck_assert_str_eq(body(d), "");
	doc_free(d);
}
END_TEST

START_TEST(ime_burst_after_slow_typing_is_one_step)
{
	/* "vie" typed earlier; the input method rewrites "ie" as "iê", then "ê" as "ệ" */
	Doc *d = doc_body("");
	int64_t t = 0;

	type(d, "vie", &t, 100);
	t = 10000;
	ck_assert(doc_backspace(d, t));
	ck_assert(doc_backspace(d, t + 1));
	ins(d, "iê", t + 2);
	ck_assert_str_eq(body(d), "viê");
	ck_assert(doc_undo(d));
	ck_assert_str_eq(body(d), "vie");
	ck_assert(doc_redo(d));
	ck_assert_str_eq(body(d), "viê");
	doc_free(d);
}
END_TEST

START_TEST(ime_bursts_while_typing_group_like_typing)
{
	Doc *d = doc_body("");
	int64_t t = 0;

	type(d, "vie", &t, 150);
	ck_assert(doc_backspace(d, t));
	ck_assert(doc_backspace(d, t));
	ins(d, "iê", t + 3);
	t += 150;
	ck_assert(doc_backspace(d, t));
	ins(d, "ệ", t + 2);
	t += 150;
	type(d, "t", &t, 150);
	ck_assert_str_eq(body(d), "việt");
	ck_assert_uint_eq(doc_cursor(d), strlen("việt"));
	ck_assert(doc_undo(d));
	ck_assert_str_eq(body(d), "");
	doc_free(d);
}
END_TEST

START_TEST(ime_burst_with_combining_marks_composes)
{
	/* an input method that sends the base letter and the marks separately */
	Doc *d = doc_body("vie");
	ck_assert(doc_backspace(d, 0));
	ins(d, "e\xCC\x82", 1);
	ck_assert_str_eq(body(d), "viê");
	ck_assert(doc_backspace(d, 100));
	ins(d, "e\xCC\x82\xCC\xA3", 101);
	ck_assert_str_eq(body(d), "việ");
	ck_assert(doc_backspace(d, 200));
	ck_assert_str_eq(body(d), "vi");
	doc_free(d);
}
END_TEST

START_TEST(slow_insert_after_backspace_is_not_an_ime_burst)
{
	Doc *d = doc_body("ab");
	ck_assert(doc_backspace(d, 0));
	ins(d, "c", UNDO_IME_MS + 200);
	ck_assert(doc_undo(d));
	ck_assert_str_eq(body(d), "a");
	doc_free(d);
}
END_TEST

START_TEST(undo_restores_a_deleted_grapheme_exactly)
{
	Doc *d = doc_body("Việt");
	ck_assert(doc_backspace(d, 0));
	ck_assert(doc_backspace(d, 50));
	ck_assert_str_eq(body(d), "Vi");
	ck_assert(doc_undo(d));
	ck_assert_str_eq(body(d), "Việt");
	doc_free(d);
}
END_TEST

START_TEST(undo_goes_back_to_the_field_of_the_change)
{
	Doc *d = doc_new();
	int64_t t = 0;

	doc_set_cursor(d, FIELD_TITLE, 0, false);
	type(d, "Tít", &t, 50);
	doc_move(d, MOVE_NEXT_FIELD, false);
	doc_move(d, MOVE_NEXT_FIELD, false);
	ck_assert_int_eq(doc_field(d), FIELD_BODY);
	type(d, "Thân", &t, 50);
	ck_assert(doc_undo(d));
	ck_assert_str_eq(body(d), "");
	ck_assert(doc_undo(d));
	ck_assert_int_eq(doc_field(d), FIELD_TITLE);
	ck_assert_str_eq(doc_text(d, FIELD_TITLE, NULL), "");
	doc_free(d);
}
END_TEST

START_TEST(saved_state_follows_undo_and_redo)
{
	Doc *d = doc_body("bản thảo");
	int64_t t = 0;

	ck_assert(!doc_is_dirty(d));
	type(d, " mới", &t, 50);
	ck_assert(doc_is_dirty(d));
	doc_mark_saved(d);
	ck_assert(!doc_is_dirty(d));
	type(d, "!", &t, 50); /* within the burst, yet after the save: a new step */
	ck_assert(doc_is_dirty(d));
	ck_assert(doc_undo(d));
	ck_assert_str_eq(body(d), "bản thảo mới");
	ck_assert(!doc_is_dirty(d));
	ck_assert(doc_undo(d));
	ck_assert(doc_is_dirty(d));
	ck_assert(doc_redo(d));
	ck_assert(!doc_is_dirty(d));
	ck_assert(doc_undo(d));
	type(d, "x", &t, 50); /* a different future: never equal to the saved one */
	ck_assert(doc_is_dirty(d));
	ck_assert(!doc_redo(d));
	doc_free(d);
}
END_TEST

/* The log keeps no copy of inserted bytes until they are undone: undoing every step and
 * redoing every step still passes through each text, including overlapping edits. */
START_TEST(undo_and_redo_walk_back_and_forth_through_every_text)
{
	static const char *const bits[] = {"Người dân ", "ệ", "\xcc\x81", "\n\nĐoạn hai", "x"};
	char *seen[40];
	Doc *d = doc_body("Bão số 3.");
	unsigned seed = 11;
	int n = 0;

	seen[n++] = strdup(body(d));
	for (int i = 0; i < 39; i++) {
		size_t len = strlen(body(d));
		seed = seed * 1103515245u + 12345u;
		doc_set_cursor(d, FIELD_BODY, (seed >> 8) % (len + 1), false);
		if (i % 5 == 4)
			doc_backspace(d, i * 5000);
		else
			ins(d, bits[(seed >> 12) % 5], i * 5000);
		seen[n++] = strdup(body(d));
	}
	for (int i = n - 1; i > 0; i--) {
		if (strcmp(seen[i], seen[i - 1]) != 0)
			ck_assert(doc_undo(d));
		ck_assert_str_eq(body(d), seen[i - 1]);
	}
	for (int i = 1; i < n; i++) {
		if (strcmp(seen[i], seen[i - 1]) != 0)
			ck_assert(doc_redo(d));
		ck_assert_str_eq(body(d), seen[i]);
	}
	for (int i = 0; i < n; i++)
		free(seen[i]);
	doc_free(d);
}
END_TEST

START_TEST(log_groups_forced_edits)
{
	UndoLog *u = undo_new();
	const UndoEdit *e;
	UndoEdit a = {0, 0, NULL, 0, "x", 1, 0, 1};
	UndoEdit b = {2, 5, "y", 1, NULL, 0, 6, 5};
	uint64_t s0 = undo_state(u);

	undo_group_begin(u);
	undo_record(u, &a, UNDO_OTHER, 0);
	undo_record(u, &b, UNDO_OTHER, 99999);
	undo_group_end(u);
	ck_assert_uint_eq(undo_depth(u), 1);
	ck_assert(undo_state(u) != s0);
	ck_assert_uint_eq(undo_undo(u, &e), 2);
	/* the inserted bytes are the document's until undone: then the caller hands them over */
	ck_assert_ptr_null(e[0].new_text);
	ck_assert_str_eq(e[1].old_text, "y");
	undo_keep_new(u, &e[1], "");
	undo_keep_new(u, &e[0], "x!");
	ck_assert_uint_eq(undo_state(u), s0);
	ck_assert(undo_can_redo(u));
	ck_assert_uint_eq(undo_redo(u, &e), 2);
	ck_assert_str_eq(e[0].new_text, "x");
	ck_assert_str_eq(e[1].new_text, "");
	ck_assert_uint_eq(undo_undo(u, &e), 2);
	undo_clear(u);
	ck_assert(!undo_can_undo(u) && !undo_can_redo(u));
	undo_free(u);
}
END_TEST

static Suite *undo_suite(void)
{
	Suite *s = suite_create("undo");
	ADD_TEST(s, a_typing_burst_is_one_step);
	ADD_TEST(s, undo_and_redo_walk_back_and_forth_through_every_text);
	ADD_TEST(s, a_pause_starts_a_new_step);
	ADD_TEST(s, a_cursor_move_ends_the_step);
	ADD_TEST(s, a_paste_is_one_step_of_its_own);
	ADD_TEST(s, a_backspace_run_is_one_step);
	ADD_TEST(s, backspace_after_typing_is_its_own_step);
	ADD_TEST(s, ime_burst_after_slow_typing_is_one_step);
	ADD_TEST(s, ime_bursts_while_typing_group_like_typing);
	ADD_TEST(s, ime_burst_with_combining_marks_composes);
	ADD_TEST(s, slow_insert_after_backspace_is_not_an_ime_burst);
	ADD_TEST(s, undo_restores_a_deleted_grapheme_exactly);
	ADD_TEST(s, undo_goes_back_to_the_field_of_the_change);
	ADD_TEST(s, saved_state_follows_undo_and_redo);
	ADD_TEST(s, log_groups_forced_edits);
	return s;
}

CHECK_MAIN(undo_suite)
