/*
 * spell.h: the Vietnamese spelling and style checker. Text in, findings out.
 *
 * A Speller holds the dictionaries (hunspell vi_VN and en_US when installed, our dict/ files,
 * the newsroom's own words handed in by the caller), a verdict cache per syllable and the
 * context model. It never touches the database or the screen: word lists and bigram counts
 * are handed in as arrays.
 *
 * Input may be any bytes: it is normalised to NFC internally, and every finding reports byte
 * offsets into the input exactly as given (NFD input, a BOM and invalid bytes included).
 * Invalid UTF-8 is a finding of kind "encoding" at its offset.
 *
 * A Speller is not thread-safe (its cache changes while checking); use one per thread.
 */
#ifndef SPELL_SPELL_H
#define SPELL_SPELL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * The kinds of finding: enum name, the name used in output and the corpus, and what it is.
 * The list is written once; the enum and the name table are made from it.
 */
#define SPELL_KINDS(X)                                                                  \
	X(FIND_SPELLING, "spelling")             /* not a word: bad syllable or unknown */ \
	X(FIND_REAL_WORD, "real-word")           /* a real syllable in the wrong word */     \
	X(FIND_CHARACTER, "character")           /* look-alike, legacy or stray character */ \
	X(FIND_REPEAT, "repeat")                 /* a word or phrase written twice */        \
	X(FIND_PUNCTUATION, "punctuation")       /* spacing around marks, quotes, brackets */\
	X(FIND_TONE_STYLE, "tone-style")         /* tone placement against the house style */\
	X(FIND_CAPITALIZATION, "capitalization") /* lower-case sentence start */             \
	X(FIND_ENCODING, "encoding")             /* invalid UTF-8 */

typedef enum FindingKind {
#define SPELL_KIND_ENUM(e, name) e,
	SPELL_KINDS(SPELL_KIND_ENUM)
#undef SPELL_KIND_ENUM
	FIND_KIND_COUNT
} FindingKind;

/* How sure the checker is. */
typedef enum Severity {
	SEV_ERROR,   /* surely wrong */
	SEV_WARNING, /* probably wrong */
	SEV_STYLE,   /* house style, not an error */
} Severity;

/* "spelling", "real-word", ...; NULL for an out-of-range kind. */
const char *finding_kind_name(FindingKind k);

/* Parses a kind name; false if unknown. */
bool finding_kind_parse(const char *name, FindingKind *k);

/* "error", "warning", "style". */
const char *severity_name(Severity s);

typedef struct Finding {
	size_t start, end;   /* byte offsets into the input exactly as given, end exclusive */
	FindingKind kind;
	Severity severity;
	char *message;       /* short, in the language of SpellOptions.language; owned */
	char **suggestions;  /* replacements for [start, end), best first, NFC; owned */
	size_t nsuggestions;
} Finding;

/* Findings in order of start offset (ties: by end). */
typedef struct FindingList {
	Finding *items;
	size_t n, cap;
} FindingList;

void finding_list_init(FindingList *l);
void finding_list_clear(FindingList *l);   /* frees the findings, keeps the array */
void finding_list_release(FindingList *l); /* frees everything; the list is empty again */

/* The house tone placement for oa, oe, uy: hòa / hoà, khỏe / khoẻ, thủy / thuỷ. */
typedef enum ToneStyle {
	TONE_STYLE_ANY, /* both accepted; mixing both in one document is a style finding */
	TONE_STYLE_OLD, /* hòa, khỏe, thủy: the new placement is a style finding */
	TONE_STYLE_NEW, /* hoà, khoẻ, thuỷ: the old placement is a style finding */
} ToneStyle;

/* "any", "old", "new" -> style; false for anything else. */
bool tone_style_parse(const char *s, ToneStyle *style);
const char *tone_style_name(ToneStyle s);

/* How much likelier (natural log) a one-edit neighbour must be in context than the word
 * written before the language model calls the word a real-word error. */
#define SPELL_MARGIN 6.0

typedef struct SpellOptions {
	const char *dict_dir;      /* folder of our word lists (dict/); NULL: none */
	const char *hunspell_dir;  /* folder of vi_VN.{aff,dic}, en_US.*; NULL: /usr/share/hunspell */
	ToneStyle style;           /* the house tone placement */
	const char *const *words;  /* the newsroom's own words (NFC or not), may be NULL */
	size_t nwords;
	const char *language;      /* messages: "vi" (default, NULL) or "en" */
	bool no_system;            /* do not load hunspell at all (tests, fuzzing) */
	double margin;             /* real-word margin of the language model (log odds); 0:
	                              SPELL_MARGIN, the value tuned on held-out news */
} SpellOptions;

typedef struct Speller Speller;

/*
 * Loads the dictionaries. A missing hunspell dictionary is not fatal (see spell_status); a
 * dict/ file that cannot be read or is malformed is: returns NULL with "FILE:LINE: what is
 * wrong" in err.
 */
Speller *spell_new(const SpellOptions *opt, char *err, size_t errlen);
void spell_free(Speller *sp);

/*
 * What the checker runs without, in the language of the messages, e.g. that checking by the
 * system dictionary is off because vi_VN is not installed; NULL when everything is loaded.
 * The string lives as long as sp.
 */
const char *spell_status(const Speller *sp);

/* True when hunspell vi_VN (resp. en_US) was loaded. */
bool spell_has_system_dict(const Speller *sp);
bool spell_has_english(const Speller *sp);

/*
 * Lets go of what loads again on demand (the English dictionary), for a checker that has
 * caught up with its text: the memory goes back to the system, the findings stay the same.
 */
void spell_rest(Speller *sp);

/* Changes the house tone placement for the next checks. */
void spell_set_style(Speller *sp, ToneStyle style);

/*
 * Forgets what the checker worked out per distinct word (verdicts, model ids and neighbour
 * lists, suggestions), keeping the dictionaries and the model: the next check looks at every
 * word afresh, as the first check after loading does.
 */
void spell_forget(Speller *sp);

/*
 * Checks a whole document: appends the findings for text[0, len) to out (which the caller
 * initialised; it is not cleared). Returns false only for a text larger than the checker
 * accepts (SIZE_MAX / 8); the error is then a finding of kind encoding.
 */
bool spell_check(Speller *sp, const char *text, size_t len, FindingList *out);

/*
 * Tone placements counted in a piece of text: the document-level fact that the style rule
 * needs. The editor keeps one per paragraph and hands in the sum of the others.
 */
typedef struct SpellTally {
	size_t old_tones; /* syllables written in the old placement (hòa, thủy) */
	size_t new_tones; /* syllables written in the new placement (hoà, thuỷ) */
} SpellTally;

typedef struct SpellContext {
	SpellTally others;   /* tallies of the rest of the document (zero for none) */
	bool mid_sentence;   /* the text does not begin a sentence (no capitalization check) */
} SpellContext;

/*
 * Checks one paragraph of a larger document, fast enough to run on every keystroke: like
 * spell_check, but the tone-mixing rule also counts ctx->others (ctx may be NULL), and
 * *tally (if not NULL) receives this paragraph's own placements, for the caller to keep.
 */
bool spell_check_paragraph(Speller *sp, const char *text, size_t len, const SpellContext *ctx,
	SpellTally *tally, FindingList *out);

/*
 * How far to check again around an edit of text[start, end): *from and *to widen it to the
 * paragraphs it touches (*to is the paragraph's closing newline, or len), but never more
 * than reach bytes either way: a longer paragraph is cut at the sentence start nearest the
 * edit, failing one at a line or word start. *mid_sentence says the stretch starts inside a
 * sentence (no capital is due there).
 */
#define SPELL_RECHECK_REACH 8192
void spell_recheck_range(const char *text, size_t len, size_t start, size_t end, size_t reach,
	size_t *from, size_t *to, bool *mid_sentence);

/* Counts the tone placements of text without checking it. */
void spell_tally(const char *text, size_t len, SpellTally *tally);

/*
 * The newsroom's own words at run time ("add to dictionary"). A word may be several
 * syllables ("Đắk Glei") or a single token (a foreign name). Adding clears cached verdicts.
 * spell_remove_word returns false if the word was not a newsroom word.
 */
void spell_add_word(Speller *sp, const char *word);
bool spell_remove_word(Speller *sp, const char *word);

/* True if the single token word (any case, NFC or not) is accepted as it stands. */
bool spell_word_ok(Speller *sp, const char *word, size_t len);

/*
 * Suggestions for one token, best first (at most max); the caller frees each and the array.
 * Returns the count; 0 with *out NULL for none.
 */
size_t spell_suggest(Speller *sp, const char *word, size_t len, size_t max, char ***out);

/*
 * The context model. spell_count_bigrams calls fn once for every pair of neighbouring
 * Vietnamese syllables in text (same sentence, no punctuation between), as "a b" lower-case
 * NFC with one space: the caller (the store) adds them to its counts on publish.
 */
typedef void (*SpellBigramFn)(void *arg, const char *pair, size_t len);
void spell_count_bigrams(const char *text, size_t len, SpellBigramFn fn, void *arg);

/*
 * Loads bigram counts (pairs in the form spell_count_bigrams gives) replacing earlier ones
 * (tests and tools; a newsroom uses spell_set_counts).
 * With them, a pair never seen whose one-edit variant (a tone, a consonant or vowel
 * confusion in one syllable) was seen at least SPELL_CONTEXT_MIN times is a real-word
 * warning suggesting that variant.
 */
#define SPELL_CONTEXT_MIN 3
void spell_set_context(Speller *sp, const char *const *pairs, const int64_t *counts, size_t n);

/*
 * The same counts looked up as the checker needs them instead of loaded whole (a newsroom's
 * archive holds millions of pairs): pair gives the count of one pair "a b", first the highest
 * count of a pair starting with syllable s, second the highest of one ending with it; each
 * returns false when the answer cannot be had (then 0 is assumed). Answers are kept until
 * spell_counts_changed or the next spell_set_counts / spell_set_context. NULL: no counts.
 */
typedef struct SpellCounts {
	bool (*pair)(void *arg, const char *pair, int64_t *n);
	bool (*first)(void *arg, const char *syllable, int64_t *n);
	bool (*second)(void *arg, const char *syllable, int64_t *n);
	void *arg;
} SpellCounts;
void spell_set_counts(Speller *sp, const SpellCounts *counts);

/* Forgets the answers kept from the counts (after something was published). */
void spell_counts_changed(Speller *sp);

#endif
