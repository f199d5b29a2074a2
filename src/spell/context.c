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
static char **cased(const CheckRun *r, size_t first, const char *right)
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
static bool sentence_start(const CheckRun *r, size_t i)
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

	if (capitalised(&r->toks[w[0]]) && !sentence_start(r, w[0]))
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
				cased(r, i, c->right), 1);
			for (size_t m = 0; m < k; m++)
				r->toks[w[m]].v.flags |= VF_NAME; /* taken: no second finding here */
			i = w[k - 1];
			break;
		}
	}
	str_release(&key);
}

static int64_t count(const Speller *sp, const char *a, size_t alen, const char *b, size_t blen)
{
	char buf[128];
	uint64_t v;

	if (alen + blen + 1 > sizeof(buf))
		return 0;
	memcpy(buf, a, alen);
	buf[alen] = ' ';
	memcpy(buf + alen + 1, b, blen);
	return table_get(&sp->bigrams, buf, alen + 1 + blen, &v) ? (int64_t)v : 0;
}

/* The best variant of syllable x (side 0: left of the pair) seen with its neighbour y. */
static int64_t best_variant(const Speller *sp, const Str *x, const Str *y, int side, Str *best)
{
	Str vars = STR_INIT;
	int64_t top = 0;

	suggest_confusions(x->s, x->len, &vars);
	for (size_t i = 0; i < vars.len; i += strlen(vars.s + i) + 1) {
		const char *v = vars.s + i;
		size_t vl = strlen(v);
		int64_t c = side == 0 ? count(sp, v, vl, y->s, y->len) : count(sp, y->s, y->len, v, vl);
		if (c > top) {
			top = c;
			str_clear(best);
			str_add(best, v, vl);
		}
	}
	str_release(&vars);
	return top;
}

static void check_pair(CheckRun *r, size_t a, size_t b)
{
	Str x = STR_INIT, y = STR_INIT, va = STR_INIT, vb = STR_INIT;
	int64_t ca, cb;

	word_lower(r->s + r->toks[a].t.start, tlen(&r->toks[a]), &x);
	word_lower(r->s + r->toks[b].t.start, tlen(&r->toks[b]), &y);
	if (count(r->sp, x.s, x.len, y.s, y.len) == 0) {
		ca = best_variant(r->sp, &x, &y, 0, &va);
		cb = best_variant(r->sp, &y, &x, 1, &vb);
		if (ca >= SPELL_CONTEXT_MIN && ca >= cb) {
			run_add(r, r->toks[a].t.start, r->toks[a].t.end, FIND_REAL_WORD, SEV_WARNING,
				MSG_CONTEXT, va.s, cased(r, a, va.s), 1);
			r->toks[a].v.flags |= VF_NAME;
		} else if (cb >= SPELL_CONTEXT_MIN) {
			run_add(r, r->toks[b].t.start, r->toks[b].t.end, FIND_REAL_WORD, SEV_WARNING,
				MSG_CONTEXT, vb.s, cased(r, b, vb.s), 1);
			r->toks[b].v.flags |= VF_NAME;
		}
	}
	str_release(&x);
	str_release(&y);
	str_release(&va);
	str_release(&vb);
}

void rules_context(CheckRun *r)
{
	size_t w[2];

	if (r->sp->bigrams.n == 0)
		return;
	for (size_t i = 0; i < r->ntoks; i++) {
		Tok *t = &r->toks[i];
		if (t->t.kind != TOK_WORD || !(t->v.flags & VF_SYLLABLE) || (t->v.flags & VF_NAME))
			continue;
		if (window(r, i, w, 2) == 2 && (r->toks[w[1]].v.flags & VF_SYLLABLE) &&
		    !(r->toks[w[1]].v.flags & VF_NAME) && !(t->t.flags & TF_UPPER_FIRST) &&
		    !(r->toks[w[1]].t.flags & TF_UPPER_FIRST))
			check_pair(r, i, w[1]);
	}
}
