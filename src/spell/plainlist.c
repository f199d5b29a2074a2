/*
 * plainlist.c: a system dictionary that is nothing but a list of words (no affixes, no flags,
 * no rules that change how a word is looked up, UTF-8), read as a sorted list instead of
 * opening the dictionary library: vi_VN is such a list of single syllables, and the library
 * would hold it in close to a megabyte where the list takes its file's size and an index.
 * The list answers only where its answer is certainly the library's: a word of lower-case
 * letters is known exactly when it is one of the lines. Anything else (digits, dots, hyphens,
 * capitals, other characters: the library's own rules for numbers, abbreviations and breaks)
 * is left to the library, opened then. The lines are found by a hash index, a look-up
 * touching a slot and the line (a first look at a word in a fresh checker costs two cache
 * misses, where a search of the sorted list cost one for each of its thirteen steps).
 */
#include "spell/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "base/utf8.h"
#include "base/xalloc.h"
#include "spell/table.h"
#include "base/banned.h"

#define PLAIN_MAX_FILE (4u << 20) /* a larger list is left to the library */
#define PLAIN_MAX_WORD 100        /* bytes: the library's own limit is of this order */

/* A line of the list in the index: its offset + 1 in text (0: a free slot), its hash's top. */
typedef struct PlainSlot {
	uint32_t at;
	uint32_t hash;
} PlainSlot;

struct PlainList {
	char *text;      /* the .dic file, each line ended by a NUL */
	PlainSlot *slot; /* the lines' index: a power of two slots, at most half of them used */
	size_t mask;     /* slots - 1 */
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

/* The slot of w: where it is, or the free slot where it would go. */
static PlainSlot *plain_find(const PlainList *l, const char *w, size_t len, uint64_t h)
{
	for (size_t i = (size_t)h & l->mask;; i = (i + 1) & l->mask) {
		PlainSlot *s = &l->slot[i];
		const char *e;
		if (!s->at)
			return s;
		e = l->text + s->at - 1;
		if (s->hash == (uint32_t)(h >> 32) && strncmp(e, w, len) == 0 && e[len] == '\0')
			return s;
	}
}

PlainList *plain_read(const char *aff, const char *dic)
{
	Str text = STR_INIT;
	char err[256];
	PlainList *l;
	size_t lines = 0, cap = 64;
	char *p, *line;

	if (!plain_affixes(aff) || !file_read(dic, PLAIN_MAX_FILE, &text, err, sizeof(err)) ||
	    !text.s || text.s[0] < '0' || text.s[0] > '9' || !utf8_valid(text.s, text.len, NULL)) {
		str_release(&text);
		return NULL;
	}
	for (size_t i = 0; i < text.len; i++)
		lines += text.s[i] == '\n';
	while (cap < 2 * (lines + 1))
		cap *= 2;
	l = xcalloc(1, sizeof(*l));
	l->slot = xcalloc(cap, sizeof(*l->slot));
	l->mask = cap - 1;
	l->text = str_detach(&text);
	p = strchr(l->text, '\n'); /* the first line is the count */
	for (p = p ? p + 1 : NULL; p && *p; p = line) {
		size_t len;
		uint64_t h;
		PlainSlot *s;
		line = strchr(p, '\n');
		if (line)
			*line++ = '\0';
		if (strpbrk(p, "/\\\t \r")) { /* flags, escapes, fields: the library's to read */
			plain_free(l);
			return NULL;
		}
		if (!*p)
			continue;
		len = strlen(p);
		h = table_hash(p, len);
		s = plain_find(l, p, len, h);
		if (!s->at) { /* a line given twice is indexed once */
			s->at = (uint32_t)(p - l->text) + 1;
			s->hash = (uint32_t)(h >> 32);
		}
	}
	return l;
}

void plain_free(PlainList *l)
{
	if (!l)
		return;
	free(l->text);
	free(l->slot);
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
	if (!plain_word(w, len))
		return -1;
	return plain_find(l, w, len, table_hash(w, len))->at != 0;
}
