/*
 * search.h: what a person types into the archive search, made into the two full-text queries
 * the store runs, and the snippet shown under each hit.
 *
 * The archive is indexed twice (see the store's migration): once as written, case folded
 * only, and once with the marks taken off and đ made d. A query is words, "quoted phrases"
 * and prefixes (word*). Words are split as the index splits text: runs of letters and digits,
 * so "TP.HCM" is the phrase "tp hcm". Every word is looked for in the folded index, so
 * "cau vuot" finds "cầu vượt" and "da nang" finds "Đà Nẵng"; a word typed with marks must also
 * match as written, so "cầu" does not find "câu". All words must be present (AND).
 */
#ifndef NEWS_SEARCH_H
#define NEWS_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "base/str.h"
#include "news/article.h"

/* One word of the query. */
typedef struct SearchWord {
	char *lower;    /* as typed, NFC, lower case */
	char *folded;   /* lower case, marks removed, đ -> d */
	bool marked;    /* typed with marks: must match as written too */
	bool prefix;    /* word*: matches any word starting so */
	int group;      /* words of one phrase share a group number */
} SearchWord;

typedef struct SearchQuery {
	SearchWord *words;
	size_t n, cap;
	int groups;     /* how many phrases and lone words */
} SearchQuery;

/*
 * Parses text (UTF-8; normalised to NFC here). Returns false when it holds no word at all
 * (punctuation only, an empty string) or is not UTF-8; out is then empty. Release out with
 * search_query_release in either case.
 */
bool search_parse(const char *text, SearchQuery *out);
void search_query_release(SearchQuery *q);

/* Appends the expression for the folded index: every phrase and word, folded, ANDed. */
void search_fold_expr(const SearchQuery *q, Str *out);

/* Appends the expression for the index as written: the marked words only; "" when none. */
void search_exact_expr(const SearchQuery *q, Str *out);

/* A highlighted stretch of a snippet: bytes [start, end) of its text. */
typedef struct SearchMark {
	size_t start, end;
} SearchMark;

typedef struct Snippet {
	Str text;           /* one line: newlines made spaces, "…" where cut */
	SearchMark *marks;  /* the words that match, in order */
	size_t nmarks;
} Snippet;

/*
 * Fills sn (fresh or released) with about `words` words of text around the first word that
 * matches q, or from the start when none matches. Returns true if a word matched.
 */
bool search_snippet(const SearchQuery *q, const char *text, size_t words, Snippet *sn);
void snippet_release(Snippet *sn);

/*
 * The snippet a hit shows: from the lead when it matches, else the body, else the byline,
 * else the start of the lead (or the body when there is no lead).
 */
void search_article_snippet(const SearchQuery *q, const Article *a, size_t words, Snippet *sn);

/* True if one word of text (given whole) matches a word of q: for highlighting titles. */
bool search_word_matches(const SearchQuery *q, const char *word, size_t len);

#endif
