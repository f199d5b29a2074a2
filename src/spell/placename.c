/*
 * placename.c: a slip inside a well-known name (Hà Nôi, Đà Nẳng, Sai Gòn, Hải Phòg). Every
 * syllable of such a slip may be valid and every capitalised word passes as a name, so only
 * the pair tells: a name of two capitalised words that no dictionary list holds, one edit
 * away from a place's or a people's name (places.txt, ethnic.txt) that news prints far more
 * often. A real name one edit from a place (Lê Hải Phong beside Hải Phòng) is printed
 * often enough itself to pass.
 *
 * A slip: the same letters but for tones and marks (Nôi, Nẳng, Sai), or, in a word that is
 * no syllable, one letter put in, left out or changed (Phòg, Nộii, Angelos); a syllable one
 * letter from a place is too often a name of its own (Tân Phúc, Hiền Trung). The lexicon
 * keeps each two-syllable name both ways round, chained by its first syllable, so a pair
 * costs a hash lookup and a look at the few names that share the word it keeps.
 */
#include "spell/internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "spell/model.h"
#include "viet/letter.h"
#include "base/banned.h"

/* The name's pair must be printed at least this often, and this many times the writer's. */
#define NAME_SEEN 100
#define NAME_RARER 200

static bool capital_word(const Tok *t)
{
	unsigned f = t->t.flags;

	return t->t.kind == TOK_WORD && (f & TF_UPPER_FIRST) &&
	       !(f & (TF_ALL_UPPER | TF_INNER_UPPER | TF_DIGIT)) && t->v.kind == FIND_KIND_COUNT;
}

/* Word token j follows word token i with one plain space between. */
static bool next_word(const CheckRun *r, size_t i, size_t *j)
{
	const Tok *sp = &r->toks[i + 1];

	if (i + 2 >= r->ntoks || sp->t.kind != TOK_SPACE || sp->t.end - sp->t.start != 1 ||
	    r->s[sp->t.start] != ' ')
		return false;
	*j = i + 2;
	return true;
}

/* How often news printed the pair a b (lower case), 0 when the model does not hold it. */
static uint32_t printed(const Speller *sp, const char *a, size_t alen, const char *b, size_t blen)
{
	uint16_t x = text_id(sp, a, alen), y = text_id(sp, b, blen);

	return x == MODEL_NONE || y == MODEL_NONE ? 0 : model_pair(sp->lm, x, y);
}

/* Up to 24 code points of s into cp; returns how many, or 25 when s is longer. */
static size_t points(const char *s, size_t len, int32_t cp[24])
{
	size_t n = 0;

	for (size_t i = 0; i < len; n++) {
		int32_t c = 0;
		size_t k = utf8_decode(s + i, len - i, &c);
		if (n >= 24)
			return 25;
		cp[n] = c;
		i += k ? k : 1;
	}
	return n;
}

/* At most one letter put in, left out or changed between a and b. */
static bool one_letter(const int32_t *a, size_t an, const int32_t *b, size_t bn)
{
	size_t i = 0;

	if (an > bn + 1 || bn > an + 1)
		return false;
	while (i < an && i < bn && a[i] == b[i])
		i++;
	if (an == bn)
		return i == an || memcmp(a + i + 1, b + i + 1, (an - i - 1) * sizeof(*a)) == 0;
	if (an > bn)
		return memcmp(a + i + 1, b + i, (an - i - 1) * sizeof(*a)) == 0;
	return memcmp(a + i, b + i + 1, (bn - i - 1) * sizeof(*a)) == 0;
}

/*
 * Written word w is a slip for name syllable x: the same letters but for tones and marks,
 * or, when w is no syllable (letters: true), one letter put in, left out or changed.
 */
static bool near(const char *w, size_t wl, const char *x, size_t xl, bool letters)
{
	int32_t a[24], b[24];
	size_t an = points(w, wl, a), bn = points(x, xl, b);
	Str fw = STR_INIT, fx = STR_INIT;
	bool same;

	if (an > 24 || bn > 24)
		return false;
	if (letters && one_letter(a, an, b, bn))
		return true;
	viet_fold_str(w, wl, &fw);
	viet_fold_str(x, xl, &fx);
	same = fw.len == fx.len && memcmp(fw.s, fx.s, fw.len) == 0;
	str_release(&fw);
	str_release(&fx);
	return same;
}

/*
 * The best correction of word w (syllable: a Vietnamese syllable the dictionary knows),
 * paired with `other` (the word before it, or with second set the word after it): a name of
 * two syllables that starts with `other` (ends with it) and whose other syllable is a slip
 * away from w, the one news printed most. Returns its count (0: none) and the syllable in
 * *best.
 */
static uint32_t best_fix(Speller *sp, const Str *other, const Str *w, bool syllable, bool second,
	Str *best)
{
	Lexicon *lx = &sp->lex;
	uint32_t top = 0;
	uint64_t at;

	if (!table_get(&lx->name2_head, other->s, other->len, &at))
		return 0;
	for (size_t i = (size_t)at; i; i = lx->name2[i - 1].next) {
		const char *x = lx->name2[i - 1].text + other->len + 1;
		size_t xl = strlen(x);
		uint32_t c;
		if (!near(w->s, w->len, x, xl, !syllable))
			continue;
		c = second ? printed(sp, x, xl, other->s, other->len)
			   : printed(sp, other->s, other->len, x, xl);
		/* of names printed as often, the first in byte order */
		if (c > top || (c && c == top && strcmp(x, str_cstr(best)) < 0)) {
			top = c;
			str_clear(best);
			str_add(best, x, xl);
		}
	}
	return top;
}

/* Checks the pair of word tokens i and j. */
static void check_pair(CheckRun *r, size_t i, size_t j)
{
	Speller *sp = r->sp;
	Str a = STR_INIT, b = STR_INIT, phrase = STR_INIT, fix[2] = {STR_INIT, STR_INIT};
	uint32_t c[2], own;
	int k;

	word_lower(r->s + r->toks[i].t.start, r->toks[i].t.end - r->toks[i].t.start, &a);
	word_lower(r->s + r->toks[j].t.start, r->toks[j].t.end - r->toks[j].t.start, &b);
	str_add(&phrase, a.s, a.len);
	str_addc(&phrase, ' ');
	str_add(&phrase, b.s, b.len);
	if (!lex_phrase(&sp->lex, phrase.s, phrase.len)) {
		bool sa = r->toks[i].v.flags & VF_SYLLABLE, sb = r->toks[j].v.flags & VF_SYLLABLE;
		c[0] = best_fix(sp, &b, &a, sa, true, &fix[0]);  /* a slip in the first word */
		c[1] = best_fix(sp, &a, &b, sb, false, &fix[1]); /* in the second */
		k = c[1] > c[0];
		own = c[k] >= NAME_SEEN ? printed(sp, a.s, a.len, b.s, b.len) : 0;
		if (c[k] >= NAME_SEEN && (double)own * NAME_RARER < (double)c[k]) {
			size_t t = k ? j : i, o = k ? i : j;
			bool syllable = r->toks[t].v.flags & VF_SYLLABLE;
			char **sugg = context_cased(r, t, str_cstr(&fix[k]));
			const char *ow = r->s + r->toks[o].t.start;
			size_t ol = r->toks[o].t.end - r->toks[o].t.start;
			str_clear(&phrase); /* the name as the writer cases it */
			if (k) {
				str_add(&phrase, ow, ol);
				str_addc(&phrase, ' ');
				str_adds(&phrase, sugg[0]);
			} else {
				str_adds(&phrase, sugg[0]);
				str_addc(&phrase, ' ');
				str_add(&phrase, ow, ol);
			}
			run_add(r, r->toks[t].t.start, r->toks[t].t.end,
				syllable ? FIND_REAL_WORD : FIND_SPELLING, SEV_WARNING, MSG_NAME,
				str_cstr(&phrase), sugg, 1);
			r->toks[t].taken = true;
		}
	}
	str_release(&a);
	str_release(&b);
	str_release(&phrase);
	str_release(&fix[0]);
	str_release(&fix[1]);
}

/* Word token i is a capitalised word right after another (only a space between). */
static bool after_capital(const CheckRun *r, size_t i)
{
	size_t j;

	return i >= 2 && capital_word(&r->toks[i - 2]) && next_word(r, i - 2, &j);
}

/*
 * Only a name of exactly two capitalised words: inside a longer one (Nguyễn Công Việt, Tam
 * Giác Vàng) any two neighbours may sit one edit from a place.
 */
void rules_place_names(CheckRun *r)
{
	if (!r->sp->lm)
		return;
	for (size_t i = 0; i < r->ntoks; i++) {
		size_t j, k;
		if (capital_word(&r->toks[i]) && !after_capital(r, i) && next_word(r, i, &j) &&
		    capital_word(&r->toks[j]) && !(next_word(r, j, &k) && capital_word(&r->toks[k])))
			check_pair(r, i, j);
	}
}
