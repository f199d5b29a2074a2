/*
 * doc_impl.h: the inside of a Doc, shared by doc.c (editing, undo, clipboard, find) and
 * doc_move.c (cursor motion and views). Not for use outside src/edit.
 */
#ifndef EDIT_DOC_IMPL_H
#define EDIT_DOC_IMPL_H

#include "edit/doc.h"

#include "base/str.h"
#include "edit/buffer.h"
#include "edit/undo.h"

typedef struct Field {
	Buffer *buf;
	Layout *layout;
	Overlay *spans;
	size_t cursor;        /* this field's cursor (kept while another field has the focus) */
	int width, page;      /* view: wrap width in columns, page height in rows */
	bool layout_ok;       /* layout is built for the current text and width */
	bool changed;         /* [ch_start, ch_end) changed since doc_take_changed */
	size_t ch_start, ch_end;
	size_t words, chars;  /* running counts of the field's text (doc_count.c) */
	size_t line_at, line; /* a line start and its 0-based line number (doc_line.c) */
	bool col_ok;          /* col_at, a place on the line at col_ls, holds col_n characters */
	size_t col_ls, col_at, col_n; /* before it (doc_line.c) */
} Field;

struct Doc {
	Field f[FIELD_COUNT];
	FieldId cur;          /* field with the focus */
	bool has_anchor;      /* a selection is being made: anchor .. f[cur].cursor */
	size_t anchor;
	int goal;             /* goal column for up/down; -1 when unset */
	UndoLog *undo;
	uint64_t saved;       /* undo_state at the last load or save */
	Ime *ime;
	Str clip;             /* internal clipboard */
	bool clip_set;
	char err[160];
	uint64_t version;     /* goes up with every change of text */
	DocCounter counter;   /* told of the lines each edit touches, before and after */
	void *counter_arg;
};

/* The field's layout, built if needed. */
const Layout *doc_field_layout(Doc *d, FieldId f);

/* Where doc_move(m) would put the cursor: *field and *off (no state changes). */
void doc_move_target(Doc *d, Move m, FieldId *field, size_t *off);

/*
 * Running counts (doc_count.c). Before an edit of [start, end) in field f, doc_count_out takes
 * the text around it (cut at word boundaries) out of the counts and says where it lies; after
 * it, doc_count_in puts [ls, le) back in, le moved by the edit's change of length. An edit
 * never changes text outside that piece, so the counts stay exact.
 */
void doc_count_out(Doc *d, FieldId f, size_t start, size_t end, size_t *ls, size_t *le);
void doc_count_in(Doc *d, FieldId f, size_t ls, size_t le);
/* Counts a field afresh (after a load). */
void doc_count_field(Doc *d, FieldId f);

/*
 * The cursor's line and column (doc_line.c), kept by position: a line start whose number is
 * known, and a place on the cursor's line whose column is known, so that the status line costs
 * the distance the cursor moved, not the article. Before an edit at start, doc_line_before
 * moves the known line start to or before start's line (the edit never reaches behind the
 * line break before it); after it, doc_line_after forgets what the edit may have changed.
 * doc_line_reset forgets both (a new text).
 */
void doc_line_before(Doc *d, FieldId f, size_t start);
void doc_line_after(Doc *d, FieldId f, size_t pos);
void doc_line_reset(Doc *d, FieldId f);
/* True at a place no grapheme cluster runs over: the text's ends, after a line break, or
 * after a space or tab before an ASCII character. */
bool doc_boundary(const char *t, size_t len, size_t q);

#endif
