/*
 * spell.c: the Speller and one check. A check normalises the input (NormText: NFC input is
 * used in place), then works segment by segment (about 16 KB, cut just after a line break):
 * it cuts the segment into tokens in a buffer the Speller keeps from check to check, gives
 * every word its cached verdict, adds the findings of the words and runs the rules over the
 * segment's tokens. The tone style rule runs last over the document's tone-placed
 * syllables. Findings are mapped back to input offsets and the new ones sorted by position.
 * Suggestions are computed only for flagged words, once per distinct word.
 */
#include "spell/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/utf8.h"
#include "base/xalloc.h"
#include "spell/model.h"
#include "base/banned.h"

static const char *const kind_names[] = {
#define SPELL_KIND_NAME(e, name) name,
	SPELL_KINDS(SPELL_KIND_NAME)
#undef SPELL_KIND_NAME
};

static const char *const msg_vi[] = {
#define SPELL_MSG_VI(id, vi, en) vi,
	SPELL_MESSAGES(SPELL_MSG_VI)
#undef SPELL_MSG_VI
};

static const char *const msg_en[] = {
#define SPELL_MSG_EN(id, vi, en) en,
	SPELL_MESSAGES(SPELL_MSG_EN)
#undef SPELL_MSG_EN
};

static void sugg_clear(Speller *sp);

const char *finding_kind_name(FindingKind k)
{
	return (unsigned)k < FIND_KIND_COUNT ? kind_names[k] : NULL;
}

bool finding_kind_parse(const char *name, FindingKind *k)
{
	for (int i = 0; i < FIND_KIND_COUNT; i++) {
		if (strcmp(name, kind_names[i]) == 0) {
			*k = (FindingKind)i;
			return true;
		}
	}
	return false;
}

const char *severity_name(Severity s)
{
	return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "style";
}

bool tone_style_parse(const char *s, ToneStyle *style)
{
	static const char *const names[] = {"any", "old", "new"};

	for (int i = 0; i < 3; i++) {
		if (s && strcmp(s, names[i]) == 0) {
			*style = (ToneStyle)i;
			return true;
		}
	}
	return false;
}

const char *tone_style_name(ToneStyle s)
{
	return s == TONE_STYLE_OLD ? "old" : s == TONE_STYLE_NEW ? "new" : "any";
}

const char *spell_msg(const Speller *sp, MsgId id)
{
	return sp->english_msgs ? msg_en[id] : msg_vi[id];
}

void finding_list_init(FindingList *l)
{
	l->items = NULL;
	l->n = l->cap = 0;
}

void finding_list_clear(FindingList *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].message);
		for (size_t k = 0; k < l->items[i].nsuggestions; k++)
			free(l->items[i].suggestions[k]);
		free(l->items[i].suggestions);
	}
	l->n = 0;
}

void finding_list_release(FindingList *l)
{
	finding_list_clear(l);
	free(l->items);
	finding_list_init(l);
}

/* The language model dict/news.lm beside the word lists: none is fine, a bad one is not. */
static bool load_model(Speller *sp, const SpellOptions *opt, char *err, size_t errlen)
{
	char path[4096];

	sp->margin = opt->margin > 0 ? opt->margin : SPELL_MARGIN;
	if (!opt->dict_dir)
		return true;
	snprintf(path, sizeof(path), "%s/news.lm", opt->dict_dir);
	if (access(path, F_OK) != 0)
		return true;
	sp->lm = model_open(path, err, errlen);
	sp->lex.lm = sp->lm;
	return sp->lm != NULL;
}

/* The distinct words of a long article: the tables a check fills are made this large. */
#define FIRST_WORDS 1024

Speller *spell_new(const SpellOptions *opt, char *err, size_t errlen)
{
	Speller *sp = xcalloc(1, sizeof(*sp));
	Str status = STR_INIT;

	if (!lex_load(&sp->lex, opt, &status, err, errlen) || !load_model(sp, opt, err, errlen)) {
		str_release(&status);
		lex_release(&sp->lex);
		free(sp);
		return NULL;
	}
	sp->style = opt->style;
	sp->english_msgs = opt->language && strcmp(opt->language, "en") == 0;
	sp->status = status.len ? str_detach(&status) : NULL;
	str_release(&status);
	table_init(&sp->cache);
	sp->front = xcalloc((size_t)1 << FRONT_BITS, sizeof(*sp->front));
	table_init(&sp->nb_index);
	/* Room for the distinct words of an article, taken now and touched only as a check
	 * fills it: growing a table from nothing during a first check writes every smaller
	 * size on the way, memory the process touches for the first time (a page fault each
	 * 4 KB). */
	table_reserve(&sp->cache, FIRST_WORDS);
	table_reserve(&sp->nb_index, FIRST_WORDS);
	xgrow(&sp->nb, &sp->nbcap, 4 * FIRST_WORDS, sizeof(*sp->nb));
	table_init(&sp->bigrams);
	table_init(&sp->ctx_vars);
	table_init(&sp->ctx_left);
	table_init(&sp->ctx_right);
	str_init(&sp->ctx_text);
	table_init(&sp->sugg);
	return sp;
}

void spell_free(Speller *sp)
{
	if (!sp)
		return;
	lex_release(&sp->lex);
	table_release(&sp->cache);
	free(sp->front);
	model_free(sp->lm);
	table_release(&sp->nb_index);
	free(sp->nb);
	table_release(&sp->bigrams);
	table_release(&sp->ctx_vars);
	table_release(&sp->ctx_left);
	table_release(&sp->ctx_right);
	str_release(&sp->ctx_text);
	sugg_clear(sp);
	table_release(&sp->sugg);
	free(sp->sugg_text);
	free(sp->status);
	free(sp->toks);
	free(sp->tones);
	free(sp);
}

const char *spell_status(const Speller *sp)
{
	return sp->status;
}

bool spell_has_system_dict(const Speller *sp)
{
	return lex_has_vi(&sp->lex);
}

bool spell_has_english(const Speller *sp)
{
	return lex_has_english(&sp->lex);
}

void spell_rest(Speller *sp)
{
	lex_rest(&sp->lex);
}

void spell_set_style(Speller *sp, ToneStyle style)
{
	if (sp->style != style)
		sugg_clear(sp); /* suggestions follow the house placement */
	sp->style = style;
}

void spell_forget(Speller *sp)
{
	verdict_forget(sp);
	table_clear(&sp->nb_index);
	sp->nnb = 0;
	sugg_clear(sp);
}

void run_add(CheckRun *r, size_t start, size_t end, FindingKind k, Severity sev, MsgId msg,
	const char *detail, char **sugg, size_t nsugg)
{
	FindingList *l = r->out;
	Finding *f;
	Str m = STR_INIT;

	xgrow(&l->items, &l->cap, l->n + 1, sizeof(*l->items));
	f = &l->items[l->n++];
	f->start = norm_input_offset(r->nt, start);
	f->end = norm_input_offset(r->nt, end);
	f->kind = k;
	f->severity = sev;
	str_adds(&m, spell_msg(r->sp, msg));
	if (detail)
		str_addf(&m, msg == MSG_CONTEXT || msg == MSG_NAME ? " «%s»" : ": %s", detail);
	f->message = str_detach(&m);
	f->suggestions = sugg;
	f->nsuggestions = nsugg;
}

/*
 * The size of a segment: its tokens (about one per 2.3 bytes of news, 48 bytes each) take
 * about 330 KB, a buffer reused from segment to segment and from check to check, so the
 * memory a check touches for the first time stays small whatever the size of the text.
 */
#define SEGMENT_BYTES 16384

/* Tokens of [from, to) into r->toks, replacing the last segment's. */
static void tokenize(CheckRun *r, size_t from, size_t to)
{
	size_t off = from;

	/* One reservation for a segment of common text, not a doubling from a few tokens. */
	xgrow(&r->toks, &r->cap, (to - from) / 2 + 64, sizeof(*r->toks));
	r->ntoks = 0;
	while (off < to) {
		Tok *t;
		if (r->ntoks == r->cap)
			xgrow(&r->toks, &r->cap, r->ntoks + 1, sizeof(*r->toks));
		t = &r->toks[r->ntoks++];
		off = token_scan(r->s, to, off, &t->t);
		memset(&t->v, 0, sizeof(t->v));
		t->v.kind = FIND_KIND_COUNT;
		t->taken = false;
	}
}

/* The end of the segment starting at from: just after the first line break past its size. */
static size_t segment_end(const char *s, size_t len, size_t from)
{
	const char *nl;

	if (len - from <= SEGMENT_BYTES)
		return len;
	nl = memchr(s + from + SEGMENT_BYTES, '\n', len - from - SEGMENT_BYTES);
	return nl ? (size_t)(nl - s) + 1 : len;
}

static void keep_tone(CheckRun *r, const Tok *t)
{
	ToneWord *w;

	if (r->ntones == r->tonecap)
		xgrow(&r->tones, &r->tonecap, r->ntones + 1, sizeof(*r->tones));
	w = &r->tones[r->ntones++];
	w->start = t->t.start;
	w->end = t->t.end;
	w->place = t->v.place;
}

/* Forgets the cached suggestions (when the dictionaries change or the cache grows). */
static void sugg_clear(Speller *sp)
{
	for (size_t i = 0; i < sp->nsugg; i++)
		free(sp->sugg_text[i]);
	sp->nsugg = 0;
	table_clear(&sp->sugg);
}

/* Suggestions for a flagged word, computed once per distinct word. */
static size_t cached_suggest(Speller *sp, const char *w, size_t len, Verdict v, char ***out)
{
	uint64_t idx;
	size_t n = 0;

	if (!table_get(&sp->sugg, w, len, &idx)) {
		Str all = STR_INIT;
		n = suggest_word(sp, w, len, v, out, 5, false);
		for (size_t i = 0; i < n; i++)
			str_addf(&all, "%s\n", (*out)[i]);
		if (sp->nsugg > 50000)
			sugg_clear(sp);
		xgrow(&sp->sugg_text, &sp->suggcap, sp->nsugg + 1, sizeof(char *));
		sp->sugg_text[sp->nsugg] = xstrdup(str_cstr(&all));
		table_put(&sp->sugg, w, len, sp->nsugg++);
		str_release(&all);
		return n;
	}
	*out = NULL;
	for (const char *p = sp->sugg_text[idx], *nl; (nl = strchr(p, '\n')); p = nl + 1) {
		*out = xrealloc(*out, (n + 1) * sizeof(char *));
		(*out)[n++] = xstrndup(p, (size_t)(nl - p));
	}
	return n;
}

size_t run_suggest(CheckRun *r, const Tok *t, char ***out)
{
	return cached_suggest(r->sp, r->s + t->t.start, t->t.end - t->t.start, t->v, out);
}

/*
 * A foreign word that is the tail of a hyphenated name (Pyong-ryol, Yong-ho) is a name: the
 * word before the hyphen is capitalised.
 */
static bool name_part(const CheckRun *r, size_t i)
{
	const Tok *h = i >= 2 ? &r->toks[i - 1] : NULL;

	return h && (r->toks[i].v.msg == MSG_FOREIGN || r->toks[i].v.msg == MSG_NOT_SYLLABLE) &&
	       h->t.kind == TOK_PUNCT && h->t.cp == '-' && r->toks[i - 2].t.kind == TOK_WORD &&
	       (r->toks[i - 2].t.flags & TF_UPPER_FIRST) && r->toks[i].t.kind == TOK_WORD;
}

static void check_words(CheckRun *r)
{
	for (size_t i = 0; i < r->ntoks; i++) {
		Tok *t = &r->toks[i];
		size_t len = t->t.end - t->t.start;
		char **sugg;
		size_t n;

		if (t->t.kind != TOK_WORD)
			continue;
		t->v = word_verdict(r->sp, r->s + t->t.start, len);
		t->t.flags = t->v.tflags;
		if (t->v.kind == FIND_KIND_COUNT) {
			if (t->v.place == PLACE_NONE || !(t->v.flags & VF_SYLLABLE))
				continue;
			if (t->v.place == PLACE_OLD)
				r->tally.old_tones++;
			else
				r->tally.new_tones++;
			keep_tone(r, t);
			continue;
		}
		if (name_part(r, i))
			continue;
		n = cached_suggest(r->sp, r->s + t->t.start, len, t->v, &sugg);
		model_rerank(r, i, sugg, n);
		run_add(r, t->t.start, t->t.end, (FindingKind)t->v.kind, (Severity)t->v.severity,
			(MsgId)t->v.msg, NULL, sugg, n);
	}
}

static void add_encoding(CheckRun *r, const NormText *nt)
{
	for (size_t i = 0; i < nt->nbad; i++) {
		FindingList *l = r->out;
		Finding *f;
		xgrow(&l->items, &l->cap, l->n + 1, sizeof(*l->items));
		f = &l->items[l->n++];
		memset(f, 0, sizeof(*f));
		f->start = nt->bad[i];
		f->end = nt->bad[i] + 1;
		f->kind = FIND_ENCODING;
		f->severity = SEV_ERROR;
		f->message = xstrdup(spell_msg(r->sp, MSG_ENCODING));
	}
}

static int by_position(const void *a, const void *b)
{
	const Finding *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return (int)x->kind - (int)y->kind;
}

bool spell_check_paragraph(Speller *sp, const char *text, size_t len, const SpellContext *ctx,
	SpellTally *tally, FindingList *out)
{
	NormText nt;
	CheckRun r;
	size_t first = out->n, from = 0;

	if (len > SIZE_MAX / 8)
		return false;
	norm_text(&nt, text, len);
	memset(&r, 0, sizeof(r));
	r.sp = sp;
	r.s = nt.s;
	r.len = nt.len;
	r.out = out;
	r.nt = &nt;
	r.ctx = ctx;
	r.toks = sp->toks;
	r.cap = sp->tokcap;
	r.tones = sp->tones;
	r.tonecap = sp->tonecap;
	add_encoding(&r, &nt);
	do {
		size_t to = segment_end(r.s, r.len, from);
		r.first = from == 0;
		r.last = to == r.len;
		tokenize(&r, from, to);
		check_words(&r);
		rules_real_words(&r);
		rules_model(&r);
		rules_place_names(&r);
		rules_context(&r);
		rules_repeat(&r);
		rules_punctuation(&r);
		rules_capitalization(&r);
		from = to;
	} while (from < r.len);
	rules_tone_style(&r);
	if (tally)
		*tally = r.tally;
	if (out->n > first)
		qsort(out->items + first, out->n - first, sizeof(Finding), by_position);
	sp->toks = r.toks;
	sp->tokcap = r.cap;
	sp->tones = r.tones;
	sp->tonecap = r.tonecap;
	norm_release(&nt);
	return true;
}

bool spell_check(Speller *sp, const char *text, size_t len, FindingList *out)
{
	return spell_check_paragraph(sp, text, len, NULL, NULL, out);
}

void spell_tally(const char *text, size_t len, SpellTally *tally)
{
	NormText nt;
	size_t off = 0;
	Token t;

	tally->old_tones = tally->new_tones = 0;
	norm_text(&nt, text, len);
	while (off < nt.len) {
		off = token_scan(nt.s, nt.len, off, &t);
		if (t.kind == TOK_WORD) {
			Syllable syl;
			if (syllable_parse(nt.s + t.start, t.end - t.start, &syl) == SYL_OK) {
				Placement p = syllable_placement(&syl);
				tally->old_tones += p == PLACE_OLD;
				tally->new_tones += p == PLACE_NEW;
			}
		}
	}
	norm_release(&nt);
}

void spell_add_word(Speller *sp, const char *word)
{
	lex_add_word(&sp->lex, word, true);
	verdict_forget(sp);
	sugg_clear(sp);
}

bool spell_remove_word(Speller *sp, const char *word)
{
	bool had = lex_remove_word(&sp->lex, word);

	if (had) {
		verdict_forget(sp);
		sugg_clear(sp);
	}
	return had;
}

/* The single word token of w in NFC into *nfc; false if w is not exactly one word. */
static bool one_word(const char *w, size_t len, Str *nfc, Token *t)
{
	if (!utf8_nfc(w, len, nfc) || nfc->len == 0)
		return false;
	return token_next(nfc->s, nfc->len, 0, t) == nfc->len && t->kind == TOK_WORD;
}

bool spell_word_ok(Speller *sp, const char *w, size_t len)
{
	Str nfc = STR_INIT;
	Token t;
	bool ok = false;

	if (one_word(w, len, &nfc, &t))
		ok = word_verdict(sp, nfc.s, nfc.len).kind == FIND_KIND_COUNT;
	else if (nfc.len)
		ok = t.kind == TOK_NUMBER || t.kind == TOK_SKIP;
	str_release(&nfc);
	return ok;
}

size_t spell_suggest(Speller *sp, const char *w, size_t len, size_t max, char ***out)
{
	Str nfc = STR_INIT;
	Token t;
	size_t n = 0;

	*out = NULL;
	if (one_word(w, len, &nfc, &t)) {
		Verdict v = word_verdict(sp, nfc.s, nfc.len);
		if (v.kind == FIND_KIND_COUNT)
			v.kind = FIND_SPELLING;
		lex_vi_dict(&sp->lex); /* its search is the last resort of a deep suggestion */
		n = suggest_word(sp, nfc.s, nfc.len, v, out, max, true);
	}
	str_release(&nfc);
	return n;
}

void spell_count_bigrams(const char *text, size_t len, SpellBigramFn fn, void *arg)
{
	NormText nt;
	size_t off = 0, prev_end = 0;
	Str prev = STR_INIT, cur = STR_INIT, pair = STR_INIT;
	Token t;

	norm_text(&nt, text, len);
	while (off < nt.len) {
		Syllable syl;
		off = token_scan(nt.s, nt.len, off, &t);
		if (t.kind == TOK_SPACE)
			continue;
		if (t.kind != TOK_WORD ||
		    syllable_parse(nt.s + t.start, t.end - t.start, &syl) != SYL_OK) {
			str_clear(&prev);
			continue;
		}
		str_clear(&cur);
		word_lower(nt.s + t.start, t.end - t.start, &cur);
		if (prev.len && t.start == prev_end + 1 && nt.s[prev_end] == ' ') {
			str_clear(&pair);
			str_addf(&pair, "%s %s", prev.s, cur.s);
			fn(arg, pair.s, pair.len);
		}
		str_clear(&prev);
		str_add(&prev, cur.s, cur.len);
		prev_end = t.end;
	}
	str_release(&prev);
	str_release(&cur);
	str_release(&pair);
	norm_release(&nt);
}

/* Raises t[key] to n if it is lower. */
static void keep_max(Table *t, const char *key, size_t len, uint64_t n)
{
	uint64_t old = 0;

	if (!table_get(t, key, len, &old) || old < n)
		table_put(t, key, len, n);
}

void spell_counts_changed(Speller *sp)
{
	verdict_forget(sp); /* verdicts carry what the model can say of each syllable */
	table_clear(&sp->bigrams);
	table_clear(&sp->ctx_vars);
	table_clear(&sp->ctx_left);
	table_clear(&sp->ctx_right);
	str_clear(&sp->ctx_text);
}

void spell_set_counts(Speller *sp, const SpellCounts *counts)
{
	spell_counts_changed(sp);
	sp->ctx_whole = false;
	memset(&sp->counts, 0, sizeof(sp->counts));
	if (counts)
		sp->counts = *counts;
}

void spell_set_context(Speller *sp, const char *const *pairs, const int64_t *counts, size_t n)
{
	spell_counts_changed(sp);
	sp->ctx_whole = true;
	for (size_t i = 0; i < n; i++) {
		const char *sp_at;
		size_t len;
		if (!pairs[i] || counts[i] <= 0)
			continue;
		len = strlen(pairs[i]);
		table_put(&sp->bigrams, pairs[i], len, (uint64_t)counts[i]);
		if ((sp_at = memchr(pairs[i], ' ', len))) {
			size_t a = (size_t)(sp_at - pairs[i]);
			keep_max(&sp->ctx_left, pairs[i], a, (uint64_t)counts[i]);
			keep_max(&sp->ctx_right, sp_at + 1, len - a - 1, (uint64_t)counts[i]);
		}
	}
}
