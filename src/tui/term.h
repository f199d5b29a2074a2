/*
 * term.h: the terminal, the one module that talks to curses.
 *
 * It sets the terminal up (ncursesw, UTF-8, raw mode so Ctrl-S/Ctrl-Q/Ctrl-Z reach us,
 * bracketed paste, mouse), turns input into Keys (wide characters, escape sequences with
 * Shift/Ctrl/Alt, pastes, clicks, resizes), draws styled text by theme slot, and puts the
 * terminal back on every way out: a normal exit, SIGTERM/SIGHUP/SIGINT, and an abort
 * through the xalloc panic hook. Only one terminal exists, so its state is file-static here.
 */
#ifndef TUI_TERM_H
#define TUI_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tui/keys.h"
#include "tui/theme.h"
#include "viet/legacy.h"

/* What became of input bytes that are not UTF-8: none of them is ever lost without a word. */
typedef enum TermBytes {
	TERM_BYTES_OK,        /* the input was UTF-8 */
	TERM_BYTES_CONVERTED, /* K_PASTE: the paste read as a legacy encoding and was converted */
	TERM_BYTES_REFUSED,   /* K_NONE: a paste that was neither, refused whole */
	TERM_BYTES_DROPPED,   /* K_NONE: a typed byte that starts no UTF-8 character, dropped */
} TermBytes;

typedef struct TermEvent {
	Key key;            /* K_TICK when nothing happened within the timeout */
	const char *text;   /* K_PASTE: the pasted bytes (owned by term, valid until next read) */
	size_t len;
	int y, x;           /* K_MOUSE: the cell */
	int button;         /* K_MOUSE: 1 left click, 4 wheel up, 5 wheel down */
	TermBytes bytes;    /* whether bytes that are not UTF-8 came, and what became of them */
	Encoding from;      /* TERM_BYTES_CONVERTED: the paste's encoding */
	unsigned char bad;  /* TERM_BYTES_REFUSED, TERM_BYTES_DROPPED: the first byte that is not
			     * UTF-8 */
	size_t bad_at;      /* TERM_BYTES_REFUSED: its offset in the paste */
} TermEvent;

/*
 * Takes over the terminal. Colours: none when NO_COLOR is set (non-empty) or the terminal
 * has none; otherwise the theme at 8, 256 or direct colour, whichever the terminal offers.
 * Returns false with a message when standard input or output is not a terminal.
 */
bool term_start(const Theme *theme, char *err, size_t errlen);

/* Gives the terminal back (safe to call twice, and from the panic hook). */
void term_stop(void);

/* Applies another theme (after term_start). */
void term_set_theme(const Theme *theme);

/* True if colours are in use (not NO_COLOR, not monochrome). */
bool term_has_color(void);

/*
 * Waits up to timeout_ms for input; fills ev (K_TICK on timeout or signal). A paste comes as
 * valid UTF-8 (in NFC when it was converted) or not at all: one in a legacy Vietnamese
 * encoding, recognised with confidence, is converted; any other that is not UTF-8 is refused
 * whole. A typed byte that is not UTF-8 is dropped alone. ev->bytes says which happened, so
 * that the screen can say so.
 */
void term_read(TermEvent *ev, int timeout_ms);

/* The signal that asked us to stop (SIGTERM, SIGHUP, SIGINT), or 0. */
int term_stop_signal(void);

/* The screen size in cells. */
int term_rows(void);
int term_cols(void);

/* Draws len bytes of UTF-8 at (y, x) in slot's style, clipped to maxcols columns (whole
 * grapheme clusters only); returns the columns used. Control characters show as '?'. */
int term_put(int y, int x, const char *s, size_t len, int maxcols, Slot slot);
int term_puts(int y, int x, const char *s, int maxcols, Slot slot);

/* Fills cols cells from (y, x) with spaces in slot's style. */
void term_fill(int y, int x, int cols, Slot slot);
/* Copies the cells of row from_y, columns x .. x + cols - 1, to row to_y: a scroll moves the
 * rows that stay on screen instead of drawing them again. */
void term_move_cells(int from_y, int to_y, int x, int cols);

/* Clears the whole screen (for a screen change, never per key). */
void term_clear(void);

/* Clears and makes the next refresh send the whole screen again (C-l: after line noise or
 * another program wrote over it). */
void term_repaint(void);

/* Where the cursor rests after the next refresh; visible false hides it. */
void term_cursor(int y, int x, bool visible);

/* Sends what was drawn to the terminal (only the cells that changed). */
void term_refresh(void);

/* Copies text to the user's own clipboard with OSC 52 (works over SSH). */
void term_clipboard(const char *text, size_t len);

/* Rings the bell (a refused key). */
void term_beep(void);

#endif
