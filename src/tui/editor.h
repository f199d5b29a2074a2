/*
 * editor.h: the editor screen's state, shared by its three files: editor.c (keys, commands,
 * saving, the main loop), edview.c (the article's rows and the status line) and pane.c (the
 * side pane: findings, article info, notes and history). Internal to src/tui.
 *
 * The article is one Doc (fields, cursor, undo, input method, spans). The text area shows
 * the fields one after the other, each under a label row; "virtual rows" number that whole
 * column from 0, and `scroll` is the first one on screen.
 */
#ifndef TUI_EDITOR_H
#define TUI_EDITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "edit/doc.h"
#include "tui/app.h"
#include "tui/check.h"

/* Where the side pane goes. */
typedef enum PaneMode {
	PANE_AUTO,     /* beside the text when the terminal is wide, below it when narrow */
	PANE_SIDE,
	PANE_BELOW,
} PaneMode;

/* Wide enough for the pane beside the text. */
#define EDITOR_SIDE_MIN_COLS 100

/* One finding as the pane lists it. */
typedef struct PaneItem {
	FieldId field;
	Span span;
} PaneItem;

typedef struct Editor {
	App *app;
	Doc *doc;
	Article art;          /* the stored article: id, state, author, version, times */
	bool read_only;       /* the desk does not let this user edit it */
	Checker *checker;     /* NULL when checking is off */
	char check_off[300];  /* why checking is off, "" when it is on */
	EventList history;

	bool pane_focus;      /* keys go to the pane */
	PaneMode pane_mode;
	int pane_cols;        /* width when beside */
	int pane_rows;        /* height when below */
	PaneItem *items;      /* the findings in field order, rebuilt before each draw */
	size_t nitems, capitems, pane_sel;
	long *row_item;       /* the finding drawn on each pane row (-1: none), for clicks */
	int nrow_item;

	/* Geometry of the last draw. */
	int text_y, text_x, text_w, text_h;
	int pane_y, pane_x, pane_w, pane_h;
	bool side;            /* the pane is beside the text */
	long scroll;          /* first virtual row shown */
	long field_row[FIELD_COUNT + 1]; /* first virtual row (the label) of each field */

	Str find;             /* the last search */
	Str replace;
	bool find_fold;       /* search ignoring diacritics */
	bool closed;
} Editor;

/* edview.c: lays the fields out at the current size and draws the text area and status. */
void edview_geometry(Editor *e);
void edview_draw_text(Editor *e);
void edview_draw_status(Editor *e);
/* A click at screen (y, x) in the text area: moves the cursor there. */
bool edview_click(Editor *e, int y, int x);
/* The field label shown above each field. */
const char *edview_field_label(const Editor *e, FieldId f);

/* pane.c */
void pane_collect(Editor *e);
void pane_draw(Editor *e);
/* Handles a pane command; returns false if it is not one. */
bool pane_command(Editor *e, Command c, Key key);
/* A click at screen (y, x) in the pane. */
bool pane_click(Editor *e, int y, int x);
/* Applies suggestion n (1-based) of item i; selects the next finding. */
void pane_apply(Editor *e, size_t i, int n);
/* The index of the finding at the cursor (or just before it), or e->nitems. */
size_t pane_item_at_cursor(Editor *e);
/* Moves the cursor to item i and selects it in the pane. */
void pane_jump(Editor *e, size_t i);

/* editor.c: the time in milliseconds for the undo grouping. */
int64_t editor_now_ms(void);
/* Re-checks what changed in every field. */
void editor_check_changes(Editor *e);

#endif
