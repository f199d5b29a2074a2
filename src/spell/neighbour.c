/*
 * neighbour.c: the Vietnamese one-edit neighbours of a syllable, the candidates of the
 * noisy channel. An edit is one slip a writer makes: another tone; another vowel mark (a ă â,
 * e ê, o ô ơ, u ư, ươ uô); i for y; an initial confused by sound (s/x, ch/tr, d/gi/r/v, l/n,
 * d/đ); a final confused by sound (c/t/ch, n/ng/nh). Every neighbour is written correctly (c/k,
 * g/gh, ng/ngh rules) with the tone in the old placement (hòa), the one the model keeps
 * for both. A word typed without any mark gets every marked
 * reading instead (rat -> rất, rát, rạt...).
 */
#include "spell/internal.h"

#include <string.h>

#include "base/utf8.h"
#include "viet/letter.h"
#include "base/banned.h"

/* Appends letters L[0, n) with tone t, correctly spelt in the old placement, preceded by
 * the class byte and ended by a NUL. */
static void emit(const int32_t *L, size_t n, Tone t, char cls, Str *out)
{
	Str s = STR_INIT, w = STR_INIT;
	Syllable v;

	for (size_t i = 0; i < n; i++)
		utf8_add(&s, L[i]);
	if (s.len && syllable_parse(s.s, s.len, &v) <= SYL_SPELLING && v.tone == TONE_NONE &&
	    !(t != TONE_NONE && syllable_is_stop(&v) && t != TONE_ACUTE && t != TONE_DOT)) {
		v.tone = t;
		v.tone_at = v.place_old;
		if (syllable_respell(&v, PLACE_OLD, &w)) {
			str_addc(out, cls);
			str_add(out, w.s, w.len);
			str_addc(out, '\0');
		}
	}
	str_release(&s);
	str_release(&w);
}

/* The vowel-mark choices of a toneless lower-case letter (0 ends the list). */
static const int32_t *marks(int32_t c)
{
	static const int32_t a[] = {'a', 0x103, 0xE2, 0}, e[] = {'e', 0xEA, 0},
			     o[] = {'o', 0xF4, 0x1A1, 0}, u[] = {'u', 0x1B0, 0}, d[] = {'d', 0x111, 0};
	switch (viet_fold(c)) {
	case 'a': return a;
	case 'e': return e;
	case 'o': return o;
	case 'u': return u;
	case 'd': return d;
	default: return NULL;
	}
}

static void tones(const Syllable *syl, Str *out)
{
	for (int t = TONE_NONE; t <= TONE_DOT; t++)
		if ((Tone)t != syl->tone)
			emit(syl->base, syl->n, (Tone)t, NB_TONE, out);
}

static void vowels(const Syllable *syl, Str *out)
{
	int32_t L[SYL_MAX];

	for (size_t i = syl->vstart; i < syl->vend; i++) {
		const int32_t *m = marks(syl->base[i]);
		for (; m && *m; m++) {
			if (*m == syl->base[i])
				continue;
			memcpy(L, syl->base, sizeof(L));
			L[i] = *m;
			emit(L, syl->n, syl->tone, NB_VOWEL, out);
		}
		if (syl->base[i] == 'i' || syl->base[i] == 'y') {
			memcpy(L, syl->base, sizeof(L));
			L[i] = syl->base[i] == 'i' ? 'y' : 'i';
			emit(L, syl->n, syl->tone, NB_IY, out);
		}
		if (i + 1 < syl->vend && ((syl->base[i] == 0x1B0 && syl->base[i + 1] == 0x1A1) ||
		                         (syl->base[i] == 'u' && syl->base[i + 1] == 0xF4))) {
			memcpy(L, syl->base, sizeof(L));
			L[i] = L[i] == 'u' ? 0x1B0 : 'u';
			L[i + 1] = L[i + 1] == 0xF4 ? 0x1A1 : 0xF4;
			emit(L, syl->n, syl->tone, NB_VOWEL, out);
		}
	}
}

/* The letters of syl with its first k letters replaced by the ASCII string ini. */
static size_t with_initial(const Syllable *syl, size_t k, const char *ini, int32_t *L)
{
	size_t n = 0, i = 0, used;
	int32_t c;

	while (ini[i] && (used = utf8_decode(ini + i, strlen(ini + i), &c))) {
		L[n++] = c;
		i += used;
	}
	for (size_t j = k; j < syl->n && n < SYL_MAX; j++)
		L[n++] = syl->base[j];
	return n;
}

static void initials(const Syllable *syl, Str *out)
{
	static const char *const groups[][5] = {
		{"s", "x", NULL}, {"ch", "tr", NULL}, {"d", "gi", "r", "v", NULL}, {"l", "n", NULL},
		{"d", "đ", NULL},
	};
	char ini[16] = "";
	size_t k = 0, len = 0;
	int32_t L[SYL_MAX];

	for (; k < syl->ninit && len + 4 < sizeof(ini); k++)
		len += utf8_encode(syl->base[k], ini + len);
	ini[len] = '\0';
	if (strcmp(ini, "gi") == 0 && syl->vstart < 2)
		k = 1; /* gì, gìn: the i is the vowel */
	for (size_t g = 0; g < sizeof(groups) / sizeof(groups[0]); g++) {
		bool in = false;
		for (int a = 0; groups[g][a]; a++)
			in |= strcmp(ini, groups[g][a]) == 0;
		for (int b = 0; in && groups[g][b]; b++)
			if (strcmp(ini, groups[g][b]) != 0)
				emit(L, with_initial(syl, k, groups[g][b], L), syl->tone, NB_INITIAL, out);
	}
}

static void finals(const Syllable *syl, Str *out)
{
	static const char *const groups[][4] = {{"c", "t", "ch", NULL}, {"n", "ng", "nh", NULL}};
	int32_t L[SYL_MAX];
	char fin[8] = "";
	size_t k = syl->vend, len = 0;

	if (k >= syl->n || syl->n - k > 2)
		return;
	for (size_t i = k; i < syl->n; i++)
		fin[len++] = (char)syl->base[i];
	for (size_t g = 0; g < 2; g++) {
		bool in = false;
		for (int a = 0; groups[g][a]; a++)
			in |= strcmp(fin, groups[g][a]) == 0;
		for (int b = 0; in && groups[g][b]; b++) {
			size_t n = k;
			if (strcmp(fin, groups[g][b]) == 0)
				continue;
			memcpy(L, syl->base, k * sizeof(*L));
			for (const char *c = groups[g][b]; *c && n < SYL_MAX; c++)
				L[n++] = *c;
			emit(L, n, syl->tone, NB_FINAL, out);
		}
	}
}

void neighbour_list(const char *s, size_t len, Str *out)
{
	Syllable syl;

	if (syllable_parse(s, len, &syl) != SYL_OK)
		return;
	tones(&syl, out);
	vowels(&syl, out);
	initials(&syl, out);
	finals(&syl, out);
}

/* Every marked reading of a word written with no mark (rat: rất, rát, rạt, rắt ...). */
void neighbour_marked(const char *s, size_t len, Str *out)
{
	Syllable syl;
	int32_t L[SYL_MAX];
	size_t total = 1, nopt[SYL_MAX];
	const int32_t *opt[SYL_MAX];
	static const int32_t self[1] = {0};

	if (syllable_parse(s, len, &syl) != SYL_OK || syl.tone != TONE_NONE)
		return;
	for (size_t i = 0; i < syl.n; i++) {
		opt[i] = marks(syl.base[i]);
		nopt[i] = 1;
		if (opt[i])
			for (nopt[i] = 0; opt[i][nopt[i]]; nopt[i]++)
				;
		else
			opt[i] = self;
		total *= nopt[i];
	}
	for (size_t k = 0; k < total && total <= 64; k++) {
		size_t r = k;
		for (size_t i = 0; i < syl.n; i++) {
			L[i] = opt[i] == self ? syl.base[i] : opt[i][r % nopt[i]];
			r /= nopt[i];
		}
		for (int t = TONE_NONE; t <= TONE_DOT; t++)
			if (k || t)
				emit(L, syl.n, (Tone)t, NB_MARKS, out);
	}
}
