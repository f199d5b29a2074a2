/*
 * realword.c: real-word errors found by the language model. For a syllable w between a
 * left and a right neighbour, every one-edit neighbour x of w (neighbour.c) is scored by
 *
 *	log P(x | left) + log P(right | x)
 *
 * with the pair counts of the model smoothed towards the token's own frequency (a pair the
 * model pruned is not impossible, only rare) and the newsroom's published pairs added with
 * a heavy weight, since a newsroom's own text outweighs the news at large. When the best
 * neighbour beats w by more than the margin (the channel's cost of one slip included), w is
 * flagged and that neighbour is the first suggestion. A word written with no marks at all
 * that is also English (rat, hoc, mat) is judged the same way against its marked readings.
 *
 * A token's model id and neighbour list are worked out once per distinct token and kept in
 * Speller.nb_index, so a check costs a hash lookup and a few pair lookups per word.
 */
#include "spell/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/xalloc.h"
#include "spell/model.h"
#include "base/banned.h"

/* The weight of a pair the newsroom published against one seen in the news at large. */
#define NEWSROOM_WEIGHT 20.0
/* Dirichlet smoothing strength of a pair towards the token's frequency. */
#define SMOOTH 3.0
/* What a pair the model does not hold may still have been seen (pruned below its minimum). */
#define PRUNED 2.0
/* The channel's log cost of each kind of slip (index NB_*). */
static const double slip_cost[NB_KINDS] = {0, 0.0, 0.5, 0.5, 0.5, 0.0, 1.0};
/* A pair news printed this often is no slip (it saves looking at the neighbours). */
#define SEEN 40
/* A word news printed this often is a word, unless a neighbour is NEWS_RARER times commoner. */
#define NEWS_WORD LEX_NEWS_WORD
#define NEWS_RARER 50
/*
 * A word without marks that no Vietnamese syllable is shaped like (etanol, selen, shophouse)
 * needs fewer prints: a loanword is rarer in news, and a Vietnamese word typed without its
 * marks is still caught by its far commoner marked reading (NEWS_RARER).
 */
#define FOREIGN_WORD 5

static void nb_push(Speller *sp, NbEntry e)
{
	xgrow(&sp->nb, &sp->nbcap, sp->nnb + 1, sizeof(*sp->nb));
	sp->nb[sp->nnb++] = e;
}

/* The list of a model token's neighbours as the model file holds them. */
static uint32_t stored_list(Speller *sp, uint16_t self)
{
	size_t first, n = model_neighbours(sp->lm, self, &first), head = sp->nnb;

	if (n == 0)
		return 0;
	xgrow(&sp->nb, &sp->nbcap, sp->nnb + n + 1, sizeof(*sp->nb));
	sp->nb[sp->nnb++] = (NbEntry){(uint16_t)n, 0};
	for (size_t k = 0; k < n; k++, sp->nnb++)
		model_neighbour(sp->lm, first + k, &sp->nb[sp->nnb].id, &sp->nb[sp->nnb].kind);
	return (uint32_t)head + 1;
}

/* Builds the list of the model's neighbours of token lo (kind of list: marked or edits). */
static uint32_t build_list(Speller *sp, const char *lo, size_t len, uint16_t self, bool marked)
{
	Str out = STR_INIT;
	size_t head = sp->nnb;

	if (!marked && self != MODEL_NONE)
		return stored_list(sp, self);
	if (marked)
		neighbour_marked(lo, len, &out);
	else
		neighbour_list(lo, len, &out);
	nb_push(sp, (NbEntry){0, 0});
	for (size_t i = 0; i < out.len; i += strlen(out.s + i) + 1) {
		size_t tl = strlen(out.s + i + 1);
		uint16_t id = model_id(sp->lm, out.s + i + 1, tl);
		bool dup = id == self || id == MODEL_NONE;
		for (size_t k = head + 1; !dup && k < sp->nnb; k++)
			dup = sp->nb[k].id == id;
		if (!dup) {
			nb_push(sp, (NbEntry){id, (uint8_t)out.s[i]});
			sp->nb[head].id++;
		}
	}
	str_release(&out);
	if (sp->nb[head].id == 0) {
		sp->nnb = head;
		return 0;
	}
	return (uint32_t)head + 1;
}

/*
 * True when the lower-case word w is its own model key, which saves parsing it: no y or q
 * (the i/y spellings the model makes one). The caller knows the word is a syllable whose
 * tone is not in the new placement.
 */
static bool plain_key(const char *w, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)w[i];
		if (c == 'y' || c == 'q' || (c == 0xC3 && i + 1 < len && (unsigned char)w[i + 1] == 0xBD) ||
		    (c == 0xE1 && i + 2 < len && (unsigned char)w[i + 1] == 0xBB &&
		     ((unsigned char)w[i + 2] == 0xB3 || (unsigned char)w[i + 2] == 0xB5 ||
		      (unsigned char)w[i + 2] == 0xB7 || (unsigned char)w[i + 2] == 0xB9)))
			return false;
	}
	return true;
}

/*
 * The model's key of word token t (lower case, old placement, i/y as the model writes them).
 * Only a word the verdict found to be a syllable has its placement in the verdict (a name or
 * a flagged word says PLACE_NONE wherever its tone is): any other word is parsed.
 */
static void token_key(const Tok *t, const char *w, size_t len, Str *key)
{
	str_clear(key);
	if ((t->v.flags & VF_SYLLABLE) && t->v.place != PLACE_NEW) {
		if (t->t.flags & (TF_UPPER_FIRST | TF_ALL_UPPER | TF_INNER_UPPER))
			word_lower(w, len, key);
		else
			str_add(key, w, len);
		if (plain_key(key->s, key->len))
			return;
		str_clear(key);
	}
	model_key(w, len, key);
}

/*
 * The model id and neighbour list of word token t, kept by the token's bytes as written: the
 * model's key (lower case, old placement, i/y) is worked out once per distinct token.
 */
static void token_model(CheckRun *r, Tok *t, bool marked, Str *key)
{
	Speller *sp = r->sp;
	const char *w = r->s + t->t.start;
	size_t len = t->t.end - t->t.start;
	uint64_t v, h = table_hash(w, len);

	if (!table_get_hashed(&sp->nb_index, w, len, h, &v)) {
		uint16_t id;
		uint32_t off = 0;
		token_key(t, w, len, key);
		id = model_id(sp->lm, key->s, key->len);
		if (marked || (t->v.flags & VF_SYLLABLE))
			off = build_list(sp, key->s, key->len, id, marked);
		v = id | (uint64_t)off << 16;
		table_put_hashed(&sp->nb_index, w, len, h, v);
	}
	t->lm = (uint16_t)v;
	t->nb = (uint32_t)(v >> 16);
}

/*
 * The count of the pair a b as the model knows it; a pair it does not hold may have been
 * seen a few times and pruned, so it counts as what independence would predict, at most
 * PRUNED.
 */
static double pair_count(const Model *m, uint16_t a, uint16_t b)
{
	double c = model_pair(m, a, b), e;

	if (c > 0)
		return c;
	e = (double)model_count(m, a) * (double)model_count(m, b) / (double)model_tokens(m);
	return e < PRUNED ? e : PRUNED;
}

/* log P(x | l): l MODEL_NONE (an unknown word) backs off to the frequency of x. */
static double left_score(const Model *m, uint16_t l, uint16_t x, double px, double extra)
{
	if (l == MODEL_NONE)
		return log(px);
	return log((pair_count(m, l, x) + extra + SMOOTH * px) / ((double)model_count(m, l) + SMOOTH));
}

static double right_score(const Model *m, uint16_t x, uint16_t r, double pr, double extra)
{
	if (r == MODEL_NONE)
		return 0;
	return log((pair_count(m, x, r) + extra + SMOOTH * pr) / ((double)model_count(m, x) + SMOOTH));
}

static double freq(const Model *m, uint16_t id)
{
	return ((double)model_count(m, id) + 0.5) / ((double)model_tokens(m) + 1.0);
}

/* The newsroom's count of the pair a b, by model ids (0 without newsroom counts). */
static double newsroom(Speller *sp, uint16_t a, uint16_t b)
{
	size_t al, bl;
	const char *as, *bs;

	if (!context_on(sp) || a == MODEL_NONE || b == MODEL_NONE || a < 2 || b < 2)
		return 0;
	as = model_text(sp->lm, a, &al);
	bs = model_text(sp->lm, b, &bl);
	return NEWSROOM_WEIGHT * (double)context_count(sp, as, al, bs, bl);
}

/* The score of x between l and r; with_news adds the newsroom's published pairs. */
static double score(Speller *sp, uint16_t l, uint16_t x, uint16_t r, bool with_news)
{
	const Model *m = sp->lm;
	double px = freq(m, x), pr = r == MODEL_NONE ? 0 : freq(m, r);

	return left_score(m, l, x, px, with_news ? newsroom(sp, l, x) : 0) +
	       right_score(m, x, r, pr, with_news ? newsroom(sp, x, r) : 0);
}

/* The context id on one side of word token i (dir -1: left, +1: right). */
static uint16_t side(const CheckRun *r, size_t i, int dir)
{
	size_t j = i;

	for (;;) {
		if ((dir < 0 && j == 0) || (dir > 0 && j + 1 >= r->ntoks))
			return MODEL_BOUNDARY;
		j = dir < 0 ? j - 1 : j + 1;
		switch (r->toks[j].t.kind) {
		case TOK_SPACE:
			continue;
		case TOK_WORD:
			return r->toks[j].lm;
		case TOK_NUMBER:
			return MODEL_NUMBER;
		default:
			return MODEL_BOUNDARY;
		}
	}
}

/*
 * What a neighbour of a word between l and r must stay under to be passed over unscored: it
 * bounds exp(score(sp, l, x, r, false)) from the tokens' counts alone. A pair is never
 * counted more often than either of its tokens (the model counts both in one pass over the
 * same text, and a pair's count saturates), nor more often than the commonest pair its first
 * token begins or its second ends (which the model keeps per token), and a pair the model
 * lacks counts at most PRUNED. No pair is read and no logarithm taken, so a neighbour that
 * cannot win costs no search of the model's rows (on a first check, memory no check has read
 * before).
 */
typedef struct Bound {
	double cl, cr, pr; /* the counts of l and r (-1: MODEL_NONE), the frequency of r */
	double from_l, to_r; /* the commonest pair l begins, and r ends */
} Bound;

static double least(double a, double b)
{
	return a < b ? a : b;
}

static double bound_ratio(const Model *m, const Bound *b, uint16_t x)
{
	double cx = model_count(m, x), px = freq(m, x), left = px, right = 1, pc;

	if (b->cl >= 0) {
		pc = least(least(b->cl, cx), least(b->from_l, model_most_to(m, x)));
		left = ((pc > PRUNED ? pc : PRUNED) + SMOOTH * px) / (b->cl + SMOOTH);
	}
	if (b->cr >= 0) {
		pc = least(least(b->cr, cx), least(b->to_r, model_most_from(m, x)));
		right = ((pc > PRUNED ? pc : PRUNED) + SMOOTH * b->pr) / (cx + SMOOTH);
	}
	return left * right;
}

/*
 * The best neighbour of token t between l and r and by how much it beats t (log). Without
 * the newsroom's pairs, a neighbour whose bound cannot beat t by the margin is passed over
 * unscored: what is returned may then be lower, but it is above the margin exactly when
 * scoring them all puts it there, with the same best neighbour.
 */
static double best_neighbour(Speller *sp, const Tok *t, uint16_t l, uint16_t r,
	bool with_news, uint16_t *best)
{
	const Model *m = sp->lm;
	const NbEntry *list = &sp->nb[t->nb - 1];
	double own = score(sp, l, t->lm, r, with_news), top = -INFINITY;
	double limit[NB_KINDS] = {0}; /* exp(own + margin + the slip's cost), 0: not yet */
	Bound b = {l == MODEL_NONE ? -1 : (double)model_count(m, l),
		r == MODEL_NONE ? -1 : (double)model_count(m, r), r == MODEL_NONE ? 0 : freq(m, r),
		model_most_from(m, l), model_most_to(m, r)};

	for (size_t k = 1; k <= list[0].id; k++) {
		uint8_t kind = list[k].kind;
		double s;
		if (!with_news) {
			if (limit[kind] == 0) /* less a little: rounding may differ from a score's */
				limit[kind] = exp(own + sp->margin + slip_cost[kind] - 1e-6);
			if (bound_ratio(m, &b, list[k].id) <= limit[kind])
				continue;
		}
		s = score(sp, l, list[k].id, r, with_news) - slip_cost[kind];
		if (s > top) {
			top = s;
			*best = list[k].id;
		}
	}
	return top - own;
}

static bool is_hyphen(const Tok *t)
{
	return t->t.kind == TOK_PUNCT && (t->t.cp == '-' || t->t.cp == 0x2010);
}

/* Word i is joined to a neighbour by a hyphen (Yong-ho, Bà Rịa-Vũng Tàu): part of a name. */
static bool hyphened(const CheckRun *r, size_t i)
{
	return (i >= 2 && is_hyphen(&r->toks[i - 1]) && r->toks[i - 2].t.kind == TOK_WORD) ||
	       (i + 2 < r->ntoks && is_hyphen(&r->toks[i + 1]) && r->toks[i + 2].t.kind == TOK_WORD);
}

/* True when word i is a candidate: a lower-case syllable (or, with capital, one written
 * with a capital first letter), or a bare word English accepted (*marked). */
static bool checkable_word(const CheckRun *r, size_t i, bool *marked, bool capital)
{
	const Tok *t = &r->toks[i];
	unsigned f = t->t.flags;

	*marked = false;
	if (t->v.kind != FIND_KIND_COUNT || t->taken)
		return false;
	if ((f & TF_ALL_UPPER) || (f & TF_INNER_UPPER) || (f & TF_DIGIT))
		return false;
	if (t->v.flags & VF_NAME) {
		/* a bare word the English list accepted: judged against its marked readings */
		*marked = (f & TF_ASCII) && !(f & TF_UPPER_FIRST) && t->t.end - t->t.start <= 7;
		return *marked;
	}
	return (t->v.flags & VF_SYLLABLE) && (capital || !(f & TF_UPPER_FIRST)) && !hyphened(r, i);
}

static bool checkable(const CheckRun *r, size_t i, bool *marked)
{
	return checkable_word(r, i, marked, false);
}

/*
 * A capitalised word that begins a sentence and that news seldom capitalises inside one
 * (under a quarter of the time): a common word, not a name, so it is checked like one.
 */
static bool common_start(const CheckRun *r, size_t i)
{
	const Tok *t = &r->toks[i];
	bool marked;

	if (!(t->t.flags & TF_UPPER_FIRST) || (t->t.flags & (TF_ALL_UPPER | TF_INNER_UPPER)) ||
	    t->lm == MODEL_NONE || model_capital(r->sp->lm, t->lm) >= 64 ||
	    !rules_sentence_start(r, i))
		return false;
	return checkable_word(r, i, &marked, true);
}

/* True for a consonant and a lone i or y (kì, kỳ, lí, lý): its letter goes in *v. */
static bool lone_iy(Syllable *syl, int32_t **v)
{
	*v = &syl->base[syl->vstart];
	return syl->ninit > 0 && syl->vend == syl->n && syl->vend == syl->vstart + 1 &&
	       (**v == 'i' || **v == 'y') && syl->base[0] != 'g' && syl->base[0] != 'q';
}

/*
 * The suggestion for model token best, written as the writer and the house write: the tone
 * in the house placement, and i or y as the writer chose (the model keeps one of each pair).
 */
static char *suggestion(const CheckRun *r, size_t i, uint16_t best)
{
	size_t bl;
	const char *b = model_text(r->sp->lm, best, &bl);
	Str w = STR_INIT, lo = STR_INIT;
	Syllable syl, mine;
	int32_t *v, *m;
	char *text;

	if (syllable_parse(b, bl, &syl) != SYL_OK) {
		str_release(&w);
		return xstrndup(b, bl);
	}
	word_lower(r->s + r->toks[i].t.start, r->toks[i].t.end - r->toks[i].t.start, &lo);
	if (syllable_parse(lo.s, lo.len, &mine) == SYL_OK && lone_iy(&mine, &m) && lone_iy(&syl, &v))
		*v = *m;
	if (syllable_respell(&syl, r->sp->style == TONE_STYLE_NEW ? PLACE_NEW : PLACE_OLD, &w))
		text = str_detach(&w);
	else
		text = xstrndup(b, bl);
	str_release(&w);
	str_release(&lo);
	return text;
}

static void flag(CheckRun *r, size_t i, uint16_t best, bool marked)
{
	char *text = suggestion(r, i, best);

	if (marked)
		run_add(r, r->toks[i].t.start, r->toks[i].t.end, FIND_SPELLING, SEV_WARNING,
			MSG_NO_MARKS, NULL, context_cased(r, i, text), 1);
	else
		run_add(r, r->toks[i].t.start, r->toks[i].t.end, FIND_REAL_WORD, SEV_WARNING,
			MSG_CONTEXT, text, context_cased(r, i, text), 1);
	r->toks[i].taken = true;
	free(text);
}

static bool ascii_only(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

uint16_t text_id(const Speller *sp, const char *w, size_t len)
{
	Str key = STR_INIT;
	uint16_t id;

	model_key(w, len, &key);
	id = model_id(sp->lm, str_cstr(&key), key.len);
	str_release(&key);
	return id;
}

uint64_t model_frequency(const Speller *sp, const char *w, size_t len)
{
	return sp->lm ? model_count(sp->lm, text_id(sp, w, len)) : 0;
}

bool model_doubled(const Speller *sp, const char *w, size_t len)
{
	uint16_t id;
	uint32_t twice;

	if (!sp->lm)
		return false;
	id = text_id(sp, w, len);
	twice = model_pair(sp->lm, id, id);
	return twice >= 5 && (double)twice * 1000.0 >= (double)model_count(sp->lm, id);
}

bool model_bond(const Speller *sp, const char *a, size_t alen, const char *b, size_t blen,
	double share[2])
{
	uint16_t x, y;
	double ab, ca, cb;

	share[0] = share[1] = 0;
	if (!sp->lm)
		return false;
	x = text_id(sp, a, alen);
	y = text_id(sp, b, blen);
	if (x == MODEL_NONE || x <= MODEL_NUMBER || y == MODEL_NONE || y <= MODEL_NUMBER)
		return false;
	ab = model_pair(sp->lm, x, y);
	ca = model_count(sp->lm, x);
	cb = model_count(sp->lm, y);
	if (ab < 20 || ab * (double)model_tokens(sp->lm) < 10.0 * ca * cb)
		return false;
	share[0] = ab / ca;
	share[1] = ab / cb;
	return true;
}

bool model_news_word(Speller *sp, const char *lo, size_t len)
{
	Str key = STR_INIT, nb = STR_INIT;
	Syllable syl;
	uint16_t id;
	uint32_t own;
	bool ok, shaped;

	if (!sp->lm)
		return false;
	model_key(lo, len, &key);
	id = model_id(sp->lm, str_cstr(&key), key.len);
	own = model_count(sp->lm, id);
	shaped = syllable_parse(key.s, key.len, &syl) == SYL_OK;
	ok = id != MODEL_NONE && id > MODEL_NUMBER &&
	     own >= (shaped || !ascii_only(key.s, key.len) ? NEWS_WORD : FOREIGN_WORD);
	if (ok && shaped && !ascii_only(key.s, key.len)) {
		/* a marked syllable news prints (tỳ, đáu): the context rule judges it in place */
		str_release(&key);
		return true;
	}
	if (ok) {
		neighbour_list(key.s, key.len, &nb);
		neighbour_marked(key.s, key.len, &nb);
	}
	for (size_t i = 0; ok && i < nb.len; i += strlen(nb.s + i) + 1) {
		const char *x = nb.s + i + 1;
		ok = nb.s[i] == NB_IY ||
		     (double)model_count(sp->lm, model_id(sp->lm, x, strlen(x))) < NEWS_RARER * (double)own;
	}
	str_release(&key);
	str_release(&nb);
	return ok;
}

/* The model id of the context on one side of word i, by text (verdicts may not be known). */
static uint16_t side_text(const CheckRun *r, size_t i, int dir)
{
	size_t j = i;

	for (;;) {
		if ((dir < 0 && j == 0) || (dir > 0 && j + 1 >= r->ntoks))
			return MODEL_BOUNDARY;
		j = dir < 0 ? j - 1 : j + 1;
		if (r->toks[j].t.kind == TOK_SPACE)
			continue;
		if (r->toks[j].t.kind == TOK_NUMBER)
			return MODEL_NUMBER;
		if (r->toks[j].t.kind != TOK_WORD)
			return MODEL_BOUNDARY;
		return text_id(r->sp, r->s + r->toks[j].t.start, r->toks[j].t.end - r->toks[j].t.start);
	}
}

void model_rerank(const CheckRun *r, size_t i, char **sugg, size_t n)
{
	Speller *sp = r->sp;
	double sc[8];
	uint16_t l, rt;

	if (!sp->lm || n < 2 || n > 8)
		return;
	l = side_text(r, i, -1);
	rt = side_text(r, i, 1);
	for (size_t k = 0; k < n; k++) {
		uint16_t x = text_id(sp, sugg[k], strlen(sugg[k]));
		sc[k] = (x == MODEL_NONE ? -30.0 : score(sp, l, x, rt, false)) - 1.0 * (double)k;
	}
	for (size_t k = 1; k < n; k++) /* insertion sort, best first, stable */
		for (size_t j = k; j > 0 && sc[j] > sc[j - 1]; j--) {
			double t = sc[j];
			char *p = sugg[j];
			sc[j] = sc[j - 1];
			sugg[j] = sugg[j - 1];
			sc[j - 1] = t;
			sugg[j - 1] = p;
		}
}

void rules_model(CheckRun *r)
{
	Speller *sp = r->sp;
	Str lo = STR_INIT;
	bool marked;

	if (!sp->lm)
		return;
	if (sp->nb_index.n > 200000) { /* a long session: start the token cache again */
		table_clear(&sp->nb_index);
		sp->nnb = 0;
	}
	for (size_t i = 0; i < r->ntoks; i++) {
		Tok *t = &r->toks[i];
		t->lm = MODEL_NONE;
		t->nb = 0;
		if (t->t.kind == TOK_WORD)
			token_model(r, t, checkable(r, i, &marked) && marked, &lo);
	}
	for (size_t i = 0; i < r->ntoks; i++) {
		Tok *t = &r->toks[i];
		uint16_t l, rt, best = MODEL_NONE;
		if (t->t.kind != TOK_WORD || !t->nb || (!checkable(r, i, &marked) && !common_start(r, i)))
			continue;
		l = side(r, i, -1);
		rt = side(r, i, 1);
		if (l != MODEL_NONE && rt != MODEL_NONE && model_pair(sp->lm, l, t->lm) >= SEEN &&
		    model_pair(sp->lm, t->lm, rt) >= SEEN)
			continue; /* news prints the word this way on both sides: no slip to look for */
		if (best_neighbour(sp, t, l, rt, false, &best) <= sp->margin ||
		    !(model_pair(sp->lm, l, best) || model_pair(sp->lm, best, rt)))
			continue;
		if (context_on(sp) && best_neighbour(sp, t, l, rt, true, &best) <= sp->margin)
			continue;
		flag(r, i, best, marked);
	}
	str_release(&lo);
}
