/*
 * vt.c: runs a full-screen program in a pseudo-terminal and checks what it draws.
 *
 *	vt [-s COLSxROWS] [-t TERM] [-T SECONDS] -- COMMAND [ARGS...] < SCRIPT
 *
 * The program's output goes into an in-memory terminal (libvterm); keys come from the script
 * on standard input, one command a line:
 *
 *	send TEXT          types TEXT in one write; <Enter> <Tab> <BS> <Del> <Esc> <Space> <Up>
 *	                   <Down> <Left> <Right> <Home> <End> <PgUp> <PgDn> <F1>..<F12>, with
 *	                   prefixes C- S- M- (<C-s>, <S-Right>, <C-Home>, <M-a>); <lt> is '<'
 *	wait TEXT          until TEXT is on screen (fails after the timeout)
 *	gone TEXT          until TEXT is no longer on screen
 *	expect-attr TEXT ATTR...   until TEXT is on screen with these attributes on its first
 *	                   cell: bold underline reverse italic, !bold ..., fg=N, bg=N,
 *	                   fg=#rrggbb, fg=default, bg=default; fg=rgb / bg=rgb: sent as
 *	                   a 24-bit colour rather than a palette index
 *	expect-clip TEXT   until the program has copied TEXT with OSC 52
 *	paste TEXT         bracketed paste (\n in TEXT is a newline)
 *	paste-file PATH    bracketed paste of the file's bytes, any size
 *	send-file PATH     the file's bytes as typed, unchanged (escape sequences, bad UTF-8)
 *	resize COLSxROWS   resizes the terminal (the program gets SIGWINCH)
 *	click ROW COL      left click (0-based); scroll up|down ROW COL
 *	signal NAME        sends HUP, TERM, INT, KILL or WINCH to the program
 *	settle             until the program has been quiet for 150 ms
 *	timeout SECONDS    for the waits that follow (default 15)
 *	shell COMMAND      runs COMMAND with sh -c (another user acting meanwhile); fails if
 *	                   it exits non-zero
 *	dump               prints the screen rows
 *	exit [CODE]        until the program exits (with CODE when given)
 *	# comment
 *
 * Script lines may be of any length. Every failed check prints "vt: line N: ..." and the
 * screen, and vt exits 1 at once; a passing script exits 0. Waits poll the screen as output
 * arrives: no blind sleeps. Input is written while the program's output is read, so a
 * megabyte sent to a program that draws meanwhile never deadlocks on a full pseudo-terminal.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vterm.h>

#include "base/str.h"
#include "base/utf8.h"
#include "base/banned.h"

typedef struct Vt {
	VTerm *vt;
	VTermScreen *screen;
	int fd;            /* the pseudo-terminal master */
	pid_t pid;         /* the program */
	int status;        /* its wait status once exited */
	bool exited;
	int rows, cols;
	double timeout;    /* seconds for each wait */
	int line;          /* script line, for messages */
	Str clip;          /* the last text copied with OSC 52 (decoded) */
	Str osc;           /* an OSC string being collected */
	bool pumping;      /* inside pump: terminal replies are written without reading */
} Vt;

static bool pump(Vt *v, int ms);

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * Writes len bytes to the program (the master is non-blocking). While the terminal's input
 * queue is full, what the program draws is read, or it could block drawing and never read.
 */
static void feed(Vt *v, const char *s, size_t len)
{
	while (len > 0) {
		ssize_t n = write(v->fd, s, len > 4096 ? 4096 : len);
		if (n > 0) {
			s += n;
			len -= (size_t)n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno != EAGAIN)
			return;
		if (v->exited)
			return;
		if (v->pumping) {
			struct pollfd p = {v->fd, POLLOUT, 0};
			poll(&p, 1, 50);
		} else {
			pump(v, 10);
		}
	}
}

static void out_cb(const char *s, size_t len, void *user)
{
	feed(user, s, len);
}

static int b64val(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

static void b64decode(const char *s, size_t len, Str *out)
{
	uint32_t acc = 0;
	int bits = 0;
	str_clear(out);
	for (size_t i = 0; i < len; i++) {
		int v = b64val(s[i]);
		if (v < 0)
			continue;
		acc = (acc << 6) | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			str_addc(out, (char)((acc >> bits) & 0xff));
		}
	}
}

/* OSC strings may arrive in pieces; "52;c;BASE64" sets the clipboard. */
static int osc_cb(const char *cmd, size_t len, void *user)
{
	Vt *v = user;
	str_add(&v->osc, cmd, len);
	if (v->osc.len > 5 && strncmp(v->osc.s, "52;", 3) == 0) {
		const char *p = memchr(v->osc.s + 3, ';', v->osc.len - 3);
		if (p)
			b64decode(p + 1, v->osc.len - (size_t)(p + 1 - v->osc.s), &v->clip);
	}
	str_clear(&v->osc);
	return 1;
}

static const VTermParserCallbacks fallbacks = {.osc = osc_cb};

/* One screen row as UTF-8; cols[i] is the column of byte i (for attribute checks). */
static void row_text(Vt *v, int row, Str *out, int *cols)
{
	str_clear(out);
	for (int c = 0; c < v->cols; c++) {
		VTermScreenCell cell;
		VTermPos pos = {row, c};
		if (!vterm_screen_get_cell(v->screen, pos, &cell))
			break;
		size_t before = out->len;
		if (cell.chars[0] == 0) {
			if (c > 0 && cell.width == 1) {
				VTermScreenCell prev;
				VTermPos pp = {row, c - 1};
				vterm_screen_get_cell(v->screen, pp, &prev);
				if (prev.width == 2)
					continue;
			}
			str_addc(out, ' ');
		} else {
			for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i]; i++)
				utf8_add(out, (int32_t)cell.chars[i]);
		}
		for (size_t b = before; b < out->len && cols; b++)
			cols[b] = c;
		if (cell.width == 2)
			c++;
	}
}

static void dump(Vt *v, FILE *f)
{
	Str s = STR_INIT;
	fprintf(f, "---- screen %dx%d ----\n", v->cols, v->rows);
	for (int r = 0; r < v->rows; r++) {
		row_text(v, r, &s, NULL);
		while (s.len > 0 && s.s[s.len - 1] == ' ')
			s.len--;
		fprintf(f, "%2d|%.*s\n", r, (int)s.len, s.s ? s.s : "");
	}
	fprintf(f, "----\n");
	str_release(&s);
}

static _Noreturn void die(Vt *v, const char *fmt, ...)
{
	va_list ap;
	fprintf(stdout, "vt: line %d: ", v->line);
	va_start(ap, fmt);
	vfprintf(stdout, fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
	dump(v, stdout);
	fflush(stdout);
	if (!v->exited)
		kill(v->pid, SIGKILL);
	exit(1);
}

static void reap(Vt *v)
{
	if (v->exited)
		return;
	if (waitpid(v->pid, &v->status, WNOHANG) == v->pid)
		v->exited = true;
}

/* Reads what the program wrote, for at most ms milliseconds. Returns true if any came. */
static bool pump(Vt *v, int ms)
{
	struct pollfd p = {v->fd, POLLIN, 0};
	char buf[8192];
	bool got = false;
	v->pumping = true;
	while (poll(&p, 1, ms) > 0) {
		ssize_t n = read(v->fd, buf, sizeof buf);
		if (n < 0 && (errno == EAGAIN || errno == EINTR))
			break;
		if (n <= 0) {
			reap(v);
			if (!v->exited)
				usleep(10000);
			break;
		}
		vterm_input_write(v->vt, buf, (size_t)n);
		got = true;
		ms = 0;
	}
	v->pumping = false;
	vterm_screen_flush_damage(v->screen);
	reap(v);
	return got;
}

/* Finds text on screen; sets *row and *col of its first cell. */
static bool find(Vt *v, const char *text, int *row, int *col)
{
	Str s = STR_INIT;
	int *cols = calloc((size_t)v->cols * 8 + 8, sizeof *cols);
	bool found = false;
	for (int r = 0; r < v->rows && !found; r++) {
		row_text(v, r, &s, cols);
		const char *p = s.s ? strstr(s.s, text) : NULL;
		if (p) {
			*row = r;
			*col = cols[p - s.s];
			found = true;
		}
	}
	free(cols);
	str_release(&s);
	return found;
}

static bool color_is(Vt *v, const VTermColor *c, const char *want, bool fg)
{
	if (strcmp(want, "default") == 0)
		return fg ? VTERM_COLOR_IS_DEFAULT_FG(c) : VTERM_COLOR_IS_DEFAULT_BG(c);
	if (strcmp(want, "rgb") == 0)
		return VTERM_COLOR_IS_RGB(c) && !VTERM_COLOR_IS_DEFAULT_FG(c) &&
		       !VTERM_COLOR_IS_DEFAULT_BG(c);
	if ((fg && VTERM_COLOR_IS_DEFAULT_FG(c)) || (!fg && VTERM_COLOR_IS_DEFAULT_BG(c)))
		return false;
	if (want[0] == '#') {
		VTermColor rgb = *c;
		unsigned r, g, b;
		if (sscanf(want, "#%2x%2x%2x", &r, &g, &b) != 3)
			return false;
		vterm_screen_convert_color_to_rgb(v->screen, &rgb);
		return rgb.rgb.red == r && rgb.rgb.green == g && rgb.rgb.blue == b;
	}
	return VTERM_COLOR_IS_INDEXED(c) && c->indexed.idx == atoi(want);
}

/* Checks one attribute word against a cell; sets why on a mismatch. */
static bool attr_ok(Vt *v, const VTermScreenCell *cell, const char *a)
{
	bool neg = a[0] == '!';
	const char *n = neg ? a + 1 : a;
	bool has;
	if (strcmp(n, "bold") == 0)
		has = cell->attrs.bold;
	else if (strcmp(n, "underline") == 0)
		has = cell->attrs.underline != 0;
	else if (strcmp(n, "reverse") == 0)
		has = cell->attrs.reverse;
	else if (strcmp(n, "italic") == 0)
		has = cell->attrs.italic;
	else if (strncmp(n, "fg=", 3) == 0)
		has = color_is(v, &cell->fg, n + 3, true);
	else if (strncmp(n, "bg=", 3) == 0)
		has = color_is(v, &cell->bg, n + 3, false);
	else
		die(v, "unknown attribute '%s'", a);
	return neg ? !has : has;
}

static void describe(const VTermScreenCell *c, char *buf, size_t len)
{
	char fg[16], bg[16];
	if (VTERM_COLOR_IS_DEFAULT_FG(&c->fg))
		snprintf(fg, sizeof fg, "default");
	else if (VTERM_COLOR_IS_INDEXED(&c->fg))
		snprintf(fg, sizeof fg, "%d", c->fg.indexed.idx);
	else
		snprintf(fg, sizeof fg, "#%02x%02x%02x", c->fg.rgb.red, c->fg.rgb.green, c->fg.rgb.blue);
	if (VTERM_COLOR_IS_DEFAULT_BG(&c->bg))
		snprintf(bg, sizeof bg, "default");
	else if (VTERM_COLOR_IS_INDEXED(&c->bg))
		snprintf(bg, sizeof bg, "%d", c->bg.indexed.idx);
	else
		snprintf(bg, sizeof bg, "#%02x%02x%02x", c->bg.rgb.red, c->bg.rgb.green, c->bg.rgb.blue);
	snprintf(buf, len, "bold=%d underline=%d reverse=%d italic=%d fg=%s bg=%s", c->attrs.bold,
		 c->attrs.underline, c->attrs.reverse, c->attrs.italic, fg, bg);
}

/* Waits until cond(v, arg) holds, reading output meanwhile; dies with what after timeout. */
typedef bool (*Cond)(Vt *v, void *arg);

static void wait_for(Vt *v, Cond cond, void *arg, const char *what)
{
	double end = now() + v->timeout;
	pump(v, 0);
	while (!cond(v, arg)) {
		if (now() > end)
			die(v, "timed out waiting for %s", what);
		if (!pump(v, 50) && v->exited && !cond(v, arg))
			die(v, "the program exited (status %d) while waiting for %s",
			    WIFEXITED(v->status) ? WEXITSTATUS(v->status) : -1, what);
	}
}

static bool cond_present(Vt *v, void *arg)
{
	int r, c;
	return find(v, arg, &r, &c);
}

static bool cond_gone(Vt *v, void *arg)
{
	return !cond_present(v, arg);
}

typedef struct AttrWant {
	char text[512];
	char *attrs[16];
	int n;
} AttrWant;

static bool cond_attr(Vt *v, void *arg)
{
	AttrWant *w = arg;
	int r, c;
	VTermScreenCell cell;
	if (!find(v, w->text, &r, &c))
		return false;
	vterm_screen_get_cell(v->screen, (VTermPos){r, c}, &cell);
	for (int i = 0; i < w->n; i++)
		if (!attr_ok(v, &cell, w->attrs[i]))
			return false;
	return true;
}

static bool cond_clip(Vt *v, void *arg)
{
	return v->clip.len > 0 && strcmp(v->clip.s, arg) == 0;
}

static bool cond_exit(Vt *v, void *arg)
{
	return v->exited;
}

/*
 * Runs cmd with sh -c and returns its wait status. The program's drawing is read meanwhile:
 * a program that cannot write to its terminal stops, and a command waiting for it (its
 * journal, its lock) would wait for nothing.
 */
static int run_shell(Vt *v, const char *cmd)
{
	int st = 0;
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &st, WNOHANG) == 0)
		if (!pump(v, 20) && v->exited)
			usleep(20000);
	return st;
}

static void settle(Vt *v)
{
	double end = now() + v->timeout;
	while (pump(v, 150))
		if (now() > end)
			die(v, "the program never went quiet");
}

typedef struct KeyName {
	const char *name;
	VTermKey key;
} KeyName;

static const KeyName key_names[] = {
	{"Enter", VTERM_KEY_ENTER}, {"Tab", VTERM_KEY_TAB}, {"BS", VTERM_KEY_BACKSPACE},
	{"Esc", VTERM_KEY_ESCAPE},  {"Up", VTERM_KEY_UP},   {"Down", VTERM_KEY_DOWN},
	{"Left", VTERM_KEY_LEFT},   {"Right", VTERM_KEY_RIGHT}, {"Ins", VTERM_KEY_INS},
	{"Del", VTERM_KEY_DEL},     {"Home", VTERM_KEY_HOME}, {"End", VTERM_KEY_END},
	{"PgUp", VTERM_KEY_PAGEUP}, {"PgDn", VTERM_KEY_PAGEDOWN},
};

/* Sends one <...> key name; returns false if the name is unknown. */
static bool send_key(Vt *v, const char *name)
{
	VTermModifier mod = VTERM_MOD_NONE;
	for (;;) {
		if (strncmp(name, "C-", 2) == 0)
			mod |= VTERM_MOD_CTRL;
		else if (strncmp(name, "S-", 2) == 0)
			mod |= VTERM_MOD_SHIFT;
		else if (strncmp(name, "M-", 2) == 0)
			mod |= VTERM_MOD_ALT;
		else
			break;
		name += 2;
	}
	for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
		if (strcmp(name, key_names[i].name) == 0) {
			vterm_keyboard_key(v->vt, key_names[i].key, mod);
			return true;
		}
	if (name[0] == 'F' && name[1] >= '1' && name[1] <= '9') {
		vterm_keyboard_key(v->vt, VTERM_KEY_FUNCTION(atoi(name + 1)), mod);
		return true;
	}
	if (strcmp(name, "Space") == 0) {
		vterm_keyboard_unichar(v->vt, ' ', mod);
		return true;
	}
	if (strcmp(name, "lt") == 0) {
		vterm_keyboard_unichar(v->vt, '<', mod);
		return true;
	}
	int32_t cp;
	size_t n = utf8_decode(name, strlen(name), &cp);
	if (n > 0 && name[n] == '\0' && mod != VTERM_MOD_NONE) {
		vterm_keyboard_unichar(v->vt, (uint32_t)cp, mod);
		return true;
	}
	return false;
}

/* Everything a send line produces is collected, then written at once (like an IME burst). */
static void cmd_send(Vt *v, const char *p)
{
	while (*p) {
		if (*p == '<') {
			const char *end = strchr(p, '>');
			char name[64];
			if (!end || (size_t)(end - p) >= sizeof name)
				die(v, "unclosed key name in '%s'", p);
			snprintf(name, sizeof name, "%.*s", (int)(end - p - 1), p + 1);
			if (!send_key(v, name))
				die(v, "unknown key <%s>", name);
			p = end + 1;
			continue;
		}
		size_t n = strcspn(p, "<");
		out_cb(p, n, v);
		p += n;
	}
}

static void cmd_paste(Vt *v, const char *p)
{
	Str s = STR_INIT;
	for (; *p; p++) {
		if (p[0] == '\\' && p[1] == 'n') {
			str_addc(&s, '\n');
			p++;
		} else {
			str_addc(&s, *p);
		}
	}
	vterm_keyboard_start_paste(v->vt);
	out_cb(str_cstr(&s), s.len, v);
	vterm_keyboard_end_paste(v->vt);
	str_release(&s);
}

static void read_whole(Vt *v, const char *path, Str *out)
{
	FILE *f = fopen(path, "rb");
	char buf[65536];
	size_t n;
	if (!f)
		die(v, "cannot open '%s': %s", path, strerror(errno));
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		str_add(out, buf, n);
	fclose(f);
}

/* paste-file: the file inside the bracketed-paste markers; send-file: the bytes alone. */
static void cmd_file(Vt *v, const char *path, bool paste)
{
	Str s = STR_INIT;
	read_whole(v, path, &s);
	if (paste)
		vterm_keyboard_start_paste(v->vt);
	feed(v, str_cstr(&s), s.len);
	if (paste)
		vterm_keyboard_end_paste(v->vt);
	str_release(&s);
}

static void set_size(Vt *v, const char *spec)
{
	int c, r;
	if (sscanf(spec, "%dx%d", &c, &r) != 2 || c < 1 || r < 1 || c > 1000 || r > 1000) {
		fprintf(stderr, "vt: bad size '%s' (want COLSxROWS)\n", spec);
		exit(2);
	}
	v->cols = c;
	v->rows = r;
}

static void cmd_resize(Vt *v, const char *spec)
{
	set_size(v, spec);
	vterm_set_size(v->vt, v->rows, v->cols);
	struct winsize ws = {.ws_row = (unsigned short)v->rows, .ws_col = (unsigned short)v->cols};
	ioctl(v->fd, TIOCSWINSZ, &ws);
	kill(v->pid, SIGWINCH);
}

static void cmd_mouse(Vt *v, const char *what, const char *args)
{
	int r, c;
	if (sscanf(args, "%d %d", &r, &c) != 2)
		die(v, "want ROW COL");
	vterm_mouse_move(v->vt, r, c, VTERM_MOD_NONE);
	int button = strcmp(what, "up") == 0 ? 4 : strcmp(what, "down") == 0 ? 5 : 1;
	vterm_mouse_button(v->vt, button, true, VTERM_MOD_NONE);
	if (button == 1)
		vterm_mouse_button(v->vt, button, false, VTERM_MOD_NONE);
}

static void cmd_signal(Vt *v, const char *name)
{
	static const struct { const char *n; int s; } sigs[] = {
		{"HUP", SIGHUP}, {"TERM", SIGTERM}, {"INT", SIGINT}, {"KILL", SIGKILL},
		{"WINCH", SIGWINCH},
	};
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		if (strcmp(name, sigs[i].n) == 0) {
			kill(v->pid, sigs[i].s);
			return;
		}
	die(v, "unknown signal '%s'", name);
}

static void cmd_expect_attr(Vt *v, char *args)
{
	AttrWant w = {.n = 0};
	/* The text is everything before the first attribute word. */
	char *words[32];
	int nw = 0;
	for (char *s = strtok_r(args, " ", &args); s && nw < 32; s = strtok_r(NULL, " ", &args))
		words[nw++] = s;
	int first = nw;
	while (first > 1 && (strchr(words[first - 1], '=') || strcmp(words[first - 1], "bold") == 0 ||
			     strcmp(words[first - 1], "underline") == 0 ||
			     strcmp(words[first - 1], "reverse") == 0 ||
			     strcmp(words[first - 1], "italic") == 0 || words[first - 1][0] == '!'))
		first--;
	size_t len = 0;
	for (int i = 0; i < first; i++)
		len += (size_t)snprintf(w.text + len, sizeof w.text - len, "%s%s", i ? " " : "",
					words[i]);
	for (int i = first; i < nw && w.n < 16; i++)
		w.attrs[w.n++] = words[i];
	if (!cond_attr(v, &w)) {
		double end = now() + v->timeout;
		while (!cond_attr(v, &w) && now() < end)
			pump(v, 50);
	}
	if (!cond_attr(v, &w)) {
		int r, c;
		char got[160] = "not on screen";
		if (find(v, w.text, &r, &c)) {
			VTermScreenCell cell;
			vterm_screen_get_cell(v->screen, (VTermPos){r, c}, &cell);
			describe(&cell, got, sizeof got);
		}
		die(v, "'%s' lacks the attributes asked for; it has %s", w.text, got);
	}
}

static void cmd_exit(Vt *v, const char *arg)
{
	wait_for(v, cond_exit, NULL, "the program to exit");
	while (pump(v, 20))
		;
	if (*arg) {
		int want = atoi(arg);
		int got = WIFEXITED(v->status) ? WEXITSTATUS(v->status) : 128 + WTERMSIG(v->status);
		if (got != want)
			die(v, "the program exited %d, not %d", got, want);
	}
}

static void run_line(Vt *v, char *line)
{
	char *arg = strchr(line, ' ');
	if (arg)
		*arg++ = '\0';
	else
		arg = line + strlen(line);
	if (strcmp(line, "send") == 0)
		cmd_send(v, arg);
	else if (strcmp(line, "wait") == 0)
		wait_for(v, cond_present, arg, arg);
	else if (strcmp(line, "gone") == 0)
		wait_for(v, cond_gone, arg, arg);
	else if (strcmp(line, "expect-attr") == 0)
		cmd_expect_attr(v, arg);
	else if (strcmp(line, "expect-clip") == 0)
		wait_for(v, cond_clip, arg, "the clipboard text");
	else if (strcmp(line, "paste") == 0)
		cmd_paste(v, arg);
	else if (strcmp(line, "paste-file") == 0)
		cmd_file(v, arg, true);
	else if (strcmp(line, "send-file") == 0)
		cmd_file(v, arg, false);
	else if (strcmp(line, "resize") == 0)
		cmd_resize(v, arg);
	else if (strcmp(line, "click") == 0)
		cmd_mouse(v, "click", arg);
	else if (strcmp(line, "scroll") == 0) {
		char *rest = strchr(arg, ' ');
		if (!rest)
			die(v, "want scroll up|down ROW COL");
		*rest++ = '\0';
		cmd_mouse(v, arg, rest);
	} else if (strcmp(line, "signal") == 0)
		cmd_signal(v, arg);
	else if (strcmp(line, "settle") == 0)
		settle(v);
	else if (strcmp(line, "shell") == 0) {
		int st = run_shell(v, arg);
		if (st != 0)
			die(v, "'%s' failed (status %d)", arg, st);
	} else if (strcmp(line, "timeout") == 0)
		v->timeout = atof(arg);
	else if (strcmp(line, "dump") == 0) {
		pump(v, 0);
		dump(v, stdout);
	} else if (strcmp(line, "exit") == 0)
		cmd_exit(v, arg);
	else
		die(v, "unknown command '%s'", line);
}

static void start(Vt *v, char **argv, const char *term)
{
	struct winsize ws = {.ws_row = (unsigned short)v->rows, .ws_col = (unsigned short)v->cols};
	v->pid = forkpty(&v->fd, NULL, NULL, &ws);
	if (v->pid < 0) {
		perror("vt: forkpty");
		exit(2);
	}
	if (v->pid == 0) {
		setenv("TERM", term, 1);
		execvp(argv[0], argv);
		fprintf(stderr, "vt: cannot run '%s': %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	v->vt = vterm_new(v->rows, v->cols);
	vterm_set_utf8(v->vt, 1);
	vterm_output_set_callback(v->vt, out_cb, v);
	v->screen = vterm_obtain_screen(v->vt);
	fcntl(v->fd, F_SETFL, fcntl(v->fd, F_GETFL) | O_NONBLOCK);
	vterm_screen_enable_altscreen(v->screen, 1);
	vterm_screen_set_unrecognised_fallbacks(v->screen, &fallbacks, v);
	vterm_screen_reset(v->screen, 1);
}

int main(int argc, char **argv)
{
	Vt v = {.rows = 24, .cols = 80, .timeout = 15};
	const char *term = "xterm-256color";
	double limit = 60;
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if (i + 1 >= argc)
			break;
		if (strcmp(argv[i], "-s") == 0)
			set_size(&v, argv[++i]);
		else if (strcmp(argv[i], "-t") == 0)
			term = argv[++i];
		else if (strcmp(argv[i], "-T") == 0)
			limit = atof(argv[++i]);
	}
	if (i >= argc) {
		fprintf(stderr, "usage: vt [-s COLSxROWS] [-t TERM] [-T SECONDS] -- COMMAND... < SCRIPT\n");
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	start(&v, argv + i, term);
	double end = now() + limit;
	char *line = NULL;
	size_t cap = 0;
	while (getline(&line, &cap, stdin) >= 0) {
		v.line++;
		line[strcspn(line, "\n")] = '\0';
		char *p = line;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0' || *p == '#')
			continue;
		run_line(&v, p);
		pump(&v, 0);
		if (now() > end)
			die(&v, "the script took longer than %g seconds", limit);
	}
	if (!v.exited) {
		kill(v.pid, SIGTERM);
		double stop = now() + 2;
		while (!v.exited && now() < stop)
			pump(&v, 20);
		if (!v.exited) {
			kill(v.pid, SIGKILL);
			waitpid(v.pid, &v.status, 0);
		}
	}
	free(line);
	vterm_free(v.vt);
	str_release(&v.clip);
	str_release(&v.osc);
	return 0;
}
