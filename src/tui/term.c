/*
 * term.c: curses behind a small API.
 *
 * State is file-static because there is one terminal: whether curses is running, the colour
 * mode, the slot attributes (a colour pair per slot, pair N+1 for slot N), the paste buffer
 * and the signal that asked us to stop. A stop signal (and a resize) also writes a byte to a
 * self-pipe, so a wait for input ends at once rather than at its timeout. Input is read from
 * the terminal, all that is there in one read, and decoded here: UTF-8 is assembled so that
 * an invalid typed byte is dropped alone (and reported, never silently) without swallowing
 * the keys that follow; a paste that is not UTF-8 is converted from the legacy Vietnamese
 * encoding it reads as, or refused whole, never thinned out; and escape
 * sequences (keys with Shift/Ctrl/Alt, bracketed paste, mouse reports) are read to their
 * final byte by decode_escape. Curses reads only after a signal or a pause, for the resize it
 * reports, and then until it holds nothing: keys it knows come as KEY_ codes (extended ones
 * by their terminfo names, "kRIT5" = Ctrl+Right), the others as ESC and their bytes.
 */
#include "tui/term.h"

#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>
#include <wchar.h>

#include "base/str.h"
#include "base/utf8.h"
#include "base/visible.h"
#include "base/xalloc.h"
#include "tui/strip.h"
#include "base/banned.h"

static bool running;
static bool colors;               /* colour pairs in use */
static bool direct;               /* the terminal takes 24-bit colours */
static attr_t slot_attr[SLOT_COUNT];
static short slot_pair[SLOT_COUNT];
static Str paste;                 /* the last bracketed paste */
static Str early;                 /* input read past a paste's end, handed out before curses' */
static size_t early_at;
static volatile sig_atomic_t stop_signal;
static int wake_pipe[2] = {-1, -1}; /* written by the stop signal's handler */
static PanicHook previous_hook;

static void panic_restore(void)
{
	term_stop();
	if (previous_hook)
		previous_hook();
}

static void on_stop_signal(int sig)
{
	int saved = errno;
	stop_signal = sig;
	if (wake_pipe[1] >= 0 && write(wake_pipe[1], "!", 1) < 0)
		errno = saved; /* a full pipe already wakes the reader */
	errno = saved;
}

/* A resize: curses' own handler runs, and the wait for input ends so that curses is asked. */
static void (*curses_winch)(int);
static volatile sig_atomic_t winched;

static void on_winch(int sig)
{
	int saved = errno;
	winched = 1;
	if (curses_winch)
		curses_winch(sig);
	if (wake_pipe[1] >= 0 && write(wake_pipe[1], "!", 1) < 0)
		errno = saved;
	errno = saved;
}

static void catch_winch(void)
{
	struct sigaction old, sa;
	if (sigaction(SIGWINCH, NULL, &old) != 0 || (old.sa_flags & SA_SIGINFO) ||
	    old.sa_handler == SIG_DFL || old.sa_handler == SIG_IGN || old.sa_handler == on_winch)
		return;
	curses_winch = old.sa_handler;
	sa = old;
	sa.sa_handler = on_winch;
	sigaction(SIGWINCH, &sa, NULL);
}

static void catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	if (wake_pipe[0] < 0 && pipe2(wake_pipe, O_NONBLOCK | O_CLOEXEC) != 0)
		wake_pipe[0] = wake_pipe[1] = -1;
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

/* Writes an escape sequence straight to the terminal, after what curses has buffered. */
static void emit(const char *seq, size_t len)
{
	fflush(stdout);
	while (len > 0) {
		ssize_t n = write(STDOUT_FILENO, seq, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		seq += n;
		len -= (size_t)n;
	}
}

static attr_t to_curses_attrs(unsigned a)
{
	attr_t r = A_NORMAL;
	if (a & ATTR_BOLD)
		r |= A_BOLD;
	if (a & ATTR_UNDERLINE)
		r |= A_UNDERLINE;
	if (a & ATTR_REVERSE)
		r |= A_REVERSE;
	if (a & ATTR_DIM)
		r |= A_DIM;
	if (a & ATTR_ITALIC)
		r |= A_ITALIC;
	return r;
}

static int pick_color(ThemeColor c)
{
	if (direct)
		return (int)theme_color_rgb(c);
	return COLORS >= 256 ? theme_color_256(c) : theme_color_8(c);
}

void term_set_theme(const Theme *theme)
{
	Theme mono;
	strip_forget();
	if (!colors) {
		theme_mono(&mono);
		theme = &mono;
	}
	for (int i = 0; i < SLOT_COUNT; i++) {
		const ThemeStyle *st = &theme->slot[i];
		slot_attr[i] = to_curses_attrs(st->attrs);
		slot_pair[i] = 0;
		if (colors && (st->fg.kind != COLOR_DEFAULT || st->bg.kind != COLOR_DEFAULT)) {
			slot_pair[i] = (short)(i + 1);
			init_extended_pair(i + 1, pick_color(st->fg), pick_color(st->bg));
		}
	}
}

static bool no_color_env(void)
{
	const char *v = getenv("NO_COLOR");
	return v && *v;
}

bool term_start(const Theme *theme, char *err, size_t errlen)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(err, errlen, "the full-screen interface needs a terminal");
		return false;
	}
	/* A session without a UTF-8 locale (LANG unset over SSH) would garble Vietnamese. */
	const char *cs = nl_langinfo(CODESET);
	if (!cs || strcmp(cs, "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	if (!newterm(NULL, stdout, stdin)) {
		snprintf(err, errlen, "cannot use the terminal '%s'", getenv("TERM") ? getenv("TERM") : "");
		return false;
	}
	running = true;
	previous_hook = xalloc_set_panic_hook(panic_restore);
	catch_signals();
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	meta(stdscr, TRUE);
	set_escdelay(25);
	typeahead(-1); /* a frame is always sent whole: keys waiting are read before drawing */
	colors = has_colors() && !no_color_env();
	if (colors) {
		start_color();
		use_default_colors();
		direct = tigetflag("RGB") > 0 || COLORS >= 0x1000000;
	}
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	/* Until curses has once come back from endwin it sends each cursor move on its own, so a
	 * frame went out in three writes; given back and taken again before anything is drawn,
	 * it sends a frame in one. */
	endwin();
	refresh();
	emit("\033[?2004h", 8);
	catch_winch();
	term_set_theme(theme);
	return true;
}

void term_stop(void)
{
	if (!running)
		return;
	running = false;
	mousemask(0, NULL);
	emit("\033[?2004l", 8);
	endwin();
	fflush(stdout);
	strip_forget();
	str_release(&paste);
	str_release(&early);
	early_at = 0;

}

bool term_has_color(void)
{
	return colors;
}

int term_stop_signal(void)
{
	return stop_signal;
}

int term_rows(void)
{
	return LINES;
}

int term_cols(void)
{
	return COLS;
}

/* A byte read past the end of an invalid UTF-8 sequence, to be read again; -1: none. */
static int pending_byte = -1;

/*
 * Input comes straight from the terminal, all that is there in one read, and is decoded here
 * from the buffer. Curses is asked only after a signal or a pause (the resize it reports),
 * and then until it holds nothing more, so that bytes never come out of order.
 */
static unsigned char inbuf[4096];
static size_t in_at, in_len;
static bool curses_turn;

/* Reads what the terminal has (after poll said it has something). */
static bool fill_input(void)
{
	ssize_t n = read(STDIN_FILENO, inbuf, sizeof inbuf);
	in_at = 0;
	in_len = n > 0 ? (size_t)n : 0;
	return in_len > 0;
}

/* One byte or curses key code, waiting up to wait_ms (below 0: only what has been read
 * already, no call to the system); -1 when none came. */
static int next_byte(int wait_ms)
{
	if (pending_byte >= 0) {
		int b = pending_byte;
		pending_byte = -1;
		return b;
	}
	if (early_at < early.len) {
		int b = (unsigned char)early.s[early_at++];
		if (early_at == early.len) {
			str_clear(&early);
			early_at = 0;
		}
		return b;
	}
	if (in_at < in_len)
		return inbuf[in_at++];
	if (curses_turn) {
		timeout(wait_ms < 0 ? 0 : wait_ms);
		int r = wgetch(stdscr);
		if (r != ERR)
			return r;
		curses_turn = false;
		return -1;
	}
	if (wait_ms < 0)
		return -1;
	struct pollfd p = {STDIN_FILENO, POLLIN, 0};
	if (poll(&p, 1, wait_ms) <= 0 || !fill_input())
		return -1;
	return inbuf[in_at++];
}

/*
 * The code point whose first byte is lead, reading its continuation bytes; -1 for an invalid
 * sequence (an overlong form, a surrogate, a stray continuation byte, a cut-off sequence),
 * whose bytes are dropped. A byte that cannot continue the sequence is kept for the next read.
 */
static int assemble_utf8(int lead)
{
	char buf[4] = {(char)lead};
	size_t need = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
		      : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
	if (need == 0)
		return -1;
	for (size_t i = 1; i < need; i++) {
		int b = next_byte(50); /* the rest of a character comes together, even over SSH */
		if (b < 0x80 || b > 0xBF) {
			pending_byte = b >= 0 ? b : -1;
			return -1;
		}
		buf[i] = (char)b;
	}
	int32_t cp;
	return utf8_decode(buf, need, &cp) == need ? (int)cp : -1;
}

/* What read_char returns for bytes that begin no character (a curses key is below -256). */
#define NOT_UTF8 (-3)

/*
 * Reads one more input character, waiting up to wait_ms; -1 when none is there, -2 - code for
 * a curses key, NOT_UTF8 (with the first byte in *bad) for an invalid UTF-8 sequence.
 */
static int read_char(int wait_ms, unsigned char *bad)
{
	int b = next_byte(wait_ms);
	if (b < 0)
		return -1;
	if (b >= KEY_MIN)
		return -2 - b; /* a curses key inside a sequence: not ours */
	if (b < 0x80)
		return b;
	int cp = assemble_utf8(b);
	if (cp >= 0)
		return cp;
	*bad = (unsigned char)b;
	return NOT_UTF8;
}

/* The same inside an escape sequence, where bytes are never text: invalid UTF-8 is skipped. */
static int next_char(int wait_ms)
{
	unsigned char bad;
	int c;
	while ((c = read_char(wait_ms, &bad)) == NOT_UTF8)
		;
	return c;
}

/* xterm modifier parameter (2 = Shift, 3 = Alt, 5 = Ctrl ...) to our bits. */
static Key mods_of(int m)
{
	Key k = 0;
	if (m < 2)
		return 0;
	m -= 1;
	if (m & 1)
		k |= K_SHIFT;
	if (m & 2)
		k |= K_ALT;
	if (m & 4)
		k |= K_CTRLMOD;
	return k;
}

static Key tilde_key(int n)
{
	switch (n) {
	case 1: case 7: return K_HOME;
	case 2: return K_INS;
	case 3: return K_DEL;
	case 4: case 8: return K_END;
	case 5: return K_PGUP;
	case 6: return K_PGDN;
	case 11: return K_F1;
	case 12: return K_F2;
	case 13: return K_F3;
	case 14: return K_F4;
	case 15: return K_F5;
	case 17: return K_F6;
	case 18: return K_F7;
	case 19: return K_F8;
	case 20: return K_F9;
	case 21: return K_F10;
	case 23: return K_F11;
	case 24: return K_F12;
	default: return K_NONE;
	}
}

static Key letter_key(int c)
{
	switch (c) {
	case 'A': return K_UP;
	case 'B': return K_DOWN;
	case 'C': return K_RIGHT;
	case 'D': return K_LEFT;
	case 'H': return K_HOME;
	case 'F': return K_END;
	case 'P': return K_F1;
	case 'Q': return K_F2;
	case 'R': return K_F3;
	case 'S': return K_F4;
	case 'Z': return K_TAB | K_SHIFT;
	default: return K_NONE;
	}
}

static const char paste_end[] = "\033[201~";

/* Line breaks as "\n" ("\r\n" and "\r" too), in place. */
static void paste_lines(Str *p)
{
	size_t w = 0;
	for (size_t r = 0; r < p->len; r++) {
		if (p->s[r] == '\r' && r + 1 < p->len && p->s[r + 1] == '\n')
			continue; /* the "\n" after it is the break */
		p->s[w++] = p->s[r] == '\r' ? '\n' : p->s[r];
	}
	str_truncate(p, w);
}

/*
 * Makes the collected paste the event: as it is when it is UTF-8. Bytes that are not UTF-8
 * mean text from an old program, and a paste with letters quietly missing is worse than
 * none: one that reads with confidence as a legacy Vietnamese encoding is converted (to NFC);
 * any other is refused whole, its first bad byte kept for the screen to name.
 */
static void paste_decode(TermEvent *ev)
{
	size_t bad = 0;
	ev->key = K_PASTE;
	if (!utf8_valid(str_cstr(&paste), paste.len, &bad)) {
		LegacyGuess g;
		Str out = STR_INIT;
		legacy_guess(paste.s, paste.len, &g);
		if (!g.confident || g.enc == ENC_UTF8 ||
		    !legacy_decode(g.enc, paste.s, paste.len, &out, NULL)) {
			str_release(&out);
			ev->key = K_NONE;
			ev->bytes = TERM_BYTES_REFUSED;
			ev->bad = (unsigned char)paste.s[bad];
			ev->bad_at = bad;
			str_clear(&paste);
			return;
		}
		str_release(&paste);
		paste = out;
		ev->bytes = TERM_BYTES_CONVERTED;
		ev->from = g.enc;
	}
	paste_lines(&paste);
	ev->text = str_cstr(&paste);
	ev->len = paste.len;
}

/* Looks for the end marker in the bytes from `from` on (which may start inside it); keeps what
 * follows it for the next reads. True when found. */
static bool paste_ended(size_t from)
{
	size_t at = from > 5 ? from - 5 : 0;
	const char *hit = memmem(paste.s + at, paste.len - at, paste_end, 6);
	if (!hit)
		return false;
	at = (size_t)(hit - paste.s);
	str_add(&early, paste.s + at + 6, paste.len - at - 6);
	str_truncate(&paste, at);
	return true;
}

/*
 * Collects a bracketed paste up to ESC [ 2 0 1 ~ (the end marker is not kept). The few bytes
 * curses may hold already come first, one by one with its key decoding off (so it reads no
 * further ahead); then the rest in large blocks straight from the terminal: a megabyte
 * arrives in milliseconds rather than one call per byte.
 */
static void read_paste(TermEvent *ev)
{
	char buf[65536];
	bool done = false;
	str_clear(&paste);
	keypad(stdscr, FALSE);
	for (int i = 0; !done && (i < 256 || early_at < early.len || in_at < in_len); i++) {
		int b = next_byte(0);
		if (b < 0)
			break;
		if (b >= KEY_MIN)
			continue;
		str_addc(&paste, (char)b);
		done = paste_ended(paste.len - 1);
	}
	while (!done) {
		struct pollfd p = {STDIN_FILENO, POLLIN, 0};
		if (poll(&p, 1, 2000) <= 0)
			break; /* the terminal never closed the paste: keep what came */
		ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n <= 0)
			break;
		size_t from = paste.len;
		str_add(&paste, buf, (size_t)n);
		done = paste_ended(from);
	}
	keypad(stdscr, TRUE);
	paste_decode(ev);
}

/*
 * The rest of a string sequence (OSC, DCS, APC, PM) up to BEL or ESC \, or until the input
 * pauses: a terminal's reply or a stray paste, never text or commands.
 */
static void skip_string(void)
{
	int prev = 0;
	for (int i = 0; i < 65536; i++) {
		int c = next_char(0);
		if (c == -1 || c == 7 || (prev == 27 && c == '\\'))
			return;
		prev = c;
	}
}

/*
 * A mouse report read from the terminal: "ESC [ < b ; x ; y M" (pressed; "m" released) or
 * "ESC [ M" and three bytes of button, column and row, each plus 32. A left press and the
 * wheel are events, as asked of curses in term_start; the rest (releases, motion) is dropped.
 */
static void mouse_report(TermEvent *ev, bool sgr, const int params[4], bool pressed)
{
	int b, x, y;
	ev->key = K_NONE;
	if (sgr) {
		b = params[0];
		x = params[1] - 1;
		y = params[2] - 1;
	} else {
		int cb = next_byte(0), cx = next_byte(0), cy = next_byte(0);
		if (cb < 32 || cx < 33 || cy < 33 || cb >= KEY_MIN || cx >= KEY_MIN || cy >= KEY_MIN)
			return;
		b = cb - 32;
		x = cx - 33;
		y = cy - 33;
		pressed = (b & 3) != 3;
	}
	if (!pressed || (b & 32) || x < 0 || y < 0)
		return;
	b &= ~(4 | 8 | 16); /* Shift, Alt, Ctrl held */
	if (b != 0 && b != 64 && b != 65)
		return;
	ev->key = K_MOUSE;
	ev->x = x;
	ev->y = y;
	ev->button = b == 64 ? 4 : b == 65 ? 5 : 1;
}

/*
 * After ESC: a CSI or SS3 sequence, a string sequence, Alt+key, or a lone Escape. A sequence
 * we do not know is read to its final byte (however many parameters it has) and dropped, so
 * none of its bytes become text.
 */
static void decode_escape(TermEvent *ev)
{
	int c = next_char(25); /* the rest of a sequence comes at once; a lone Escape waits this */
	if (c == -1) {
		ev->key = K_ESC;
		return;
	}
	if (c == ']' || c == 'P' || c == '_' || c == '^') {
		int d = next_char(0);
		if (d == -1) {
			ev->key = (Key)c | K_ALT; /* Alt with that key, typed alone */
			return;
		}
		if (d != 7)
			skip_string();
		ev->key = K_NONE;
		return;
	}
	if (c != '[' && c != 'O') {
		/* With keypad on, curses reads the DEL of ESC DEL (Alt+Backspace) as its own key. */
		bool bs = c == 127 || c == 8 || c == -2 - KEY_BACKSPACE;
		ev->key = bs ? (K_BS | K_ALT) : c < -1 ? K_ESC : (Key)c | K_ALT;
		return;
	}
	int params[4] = {0}, np = 0, fin = 0, marker = 0;
	bool odd = false; /* a private marker or an intermediate byte: no key of ours */
	bool digits = false;
	for (int i = 0; i < 4096; i++) {
		int d = next_char(0);
		if (d < 0)
			break;
		if (i == 0 && c == '[' && d == '<') {
			marker = d; /* a mouse report in the extended form */
		} else if (d >= '0' && d <= '9') {
			digits = true;
			params[np < 4 ? np : 3] = params[np < 4 ? np : 3] * 10 % 100000 + (d - '0');
		} else if (d == ';') {
			np++;
		} else if (d >= 0x40 && d <= 0x7e) {
			fin = d;
			break;
		} else if (d >= 0x20 && d <= 0x3f) {
			odd = true;
		} else {
			break; /* not part of a sequence: the sequence was cut short */
		}
	}
	if (fin == '~' && params[0] == 200 && np == 0) {
		read_paste(ev);
		return;
	}
	if (c == '[' && ((marker == '<' && !odd && np == 2 && (fin == 'M' || fin == 'm')) ||
			 (fin == 'M' && np == 0 && !marker && !odd && !digits))) {
		mouse_report(ev, marker == '<', params, fin == 'M');
		return;
	}
	Key k = fin == '~' ? tilde_key(params[0]) : letter_key(fin);
	if (k == K_NONE || fin == 0 || odd || np > 1) {
		ev->key = K_NONE; /* an unknown sequence: ignored, never typed as text */
		return;
	}
	ev->key = k | mods_of(fin == '~' ? params[1] : (np ? params[1] : params[0]));
}

/* "kRIT5" and friends: terminfo names of modified keys. */
static Key extended_key(int code)
{
	static const struct {
		const char *name;
		Key key;
	} names[] = {
		{"kUP", K_UP}, {"kDN", K_DOWN}, {"kLFT", K_LEFT}, {"kRIT", K_RIGHT},
		{"kHOM", K_HOME}, {"kEND", K_END}, {"kDC", K_DEL}, {"kIC", K_INS},
		{"kNXT", K_PGDN}, {"kPRV", K_PGUP},
	};
	const char *n = keyname(code);
	if (!n)
		return K_NONE;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		size_t l = strlen(names[i].name);
		if (strncmp(n, names[i].name, l) == 0 && n[l] >= '2' && n[l] <= '8' && !n[l + 1])
			return names[i].key | mods_of(n[l] - '0');
	}
	return K_NONE;
}

static void mouse_event(TermEvent *ev)
{
	MEVENT me;
	ev->key = K_NONE;
	if (getmouse(&me) != OK)
		return;
	ev->key = K_MOUSE;
	ev->y = me.y;
	ev->x = me.x;
	ev->button = (me.bstate & BUTTON4_PRESSED) ? 4 : (me.bstate & BUTTON5_PRESSED) ? 5 : 1;
}

static Key function_key(wint_t ch, TermEvent *ev)
{
	switch (ch) {
	case KEY_UP: return K_UP;
	case KEY_DOWN: return K_DOWN;
	case KEY_LEFT: return K_LEFT;
	case KEY_RIGHT: return K_RIGHT;
	case KEY_SR: return K_UP | K_SHIFT;
	case KEY_SF: return K_DOWN | K_SHIFT;
	case KEY_SLEFT: return K_LEFT | K_SHIFT;
	case KEY_SRIGHT: return K_RIGHT | K_SHIFT;
	case KEY_HOME: return K_HOME;
	case KEY_END: return K_END;
	case KEY_SHOME: return K_HOME | K_SHIFT;
	case KEY_SEND: return K_END | K_SHIFT;
	case KEY_PPAGE: return K_PGUP;
	case KEY_NPAGE: return K_PGDN;
	case KEY_IC: return K_INS;
	case KEY_DC: return K_DEL;
	case KEY_BACKSPACE: return K_BS;
	case KEY_ENTER: return K_ENTER;
	case KEY_BTAB: return K_TAB | K_SHIFT;
	case KEY_RESIZE: return K_RESIZE;
	case KEY_MOUSE: mouse_event(ev); return ev->key;
	default: break;
	}
	if (ch >= (wint_t)KEY_F(1) && ch <= (wint_t)KEY_F(12))
		return K_F1 + (Key)(ch - KEY_F(1));
	if (ch >= (wint_t)KEY_F(13) && ch <= (wint_t)KEY_F(24))
		return (K_F1 + (Key)(ch - KEY_F(13))) | K_SHIFT;
	return extended_key((int)ch);
}

/*
 * Waits for input or a stop signal: keys curses holds already come first; then stdin and the
 * self-pipe are polled together, so SIGHUP or SIGTERM ends the wait at once. Returns OK,
 * KEY_CODE_YES (a curses key), ERR (nothing came) or NOT_UTF8 (*ch the bad byte).
 */
static int read_key(wint_t *ch, int timeout_ms)
{
	unsigned char bad = 0;
	if (winched) {
		winched = 0;
		curses_turn = true;
	}
	int c = read_char(-1, &bad);
	if (c == -1 && timeout_ms != 0 && !stop_signal && wake_pipe[0] >= 0) {
		struct pollfd p[2] = {{STDIN_FILENO, POLLIN, 0}, {wake_pipe[0], POLLIN, 0}};
		int n = poll(p, 2, timeout_ms);
		if (n <= 0 || stop_signal) {
			curses_turn = true; /* a signal (a resize?) or a pause: curses may have news */
			return ERR;
		}
		char drain[16];
		while ((p[1].revents & POLLIN) && read(wake_pipe[0], drain, sizeof drain) > 0)
			;
		if (winched) {
			winched = 0;
			curses_turn = true;
		}
		if (curses_turn || !(p[0].revents & POLLIN) || !fill_input())
			curses_turn = true; /* curses has the resize, or what stdin holds */
		c = read_char(-1, &bad);
	}
	if (c == -1)
		return ERR;
	if (c == NOT_UTF8) {
		*ch = bad;
		return NOT_UTF8;
	}
	*ch = (wint_t)(c < -1 ? -2 - c : c);
	return c < -1 ? KEY_CODE_YES : OK;
}

void term_read(TermEvent *ev, int timeout_ms)
{
	wint_t ch;
	memset(ev, 0, sizeof *ev);
	if (paste.len > 65536)
		str_release(&paste); /* the last paste was taken: a large one is not kept */
	int r = read_key(&ch, timeout_ms);
	if (r == ERR) {
		ev->key = K_TICK;
		return;
	}
	if (r == NOT_UTF8) {
		ev->key = K_NONE;
		ev->bytes = TERM_BYTES_DROPPED;
		ev->bad = (unsigned char)ch;
		return;
	}
	if (r == KEY_CODE_YES) {
		ev->key = function_key(ch, ev);
		return;
	}
	switch (ch) {
	case 27: decode_escape(ev); return;
	case '\r': case '\n': ev->key = K_ENTER; return;
	case '\t': ev->key = K_TAB; return;
	case 127: case 8: ev->key = K_BS; return;
	default: ev->key = (Key)ch; return;
	}
}

/*
 * Draws a grapheme holding a control, bidi or zero-width character (stored text is someone
 * else's input): each such character, and each invalid byte, as a '?' taking the one column
 * utf8_cp_width gives it; the other characters as themselves.
 */
static void put_hidden(const char *s, size_t len)
{
	size_t off = 0;

	while (off < len) {
		int32_t cp;
		size_t n = utf8_decode(s + off, len - off, &cp);
		if (n == 1 && cp == '\t')
			addch(' '); /* a tab is blank space, never a mystery */
		else if (n == 0 || visible_hidden(cp))
			addch('?');
		else
			addnstr(s + off, (int)n);
		off += n ? n : 1;
	}
}

int term_put(int y, int x, const char *s, size_t len, int maxcols, Slot slot)
{
	int used = 0;
	size_t off = 0;
	if (y < 0 || y >= LINES || x >= COLS || maxcols <= 0)
		return 0;
	strip_touched(y, x, maxcols);
	attr_set(slot_attr[slot], slot_pair[slot], NULL);
	move(y, x);
	size_t plain = 0; /* the graphemes from here to off are drawn as they are, in one call */
	while (off < len) {
		unsigned char c = (unsigned char)s[off];
		if (c >= 0x20 && c < 0x7F && (off + 1 == len || (unsigned char)s[off + 1] < 0x80)) {
			/* A printable ASCII letter with no mark after it: one column, shown as is. */
			if (used + 1 > maxcols)
				break;
			used++;
			off++;
			continue;
		}
		size_t next = utf8_next_grapheme(s, len, off);
		int w = (int)utf8_width(s + off, next - off);
		if (next <= off)
			next = off + 1;
		if (used + w > maxcols)
			break;
		if (visible_needed(s + off, next - off, false)) {
			if (off > plain)
				addnstr(s + plain, (int)(off - plain));
			put_hidden(s + off, next - off);
			plain = next;
		}
		used += w;
		off = next;
	}
	if (off > plain)
		addnstr(s + plain, (int)(off - plain));
	return used;
}

int term_puts(int y, int x, const char *s, int maxcols, Slot slot)
{
	return term_put(y, x, s, strlen(s), maxcols, slot);
}

void term_fill(int y, int x, int cols, Slot slot)
{
	if (y < 0 || y >= LINES || cols <= 0)
		return;
	strip_touched(y, x, cols);
	attr_set(slot_attr[slot], slot_pair[slot], NULL);
	mvhline(y, x, ' ', cols);
}

void term_move_cells(int from_y, int to_y, int x, int cols)
{
	if (from_y < 0 || from_y >= LINES || to_y < 0 || to_y >= LINES || cols <= 0 ||
	    from_y == to_y)
		return;
	if (x + cols > COLS)
		cols = COLS - x;
	if (copywin(stdscr, stdscr, from_y, x, to_y, x, to_y, x + cols - 1, FALSE) == ERR) {
		strip_touched(to_y, x, cols); /* drawn again */
		return;
	}
	strip_move(from_y, to_y, x, cols);
}

void term_clear(void)
{
	strip_forget();
	erase();
}

void term_repaint(void)
{
	strip_forget();
	erase();
	clearok(curscr, TRUE); /* the next refresh sends every cell again */
}

static int cursor_y, cursor_x;
static bool cursor_on;

void term_cursor(int y, int x, bool visible)
{
	cursor_y = y;
	cursor_x = x;
	cursor_on = visible;
}

void term_refresh(void)
{
	curs_set(cursor_on ? 1 : 0);
	if (cursor_on)
		move(cursor_y, cursor_x);
	refresh();
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void term_clipboard(const char *text, size_t len)
{
	Str s = STR_INIT;
	str_adds(&s, "\033]52;c;");
	for (size_t i = 0; i < len; i += 3) {
		uint32_t v = (uint32_t)(unsigned char)text[i] << 16;
		if (i + 1 < len)
			v |= (uint32_t)(unsigned char)text[i + 1] << 8;
		if (i + 2 < len)
			v |= (unsigned char)text[i + 2];
		str_addc(&s, b64[v >> 18 & 63]);
		str_addc(&s, b64[v >> 12 & 63]);
		str_addc(&s, i + 1 < len ? b64[v >> 6 & 63] : '=');
		str_addc(&s, i + 2 < len ? b64[v & 63] : '=');
	}
	str_adds(&s, "\007");
	refresh();
	emit(s.s, s.len);
	str_release(&s);
}

void term_beep(void)
{
	beep();
}
