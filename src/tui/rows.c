/*
 * rows.c: the rows of an open article list, read on demand (see rows.h).
 *
 * The window `win` holds consecutive rows of the list in its order; at_start and at_end say
 * whether the list goes on beyond either end of it. Every reading goes through desk_page
 * with a row of the window as the keyset bound, so a row read is always where the list's
 * order puts it, and a page deep in a hundred thousand articles costs what the first does
 * (in the time orders; the title order has no index and is sorted for every read).
 *
 * The membership bits are read once per definition of the list (view, order, filter) and
 * then kept right by every refresh from the articles changed since: was it in the list (its
 * bit), is it now (desk_page_has on the article as it is now). The count is the bits set.
 */
#include "tui/rows.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "base/banned.h"

/* Rows read beyond those in view on either side: a page, and at least this many. */
#define MARGIN_MIN 16

#define NONE ((size_t)-1)

struct Rows {
	Desk *desk;
	View view;
	bool by_title;
	char *filter;          /* as typed, NULL for none */
	ArticleList win;       /* consecutive rows of the list, in its order */
	bool at_start, at_end; /* nothing in the list before win's first row, after its last */
	size_t top, sel;       /* the top row in view and the selected one, in win */
	int64_t sel_id;        /* the selected article, kept across readings (0: none) */
	unsigned char *bits;   /* bit `id`: the article is in the list */
	size_t nbytes;         /* of bits */
	int64_t count;         /* bits set */
	int64_t version, seq;  /* the data version and the newest change number last read */
	ReturnedList returned; /* the return notes of the drafts in win */
	bool marks_stale;      /* win changed since `returned` was read */
	int height;            /* rows in view */
};

Rows *rows_new(Desk *d)
{
	Rows *r = xcalloc(1, sizeof *r);
	r->desk = d;
	r->at_start = r->at_end = true;
	r->height = 1;
	return r;
}

void rows_free(Rows *r)
{
	if (!r)
		return;
	article_list_release(&r->win);
	returned_list_release(&r->returned);
	free(r->filter);
	free(r->bits);
	free(r);
}

void rows_define(Rows *r, View v, bool by_title, const char *filter)
{
	r->view = v;
	r->by_title = by_title;
	free(r->filter);
	r->filter = filter && *filter ? xstrdup(filter) : NULL;
}

static ListPage page(const Rows *r, const Article *from, bool backward, bool inclusive,
		     size_t limit)
{
	ListPage p = {r->view, r->by_title, r->filter, from, backward, inclusive, (int64_t)limit};
	return p;
}

/* The title order sorts for every reading: it reads further ahead each time. */
static size_t margin(const Rows *r)
{
	size_t m = r->height > MARGIN_MIN ? (size_t)r->height : MARGIN_MIN;
	return r->by_title ? 3 * m : m;
}

static bool has_bit(const Rows *r, int64_t id)
{
	size_t byte = (size_t)id / 8;
	return id >= 0 && byte < r->nbytes && (r->bits[byte] >> (id % 8) & 1);
}

static void set_bit(Rows *r, int64_t id, bool on)
{
	size_t byte = (size_t)id / 8;
	if (id < 0 || (byte >= r->nbytes && !on))
		return;
	if (byte >= r->nbytes) { /* ids grow by one: room for many more at once */
		size_t n = byte + 1 > 2 * r->nbytes ? byte + 1 : 2 * r->nbytes;
		r->bits = xrealloc(r->bits, n);
		memset(r->bits + r->nbytes, 0, n - r->nbytes);
		r->nbytes = n;
	}
	if (on)
		r->bits[byte] |= (unsigned char)(1u << (id % 8));
	else
		r->bits[byte] &= (unsigned char)~(1u << (id % 8));
}

static void add_member(void *arg, int64_t id)
{
	Rows *r = arg;
	set_bit(r, id, true);
	r->count++;
}

/* Reads which articles are in the list. */
static bool members(Rows *r)
{
	ListPage p = page(r, NULL, false, false, 0);
	if (r->bits)
		memset(r->bits, 0, r->nbytes);
	r->count = 0;
	return desk_page_ids(r->desk, &p, add_member, r);
}

static bool push_row(void *arg, const Article *a)
{
	Article *row = article_list_push(arg);
	article_release(row); /* article_copy fills a fresh value */
	article_copy(row, a);
	return true;
}

/* Appends up to limit rows after from (before it, nearest first) to out; *all: the list
 * has no more rows that way. */
static bool fetch(Rows *r, const Article *from, bool backward, bool inclusive, size_t limit,
		  ArticleList *out, bool *all)
{
	ListPage p = page(r, from, backward, inclusive, limit);
	size_t n0 = out->n;
	if (!desk_page(r->desk, &p, push_row, out))
		return false;
	*all = out->n - n0 < limit;
	return true;
}

/* Moves the rows of from to the end of to. */
static void append(ArticleList *to, ArticleList *from)
{
	if (from->n) {
		xgrow(&to->items, &to->cap, to->n + from->n, sizeof *to->items);
		memcpy(to->items + to->n, from->items, from->n * sizeof *from->items);
		to->n += from->n;
	}
	free(from->items);
	*from = (ArticleList){NULL, 0, 0};
}

/* The window becomes before (nearest first, so reversed) then after; both are taken. */
static void join(Rows *r, ArticleList *before, ArticleList *after)
{
	for (size_t i = 0; i < before->n / 2; i++) {
		Article t = before->items[i];
		before->items[i] = before->items[before->n - 1 - i];
		before->items[before->n - 1 - i] = t;
	}
	append(before, after);
	article_list_release(&r->win);
	r->win = *before;
	*before = (ArticleList){NULL, 0, 0};
	r->marks_stale = true;
}

/* Reads the window from `from` on (from the first row when NULL); top is from's place.
 * The rows before it are read when needed: in the title order every reading sorts. */
static bool around(Rows *r, const Article *from)
{
	ArticleList after = {NULL, 0, 0}, none = {NULL, 0, 0};
	bool all;
	if (!fetch(r, from, false, true, (size_t)r->height + margin(r), &after, &all)) {
		article_list_release(&after);
		return false;
	}
	r->at_start = !from;
	r->at_end = all;
	r->top = r->sel = 0;
	join(r, &none, &after);
	return true;
}

/* Reads up to limit more rows beyond one end of the window. */
static bool extend(Rows *r, bool backward, size_t limit)
{
	ArticleList more = {NULL, 0, 0}, rest;
	bool all;
	if (!r->win.n)
		return true;
	if (!fetch(r, &r->win.items[backward ? 0 : r->win.n - 1], backward, false, limit, &more,
		   &all)) {
		article_list_release(&more);
		return false;
	}
	if (backward) {
		r->at_start = all;
		r->top += more.n;
		r->sel += more.n;
		rest = r->win;
		r->win = (ArticleList){NULL, 0, 0};
		join(r, &more, &rest);
	} else {
		r->at_end = all;
		append(&r->win, &more);
		r->marks_stale = true;
	}
	return true;
}

/* Lets go of the rows more than a margin away from those in view. */
static void trim(Rows *r)
{
	size_t m = margin(r), h = (size_t)r->height, n = r->win.n;
	size_t lo = r->top > m ? r->top - m : 0, hi = r->top + h + m;
	if (n <= h + 4 * m)
		return;
	if (hi > n)
		hi = n;
	for (size_t i = 0; i < n; i++)
		if (i < lo || i >= hi)
			article_release(&r->win.items[i]);
	memmove(r->win.items, r->win.items + lo, (hi - lo) * sizeof *r->win.items);
	r->win.n = hi - lo;
	r->at_start = r->at_start && lo == 0;
	r->at_end = r->at_end && hi == n;
	r->top -= lo;
	r->sel -= lo;
	r->marks_stale = true;
}

/* Keeps the selection inside the window and in view. */
static void settle(Rows *r)
{
	size_t n = r->win.n, h = (size_t)(r->height > 0 ? r->height : 1);
	if (!n) {
		r->sel = r->top = 0;
		return;
	}
	if (r->sel >= n)
		r->sel = n - 1;
	if (r->top >= n)
		r->top = n - 1;
	if (r->sel < r->top)
		r->top = r->sel;
	if (r->sel >= r->top + h)
		r->top = r->sel - h + 1;
}

/* The person chose the selected row: it is kept from now on, wherever it goes. */
static bool choose(Rows *r, bool ok)
{
	settle(r);
	r->sel_id = r->win.n ? r->win.items[r->sel].id : 0;
	return ok;
}

/* After a move: the selection in view, the rows in view read, the rest let go, the notes of
 * the drafts in the window read. */
static bool finish(Rows *r)
{
	bool ok = true;
	settle(r);
	if (!r->at_end && r->top + (size_t)r->height > r->win.n)
		ok = extend(r, false, r->top + (size_t)r->height + margin(r) - r->win.n);
	trim(r);
	if (ok && r->marks_stale) {
		int64_t *ids = xcalloc(r->win.n + 1, sizeof *ids);
		size_t n = 0;
		for (size_t i = 0; i < r->win.n; i++)
			if (r->win.items[i].state == STATE_DRAFT)
				ids[n++] = r->win.items[i].id;
		returned_list_release(&r->returned);
		ok = !n || desk_returned_of(r->desk, ids, n, &r->returned);
		r->marks_stale = !ok;
		free(ids);
	}
	return ok;
}

static size_t find(const Rows *r, int64_t id)
{
	for (size_t i = 0; id && i < r->win.n; i++)
		if (r->win.items[i].id == id)
			return i;
	return NONE;
}

/* The selected article went elsewhere in the list: the window around it, on the same screen
 * row (offset below the top one). One the actor may no longer see counts as gone. */
static bool follow(Rows *r, int64_t id, size_t offset)
{
	Article a;
	bool ok;
	article_init(&a);
	if (!desk_get(r->desk, id, &a)) {
		article_release(&a);
		r->sel = r->top + offset;
		return true;
	}
	ok = around(r, &a) && (!offset || extend(r, true, offset));
	article_release(&a);
	if (ok)
		r->top = r->sel > offset ? r->sel - offset : 0;
	return ok;
}

/* Reads the window again where the person was (see rows_load). */
static bool place(Rows *r, bool fresh)
{
	Article anchor;
	bool keep = !fresh && r->win.n && !(r->at_start && r->top == 0), ok;
	size_t offset = r->win.n && r->sel >= r->top ? r->sel - r->top : 0, i;
	int64_t id = fresh ? 0 : r->sel_id;

	if (fresh)
		r->sel_id = 0;
	article_init(&anchor);
	if (keep) {
		article_release(&anchor);
		article_copy(&anchor, &r->win.items[r->top]);
	}
	ok = around(r, keep ? &anchor : NULL);
	article_release(&anchor);
	if (!ok)
		return false;
	i = find(r, id);
	if (i != NONE)
		r->sel = i;
	else if (id && has_bit(r, id))
		ok = follow(r, id, offset);
	else
		r->sel = r->top + offset;
	ok = ok && finish(r);
	/* A chosen article that left the list leaves the row at its place chosen; without a
	 * choice the selection is the row at the same place on the screen (the first one). */
	return id ? choose(r, ok) : ok;
}

bool rows_load(Rows *r, bool fresh, int height)
{
	r->height = height;
	r->version = desk_data_version(r->desk);
	return desk_articles_seq(r->desk, &r->seq) && members(r) && place(r, fresh);
}

bool rows_sort(Rows *r, bool by_title, int height)
{
	size_t offset = r->sel >= r->top ? r->sel - r->top : 0;
	const Article *sel = rows_selected(r);
	int64_t id = r->sel_id ? r->sel_id : 0;
	r->by_title = by_title;
	r->height = height;
	if (!sel || !id || !has_bit(r, id)) /* no choice made: the first rows of the new order */
		return place(r, true);
	return follow(r, id, offset) && choose(r, finish(r));
}

/* Whether row, as it is now, falls among the rows of the window. */
static bool within(const Rows *r, const Article *row)
{
	ListPage p = page(r, NULL, false, false, 0);
	size_t n = r->win.n;
	if (!n)
		return true;
	if (!r->at_start && desk_page_order(&p, row, &r->win.items[0]) < 0)
		return false;
	return r->at_end || desk_page_order(&p, row, &r->win.items[n - 1]) <= 0;
}

/* Puts one changed article's membership right (row: as it is now, NULL when the actor
 * cannot see it); true if the window may have changed. */
static bool note_change(Rows *r, int64_t id, const Article *row)
{
	ListPage p = page(r, NULL, false, false, 0);
	bool was = has_bit(r, id), now = row && desk_page_has(r->desk, &p, row);
	set_bit(r, id, now);
	r->count += (int64_t)now - (int64_t)was;
	return id == r->sel_id || (was && find(r, id) != NONE) || (now && within(r, row));
}

static int cmp_id(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return a < b ? -1 : a > b;
}

bool rows_refresh(Rows *r, int height, bool *changed)
{
	int64_t v = desk_data_version(r->desk), seq, *ids = NULL;
	ArticleList now = {NULL, 0, 0};
	size_t n = 0;
	bool moved = false, ok;

	*changed = false;
	r->height = height;
	if (v == r->version)
		return true;
	r->version = v;
	if (!desk_articles_seq(r->desk, &seq))
		return false;
	if (seq == r->seq)
		return true;
	ok = desk_changes(r->desk, r->seq, &ids, &n, &now);
	if (ok) { /* the rows the actor may see, then the other ids (a thousand imported too) */
		int64_t *seen = xcalloc(now.n + 1, sizeof *seen);
		for (size_t j = 0; j < now.n; j++) {
			seen[j] = now.items[j].id;
			moved |= note_change(r, seen[j], &now.items[j]);
		}
		qsort(seen, now.n, sizeof *seen, cmp_id);
		for (size_t i = 0; i < n; i++)
			if (!bsearch(&ids[i], seen, now.n, sizeof *seen, cmp_id))
				moved |= note_change(r, ids[i], NULL);
		free(seen);
	}
	free(ids);
	article_list_release(&now);
	if (!ok)
		return false;
	*changed = true;
	r->seq = seq;
	return !moved || place(r, false);
}

bool rows_move(Rows *r, long delta, int height)
{
	long target = (long)r->sel + delta;
	r->height = height;
	if (target >= (long)r->win.n && !r->at_end &&
	    !extend(r, false, (size_t)(target - (long)r->win.n + 1) + margin(r)))
		return false;
	if (target < 0 && !r->at_start) {
		size_t before = r->sel;
		if (!extend(r, true, (size_t)-target + margin(r)))
			return false;
		target += (long)(r->sel - before);
	}
	if (target >= (long)r->win.n)
		target = (long)r->win.n - 1;
	r->sel = target > 0 ? (size_t)target : 0;
	return choose(r, finish(r));
}

bool rows_first(Rows *r, int height)
{
	r->height = height;
	if (!around(r, NULL))
		return false;
	r->sel = r->top = 0;
	return choose(r, finish(r));
}

bool rows_last(Rows *r, int height)
{
	ArticleList last = {NULL, 0, 0}, none = {NULL, 0, 0};
	bool all;
	r->height = height;
	if (!fetch(r, NULL, true, false, (size_t)height + margin(r), &last, &all)) {
		article_list_release(&last);
		return false;
	}
	r->at_start = all;
	r->at_end = true;
	join(r, &last, &none);
	r->sel = r->win.n ? r->win.n - 1 : 0;
	r->top = r->win.n > (size_t)height ? r->win.n - (size_t)height : 0;
	return choose(r, finish(r));
}

bool rows_pick(Rows *r, int k)
{
	size_t i = r->top + (size_t)k;
	if (k < 0 || i >= r->win.n)
		return false;
	r->sel = i;
	return choose(r, true);
}

bool rows_fit(Rows *r, int height)
{
	r->height = height;
	return finish(r);
}

const Article *rows_shown(const Rows *r, int k)
{
	size_t i = r->top + (size_t)k;
	return k >= 0 && i < r->win.n ? &r->win.items[i] : NULL;
}

const Article *rows_selected(const Rows *r)
{
	return r->win.n ? &r->win.items[r->sel] : NULL;
}

int64_t rows_count(const Rows *r)
{
	return r->count;
}

const Returned *rows_returned(const Rows *r, int64_t id)
{
	for (size_t i = 0; i < r->returned.n; i++)
		if (r->returned.items[i].id == id)
			return &r->returned.items[i];
	return NULL;
}
