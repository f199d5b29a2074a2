/*
 * plainlist.c: a system dictionary that is nothing but a list of words (no affixes, no flags,
 * no rules that change how a word is looked up, UTF-8), read as a sorted list instead of
 * opening the dictionary library: vi_VN is such a list of single syllables, and the library
 * would hold it in close to a megabyte where the list takes its file's size and an index.
 * The list answers only where its answer is certainly the library's: a word of lower-case
 * letters is known exactly when it is one of the lines. Anything else (digits, dots, hyphens,
 * capitals, other characters: the library's own rules for numbers, abbreviations and breaks)
 * is left to the library, opened then.
 */
#include "spell/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "base/utf8.h"
#include "base/xalloc.h"
#include "base/banned.h"

#define PLAIN_MAX_FILE (4u << 20) /* a larger list is left to the library */
#define PLAIN_MAX_WORD 100        /* bytes: the library's own limit is of this order */

struct PlainList {
	char *text;      /* the .dic file, each line ended by a NUL */
	const char **word; /* the words in text, in byte order */
	size_t n;
};

/* The settings that only shape suggestions (or name the file): anything else may change an
 * answer, and then the library must be asked. */
static bool plain_affixes(const char *aff)
{
	static const char *const only_suggest[] = {"TRY", "MAP", "REP", "KEY", "NAME", "VERSION",
		"HOME"};
	Str text = STR_INIT;
	char err[256];
	bool plain = file_read(aff, PLAIN_MAX_FILE, &text, err, sizeof(err)), utf8 = false;

	for (char *p = text.s, *line; plain && p && *p; p = line) {
		char key[16] = "", val[32] = "";
		line = strchr(p, '\n');
		if (line)
			*line++ = '\0';
		if (sscanf(p, "%15s %31s", key, val) < 1 || key[0] == '#')
			continue;
		if (strcmp(key, "SET") == 0) {
			utf8 = strcmp(val, "UTF-8") == 0;
			continue;
		}
		plain = false;
		for (size_t i = 0; i < sizeof(only_suggest) / sizeof(only_suggest[0]); i++)
			plain = plain || strcmp(key, only_suggest[i]) == 0;
	}
	str_release(&text);
	return plain && utf8;
}

static int cmp_word(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

PlainList *plain_read(const char *aff, const char *dic)
{
	Str text = STR_INIT;
	char err[256];
	PlainList *l;
	size_t cap = 0;
	char *p, *line;

	if (!plain_affixes(aff) || !file_read(dic, PLAIN_MAX_FILE, &text, err, sizeof(err)) ||
	    !text.s || text.s[0] < '0' || text.s[0] > '9' || !utf8_valid(text.s, text.len, NULL)) {
		str_release(&text);
		return NULL;
	}
	l = xcalloc(1, sizeof(*l));
	l->text = str_detach(&text);
	p = strchr(l->text, '\n'); /* the first line is the count */
	for (p = p ? p + 1 : NULL; p && *p; p = line) {
		line = strchr(p, '\n');
		if (line)
			*line++ = '\0';
		if (strpbrk(p, "/\\\t \r")) { /* flags, escapes, fields: the library's to read */
			plain_free(l);
			return NULL;
		}
		if (!*p)
			continue;
		xgrow(&l->word, &cap, l->n + 1, sizeof(*l->word));
		l->word[l->n++] = p;
	}
	if (l->n)
		qsort(l->word, l->n, sizeof(*l->word), cmp_word);
	l->word = l->n ? xrealloc(l->word, l->n * sizeof(*l->word)) : l->word;
	return l;
}

void plain_free(PlainList *l)
{
	if (!l)
		return;
	free(l->text);
	free(l->word);
	free(l);
}

/* Lower-case letters only: the words whose answer is a plain look-up in the library too. */
static bool plain_word(const char *w, size_t len)
{
	if (len == 0 || len >= PLAIN_MAX_WORD)
		return false;
	for (size_t i = 0; i < len;) {
		int32_t cp;
		size_t n = utf8_decode(w + i, len - i, &cp);
		if (n == 0)
			return false;
		if (cp < 0x80 ? !(cp >= 'a' && cp <= 'z')
			      : !(utf8_is_letter(cp) && !utf8_is_upper(cp) && utf8_upper(cp) != cp))
			return false;
		i += n;
	}
	return true;
}

int plain_spell(const PlainList *l, const char *w, size_t len)
{
	size_t lo = 0, hi = l->n;

	if (!plain_word(w, len))
		return -1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *e = l->word[mid];
		int c = strncmp(e, w, len);
		if (c == 0)
			c = e[len] != '\0';
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}
