/*
 * context.c: real-word errors, which no single-word check can see. Two sources: the
 * confusable phrases of dict/confusables.tsv, matched on two and three syllables (one only
 * when the list has such an entry), and the context model, a table of syllable bigram counts
 * from the newsroom's published text: a pair never seen whose one-edit variant was seen
 * often enough is probably that variant.
 */
#include "spell/internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/xalloc.h"
#include "base/banned.h"

static size_t tlen(const Tok *t)
{
	return t->t.end - t->t.start;
}

/* Word indexes i, then the words after it separated by one space token only (up to max). */
static size_t window(const CheckRun *r, size_t i, size_t *w, size_t max)
{
	size_t n = 0;

	w[n++] = i;
	while (n < max) {
		size_t j = w[n - 1];
		if (j + 2 >= r->ntoks || r->toks[j + 1].t.kind != TOK_SPACE ||
		    r->toks[j + 2].t.kind != TOK_WORD || r->s[r->toks[j + 1].t.start] != ' ' ||
		    tlen(&r->toks[j + 1]) != 1)
			break;
		w[n++] = j + 2;
	}
	return n;
}

/* The words w[0..n) in lower case, one space between; words with no capital are copied. */
static void lower_phrase(const CheckRun *r, const size_t *w, size_t n, Str *out)
{
	str_clear(out);
	for (size_t k = 0; k < n; k++) {
		const Tok *t = &r->toks[w[k]];
		if (k)
			str_addc(out, ' ');
		if (t->t.flags & (TF_UPPER_FIRST | TF_INNER_UPPER | TF_ALL_UPPER))
			word_lower(r->s + t->t.start, tlen(t), out);
		else
			str_add(out, r->s + t->t.start, tlen(t));
	}
}

/* right with the case of the first written letter. */
char **context_cased(const CheckRun *r, size_t first, const char *right)
{
	Str s = STR_INIT;
	char **v = xmalloc(sizeof(char *));
	int32_t c;
	size_t n = utf8_decode(right, strlen(right), &c);

	if (n && (r->toks[first].t.flags & TF_UPPER_FIRST)) {
		utf8_add(&s, utf8_upper(c));
		str_adds(&s, right + n);
	} else {
		str_adds(&s, right);
	}
	v[0] = str_detach(&s);
	return v;
}

/* The word before i (only a space between), or SIZE_MAX. */
static size_t word_before(const CheckRun *r, size_t i)
{
	if (i >= 2 && r->toks[i - 1].t.kind == TOK_SPACE && r->toks[i - 2].t.kind == TOK_WORD)
		return i - 2;
	return SIZE_MAX;
}

/* True when words a and b (a before b) form a known word. */
static bool known_pair(const CheckRun *r, size_t a, size_t b)
{
	Str key = STR_INIT;
	size_t w[2] = {a, b};
	bool yes;

	lower_phrase(r, w, 2, &key);
	yes = lex_phrase(&r->sp->lex, key.s, key.len);
	str_release(&key);
	return yes;
}

/*
 * A confusable phrase w[0..k) is taken as wrong only when none of its words is already
 * flagged on its own and the neighbours do not claim its edge syllables as parts of known
 * words (giới hạn | mục tiêu is no "hạn mục"; claims on both edges are needed, since one
 * known neighbour is common: xử phạt | phạt nguội).
 */
static bool decided(const CheckRun *r, const size_t *w, size_t k)
{
	size_t before = word_before(r, w[0]), after[2];

	for (size_t m = 0; m < k; m++)
		if (r->toks[w[m]].v.kind != FIND_KIND_COUNT)
			return false;
	/* both edges claimed: the text reads as two known words around the phrase */
	return !(before != SIZE_MAX && known_pair(r, before, w[0]) &&
	         window(r, w[k - 1], after, 2) == 2 && known_pair(r, w[k - 1], after[1]));
}

/* True when word i begins a sentence: only spaces and opening marks lie between it and a
 * line break, the start of the text or a sentence-ending mark (. ? ! : …). */
bool rules_sentence_start(const CheckRun *r, size_t i)
{
	while (i > 0) {
		const Tok *t = &r->toks[--i];
		int32_t c = t->t.cp;
		if (t->t.kind == TOK_SPACE)
			continue;
		if (t->t.kind == TOK_NEWLINE)
			return true;
		if (t->t.kind != TOK_PUNCT)
			return false;
		if (c == '.' || c == '?' || c == '!' || c == ':' || c == 0x2026)
			return true;
		if (!(c == 0x201C || c == '"' || c == '(' || c == '[' || c == 0x2018 || c == '\'' ||
		      c == 0xAB || c == '-' || c == 0x2013 || c == 0x2014))
			return false;
	}
	return !(r->first && r->ctx && r->ctx->mid_sentence);
}

/* A capitalised word (not all capitals): a proper noun unless it begins the sentence. */
static bool capitalised(const Tok *t)
{
	return (t->t.flags & TF_UPPER_FIRST) && !(t->t.flags & TF_ALL_UPPER);
}

/*
 * The number of leading words of w[0..n) that may form a confusable phrase: a capitalised
 * word inside a sentence is a name (người Việt làm ra is no "việc làm"), so the phrase
 * stops before it, and none starts at it.
 */
static size_t common_words(const CheckRun *r, const size_t *w, size_t n)
{
	size_t k = 0;

	if (capitalised(&r->toks[w[0]]) && !rules_sentence_start(r, w[0]))
		return 0;
	for (k = 1; k < n; k++)
		if (capitalised(&r->toks[w[k]]))
			break;
	return k;
}

void rules_real_words(CheckRun *r)
{
	Str key = STR_INIT;
	size_t w[3];

	for (size_t i = 0; i < r->ntoks; i++) {
		size_t n;
		if (r->toks[i].t.kind != TOK_WORD || !(r->toks[i].v.flags & VF_CONF_HEAD))
			continue;
		n = common_words(r, w, window(r, i, w, 3));
		for (size_t k = n; k >= 1; k--) {
			uint64_t idx;
			const Confusable *c;
			if (!(r->toks[i].v.flags & (VF_CONF_LEN1 << (k - 1))))
				continue; /* no phrase of that length starts with this word */
			lower_phrase(r, w, k, &key);
			if (!table_get(&r->sp->lex.confus, key.s, key.len, &idx))
				continue;
			c = &r->sp->lex.conf[idx];
			if (k > 1 && !decided(r, w, k))
				continue;
			run_add(r, r->toks[i].t.start, r->toks[w[k - 1]].t.end, FIND_REAL_WORD,
				SEV_WARNING, MSG_CONFUSABLE, c->note[0] ? c->note : NULL,
				context_cased(r, i, c->right), 1);
			for (size_t m = 0; m < k; m++)
				r->toks[w[m]].taken = true;
			i = w[k - 1];
			break;
		}
	}
	str_release(&key);
}

bool context_on(const Speller *sp)
{
	return sp->ctx_whole ? sp->bigrams.n > 0 : sp->counts.pair != NULL;
}

/*
 * What table t (bigrams, ctx_left or ctx_right) says of key: all of it when the counts were
 * loaded whole, else the answer asked once and kept.
 */
static uint64_t ask(Speller *sp, Table *t, const char *key, size_t len)
{
	bool (*fn)(void *, const char *, int64_t *) =
		t == &sp->bigrams ? sp->counts.pair : t == &sp->ctx_left ? sp->counts.first : sp->counts.second;
	char buf[256];
	uint64_t v = 0;
	int64_t n = 0;

	if (table_get(t, key, len, &v) || sp->ctx_whole || !fn || len >= sizeof(buf))
		return v;
	memcpy(buf, key, len);
	buf[len] = '\0';
	if (!fn(sp->counts.arg, buf, &n) || n < 0)
		n = 0;
	if (t->n > 1000000)
		table_clear(t);
	table_put(t, key, len, (uint64_t)n);
	return (uint64_t)n;
}

int64_t context_count(Speller *sp, const char *a, size_t alen, const char *b, size_t blen)
{
	char buf[128];

	if (alen + blen + 1 > sizeof(buf))
		return 0;
	memcpy(buf, a, alen);
	buf[alen] = ' ';
	memcpy(buf + alen + 1, b, blen);
	return (int64_t)ask(sp, &sp->bigrams, buf, alen + 1 + blen);
}

/* Appends the variants in vars (NUL-separated) that table t knows often enough, then "". */
static void add_usable(Speller *sp, const Str *vars, Table *t)
{
	for (size_t i = 0; i < vars->len; i += strlen(vars->s + i) + 1) {
		size_t vl = strlen(vars->s + i);
		if (ask(sp, t, vars->s + i, vl) >= SPELL_CONTEXT_MIN)
			str_add(&sp->ctx_text, vars->s + i, vl + 1);
	}
	str_addc(&sp->ctx_text, '\0');
}

/*
 * The offset in sp->ctx_text of the one-edit variants of syllable x that could win, worked
 * out once per syllable: first those that start some pair seen SPELL_CONTEXT_MIN times
 * (for x on the left), then those that end one (for x on the right), each list ended by an
 * empty string. Most syllables keep few or none, so most pairs cost no lookups at all.
 */
static size_t variants(Speller *sp, const char *x, size_t xlen)
{
	Str vars = STR_INIT;
	uint64_t off;

	if (table_get(&sp->ctx_vars, x, xlen, &off))
		return (size_t)off;
	off = sp->ctx_text.len;
	suggest_confusions(x, xlen, &vars);
	add_usable(sp, &vars, &sp->ctx_left);
	add_usable(sp, &vars, &sp->ctx_right);
	table_put(&sp->ctx_vars, x, xlen, off);
	str_release(&vars);
	return (size_t)off;
}

/* The best variant of syllable x (side 0: left of the pair) seen with its neighbour y. */
static int64_t best_variant(Speller *sp, const Str *x, const Str *y, int side, Str *best)
{
	size_t off = variants(sp, x->s, x->len);
	int64_t top = 0;

	if (side == 1) /* skip the left list */
		while (sp->ctx_text.s[off])
			off += strlen(sp->ctx_text.s + off) + 1;
	off += side == 1;
	/* ctx_text may move as it grows, so each variant is read by its offset */
	while (sp->ctx_text.s[off]) {
		const char *v = sp->ctx_text.s + off;
		size_t vl = strlen(v);
		int64_t c = side == 0 ? context_count(sp, v, vl, y->s, y->len) : context_count(sp, y->s, y->len, v, vl);
		if (c > top) {
			top = c;
			str_clear(best);
			str_add(best, v, vl);
		}
		off += vl + 1;
	}
	return top;
}

/* The lower case of word token t into out (a copy when it has no capital). */
static void tok_lower(const CheckRun *r, const Tok *t, Str *out)
{
	str_clear(out);
	if (t->t.flags & (TF_UPPER_FIRST | TF_INNER_UPPER | TF_ALL_UPPER))
		word_lower(r->s + t->t.start, tlen(t), out);
	else
		str_add(out, r->s + t->t.start, tlen(t));
	str_cstr(out);
}

/* True when syllable x has a variant that could win on that side (0: left). */
static bool could_win(Speller *sp, const char *x, size_t xlen, int side)
{
	size_t off = variants(sp, x, xlen);

	if (side == 1) {
		while (sp->ctx_text.s[off])
			off += strlen(sp->ctx_text.s + off) + 1;
		off++; /* past the empty string that ends the left list */
	}
	return sp->ctx_text.s[off] != '\0';
}

unsigned context_sides(Speller *sp, const char *lo, size_t len)
{
	if (!context_on(sp))
		return 0;
	return (could_win(sp, lo, len, 0) ? VF_CTX_LEFT : 0) |
	       (could_win(sp, lo, len, 1) ? VF_CTX_RIGHT : 0);
}

/*
 * The pair of words a b: when neither syllable has a variant common enough to win (their
 * verdicts say so), there is nothing to look up; else a pair never published whose best
 * variant was published often enough is flagged on the side of that variant.
 */
static void check_pair(CheckRun *r, size_t a, size_t b, Str *x, Str *y, Str *key)
{
	Str va = STR_INIT, vb = STR_INIT;
	int64_t ca = 0, cb = 0;

	if (!(r->toks[a].v.flags & VF_CTX_LEFT) && !(r->toks[b].v.flags & VF_CTX_RIGHT))
		return;
	tok_lower(r, &r->toks[a], x);
	tok_lower(r, &r->toks[b], y);
	str_clear(key);
	str_add(key, x->s, x->len);
	str_addc(key, ' ');
	str_add(key, y->s, y->len);
	if (ask(r->sp, &r->sp->bigrams, key->s, key->len) > 0)
		return;
	ca = best_variant(r->sp, x, y, 0, &va);
	cb = best_variant(r->sp, y, x, 1, &vb);
	if (ca >= SPELL_CONTEXT_MIN && ca >= cb) {
		run_add(r, r->toks[a].t.start, r->toks[a].t.end, FIND_REAL_WORD, SEV_WARNING,
			MSG_CONTEXT, va.s, context_cased(r, a, va.s), 1);
		r->toks[a].taken = true;
	} else if (cb >= SPELL_CONTEXT_MIN) {
		run_add(r, r->toks[b].t.start, r->toks[b].t.end, FIND_REAL_WORD, SEV_WARNING,
			MSG_CONTEXT, vb.s, context_cased(r, b, vb.s), 1);
		r->toks[b].taken = true;
	}
	str_release(&va);
	str_release(&vb);
}

void rules_context(CheckRun *r)
{
	Str x = STR_INIT, y = STR_INIT, key = STR_INIT;
	size_t w[2];

	if (!context_on(r->sp))
		return;
	for (size_t i = 0; i < r->ntoks; i++) {
		Tok *t = &r->toks[i];
		if (t->t.kind != TOK_WORD || !(t->v.flags & VF_SYLLABLE) || (t->v.flags & VF_NAME) ||
		    t->taken)
			continue;
		if (window(r, i, w, 2) == 2 && (r->toks[w[1]].v.flags & VF_SYLLABLE) &&
		    !(r->toks[w[1]].v.flags & VF_NAME) && !r->toks[w[1]].taken &&
		    !(t->t.flags & TF_UPPER_FIRST) &&
		    !(r->toks[w[1]].t.flags & TF_UPPER_FIRST))
			check_pair(r, i, w[1], &x, &y, &key);
	}
	str_release(&x);
	str_release(&y);
	str_release(&key);
}
