/*
 * test_visible.c: other people's text made safe to show (every hidden character visible, byte
 * for byte), JSON that escapes them, and the checked YAML loading of settings files.
 */
#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "base/json.h"
#include "base/str.h"
#include "base/visible.h"
#include "base/yamldoc.h"

static void shown(const char *in, bool multiline, const char *want)
{
	Str out = STR_INIT;
	visible_adds(&out, in, multiline);
	ck_assert_str_eq(str_cstr(&out), want);
	ck_assert(visible_needed(in, strlen(in), multiline) == (strcmp(in, want) != 0));
	str_release(&out);
}

START_TEST(controls_bidi_and_zero_width_are_shown)
{
	shown("Hà Nội thông xe", false, "Hà Nội thông xe");
	shown("a\x1b]52;c;aGk=\x07z", false, "a<U+001B>]52;c;aGk=<U+0007>z");
	shown("\x1b]2;x\x1b\\", false, "<U+001B>]2;x<U+001B>\\");
	shown("c1 \xC2\x9B" "2J", false, "c1 <U+009B>2J");
	shown("\xE2\x80\xAE" "cba\xE2\x81\xA6", false, "<U+202E>cba<U+2066>");
	shown("z\xE2\x80\x8B" "w\xEF\xBB\xBF", false, "z<U+200B>w<U+FEFF>");
	shown("del\x7f bad\xff", false, "del<U+007F> bad<0xFF>");
	shown("one\ntwo\tx", false, "one<U+000A>two<U+0009>x");
	shown("one\ntwo\tx\r", true, "one\ntwo\tx<U+000D>");
	shown("tag \xF3\xA0\x80\x81", false, "tag <U+E0001>");
}
END_TEST

START_TEST(classes)
{
	ck_assert(visible_is_c1(0x85) && !visible_is_c1(0xA0));
	ck_assert(visible_is_bidi(0x202E) && visible_is_bidi(0x2069) && !visible_is_bidi(0x200B));
	ck_assert(visible_hidden(0x200D) && visible_hidden(0x2028) && !visible_hidden(0x1EC7));
}
END_TEST

START_TEST(json_escapes_hidden_characters)
{
	Str out = STR_INIT;
	json_quote(&out, "a\x1b\xC2\x9B\xE2\x80\xAE\xF3\xA0\x80\x81 ệ", 15);
	ck_assert_str_eq(str_cstr(&out), "\"a\\u001b\\u009b\\u202e\\udb40\\udc01 ệ\"");
	str_release(&out);
}
END_TEST

/* Loads text as YAML: NULL if it loads, else the message. */
static const char *load(const char *text, size_t len)
{
	static char err[400];
	yaml_document_t doc;
	if (!yamldoc_load("t.yaml", text, len, &doc, err, sizeof(err)))
		return err;
	yaml_document_delete(&doc);
	return NULL;
}

START_TEST(yaml_limits)
{
	static char deep[600000];
	ck_assert_ptr_null(load("ui:\n  theme: light\n", 19));
	ck_assert_ptr_null(load("", 0));
	ck_assert_str_eq(load("ui:\n  a: 1\n  a: 2\n", 18),
			 "t.yaml:3:3: duplicate key 'a' (first at line 2)");
	ck_assert_str_eq(load("{a: 1, b: {c: 1}, a: 3}", 23),
			 "t.yaml:1:19: duplicate key 'a' (first at line 1)");
	ck_assert_ptr_null(load("a: {c: 1}\nb: {c: 1}\n", 20));
	ck_assert_str_eq(load("a: 1\n---\nb: 2\n", 14),
			 "t.yaml:2:1: a second YAML document; the file must hold one");
	ck_assert_str_eq(load("a: \"x\\0y\"\n", 10), "t.yaml:1:4: a NUL character inside a value");
	ck_assert_str_eq(load("a: 1\nb: x\0y\n", 12), "t.yaml:2:5: a NUL byte");
	/* an unclosed quote is pointed at where it opens, not at the end of the file */
	ck_assert_str_eq(load("ui:\n  name: \"B\n  language: vi\n\n", 31),
			 "t.yaml:2:9: found unexpected end of stream at 5:1, while scanning a quoted "
			 "scalar that starts here");
	memset(deep, '[', sizeof(deep));
	ck_assert_str_eq(load(deep, 500000), "t.yaml:1:33: nested deeper than 32 levels");
	{
		static char big[YAMLDOC_MAX_BYTES + 1];
		memset(big, '#', sizeof(big));
		ck_assert_str_eq(load(big, sizeof(big)), "t.yaml: the file is larger than 1 MiB");
	}
}
END_TEST

static Suite *visible_suite(void)
{
	Suite *s = suite_create("visible");
	ADD_TEST(s, controls_bidi_and_zero_width_are_shown);
	ADD_TEST(s, classes);
	ADD_TEST(s, json_escapes_hidden_characters);
	ADD_TEST(s, yaml_limits);
	return s;
}

CHECK_MAIN(visible_suite)
