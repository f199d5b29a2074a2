/*
 * pane.c: the editor's side pane: (a) the checker's findings with numbered suggestions,
 * (b) the article's facts, (c) editors' notes and the latest history, newest first.
 *
 * The pane is a list of lines built on every draw from the spans of every field (items) and
 * the history; it scrolls so that the selected finding stays in view. Nothing here decides
 * a rule: adding a word asks the desk, which refuses it for roles that may not.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/when.h"
#include "base/xalloc.h"
#include "tui/editor.h"
#include "tui/strip.h"
#include "base/banned.h"

void pane_collect(Editor *e)
{
	bool same = true; /* no overlay changed since the items were collected */
	for (int f = 0; f < FIELD_COUNT; f++) {
		uint64_t st = overlay_stamp(doc_overlay(e->doc, f));
		same = same && e->item_stamp[f] == st;
		e->item_stamp[f] = st;
	}
	if (same)
		goto clamp;
	e->nitems = 0;
	for (int f = 0; f < FIELD_COUNT; f++) {
		const Overlay *o = doc_overlay(e->doc, f);
		xgrow(&e->items, &e->capitems, e->nitems + overlay_count(o) + 1, sizeof *e->items);
		for (size_t i = 0; i < overlay_count(o); i++) {
			e->items[e->nitems].field = f;
			e->items[e->nitems].span = *overlay_get(o, i);
			e->nitems++;
		}
	}
clamp:
	if (e->pane_sel >= e->nitems)
		e->pane_sel = e->nitems ? e->nitems - 1 : 0;
}

/* The text a finding covers. */
static void item_text(Editor *e, const PaneItem *it, Str *out)
{
	str_clear(out);
	if (it->span.end <= doc_len(e->doc, it->field))
		str_add(out, doc_span(e->doc, it->field, it->span.start, it->span.end) +
				     it->span.start, it->span.end - it->span.start);
}

/* A line of the pane: text and style; `item` is the finding it belongs to or -1. */
typedef struct PaneLine {
	Str text;
	Slot slot;
	long item;
} PaneLine;

typedef struct Lines {
	PaneLine *v;
	size_t n, cap;
} Lines;

static Str *add_line(Lines *l, Slot slot, long item)
{
	xgrow(&l->v, &l->cap, l->n + 1, sizeof *l->v);
	PaneLine *p = &l->v[l->n++];
	str_init(&p->text);
	p->slot = slot;
	p->item = item;
	return &p->text;
}

/*
 * The findings' lines, only those that can be in view: the column shows pane_h lines ending
 * at the selected finding at the latest, so findings more than pane_h before it or after it
 * never show (a long article may have thousands). Returns false when findings were left out
 * after the view, so that the lines below them would not show either.
 */
static bool finding_lines(Editor *e, Lines *l)
{
	App *a = e->app;
	char buf[120];
	Str word = STR_INIT;
	size_t h = (size_t)(e->pane_h > 0 ? e->pane_h : 0), at = e->pane_focus ? e->pane_sel : 0;
	size_t from = at > h ? at - h : 0, to = at + h + 1 < e->nitems ? at + h + 1 : e->nitems;
	if (from == 0) {
		app_format(a, buf, sizeof buf, S_FINDINGS, (int)e->nitems);
		str_adds(add_line(l, SLOT_PANE_TITLE, -1), buf);
		if (e->check_off[0])
			str_adds(add_line(l, SLOT_DIM, -1), e->check_off);
		else if (e->nitems == 0)
			str_adds(add_line(l, SLOT_DIM, -1), app_str(a, S_NO_FINDINGS));
	}
	for (size_t i = from; i < to; i++) {
		CheckFinding cf;
		bool sel = i == e->pane_sel && e->pane_focus;
		Slot base = sel ? SLOT_PANE_SELECTED : SLOT_PANE;
		item_text(e, &e->items[i], &word);
		bool known = checker_get(e->checker, e->items[i].span.tag, &cf);
		Str *s = add_line(l, cf.severity == CHECK_ERROR || !known ? SLOT_SPELL_ERROR
				     : cf.severity == CHECK_WARNING ? SLOT_SPELL_WARNING
								     : SLOT_SPELL_STYLE, (long)i);
		if (sel)
			l->v[l->n - 1].slot = SLOT_PANE_SELECTED;
		str_addf(s, "%s %s", sel ? "▸" : "•", str_cstr(&word));
		if (!known)
			continue;
		s = add_line(l, base, (long)i);
		str_addf(s, "  %s", cf.message);
		s = add_line(l, base, (long)i);
		str_adds(s, " ");
		for (size_t k = 0; k < cf.nsuggestions && k < 9; k++)
			str_addf(s, " %zu %s", k + 1, cf.suggestions[k]);
		if (cf.nsuggestions == 0)
			str_addf(s, " %s", app_str(a, S_SUGGEST_NONE));
	}
	str_release(&word);
	return to == e->nitems;
}

/* The editor's note when the article came back to its writer: the latest move, a return. */
static const Event *return_note(const Editor *e)
{
	for (size_t i = e->history.n; i-- > 0;) {
		const Event *ev = &e->history.items[i];
		if (ev->is_revision || ev->created)
			continue;
		bool back = ev->to == STATE_DRAFT && ev->from != STATE_DRAFT && ev->note && *ev->note;
		return back && e->art.state == STATE_DRAFT ? ev : NULL;
	}
	return NULL;
}

/* A returned article's note heads the pane: the first thing its writer reads. */
static void note_lines(Editor *e, Lines *l)
{
	const Event *ev = return_note(e);
	char buf[300];
	Str t = STR_INIT;
	if (!ev)
		return;
	when_relative(ev->at, when_now(), lang_code(e->app->lang), &t);
	app_format(e->app, buf, sizeof buf, S_RETURNED_BY,
		   ev->who_name && *ev->who_name ? ev->who_name : ev->who, str_cstr(&t));
	str_adds(add_line(l, SLOT_PANE_TITLE, -1), buf);
	str_addf(add_line(l, SLOT_MESSAGE, -1), "“%s”", ev->note);
	str_adds(add_line(l, SLOT_NORMAL, -1), "");
	str_release(&t);
}

static void info_lines(Editor *e, Lines *l, bool spacer)
{
	App *a = e->app;
	char buf[200];
	Str t = STR_INIT;
	const char *lang = lang_code(a->lang);
	size_t words = e->shown_words;
	if (spacer)
		str_adds(add_line(l, SLOT_NORMAL, -1), "");
	str_adds(add_line(l, SLOT_PANE_TITLE, -1), app_str(a, S_INFO));
	app_format(a, buf, sizeof buf, S_INFO_STATE, state_label(e->art.state, lang));
	str_adds(add_line(l, SLOT_PANE, -1), buf);
	const char *who = *e->art.author_name ? e->art.author_name : e->art.author;
	app_format(a, buf, sizeof buf, S_INFO_AUTHOR, who);
	str_adds(add_line(l, SLOT_PANE, -1), buf);
	app_format(a, buf, sizeof buf, S_INFO_WORDS, (int)words);
	str_adds(add_line(l, SLOT_PANE, -1), buf);
	app_format(a, buf, sizeof buf, S_INFO_CHARS, (int)e->shown_chars);
	str_adds(add_line(l, SLOT_PANE, -1), buf);
	app_format(a, buf, sizeof buf, S_INFO_READING, (int)((words + 199) / 200));
	str_adds(add_line(l, SLOT_PANE, -1), buf);
	if (e->art.id && e->art.updated_at)
		when_local(e->art.updated_at, &t);
	else
		str_adds(&t, app_str(a, S_INFO_NEVER));
	app_format(a, buf, sizeof buf, S_INFO_SAVED, str_cstr(&t));
	str_adds(add_line(l, SLOT_PANE, -1), buf);
	str_release(&t);
}

/* Notes and moves, newest first; saved revisions only as a count-free line each. Stops once
 * `limit` lines are there: the column shows no more (wrapping only adds lines). */
static void history_lines(Editor *e, Lines *l, bool spacer, size_t limit)
{
	App *a = e->app;
	const char *lang = lang_code(a->lang);
	char buf[400];
	Str t = STR_INIT;
	if (e->history.n == 0)
		return;
	if (spacer)
		str_adds(add_line(l, SLOT_NORMAL, -1), "");
	str_adds(add_line(l, SLOT_PANE_TITLE, -1), app_str(a, S_HISTORY));
	for (size_t i = e->history.n; i-- > 0 && l->n < limit;) {
		const Event *ev = &e->history.items[i];
		str_clear(&t);
		when_relative(ev->at, when_now(), lang, &t);
		history_describe(a, ev, buf, sizeof buf);
		str_addf(add_line(l, SLOT_DIM, -1), "%s", str_cstr(&t));
		str_addf(add_line(l, SLOT_PANE, -1), " %s", buf);
		if (ev->note && *ev->note && !ev->is_revision && !ev->created)
			str_addf(add_line(l, SLOT_MESSAGE, -1), " “%s”", ev->note);
	}
	str_release(&t);
}

/*
 * Breaks every line wider than w columns into several, each continuation indented as its
 * first line was, so that notes, messages and suggestions are read whole.
 */
static void wrap_lines(Lines *l, int w)
{
	Lines out = {NULL, 0, 0};
	for (size_t i = 0; i < l->n; i++) {
		const char *t = str_cstr(&l->v[i].text);
		size_t len = l->v[i].text.len, indent = 0, off = 0, next;
		if (!memchr(t, '\n', len) && (len <= (size_t)w || utf8_width(t, len) <= (size_t)w)) {
			/* It fits (a line is never wider than its bytes): one line, taken over as is. */
			*add_line(&out, l->v[i].slot, l->v[i].item) = l->v[i].text;
			continue;
		}
		while (indent < len && t[indent] == ' ')
			indent++;
		if (indent * 2 >= (size_t)w)
			indent = 0;
		do {
			int room = off ? w - (int)indent : w;
			size_t n = app_wrap(t + off, len - off, room > 0 ? room : 1, &next);
			Str *s = add_line(&out, l->v[i].slot, l->v[i].item);
			if (off)
				str_addf(s, "%*s", (int)indent, "");
			str_add(s, t + off, n);
			off += next > 0 ? next : len - off;
		} while (off < len);
		str_release(&l->v[i].text);
	}
	free(l->v);
	*l = out;
}

/* The pane's column is drawn from a few parts (a note, the findings, the info, the
 * history), each a list of wrapped lines, without copying them into one list. */
typedef struct Parts {
	const Lines *v[4];
	int n;
} Parts;

static const PaneLine *line_at(const Parts *p, size_t i)
{
	for (int k = 0; k < p->n; i -= p->v[k]->n, k++)
		if (i < p->v[k]->n)
			return &p->v[k]->v[i];
	return NULL;
}

static size_t parts_count(const Parts *p)
{
	size_t n = 0;
	for (int k = 0; k < p->n; k++)
		n += p->v[k]->n;
	return n;
}

/* The first line to show so that the selected finding's lines are in view. */
static size_t scroll_top(const Editor *e, const Parts *p)
{
	size_t first = 0, last = 0, top = 0, n = parts_count(p);
	for (size_t i = 0; i < n && e->pane_focus; i++)
		if (line_at(p, i)->item == (long)e->pane_sel) {
			if (!last)
				first = i;
			last = i + 1;
		}
	if (last > (size_t)e->pane_h)
		top = last - (size_t)e->pane_h;
	if (first < top)
		top = first;
	return top;
}

/* Draws lines from top in a column; with items, records which finding each row shows. A row
 * that shows what it showed last time is left alone. */
static void draw_column(Editor *e, const Parts *p, int x, int w, size_t top, bool items)
{
	for (int y = 0; y < e->pane_h; y++) {
		const PaneLine *line = line_at(p, top + (size_t)y);
		int py = e->pane_y + y;
		if (items)
			e->row_item[y] = line ? line->item : -1;
		uint64_t k = STRIP_SEED;
		if (line) {
			k = strip_hash(k, line->text.s ? line->text.s : "", line->text.len);
			k = strip_hash_int(k, 1 + (int64_t)line->slot);
		}
		if (!strip_begin(py, x, w, k))
			continue;
		term_fill(py, x, w, SLOT_PANE);
		if (line) {
			Slot s = line->slot;
			if (s == SLOT_PANE_SELECTED)
				term_fill(py, x + 1, w - 1, s);
			term_put(py, x + 1, str_cstr(&line->text), line->text.len, w - 1, s);
		}
		strip_end();
	}
}

static void free_lines(Lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		str_release(&l->v[i].text);
	free(l->v);
	*l = (Lines){NULL, 0, 0};
}

static void vertical_rule(Editor *e, int x)
{
	uint64_t k = strip_hash(STRIP_SEED, "│", 3);
	for (int y = 0; y < e->pane_h; y++)
		if (strip_begin(e->pane_y + y, x, 1, k)) {
			term_puts(e->pane_y + y, x, "│", 1, SLOT_BORDER);
			strip_end();
		}
}

/* The findings' lines of the last draw, wrapped, and what they were made from. */
typedef struct PaneMemo PaneMemo;
struct PaneMemo {
	Lines lines;
	uint64_t key;
	bool all;
	uint64_t frame_key;    /* everything the whole pane showed when it was last drawn */
	uint64_t frame_losses; /* strip_losses() then */
};

/* Everything the findings' lines depend on: the findings in view (a finding's message and
 * suggestions never change under its tag), the selection, the width and the language. */
static uint64_t findings_key(Editor *e, int w)
{
	size_t h = (size_t)(e->pane_h > 0 ? e->pane_h : 0), at = e->pane_focus ? e->pane_sel : 0;
	size_t from = at > h ? at - h : 0, to = at + h + 1 < e->nitems ? at + h + 1 : e->nitems;
	int64_t head[] = {w, e->pane_h, e->pane_focus, (int64_t)e->pane_sel, (int64_t)e->nitems,
			  (int64_t)(intptr_t)e->app->lang, e->checker != NULL};
	uint64_t k = strip_hash(STRIP_SEED, head, sizeof head);
	k = strip_hash(k, e->check_off, strlen(e->check_off));
	for (size_t i = from; i < to; i++) {
		const PaneItem *it = &e->items[i];
		int64_t v[] = {it->field, it->span.kind, it->span.tag};
		k = strip_hash(k, v, sizeof v);
		if (it->span.end <= doc_len(e->doc, it->field))
			k = strip_hash(k, doc_span(e->doc, it->field, it->span.start, it->span.end) +
						  it->span.start, it->span.end - it->span.start);
	}
	return k;
}

/* The findings' lines wrapped at w, built again only when what they show changed. */
static const Lines *findings_part(Editor *e, int w, bool *all)
{
	uint64_t k = findings_key(e, w);
	PaneMemo *m = e->pane_memo;
	if (m->key != k || !m->lines.v) {
		free_lines(&m->lines);
		m->all = finding_lines(e, &m->lines);
		wrap_lines(&m->lines, w);
		m->key = k;
	}
	*all = m->all;
	return &m->lines;
}

void pane_release(Editor *e)
{
	if (e->pane_memo)
		free_lines(&e->pane_memo->lines);
	free(e->pane_memo);
	e->pane_memo = NULL;
}

/* Beside the text the parts follow each other in one column, the info and history only as
 * far as the column reaches. */
static void draw_side(Editor *e)
{
	Lines note = {NULL, 0, 0}, info = {NULL, 0, 0}, hist = {NULL, 0, 0};
	bool all;
	int w = e->pane_w - 1;
	note_lines(e, &note);
	wrap_lines(&note, w);
	Parts p = {{&note, findings_part(e, w, &all)}, 2};
	size_t top = scroll_top(e, &p), shown = top + (size_t)e->pane_h;
	if (all && parts_count(&p) < shown) {
		info_lines(e, &info, true);
		wrap_lines(&info, w);
		p.v[p.n++] = &info;
		size_t have = parts_count(&p);
		history_lines(e, &hist, true, have < shown ? shown - have : 0);
		wrap_lines(&hist, w);
		p.v[p.n++] = &hist;
	}
	vertical_rule(e, e->pane_x - 1);
	e->finding_cols = e->pane_w;
	draw_column(e, &p, e->pane_x, e->pane_w, top, true);
	free_lines(&note);
	free_lines(&info);
	free_lines(&hist);
}

/* Below the text (a narrow terminal, few rows) the parts stand in three columns so that the
 * notes stay in sight. */
static void draw_below(Editor *e)
{
	Lines note = {NULL, 0, 0}, info = {NULL, 0, 0}, hist = {NULL, 0, 0};
	bool all;
	int w1 = e->pane_w * 2 / 5, w2 = e->pane_w / 4, w3 = e->pane_w - w1 - w2 - 2;
	if (strip_begin(e->pane_y - 1, 0, term_cols(), strip_hash(STRIP_SEED, "─", 3))) {
		for (int x = 0; x < term_cols(); x++)
			term_puts(e->pane_y - 1, x, "─", 1, SLOT_BORDER);
		strip_end();
	}
	e->finding_cols = w1;
	note_lines(e, &note);
	wrap_lines(&note, w1 - 1);
	Parts p = {{&note, findings_part(e, w1 - 1, &all)}, 2};
	draw_column(e, &p, e->pane_x, w1, scroll_top(e, &p), true);
	vertical_rule(e, e->pane_x + w1);
	info_lines(e, &info, false);
	wrap_lines(&info, w2 - 1);
	p = (Parts){{&info}, 1};
	draw_column(e, &p, e->pane_x + w1 + 1, w2, 0, false);
	vertical_rule(e, e->pane_x + w1 + 1 + w2);
	history_lines(e, &hist, false, (size_t)(e->pane_h > 0 ? e->pane_h : 0));
	wrap_lines(&hist, w3 - 1);
	p = (Parts){{&hist}, 1};
	draw_column(e, &p, e->pane_x + w1 + w2 + 2, w3, 0, false);
	free_lines(&note);
	free_lines(&info);
	free_lines(&hist);
}

/* Relative times ("5 phút trước") are shown true to this many seconds. */
#define PANE_CLOCK_S 10

/* Everything the pane shows: its place, the findings in view, the note, the article's facts
 * (the counters as shown) and its history, and the time its relative times were told at. */
static uint64_t frame_key(Editor *e)
{
	const char *who = *e->art.author_name ? e->art.author_name : e->art.author;
	int64_t v[] = {e->side, e->pane_x, e->pane_y, e->pane_w, e->pane_h, term_cols(),
		       e->art.id, e->art.state, e->art.updated_at, (int64_t)e->shown_words,
		       (int64_t)e->shown_chars, e->history_stamp, (int64_t)e->history.n,
		       when_now() / PANE_CLOCK_S};
	uint64_t k = strip_hash(STRIP_SEED, v, sizeof v);
	k = strip_hash(k, who, strlen(who));
	int w = e->side ? e->pane_w - 1 : e->pane_w * 2 / 5 - 1;
	return strip_hash_int(k, (int64_t)findings_key(e, w));
}

void pane_draw(Editor *e)
{
	if (e->nrow_item != e->pane_h || !e->row_item) {
		free(e->row_item);
		e->row_item = xcalloc((size_t)e->pane_h + 1, sizeof *e->row_item);
		e->nrow_item = e->pane_h;
		if (e->pane_memo)
			e->pane_memo->frame_losses = ~strip_losses(); /* the rows' findings are to note */
	}
	if (!e->pane_memo)
		e->pane_memo = xcalloc(1, sizeof *e->pane_memo);
	uint64_t k = frame_key(e);
	PaneMemo *m = e->pane_memo;
	if (m->frame_key == k && m->frame_losses == strip_losses())
		return; /* every cell of it still shows the same */
	if (e->side)
		draw_side(e);
	else
		draw_below(e);
	m->frame_key = k;
	m->frame_losses = strip_losses();
}

size_t pane_item_at_cursor(Editor *e)
{
	FieldId f = doc_field(e->doc);
	size_t off = doc_cursor(e->doc);
	for (size_t i = 0; i < e->nitems; i++)
		if (e->items[i].field == f && e->items[i].span.start <= off &&
		    off <= e->items[i].span.end)
			return i;
	return e->nitems;
}

void pane_jump(Editor *e, size_t i)
{
	if (i >= e->nitems)
		return;
	doc_set_cursor(e->doc, e->items[i].field, e->items[i].span.start, false);
	e->pane_sel = i;
}

void pane_apply(Editor *e, size_t i, int n)
{
	App *a = e->app;
	CheckFinding cf;
	if (i >= e->nitems || !checker_get(e->checker, e->items[i].span.tag, &cf)) {
		app_message(a, false, "%s", app_str(a, S_NO_FINDING_HERE));
		return;
	}
	if (n < 1 || (size_t)n > cf.nsuggestions) {
		app_message(a, true, "%s", app_str(a, S_SUGGEST_NONE));
		return;
	}
	if (e->read_only) {
		app_message(a, true, "%s", app_str(a, S_READ_ONLY));
		return;
	}
	char *s = xstrdup(cf.suggestions[n - 1]);
	PaneItem it = e->items[i];
	if (doc_replace_range(e->doc, it.field, it.span.start, it.span.end, s, strlen(s),
			      when_mono_ms()))
		app_say(a, false, S_APPLIED, s);
	free(s);
	editor_check_changes(e);
	pane_collect(e);
}

/* Removes every span over the same text as item i, in every field. */
static void drop_same(Editor *e, const char *word, size_t wlen)
{
	for (int f = 0; f < FIELD_COUNT; f++) {
		Overlay *o = doc_overlay(e->doc, f);
		for (size_t j = overlay_count(o); j-- > 0;) {
			const Span *sp = overlay_get(o, j);
			if (sp->end - sp->start == wlen &&
			    memcmp(doc_span(e->doc, f, sp->start, sp->end) + sp->start, word, wlen) == 0)
				overlay_clear_range(o, sp->start, sp->end);
		}
	}
}

void pane_load_ignored(Editor *e)
{
	char **texts = NULL;
	size_t n = 0;
	if (!e->art.id || !desk_ignored(e->app->desk, e->art.id, &texts, &n))
		return;
	for (size_t i = 0; i < n; i++) {
		checker_ignore(e->checker, texts[i], strlen(texts[i]));
		free(texts[i]);
	}
	free(texts);
}

static void pane_ignore(Editor *e, bool add)
{
	App *a = e->app;
	Str word = STR_INIT;
	if (e->pane_sel >= e->nitems)
		return;
	item_text(e, &e->items[e->pane_sel], &word);
	if (add) {
		if (!desk_word_add(a->desk, str_cstr(&word))) {
			app_message(a, true, "%s", desk_errmsg(a->desk));
			str_release(&word);
			return;
		}
		checker_add_word(e->checker, str_cstr(&word));
		app_say(a, false, S_WORD_ADDED, str_cstr(&word));
	} else {
		checker_ignore(e->checker, word.s, word.len);
		/* Kept with the article: reopening it or submitting from the lists agrees. */
		if (e->art.id && !e->read_only && !desk_ignore(a->desk, e->art.id, str_cstr(&word)))
			app_message(a, true, "%s", desk_errmsg(a->desk));
		else
			app_say(a, false, S_IGNORED, str_cstr(&word));
	}
	drop_same(e, word.s, word.len);
	str_release(&word);
	pane_collect(e);
}

bool pane_command(Editor *e, Command c, Key key)
{
	switch (c) {
	case CMD_UP:
		if (e->pane_sel > 0)
			e->pane_sel--;
		return true;
	case CMD_DOWN:
		if (e->pane_sel + 1 < e->nitems)
			e->pane_sel++;
		return true;
	case CMD_JUMP:
		pane_jump(e, e->pane_sel);
		e->pane_focus = false;
		return true;
	case CMD_APPLY:
		pane_apply(e, e->pane_sel, (int)(key_base(key) - '0'));
		return true;
	case CMD_IGNORE:
		pane_ignore(e, false);
		return true;
	case CMD_ADD_WORD:
		pane_ignore(e, true);
		return true;
	default:
		return false;
	}
}

bool pane_click(Editor *e, int y, int x)
{
	if (y < e->pane_y || y >= e->pane_y + e->pane_h || x < e->pane_x ||
	    x >= e->pane_x + e->pane_w)
		return false;
	int row = y - e->pane_y;
	if (x >= e->pane_x + e->finding_cols)
		return true; /* the info and history columns take no clicks */
	long i = row < e->nrow_item ? e->row_item[row] : -1;
	e->pane_focus = true;
	if (i >= 0 && (size_t)i < e->nitems)
		e->pane_sel = (size_t)i;
	return true;
}
