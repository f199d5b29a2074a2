/*
 * compare.c: two texts with their differences marked: a conflicting save (the stored text
 * and yours, to merge) or a revision against the current text.
 *
 * Both articles are put in the text format and compared word by word (diff_words). The left
 * column is the old text: its runs kept and deleted; the right one the new text: its runs
 * kept and inserted. Each column is laid out once per draw into segments (row, column,
 * bytes, slot) at the column's width, wrapping at spaces; deleted or inserted line breaks
 * show as a pilcrow so they can be seen. Beside each other on wide terminals, one above the
 * other on narrow ones; both scroll together.
 */
#include <stdlib.h>
#include <string.h>

#include "base/diff.h"
#include "base/utf8.h"
#include "base/xalloc.h"
#include "tui/editor.h"
#include "base/banned.h"

#define COMPARE_SIDE_MIN_COLS 100

typedef struct Seg {
	int row, col;
	const char *s;
	size_t len;
	Slot slot;
} Seg;

typedef struct Flow {
	Seg *v;
	size_t n, cap;
	int row, col, width;
} Flow;

static void flow_put(Flow *f, const char *s, size_t len, int w, Slot slot)
{
	Seg *last = f->n ? &f->v[f->n - 1] : NULL;
	if (last && last->row == f->row && last->slot == slot && last->s + last->len == s &&
	    last->col + (int)utf8_width(last->s, last->len) == f->col) {
		last->len += len;
	} else {
		xgrow(&f->v, &f->cap, f->n + 1, sizeof *f->v);
		f->v[f->n++] = (Seg){f->row, f->col, s, len, slot};
	}
	f->col += w;
}

static void flow_break(Flow *f)
{
	f->row++;
	f->col = 0;
}

/* The width of the word starting at s (up to a space or a line break). */
static int word_width(const char *s, size_t len)
{
	size_t end = 0;
	while (end < len && s[end] != ' ' && s[end] != '\n')
		end++;
	return (int)utf8_width(s, end);
}

static void flow_run(Flow *f, const char *s, size_t len, Slot slot)
{
	for (size_t off = 0; off < len;) {
		size_t next = utf8_next_grapheme(s, len, off);
		if (s[off] == '\n') {
			if (slot != SLOT_TEXT)
				flow_put(f, "¶", strlen("¶"), 1, slot);
			flow_break(f);
			off = next;
			continue;
		}
		int w = (int)utf8_width(s + off, next - off);
		bool word_start = s[off] != ' ' && (off == 0 || s[off - 1] == ' ');
		if (f->col > 0 && ((word_start && f->col + word_width(s + off, len - off) > f->width &&
				    word_width(s + off, len - off) <= f->width) ||
				   f->col + w > f->width))
			flow_break(f);
		flow_put(f, s + off, next - off, w, slot);
		off = next;
	}
}

/* Lays out one side: the runs other than skip, the changed ones in mark. */
static void flow_side(Flow *f, const Diff *d, DiffOp skip, Slot mark)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->runs[i].op != skip)
			flow_run(f, d->runs[i].s, d->runs[i].len,
				 d->runs[i].op == DIFF_SAME ? SLOT_TEXT : mark);
}

typedef struct Compare {
	App *app;
	const char *title, *left_label, *right_label;
	Str left, right;   /* the two texts in the article format */
	Diff diff;
	bool merge, same;
	long scroll;
	int rows;          /* rows of the last layout, for scrolling */
} Compare;

static void draw_flow(const Flow *f, int y0, int x0, int h, long scroll)
{
	for (size_t i = 0; i < f->n; i++) {
		const Seg *s = &f->v[i];
		long r = s->row - scroll;
		if (r >= 0 && r < h)
			term_put(y0 + (int)r, x0 + s->col, s->s, s->len, f->width - s->col, s->slot);
	}
}

static void column(Compare *c, const char *label, DiffOp skip, Slot mark, int y, int x, int w,
		   int h)
{
	Flow f = {NULL, 0, 0, 0, 0, w};
	for (int i = 0; i < h + 1; i++)
		term_fill(y + i, x, w, SLOT_TEXT);
	term_fill(y, x, w, SLOT_PANE_TITLE);
	term_puts(y, x, label, w, SLOT_PANE_TITLE);
	flow_side(&f, &c->diff, skip, mark);
	if (f.row + 1 > c->rows)
		c->rows = f.row + 1;
	draw_flow(&f, y + 1, x, h, c->scroll);
	free(f.v);
}

static bool compare_offers(void *arg, Command cmd)
{
	Compare *c = arg;
	return c->merge || (cmd != CMD_TAKE_THEIRS && cmd != CMD_KEEP_MINE && cmd != CMD_EDIT_MINE);
}

static void compare_draw(void *arg)
{
	Compare *c = arg;
	App *a = c->app;
	int rows = term_rows(), cols = term_cols();
	int top = 1, h = rows - 3; /* title bar, status line, key bar */
	app_title(a, c->title, "");
	c->rows = 0;
	if (cols >= COMPARE_SIDE_MIN_COLS) {
		int w = (cols - 1) / 2;
		column(c, c->left_label, DIFF_INS, SLOT_DIFF_DELETED, top, 0, w, h - 1);
		for (int y = top; y < top + h; y++)
			term_puts(y, w, "│", 1, SLOT_BORDER);
		column(c, c->right_label, DIFF_DEL, SLOT_DIFF_INSERTED, top, w + 1, cols - w - 1,
		       h - 1);
	} else {
		int h1 = (h - 2) / 2, h2 = h - 2 - h1;
		column(c, c->left_label, DIFF_INS, SLOT_DIFF_DELETED, top, 0, cols, h1);
		column(c, c->right_label, DIFF_DEL, SLOT_DIFF_INSERTED, top + h1 + 1, 0, cols, h2);
	}
	term_fill(rows - 2, 0, cols, SLOT_STATUS);
	if (c->same)
		term_puts(rows - 2, 1, app_str(a, S_CMP_SAME), cols - 2, SLOT_MESSAGE);
	else
		app_draw_message(a, 1);
	app_keybar(a, SCR_COMPARE, compare_offers, c);
	term_cursor(0, 0, false);
}

/* Handles one key; returns true when the screen closes with *choice. */
static bool compare_key(Compare *c, Key key, CompareChoice *choice)
{
	int page = term_rows() / 2;
	switch (keys_lookup(SCR_COMPARE, key)) {
	case CMD_UP: c->scroll--; break;
	case CMD_DOWN: c->scroll++; break;
	case CMD_PAGE_UP: c->scroll -= page; break;
	case CMD_PAGE_DOWN: c->scroll += page; break;
	case CMD_CLOSE: *choice = c->merge ? CMP_EDIT : CMP_CLOSE; return true;
	case CMD_TAKE_THEIRS: if (c->merge) { *choice = CMP_THEIRS; return true; } break;
	case CMD_KEEP_MINE: if (c->merge) { *choice = CMP_MINE; return true; } break;
	case CMD_EDIT_MINE: if (c->merge) { *choice = CMP_EDIT; return true; } break;
	default: break;
	}
	if (c->scroll > c->rows - 1)
		c->scroll = c->rows - 1;
	if (c->scroll < 0)
		c->scroll = 0;
	return false;
}

CompareChoice compare_run(App *a, const char *title, const char *left_label, const Article *left,
			  const char *right_label, const Article *right, bool merge)
{
	Compare c = {a, title, left_label, right_label, STR_INIT, STR_INIT, {NULL, 0, 0},
		     merge, false, 0, 0};
	CompareChoice choice = merge ? CMP_EDIT : CMP_CLOSE;
	RedrawFn prev = a->redraw;
	void *prev_arg = a->redraw_arg;
	article_format(left, &c.left);
	article_format(right, &c.right);
	diff_words(str_cstr(&c.left), c.left.len, str_cstr(&c.right), c.right.len, &c.diff);
	c.same = c.diff.n <= 1 && (c.diff.n == 0 || c.diff.runs[0].op == DIFF_SAME);
	a->redraw = compare_draw;
	a->redraw_arg = &c;
	if (merge)
		app_message(a, true, "%s", app_str(a, S_CONFLICT));
	else
		app_clear_message(a);
	term_clear();
	while (!a->quit) {
		if (!app_too_small(a))
			compare_draw(&c);
		term_refresh();
		TermEvent ev;
		app_read(a, &ev);
		if (ev.key == K_MOUSE && (ev.button == 4 || ev.button == 5))
			ev.key = ev.button == 4 ? K_UP : K_DOWN;
		if (ev.key != K_TICK && ev.key != K_RESIZE && compare_key(&c, ev.key, &choice))
			break;
	}
	a->redraw = prev;
	a->redraw_arg = prev_arg;
	diff_release(&c.diff);
	str_release(&c.left);
	str_release(&c.right);
	term_clear();
	return choice;
}
