/*
 * undo.h: undo and redo history of a document, grouped into the steps a user expects.
 *
 * The history records edits (byte ranges of one field replaced by other bytes), not
 * snapshots. Edits are gathered into groups; undo_undo hands back the last group and the
 * caller puts the old bytes back, last edit first. The grouping rules (times are passed in by
 * the caller, in milliseconds of a monotonic clock, so that tests can drive them):
 *
 *  - A typing burst is one group: inserts of the same field where each starts at the cursor
 *    the previous one left, no more than UNDO_BURST_MS apart. The same holds for a run of
 *    Backspaces (each ending where the previous began) and a run of Deletes (same position).
 *  - An input-method burst is one group: Backspaces immediately followed (within UNDO_IME_MS)
 *    by an insert at the same place, as system Vietnamese input methods send when they rewrite
 *    the previous syllable. If that burst follows a typing burst at the same place, it joins it,
 *    so typing with such an input method groups exactly like typing without one.
 *  - A replacement of a few bytes just before the cursor (the built-in Telex/VNI) counts as an
 *    insert of a typing burst.
 *  - undo_break ends the open group: the document calls it for cursor moves, a paste (which is
 *    a group of its own), cut, replace, save, and undo/redo themselves.
 *
 * Saved-version tracking: undo_state names the current state of the text; a document remembers
 * it when saving and compares later (a new edit after undoing gets a fresh state, never an old
 * one).
 */
#ifndef EDIT_UNDO_H
#define EDIT_UNDO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Two typing events further apart than this start a new undo step. */
#define UNDO_BURST_MS 1500
/* An insert this soon after a Backspace is taken as one input-method rewrite. */
#define UNDO_IME_MS 40

typedef enum UndoKind {
	UNDO_INSERT,      /* typing: text inserted (or a few bytes before the cursor rewritten) */
	UNDO_BACKSPACE,   /* deletion before the cursor */
	UNDO_DELETE,      /* deletion after the cursor */
	UNDO_OTHER,       /* anything else: always a group of its own */
} UndoKind;

/* One recorded edit: in field `field`, old_len bytes at pos were replaced by new_len bytes. */
typedef struct UndoEdit {
	int field;            /* which field of the document */
	size_t pos;           /* first byte changed */
	char *old_text;       /* the bytes removed (owned by the log; NUL-terminated) */
	size_t old_len;
	char *new_text;       /* the bytes inserted: NULL while they are in the document (the
	                       * undo side); the log's NUL-terminated copy once undone */
	size_t new_len;
	size_t cursor_before; /* cursor in that field before the edit */
	size_t cursor_after;  /* cursor after it */
} UndoEdit;

typedef struct UndoLog UndoLog;

UndoLog *undo_new(void);
void undo_free(UndoLog *u);               /* undo_free(NULL) does nothing */

/* Forgets everything (after loading new text). The state becomes a fresh one. */
void undo_clear(UndoLog *u);

/*
 * Records an edit that has just been made. The log copies the bytes removed; the bytes
 * inserted are in the document, and the log keeps them only when the edit is undone (a 2 MB
 * paste is not held twice). It joins the open group
 * when the rules above allow, else starts a new one. Drops everything that could be redone.
 */
void undo_record(UndoLog *u, const UndoEdit *e, UndoKind kind, int64_t now_ms);

/* Ends the open group: the next edit starts a new one. */
void undo_break(UndoLog *u);

/*
 * Between undo_group_begin and undo_group_end every recorded edit, of any kind and field,
 * joins one new group (replace-all, cut). Calls do not nest.
 */
void undo_group_begin(UndoLog *u);
void undo_group_end(UndoLog *u);

/*
 * Takes the last group off the undo side and returns its edits in the order they were made
 * (*edits points into the log, valid until the next call on it); the caller reverts them from
 * the last to the first. Returns the number of edits, 0 when there is nothing to undo.
 */
size_t undo_undo(UndoLog *u, const UndoEdit **edits);

/*
 * Before reverting an edit that undo_undo handed out, the caller gives the log the bytes the
 * edit inserted (new_len of them at text, read from the document), for a later redo.
 */
void undo_keep_new(UndoLog *u, const UndoEdit *e, const char *text);

/* Takes the next group off the redo side; the caller re-applies them first to last. */
size_t undo_redo(UndoLog *u, const UndoEdit **edits);

bool undo_can_undo(const UndoLog *u);
bool undo_can_redo(const UndoLog *u);

/* Number of groups that undo_undo would return one by one. */
size_t undo_depth(const UndoLog *u);

/* A value naming the current text state; equal values mean equal texts (see above). */
uint64_t undo_state(const UndoLog *u);

#endif
