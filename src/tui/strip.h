/*
 * strip.h: redraw on change. A screen that draws a part of a row (a strip: row y, columns
 * x .. x + w - 1) wholly from data it can sum up in a 64-bit key asks strip_begin first; when
 * the strip was last drawn under the same key and nothing has drawn over it since (no other
 * term_put or term_fill on its cells, no clear, no resize, no theme change), the cells still
 * show it and the drawing is skipped. So a key press redraws the rows it changed, not the
 * screen, and curses compares and sends only those. Internal to src/tui; one terminal, so the
 * table is file-static like the terminal's own state.
 */
#ifndef TUI_STRIP_H
#define TUI_STRIP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A key starts as STRIP_SEED and takes in everything the strip's cells depend on. */
#define STRIP_SEED UINT64_C(0xcbf29ce484222325)
uint64_t strip_hash(uint64_t key, const void *data, size_t len);
uint64_t strip_hash_int(uint64_t key, int64_t v);

/*
 * True if the strip must be drawn: then draw all its cells and call strip_end. False if its
 * cells already show what key describes (do not draw them). Strips of one screen must not
 * overlap each other.
 */
bool strip_begin(int y, int x, int w, uint64_t key);
/*
 * strip_begin that also says what the cells show when the strip must be drawn: *intact is
 * true when the strip was drawn before at these columns and nothing has drawn over it since,
 * and *was is then the key it was drawn under. A caller that kept what it drew under *was may
 * then draw only the cells that differ (all the others still show the same).
 */
bool strip_begin_over(int y, int x, int w, uint64_t key, bool *intact, uint64_t *was);
/* The strip begun last is drawn: its key is remembered. */
void strip_end(void);

/*
 * How many strips have been lost so far: drawn over, moved off or forgotten (a strip drawn
 * again at its own columns is not lost). A part of the screen made of several strips that
 * finds this count and its own key as they were when it last drew may skip even working
 * out its strips: every one of them still shows what it showed.
 */
uint64_t strip_losses(void);

/* For term.c: cells of row y from x, w wide, were drawn (outside the strip being drawn). */
void strip_touched(int y, int x, int w);
/* For term.c: the cells of strip (from_y, x, w) were copied to row to_y: what they show
 * goes with them, and what row to_y showed there is gone. */
void strip_move(int from_y, int to_y, int x, int w);
/* For term.c: the screen was cleared, resized or restyled: every strip is drawn again. */
void strip_forget(void);

#endif
