/*
 * test_search.c: what a typed search becomes: words, phrases and prefixes; the folded and
 * the as-written expressions; snippets and their marks.
 */
#include <string.h>

#include "check_main.h"
#include "news/search.h"

static char *expr(const char *text, bool exact)
{
	SearchQuery q;
	Str s = STR_INIT;
	bool ok = search_parse(text, &q);
	if (ok)
		exact ? search_exact_expr(&q, &s) : search_fold_expr(&q, &s);
	search_query_release(&q);
	str_addc(&s, '\0');
	return str_detach(&s);
}

#define EXPECT_EXPR(text, exact, want)                  \
	do {                                            \
		char *got_ = expr(text, exact);         \
		ck_assert_str_eq(got_, want);           \
		free(got_);                             \
	} while (0)

START_TEST(words_phrases_and_prefixes)
{
	EXPECT_EXPR("cau vuot", false, "\"cau\" AND \"vuot\"");
	EXPECT_EXPR("cau vuot", true, "");
	EXPECT_EXPR("Cầu vượt", false, "\"cau\" AND \"vuot\"");
	EXPECT_EXPR("Cầu vượt", true, "\"cầu\" AND \"vượt\"");
	EXPECT_EXPR("Đà nang", false, "\"da\" AND \"nang\"");
	EXPECT_EXPR("Đà nang", true, "\"đà\"");
	EXPECT_EXPR("\"cầu vuot\" ha*", false, "\"cau vuot\" AND \"ha\"*");
	EXPECT_EXPR("\"cầu vuot\" hà*", true, "\"cầu\" AND \"hà\"*");
	EXPECT_EXPR("\"cau vuot\"*", false, "\"cau vuot\"*");
	EXPECT_EXPR("TP.HCM", false, "\"tp hcm\"");
	EXPECT_EXPR("a\"b", false, "\"a\" AND \"b\"");
	EXPECT_EXPR("NOT OR AND", false, "\"not\" AND \"or\" AND \"and\"");
}
END_TEST

START_TEST(nothing_to_search)
{
	SearchQuery q;
	ck_assert(!search_parse("*** ,,, \"\"", &q));
	search_query_release(&q);
	ck_assert(!search_parse("", &q));
	search_query_release(&q);
	ck_assert(!search_parse("\xff", &q));
	search_query_release(&q);
	ck_assert(search_parse("cau\xcc\x80", &q)); /* NFD input is normalised */
	ck_assert_str_eq(q.words[0].lower, "caù");
	search_query_release(&q);
}
END_TEST

START_TEST(snippet_marks_the_matching_words)
{
	SearchQuery q;
	Snippet sn;
	ck_assert(search_parse("da nang", &q));
	ck_assert(search_snippet(&q, "Người dân\nđi qua cầu Rồng ở Đà Nẵng.", 30, &sn));
	ck_assert_str_eq(str_cstr(&sn.text), "Người dân đi qua cầu Rồng ở Đà Nẵng.");
	ck_assert_uint_eq(sn.nmarks, 2);
	ck_assert(strncmp(sn.text.s + sn.marks[0].start, "Đà", sn.marks[0].end - sn.marks[0].start) == 0);
	snippet_release(&sn);
	ck_assert(!search_snippet(&q, "Không có gì.", 30, &sn));
	ck_assert_str_eq(str_cstr(&sn.text), "Không có gì.");
	snippet_release(&sn);
	search_query_release(&q);
}
END_TEST

START_TEST(snippet_cuts_around_the_first_match)
{
	SearchQuery q;
	Snippet sn;
	Str text = STR_INIT;
	for (int i = 0; i < 100; i++)
		str_addf(&text, "từ%d ", i);
	str_adds(&text, "cầu vượt");
	for (int i = 0; i < 100; i++)
		str_addf(&text, " chữ%d", i);
	ck_assert(search_parse("vượt", &q));
	ck_assert(search_snippet(&q, str_cstr(&text), 12, &sn));
	ck_assert(strncmp(str_cstr(&sn.text), "…", strlen("…")) == 0);
	ck_assert(strstr(str_cstr(&sn.text), "cầu vượt") != NULL);
	ck_assert(strstr(str_cstr(&sn.text), " …") != NULL);
	ck_assert(strstr(str_cstr(&sn.text), "từ10 ") == NULL);
	ck_assert_uint_eq(sn.nmarks, 1);
	snippet_release(&sn);
	search_query_release(&q);
	str_release(&text);
}
END_TEST

START_TEST(marked_words_match_only_as_written)
{
	SearchQuery q;
	ck_assert(search_parse("cầu", &q));
	ck_assert(search_word_matches(&q, "Cầu", strlen("Cầu")));
	ck_assert(!search_word_matches(&q, "câu", strlen("câu")));
	search_query_release(&q);
	ck_assert(search_parse("cau th*", &q));
	ck_assert(search_word_matches(&q, "câu", strlen("câu")));
	ck_assert(search_word_matches(&q, "thông", strlen("thông")));
	ck_assert(!search_word_matches(&q, "cautious", strlen("cautious")));
	search_query_release(&q);
}
END_TEST

START_TEST(an_article_shows_the_field_that_matches)
{
	SearchQuery q;
	Snippet sn;
	Article a;
	article_init(&a);
	article_set(&a.sapo, "Sapo không liên quan.");
	article_set(&a.body, "Thân bài nói về cầu Rồng.");
	article_set(&a.byline, "Tin: Trần Thị Mai");
	ck_assert(search_parse("cau rong", &q));
	search_article_snippet(&q, &a, 30, &sn);
	ck_assert_str_eq(str_cstr(&sn.text), "Thân bài nói về cầu Rồng.");
	snippet_release(&sn);
	search_query_release(&q);
	ck_assert(search_parse("mai", &q));
	search_article_snippet(&q, &a, 30, &sn);
	ck_assert_str_eq(str_cstr(&sn.text), "Tin: Trần Thị Mai");
	snippet_release(&sn);
	search_query_release(&q);
	ck_assert(search_parse("hoa binh", &q));
	search_article_snippet(&q, &a, 30, &sn);
	ck_assert_str_eq(str_cstr(&sn.text), "Sapo không liên quan.");
	ck_assert_uint_eq(sn.nmarks, 0);
	snippet_release(&sn);
	search_query_release(&q);
	article_release(&a);
}
END_TEST

static Suite *search_suite(void)
{
	Suite *s = suite_create("search");
	ADD_TEST(s, words_phrases_and_prefixes);
	ADD_TEST(s, nothing_to_search);
	ADD_TEST(s, snippet_marks_the_matching_words);
	ADD_TEST(s, snippet_cuts_around_the_first_match);
	ADD_TEST(s, marked_words_match_only_as_written);
	ADD_TEST(s, an_article_shows_the_field_that_matches);
	return s;
}

CHECK_MAIN(search_suite)
