/*
 * overlay.h: spans over the text of a field (checker findings) that follow the text as it is
 * edited.
 *
 * A Span is a byte range with a kind (the caller's severity or finding kind, used to pick the
 * underline colour) and a tag (the caller's own id, e.g. an index into its list of findings).
 * After every edit the owner calls overlay_edit: spans after the edit move, spans the edit
 * touches (overlaps, or meets at either edge) are dropped, because their text changed and
 * must be checked again. The caller re-checks the changed paragraph, clears its spans with
 * overlay_clear_range and adds the new ones.
 */
#ifndef EDIT_OVERLAY_H
#define EDIT_OVERLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct Span {
	size_t start, end; /* bytes [start, end) of the field; start < end */
	int kind;          /* caller's kind / severity */
	uint32_t tag;      /* caller's id */
} Span;

typedef struct Overlay Overlay;

Overlay *overlay_new(void);
void overlay_free(Overlay *o);             /* overlay_free(NULL) does nothing */

/* Adds a span (ignored when start >= end). Spans are kept sorted by start, then end. */
void overlay_add(Overlay *o, size_t start, size_t end, int kind, uint32_t tag);

/* Removes every span. */
void overlay_clear(Overlay *o);

/* Removes the spans that overlap [start, end) (or sit at start when start == end). */
void overlay_clear_range(Overlay *o, size_t start, size_t end);

/* Follows an edit: old_len bytes at pos were replaced by new_len bytes. */
void overlay_edit(Overlay *o, size_t pos, size_t old_len, size_t new_len);

/* Changes with every change of the spans (distinct across overlays): a caller that copied
 * them knows its copy is current while the stamp is the same. */
uint64_t overlay_stamp(const Overlay *o);

/* Number of spans and the i-th in order (pointer valid until the next change). */
size_t overlay_count(const Overlay *o);
const Span *overlay_get(const Overlay *o, size_t i);

/* Index of the first span that ends after off (the first one a row starting at off may show);
 * overlay_count when none. */
size_t overlay_first_after(const Overlay *o, size_t off);

/* The first span containing off (start <= off < end), or NULL. */
const Span *overlay_at(const Overlay *o, size_t off);

/* The first span starting after off; with wrap, the first span when none does. NULL if none. */
const Span *overlay_next(const Overlay *o, size_t off, bool wrap);

/* The last span starting before off; with wrap, the last span when none does. NULL if none. */
const Span *overlay_prev(const Overlay *o, size_t off, bool wrap);

#endif
