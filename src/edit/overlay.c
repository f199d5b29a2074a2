/*
 * overlay.c: the spans of one field in an array sorted by (start, end). A field holds at most
 * a few hundred findings, so a sorted array with binary search for lookups and a linear pass
 * per edit is both the simplest and the fastest structure; an edit shifts the spans after it
 * in place and compacts away the ones it touched, keeping the order (shifting by the same
 * amount cannot reorder).
 */
#include "edit/overlay.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "base/banned.h"

struct Overlay {
	Span *spans;
	size_t n, cap;
};

Overlay *overlay_new(void)
{
	return xcalloc(1, sizeof(Overlay));
}

void overlay_free(Overlay *o)
{
	if (!o)
		return;
	free(o->spans);
	free(o);
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
}

void overlay_clear(Overlay *o)
{
	o->n = 0;
}

void overlay_clear_range(Overlay *o, size_t start, size_t end)
{
	size_t k = 0;

	for (size_t i = 0; i < o->n; i++) {
		const Span *s = &o->spans[i];
		bool hit = start == end ? s->start <= start && start < s->end
					: s->start < end && start < s->end;
		if (!hit)
			o->spans[k++] = *s;
	}
	o->n = k;
}

void overlay_edit(Overlay *o, size_t pos, size_t old_len, size_t new_len)
{
	size_t k = 0, old_end = pos + old_len;

	for (size_t i = 0; i < o->n; i++) {
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
	o->n = k;
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
	/* Spans may nest, so ends are not sorted: scan from the first start that could matter. */
	for (size_t i = 0; i < o->n; i++)
		if (o->spans[i].end > off)
			return i;
	return o->n;
}

const Span *overlay_at(const Overlay *o, size_t off)
{
	for (size_t i = 0; i < o->n && o->spans[i].start <= off; i++)
		if (off < o->spans[i].end)
			return &o->spans[i];
	return NULL;
}

const Span *overlay_next(const Overlay *o, size_t off, bool wrap)
{
	for (size_t i = 0; i < o->n; i++)
		if (o->spans[i].start > off)
			return &o->spans[i];
	return wrap && o->n ? &o->spans[0] : NULL;
}

const Span *overlay_prev(const Overlay *o, size_t off, bool wrap)
{
	for (size_t i = o->n; i > 0; i--)
		if (o->spans[i - 1].start < off)
			return &o->spans[i - 1];
	return wrap && o->n ? &o->spans[o->n - 1] : NULL;
}
