/*
 * doc_move.c: cursor motion, views and positions of a Doc. Motion is computed by
 * doc_move_target, a function of the document that changes nothing, so that doc_move and
 * doc_delete_move agree on where a motion goes. Vertical motion works in screen rows of the
 * field's layout and keeps a goal column: the column the cursor wanted when vertical motion
 * began, kept across short rows, forgotten by any other motion or edit.
 */
#include "edit/doc.h"

#include "base/utf8.h"
#include "edit/doc_impl.h"
#include "base/banned.h"

static size_t field_len(Doc *d, FieldId f)
{
	return buffer_len(d->f[f].buf);
}

/* The bytes of row `row` of field f's layout l (the layout reads no others). */
static const char *row_text(Doc *d, FieldId f, const Layout *l, size_t row)
{
	const LayoutRow *r = layout_row(l, row);

	return buffer_span(d->f[f].buf, r->start, r->end);
}

static int cursor_col(Doc *d)
{
	Field *fl = &d->f[d->cur];
	const Layout *l = doc_field_layout(d, d->cur);
	size_t row = layout_row_of(l, fl->cursor);

	return d->goal >= 0 ? d->goal : layout_col_of(l, row_text(d, d->cur, l, row), fl->cursor);
}

/* The offset `rows` rows below (negative: above) the cursor's row at the goal column; moves
 * into the next / previous field when the row falls outside this one (and cross is true). */
static void target_rows(Doc *d, long rows, bool cross, FieldId *f, size_t *off)
{
	const Layout *l = doc_field_layout(d, d->cur);
	long row = (long)layout_row_of(l, d->f[d->cur].cursor) + rows;
	long last = (long)layout_nrows(l) - 1;
	int col = cursor_col(d);

	*f = d->cur;
	if (row < 0 && cross && d->cur > 0) {
		*f = d->cur - 1;
		l = doc_field_layout(d, *f);
		row = (long)layout_nrows(l) - 1;
	} else if (row > last && cross && d->cur + 1 < FIELD_COUNT) {
		*f = d->cur + 1;
		l = doc_field_layout(d, *f);
		row = 0;
	} else if (row < 0) {
		*off = 0;
		return;
	} else if (row > last) {
		*off = field_len(d, d->cur);
		return;
	}
	*off = layout_offset_at(l, row_text(d, *f, l, (size_t)row), (size_t)row, col);
}

static size_t row_edge(Doc *d, bool end)
{
	Field *fl = &d->f[d->cur];
	const Layout *l = doc_field_layout(d, d->cur);
	size_t row = layout_row_of(l, fl->cursor);

	if (!end)
		return layout_row(l, row)->start;
	return layout_offset_at(l, row_text(d, d->cur, l, row), row, layout_width(l) * 4 + 16);
}

/* Motion within the field (or across fields for the field moves). */
void doc_move_target(Doc *d, Move m, FieldId *f, size_t *off)
{
	Field *fl = &d->f[d->cur];
	Buffer *b = fl->buf;
	size_t c = fl->cursor;

	*f = d->cur;
	*off = c;
	switch (m) {
	case MOVE_LEFT: *off = buffer_prev_grapheme(b, c); break;
	case MOVE_RIGHT: *off = buffer_next_grapheme(b, c); break;
	case MOVE_WORD_LEFT: *off = buffer_prev_word(b, c); break;
	case MOVE_WORD_RIGHT: *off = buffer_next_word(b, c); break;
	case MOVE_UP: target_rows(d, -1, true, f, off); break;
	case MOVE_DOWN: target_rows(d, 1, true, f, off); break;
	case MOVE_HOME: *off = row_edge(d, false); break;
	case MOVE_END: *off = row_edge(d, true); break;
	case MOVE_LINE_START: *off = buffer_line_start(b, c); break;
	case MOVE_LINE_END: *off = buffer_line_end(b, c); break;
	case MOVE_PARA_UP: *off = buffer_prev_para(b, c); break;
	case MOVE_PARA_DOWN: *off = buffer_next_para(b, c); break;
	case MOVE_PAGE_UP: target_rows(d, -(long)fl->page, false, f, off); break;
	case MOVE_PAGE_DOWN: target_rows(d, (long)fl->page, false, f, off); break;
	case MOVE_FIELD_START: *off = 0; break;
	case MOVE_FIELD_END: *off = buffer_len(b); break;
	case MOVE_DOC_START: *f = 0; *off = 0; break;
	case MOVE_DOC_END: *f = FIELD_BODY; *off = field_len(d, *f); break;
	case MOVE_NEXT_FIELD:
		*f = (FieldId)((d->cur + 1) % FIELD_COUNT);
		*off = d->f[*f].cursor;
		break;
	case MOVE_PREV_FIELD:
		*f = (FieldId)((d->cur + FIELD_COUNT - 1) % FIELD_COUNT);
		*off = d->f[*f].cursor;
		break;
	}
}

static bool vertical(Move m)
{
	return m == MOVE_UP || m == MOVE_DOWN || m == MOVE_PAGE_UP || m == MOVE_PAGE_DOWN;
}

void doc_move(Doc *d, Move m, bool extend)
{
	size_t s, e, off;
	FieldId f;
	int goal = vertical(m) ? cursor_col(d) : -1;

	if (!extend && doc_selection(d, &s, &e) && (m == MOVE_LEFT || m == MOVE_RIGHT)) {
		doc_set_cursor(d, d->cur, m == MOVE_LEFT ? s : e, false);
		return;
	}
	doc_move_target(d, m, &f, &off);
	if (f != d->cur && extend)
		off = f < d->cur ? 0 : field_len(d, d->cur);
	if (f != d->cur && extend)
		f = d->cur;
	doc_set_cursor(d, f, off, extend);
	d->goal = goal;
}

void doc_set_cursor(Doc *d, FieldId f, size_t off, bool extend)
{
	Field *fl = &d->f[f];
	size_t len = buffer_len(fl->buf), p;

	if (off > len)
		off = len;
	p = buffer_prev_grapheme(fl->buf, off);
	if (off > 0 && buffer_next_grapheme(fl->buf, p) != off)
		off = p;
	if (extend && f == d->cur) {
		if (!d->has_anchor) {
			d->has_anchor = true;
			d->anchor = fl->cursor;
		}
	} else {
		d->has_anchor = false;
	}
	d->cur = f;
	fl->cursor = off;
	d->goal = -1;
	undo_break(d->undo);
	ime_reset(d->ime);
}

void doc_select_field(Doc *d)
{
	doc_set_cursor(d, d->cur, 0, false);
	doc_set_cursor(d, d->cur, field_len(d, d->cur), true);
}

void doc_set_view(Doc *d, FieldId f, int width, int page_rows)
{
	Field *fl = &d->f[f];

	if (width < 1)
		width = 1;
	if (width != fl->width)
		fl->layout_ok = false;
	fl->width = width;
	fl->page = page_rows < 1 ? 1 : page_rows;
}

const Layout *doc_layout(Doc *d, FieldId f)
{
	return doc_field_layout(d, f);
}

void doc_cursor_rc(Doc *d, size_t *row, int *col)
{
	Field *fl = &d->f[d->cur];
	const Layout *l = doc_field_layout(d, d->cur);

	*row = layout_row_of(l, fl->cursor);
	*col = layout_col_of(l, row_text(d, d->cur, l, *row), fl->cursor);
}

void doc_click(Doc *d, FieldId f, size_t row, int col, bool extend)
{
	const Layout *l = doc_field_layout(d, f);
	size_t off = layout_offset_at(l, row_text(d, f, l, row), row, col < 0 ? 0 : col);

	doc_set_cursor(d, f, off, extend && f == d->cur);
}

void doc_goto_line(Doc *d, size_t n)
{
	Buffer *b = d->f[FIELD_BODY].buf;

	doc_set_cursor(d, FIELD_BODY, buffer_line_offset(b, n > 0 ? n - 1 : 0), false);
}
