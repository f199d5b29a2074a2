/*
 * keys.c: key names and the binding table made from BINDING_LIST.
 *
 * The table is a static array in list order. Lookups scan it (some fifty entries, once per
 * key press). Suggestion digits 2..9 are looked up as 1, so one row documents them all.
 */
#include "tui/keys.h"

#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "base/banned.h"

static const Binding bindings[] = {
#define X(scr, key, cmd, bar) {(scr), (key), (cmd), (bar)},
	BINDING_LIST(X)
#undef X
};

static const char *const labels[2][COMMAND_COUNT] = {
#define X(e, bvi, ben, hvi, hen) [e] = bvi,
	{COMMAND_LIST(X)},
#undef X
#define X(e, bvi, ben, hvi, hen) [e] = ben,
	{COMMAND_LIST(X)},
#undef X
};

static const char *const helps[2][COMMAND_COUNT] = {
#define X(e, bvi, ben, hvi, hen) [e] = hvi,
	{COMMAND_LIST(X)},
#undef X
#define X(e, bvi, ben, hvi, hen) [e] = hen,
	{COMMAND_LIST(X)},
#undef X
};

static const char *const special_names[] = {
	"Up", "Down", "Left", "Right", "Home", "End", "PgUp", "PgDn", "Ins", "Del", "BS",
	"Enter", "Tab", "Esc", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10",
	"F11", "F12", "Resize", "Mouse", "Paste", "Tick",
};

bool key_is_text(Key k)
{
	return k >= 0x20 && k < K_SPECIAL && k != 0x7f && !(k & K_MODS);
}

void key_label(Key k, char *buf, size_t len)
{
	Key b = key_base(k);
	char name[16];
	if (b >= K_SPECIAL && b < K_SPECIAL_END)
		snprintf(name, sizeof name, "%s", special_names[b - K_SPECIAL]);
	else if (b > 0 && b <= 26)
		snprintf(name, sizeof name, "C-%c", (char)(b + 'a' - 1));
	else if (b > 26 && b < 0x20) /* C-\ C-] C-^ C-_ */
		snprintf(name, sizeof name, "C-%c", (char)(b + '@'));
	else if (b == ' ')
		snprintf(name, sizeof name, "Space");
	else {
		size_t n = utf8_encode(b, name);
		name[n] = '\0';
	}
	snprintf(buf, len, "%s%s%s%s", (k & K_CTRLMOD) ? "C-" : "", (k & K_ALT) ? "M-" : "",
		 (k & K_SHIFT) ? "S-" : "", name);
}

const Binding *keys_bindings(size_t *n)
{
	*n = sizeof bindings / sizeof bindings[0];
	return bindings;
}

Command keys_lookup(int screen, Key key)
{
	Key b = key_base(key);
	if (b >= '2' && b <= '9')
		key = (key & K_MODS) | '1';
	for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++)
		if ((bindings[i].screens & screen) && bindings[i].key == key)
			return bindings[i].cmd;
	return CMD_NONE;
}

const char *command_label(Command c, Lang l)
{
	return (c < COMMAND_COUNT) ? labels[l == LANG_EN][c] : "";
}

const char *command_help(Command c, Lang l)
{
	return (c < COMMAND_COUNT) ? helps[l == LANG_EN][c] : "";
}

/* "F1, C-g" for every key of cmd on exactly this screen group; digits shown as a range. */
static void keys_of(int screens, Command cmd, Str *out)
{
	for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++) {
		if (bindings[i].screens != screens || bindings[i].cmd != cmd)
			continue;
		char name[32];
		key_label(bindings[i].key, name, sizeof name);
		if (out->len)
			str_adds(out, ", ");
		str_adds(out, name);
		if (key_base(bindings[i].key) == '1')
			str_adds(out, "..9");
	}
}

/* The screen groups in the order the help shows them, with their headings. */
static const struct {
	int screens;
	StringId title;
} groups[] = {
	{SCR_QUEUE | SCR_EDITOR | SCR_PANE, S_HELP_ALL},
	{SCR_QUEUE | SCR_EDITOR, S_HELP_ALL},
	{SCR_QUEUE, S_HELP_QUEUE},
	{SCR_QUEUE | SCR_PANE, S_HELP_QUEUE},
	{SCR_EDITOR | SCR_PANE, S_HELP_EDITOR},
	{SCR_EDITOR, S_HELP_EDITOR},
	{SCR_PANE, S_HELP_PANE},
	{SCR_HISTORY, S_HELP_HISTORY},
	{SCR_COMPARE, S_HELP_HISTORY},
	{SCR_HISTORY | SCR_COMPARE, S_HELP_HISTORY},
	{SCR_PROMPT, S_HELP_PROMPT},
};

/* Calls fn(heading or NULL, keys, help) for each command of each group, once. */
typedef void (*HelpFn)(void *arg, const char *heading, const char *keys, const char *help);

static void keys_walk(Lang l, HelpFn fn, void *arg)
{
	StringId last = STRING_COUNT;
	Str k = STR_INIT;
	for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
		bool seen[COMMAND_COUNT] = {false};
		for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++) {
			const Binding *b = &bindings[i];
			if (b->screens != groups[g].screens || seen[b->cmd])
				continue;
			seen[b->cmd] = true;
			str_clear(&k);
			keys_of(b->screens, b->cmd, &k);
			const char *heading = NULL;
			if (groups[g].title != last)
				heading = lang_str(l, groups[g].title);
			last = groups[g].title;
			fn(arg, heading, str_cstr(&k), command_help(b->cmd, l));
		}
	}
	str_release(&k);
}

static void md_line(void *arg, const char *heading, const char *keys, const char *help)
{
	Str *out = arg;
	if (heading)
		str_addf(out, "%s### %s\n\n", out->len ? "\n" : "", heading);
	str_addf(out, "- `%s`: %s\n", keys, help);
}

void keys_markdown(Lang l, Str *out)
{
	keys_walk(l, md_line, out);
}

static void help_line(void *arg, const char *heading, const char *keys, const char *help)
{
	Str *out = arg;
	if (heading)
		str_addf(out, "%s# %s\n", out->len ? "\n" : "", heading);
	str_addf(out, "%s\t%s\n", keys, help);
}

void keys_help_text(Lang l, Str *out)
{
	keys_walk(l, help_line, out);
}
