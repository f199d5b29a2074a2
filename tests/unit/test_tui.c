/*
 * test_tui.c: the curses-free parts of the full-screen interface, compiled in directly
 * (src/tui is not in the core library): themes, the string tables, the key table.
 */
#include <string.h>

#include "check_main.h"
#include "tui/keys.c"
#include "tui/lang.c"
#include "tui/theme.c"
#include "tui/wrap.c"

START_TEST(default_theme_file_equals_builtin)
{
	Theme file, builtin;
	char err[256] = "", why[128] = "";
	ck_assert_msg(theme_load(&file, "themes/default.yaml", err, sizeof err), "%s", err);
	theme_default(&builtin);
	ck_assert_msg(theme_equal(&file, &builtin, why, sizeof why), "%s", why);
	ck_assert_str_eq(file.name, "default");
}
END_TEST

START_TEST(mono_theme_file_equals_no_colour_column)
{
	Theme file, mono;
	char err[256] = "", why[128] = "";
	ck_assert_msg(theme_load(&file, "themes/mono.yaml", err, sizeof err), "%s", err);
	theme_mono(&mono);
	ck_assert_msg(theme_equal(&file, &mono, why, sizeof why), "%s", why);
}
END_TEST

START_TEST(every_shipped_theme_loads)
{
	const char *names[] = {"themes/light.yaml", "themes/high-contrast.yaml"};
	for (size_t i = 0; i < 2; i++) {
		Theme t, d;
		char err[256] = "", why[128];
		ck_assert_msg(theme_load(&t, names[i], err, sizeof err), "%s", err);
		theme_default(&d);
		ck_assert(!theme_equal(&t, &d, why, sizeof why));
	}
}
END_TEST

START_TEST(malformed_theme_names_line_and_column)
{
	Theme t;
	char err[256] = "", why[128];
	const char *bad = "name: x\nslots:\n  normal: {fg: red\n";
	ck_assert(!theme_parse(&t, bad, strlen(bad), "x.yaml", err, sizeof err));
	ck_assert_msg(strncmp(err, "x.yaml:4:1:", 11) == 0 || strncmp(err, "x.yaml:3:", 9) == 0,
		      "%s", err);
	Theme d;
	theme_default(&d);
	ck_assert(theme_equal(&t, &d, why, sizeof why)); /* the default is back */
}
END_TEST

START_TEST(bad_values_are_pointed_at)
{
	Theme t;
	char err[256] = "";
	const char *colour = "slots:\n  text: {fg: \"#12345g\"}\n";
	ck_assert(!theme_parse(&t, colour, strlen(colour), "c.yaml", err, sizeof err));
	ck_assert_str_eq(err, "c.yaml:2:14: bad colour '#12345g' (default, a name, 0-255 or #rrggbb)");
	const char *slot = "slots:\n  txet: {fg: red}\n";
	ck_assert(!theme_parse(&t, slot, strlen(slot), "s.yaml", err, sizeof err));
	ck_assert_str_eq(err, "s.yaml:2:3: unknown slot 'txet'");
	const char *attr = "slots:\n  text: {attrs: [blink]}\n";
	ck_assert(!theme_parse(&t, attr, strlen(attr), "a.yaml", err, sizeof err));
	ck_assert(strstr(err, "a.yaml:2:18: unknown attribute 'blink'") == err);
	const char *name = "name: [dark]\n";
	ck_assert(!theme_parse(&t, name, strlen(name), "n.yaml", err, sizeof err));
	ck_assert_str_eq(err, "n.yaml:1:7: 'name' must be a single value");
	const char *top = "- a\n";
	ck_assert(!theme_parse(&t, top, strlen(top), "t.yaml", err, sizeof err));
	ck_assert(strstr(err, "t.yaml:1:1:") == err);
}
END_TEST

START_TEST(colours_degrade_to_the_nearest)
{
	ThemeColor c;
	ck_assert(theme_color_parse("#ff0000", &c));
	ck_assert_int_eq(theme_color_256(c), 196);
	ck_assert_int_eq(theme_color_8(c), 1);
	ck_assert(theme_color_parse("#303030", &c));
	ck_assert_int_eq(theme_color_256(c), 236);
	ck_assert_int_eq(theme_color_8(c), 0);
	ck_assert(theme_color_parse("bright-green", &c));
	ck_assert_int_eq(theme_color_256(c), 10);
	ck_assert_int_eq(theme_color_8(c), 2);
	ck_assert(theme_color_parse("default", &c));
	ck_assert_int_eq(theme_color_256(c), -1);
	ck_assert(!theme_color_parse("256", &c));
	ck_assert(!theme_color_parse("#fff", &c));
}
END_TEST

/* The conversion letters of printf directives in s, in order. */
static void directives(const char *s, char *out, size_t len)
{
	size_t n = 0;
	for (; *s && n + 1 < len; s++)
		if (s[0] == '%' && s[1]) {
			out[n++] = s[1];
			s++;
		}
	out[n] = '\0';
}

START_TEST(strings_agree_in_both_languages)
{
	for (int i = 0; i < STRING_COUNT; i++) {
		char a[16], b[16];
		ck_assert_msg(lang_str(LANG_VI, i)[0] != '\0', "string %d is empty", i);
		ck_assert_msg(lang_str(LANG_EN, i)[0] != '\0', "string %d is empty", i);
		directives(lang_str(LANG_VI, i), a, sizeof a);
		directives(lang_str(LANG_EN, i), b, sizeof b);
		ck_assert_msg(strcmp(a, b) == 0, "string %d: '%s' vs '%s'", i, a, b);
	}
	ck_assert_str_eq(lang_str(LANG_VI, S_VIEW_REVIEW), "Chờ duyệt");
	ck_assert_int_eq(lang_parse("en"), LANG_EN);
	ck_assert_int_eq(lang_parse("en_US.UTF-8"), LANG_EN);
	ck_assert_int_eq(lang_parse(NULL), LANG_VI);
	ck_assert_int_eq(lang_parse("eng"), LANG_VI);
}
END_TEST

START_TEST(keys_are_found_and_named)
{
	char buf[32];
	ck_assert_int_eq(keys_lookup(SCR_EDITOR, K_CTRL('s')), CMD_SAVE);
	ck_assert_int_eq(keys_lookup(SCR_QUEUE, K_CTRL('s')), CMD_NONE);
	ck_assert_int_eq(keys_lookup(SCR_QUEUE, 'a'), CMD_APPROVE);
	ck_assert_int_eq(keys_lookup(SCR_EDITOR, 'a'), CMD_NONE); /* text, not a command */
	ck_assert_int_eq(keys_lookup(SCR_EDITOR, 'a' | K_ALT), CMD_APPROVE);
	ck_assert_int_eq(keys_lookup(SCR_PANE, '7'), CMD_APPLY);
	ck_assert_int_eq(keys_lookup(SCR_QUEUE, K_F1), CMD_HELP);
	ck_assert_int_eq(keys_lookup(SCR_PROMPT, K_F1), CMD_NONE);
	key_label(K_RIGHT | K_SHIFT, buf, sizeof buf);
	ck_assert_str_eq(buf, "S-Right");
	key_label(K_CTRL('q'), buf, sizeof buf);
	ck_assert_str_eq(buf, "C-q");
	key_label(K_HOME | K_CTRLMOD, buf, sizeof buf);
	ck_assert_str_eq(buf, "C-Home");
	key_label(0x1ec7, buf, sizeof buf);
	ck_assert_str_eq(buf, "ệ");
	ck_assert(key_is_text(0x1ec7));
	ck_assert(!key_is_text(K_CTRL('s')));
	ck_assert(!key_is_text('a' | K_ALT));
}
END_TEST

START_TEST(every_binding_reaches_the_help)
{
	Str md = STR_INIT, help = STR_INIT;
	size_t n;
	const Binding *b = keys_bindings(&n);
	keys_markdown(LANG_VI, &md);
	keys_help_text(LANG_EN, &help);
	for (size_t i = 0; i < n; i++) {
		char name[32], item[64];
		key_label(b[i].key, name, sizeof name);
		snprintf(item, sizeof item, "%s", name);
		ck_assert_msg(strstr(md.s, item), "%s missing from the markdown", item);
		ck_assert_msg(strstr(help.s, item), "%s missing from the help", item);
		ck_assert_msg(command_help(b[i].cmd, LANG_VI)[0], "command %d has no help", b[i].cmd);
		if (b[i].bar)
			ck_assert_msg(command_label(b[i].cmd, LANG_EN)[0], "command %d has no label",
				      b[i].cmd);
	}
	ck_assert(strstr(md.s, "### Trình soạn thảo\n"));
	ck_assert(strstr(md.s, "- `C-s`: Lưu bài\n"));
	ck_assert(strstr(md.s, "- `F1, C-g`: Hiện mọi phím tắt\n"));
	ck_assert(strstr(help.s, "# Editor\n"));
	str_release(&md);
	str_release(&help);
}
END_TEST

/* Lines of s wrapped to w columns, joined with '|'. */
static void wrapped(const char *s, int w, char *out, size_t len)
{
	size_t off = 0, n = strlen(s), next;
	out[0] = '\0';
	while (off < n) {
		size_t l = app_wrap(s + off, n - off, w, &next);
		size_t have = strlen(out);
		snprintf(out + have, len - have, "%s%.*s", have ? "|" : "", (int)l, s + off);
		off += next;
	}
}

START_TEST(text_wraps_between_words)
{
	char out[300];
	wrapped("Thêm trích dẫn của người dân", 12, out, sizeof out);
	ck_assert_str_eq(out, "Thêm trích|dẫn của|người dân");
	wrapped("abcdefghij xy", 4, out, sizeof out); /* a word wider than the line is cut */
	ck_assert_str_eq(out, "abcd|efgh|ij|xy");
	wrapped("một\nhai ba", 20, out, sizeof out); /* a newline ends a line */
	ck_assert_str_eq(out, "một|hai ba");
	wrapped("  dễ nhầm", 5, out, sizeof out); /* leading spaces are indent, not a break */
	ck_assert_str_eq(out, "  dễ|nhầm");
	wrapped("Cửa sổ quá nhỏ (28x6). Cần ít nhất 40x12.", 28, out, sizeof out);
	ck_assert_str_eq(out, "Cửa sổ quá nhỏ (28x6). Cần|ít nhất 40x12.");
}
END_TEST

static Suite *tui_suite(void)
{
	Suite *s = suite_create("tui");
	ADD_TEST(s, default_theme_file_equals_builtin);
	ADD_TEST(s, mono_theme_file_equals_no_colour_column);
	ADD_TEST(s, every_shipped_theme_loads);
	ADD_TEST(s, malformed_theme_names_line_and_column);
	ADD_TEST(s, bad_values_are_pointed_at);
	ADD_TEST(s, colours_degrade_to_the_nearest);
	ADD_TEST(s, strings_agree_in_both_languages);
	ADD_TEST(s, keys_are_found_and_named);
	ADD_TEST(s, every_binding_reaches_the_help);
	ADD_TEST(s, text_wraps_between_words);
	return s;
}

CHECK_MAIN(tui_suite)
