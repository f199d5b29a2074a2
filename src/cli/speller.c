/*
 * speller.c: wiring the checker to a newsroom. The desk hands over words and counts; the
 * checker keeps its own copies, so nothing here outlives the call but the Speller.
 */
#include "cli/speller.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "news/msg.h"
#include "base/banned.h"

typedef struct Pairs {
	char **pairs;
	int64_t *counts;
	size_t n, cap, ccap;
} Pairs;

static void add_pair(const char *pair, int64_t n, void *ud)
{
	Pairs *p = ud;
	xgrow(&p->pairs, &p->cap, p->n + 1, sizeof(*p->pairs));
	xgrow(&p->counts, &p->ccap, p->n + 1, sizeof(*p->counts));
	p->pairs[p->n] = xstrdup(pair);
	p->counts[p->n++] = n;
}

bool newsroom_speller_context(Desk *d, Speller *sp)
{
	Pairs p = {0};
	bool ok = desk_pairs(d, add_pair, &p);

	if (ok)
		spell_set_context(sp, (const char *const *)p.pairs, p.counts, p.n);
	for (size_t i = 0; i < p.n; i++)
		free(p.pairs[i]);
	free(p.pairs);
	free(p.counts);
	return ok;
}

Speller *newsroom_speller(Desk *d, const Config *cfg, const char *style, const char *lang,
			  char *err, size_t errlen)
{
	SpellOptions opt = {0};
	char **words = NULL, *dir;
	size_t nwords = 0;
	Speller *sp = NULL;

	if (!style)
		style = cfg->spell_style;
	if (style && !tone_style_parse(style, &opt.style)) {
		snprintf(err, errlen, msg_tr(lang_parse(lang), "unknown style '%s' (old, new or any)"),
			 style);
		return NULL;
	}
	if (d && !desk_words(d, &words, &nwords)) {
		snprintf(err, errlen, "%s", desk_errmsg(d));
		return NULL;
	}
	dir = config_dict_dir(cfg);
	opt.dict_dir = dir;
	opt.hunspell_dir = cfg->system_dict;
	opt.words = (const char *const *)words;
	opt.nwords = nwords;
	opt.language = lang;
	sp = spell_new(&opt, err, errlen);
	if (sp && d && !newsroom_speller_context(d, sp)) {
		snprintf(err, errlen, "%s", desk_errmsg(d));
		spell_free(sp);
		sp = NULL;
	}
	for (size_t i = 0; i < nwords; i++)
		free(words[i]);
	free(words);
	free(dir);
	return sp;
}
