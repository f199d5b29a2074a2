/*
 * replace.c: the editor's find, find-and-replace and go to line. Find and replace keep
 * separate ignore-diacritics switches, so that a search without marks never widens a
 * replacement; replacing everything asks first with the count, in the field being edited
 * unless the person chooses every field.
 */
#include <stdlib.h>

#include "tui/editor.h"
#include "base/when.h"
#include "base/banned.h"

static unsigned find_flags(const Editor *e)
{
	return FIND_IGNORE_CASE | (e->find_fold ? FIND_IGNORE_MARKS : 0);
}

void editor_find_next(Editor *e)
{
	if (!e->find.len)
		return;
	if (!doc_find(e->doc, e->find.s, e->find.len, find_flags(e)))
		app_say(e->app, true, S_NOT_FOUND, str_cstr(&e->find));
}

/*
 * Replace-all asks first with the count: in the field being edited, or in every field (the
 * title included) only when the person chooses so.
 */
static void replace_all(Editor *e, const char *repl, size_t rlen)
{
	App *a = e->app;
	char q[400];
	unsigned flags = FIND_IGNORE_CASE | (e->replace_fold ? FIND_IGNORE_MARKS : 0);
	FieldId f = doc_field(e->doc);
	const char *name = edview_field_label(e, f);
	size_t here = doc_count_matches(e->doc, f, e->find.s, e->find.len, flags);
	size_t all = doc_count_matches(e->doc, -1, e->find.s, e->find.len, flags);
	if (!all) {
		app_say(a, true, S_NOT_FOUND, str_cstr(&e->find));
		return;
	}
	if (here)
		app_format(a, q, sizeof q, S_ASK_REPLACE_N, (int)here, name, (int)all);
	else
		app_format(a, q, sizeof q, S_ASK_REPLACE_ELSEWHERE, name, (int)all);
	int r = app_choose(a, q, here ? S_ASK_REPLACE_KEYS : S_ASK_REPLACE_KEYS_ALL);
	if (r < 0 || r == 1) {
		app_message(a, false, "%s", app_str(a, S_CANCELLED));
		return;
	}
	bool everywhere = !here || r == 2;
	size_t n = doc_replace_in(e->doc, everywhere ? -1 : (int)f, e->find.s, e->find.len, repl,
				  rlen, flags, when_mono_ms());
	app_say(a, false, S_REPLACED, (int)n);
}

void editor_find(Editor *e, bool replace)
{
	App *a = e->app;
	Str s = STR_INIT;
	bool *fold = replace ? &e->replace_fold : &e->find_fold;
	if (!app_prompt(a, app_str(a, S_ASK_FIND), str_cstr(&e->find), &s, fold) || !s.len) {
		str_release(&s);
		return;
	}
	str_clear(&e->find);
	str_add(&e->find, s.s, s.len);
	str_release(&s);
	if (!replace) {
		editor_find_next(e);
		return;
	}
	Str r = STR_INIT;
	if (app_prompt(a, app_str(a, S_ASK_REPLACE), str_cstr(&e->replace), &r, NULL)) {
		str_clear(&e->replace);
		str_add(&e->replace, str_cstr(&r), r.len);
		replace_all(e, str_cstr(&r), r.len);
	}
	str_release(&r);
}

void editor_go_to_line(Editor *e)
{
	Str s = STR_INIT;
	if (app_prompt(e->app, app_str(e->app, S_ASK_GOTO), NULL, &s, NULL) && s.len) {
		long n = strtol(s.s, NULL, 10);
		doc_goto_line(e->doc, n > 0 ? (size_t)n : 1);
	}
	str_release(&s);
}
