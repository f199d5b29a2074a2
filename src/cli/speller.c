/*
 * speller.c: wiring the checker to a newsroom. The desk hands over the newsroom's words,
 * which the checker copies; the published pair counts stay in the database and the checker
 * asks the desk for them one at a time, so the desk must outlive the Speller.
 */
#include "cli/speller.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "news/msg.h"
#include "base/banned.h"

static bool ask_pair(void *d, const char *pair, int64_t *n)
{
	return desk_pair_lookup(d, PAIR_COUNT, pair, n);
}

static bool ask_first(void *d, const char *syllable, int64_t *n)
{
	return desk_pair_lookup(d, PAIR_FIRST, syllable, n);
}

static bool ask_second(void *d, const char *syllable, int64_t *n)
{
	return desk_pair_lookup(d, PAIR_SECOND, syllable, n);
}

void newsroom_speller_context(Desk *d, Speller *sp)
{
	SpellCounts c = {ask_pair, ask_first, ask_second, d};

	spell_set_counts(sp, &c);
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
	if (sp && d)
		newsroom_speller_context(d, sp);
	for (size_t i = 0; i < nwords; i++)
		free(words[i]);
	free(words);
	free(dir);
	return sp;
}
