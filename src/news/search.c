/*
 * search.c: parsing a search, the full-text expressions and the snippets.
 *
 * Words are split exactly as the index's tokenizer splits text (letters, digits and the
 * marks that belong to them), so a query word is always one indexed word and a snippet
 * highlights the same words the index matched. Every word in an expression is a quoted
 * string, so nothing a person types can be read as an operator of the query language.
 */
#include "news/search.h"

#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/xalloc.h"
#include "viet/letter.h"
#include "base/banned.h"

static bool word_char(int32_t cp)
{
	return utf8_is_letter(cp) || (cp >= '0' && cp <= '9') || (cp >= 0x300 && cp <= 0x36F);
}

/* Finds the next word of s at or after *pos: [*start, *end). False at the end. */
static bool next_word(const char *s, size_t len, size_t *pos, size_t *start, size_t *end)
{
	size_t i = *pos, n;
	int32_t cp;

	while (i < len && (n = utf8_decode(s + i, len - i, &cp)) && !word_char(cp))
		i += n;
	if (i >= len) {
		*pos = len;
		return false;
	}
	*start = i;
	while (i < len && (n = utf8_decode(s + i, len - i, &cp)) && word_char(cp))
		i += n;
	*end = *pos = i;
	return true;
}

static void add_word(SearchQuery *q, const char *s, size_t len, bool prefix, int group)
{
	Str lower = STR_INIT, folded = STR_INIT;
	SearchWord *w;

	if (q->n == q->cap) {
		q->cap = q->cap ? q->cap * 2 : 8;
		q->words = xrealloc(q->words, q->cap * sizeof(*q->words));
	}
	w = &q->words[q->n++];
	utf8_lower_str(s, len, &lower);
	viet_fold_str(s, len, &folded);
	w->lower = str_detach(&lower);
	w->folded = str_detach(&folded);
	if (!w->lower)
		w->lower = xstrdup("");
	if (!w->folded)
		w->folded = xstrdup("");
	w->marked = strcmp(w->lower, w->folded) != 0;
	w->prefix = prefix;
	w->group = group;
}

/* Adds the words of one stretch (a phrase, or a bare run of text up to a space). */
static void add_stretch(SearchQuery *q, const char *s, size_t len)
{
	size_t pos = 0, start, end;
	bool star = len > 0 && s[len - 1] == '*';
	size_t first = q->n;

	/* A bare stretch with punctuation inside ("TP.HCM") is a phrase too. */
	while (next_word(s, len, &pos, &start, &end))
		add_word(q, s + start, end - start, false, q->groups);
	if (q->n > first) {
		q->words[q->n - 1].prefix = star;
		q->groups++;
	}
}

bool search_parse(const char *text, SearchQuery *out)
{
	Str nfc = STR_INIT;
	const char *s;
	size_t len, i = 0;

	memset(out, 0, sizeof(*out));
	if (!text || !utf8_valid(text, strlen(text), NULL) || !utf8_nfc(text, strlen(text), &nfc)) {
		str_release(&nfc);
		return false;
	}
	s = str_cstr(&nfc);
	len = nfc.len;
	while (i < len) {
		size_t j;
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
			i++;
			continue;
		}
		if (s[i] == '"') {
			const char *close = memchr(s + i + 1, '"', len - i - 1);
			j = close ? (size_t)(close - s) : len;
			/* a star right after the closing quote makes the phrase's last word a prefix */
			bool star = close && j + 1 < len && s[j + 1] == '*';
			size_t first = out->n;
			add_stretch(out, s + i + 1, j - i - 1);
			if (star && out->n > first)
				out->words[out->n - 1].prefix = true;
			i = j + (close ? 1 : 0) + (star ? 1 : 0);
			continue;
		}
		for (j = i; j < len && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' && s[j] != '"'; j++)
			;
		add_stretch(out, s + i, j - i);
		i = j;
	}
	str_release(&nfc);
	return out->n > 0;
}

void search_query_release(SearchQuery *q)
{
	for (size_t i = 0; i < q->n; i++) {
		free(q->words[i].lower);
		free(q->words[i].folded);
	}
	free(q->words);
	memset(q, 0, sizeof(*q));
}

/* Appends text as the body of an FTS5 string ("" doubled). */
static void add_quoted(Str *out, const char *text)
{
	for (const char *c = text; *c; c++) {
		if (*c == '"')
			str_addc(out, '"');
		str_addc(out, *c);
	}
}

/* Appends group g as one FTS5 phrase of folded words, its last word a prefix if typed so. */
static void add_phrase(const SearchQuery *q, int g, Str *out)
{
	bool any = false, prefix = false;

	for (size_t i = 0; i < q->n; i++) {
		if (q->words[i].group != g)
			continue;
		str_addc(out, any ? ' ' : '"');
		add_quoted(out, q->words[i].folded);
		any = true;
		prefix = q->words[i].prefix;
	}
	if (any)
		str_adds(out, prefix ? "\"*" : "\"");
}

/* Appends the marked words of group g as written, each required on its own. */
static void add_marked(const SearchQuery *q, int g, Str *out)
{
	for (size_t i = 0; i < q->n; i++) {
		const SearchWord *w = &q->words[i];
		if (w->group != g || !w->marked)
			continue;
		if (out->len)
			str_adds(out, " AND ");
		str_addc(out, '"');
		add_quoted(out, w->lower);
		str_adds(out, w->prefix ? "\"*" : "\"");
	}
}

void search_fold_expr(const SearchQuery *q, Str *out)
{
	for (int g = 0; g < q->groups; g++) {
		if (g)
			str_adds(out, " AND ");
		add_phrase(q, g, out);
	}
}

void search_exact_expr(const SearchQuery *q, Str *out)
{
	Str e = STR_INIT;
	for (int g = 0; g < q->groups; g++)
		add_marked(q, g, &e);
	str_add(out, e.s ? e.s : "", e.len);
	str_release(&e);
}

bool search_word_matches(const SearchQuery *q, const char *word, size_t len)
{
	Str lower = STR_INIT, folded = STR_INIT;
	bool hit = false;

	utf8_lower_str(word, len, &lower);
	viet_fold_str(word, len, &folded);
	for (size_t i = 0; i < q->n && !hit; i++) {
		const SearchWord *w = &q->words[i];
		const char *have = w->marked ? str_cstr(&lower) : str_cstr(&folded);
		const char *want = w->marked ? w->lower : w->folded;
		hit = w->prefix ? strncmp(have, want, strlen(want)) == 0 : strcmp(have, want) == 0;
	}
	str_release(&lower);
	str_release(&folded);
	return hit;
}

/* Copies s[from, to) into the snippet, whitespace runs made one space. */
static void add_text(Snippet *sn, const char *s, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		char c = s[i] == '\n' || s[i] == '\t' || s[i] == '\r' ? ' ' : s[i];
		if (c == ' ' && sn->text.len && sn->text.s[sn->text.len - 1] == ' ')
			continue;
		if ((unsigned char)c < 0x20 || c == 0x7F)
			continue;
		str_addc(&sn->text, c);
	}
}

static void add_mark(Snippet *sn, size_t start, size_t end)
{
	sn->marks = xrealloc(sn->marks, (sn->nmarks + 1) * sizeof(*sn->marks));
	sn->marks[sn->nmarks++] = (SearchMark){start, end};
}

bool search_snippet(const SearchQuery *q, const char *text, size_t words, Snippet *sn)
{
	size_t len = strlen(text), pos = 0, start, end, k = 0, hit = (size_t)-1;
	size_t from, cut = 0, first_start = 0, last_end = 0;

	memset(sn, 0, sizeof(*sn));
	while (next_word(text, len, &pos, &start, &end) && hit == (size_t)-1) {
		if (search_word_matches(q, text + start, end - start))
			hit = k;
		k++;
	}
	from = hit == (size_t)-1 || hit < words / 4 ? 0 : hit - words / 4;
	pos = 0;
	k = 0;
	while (next_word(text, len, &pos, &start, &end)) {
		if (k == from)
			first_start = from ? start : 0;
		if (k >= from) {
			if (k >= from + words)
				break;
			if (k == from && from)
				str_adds(&sn->text, "…");
			add_text(sn, text, k == from ? first_start : last_end, start);
			size_t at = sn->text.len;
			add_text(sn, text, start, end);
			if (search_word_matches(q, text + start, end - start))
				add_mark(sn, at, sn->text.len);
			last_end = end;
			cut = end;
		}
		k++;
	}
	if (cut && cut < len) {
		size_t rest = cut;
		while (rest < len && !(text[rest] == ' ' || text[rest] == '\n'))
			rest++;
		add_text(sn, text, cut, rest);
		if (next_word(text, len, &rest, &start, &end))
			str_adds(&sn->text, " …");
	}
	return hit != (size_t)-1;
}

void search_article_snippet(const SearchQuery *q, const Article *a, size_t words, Snippet *sn)
{
	const char *fields[] = {a->sapo, a->body, a->byline};
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (search_snippet(q, fields[i], words, sn))
			return;
		snippet_release(sn);
	}
	search_snippet(q, *a->sapo ? a->sapo : a->body, words, sn);
}

void snippet_release(Snippet *sn)
{
	str_release(&sn->text);
	free(sn->marks);
	memset(sn, 0, sizeof(*sn));
}
