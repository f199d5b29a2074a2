/*
 * speller.h: the checker set up for one newsroom, the same way for `toasoan spell` and for
 * the editor: the dict folder and house style from the config, the newsroom's own words and
 * the syllable pair counts of everything published (the context model), asked of the desk.
 */
#ifndef CLI_SPELLER_H
#define CLI_SPELLER_H

#include <stddef.h>

#include "news/config.h"
#include "news/desk.h"
#include "spell/spell.h"

/*
 * Opens a checker. d may be NULL (no database: no newsroom words, no context). style is
 * "old", "new", "any" or NULL for the config's. Returns NULL with the reason in err; a
 * checker that runs with less (no system dictionary) is returned and spell_status() says so.
 */
Speller *newsroom_speller(Desk *d, const Config *cfg, const char *style, const char *lang,
			  char *err, size_t errlen);

/*
 * Points sp at the pair counts of published text in d's database: looked up as the checker
 * needs them, never loaded whole, so opening costs nothing whatever the archive's size. d
 * must outlive sp. Call again (or spell_counts_changed) after something was published.
 */
void newsroom_speller_context(Desk *d, Speller *sp);

#endif
