/*
 * editor.h: the editor screen's state, shared by its three files: editor.c (keys, commands,
 * saving, the main loop), edview.c (the article's rows and the status line) and pane.c (the
 * side pane: findings, article info, notes and history). Internal to src/tui.
 *
 * safety.c keeps the text safe while it is open: the edit lock and its heartbeat, the journal,
 * saves retried while the database cannot take them, and writing the text to a file.
 * compare.c shows two texts with their differences (a conflict, or a revision against the
 * text); history.c lists revisions and moves to compare and restore.
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
#include "tui/jwriter.h"

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
	unsigned history_stamp; /* counts the loads of history: what the pane shows of it */

	bool pane_focus;      /* keys go to the pane */
	PaneMode pane_mode;
	int pane_cols;        /* width when beside */
	int pane_rows;        /* height when below */
	PaneItem *items;      /* the findings in field order, collected before each draw */
	size_t nitems, capitems, pane_sel;
	uint64_t item_stamp[FIELD_COUNT]; /* the overlays' stamps when they were collected */
	long *row_item;       /* the finding drawn on each pane row (-1: none), for clicks */
	int nrow_item;
	int finding_cols;     /* width of the findings column (clicks beyond it are no finding) */
	struct PaneMemo *pane_memo; /* pane.c: the findings' lines kept between draws */
	struct RowMemo *row_memo; /* edview.c: what each text row showed when last drawn */
	int nrow_memo;
	long drawn_scroll;    /* edview.c: the scroll and the text area of the last draw, */
	int drawn_area[4];    /* y, x, w, h (all 0 before the first) */
	int drawn_cursor[2];  /* edview.c: where the text's cursor was last put, y and x */

	/* Geometry of the last draw. */
	int text_y, text_x, text_w, text_h;
	int pane_y, pane_x, pane_w, pane_h;
	bool side;            /* the pane is beside the text */
	long scroll;          /* first virtual row shown */
	long field_row[FIELD_COUNT + 1]; /* first virtual row (the label) of each field */

	/* safety.c */
	bool locked;          /* this process holds the article's edit lock */
	LockInfo holder;      /* who holds it when we do not (login NULL: nobody known) */
	int64_t stored_version; /* the stored version when we last loaded or saved */
	uint64_t print;       /* fingerprint of the text after the last batch of keys */
	uint64_t journal_print; /* the text last written to the journal (or loaded/saved) */
	int64_t changed_ms;   /* when the text last changed */
	int64_t pending_ms;   /* when the first change not yet journaled was made, 0: none */
	int64_t journal_retry_ms; /* a failed journal write waits until then */
	bool journaled;       /* a journal row of ours may exist */
	JournalWriter *jw;    /* writes the journal off the key path */
	int64_t beat_ms;      /* next lock heartbeat */
	bool save_retry;      /* the last save failed on the database: retry on the tick */
	bool busy;            /* ... because another process was writing (retried sooner) */
	int64_t retry_ms;     /* when to retry */
	bool drop_new;        /* the new article's journal (id 0) is still to be dropped */
	/* The print of the new article's text this session last journaled or restored: the
	 * row (shared by the person's sessions) is dropped only while it still holds that. */
	uint8_t new_print[DESK_PRINT_BYTES];

	Str find;             /* the last search */
	Str replace;
	bool find_fold;       /* search ignoring diacritics */
	bool replace_fold;    /* the same for find-and-replace: a switch of its own */
	bool closed;
	bool checker_tried;   /* the checker was started (it loads after the first screen) */
	bool checker_rested;  /* the opened article was checked through once */
	bool discard;         /* the user chose to drop the unsaved text */

	/* The counters as shown: the words, the characters and the cursor's line and column.
	 * While keys that change the text keep coming they stay as they were when the keys last
	 * rested, so that a typed key redraws its own text alone (and sends a slow link a few
	 * bytes); they catch up when the keys pause for CHECK_PAUSE_MS. */
	bool typing;          /* the last batch of keys changed the text, and no pause since */
	size_t shown_words, shown_chars, shown_line, shown_col;
} Editor;

/* edview.c: lays the fields out at the current size and draws the text area and status. */
void edview_geometry(Editor *e);
/* Draws the rows that changed; true if the text's cursor now stands somewhere else on the
 * screen than when it was last drawn. */
bool edview_draw_text(Editor *e);
void edview_draw_status(Editor *e);
/* Frees what edview keeps between draws. */
void edview_release(Editor *e);
/* A click at screen (y, x) in the text area: moves the cursor there. */
bool edview_click(Editor *e, int y, int x);
/* The field label shown above each field. */
const char *edview_field_label(const Editor *e, FieldId f);

/* pane.c */
void pane_collect(Editor *e);
/* Find (C-f), find and replace (C-r), find next (F3) and go to line (C-_): replace.c. */
void editor_find(Editor *e, bool replace);
void editor_find_next(Editor *e);
void editor_go_to_line(Editor *e);

/* Hands the checker the findings ignored earlier in this article (kept by the desk). */
void pane_load_ignored(Editor *e);
void pane_draw(Editor *e);
/* Frees what the pane keeps between draws. */
void pane_release(Editor *e);
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

/* safety.c */
/* Takes the lock (or finds who holds it) and restores a newer journal; after the load. A new
 * article (id 0) gets the person's unsaved new article back, if there is one. */
void safety_open(Editor *e);
/* After every batch of keys and on every tick: journal, heartbeat, save retries (not in a
 * modal screen: modal is true inside prompts). */
void safety_tick(Editor *e, bool modal);
/* Says on the status line who holds the lock since when. */
void safety_say_holder(Editor *e);
/* On leaving: the journal on a signal (or clears it), then the lock is released. */
void safety_close(Editor *e, bool discard);
/* After a successful save: the journal goes (the new article's one too when created), the
 * fingerprint is the saved one. */
void safety_saved(Editor *e, bool created);
/* After a save failed on the database (not the rules, not a conflict). */
void safety_save_failed(Editor *e, const char *why);
/* Takes the free lock when a read-only viewer who may edit starts typing; true if taken. */
bool safety_claim(Editor *e);

/* Lets go of the lock at once (after submitting or returning): others may edit now. */
void safety_release(Editor *e);

/* Takes the lock over from its holder (editors). */
void safety_take_over(Editor *e);
/* True if the take-over key applies: someone holds the lock and we may take it. */
bool safety_may_take_over(Editor *e);
/* Asks for a path and writes the text there in the article format. */
void safety_write_file(Editor *e);
/* The article as the doc holds it now (fields from the doc, the rest from e->art); out is
 * overwritten, not released: release it after. */
void editor_article(Editor *e, Article *out);
/* The article's text of field f (the same field the document holds as f). */
const char *editor_field_value(const Article *a, FieldId f);
/* Loads an article's text into the doc as the saved text. */
void editor_load(Editor *e, const Article *a);
/* Saves through the desk; shows the outcome (a conflict opens the comparison). */
bool editor_save(Editor *e);
/* Reloads the history list. */
void editor_load_history(Editor *e);

/* compare.c: what the user chose in the comparison. */
typedef enum CompareChoice { CMP_CLOSE, CMP_THEIRS, CMP_MINE, CMP_EDIT } CompareChoice;
/*
 * Shows two texts, left (old) and right (new), side by side (stacked when narrow) with
 * deletions and insertions marked. merge offers take theirs, keep mine and edit.
 */
CompareChoice compare_run(App *a, const char *title, const char *left_label, const Article *left,
			  const char *right_label, const Article *right, bool merge);

/* history.c: the history list; returns when closed. */
void history_run(Editor *e);

/* "Trần Thị Mai lưu bản 3", "… Chờ duyệt → Nháp": one event of the history, in buf. */
void history_describe(const App *a, const Event *ev, char *buf, size_t len);

/* Re-checks what changed in every field. */
void editor_check_changes(Editor *e);
/* Re-checks a part of what changed (a few KB); true if more is left. */
bool editor_check_some(Editor *e);

#endif
