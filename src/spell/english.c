/*
 * english.c: a sieve in front of the English dictionary. Opening the dictionary takes several
 * megabytes and tens of milliseconds, and most words the checker asks it about are Vietnamese
 * typing mistakes (rawngf, ddoocj, nguyeen) that no English word resembles. The sieve holds
 * every form the dictionary's words can take (each word with each of its prefixes and
 * suffixes, their conditions ignored, in lower case) as a bit set of hashes: a word whose form
 * is not in it is certainly not English, and the dictionary need not be opened to say so. A
 * word that passes is asked of the dictionary itself, so the answers are the dictionary's.
 * Words with anything but letters (digits, apostrophes, hyphens, dots: the dictionary's own
 * rules for numbers, ordinals and breaks) always go to the dictionary.
 */
#include "spell/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "base/utf8.h"
#include "base/xalloc.h"
#include "base/banned.h"

#define SIEVE_HASHES 6

typedef struct Affix {
	bool prefix;
	unsigned char flag;
	char *strip, *add, *cont; /* cont: the flags the affixed form takes in turn */
} Affix;

typedef struct AffixSet {
	Affix *a;
	size_t n, cap;
} AffixSet;

struct EnglishSieve {
	uint64_t *bits;
	uint64_t mask; /* 64-bit words in the set - 1 (a power of two) */
};

/* The line at *p (its newline made NUL), *p moved past it; NULL at the end. */
static char *next_line(char **p)
{
	char *line = *p, *nl;
	if (!line || !*line)
		return NULL;
	nl = strchr(line, '\n');
	if (nl)
		*nl++ = '\0';
	*p = nl;
	return line;
}

static char *field_copy(const char *s)
{
	return xstrdup(strcmp(s, "0") == 0 ? "" : s);
}

/* "PFX A 0 re ." and "SFX N y ied [^aeiou]y": the rules, not the headers. */
static void read_affixes(char *text, AffixSet set[256])
{
	for (char *p = text, *line; (line = next_line(&p));) {
		char kind[8], flag[8], strip[64], add[128], cond[128];
		if (sscanf(line, "%7s %7s %63s %127s %127s", kind, flag, strip, add, cond) != 5 ||
		    (strcmp(kind, "PFX") != 0 && strcmp(kind, "SFX") != 0) || strlen(flag) != 1)
			continue;
		if (strcmp(strip, "Y") == 0 || strcmp(strip, "N") == 0)
			continue; /* a header with a fifth word */
		char *slash = strchr(add, '/');
		AffixSet *by = &set[(unsigned char)flag[0]];
		xgrow(&by->a, &by->cap, by->n + 1, sizeof(*by->a));
		Affix *a = &by->a[by->n++];
		a->prefix = kind[0] == 'P';
		a->flag = (unsigned char)flag[0];
		a->cont = xstrdup(slash ? slash + 1 : "");
		if (slash)
			*slash = '\0';
		a->strip = field_copy(strip);
		a->add = field_copy(add);
	}
}

static void affixes_release(AffixSet set[256])
{
	for (int f = 0; f < 256; f++) {
		for (size_t i = 0; i < set[f].n; i++) {
			free(set[f].a[i].strip);
			free(set[f].a[i].add);
			free(set[f].a[i].cont);
		}
		free(set[f].a);
	}
}

/* A form's bits all lie in one 64-bit word of the set (one memory access a form): the word
 * from the low bits of its hash, the bits from six-bit slices of the high ones. */
static uint64_t form_bits(uint64_t h)
{
	uint64_t bits = 0;
	for (int k = 0; k < SIEVE_HASHES; k++)
		bits |= 1ull << ((h >> (28 + 6 * k)) & 63);
	return bits;
}

/* w in lower case, into out (cap bytes); the length, or 0 when it does not fit. */
static size_t lower(const char *w, size_t len, char *out, size_t cap)
{
	size_t i = 0;
	while (i < len && !((unsigned char)w[i] & 0x80))
		i++;
	if (i < len) {
		Str lo = STR_INIT;
		utf8_lower_str(w, len, &lo);
		size_t n = lo.len < cap ? lo.len : 0;
		if (n)
			memcpy(out, lo.s, n);
		str_release(&lo);
		return n;
	}
	if (len >= cap)
		return 0;
	for (i = 0; i < len; i++)
		out[i] = w[i] >= 'A' && w[i] <= 'Z' ? (char)(w[i] + 32) : w[i];
	return len;
}

static void sieve_put(EnglishSieve *s, const char *w, size_t len)
{
	char lo[512];
	size_t n = lower(w, len, lo, sizeof lo);
	uint64_t h = table_hash(lo, n);
	if (n)
		s->bits[h & s->mask] |= form_bits(h);
}

/* The form of w (wl bytes) with affix a, into out; false when a strips what w lacks. */
static bool affixed(const char *w, size_t wl, const Affix *a, char *out, size_t cap)
{
	size_t sl = strlen(a->strip), al = strlen(a->add);
	if (sl > wl || wl - sl + al >= cap)
		return false;
	if (a->prefix) {
		if (memcmp(w, a->strip, sl) != 0)
			return false;
		memcpy(out, a->add, al);
		memcpy(out + al, w + sl, wl - sl);
	} else {
		if (memcmp(w + wl - sl, a->strip, sl) != 0)
			return false;
		memcpy(out, w, wl - sl);
		memcpy(out + wl - sl, a->add, al);
	}
	out[wl - sl + al] = '\0';
	return true;
}

/*
 * Puts w and every form its flags give: a prefix, a suffix, or both (the dictionary takes one
 * of each at most), and what the affix's own flags allow in turn.
 */
static void put_forms(EnglishSieve *s, const AffixSet *set, const char *w, const char *flags,
		      int kinds, int depth)
{
	size_t wl = strlen(w);
	sieve_put(s, w, wl);
	if (depth >= 3)
		return;
	for (const char *f = flags; *f; f++) {
		const AffixSet *by = &set[(unsigned char)*f];
		for (size_t i = 0; i < by->n; i++) {
			const Affix *a = &by->a[i];
			char form[256];
			int kind = a->prefix ? 1 : 2;
			if (!(kinds & kind) || !affixed(w, wl, a, form, sizeof form))
				continue;
			put_forms(s, set, form, flags, kinds & ~kind, depth + 1);
			if (*a->cont)
				put_forms(s, set, form, a->cont, 3, depth + 1);
		}
	}
}

static size_t pow2_at_least(size_t n)
{
	size_t p = 1;
	while (p < n)
		p <<= 1;
	return p;
}

EnglishSieve *sieve_build(const char *aff, const char *dic)
{
	Str a = STR_INIT, d = STR_INIT;
	AffixSet *set = xcalloc(256, sizeof(*set));
	EnglishSieve *s = NULL;
	char err[256];
	if (!file_read(aff, 16u << 20, &a, err, sizeof err) ||
	    !file_read(dic, 64u << 20, &d, err, sizeof err) || !utf8_valid(d.s, d.len, NULL))
		goto fail;
	read_affixes(a.s, set);
	s = xcalloc(1, sizeof(*s));
	size_t words = 1;
	for (size_t i = 0; i < d.len; i++)
		words += d.s[i] == '\n';
	/* a 64-bit word for every two words of the dictionary (about 7 forms a 64-bit word) */
	s->mask = pow2_at_least(words / 2) - 1;
	s->bits = xcalloc(s->mask + 1, sizeof(*s->bits));
	char *p = d.s, *line = next_line(&p); /* the first line is the count */
	while (line && (line = next_line(&p))) {
		line[strcspn(line, " \t\r")] = '\0'; /* morphological fields after the word */
		char *slash = strchr(line, '/');
		if (slash)
			*slash++ = '\0';
		if (*line)
			put_forms(s, set, line, slash ? slash : "", 3, 0);
	}
fail:
	affixes_release(set);
	free(set);
	str_release(&a);
	str_release(&d);
	return s;
}

void sieve_free(EnglishSieve *s)
{
	if (!s)
		return;
	free(s->bits);
	free(s);
}

/* Letters only (the dictionary's special rules concern the rest). */
static bool only_letters(const char *w, size_t len)
{
	size_t i = 0, n;
	int32_t cp;
	while (i < len && (n = utf8_decode(w + i, len - i, &cp))) {
		if (!token_word_char(cp) || (cp >= '0' && cp <= '9') || cp == '_')
			return false;
		i += n;
	}
	return i == len && len > 0;
}

bool sieve_may_hold(const EnglishSieve *s, const char *w, size_t len)
{
	char lo[512];
	size_t n;
	if (!only_letters(w, len) || !(n = lower(w, len, lo, sizeof lo)))
		return true;
	uint64_t h = table_hash(lo, n), bits = form_bits(h);
	return (s->bits[h & s->mask] & bits) == bits;
}
