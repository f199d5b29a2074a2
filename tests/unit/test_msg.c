/*
 * test_msg.c: the core's message catalogue and the choice of language. Every message has
 * both languages, the same printf conversions in the same order (so an argument list fits
 * either text), and one English key; the language follows ui.language, then the locale.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "base/lang.h"
#include "news/msg.h"
#include "news/store_int.h"

/* The conversions of a printf format, length modifiers included, flags and widths left out. */
static void conversions(const char *s, char *out, size_t len)
{
	size_t n = 0;
	for (; *s && n + 4 < len; s++) {
		if (*s != '%')
			continue;
		s++;
		if (*s == '%')
			continue;
		s += strspn(s, "-+ #0123456789.*");
		while (*s && strchr("hlzjt", *s))
			out[n++] = *s++;
		if (*s)
			out[n++] = *s;
		out[n++] = ' ';
		if (!*s)
			break;
	}
	out[n] = '\0';
}

/* True if s has a letter outside its conversions ("'%s': %s" has none). */
static bool has_words(const char *s)
{
	for (; *s; s++) {
		if (*s == '%') {
			s += 1 + strspn(s + 1, "-+ #0123456789.*hlzjt");
			if (!*s)
				break;
			continue;
		}
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))
			return true;
	}
	return false;
}

START_TEST(every_message_has_both_languages)
{
	for (int i = 0; i < MSG_COUNT; i++) {
		char en[64], vi[64];
		const char *e = msg_text(LANG_EN, i), *v = msg_text(LANG_VI, i);
		ck_assert_msg(e[0] != '\0' && v[0] != '\0', "message %d is empty", i);
		ck_assert_msg(strcmp(e, v) != 0 || !has_words(e), "message %d is not translated: %s",
			      i, e);
		conversions(e, en, sizeof en);
		conversions(v, vi, sizeof vi);
		ck_assert_msg(strcmp(en, vi) == 0, "message %d: '%s' has %s, '%s' has %s", i, e, en,
			      v, vi);
	}
}
END_TEST

START_TEST(english_keys_are_unique)
{
	for (int i = 0; i < MSG_COUNT; i++)
		for (int j = i + 1; j < MSG_COUNT; j++)
			ck_assert_msg(strcmp(msg_english(i), msg_english(j)) != 0,
				      "messages %d and %d share '%s'", i, j, msg_english(i));
}
END_TEST

START_TEST(translation_by_english_text)
{
	char copy[128];
	snprintf(copy, sizeof copy, "%s", "reporters cannot change the newsroom dictionary");
	ck_assert_str_eq(msg_tr(LANG_VI, copy), "phóng viên không sửa được từ điển tòa soạn");
	ck_assert_str_eq(msg_tr(LANG_EN, copy), copy);
	ck_assert_str_eq(msg_tr(LANG_VI, "not in the catalogue"), "not in the catalogue");
	ck_assert_str_eq(msg_text(LANG_VI, M_TIME_PAST), "giờ đăng phải ở tương lai");
	ck_assert_str_eq(msg_text(LANG_EN, MSG_COUNT), "");
}
END_TEST

START_TEST(language_follows_config_then_locale)
{
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	setenv("LANG", "C.UTF-8", 1);
	ck_assert_int_eq(lang_resolve(NULL, LANG_EN), LANG_EN);
	ck_assert_int_eq(lang_resolve(NULL, LANG_VI), LANG_VI);
	ck_assert_int_eq(lang_resolve("vi", LANG_EN), LANG_VI);
	setenv("LANG", "vi_VN.UTF-8", 1);
	ck_assert_int_eq(lang_resolve(NULL, LANG_EN), LANG_VI);
	ck_assert_int_eq(lang_resolve("en", LANG_VI), LANG_EN);
	setenv("LC_MESSAGES", "en_GB.UTF-8", 1);
	ck_assert_int_eq(lang_resolve(NULL, LANG_VI), LANG_EN);
	setenv("LC_ALL", "C", 1);
	ck_assert_int_eq(lang_resolve(NULL, LANG_VI), LANG_VI);
	ck_assert_int_eq(lang_parse("en_US.UTF-8"), LANG_EN);
	ck_assert_int_eq(lang_parse("eng"), LANG_VI);
	ck_assert_str_eq(lang_code(LANG_EN), "en");
	setenv("LC_ALL", "C.UTF-8", 1);
}
END_TEST

START_TEST(store_failures_in_the_language)
{
	char path[] = "/tmp/test_msg_XXXXXX", err[256] = "";
	int fd = mkstemp(path);
	Store *s;
	ck_assert_int_ge(fd, 0);
	close(fd);
	unlink(path);
	s = store_open(path, true, err, sizeof err);
	ck_assert_msg(s != NULL, "%s", err);
	ck_assert(!store_prep(s, "SELECT * FROM no_such_table", ""));
	ck_assert_msg(strncmp(store_errmsg(s), "cannot prepare a query: ", 24) == 0, "%s",
		      store_errmsg(s));
	store_set_lang(s, LANG_VI);
	ck_assert(!store_prep(s, "SELECT * FROM no_such_table", ""));
	ck_assert_msg(strncmp(store_errmsg(s), "không chuẩn bị truy vấn được: ",
			      strlen("không chuẩn bị truy vấn được: ")) == 0, "%s", store_errmsg(s));
	store_free(s);
	unlink(path);
}
END_TEST

static Suite *msg_suite(void)
{
	Suite *s = suite_create("msg");
	ADD_TEST(s, every_message_has_both_languages);
	ADD_TEST(s, english_keys_are_unique);
	ADD_TEST(s, translation_by_english_text);
	ADD_TEST(s, language_follows_config_then_locale);
	ADD_TEST(s, store_failures_in_the_language);
	return s;
}

CHECK_MAIN(msg_suite)
