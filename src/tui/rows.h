/*
 * rows.h: the rows of an open article list, read on demand. Internal to src/tui.
 *
 * A list of a hundred thousand articles is never held whole. The screen keeps a window of
 * consecutive rows around those in view (the page shown and about a page on either side),
 * reads more from the window's edge as the person scrolls (a keyset read: the rows after
 * the last one held, in the list's order, along an index), and knows the rest of the list
 * only as one bit per article id: whether it is in the list. The bits give the count
 * ("N bài") and tell a refresh whether an article changed elsewhere was or is in the list,
 * so that a change away from the rows in view costs the reading of that one article.
 *
 * Positions (top, selected) are kept as rows of the window; the selected article is kept by
 * id across every reading, wherever it moved in the list.
 */
#ifndef TUI_ROWS_H
#define TUI_ROWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "news/desk.h"

typedef struct Rows Rows;

Rows *rows_new(Desk *d);
void rows_free(Rows *r);

/* Says what the list is: a view, in its order or by title, holding a filter (as typed, NULL
 * for none). Nothing is read until rows_load. */
void rows_define(Rows *r, View v, bool by_title, const char *filter);

/*
 * Reads the list again for a screen of height rows: which articles are in it and the rows
 * in view. fresh: from the first row, the first selected; else where the person was (the
 * top row stays at its place in the order, the selected article stays selected wherever it
 * went, or the row at its place when it left the list). False with the desk's message.
 */
bool rows_load(Rows *r, bool fresh, int height);

/*
 * Follows what others changed since the last look: only the articles changed since are read,
 * and the rows in view only when one of them was or is among them. *changed tells whether any
 * article changed at all. False with the desk's message.
 */
bool rows_refresh(Rows *r, int height, bool *changed);

/* Sorts by title (or by time) instead: the same articles, the selected one kept on its
 * screen row. False with the desk's message. */
bool rows_sort(Rows *r, bool by_title, int height);

/* Moves the selection delta rows (clamped to the list), reading rows as needed, and keeps it
 * in view; rows_first and rows_last go to either end. False with the desk's message. */
bool rows_move(Rows *r, long delta, int height);
bool rows_first(Rows *r, int height);
bool rows_last(Rows *r, int height);

/* Selects the k-th row in view; false when there is none. */
bool rows_pick(Rows *r, int k);

/* Keeps the selection in view and the rows in view read, for a screen of height rows (after
 * a resize). False with the desk's message. */
bool rows_fit(Rows *r, int height);

/* The k-th row in view (0 the top one), NULL past the end of the list. */
const Article *rows_shown(const Rows *r, int k);
const Article *rows_selected(const Rows *r);   /* NULL when the list is empty */
int64_t rows_count(const Rows *r);             /* articles in the whole list */

/* The return note of a row in view when it is a draft sent back, else NULL. */
const Returned *rows_returned(const Rows *r, int64_t id);

#endif
