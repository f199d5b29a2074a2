/*
 * spell_inject.h: spell_eval's evaluation on clean articles with injected mistakes (included
 * by spell_eval.c only).
 *
 * Each article is read whole; about one word in RATE (lower-case Vietnamese syllables only)
 * is replaced, half by a real-word error (a one-edit neighbour that is itself a word: another
 * tone, s/x, ch/tr, d/gi/r, l/n, c/t, n/ng, a vowel mark), half by a non-word slip (a letter
 * dropped, doubled or swapped with the next, a keyboard neighbour, a Telex tone key left at
 * the end, the marks all left out). The same seed gives the same mistakes. The checker then
 * runs on the clean text (false alarms per 2,000 words) and on the damaged text (precision and
 * recall of real-word and non-word findings, and how often the first suggestion restores the
 * word), at each margin asked for.
 */
#include "base/utf8.h"
#include "spell/internal.h"
#include "viet/letter.h"

typedef struct Injected {
	size_t start, end; /* in the damaged text */
	bool real;         /* a real-word error (else a non-word) */
	char *orig;        /* the word replaced */
	bool hit;
} Injected;

typedef struct NewsCounts {
	size_t words, clean_alarms;
	size_t found[2], found_ok[2], labels[2], hit[2], first_ok[2];
} NewsCounts;

static uint64_t rng_next(uint64_t *s)
{
	*s = *s * 6364136223846793005ull + 1442695040888963407ull;
	return *s >> 33;
}

/* A real-word neighbour of the lower-case syllable w that the checker accepts. */
static bool inject_real(Speller *sp, const char *w, size_t len, uint64_t *seed, Str *out)
{
	Str list = STR_INIT;
	const char *pick[64];
	size_t n = 0;

	neighbour_list(w, len, &list);
	for (size_t i = 0; i < list.len && n < 64; i += strlen(list.s + i) + 1) {
		const char *x = list.s + i + 1;
		if (spell_word_ok(sp, x, strlen(x)))
			pick[n++] = x;
	}
	if (n)
		str_adds(out, pick[rng_next(seed) % n]);
	str_release(&list);
	return n > 0;
}

/* A key next to c on the keyboard (c itself for a letter off the plain rows). */
static int32_t near_key(int32_t c, uint64_t *seed)
{
	static const char *const rows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};

	for (int r = 0; r < 3; r++) {
		const char *p = c < 0x80 ? strchr(rows[r], (int)c) : NULL;
		size_t at, len = strlen(rows[r]);
		if (!p || !c)
			continue;
		at = (size_t)(p - rows[r]);
		if (at == 0 || (at + 1 < len && rng_next(seed) % 2))
			return rows[r][at + 1];
		return rows[r][at - 1];
	}
	return c;
}

/* A typing slip of w that the checker does not accept as a word. */
static bool inject_slip(Speller *sp, const char *w, size_t len, uint64_t *seed, Str *out)
{
	static const char *const tone_key = "sfrxj";
	int32_t cp[32];
	size_t n = 0, i = 0, used;

	while (i < len && n < 32 && (used = utf8_decode(w + i, len - i, &cp[n]))) {
		i += used;
		n++;
	}
	for (int tries = 0; tries < 8 && n >= 2; tries++) {
		size_t at = rng_next(seed) % n;
		str_clear(out);
		switch (rng_next(seed) % 6) {
		case 0: /* a letter dropped */
			for (size_t k = 0; k < n; k++)
				if (k != at)
					utf8_add(out, cp[k]);
			break;
		case 1: /* a letter doubled */
			for (size_t k = 0; k < n; k++) {
				utf8_add(out, cp[k]);
				if (k == at)
					utf8_add(out, cp[k]);
			}
			break;
		case 2: /* two letters swapped */
			for (size_t k = 0; k < n; k++)
				utf8_add(out, k == at && k + 1 < n ? cp[k + 1] : k == at + 1 ? cp[at] : cp[k]);
			break;
		case 3: /* a keyboard neighbour */
			for (size_t k = 0; k < n; k++)
				utf8_add(out, k == at ? near_key(cp[k], seed) : cp[k]);
			break;
		case 4: /* the tone key left: the word toneless and a Telex key after it */
			for (size_t k = 0; k < n; k++) {
				Tone t;
				utf8_add(out, viet_untone(cp[k], &t));
			}
			str_addc(out, tone_key[rng_next(seed) % 5]);
			break;
		default: /* every mark left out */
			viet_fold_str(w, len, out);
			break;
		}
		if (out->len && !spell_word_ok(sp, out->s, out->len))
			return true;
	}
	return false;
}

/* Is the token a lower-case word the injection may damage? */
static bool injectable(const char *s, const Token *t)
{
	Syllable syl;

	return t->kind == TOK_WORD && !(t->flags & (TF_UPPER_FIRST | TF_ALL_UPPER | TF_DIGIT)) &&
	       syllable_parse(s + t->start, t->end - t->start, &syl) == SYL_OK;
}

/* The damaged copy of text and its labels. */
static size_t inject(Speller *sp, const Str *text, uint64_t *seed, unsigned rate, Str *out,
	Injected **labels, size_t *cap)
{
	size_t off = 0, n = 0;
	Str rep = STR_INIT;

	while (off < text->len) {
		Token t;
		off = token_next(text->s, text->len, off, &t);
		str_clear(&rep);
		if (injectable(text->s, &t) && rng_next(seed) % rate == 0) {
			bool real = rng_next(seed) % 2 == 0;
			const char *w = text->s + t.start;
			size_t len = t.end - t.start;
			if (real ? inject_real(sp, w, len, seed, &rep) : inject_slip(sp, w, len, seed, &rep)) {
				xgrow(labels, cap, n + 1, sizeof(**labels));
				(*labels)[n] = (Injected){out->len, out->len + rep.len, real,
					xstrndup(w, len), false};
				n++;
				str_add(out, rep.s, rep.len);
				continue;
			}
		}
		str_add(out, text->s + t.start, t.end - t.start);
	}
	str_release(&rep);
	return n;
}

static void score_injected(const FindingList *fl, Injected *lab, size_t n, NewsCounts *c)
{
	for (size_t i = 0; i < n; i++)
		c->labels[!lab[i].real]++;
	for (size_t f = 0; f < fl->n; f++) {
		const Finding *x = &fl->items[f];
		int k = x->kind == FIND_REAL_WORD ? 0 :
			x->kind == FIND_SPELLING || x->kind == FIND_CHARACTER ? 1 : -1;
		bool ok = false;
		if (k < 0 || x->severity == SEV_STYLE)
			continue;
		c->found[k]++;
		for (size_t i = 0; i < n; i++) {
			if (lab[i].real != (k == 0) || x->start >= lab[i].end || lab[i].start >= x->end)
				continue;
			ok = true;
			if (!lab[i].hit) {
				lab[i].hit = true;
				c->hit[k]++;
				c->first_ok[k] += x->nsuggestions && strcmp(x->suggestions[0], lab[i].orig) == 0;
			}
		}
		c->found_ok[k] += ok;
	}
}

static size_t count_words(const Str *text)
{
	size_t off = 0, n = 0;
	Token t;

	while (off < text->len) {
		off = token_scan(text->s, text->len, off, &t);
		n += t.kind == TOK_WORD;
	}
	return n;
}

/* Errors and warnings on a clean text: each is a false alarm. */
static size_t alarms(const FindingList *fl, bool verbose, const Str *text)
{
	size_t n = 0;

	for (size_t f = 0; f < fl->n; f++) {
		if (fl->items[f].severity == SEV_STYLE)
			continue;
		n++;
		if (verbose)
		{
			size_t a = fl->items[f].start, b = fl->items[f].end;
			size_t c0 = a > 24 ? a - 24 : 0, c1 = b + 24 < text->len ? b + 24 : text->len;
			while (c0 > 0 && (text->s[c0] & 0xC0) == 0x80)
				c0--;
			while (c1 < text->len && (text->s[c1] & 0xC0) == 0x80)
				c1++;
			printf("  alarm %s '%.*s' -> %s   [%.*s]\n", finding_kind_name(fl->items[f].kind),
				(int)(b - a), text->s + a,
				fl->items[f].nsuggestions ? fl->items[f].suggestions[0] : "",
				(int)(c1 - c0), text->s + c0);
		}
	}
	return n;
}
