/*
 * undo.c: the history is one array of edits in the order they were made, each labelled with
 * the serial number of its group. [0, n) is the undo side, [n, total) the redo side; a group
 * is always a contiguous run of equal serials, so undo and redo hand out slices of the array.
 * Serials are never reused: the state of the text after a group is that group's serial (or
 * the serial given at the last clear), which is what saved-version tracking compares.
 *
 * The open group is described by its kind and by `merge_ok`: a Backspace group that started
 * right after a typing group becomes part of it if an insert follows within UNDO_IME_MS
 * (a system input method rewriting the syllable).
 */
#include "edit/undo.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "base/banned.h"

typedef struct Meta {
	uint64_t group; /* serial of the group the edit belongs to */
} Meta;

struct UndoLog {
	UndoEdit *edits;
	Meta *meta;
	size_t n, total;
	size_t edits_cap, meta_cap;
	uint64_t next_serial;
	uint64_t base_state;  /* state when the undo side is empty */
	bool open;            /* the last group may still grow */
	bool forced;          /* inside undo_group_begin / undo_group_end */
	UndoKind open_kind;
	bool merge_ok;        /* the open Backspace group may merge into the typing group before */
	int64_t last_ms;
};

UndoLog *undo_new(void)
{
	UndoLog *u = xcalloc(1, sizeof(*u));

	u->next_serial = 2;
	u->base_state = 1;
	return u;
}

static void free_edits(UndoLog *u, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		free(u->edits[i].old_text);
		free(u->edits[i].new_text);
	}
}

void undo_free(UndoLog *u)
{
	if (!u)
		return;
	free_edits(u, 0, u->total);
	free(u->edits);
	free(u->meta);
	free(u);
}

void undo_clear(UndoLog *u)
{
	free_edits(u, 0, u->total);
	u->n = u->total = 0;
	u->base_state = u->next_serial++;
	u->open = u->forced = false;
}

void undo_break(UndoLog *u)
{
	u->open = false;
}

void undo_group_begin(UndoLog *u)
{
	u->open = false;
	u->forced = true;
}

void undo_group_end(UndoLog *u)
{
	u->forced = false;
	u->open = false;
}

/* Index of the first edit of the group that ends at index end (exclusive). */
static size_t group_first(const UndoLog *u, size_t end)
{
	size_t i = end - 1;

	while (i > 0 && u->meta[i - 1].group == u->meta[end - 1].group)
		i--;
	return i;
}

/* Relabels the open Backspace group as part of the typing group just before it. */
static void merge_into_previous(UndoLog *u)
{
	size_t first = group_first(u, u->n);

	if (first == 0)
		return;
	for (size_t i = first; i < u->n; i++)
		u->meta[i].group = u->meta[first - 1].group;
}

/* Decides whether e joins the open group; may turn a Backspace group into a typing one. */
static bool joins(UndoLog *u, const UndoEdit *e, UndoKind kind, int64_t now_ms)
{
	const UndoEdit *last;
	int64_t dt = now_ms - u->last_ms;

	if (u->forced)
		return u->open;
	if (!u->open || u->n == 0 || kind == UNDO_OTHER || dt < 0 || dt > UNDO_BURST_MS)
		return false;
	last = &u->edits[u->n - 1];
	if (last->field != e->field)
		return false;
	switch (kind) {
	case UNDO_INSERT:
		if (e->pos + e->old_len != last->cursor_after)
			return false;
		if (u->open_kind == UNDO_INSERT)
			return true;
		if (u->open_kind != UNDO_BACKSPACE || dt > UNDO_IME_MS)
			return false;
		if (u->merge_ok)
			merge_into_previous(u);
		u->open_kind = UNDO_INSERT;
		return true;
	case UNDO_BACKSPACE:
		return u->open_kind == UNDO_BACKSPACE && e->pos + e->old_len == last->cursor_after;
	case UNDO_DELETE:
		return u->open_kind == UNDO_DELETE && e->pos == last->pos;
	case UNDO_OTHER:
		break;
	}
	return false;
}

/* True if a Backspace now may later merge with the typing group it follows. */
static bool may_merge(const UndoLog *u, const UndoEdit *e, UndoKind kind, int64_t now_ms)
{
	const UndoEdit *last;

	if (kind != UNDO_BACKSPACE || !u->open || u->n == 0 || u->open_kind != UNDO_INSERT)
		return false;
	if (now_ms - u->last_ms < 0 || now_ms - u->last_ms > UNDO_BURST_MS)
		return false;
	last = &u->edits[u->n - 1];
	return last->field == e->field && e->pos + e->old_len == last->cursor_after;
}

static void push(UndoLog *u, const UndoEdit *e, uint64_t group)
{
	UndoEdit *c;

	xgrow(&u->edits, &u->edits_cap, u->n + 1, sizeof(*u->edits));
	xgrow(&u->meta, &u->meta_cap, u->n + 1, sizeof(*u->meta));
	c = &u->edits[u->n];
	*c = *e;
	c->old_text = xstrndup(e->old_text ? e->old_text : "", e->old_len);
	c->new_text = NULL; /* in the document until undone: see undo_keep_new */
	u->meta[u->n].group = group;
	u->n++;
	u->total = u->n;
}

void undo_record(UndoLog *u, const UndoEdit *e, UndoKind kind, int64_t now_ms)
{
	uint64_t group;

	free_edits(u, u->n, u->total);
	u->total = u->n;
	if (joins(u, e, kind, now_ms)) {
		group = u->meta[u->n - 1].group;
	} else {
		u->merge_ok = may_merge(u, e, kind, now_ms);
		group = u->next_serial++;
		u->open_kind = kind;
		u->open = kind != UNDO_OTHER || u->forced;
	}
	push(u, e, group);
	u->last_ms = now_ms;
}

size_t undo_undo(UndoLog *u, const UndoEdit **edits)
{
	size_t first;

	u->open = false;
	if (u->n == 0)
		return 0;
	first = group_first(u, u->n);
	*edits = &u->edits[first];
	first = u->n - first;
	u->n -= first;
	return first;
}

void undo_keep_new(UndoLog *u, const UndoEdit *e, const char *text)
{
	UndoEdit *c = &u->edits[e - u->edits];

	if (!c->new_text)
		c->new_text = xstrndup(text, c->new_len);
}

size_t undo_redo(UndoLog *u, const UndoEdit **edits)
{
	size_t end = u->n;

	u->open = false;
	if (u->n == u->total)
		return 0;
	while (end < u->total && u->meta[end].group == u->meta[u->n].group)
		end++;
	*edits = &u->edits[u->n];
	end -= u->n;
	u->n += end;
	return end;
}

bool undo_can_undo(const UndoLog *u)
{
	return u->n > 0;
}

bool undo_can_redo(const UndoLog *u)
{
	return u->n < u->total;
}

size_t undo_depth(const UndoLog *u)
{
	size_t groups = 0;

	for (size_t i = 0; i < u->n; i++)
		if (i == 0 || u->meta[i].group != u->meta[i - 1].group)
			groups++;
	return groups;
}

uint64_t undo_state(const UndoLog *u)
{
	return u->n ? u->meta[u->n - 1].group : u->base_state;
}
