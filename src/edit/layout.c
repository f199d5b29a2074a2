/*
 * layout.c: the layout is an array of rows sorted by start offset; rows tile the text except
 * for the '\n' bytes between a hard row and the next. Because starts are sorted, the row of an
 * offset is found by binary search (the last row starting at or before it), which also gives
 * the rule that the end of a soft-wrapped row belongs to the row after it.
 *
 * Wrapping works one line at a time, so an edit only re-wraps what it touched: from the row
 * before the edit to the first row after it that starts where an old row started (greedy
 * wrapping from a row start depends on nothing before it), or to the end of the line. Those
 * rows are replaced by the new ones and every later row is shifted by the change in length.
 * A 50 KB body at 80 columns is about 700 rows; the shift is a pass over that array.
 *
 * Width of a grapheme cluster: the largest width of its code points (so a base letter with
 * marks is 1, an emoji with a skin tone is 2); a tab counts as one column and, like a space,
 * is a place to wrap; the screen draws it as a space.
 */
#include "edit/layout.h"

#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/xalloc.h"
#include "base/banned.h"

struct Layout {
	LayoutRow *rows;
	size_t n, cap;
	int width;
	size_t len; /* length of the text laid out */
	/* Rows from lazy_from on are still to be moved by lazy_delta (the change of length of
	 * the edits before them, modulo 2^64), added when a row is next read: typing costs the
	 * rows it reaches, not every row after it. lazy_delta 0: nothing pending. */
	size_t lazy_from, lazy_delta;
};

/* Adds the pending move to the rows before upto (clamped to the rows). */
static void settle(Layout *l, size_t upto)
{
	if (!l->lazy_delta)
		return;
	if (upto > l->n)
		upto = l->n;
	for (; l->lazy_from < upto; l->lazy_from++) {
		l->rows[l->lazy_from].start += l->lazy_delta;
		l->rows[l->lazy_from].end += l->lazy_delta;
	}
	if (l->lazy_from >= l->n)
		l->lazy_delta = 0;
}

/* The start of row i, the pending move counted. */
static size_t start_of(const Layout *l, size_t i)
{
	return l->rows[i].start + (l->lazy_delta && i >= l->lazy_from ? l->lazy_delta : 0);
}

/* Rows under construction, appended by wrap_line. */
typedef struct RowVec {
	LayoutRow *v;
	size_t n, cap;
} RowVec;

Layout *layout_new(void)
{
	Layout *l = xcalloc(1, sizeof(*l));

	l->width = 80;
	xgrow(&l->rows, &l->cap, 1, sizeof(*l->rows));
	l->rows[0] = (LayoutRow){0, 0, 0, true};
	l->n = 1;
	return l;
}

void layout_free(Layout *l)
{
	if (!l)
		return;
	free(l->rows);
	free(l);
}

static void push_row(RowVec *rv, size_t start, size_t end, int cols, bool hard)
{
	xgrow(&rv->v, &rv->cap, rv->n + 1, sizeof(*rv->v));
	rv->v[rv->n++] = (LayoutRow){start, end, cols, hard};
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Columns taken by the grapheme cluster [s, e). */
static int cluster_width(const char *text, size_t s, size_t e)
{
	int w = 0;
	int32_t cp;

	if (e == s + 1 && text[s] == '\t')
		return 1;
	while (s < e) {
		size_t n = utf8_decode(text + s, e - s, &cp);
		int cw = utf8_cp_width(cp);
		if (cw > w)
			w = cw;
		s += n ? n : 1;
	}
	return w;
}

/* The end of the cluster at p (clusters end by `end`) and its width in *w: a printable ASCII
 * letter with no mark after it is one column, without looking in the tables. */
static size_t next_cluster(const char *text, size_t p, size_t end, int *w)
{
	unsigned char c = (unsigned char)text[p];
	size_t q;

	if (c >= 0x20 && c < 0x7F && (p + 1 == end || (unsigned char)text[p + 1] < 0x80)) {
		*w = 1;
		return p + 1;
	}
	q = utf8_next_grapheme(text, end, p);
	/* A Vietnamese letter alone (U+00C0 .. U+027F, U+1E00 .. U+1EFF) is one column too. */
	if ((q == p + 2 && c >= 0xC3 && c <= 0xC9) ||
	    (q == p + 3 && c == 0xE1 && (unsigned char)text[p + 1] >= 0xB8 &&
	     (unsigned char)text[p + 1] <= 0xBB))
		*w = 1;
	else
		*w = cluster_width(text, p, q);
	return q;
}

/*
 * Where re-wrapping after an edit may stop: once a row starts after the edit at the place an
 * old row started (shifted by the change in length), every later row of the line is that old
 * row's, shifted, because greedy wrapping from a row start depends only on the text after it.
 */
typedef struct Resync {
	const Layout *old;    /* the rows before the edit */
	size_t n, j;          /* their number, and the first not yet passed */
	size_t after;         /* new offsets from here on are past the edit */
	size_t old_len, new_len;
	bool hit;             /* stopped at old row j */
} Resync;

/* True if a row starting at `start` (new offsets) is where an old row started. */
static bool resync_at(Resync *rs, size_t start)
{
	if (!rs || start < rs->after)
		return false;
	size_t o = start - rs->new_len + rs->old_len;
	while (rs->j < rs->n && start_of(rs->old, rs->j) < o)
		rs->j++;
	rs->hit = rs->j < rs->n && start_of(rs->old, rs->j) == o;
	return rs->hit;
}

/* Wraps the line [ls, le) (le at its '\n' or the end of text) into rows appended to rv;
 * with rs, stops early where the old rows take over. */
static void wrap_line(const char *text, size_t ls, size_t le, int width, RowVec *rv, Resync *rs)
{
	size_t row = ls, brk = ls, p = ls;
	int col = 0, brk_col = 0;

	while (p < le) {
		int w;
		size_t q = next_cluster(text, p, le, &w);
		if (is_space(text[p])) {
			col += w;
			brk = q;
			brk_col = col;
		} else if (col + w > width && p > row) {
			if (brk > row) {
				push_row(rv, row, brk, brk_col, false);
				col -= brk_col;
				row = brk;
			} else {
				push_row(rv, row, p, col, false);
				row = brk = p;
				col = 0;
			}
			if (resync_at(rs, row))
				return;
			continue;
		} else {
			col += w;
		}
		p = q;
	}
	push_row(rv, row, le, col, true);
}

/* Wraps every line that starts in [from, to], to being a line end of text. */
static void wrap_lines(const char *text, size_t len, size_t from, size_t to, int width,
		       RowVec *rv, Resync *rs)
{
	size_t ls = from;

	for (;;) {
		const char *nl = memchr(text + ls, '\n', len - ls);
		size_t le = nl ? (size_t)(nl - text) : len;
		wrap_line(text, ls, le, width, rv, rs);
		if ((rs && rs->hit) || le >= to || le == len)
			break;
		ls = le + 1;
	}
}

void layout_build(Layout *l, const char *text, size_t len, int width)
{
	RowVec rv = {NULL, 0, 0};

	l->width = width < 1 ? 1 : width;
	l->len = len;
	wrap_lines(text, len, 0, len, l->width, &rv, NULL);
	free(l->rows);
	l->rows = rv.v;
	l->n = rv.n;
	l->cap = rv.cap;
	l->lazy_delta = 0;
}

size_t layout_row_of(const Layout *l, size_t off)
{
	size_t lo = 0, hi = l->n;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (start_of(l, mid) <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Replaces rows [r0, r1] with the rows in rv. */
static void splice_rows(Layout *l, size_t r0, size_t r1, const RowVec *rv)
{
	size_t tail = l->n - (r1 + 1);

	xgrow(&l->rows, &l->cap, r0 + rv->n + tail, sizeof(*l->rows));
	memmove(l->rows + r0 + rv->n, l->rows + r1 + 1, tail * sizeof(*l->rows));
	memcpy(l->rows + r0, rv->v, rv->n * sizeof(*l->rows));
	l->n = r0 + rv->n + tail;
}

void layout_update(Layout *l, const char *text, size_t len, size_t pos, size_t old_len,
		   size_t new_len)
{
	size_t r0 = layout_row_of(l, pos), r1 = layout_row_of(l, pos + old_len);
	size_t to, nrows, shift = new_len - old_len; /* modulo 2^64, as lazy_delta */
	const char *nl;
	RowVec rv = {NULL, 0, 0};
	Resync rs = {l, l->n, 0, pos + new_len, old_len, new_len, false};

	settle(l, r1 + 2); /* the rows read below hold their offsets */

	/* Rows before the edited one stay, but for the one just before it (the edit may let the
	 * word that starts the edited row move up onto it), or, when the edited row is a piece
	 * of a word too long for a row, the rows of that word and the one before them. */
	while (r0 > 0 && !l->rows[r0 - 1].hard) {
		bool mid_word = !is_space(text[l->rows[r0].start - 1]);
		r0--;
		if (!mid_word)
			break;
	}
	while (r1 + 1 < l->n && !l->rows[r1].hard)
		r1++;
	nl = pos + new_len < len ? memchr(text + pos + new_len, '\n', len - pos - new_len) : NULL;
	to = nl ? (size_t)(nl - text) : len;
	rs.j = r0;
	wrap_lines(text, len, l->rows[r0].start, to, l->width, &rv, &rs);
	if (rs.hit)
		r1 = rs.j - 1; /* old rows from j on are kept, shifted */
	settle(l, r1 + 1);
	/* The rows after r1 move by shift: those already settled now, the others with the ones
	 * still pending. */
	if (!l->lazy_delta)
		l->lazy_from = r1 + 1;
	for (size_t i = r1 + 1; i < l->lazy_from; i++) {
		l->rows[i].start += shift;
		l->rows[i].end += shift;
	}
	l->lazy_delta += shift;
	nrows = rv.n;
	splice_rows(l, r0, r1, &rv);
	l->lazy_from = l->lazy_from - (r1 + 1) + r0 + nrows;
	if (l->lazy_from >= l->n)
		l->lazy_delta = 0;
	l->len = len;
	free(rv.v);
}

int layout_width(const Layout *l)
{
	return l->width;
}

/* Reading a row settles the pending move up to it: no change of what the layout says, so
 * the readers take a const Layout. */
const LayoutRow *layout_rows(const Layout *l, size_t *n)
{
	settle((Layout *)l, l->n);
	*n = l->n;
	return l->rows;
}

size_t layout_nrows(const Layout *l)
{
	return l->n;
}

const LayoutRow *layout_row(const Layout *l, size_t i)
{
	i = i < l->n ? i : l->n - 1;
	settle((Layout *)l, i + 1);
	return &l->rows[i];
}

int layout_col_of(const Layout *l, const char *text, size_t off)
{
	const LayoutRow *r = layout_row(l, layout_row_of(l, off));
	size_t p = r->start, stop = off < r->end ? off : r->end;
	int col = 0;

	while (p < stop) {
		int w;
		p = next_cluster(text, p, r->end, &w);
		col += w;
	}
	return col < l->width ? col : l->width;
}

size_t layout_offset_at(const Layout *l, const char *text, size_t row, int col)
{
	const LayoutRow *r = layout_row(l, row);
	size_t p = r->start, last = r->start;
	int acc = 0;

	while (p < r->end) {
		int w;
		size_t q = next_cluster(text, p, r->end, &w);
		if (acc + w > col)
			return p;
		acc += w;
		last = p;
		p = q;
	}
	/* Past the text: the end of a hard row; on a soft row its last cluster, since the end
	 * offset itself belongs to the next row. */
	return r->hard ? r->end : last;
}
