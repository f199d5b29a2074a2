/*
 * tui.c: the entry point, the theme choice, and the pieces every screen shares: the title
 * bar, the status line with its message, the key bar drawn from the binding table, one-line
 * prompts, yes/no questions and the help screen.
 *
 * An App lives on tui_run's stack for the whole session. Screens draw into curses through
 * term.h and set a.redraw so that a resize or a closing prompt can repaint them; the message
 * stays until the next key that does something else.
 */
#include "tui/tui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/when.h"
#include "base/utf8.h"
#include "base/xalloc.h"
#include "news/config.h"
#include "tui/app.h"
#include "tui/strip.h"
#include "news/msg.h"
#include "base/banned.h"

const char *app_str(const App *a, StringId id)
{
	return lang_str(a->lang, id);
}

const char *app_action_label(const App *a, Action act)
{
	return action_label(act, lang_code(a->lang));
}

void app_key_for(Command c, int screen, char *buf, size_t len)
{
	size_t n;
	const Binding *b = keys_bindings(&n);
	for (size_t i = 0; i < n; i++)
		if (b[i].cmd == c && (b[i].screens & screen)) {
			key_label(b[i].key, buf, len);
			return;
		}
	snprintf(buf, len, "?");
}

void app_message(App *a, bool error, const char *fmt, ...)
{
	a->msg_ms = when_mono_ms();
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->msg, sizeof a->msg, fmt, ap);
	va_end(ap);
	a->msg_error = error;
}

/* Formats from the string table are not literals; the table's test checks their directives. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
void app_say(App *a, bool error, StringId id, ...)
{
	a->msg_ms = when_mono_ms();
	va_list ap;
	va_start(ap, id);
	vsnprintf(a->msg, sizeof a->msg, lang_str(a->lang, id), ap);
	va_end(ap);
	a->msg_error = error;
}

void app_format(const App *a, char *buf, size_t len, StringId id, ...)
{
	va_list ap;
	va_start(ap, id);
	vsnprintf(buf, len, lang_str(a->lang, id), ap);
	va_end(ap);
}
#pragma GCC diagnostic pop

void app_clear_message(App *a)
{
	a->msg[0] = '\0';
	a->msg_error = false;
}

static void app_redraw(App *a)
{
	term_clear();
	if (!app_too_small(a) && a->redraw)
		a->redraw(a->redraw_arg);
	term_refresh();
}

void app_read(App *a, TermEvent *ev)
{
	app_read_for(a, ev, APP_TICK_MS);
}

void app_read_for(App *a, TermEvent *ev, int timeout_ms)
{
	term_read(ev, timeout_ms);
	if (ev->key == K_NONE)
		app_say_bytes(a, ev); /* a paste refused, a typed byte dropped */
	if (term_stop_signal()) {
		a->quit = true;
		ev->key = K_TICK;
	}
	if (ev->key == K_RESIZE)
		app_redraw(a);
	if (ev->key == K_TICK && a->tick)
		a->tick(a->tick_arg);
	if (ev->key == K_TICK && a->msg[0] &&
	    when_mono_ms() - a->msg_ms > (a->msg_error ? APP_ERROR_MS : APP_MESSAGE_MS))
		app_clear_message(a); /* the screen's next draw leaves the line empty */
}

bool app_say_bytes(App *a, const TermEvent *ev)
{
	switch (ev->bytes) {
	case TERM_BYTES_CONVERTED:
		app_say(a, false, S_PASTE_CONVERTED, encoding_description(ev->from));
		return true;
	case TERM_BYTES_REFUSED:
		app_say(a, true, S_PASTE_NOT_UTF8, (unsigned)ev->bad, (int)ev->bad_at);
		return true;
	case TERM_BYTES_DROPPED:
		app_say(a, true, S_TYPED_NOT_UTF8, (unsigned)ev->bad);
		return true;
	default:
		return false;
	}
}

static bool window_fits(void)
{
	return term_rows() >= APP_MIN_ROWS && term_cols() >= APP_MIN_COLS;
}

bool app_refuse_small(App *a, const TermEvent *ev, int screen)
{
	if (window_fits() || ev->key == K_RESIZE || ev->key == K_TICK || ev->key == K_NONE ||
	    keys_lookup(screen, ev->key) == CMD_QUIT)
		return false;
	term_beep();
	return true;
}

bool app_too_small(App *a)
{
	int r = term_rows(), c = term_cols();
	if (window_fits())
		return false;
	char buf[200];
	app_format(a, buf, sizeof buf, S_TOO_SMALL, c, r, APP_MIN_COLS, APP_MIN_ROWS);
	term_clear();
	/* Word by word over the rows there are. */
	size_t len = strlen(buf), off = 0, next;
	for (int y = 0; y < r && off < len; y++) {
		size_t n = app_wrap(buf + off, len - off, c, &next);
		term_put(y, 0, buf + off, n, c, SLOT_ERROR_MESSAGE);
		off += next;
	}
	term_cursor(0, 0, false);
	return true;
}

void app_title(App *a, const char *left, const char *right)
{
	int cols = term_cols();
	uint64_t k = strip_hash(strip_hash(STRIP_SEED, left, strlen(left) + 1), right, strlen(right));
	if (!strip_begin(0, 0, cols, k))
		return; /* unchanged since it was drawn */
	term_fill(0, 0, cols, SLOT_TITLE_BAR);
	int used = term_puts(0, 1, left, cols - 2, SLOT_TITLE_BAR);
	int rw = (int)utf8_width(right, strlen(right));
	if (rw > 0 && used + rw + 3 < cols)
		term_puts(0, cols - rw - 1, right, rw, SLOT_TITLE_BAR);
	strip_end();
}

int app_draw_message(App *a, int x)
{
	int y = term_rows() - 2, cols = term_cols();
	if (!a->msg[0])
		return 0;
	/* A message longer than the room left covers the chips before it: it is read whole,
	 * and the chips come back when it goes. */
	int w = (int)utf8_width(a->msg, strlen(a->msg));
	if (x + w > cols) {
		x = cols - w > 0 ? cols - w : 0;
		term_fill(y, x, cols - x, SLOT_NORMAL);
	}
	return term_puts(y, x, a->msg, cols - x, a->msg_error ? SLOT_ERROR_MESSAGE : SLOT_MESSAGE);
}

/* Draws one bar entry if it fits; returns the new x, or -1 when it did not fit. */
static int bar_entry(App *a, int y, int x, const Binding *b)
{
	char key[32];
	int cols = term_cols();
	key_label(b->key, key, sizeof key);
	const char *label = command_label(b->cmd, a->lang);
	int need = (int)utf8_width(key, strlen(key)) + 1 + (int)utf8_width(label, strlen(label));
	if (x + need > cols)
		return -1;
	x += term_puts(y, x, key, cols - x, SLOT_BAR_KEY);
	x += 1;
	x += term_puts(y, x, label, cols - x, SLOT_BAR_LABEL);
	return x + 2;
}

/* The bar entry of command c on screen (its first binding marked for the bar), or NULL. */
static const Binding *bar_binding(int screen, Command c)
{
	size_t n;
	const Binding *b = keys_bindings(&n);
	for (size_t i = 0; i < n; i++)
		if ((b[i].screens & screen) && b[i].bar && b[i].cmd == c)
			return &b[i];
	return NULL;
}

static int entry_width(App *a, const Binding *b)
{
	char key[32];
	const char *label = command_label(b->cmd, a->lang);
	key_label(b->key, key, sizeof key);
	return (int)utf8_width(key, strlen(key)) + 1 + (int)utf8_width(label, strlen(label)) + 2;
}

/*
 * The screen's own commands in table order (the most used first), as many as fit whole,
 * leaving room for help, which is always there; quit follows when it fits.
 */
void app_keybar(App *a, int screen, OfferFn offer, void *arg)
{
	int y = term_rows() - 1, x = 0, cols = term_cols();
	size_t n;
	const Binding *b = keys_bindings(&n);
	const Binding *help = bar_binding(screen, CMD_HELP), *quit = bar_binding(screen, CMD_QUIT);
	int reserve = help ? entry_width(a, help) : 0;
	bool shown[COMMAND_COUNT] = {false};
	/* What the bar shows depends on the screen, the language and what is offered now. */
	uint64_t k = strip_hash_int(strip_hash_int(STRIP_SEED, screen), (int64_t)(intptr_t)a->lang);
	for (size_t i = 0; i < n && offer; i++)
		if ((b[i].screens & screen) && b[i].bar)
			k = strip_hash_int(k, offer(arg, b[i].cmd));
	if (!strip_begin(y, 0, cols, k))
		return;
	term_fill(y, 0, cols, SLOT_BAR_LABEL);
	for (size_t i = 0; i < n; i++) {
		if (!(b[i].screens & screen) || !b[i].bar || shown[b[i].cmd] ||
		    b[i].cmd == CMD_HELP || b[i].cmd == CMD_QUIT)
			continue;
		if (offer && !offer(arg, b[i].cmd))
			continue;
		if (x + entry_width(a, &b[i]) - 2 > cols - reserve)
			continue;
		x = bar_entry(a, y, x, &b[i]);
		shown[b[i].cmd] = true;
	}
	if (help) {
		int nx = bar_entry(a, y, x, help);
		x = nx < 0 ? x : nx;
	}
	if (quit && (!offer || offer(arg, CMD_QUIT)))
		bar_entry(a, y, x, quit);
	strip_end();
}

/* One-line prompt: state and drawing. */
typedef struct Prompt {
	const char *label;
	Str text;
	size_t cur;    /* byte offset of the cursor */
	bool *fold;
	bool fresh;    /* the text is selected (untouched, or C-a): typing replaces it */
	Ime *ime;      /* Telex or VNI as in the editor */
	ImeMode *input; /* the session's input method, which C-t here changes too */
	bool note;     /* the status message was said here (a paste converted or refused): the
			* prompt covers the status line, so it shows on the key bar's row */
} Prompt;

static void prompt_draw(App *a, Prompt *p)
{
	int y = term_rows() - 2, cols = term_cols();
	term_fill(y, 0, cols, SLOT_NORMAL);
	int x = term_puts(y, 0, p->label, cols - 1, SLOT_MESSAGE);
	ImeMode m = ime_mode(p->ime);
	if (p->fold || m != IME_OFF) {
		const char *f = p->fold ? app_str(a, *p->fold ? S_FOLD_ON : S_FOLD_OFF)
			      : app_str(a, m == IME_TELEX ? S_INPUT_TELEX : S_INPUT_VNI);
		int fw = (int)utf8_width(f, strlen(f));
		if (x + fw + 10 < cols)
			term_puts(y, cols - fw - 1, f, fw, SLOT_DIM);
	}
	/* Show the end of the text when it is wider than the room. */
	size_t start = 0;
	int room = cols - x - 1 - (p->fold || m != IME_OFF ? 20 : 0);
	if (room < 4)
		room = cols - x - 1;
	while ((int)utf8_width(p->text.s + start, p->cur - start) > room)
		start = utf8_next_grapheme(p->text.s, p->text.len, start);
	int cx = x + (int)utf8_width(str_cstr(&p->text) + start, p->cur - start);
	term_put(y, x, str_cstr(&p->text) + start, p->text.len - start, room,
		 p->fresh ? SLOT_SELECTION : SLOT_NORMAL);
	if (p->note && a->msg[0]) {
		term_fill(y + 1, 0, cols, SLOT_NORMAL);
		term_puts(y + 1, 0, a->msg, cols, a->msg_error ? SLOT_ERROR_MESSAGE : SLOT_MESSAGE);
	} else {
		app_keybar(a, SCR_PROMPT, NULL, NULL);
	}
	term_cursor(y, cx, true);
	term_refresh();
}

static void prompt_insert(Prompt *p, const char *s, size_t len)
{
	Str t = STR_INIT;
	str_add(&t, p->text.s ? p->text.s : "", p->cur);
	for (size_t i = 0; i < len; i++)
		str_addc(&t, (s[i] == '\n' || s[i] == '\r' || s[i] == '\t') ? ' ' : s[i]);
	size_t cur = t.len;
	str_add(&t, str_cstr(&p->text) + p->cur, p->text.len - p->cur);
	str_release(&p->text);
	p->text = t;
	p->cur = cur;
}

static void prompt_delete(Prompt *p, size_t from, size_t to)
{
	if (from >= to)
		return;
	memmove(p->text.s + from, p->text.s + to, p->text.len - to);
	str_truncate(&p->text, p->text.len - (to - from));
	p->cur = from;
}

/* A typed key through the input method: it may rewrite the word before the cursor. */
static void prompt_type(Prompt *p, Key k)
{
	ImeEdit ed;
	ime_key(p->ime, str_cstr(&p->text), p->cur, k, &ed);
	if (ed.del > p->cur)
		ed.del = p->cur;
	prompt_delete(p, p->cur - ed.del, p->cur);
	prompt_insert(p, ed.ins, ed.ins_len);
}

/* Handles one editing key; returns 1 accept, -1 cancel, 0 go on. */
static int prompt_key(Prompt *p, const TermEvent *ev)
{
	const char *s = str_cstr(&p->text);
	Command c = keys_lookup(SCR_PROMPT, ev->key);
	if (c == CMD_ACCEPT)
		return 1;
	if (c == CMD_CANCEL || ev->key == K_CTRL('q'))
		return -1;
	if (c == CMD_FOLD && p->fold) {
		*p->fold = !*p->fold;
		return 0;
	}
	if (c == CMD_FOLD) { /* a prompt that is not a search: C-t switches the input method */
		ImeMode m = ime_mode(p->ime);
		ime_set_mode(p->ime, m == IME_OFF ? IME_TELEX : m == IME_TELEX ? IME_VNI : IME_OFF);
		*p->input = ime_mode(p->ime);
		return 0;
	}
	if (p->fresh && (key_is_text(ev->key) || ev->key == K_PASTE || ev->key == K_BS ||
			 ev->key == K_DEL)) {
		bool erase = !key_is_text(ev->key) && ev->key != K_PASTE;
		str_clear(&p->text);
		p->cur = 0;
		p->fresh = false;
		if (erase)
			return 0; /* Backspace on the selected text clears it */
	}
	p->fresh = false;
	if (ev->key == K_CTRL('a')) {
		p->fresh = true; /* select the whole text */
		p->cur = p->text.len;
		return 0;
	}
	switch (ev->key) {
	case K_BS:
		prompt_delete(p, utf8_prev_grapheme(s, p->text.len, p->cur), p->cur);
		break;
	case K_DEL:
		if (p->cur < p->text.len)
			prompt_delete(p, p->cur, utf8_next_grapheme(s, p->text.len, p->cur));
		break;
	case K_LEFT:
		p->cur = utf8_prev_grapheme(s, p->text.len, p->cur);
		break;
	case K_RIGHT:
		p->cur = p->cur < p->text.len ? utf8_next_grapheme(s, p->text.len, p->cur) : p->cur;
		break;
	case K_HOME:
		p->cur = 0;
		break;
	case K_END: case K_CTRL('e'):
		p->cur = p->text.len;
		break;
	case K_CTRL('u'):
		prompt_delete(p, 0, p->cur);
		break;
	case K_PASTE:
		prompt_insert(p, ev->text, ev->len);
		break;
	default:
		if (key_is_text(ev->key))
			prompt_type(p, ev->key);
	}
	if (!key_is_text(ev->key))
		ime_reset(p->ime); /* moved or deleted: the next word starts afresh */
	return 0;
}

bool app_prompt(App *a, const char *label, const char *initial, Str *out, bool *fold)
{
	const Config *cfg = desk_config(a->desk);
	bool new_style = cfg && cfg->spell_style && strcmp(cfg->spell_style, "new") == 0;
	Prompt p = {label, STR_INIT, 0, fold, initial && *initial,
		    ime_new(a->input, new_style ? PLACE_NEW : PLACE_OLD), &a->input, false};
	int r = 0;
	if (initial)
		str_adds(&p.text, initial);
	p.cur = p.text.len;
	while (r == 0 && !a->quit) {
		TermEvent ev;
		prompt_draw(a, &p);
		app_read(a, &ev);
		if (ev.key == K_NONE && ev.bytes != TERM_BYTES_OK)
			p.note = true; /* app_read said what became of them */
		if (ev.key == K_TICK || ev.key == K_RESIZE || ev.key == K_MOUSE || ev.key == K_NONE)
			continue;
		p.note = false;
		r = prompt_key(&p, &ev);
		if (ev.key == K_PASTE)
			p.note = app_say_bytes(a, &ev);
	}
	str_clear(out);
	bool ok = r == 1 && utf8_nfc(str_cstr(&p.text), p.text.len, out);
	str_release(&p.text);
	ime_free(p.ime);
	app_clear_message(a);
	app_redraw(a);
	return ok;
}

/* Which group of keys ("ab|cd") holds k: its index, or -1. */
static int key_group(const char *groups, Key k)
{
	int g = 0;
	if (k <= 0 || k >= 128)
		return -1;
	for (const char *p = groups; *p; p++) {
		if (*p == '|')
			g++;
		else if (*p == (char)k)
			return g;
	}
	return -1;
}

/*
 * Draws a question ending on the status line, wrapped word by word over the rows above it
 * when it is wider than the screen: its answers' keys come at its end, and a question cut
 * off there cannot be answered knowingly. A question longer than the whole screen loses its
 * first rows, not its answers. The cursor rests after its last word.
 */
static void question_draw(const char *question)
{
	int rows = term_rows(), cols = term_cols(), width = cols > 1 ? cols - 1 : 1, n = 0;
	size_t len = strlen(question), off, next;
	for (off = 0; off < len; n++) {
		app_wrap(question + off, len - off, width, &next);
		off += next > 0 ? next : len - off;
	}
	int last = n < rows - 1 ? rows - 2 : rows - 1, y = last - (n > 0 ? n - 1 : 0), x = 0;
	for (off = 0; off < len; y++) {
		size_t cut = app_wrap(question + off, len - off, width, &next);
		if (y >= 0) {
			term_fill(y, 0, cols, SLOT_NORMAL);
			x = term_put(y, 0, question + off, cut, width, SLOT_MESSAGE);
		}
		off += next > 0 ? next : len - off;
	}
	if (n == 0)
		term_fill(last, 0, cols, SLOT_NORMAL);
	term_cursor(last, x < cols ? x : cols - 1, true);
}

int app_choose(App *a, const char *question, StringId keys)
{
	const char *groups = app_str(a, keys);
	int answer = -2;
	while (answer == -2 && !a->quit) {
		question_draw(question);
		term_refresh();
		TermEvent ev;
		app_read(a, &ev);
		if (ev.key == K_ESC || ev.key == K_CTRL('q'))
			answer = -1;
		else if (key_group(groups, ev.key) >= 0)
			answer = key_group(groups, ev.key);
	}
	app_redraw(a);
	return answer == -2 ? -1 : answer;
}

int app_ask(App *a, const char *question)
{
	int r = app_choose(a, question, S_YES_NO_KEYS);
	return r == 0 ? 1 : r == 1 ? 0 : -1;
}

/*
 * The help screen: the binding table as text, a description wider than the screen wrapped
 * under itself. Walks the screen rows of the text at the terminal's width and draws those
 * from top on (none when draw is false); returns how many rows the whole text takes.
 */
static int help_rows(const Str *text, int top, bool draw)
{
	int rows = term_rows(), cols = term_cols(), y = 1, row = 0;
	int width = cols - 23 > 8 ? cols - 23 : 8;
	const char *p = str_cstr(text), *end = p + text->len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		const char *tab = memchr(p, '\t', len);
		if (len && p[0] == '#') {
			if (draw && row >= top && y < rows)
				term_put(y++, 1, p + 2, len - 2, cols - 2, SLOT_HEADER);
			row++;
		} else if (tab) {
			const char *d = tab + 1;
			size_t dlen = len - (size_t)(d - p), off = 0;
			bool first = true;
			do {
				size_t next, cut = app_wrap(d + off, dlen - off, width, &next);
				if (draw && row >= top && y < rows) {
					if (first)
						term_put(y, 2, p, (size_t)(tab - p), 18, SLOT_BAR_KEY);
					term_put(y++, 22, d + off, cut, cols - 23, SLOT_NORMAL);
				}
				row++;
				first = false;
				off += next > 0 ? next : dlen - off;
			} while (off < dlen);
		} else {
			if (draw && row >= top && y < rows)
				y++;
			row++;
		}
		p += len + 1;
	}
	return row;
}

static void help_draw(App *a, const Str *text, int top)
{
	term_clear();
	app_title(a, app_str(a, S_HELP_TITLE), "");
	help_rows(text, top, true);
	term_cursor(0, 0, false);
	term_refresh();
}

void app_help(App *a)
{
	Str text = STR_INIT;
	int top = 0;
	keys_help_text(a->lang, &text);
	for (;;) {
		if (!app_too_small(a))
			help_draw(a, &text, top);
		else
			term_refresh();
		TermEvent ev;
		app_read(a, &ev);
		int page = term_rows() - 2, lines = help_rows(&text, 0, false);
		int max = lines - page > 0 ? lines - page : 0;
		if (a->quit || ev.key == K_ESC || ev.key == K_F1 || ev.key == 'q' ||
		    ev.key == K_CTRL('g') || ev.key == K_ENTER)
			break;
		if (ev.key == K_DOWN || (ev.key == K_MOUSE && ev.button == 5))
			top++;
		else if (ev.key == K_UP || (ev.key == K_MOUSE && ev.button == 4))
			top--;
		else if (ev.key == K_PGDN || ev.key == ' ')
			top += page;
		else if (ev.key == K_PGUP)
			top -= page;
		top = top < 0 ? 0 : top > max ? max : top;
	}
	str_release(&text);
	app_redraw(a);
}

/* The theme named in the config: built-in default, a name in themes/, or a path. */
static void load_theme(App *a, const Config *cfg)
{
	const char *name = cfg && cfg->theme && *cfg->theme ? cfg->theme : "default";
	char err[400];
	char *path;
	theme_default(&a->theme);
	if (strchr(name, '/') || strstr(name, ".yaml")) {
		path = xstrdup(name);
	} else {
		char *dir = config_themes_dir();
		Str p = STR_INIT;
		str_addf(&p, "%s/%s.yaml", dir ? dir : "themes", name);
		free(dir);
		path = str_detach(&p);
	}
	/* The built-in default needs no file; any other failure is shown. */
	bool optional = strcmp(name, "default") == 0 && access(path, F_OK) != 0;
	if (!optional && !theme_load(&a->theme, path, err, sizeof err))
		app_say(a, true, S_THEME_BAD, err);
	free(path);
}

int tui_print_keys(const char *lang)
{
	Str md = STR_INIT;
	keys_markdown(lang_parse(lang), &md);
	fwrite(md.s, 1, md.len, stdout);
	str_release(&md);
	return 0;
}

int tui_run(Desk *d, int64_t article_id)
{
	App a;
	char err[256];
	memset(&a, 0, sizeof a);
	a.desk = d;
	a.me = desk_actor(d);
	const Config *cfg = desk_config(d);
	a.lang = lang_resolve(cfg ? cfg->language : NULL, LANG_VI);
	desk_set_lang(d, a.lang);
	msg_set_lang(a.lang);
	/* Never freeze the keyboard on another process's write: fail fast, retry on the tick. */
	desk_set_patience(d, TUI_PATIENCE_MS);
	load_theme(&a, cfg);
	if (!term_start(&a.theme, err, sizeof err)) {
		fprintf(stderr, "%s%s\n", msg_say("toasoan: error: "), err);
		return 1;
	}
	int rc = article_id ? editor_run(&a, article_id) : queue_run(&a);
	term_stop();
	/* a session stopped by a signal may have written the text to a file: say where, for a
	 * terminal that is still there to read it */
	if ((rc != 0 || (term_stop_signal() && a.msg_error)) && a.msg[0])
		fprintf(stderr, "%s%s\n", msg_say("toasoan: error: "), a.msg);
	return rc;
}
