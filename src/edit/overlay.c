/*
 * overlay.c: the spans of one field in an array sorted by (start, end), with beside each span
 * the largest end of the spans up to it (spans may nest, so ends alone are not sorted). Both
 * orders allow binary search: the first span that reaches past an offset (what a row draws,
 * where an edit starts to matter) and the first that starts after one. An edit leaves the
 * spans that end before it alone, shifts the ones after it in place and compacts away the
 * ones it touched, keeping the order (shifting by the same amount cannot reorder); typing
 * costs the spans after the cursor, not the article's. A long article holds thousands.
 */
#include "edit/overlay.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "base/banned.h"

struct Overlay {
	Span *spans;
	size_t *reach;    /* reach[i]: the largest end of spans[0..i] */
	size_t n, cap, reach_cap;
	uint64_t stamp;
};

static uint64_t stamps; /* the last stamp given: each change of any overlay takes a new one */

Overlay *overlay_new(void)
{
	Overlay *o = xcalloc(1, sizeof(Overlay));
	o->stamp = ++stamps;
	return o;
}

void overlay_free(Overlay *o)
{
	if (!o)
		return;
	free(o->spans);
	free(o->reach);
	free(o);
}

uint64_t overlay_stamp(const Overlay *o)
{
	return o->stamp;
}

/* The spans from `from` on changed: their reach is counted again, and the stamp moves. */
static void changed(Overlay *o, size_t from)
{
	xgrow(&o->reach, &o->reach_cap, o->n + 1, sizeof(*o->reach));
	for (size_t i = from; i < o->n; i++) {
		size_t before = i ? o->reach[i - 1] : 0;
		o->reach[i] = o->spans[i].end > before ? o->spans[i].end : before;
	}
	o->stamp = ++stamps;
}

static bool before(const Span *a, size_t start, size_t end)
{
	return a->start < start || (a->start == start && a->end <= end);
}

void overlay_add(Overlay *o, size_t start, size_t end, int kind, uint32_t tag)
{
	size_t lo = 0, hi = o->n;

	if (start >= end)
		return;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (before(&o->spans[mid], start, end))
			lo = mid + 1;
		else
			hi = mid;
	}
	xgrow(&o->spans, &o->cap, o->n + 1, sizeof(*o->spans));
	memmove(o->spans + lo + 1, o->spans + lo, (o->n - lo) * sizeof(*o->spans));
	o->spans[lo] = (Span){start, end, kind, tag};
	o->n++;
	changed(o, lo);
}

void overlay_clear(Overlay *o)
{
	if (o->n) {
		o->n = 0;
		changed(o, 0);
	}
}

void overlay_clear_range(Overlay *o, size_t start, size_t end)
{
	size_t first = overlay_first_after(o, start), k = first;

	for (size_t i = first; i < o->n; i++) {
		const Span *s = &o->spans[i];
		bool hit = start == end ? s->start <= start && start < s->end
					: s->start < end && start < s->end;
		if (!hit)
			o->spans[k++] = *s;
	}
	if (k != o->n) {
		o->n = k;
		changed(o, first);
	}
}

void overlay_edit(Overlay *o, size_t pos, size_t old_len, size_t new_len)
{
	size_t first = pos ? overlay_first_after(o, pos - 1) : 0, k = first, old_end = pos + old_len;

	/* The spans before `first` end before pos: the edit leaves them as they are. */
	for (size_t i = first; i < o->n; i++) {
		Span s = o->spans[i];
		if (s.end < pos) {
			o->spans[k++] = s;
		} else if (s.start > old_end) {
			s.start = s.start - old_len + new_len;
			s.end = s.end - old_len + new_len;
			o->spans[k++] = s;
		}
		/* otherwise the edit overlaps or meets the span: its text changed, drop it */
	}
	if (first < o->n) {
		o->n = k;
		changed(o, first);
	}
}

size_t overlay_count(const Overlay *o)
{
	return o->n;
}

const Span *overlay_get(const Overlay *o, size_t i)
{
	return i < o->n ? &o->spans[i] : NULL;
}

size_t overlay_first_after(const Overlay *o, size_t off)
{
	/* The first span whose reach passes off is the first that ends after it. */
	size_t lo = 0, hi = o->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (o->reach[mid] > off)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* Index of the first span starting after off. */
static size_t first_start_after(const Overlay *o, size_t off)
{
	size_t lo = 0, hi = o->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (o->spans[mid].start > off)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

const Span *overlay_at(const Overlay *o, size_t off)
{
	for (size_t i = overlay_first_after(o, off); i < o->n && o->spans[i].start <= off; i++)
		if (off < o->spans[i].end)
			return &o->spans[i];
	return NULL;
}

const Span *overlay_next(const Overlay *o, size_t off, bool wrap)
{
	size_t i = first_start_after(o, off);

	if (i < o->n)
		return &o->spans[i];
	return wrap && o->n ? &o->spans[0] : NULL;
}

const Span *overlay_prev(const Overlay *o, size_t off, bool wrap)
{
	size_t i = off ? first_start_after(o, off - 1) : 0; /* the first starting at off or later */

	if (i > 0)
		return &o->spans[i - 1];
	return wrap && o->n ? &o->spans[o->n - 1] : NULL;
}
