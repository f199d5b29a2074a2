/*
 * app.h: what the screens of the interface share: the desk, the language, the theme, the
 * message line, the key bar, prompts and the help screen. Internal to src/tui.
 *
 * Screen layout, top to bottom: a title bar (row 0), the screen's own rows, the status line
 * (row LINES-2: saved state, input method, the last message) and the key bar (row LINES-1).
 */
#ifndef TUI_APP_H
#define TUI_APP_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

#include "base/str.h"
#include "news/desk.h"
#include "tui/keys.h"
#include "tui/lang.h"
#include "tui/term.h"
#include "tui/theme.h"
#include "viet/telex.h"

/* Below this size a screen shows only a message asking for a larger window. */
#define APP_MIN_COLS 40
#define APP_MIN_ROWS 12

/* How long a status message stays when no key clears it (errors stay longer). */
#define APP_MESSAGE_MS 5000
#define APP_ERROR_MS 12000

/* How long term_read waits before a K_TICK (timers, refresh of the lists). */
#define APP_TICK_MS 250

/*
 * How long a desk call waits for another process's write before failing as busy, in the
 * interactive session: short, because saves and the journal are retried on the tick.
 */
#define TUI_PATIENCE_MS 250

/* Which commands a screen offers right now (for the key bar); NULL offers all. */
typedef bool (*OfferFn)(void *arg, Command c);

/* Redraws the current screen completely (after a resize or when a prompt closes). */
typedef void (*RedrawFn)(void *arg);

/* Called on every K_TICK, for timers that later work will add (journal, lock heartbeat). */
typedef void (*TickFn)(void *arg);

typedef struct App {
	Desk *desk;
	Lang lang;
	const User *me;
	Theme theme;
	char msg[512];          /* the message on the status line, "" for none */
	bool msg_error;
	int64_t msg_ms;         /* when the message was set (monotonic ms): it fades after a while */
	bool quit;              /* a signal or Ctrl-Q asked to leave */
	RedrawFn redraw;        /* the current screen */
	void *redraw_arg;
	ImeMode input;          /* the person's input method (C-t), in the text and prompts */
	TickFn tick;            /* an optional timer hook */
	void *tick_arg;
} App;

/* The string id in the app's language. */
const char *app_str(const App *a, StringId id);

/* Sets the status-line message (formatted; the format comes from the string table). */
void app_message(App *a, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void app_clear_message(App *a);

/*
 * The same with a format from the string table (its directives are checked against the
 * other language by the unit tests): app_say sets the message, app_format fills buf.
 */
void app_say(App *a, bool error, StringId id, ...);
void app_format(const App *a, char *buf, size_t len, StringId id, ...);

/*
 * Reads one event; handles resize (redraw), signals (quit) and ticks (the tick hook), and
 * says what it was when input that was not UTF-8 came to nothing (a K_NONE).
 */
void app_read(App *a, TermEvent *ev);
/* The same, waiting at most timeout_ms for a key (the tick still runs when none came). */
void app_read_for(App *a, TermEvent *ev, int timeout_ms);

/* True (after drawing the message) if the window is too small for anything else. */
bool app_too_small(App *a);

/*
 * True (after a beep) if the window is too small and ev is a key other than quit on screen:
 * the screen cannot show what the key would change, so it must change nothing. Quit goes
 * through, and its question is drawn so that it can be read and answered.
 */
bool app_refuse_small(App *a, const TermEvent *ev, int screen);

/*
 * Says on the status line what became of bytes that were not UTF-8 in ev (a paste converted
 * from a legacy encoding, a paste refused, a typed byte dropped); returns false, saying
 * nothing, when ev held none.
 */
bool app_say_bytes(App *a, const TermEvent *ev);

/*
 * The first screen line of s[0..len) in width columns: returns its length in bytes, broken
 * after a space when one fits (inside a word only when the word alone is wider), or at a
 * newline; *next gets where the next line starts (the spaces or the newline skipped).
 */
size_t app_wrap(const char *s, size_t len, int width, size_t *next);

/* Draws the title bar: left text, right text. */
void app_title(App *a, const char *left, const char *right);

/* Draws the key bar for screen, offering only what offer allows. */
void app_keybar(App *a, int screen, OfferFn offer, void *arg);

/* Draws the message (if any) on the status line from column x; returns columns used. */
int app_draw_message(App *a, int x);

/*
 * Asks for one line of text on the status line, starting from initial (may be NULL). Returns
 * true with the NFC text in out on Enter, false on Escape. If fold is not NULL, Ctrl-T
 * toggles it (find ignoring diacritics) and the prompt shows its state.
 */
bool app_prompt(App *a, const char *label, const char *initial, Str *out, bool *fold);

/* Asks a yes/no question; returns 1 yes, 0 no, -1 cancelled (Escape). */
int app_ask(App *a, const char *question);

/*
 * Asks a question answered with one key: keys (a string table entry) lists the answers'
 * keys in groups separated by '|' ("cCyY|kKnN|tTaA"); returns the group's index, or -1 when
 * cancelled (Escape). app_ask is the yes|no case.
 */
int app_choose(App *a, const char *question, StringId keys);

/* Shows every key until Escape, F1 or q. */
void app_help(App *a);

/* The label of the first key bound to command c on screen ("n", "M-t"); "?" when none. */
void app_key_for(Command c, int screen, char *buf, size_t len);

/* The label of a workflow action in the app's language. */
const char *app_action_label(const App *a, Action act);

/* The workflow action a command stands for, or ACT_VIEW when it is not one. */
Action app_command_action(Command c);

/* True if the command is a workflow action the desk allows on art (false for others). */
bool app_may(const App *a, const Article *art, Command c);

/*
 * Takes the workflow action of command c on art: asks for a note or a time where the action
 * needs one, then calls the desk. Sets the status message either way; returns true if done.
 */
bool app_act(App *a, const Article *art, Command c);

/* The screens. queue_run returns when the user quits; editor_run when the editor closes. */
int queue_run(App *a);
int editor_run(App *a, int64_t id);

/* The archive search for query (search.c); returns when the person goes back. */
int search_run(App *a, const char *query);

#endif
