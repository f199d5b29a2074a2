/*
 * doc.h: an article being edited: its fields, the cursor and selection, undo, clipboard,
 * find and replace, the built-in input method, checker spans and the soft-wrap layout of
 * every field. The curses screen draws from here and sends every key here; nothing in this
 * module knows about the terminal.
 *
 * Usage by a screen:
 *     Doc *d = doc_new();
 *     doc_set_field(d, FIELD_TITLE, a->title, strlen(a->title));   ... every field
 *     doc_set_view(d, FIELD_BODY, body_cols, body_rows);            ... at start and on resize
 *     a printable key -> doc_type(d, cp, now_ms)        (through Telex/VNI when on)
 *     Backspace / Delete -> doc_backspace / doc_delete  (a system input method's rewrite is
 *                       Backspaces then keys, all within a few ms: one undo step)
 *     text of several characters at once -> doc_insert(d, text, len, now_ms)
 *     bracketed paste -> doc_paste_text(d, text, len, now_ms)
 *     Shift+Right    -> doc_move(d, MOVE_RIGHT, true)
 *     drawing        -> doc_layout(d, f), doc_text(d, f, &len), doc_overlay(d, f),
 *                       doc_selection(d, &s, &e), doc_cursor_rc(d, &row, &col)
 *     live checking  -> while (doc_take_changed(d, f, &s, &e)) re-check [s, e) and put the
 *                       findings into doc_overlay(d, f) after overlay_clear_range(o, s, e)
 *
 * Offsets are byte offsets into one field. Times are milliseconds of a monotonic clock.
 * Every editing call keeps all fields NFC, records undo, shifts the spans and keeps the layouts
 * current. Functions that take text return false for invalid UTF-8 and change nothing;
 * doc_errmsg then says why.
 */
#ifndef EDIT_DOC_H
#define EDIT_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "edit/find.h"
#include "edit/layout.h"
#include "edit/overlay.h"
#include "viet/telex.h"

/*
 * The fields in screen order: X(id, name, multiline). In a one-paragraph field a typed or
 * pasted line break becomes a space.
 */
#define DOC_FIELDS(X)                      \
	X(FIELD_TITLE, "title", false)     \
	X(FIELD_SAPO, "sapo", false)       \
	X(FIELD_BODY, "body", true)        \
	X(FIELD_BYLINE, "byline", false)   \
	X(FIELD_SECTION, "section", false) \
	X(FIELD_TAGS, "tags", false)

typedef enum FieldId {
#define DOC_FIELD_ENUM(id, name, multi) id,
	DOC_FIELDS(DOC_FIELD_ENUM)
#undef DOC_FIELD_ENUM
	FIELD_COUNT
} FieldId;

/* The field's name as above ("body"); true if it may hold several paragraphs. */
const char *doc_field_name(FieldId f);
bool doc_field_multiline(FieldId f);

typedef enum Move {
	MOVE_LEFT, MOVE_RIGHT,           /* one grapheme cluster */
	MOVE_WORD_LEFT, MOVE_WORD_RIGHT, /* start of the previous / next word */
	MOVE_UP, MOVE_DOWN,              /* one screen row, keeping the goal column; past the
					    first / last row into the previous / next field */
	MOVE_HOME, MOVE_END,             /* start / end of the screen row */
	MOVE_LINE_START, MOVE_LINE_END,  /* start / end of the logical line */
	MOVE_PARA_UP, MOVE_PARA_DOWN,    /* previous / next paragraph start */
	MOVE_PAGE_UP, MOVE_PAGE_DOWN,    /* the page height of doc_set_view, in rows */
	MOVE_FIELD_START, MOVE_FIELD_END,
	MOVE_DOC_START, MOVE_DOC_END,    /* Ctrl-Home / Ctrl-End: start of the title, end of the
					    body (the text people write) */
	MOVE_NEXT_FIELD, MOVE_PREV_FIELD,/* Tab / Shift-Tab: to where the cursor was in that field
					    (wraps around) */
} Move;

typedef struct Doc Doc;

Doc *doc_new(void);
void doc_free(Doc *d);                     /* doc_free(NULL) does nothing */

/* Why the last call that returned false failed ("" if none did). */
const char *doc_errmsg(const Doc *d);

/*
 * Loads the text of a field (normalised to NFC; "\r\n" becomes "\n"). Loading is not an edit:
 * it clears the undo history and the field's spans, puts that field's cursor at its start, and
 * the document counts as saved afterwards. The whole field is reported by the next
 * doc_take_changed, so the first check covers it. Returns false on invalid UTF-8.
 */
bool doc_set_field(Doc *d, FieldId f, const char *text, size_t len);

/*
 * The field's text, NUL-terminated, *len bytes (len may be NULL); valid until the next edit or
 * doc_span. It costs a move of the text after the last edit: to read a piece (a row, a
 * paragraph, a word), ask doc_span for that piece.
 */
const char *doc_text(Doc *d, FieldId f, size_t *len);

/*
 * Bytes [start, end) of field f (clamped to it) as one run: returns t such that t[off] is the
 * byte at off for every off in the range; what lies outside it is not the text. Costs at most
 * the range. Not NUL-terminated; valid until the next edit, doc_span or doc_text.
 */
const char *doc_span(Doc *d, FieldId f, size_t start, size_t end);

/* Bytes in field f. */
size_t doc_len(const Doc *d, FieldId f);

/* ---- saved state and counts ---- */

/* True if the text differs from the last load or doc_mark_saved (undoing back to the saved
 * text makes it clean again). */
bool doc_is_dirty(const Doc *d);
/* Call after the text was stored: the current text becomes the saved one. */
void doc_mark_saved(Doc *d);

/* Words (runs of letters or digits) in title, sapo and body, as the newsroom counts them;
 * characters (grapheme clusters, line breaks not counted) in the same fields. */
size_t doc_words(Doc *d);
size_t doc_chars(Doc *d);

/* A number that changes whenever any field's text changes (edits, undo, loads). */
uint64_t doc_version(const Doc *d);

/*
 * Whole-article figures kept as running totals: fn is called with the text around an edit,
 * once as it was (sign -1) and once as it is (sign +1), so the figure follows every edit (undo
 * included) in time proportional to the edit. The text is cut where no word, syllable or
 * grapheme cluster runs over (line breaks, spaces before ASCII), so any count of those adds
 * up over the pieces. Loading a field
 * (doc_set_field) is no edit and calls nothing: count the loaded field afresh.
 */
typedef void (*DocCounter)(void *arg, FieldId f, const char *text, size_t len, int sign);
void doc_set_counter(Doc *d, DocCounter fn, void *arg);

/* ---- cursor, selection and view ---- */

FieldId doc_field(const Doc *d);           /* the field holding the cursor */
size_t doc_cursor(const Doc *d);           /* cursor offset in that field */

/* True if there is a non-empty selection; [*start, *end) in the current field. */
bool doc_selection(const Doc *d, size_t *start, size_t *end);

/* Puts the cursor at off (clamped, moved to a grapheme boundary) in field f. With extend and
 * f the current field the selection runs from the old anchor; otherwise it is cleared. */
void doc_set_cursor(Doc *d, FieldId f, size_t off, bool extend);

/* Selects the whole current field. */
void doc_select_field(Doc *d);

/* Moves the cursor. With extend the selection grows from its anchor (kept inside the field:
 * a move that would leave the field stops at its start or end). Ends the undo group. */
void doc_move(Doc *d, Move m, bool extend);

/* Sets the wrap width (columns) and page height (rows) of a field's view; defaults 80 and 20. */
void doc_set_view(Doc *d, FieldId f, int width, int page_rows);

/* The field's layout at its view width, current with its text. */
const Layout *doc_layout(Doc *d, FieldId f);

/* The cursor as (row, column) in the current field's layout. */
void doc_cursor_rc(Doc *d, size_t *row, int *col);

/* 1-based logical line and column (in characters) of the cursor, for the status line. */
void doc_cursor_line(Doc *d, size_t *line, size_t *column);

/* A mouse click at (row, col) of field f's layout; with extend, selects to there. */
void doc_click(Doc *d, FieldId f, size_t row, int col, bool extend);

/* Moves to the start of 1-based line n of the body (clamped). */
void doc_goto_line(Doc *d, size_t n);

/* ---- editing ---- */

/*
 * Inserts text at the cursor, replacing the selection, as typing: joins the open undo group
 * under the rules of undo.h. Use it for keys and for the bytes a system input method sends.
 */
bool doc_insert(Doc *d, const char *text, size_t len, int64_t now_ms);

/* Types one key through the built-in input method (or inserts it when the method is off). */
bool doc_type(Doc *d, int32_t key, int64_t now_ms);

/* Inserts text as one undo step of its own (bracketed paste, a pasted article). */
bool doc_paste_text(Doc *d, const char *text, size_t len, int64_t now_ms);

/* Pastes the internal clipboard (false if it is empty). */
bool doc_paste(Doc *d, int64_t now_ms);

/* Deletes the selection, or the grapheme cluster before / after the cursor ("ệ" at once).
 * Returns false if there was nothing to delete. */
bool doc_backspace(Doc *d, int64_t now_ms);
bool doc_delete(Doc *d, int64_t now_ms);

/* Deletes from the cursor to where doc_move(m) would go (Ctrl-W: MOVE_WORD_LEFT). */
bool doc_delete_move(Doc *d, Move m, int64_t now_ms);

/*
 * Replaces [start, end) of field f with text as one undo step (applying a suggestion). The
 * cursor goes to the end of the new text in f.
 */
bool doc_replace_range(Doc *d, FieldId f, size_t start, size_t end, const char *text,
		       size_t len, int64_t now_ms);

/* Copies the selection to the internal clipboard and returns it (*len bytes, owned by the
 * Doc, valid until the next copy or cut) so the screen can also send it with OSC 52. NULL
 * when nothing is selected. doc_cut also deletes it, as one undo step. */
const char *doc_copy(Doc *d, size_t *len);
const char *doc_cut(Doc *d, int64_t now_ms, size_t *len);

/* The internal clipboard (NULL when empty). */
const char *doc_clipboard(const Doc *d, size_t *len);

/* Undoes / redoes one step; the cursor goes where that step began / ended. False if none. */
bool doc_undo(Doc *d);
bool doc_redo(Doc *d);

/* ---- input method ---- */

void doc_set_ime(Doc *d, ImeMode mode);
ImeMode doc_ime(const Doc *d);
void doc_set_tone_style(Doc *d, Placement style);

/* ---- find and replace (flags from find.h) ---- */

/*
 * Finds the next (or with FIND_BACKWARD the previous) match from the cursor, through the
 * following fields and around; selects it and returns true, or returns false.
 */
bool doc_find(Doc *d, const char *needle, size_t len, unsigned flags);

/*
 * If the selection is a match of needle, replaces it with repl (one undo step); then finds
 * the next match. Returns true if a replacement was made.
 */
bool doc_replace_next(Doc *d, const char *needle, size_t nlen, const char *repl, size_t rlen,
		      unsigned flags, int64_t now_ms);

/* Replaces every match in every field as one undo step; returns the number replaced. */
size_t doc_replace_all(Doc *d, const char *needle, size_t nlen, const char *repl, size_t rlen,
		       unsigned flags, int64_t now_ms);

/* The same in one field only (field -1: every field, as doc_replace_all). */
size_t doc_replace_in(Doc *d, int field, const char *needle, size_t nlen, const char *repl,
		      size_t rlen, unsigned flags, int64_t now_ms);

/* How many matches of needle field holds (-1: all fields), as doc_replace_in would replace. */
size_t doc_count_matches(Doc *d, int field, const char *needle, size_t nlen, unsigned flags);

/* ---- checker spans ---- */

/* The spans of field f (owned by the Doc; they follow every edit, undo included). */
Overlay *doc_overlay(Doc *d, FieldId f);

/*
 * The part of field f changed since the last call, in [*start, *end) (empty where text was
 * only removed); returns false if nothing changed. It is not widened here: the checker widens
 * it to the sentences and paragraphs around it, a bounded distance (a paragraph may be a
 * megabyte long, and finding its ends on every key would read all of it).
 */
bool doc_take_changed(Doc *d, FieldId f, size_t *start, size_t *end);

/* True if field f has a change not yet taken. */
bool doc_has_changed(const Doc *d, FieldId f);

/* Puts [start, end) of field f back as changed (a caller that checks a long change in parts
 * returns the rest); it follows later edits like any change. */
void doc_mark_changed(Doc *d, FieldId f, size_t start, size_t end);

#endif
