/*
 * suggest.c: ranked suggestions for a flagged word. Candidates come in tiers, best first:
 * the exact repair the verdict implies (character fix, misplaced tone, c/k rule, leftover
 * keys), then tone and vowel-mark variants ranked by how few marks change, then consonant
 * confusions, then hunspell. Every candidate except a character fix must be a word the
 * dictionaries accept; duplicates keep their first place. The written case is kept.
 */
#include "spell/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/xalloc.h"
#include "viet/letter.h"
#include "base/banned.h"

typedef struct Cands {
	char **v;
	double *score;
	size_t n, cap, max;
} Cands;

static bool cands_has(const Cands *c, const char *s)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i], s) == 0)
			return true;
	return false;
}

static void cands_add(Cands *c, const char *s, double score)
{
	if (!s || !*s || cands_has(c, s))
		return;
	xgrow(&c->v, &c->cap, c->n + 1, sizeof(*c->v));
	c->score = xrealloc(c->score, c->cap * sizeof(*c->score));
	c->v[c->n] = xstrdup(s);
	c->score[c->n++] = score;
}

/* s with the case pattern of the original word applied. */
static void recase(const char *s, size_t len, unsigned flags, Str *out)
{
	size_t i = 0, n;
	int32_t c;
	bool first = true;

	while (i < len && (n = utf8_decode(s + i, len - i, &c))) {
		if ((flags & TF_ALL_UPPER) || (first && (flags & TF_UPPER_FIRST)))
			c = utf8_upper(c);
		utf8_add(out, c);
		first = false;
		i += n;
	}
}

static bool accepted(Speller *sp, const char *s, size_t len)
{
	Str lo = STR_INIT;
	bool ok;

	word_lower(s, len, &lo);
	ok = lex_syllable(&sp->lex, lo.s, lo.len);
	str_release(&lo);
	return ok;
}

static void add_checked(Speller *sp, Cands *c, const char *s, size_t len, double score)
{
	if (len && accepted(sp, s, len))
		cands_add(c, s, score);
}

static Placement preferred(const Speller *sp)
{
	return sp->style == TONE_STYLE_NEW ? PLACE_NEW : PLACE_OLD;
}

/* The vowel-mark choices for a toneless lower-case letter. */
static size_t mark_options(int32_t c, int32_t opt[3])
{
	switch (viet_fold(c)) {
	case 'a': opt[0] = 'a'; opt[1] = 0x103; opt[2] = 0xE2; return 3;
	case 'e': opt[0] = 'e'; opt[1] = 0xEA; return 2;
	case 'o': opt[0] = 'o'; opt[1] = 0xF4; opt[2] = 0x1A1; return 3;
	case 'u': opt[0] = 'u'; opt[1] = 0x1B0; return 2;
	case 'd': opt[0] = 'd'; opt[1] = 0x111; return 2;
	default: opt[0] = c; return 1;
	}
}

/*
 * The score of a variant of a word typed with no marks at all (nguoi, duoc): how many marks
 * it adds says nothing there, so the variant used by more entries of our lists ranks first
 * (người before nguội, được before dược), all within (0, 1].
 */
static double bare_score(Speller *sp, const Str *w)
{
	Str lo = STR_INIT;
	uint64_t n;

	word_lower(w->s, w->len, &lo);
	if (sp->lm) {
		n = model_frequency(sp, lo.s, lo.len);
		str_release(&lo);
		return 1.0 / (2.0 + log((double)n + 1.0));
	}
	n = lex_frequency(&sp->lex, lo.s, lo.len);
	str_release(&lo);
	return 1.0 - (double)(n < 999 ? n : 999) / 1000.0;
}

/* The letters an edit may put in: the plain ones and the marked vowels, toneless. */
static const int32_t edit_letters[] = {'a', 'b', 'c', 'd', 'e', 'g', 'h', 'i', 'k', 'l', 'm',
	'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y', 0x111, 0x103, 0xE2, 0xEA, 0xF4,
	0x1A1, 0x1B0};

/* Adds every tone of the syllable cp[0, n) that news prints, ranked by how often (or the
 * word itself when it is no syllable but news prints it). */
static void add_toned(Speller *sp, const int32_t *cp, size_t n, Cands *c)
{
	Str s = STR_INIT, w = STR_INIT;
	Syllable v;

	for (size_t i = 0; i < n; i++)
		utf8_add(&s, cp[i]);
	if (s.len && syllable_parse(s.s, s.len, &v) >= SYL_BAD_RHYME) {
		uint64_t f = model_frequency(sp, s.s, s.len); /* a foreign word news prints */
		if (f >= 20)
			cands_add(c, s.s, 12.0 + 1.0 / (1.0 + log((double)f)));
	} else if (s.len && syllable_parse(s.s, s.len, &v) == SYL_OK) {
		for (int t = TONE_NONE; t <= TONE_DOT; t++) {
			uint64_t f;
			v.tone = (Tone)t;
			v.tone_at = v.place_old;
			str_clear(&w);
			if (!syllable_respell(&v, preferred(sp), &w))
				continue;
			f = model_frequency(sp, w.s, w.len);
			if (f >= 20 && accepted(sp, w.s, w.len))
				cands_add(c, w.s, 10.0 + 1.0 / (1.0 + log((double)f)));
		}
	}
	str_release(&s);
	str_release(&w);
}

/*
 * Our own candidates for a word no rule repairs: one letter dropped, added, changed or two
 * swapped, in any tone news prints (thâph -> thập), ranked by how common they are. This is
 * what keeps the system dictionary's slow suggestion search off the checking path.
 */
static void edit_candidates(Speller *sp, const char *lo, size_t len, Cands *c)
{
	int32_t cp[16], e[17];
	size_t n = 0, i = 0, used, nl = sizeof(edit_letters) / sizeof(edit_letters[0]);
	Tone t;

	while (i < len && n < 16 && (used = utf8_decode(lo + i, len - i, &cp[n]))) {
		cp[n] = viet_untone(cp[n], &t);
		i += used;
		n++;
	}
	if (!sp->lm || i < len || n < 2)
		return;
	for (size_t k = 0; k <= n; k++) {
		if (k < n) { /* drop k */
			memcpy(e, cp, k * sizeof(*e));
			memcpy(e + k, cp + k + 1, (n - k - 1) * sizeof(*e));
			add_toned(sp, e, n - 1, c);
		}
		if (k + 1 < n) { /* swap k, k+1 */
			memcpy(e, cp, n * sizeof(*e));
			e[k] = cp[k + 1];
			e[k + 1] = cp[k];
			add_toned(sp, e, n, c);
		}
		for (size_t l = 0; l < nl; l++) {
			if (k < n && cp[k] != edit_letters[l]) { /* change k */
				memcpy(e, cp, n * sizeof(*e));
				e[k] = edit_letters[l];
				add_toned(sp, e, n, c);
			}
			if (n < 16) { /* insert before k */
				memcpy(e, cp, k * sizeof(*e));
				e[k] = edit_letters[l];
				memcpy(e + k + 1, cp + k, (n - k) * sizeof(*e));
				add_toned(sp, e, n + 1, c);
			}
		}
	}
}

/*
 * Every mark and tone variant of a syllable-shaped word; score = marks and tone changed, ties
 * broken by frequency (hẵn -> hẳn before hằn), or for a bare word (no marks written) the
 * frequency rank of bare_score alone.
 */
static void mark_variants(Speller *sp, const Syllable *syl, bool bare, Cands *c)
{
	size_t nopt[SYL_MAX], idx[SYL_MAX] = {0}, total = 1;
	int32_t opt[SYL_MAX][3];

	for (size_t i = 0; i < syl->n; i++) {
		nopt[i] = mark_options(syl->base[i], opt[i]);
		total *= nopt[i];
	}
	if (total > 200)
		return;
	for (size_t k = 0; k < total; k++) {
		Syllable v = *syl;
		int changed = 0;
		size_t r = k;
		for (size_t i = 0; i < syl->n; i++) {
			idx[i] = r % nopt[i];
			r /= nopt[i];
			v.base[i] = opt[i][idx[i]];
			changed += v.base[i] != syl->base[i];
		}
		for (int t = 0; t < 6; t++) {
			Str s = STR_INIT, w = STR_INIT;
			syllable_write(&v, TONE_NONE, -1, &s);
			if (syllable_parse(s.s, s.len, &v) <= SYL_MISPLACED) {
				v.tone = (Tone)t;
				v.tone_at = v.place_old;
				if (syllable_respell(&v, preferred(sp), &w))
					add_checked(sp, c, w.s, w.len,
						bare ? bare_score(sp, &w)
						     : changed * 2 + ((Tone)t != syl->tone) +
						       bare_score(sp, &w) / 2);
			}
			str_release(&s);
			str_release(&w);
		}
	}
}

static void confusion_candidates(Speller *sp, const char *lo, size_t len, Cands *c, double score)
{
	Str vars = STR_INIT;

	suggest_confusions(lo, len, &vars);
	for (size_t i = 0; i < vars.len; i += strlen(vars.s + i) + 1)
		add_checked(sp, c, vars.s + i, strlen(vars.s + i), score);
	str_release(&vars);
}

static void hunspell_candidates(Hunhandle *h, const char *w, size_t len, Cands *c, double score)
{
	char buf[256], **list = NULL;
	int n;

	if (!h || len >= sizeof(buf))
		return;
	memcpy(buf, w, len);
	buf[len] = '\0';
	n = Hunspell_suggest(h, &list, buf);
	for (int i = 0; i < n && i < 6; i++)
		cands_add(c, list[i], score + i);
	Hunspell_free_list(h, &list, n);
}

static void sort_cands(Cands *c)
{
	for (size_t i = 1; i < c->n; i++) {
		char *v = c->v[i];
		double s = c->score[i];
		size_t j = i;
		for (; j > 0 && c->score[j - 1] > s; j--) {
			c->v[j] = c->v[j - 1];
			c->score[j] = c->score[j - 1];
		}
		c->v[j] = v;
		c->score[j] = s;
	}
}

/* Letters only, all ASCII: a word typed without any Vietnamese mark. */
static bool bare(const char *lo, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (lo[i] < 'a' || lo[i] > 'z')
			return false;
	return len > 0;
}

/* The tiers that need the word parsed as a syllable. */
static void syllable_tiers(Speller *sp, const char *lo, size_t len, Verdict v, Cands *c)
{
	Syllable syl;
	Str w = STR_INIT;
	SylStatus st = syllable_parse(lo, len, &syl);

	if ((st == SYL_MISPLACED || st == SYL_SPELLING) && syllable_respell(&syl, preferred(sp), &w))
		cands_add(c, w.s, -10);
	if (st == SYL_STOP_TONE) {
		Tone t[2] = {TONE_ACUTE, TONE_DOT};
		for (int i = 0; i < 2; i++) {
			str_clear(&w);
			syl.tone = t[i];
			if (syllable_respell(&syl, preferred(sp), &w))
				add_checked(sp, c, w.s, w.len, -5 + i);
		}
		syl.tone = TONE_NONE;
	}
	if (st != SYL_NOT_VIET)
		mark_variants(sp, &syl, bare(lo, len), c);
	str_release(&w);
	(void)v;
}

size_t suggest_word(Speller *sp, const char *w, size_t len, Verdict v, char ***out, size_t max,
	bool deep)
{
	Cands c = {0};
	Str lo = STR_INIT, tmp = STR_INIT;
	MsgId msg;
	Token t;
	size_t k = 0;

	*out = NULL;
	word_lower(w, len, &lo);
	if (v.kind == FIND_CHARACTER && word_fix_chars(sp, w, len, &tmp, &msg))
		cands_add(&c, tmp.s, -20);
	str_clear(&tmp);
	if (leftover_telex(lo.s, lo.len, &tmp))
		add_checked(sp, &c, tmp.s, tmp.len, -8);
	str_clear(&tmp);
	if (leftover_vni(lo.s, lo.len, &tmp))
		add_checked(sp, &c, tmp.s, tmp.len, -8);
	if (v.kind != FIND_CHARACTER) {
		syllable_tiers(sp, lo.s, lo.len, v, &c);
		confusion_candidates(sp, lo.s, lo.len, &c, 4);
		if (c.n < 6)
			edit_candidates(sp, lo.s, lo.len, &c);
		if (c.n == 0 && deep)
			hunspell_candidates(v.msg == MSG_FOREIGN ? lex_english_dict(&sp->lex) : sp->lex.vi, lo.s, lo.len,
				&c, 20);
	}
	sort_cands(&c);
	token_next(w, len, 0, &t);
	for (size_t i = 0; i < c.n; i++) {
		str_clear(&tmp);
		utf8_lower_str(c.v[i], strlen(c.v[i]), &tmp);
		if (k < max && !lex_never_suggest(&sp->lex, tmp.s, tmp.len)) {
			str_clear(&tmp);
			recase(c.v[i], strlen(c.v[i]), t.kind == TOK_WORD ? t.flags : 0, &tmp);
			if (!(k && strcmp((*out)[k - 1], tmp.s) == 0)) {
				*out = xrealloc(*out, (k + 1) * sizeof(char *));
				(*out)[k++] = xstrdup(tmp.s);
			}
		}
		free(c.v[i]);
	}
	free(c.v);
	free(c.score);
	str_release(&lo);
	str_release(&tmp);
	return k;
}

/* Appends s then a NUL. */
static void put(Str *out, const Str *s)
{
	str_add(out, str_cstr(s), s->len);
	str_addc(out, '\0');
}

static void swap_initial(const Syllable *syl, Placement p, Str *out)
{
	static const char *const groups[][3] = {
		{"s", "x", NULL}, {"ch", "tr", NULL}, {"d", "gi", "r"}, {"l", "n", NULL},
		{"v", "d", NULL}, {"gi", "r", NULL},
	};
	char ini[16] = "";
	size_t k = 0;

	for (size_t i = 0; i < syl->ninit && k + 4 < sizeof(ini); i++)
		k += utf8_encode(syl->base[i], ini + k);
	ini[k] = '\0';
	for (size_t g = 0; g < sizeof(groups) / sizeof(groups[0]); g++) {
		for (int a = 0; a < 3 && groups[g][a]; a++) {
			if (strcmp(ini, groups[g][a]) != 0)
				continue;
			for (int b = 0; b < 3 && groups[g][b]; b++) {
				Str w = STR_INIT, r = STR_INIT;
				Syllable v;
				if (b == a)
					continue;
				str_adds(&w, groups[g][b]);
				syllable_write(syl, syl->tone, -1, &r);
				/* rest of the syllable after the initial, with its tone */
				{
					Syllable tail = *syl;
					size_t skip = syl->ninit;
					memmove(tail.base, syl->base + skip, (syl->n - skip) * sizeof(int32_t));
					memmove(tail.upper, syl->upper + skip, (syl->n - skip) * sizeof(bool));
					tail.n = syl->n - skip;
					syllable_write(&tail, syl->tone, syl->tone_at - (int)skip, &w);
				}
				str_clear(&r);
				if (syllable_parse(w.s, w.len, &v) <= SYL_MISPLACED && syllable_respell(&v, p, &r))
					put(out, &r);
				str_release(&w);
				str_release(&r);
			}
		}
	}
}

static void swap_tone_final(const Syllable *syl, Placement p, Str *out)
{
	static const Tone swaps[][2] = {{TONE_HOOK, TONE_TILDE}, {TONE_GRAVE, TONE_DOT},
		{TONE_ACUTE, TONE_DOT}, {TONE_NONE, TONE_GRAVE}};
	Syllable v;
	Str w = STR_INIT;

	for (size_t i = 0; i < sizeof(swaps) / sizeof(swaps[0]); i++) {
		for (int d = 0; d < 2; d++) {
			if (syl->tone != swaps[i][d])
				continue;
			v = *syl;
			v.tone = swaps[i][!d];
			str_clear(&w);
			if (syllable_respell(&v, p, &w))
				put(out, &w);
		}
	}
	/* final c <-> t and n <-> ng */
	v = *syl;
	if (syl->n >= 2 && syl->vend < syl->n) {
		int32_t last = syl->base[syl->n - 1];
		if (last == 'c' && syl->base[syl->n - 2] != 'h') {
			v.base[v.n - 1] = 't';
		} else if (last == 't') {
			v.base[v.n - 1] = 'c';
		} else if (last == 'n' && syl->n < SYL_MAX) {
			v.base[v.n] = 'g';
			v.upper[v.n++] = false;
		} else if (last == 'g' && syl->base[syl->n - 2] == 'n') {
			v.n--;
		} else {
			str_release(&w);
			return;
		}
		str_clear(&w);
		syllable_write(&v, v.tone, v.tone_at, &w);
		put(out, &w);
	}
	str_release(&w);
}

void suggest_confusions(const char *s, size_t len, Str *out)
{
	Syllable syl;

	if (syllable_parse(s, len, &syl) != SYL_OK)
		return;
	swap_initial(&syl, syllable_placement(&syl) == PLACE_NEW ? PLACE_NEW : PLACE_OLD, out);
	swap_tone_final(&syl, syllable_placement(&syl) == PLACE_NEW ? PLACE_NEW : PLACE_OLD, out);
}
