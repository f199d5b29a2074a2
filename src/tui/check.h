/*
 * check.h: live checking for the editor: runs the checker over changed paragraphs and keeps
 * the findings behind the spans of a field's Overlay (span kind = severity, span tag = the
 * finding's id here). Internal to src/tui.
 */
#ifndef TUI_CHECK_H
#define TUI_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "edit/doc.h"
#include "edit/overlay.h"
#include "news/config.h"
#include "news/desk.h"

/* The most fields an article has (title, sapo, body, byline, section, tags). */
#define CHECK_MAX_FIELDS 8

/* Span kinds: the finding's severity. */
enum { CHECK_ERROR, CHECK_WARNING, CHECK_STYLE };

typedef struct CheckFinding {
	const char *message;              /* short, in the interface language */
	const char *const *suggestions;   /* best first */
	size_t nsuggestions;
	int severity;                     /* CHECK_ERROR, CHECK_WARNING or CHECK_STYLE */
} CheckFinding;

typedef struct Checker Checker;

/*
 * Loads the newsroom's checker (newsroom_speller: the config's dictionaries and house style,
 * the newsroom's own words and the context counts of published text). Returns NULL with a
 * message in err when it cannot run at all (the editor then works without checking and says
 * so).
 */
Checker *checker_new(Desk *d, const Config *cfg, const char *lang, char *err, size_t errlen);
void checker_free(Checker *c);

/* What the checker runs without (a missing system dictionary), or NULL. */
const char *checker_status(const Checker *c);

/* Counts the tone placements of one field without checking it: before a first full check,
 * so that every field is judged against the whole article. */
void checker_count(Checker *c, int field, const char *text, size_t len);

/* Keeps every field's tone tally current as d is edited, in time proportional to the edit
 * (call once; fields loaded afterwards are counted with checker_count). */
void checker_follow(Checker *c, Doc *d);

/*
 * Checks the paragraphs of text[0, len) that meet [start, end), replacing the spans there in
 * o. Only those paragraphs are read again: this is the per-keystroke path. field (below
 * CHECK_MAX_FIELDS) says which field the text is, so that mixing both tone placements is judged
 * over the whole article. prose is false for
 * fields that are names and lists (byline, section, tags): no sentence-start capital there.
 */
void checker_run(Checker *c, int field, const char *text, size_t len, size_t start, size_t end,
		 bool prose, Overlay *o);

/* The finding behind a span's tag; false if it is gone. Valid until the next checker call. */
bool checker_get(const Checker *c, uint32_t tag, CheckFinding *out);

/* Stops flagging this exact text for the rest of the session. */
void checker_ignore(Checker *c, const char *word, size_t len);

/* The texts ignored so far (*n of them); valid until the next checker_ignore. */
char *const *checker_ignored(const Checker *c, size_t *n);

/* Accepts a word from now on (after the desk stored it in the newsroom dictionary). */
void checker_add_word(Checker *c, const char *word);

/*
 * Errors and warnings (not style notes) in one whole field, leaving out findings over the
 * exact texts in skip (the article's ignored findings): what the submit question counts.
 * Call checker_count for every field first, as for a first check.
 */
size_t checker_mistakes(Checker *c, int field, const char *text, bool prose,
			char *const *skip, size_t nskip);

/* Forgets findings no span refers to any more (call after edits; overlays of all fields). */
void checker_collect(Checker *c, Overlay *const *overlays, size_t n);

/* The text is checked for now: what loads again on demand is let go (see spell_rest). */
void checker_rest(Checker *c);

#endif
