/*
 * edview.c: the editor's text area and status line.
 *
 * The fields are stacked in one column of virtual rows: a label row, then the field's
 * soft-wrapped rows from its Layout. Drawing walks the visible virtual rows only and paints
 * each row in runs of one style (selection over finding over plain text). A row whose text,
 * findings and selection are as when it was last drawn is left alone (strip.h), and a row that
 * changed is drawn from its first changed character, so a key press gives curses a few cells
 * to compare and send, not a screenful.
 */
#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "base/xalloc.h"
#include "tui/editor.h"
#include "tui/strip.h"
#include "base/banned.h"

static const StringId field_labels[FIELD_COUNT] = {
	[FIELD_TITLE] = S_FIELD_TITLE,   [FIELD_SAPO] = S_FIELD_SAPO,
	[FIELD_BODY] = S_FIELD_BODY,     [FIELD_BYLINE] = S_FIELD_BYLINE,
	[FIELD_SECTION] = S_FIELD_SECTION, [FIELD_TAGS] = S_FIELD_TAGS,
};

const char *edview_field_label(const Editor *e, FieldId f)
{
	return app_str(e->app, field_labels[f]);
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

void edview_geometry(Editor *e)
{
	int rows = term_rows(), cols = term_cols();
	int top = 1, height = rows - 3;
	e->side = e->pane_mode == PANE_SIDE ||
		  (e->pane_mode == PANE_AUTO && cols >= EDITOR_SIDE_MIN_COLS);
	e->text_y = top;
	e->text_x = 0;
	if (e->side) {
		e->pane_w = clamp(e->pane_cols, 20, cols - 30);
		e->text_w = cols - e->pane_w - 1;
		e->text_h = height;
		e->pane_x = e->text_w + 1;
		e->pane_y = top;
		e->pane_h = height;
	} else {
		e->pane_h = clamp(e->pane_rows, 3, height - 4);
		e->text_w = cols;
		e->text_h = height - e->pane_h - 1;
		e->pane_x = 0;
		e->pane_y = top + e->text_h + 1;
		e->pane_w = cols;
	}
	long r = 0;
	for (int f = 0; f < FIELD_COUNT; f++) {
		doc_set_view(e->doc, f, e->text_w - 1, e->text_h);
		e->field_row[f] = r;
		r += 1 + (long)layout_nrows(doc_layout(e->doc, f));
	}
	e->field_row[FIELD_COUNT] = r;
}

/* The cursor's virtual row, and the scroll that keeps it (and its label) in view. */
static long cursor_vrow(Editor *e, int *col)
{
	size_t row;
	doc_cursor_rc(e->doc, &row, col);
	return e->field_row[doc_field(e->doc)] + 1 + (long)row;
}

static void follow_cursor(Editor *e, long v)
{
	long label = e->field_row[doc_field(e->doc)];
	if (v < e->scroll)
		e->scroll = v - 1 == label ? label : v;
	if (v >= e->scroll + e->text_h)
		e->scroll = v - e->text_h + 1;
	if (e->scroll < 0)
		e->scroll = 0;
}

static Slot span_slot(int kind)
{
	return kind == CHECK_ERROR ? SLOT_SPELL_ERROR
	     : kind == CHECK_WARNING ? SLOT_SPELL_WARNING : SLOT_SPELL_STYLE;
}

/* The style of the byte at off: selection, then a finding, then plain text. */
static Slot style_at(const Overlay *o, size_t *si, size_t off, bool sel, size_t ss, size_t se)
{
	if (sel && off >= ss && off < se)
		return SLOT_SELECTION;
	while (*si < overlay_count(o) && overlay_get(o, *si)->end <= off)
		(*si)++;
	for (size_t i = *si; i < overlay_count(o); i++) {
		const Span *sp = overlay_get(o, i);
		if (sp->start > off)
			break;
		if (off < sp->end)
			return span_slot(sp->kind);
	}
	return SLOT_TEXT;
}

/* Everything a text row's cells depend on: its bytes, and the findings and the selection
 * over them, as offsets from the row's start. */
static uint64_t row_key(const char *text, const LayoutRow *row, const Overlay *o, bool sel,
			size_t ss, size_t se)
{
	uint64_t k = strip_hash(STRIP_SEED, "r", 1);
	k = strip_hash(k, text + row->start, row->end - row->start);
	for (size_t i = overlay_first_after(o, row->start); i < overlay_count(o); i++) {
		const Span *sp = overlay_get(o, i);
		if (sp->start >= row->end)
			break;
		k = strip_hash_int(k, sp->kind);
		k = strip_hash_int(k, (int64_t)(sp->start > row->start ? sp->start - row->start : 0));
		k = strip_hash_int(k, (int64_t)((sp->end < row->end ? sp->end : row->end) - row->start));
	}
	if (sel && ss < row->end && se > row->start) {
		k = strip_hash_int(k, (int64_t)(ss > row->start ? ss - row->start : 0));
		k = strip_hash_int(k, (int64_t)((se < row->end ? se : row->end) - row->start));
	}
	return k;
}

/* What a text row showed when it was last drawn: its key, its bytes and each byte's style,
 * and the column its text ended at (blank from there). */
typedef struct RowMemo {
	uint64_t key;
	int end_x;
	Str text;
	Str slots;
} RowMemo;

static RowMemo *row_memo(Editor *e, int y)
{
	if (y >= e->nrow_memo) {
		RowMemo *m = xrealloc(e->row_memo, (size_t)(y + 1) * sizeof *m);
		for (int i = e->nrow_memo; i <= y; i++) {
			m[i].key = 0;
			m[i].end_x = 0;
			str_init(&m[i].text);
			str_init(&m[i].slots);
		}
		e->row_memo = m;
		e->nrow_memo = y + 1;
	}
	return &e->row_memo[y];
}

void edview_release(Editor *e)
{
	for (int i = 0; i < e->nrow_memo; i++) {
		str_release(&e->row_memo[i].text);
		str_release(&e->row_memo[i].slots);
	}
	free(e->row_memo);
	e->row_memo = NULL;
	e->nrow_memo = 0;
}

/*
 * Where a row's drawing starts when its cells show m (drawn under the row's last key): at the
 * grapheme holding the last byte that the old and new rows share, byte and style alike, taken
 * back to a code point boundary (a cluster break depends on the code points up to it, so the
 * breaks before that one cannot have moved), at the column the graphemes before it take.
 * Typing at the end of a row so redraws a character or two, not the row.
 */
static size_t first_change(const RowMemo *m, const char *text, const LayoutRow *row,
			   const Str *slots, int *x, int end_x)
{
	size_t n = row->end - row->start, p = 0, g = row->start;
	while (p < n && p < m->text.len && text[row->start + p] == m->text.s[p] &&
	       slots->s[p] == m->slots.s[p])
		p++;
	while (p > 0 && p < n && ((unsigned char)text[row->start + p] & 0xC0) == 0x80)
		p--; /* the old and new code points there differ */
	int col = *x;
	while (p > 0) {
		unsigned char c = (unsigned char)text[g];
		bool ascii = c >= 0x20 && c < 0x7F && (g + 1 == row->end ||
						      (unsigned char)text[g + 1] < 0x80);
		size_t next = ascii ? g + 1 : utf8_next_grapheme(text, row->end, g);
		if (next >= row->start + p || next <= g)
			break;
		col += ascii ? 1 : (int)utf8_width(text + g, next - g);
		g = next;
	}
	if (col > end_x)
		return row->start;
	*x = col;
	return g;
}

static void draw_field_row(Editor *e, int y, FieldId f, size_t r)
{
	static Str slots; /* the new row's styles, a byte each */
	size_t ss = 0, se = 0;
	const LayoutRow *row = layout_row(doc_layout(e->doc, f), r);
	const char *text = doc_span(e->doc, f, row->start, row->end); /* the row's bytes alone */
	const Overlay *o = doc_overlay(e->doc, f);
	bool sel = f == doc_field(e->doc) && doc_selection(e->doc, &ss, &se), intact;
	uint64_t key = row_key(text, row, o, sel, ss, se), was;
	if (!strip_begin_over(y, e->text_x, e->text_w, key, &intact, &was))
		return;
	RowMemo *m = row_memo(e, y);
	size_t si = overlay_first_after(o, row->start);
	str_clear(&slots);
	for (size_t off = row->start, k = si; off < row->end; off++)
		str_addc(&slots, (char)style_at(o, &k, off, sel, ss, se));
	int x = e->text_x, end_x = e->text_x + e->text_w, blank_x = end_x;
	size_t off = row->start;
	if (intact && was == m->key) {
		off = first_change(m, text, row, &slots, &x, end_x);
		blank_x = m->end_x; /* blank beyond, since the row was drawn under that key */
	}
	while (off < row->end && x < end_x) {
		Slot s = style_at(o, &si, off, sel, ss, se);
		size_t run = off;
		while (run < row->end && style_at(o, &si, run, sel, ss, se) == s)
			run = utf8_next_grapheme(text, row->end, run);
		x += term_put(y, x, text + off, run - off, end_x - x, s);
		off = run;
	}
	term_fill(y, x, (blank_x < end_x ? blank_x : end_x) - x, SLOT_TEXT);
	strip_end();
	m->key = key;
	m->end_x = x;
	str_clear(&m->text);
	str_add(&m->text, text + row->start, row->end - row->start);
	str_clear(&m->slots);
	str_add(&m->slots, slots.s, slots.len);
}

static void draw_label(Editor *e, int y, FieldId f)
{
	const char *label = edview_field_label(e, f);
	if (!strip_begin(y, e->text_x, e->text_w, strip_hash(STRIP_SEED, label, strlen(label) + 1)))
		return;
	term_fill(y, e->text_x, e->text_w, SLOT_BORDER);
	int x = e->text_x + term_puts(y, e->text_x, "── ", e->text_w, SLOT_BORDER);
	x += term_puts(y, x, label, e->text_x + e->text_w - x, SLOT_FIELD_LABEL);
	term_puts(y, x, " ", e->text_x + e->text_w - x, SLOT_BORDER);
	strip_end();
}

/*
 * A scroll by fewer rows than the text area shows moves the rows that stay on screen, their
 * cells, strips and memos, to where they now belong, so that only the rows coming into view
 * are drawn (and a row that changed as well).
 */
static void shift_rows(Editor *e)
{
	int area[4] = {e->text_y, e->text_x, e->text_w, e->text_h}, h = e->text_h;
	long d = e->scroll - e->drawn_scroll;
	bool same = memcmp(area, e->drawn_area, sizeof area) == 0;

	memcpy(e->drawn_area, area, sizeof area);
	e->drawn_scroll = e->scroll;
	if (!same || d == 0 || d >= h || -d >= h)
		return;
	row_memo(e, e->text_y + h - 1); /* every row of the area has its memo */
	for (int k = 0; k < h - (d > 0 ? d : -d); k++) {
		int to = d > 0 ? k : h - 1 - k, from = to + (int)d; /* never read after written */
		RowMemo m = e->row_memo[e->text_y + to];
		term_move_cells(e->text_y + from, e->text_y + to, e->text_x, e->text_w);
		e->row_memo[e->text_y + to] = e->row_memo[e->text_y + from];
		e->row_memo[e->text_y + from] = m;
	}
}

bool edview_draw_text(Editor *e)
{
	int col;
	long cv = cursor_vrow(e, &col); /* drawing moves neither the text nor the cursor */
	follow_cursor(e, cv);
	shift_rows(e);
	for (int i = 0; i < e->text_h; i++) {
		long v = e->scroll + i;
		int y = e->text_y + i;
		if (v >= e->field_row[FIELD_COUNT]) {
			if (strip_begin(y, e->text_x, e->text_w, STRIP_SEED)) {
				term_fill(y, e->text_x, e->text_w, SLOT_TEXT);
				strip_end();
			}
			continue;
		}
		int f = 0;
		while (f + 1 < FIELD_COUNT && e->field_row[f + 1] <= v)
			f++;
		if (v == e->field_row[f])
			draw_label(e, y, f);
		else
			draw_field_row(e, y, f, (size_t)(v - e->field_row[f] - 1));
	}
	int at[2] = {e->text_y + (int)(cv - e->scroll), e->text_x + col};
	bool moved = memcmp(at, e->drawn_cursor, sizeof at) != 0;
	memcpy(e->drawn_cursor, at, sizeof at);
	term_cursor(at[0], at[1], !e->pane_focus);
	return moved;
}

bool edview_click(Editor *e, int y, int x)
{
	if (y < e->text_y || y >= e->text_y + e->text_h || x < e->text_x ||
	    x >= e->text_x + e->text_w)
		return false;
	long v = e->scroll + (y - e->text_y);
	if (v >= e->field_row[FIELD_COUNT])
		v = e->field_row[FIELD_COUNT] - 1;
	int f = 0;
	while (f + 1 < FIELD_COUNT && e->field_row[f + 1] <= v)
		f++;
	long r = v - e->field_row[f] - 1;
	doc_click(e->doc, f, r < 0 ? 0 : (size_t)r, x - e->text_x, false);
	e->pane_focus = false;
	return true;
}

/* The status line's chips from x = 0, clipped at w; returns the columns used. */
static int draw_chips(int y, char chip[][96], const Slot *slot, int n, int w)
{
	int x = 0;
	for (int i = 0; i < n; i++)
		x += term_puts(y, x, chip[i], w - x, slot[i]);
	return x;
}

/* Where typing goes (the field by name, then line:column in it) from x, then the message. */
static void draw_where(Editor *e, int y, int x, const char *where)
{
	App *a = e->app;
	int cols = term_cols();
	x += term_puts(y, x, where, cols - x, SLOT_STATUS);
	if (a->msg[0]) {
		x += term_puts(y, x, " ", cols - x, SLOT_STATUS);
		app_draw_message(a, x);
	}
}

/*
 * The status line is two strips when the message fits beside the chips: the chips (saved or
 * not, read only, busy, the input method), then where typing goes and the message, so that a
 * key that only moves the cursor redraws the second. A message too long for that covers the
 * chips: then the line is one strip.
 */
void edview_draw_status(Editor *e)
{
	App *a = e->app;
	int y = term_rows() - 2, cols = term_cols(), w = 0, n = 0;
	char chip[4][96], where[96];
	Slot slot[4];
	bool dirty = doc_is_dirty(e->doc) || !e->art.id; /* a new article is not stored yet */
	ImeMode m = doc_ime(e->doc);
	snprintf(chip[n], sizeof chip[n], " %s ", app_str(a, dirty ? S_UNSAVED : S_SAVED));
	slot[n++] = dirty ? SLOT_UNSAVED : SLOT_SAVED;
	if (e->read_only) { /* stays when the message that said why has gone */
		snprintf(chip[n], sizeof chip[n], " %s ", app_str(a, S_READ_ONLY_CHIP));
		slot[n++] = SLOT_UNSAVED;
	}
	if (e->save_retry && e->busy) {
		snprintf(chip[n], sizeof chip[n], " %s ", app_str(a, S_BUSY_CHIP));
		slot[n++] = SLOT_UNSAVED;
	}
	snprintf(chip[n], sizeof chip[n], " %s ",
		 app_str(a, m == IME_TELEX ? S_INPUT_TELEX : m == IME_VNI ? S_INPUT_VNI : S_INPUT_OFF));
	slot[n++] = SLOT_STATUS;
	for (int i = 0; i < n; i++)
		w += (int)utf8_width(chip[i], strlen(chip[i]));
	w = w < cols ? w : cols;
	snprintf(where, sizeof where, "%s %zu:%zu ", e->pane_focus ? app_str(a, S_FOCUS_PANE)
			  : edview_field_label(e, doc_field(e->doc)), e->shown_line, e->shown_col);
	int64_t left[] = {dirty, e->read_only, e->save_retry && e->busy, m,
			  (int64_t)(intptr_t)a->lang};
	uint64_t kl = strip_hash(STRIP_SEED, left, sizeof left);
	uint64_t kr = strip_hash(strip_hash(STRIP_SEED, where, strlen(where)), a->msg, strlen(a->msg));
	kr = strip_hash_int(kr, a->msg_error);
	int need = w + (int)utf8_width(where, strlen(where)) +
		   (a->msg[0] ? 1 + (int)utf8_width(a->msg, strlen(a->msg)) : 0);
	if (need > cols) {
		if (!strip_begin(y, 0, cols, strip_hash_int(kr, (int64_t)kl)))
			return; /* unchanged since it was drawn */
		term_fill(y, 0, cols, SLOT_STATUS);
		draw_where(e, y, draw_chips(y, chip, slot, n, cols), where);
		strip_end();
		return;
	}
	if (strip_begin(y, 0, w, kl)) {
		draw_chips(y, chip, slot, n, w);
		strip_end();
	}
	if (strip_begin(y, w, cols - w, kr)) {
		term_fill(y, w, cols - w, SLOT_STATUS);
		draw_where(e, y, w, where);
		strip_end();
	}
}
