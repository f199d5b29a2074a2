/*
 * history.c: the editor's history list: every stored revision and change of state, newest
 * first, one line each. The selected revision can be compared with the text in the editor
 * (what a reporter changed since an editor returned it) or restored, which stores it again
 * as a new revision through the desk; nothing is deleted.
 */
#include <stdio.h>
#include <string.h>

#include "base/when.h"
#include "tui/editor.h"
#include "base/banned.h"

typedef struct History {
	Editor *e;
	size_t sel;     /* index into e->history counted from the newest */
	size_t top;
} History;

static const Event *event_at(const History *h, size_t i)
{
	const EventList *l = &h->e->history;
	return i < l->n ? &l->items[l->n - 1 - i] : NULL;
}

void history_describe(const App *a, const Event *ev, char *buf, size_t len)
{
	const char *lang = lang_code(a->lang);
	const char *who = ev->who_name && *ev->who_name ? ev->who_name : ev->who;

	if (ev->is_revision && ev->kind != REV_SAVE)
		app_format(a, buf, len, S_HIST_KEPT, who, revision_kind_label(ev->kind, lang),
			   (int)ev->version);
	else if (ev->is_revision)
		app_format(a, buf, len, S_HIST_REVISION, who, (int)ev->version);
	else if (ev->created)
		app_format(a, buf, len, S_HIST_CREATED, who);
	else
		app_format(a, buf, len, S_HIST_MOVE, who, state_label(ev->from, lang),
			   state_label(ev->to, lang));
}

/* One line: "2026-11-26 14:50  Trần Thị Mai lưu bản 3 “note”". */
static void event_line(const Editor *e, const Event *ev, Str *out)
{
	char buf[400];

	when_local(ev->at, out);
	history_describe(e->app, ev, buf, sizeof buf);
	str_addf(out, "  %s", buf);
	if (ev->real_who && *ev->real_who) {
		app_format(e->app, buf, sizeof buf, S_HIST_AS, ev->real_who);
		str_addf(out, " %s", buf);
	}
	if (ev->note && *ev->note)
		str_addf(out, " “%s”", ev->note);
}

static bool history_offers(void *arg, Command c)
{
	History *h = arg;
	const Event *ev = event_at(h, h->sel);
	if (c == CMD_DIFF)
		return ev && ev->is_revision;
	if (c == CMD_RESTORE)
		return ev && ev->is_revision && !h->e->read_only;
	return true;
}

/* The rows the selected event's note needs, wrapped to the width (at most half the list). */
static int note_rows(const Event *ev, int cols, int most)
{
	int n = 0;
	size_t off = 0, next, len = ev && ev->note ? strlen(ev->note) : 0;
	while (off < len && n < most) {
		app_wrap(ev->note + off, len - off, cols - 4, &next);
		off += next;
		n++;
	}
	return n;
}

/* The selected event's note whole, under the list, so that a long note is read to its end. */
static void draw_note(const Event *ev, int y, int rows, int cols)
{
	size_t off = 0, next, len = strlen(ev->note);
	term_fill(y, 0, cols, SLOT_BORDER);
	for (int x = 0; x < cols; x++)
		term_puts(y, x, "─", 1, SLOT_BORDER);
	for (int r = 1; r <= rows; r++) {
		term_fill(y + r, 0, cols, SLOT_TEXT);
		size_t n = app_wrap(ev->note + off, len - off, cols - 4, &next);
		term_put(y + r, 2, ev->note + off, n, cols - 4, SLOT_MESSAGE);
		off += next;
	}
}

static void history_draw(void *arg)
{
	History *h = arg;
	Editor *e = h->e;
	App *a = e->app;
	int rows = term_rows(), cols = term_cols(), list = rows - 3;
	const Event *cur = event_at(h, h->sel);
	int nrows = note_rows(cur, cols, list / 2 - 1);
	char title[120];
	Str line = STR_INIT;
	if (nrows > 0)
		list -= nrows + 1;
	app_format(a, title, sizeof title, S_HIST_TITLE, (int)e->art.id);
	app_title(a, title, "");
	if (h->sel < h->top)
		h->top = h->sel;
	if (list > 0 && h->sel >= h->top + (size_t)list)
		h->top = h->sel - (size_t)list + 1;
	for (int y = 0; y < list; y++) {
		const Event *ev = event_at(h, h->top + (size_t)y);
		bool sel = h->top + (size_t)y == h->sel;
		Slot slot = sel ? SLOT_SELECTED : ev && ev->is_revision ? SLOT_TEXT : SLOT_DIM;
		term_fill(1 + y, 0, cols, sel ? SLOT_SELECTED : SLOT_TEXT);
		if (!ev)
			continue;
		str_clear(&line);
		event_line(e, ev, &line);
		term_puts(1 + y, 1, str_cstr(&line), cols - 2, slot);
	}
	str_release(&line);
	if (nrows > 0)
		draw_note(cur, 1 + list, nrows, cols);
	term_fill(rows - 2, 0, cols, SLOT_STATUS);
	app_draw_message(a, 1);
	app_keybar(a, SCR_HISTORY, history_offers, h);
	term_cursor(0, 0, false);
}

static void diff(History *h, const Event *ev)
{
	Editor *e = h->e;
	App *a = e->app;
	Article old, cur;
	char left[300];
	article_init(&old);
	if (!desk_revision(a->desk, e->art.id, ev->version, &old)) {
		app_message(a, true, "%s", desk_errmsg(a->desk));
		article_release(&old);
		return;
	}
	const char *who = ev->who_name && *ev->who_name ? ev->who_name : ev->who;
	Str when = STR_INIT;
	when_local(ev->at, &when);
	app_format(a, left, sizeof left, S_CMP_REVISION, (int)ev->version, who, str_cstr(&when));
	char title[120];
	app_format(a, title, sizeof title, S_CMP_DIFF, (int)ev->version);
	editor_article(e, &cur);
	compare_run(a, title, left, &old, app_str(a, S_CMP_CURRENT), &cur, false);
	article_release(&cur);
	article_release(&old);
	str_release(&when);
}

static void restore(History *h, const Event *ev)
{
	Editor *e = h->e;
	App *a = e->app;
	char q[200];
	int64_t v = ev->version;
	if (e->read_only) {
		app_message(a, true, "%s", app_str(a, S_READ_ONLY));
		return;
	}
	app_format(a, q, sizeof q, S_ASK_RESTORE, (int)v);
	if (app_ask(a, q) != 1)
		return;
	if (doc_is_dirty(e->doc) && !editor_save(e))
		return; /* the save said why */
	if (!desk_restore(a->desk, e->art.id, v)) {
		app_message(a, true, "%s", desk_errmsg(a->desk));
		return;
	}
	Article fresh;
	article_init(&fresh);
	if (desk_get(a->desk, e->art.id, &fresh)) {
		editor_load(e, &fresh);
		safety_saved(e, false);
	}
	article_release(&fresh);
	editor_load_history(e);
	h->sel = 0;
	app_say(a, false, S_RESTORED_VERSION, (int)v, (int)e->art.version);
}

/* Handles one key; false when the list closes. */
static bool history_key(History *h, Key key)
{
	size_t n = h->e->history.n, page = (size_t)(term_rows() > 4 ? term_rows() - 4 : 1);
	const Event *ev = event_at(h, h->sel);
	Command c = keys_lookup(SCR_HISTORY, key);
	app_clear_message(h->e->app);
	switch (c) {
	case CMD_UP: h->sel = h->sel > 0 ? h->sel - 1 : 0; break;
	case CMD_DOWN: h->sel = h->sel + 1 < n ? h->sel + 1 : h->sel; break;
	case CMD_PAGE_UP: h->sel = h->sel > page ? h->sel - page : 0; break;
	case CMD_PAGE_DOWN: h->sel = h->sel + page < n ? h->sel + page : (n ? n - 1 : 0); break;
	case CMD_CLOSE: return false;
	case CMD_DIFF: case CMD_RESTORE:
		if (!ev || !ev->is_revision)
			app_message(h->e->app, true, "%s", app_str(h->e->app, S_HIST_NOT_REVISION));
		else if (c == CMD_DIFF)
			diff(h, ev);
		else
			restore(h, ev);
		break;
	default: break;
	}
	return true;
}

void history_run(Editor *e)
{
	App *a = e->app;
	History h = {e, 0, 0};
	RedrawFn prev = a->redraw;
	void *prev_arg = a->redraw_arg;
	editor_load_history(e);
	a->redraw = history_draw;
	a->redraw_arg = &h;
	term_clear();
	bool open = true;
	while (open && !a->quit) {
		if (!app_too_small(a))
			history_draw(&h);
		term_refresh();
		TermEvent ev;
		app_read(a, &ev);
		if (ev.key == K_MOUSE && (ev.button == 4 || ev.button == 5))
			ev.key = ev.button == 4 ? K_UP : K_DOWN;
		if (ev.key != K_TICK && ev.key != K_RESIZE && ev.key != K_MOUSE)
			open = history_key(&h, ev.key);
	}
	a->redraw = prev;
	a->redraw_arg = prev_arg;
	term_clear();
}
