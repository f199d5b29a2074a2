/*
 * internal.h: what the checker's files share. Not part of the public API (spell.h is).
 *
 * A word's verdict depends only on its bytes and the loaded dictionaries, so it is computed
 * once and cached in Speller.cache, packed into 64 bits (verdict_pack). Rules that need more
 * than one word (repeats, real-word pairs, tone mixing, punctuation) run over the token
 * stream of one check.
 */
#ifndef SPELL_INTERNAL_H
#define SPELL_INTERNAL_H

#include <hunspell.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/str.h"
#include "spell/norm.h"
#include "spell/spell.h"
#include "spell/table.h"
#include "spell/token.h"
#include "viet/syllable.h"

/* Every message, once: id, Vietnamese, English. */
#define SPELL_MESSAGES(X)                                                                  \
	X(MSG_NONE, "", "")                                                                \
	X(MSG_UNKNOWN, "từ không có trong từ điển", "word not in the dictionary")          \
	X(MSG_NOT_SYLLABLE, "không phải âm tiết tiếng Việt", "not a Vietnamese syllable")   \
	X(MSG_MISPLACED, "dấu thanh đặt sai chỗ", "tone mark on the wrong vowel")          \
	X(MSG_STOP_TONE, "vần tắc (-c, -ch, -p, -t) chỉ mang dấu sắc hoặc nặng",           \
	  "finals c, ch, p, t take only the acute or dot tone")                             \
	X(MSG_ORTHO, "sai quy tắc chính tả (c/k, g/gh, ng/ngh)",                           \
	  "against the spelling rule (c/k, g/gh, ng/ngh)")                                  \
	X(MSG_TELEX, "còn sót phím gõ Telex/VNI", "Telex/VNI keys left in the word")        \
	X(MSG_FOREIGN, "từ nước ngoài không có trong từ điển",                             \
	  "foreign word not in the dictionary")                                             \
	X(MSG_NO_MARKS, "viết thiếu dấu", "written without its marks")                      \
	X(MSG_LOOKALIKE, "ký tự giống chữ Việt nhưng sai mã", "look-alike character")      \
	X(MSG_COMBINING, "dấu rời không gắn vào chữ", "stray combining mark")              \
	X(MSG_MOJIBAKE, "chữ theo bảng mã cũ (TCVN3/VNI) bị lỗi font",                     \
	  "text in a legacy encoding (TCVN3/VNI)")                                          \
	X(MSG_ENCODING, "byte không hợp lệ trong UTF-8", "invalid UTF-8 byte")             \
	X(MSG_CONFUSABLE, "dễ nhầm, có lẽ viết sai", "commonly confused, probably wrong") \
	X(MSG_CONTEXT, "cặp từ lạ, thường viết là", "unusual pair, usually written")       \
	X(MSG_NAME, "tên riêng thường viết là", "a name usually written")                  \
	X(MSG_REPEAT, "lặp từ", "repeated word")                                           \
	X(MSG_SPACE_AFTER, "thiếu dấu cách sau dấu câu", "missing space after punctuation") \
	X(MSG_SPACE_BEFORE, "thừa dấu cách trước dấu câu", "space before punctuation")     \
	X(MSG_DOUBLE_SPACE, "thừa dấu cách", "double space")                               \
	X(MSG_UNBALANCED, "dấu ngoặc hoặc ngoặc kép không cân", "unbalanced quote or bracket") \
	X(MSG_LOWER_START, "đầu câu chưa viết hoa", "sentence starts in lower case")      \
	X(MSG_STYLE_OLD, "kiểu bỏ dấu cũ trái quy định (hòa)", "old tone placement (hòa) against house style") \
	X(MSG_STYLE_NEW, "kiểu bỏ dấu mới trái quy định (hoà)", "new tone placement (hoà) against house style") \
	X(MSG_STYLE_MIXED, "lẫn hai kiểu bỏ dấu trong bài", "both tone placements in one article") \
	X(MSG_TOO_LARGE, "văn bản quá lớn", "text too large")

typedef enum MsgId {
#define SPELL_MSG_ENUM(id, vi, en) id,
	SPELL_MESSAGES(SPELL_MSG_ENUM)
#undef SPELL_MSG_ENUM
	MSG_COUNT
} MsgId;

/* One entry of confusables.tsv. */
typedef struct Confusable {
	char *wrong;     /* lower case, syllables separated by one space */
	char *right;     /* as written in the file */
	char *klass;     /* s/x, ch/tr, ... */
	char *note;      /* may be empty */
	size_t nsyl;     /* syllables in wrong */
} Confusable;

/* Every form the English dictionary's words take, as hashes (english.c). */
typedef struct EnglishSieve EnglishSieve;
/* Built from the dictionary's two files; NULL when they cannot be read. */
EnglishSieve *sieve_build(const char *aff, const char *dic);
void sieve_free(EnglishSieve *s);
/* False only when the dictionary certainly does not know the word. */
bool sieve_may_hold(const EnglishSieve *s, const char *word, size_t len);

/* A system dictionary that is only a list of words (plainlist.c). */
typedef struct PlainList PlainList;

/* The list of dictionary files aff and dic; NULL when the dictionary is more than a list (the
 * library must read it) or cannot be read. */
PlainList *plain_read(const char *aff, const char *dic);
void plain_free(PlainList *l);
/* 1 or 0: the library's answer for the word; -1 when only the library can say. */
int plain_spell(const PlainList *l, const char *w, size_t len);

/* A name of two syllables one way round, and the entry before it with the same head. */
typedef struct NamePair {
	char *text;  /* "head tail" */
	size_t next; /* index + 1 in Lexicon.name2 of the head's entry added before (0: none) */
} NamePair;

typedef struct Lexicon {
	const struct Model *lm; /* the language model (borrowed from the Speller), or NULL */
	Hunhandle *vi, *en;
	PlainList *vi_list; /* vi_VN as a word list; vi is then opened only when needed */
	char *vi_dir;       /* where vi_VN lies when vi_list holds it */
	char *en_dir;    /* where en_US lies, opened on first use (it takes long to load);
	                    NULL when it is not installed */
	EnglishSieve *sieve; /* answers "not English" without opening en_US; NULL until asked */
	bool sieve_tried;
	Table known;     /* lower-case tokens of every dict/ entry -> entries using it */
	Table phrases;   /* lower-case entries of two or more syllables */
	NamePair *name2; /* places and peoples of two syllables (places.txt, ethnic.txt), as
	                    "head tail" and "tail head", chained by head (placename.c) */
	size_t nname2, name2cap;
	Table name2_head;/* a first syllable -> index + 1 in name2 of the last entry it heads */
	bool loading_names; /* the list being read names places or peoples (lex_load only) */
	Table newsroom;  /* lower-case newsroom words and their tokens; value = references */
	Table confus;    /* lower-case wrong phrase -> index into conf */
	Table conf_head; /* lower-case first syllable of a wrong phrase -> bit k-1 set for
	                    each length k (up to 3) of the phrases it starts */
	Confusable *conf;
	size_t nconf, confcap;
	Table never;     /* lower-case words never offered as a suggestion (vulgar words) */
} Lexicon;

/* A syllable written in one tone placement, kept for the document-wide style rule. */
typedef struct ToneWord {
	size_t start, end; /* in the NFC text */
	uint8_t place;     /* PLACE_OLD or PLACE_NEW */
} ToneWord;

typedef struct Tok Tok;
typedef struct Model Model;

/* The kinds of one-edit neighbour (neighbour.c), each a byte before the neighbour's text. */
enum {
	NB_TONE = 1, NB_VOWEL, NB_INITIAL, NB_FINAL, NB_MARKS, NB_IY, NB_KINDS
};

/* One neighbour of a syllable in the model: its id and the kind of edit. */
typedef struct NbEntry {
	uint16_t id;
	uint8_t kind;
} NbEntry;

struct Speller {
	Lexicon lex;
	ToneStyle style;
	bool english_msgs;
	Table cache;     /* word bytes -> packed Verdict */
	struct FrontSlot *front; /* a direct-mapped copy of recent verdicts of short words */
	unsigned front_bits;     /* of its 1 << FRONT_BITS slots, the first 1 << front_bits in use */
	Model *lm;       /* the language model of news (dict/news.lm), or NULL */
	double margin;   /* how much likelier a neighbour must be to flag a real-word error */
	Table nb_index;  /* lower-case token -> its model id | (offset in nb + 1) << 16 */
	NbEntry *nb;     /* neighbour lists: a header {count, 0} then the entries */
	size_t nnb, nbcap;
	SpellCounts counts; /* the newsroom's counts asked one at a time (pair NULL: none) */
	bool ctx_whole;  /* the tables below hold every pair (spell_set_context), not answers */
	/* The three tables below hold every pair when loaded whole (spell_set_context), else
	 * the answers asked of SpellCounts so far. */
	Table bigrams;   /* "a b" -> count (the context model) */
	Table ctx_vars;  /* syllable -> offset in ctx_text of its one-edit variants */
	Table ctx_left;  /* syllable -> highest count of a pair it starts */
	Table ctx_right; /* syllable -> highest count of a pair it ends */
	Str ctx_text;    /* the variant lists ctx_vars points to: each variant ended by a NUL,
	                    each list by an empty string */
	Table sugg;      /* flagged word bytes -> index into sugg_text */
	char **sugg_text;/* suggestions of a flagged word, each ended by '\n' */
	size_t nsugg, suggcap;
	char *status;    /* what runs without; NULL for nothing */
	Tok *toks;       /* the token buffer of the last check, reused by the next */
	size_t tokcap;
	ToneWord *tones; /* the tone-placed syllables of the last check, reused */
	size_t tonecap;
};

/* A word's verdict. kind FIND_KIND_COUNT means the word is fine. */
typedef struct Verdict {
	uint8_t kind;
	uint8_t severity;
	uint8_t msg;
	uint8_t place;   /* Placement of a Vietnamese syllable */
	uint8_t flags;   /* VF_* */
	uint8_t tflags;  /* the word's TF_* facts (token_flags), kept so a check need not scan twice */
} Verdict;

/*
 * The front of the verdict cache: up to 16384 slots, each holding one word of at most 16
 * bytes by its whole bytes (two overlapping 8-byte loads and the length), so a hit costs no
 * hashing of the general kind and no key comparison in memory. value: the packed verdict
 * with the word's length in the top byte (0: empty). Only the first 1 << front_bits slots
 * are used, from FRONT_MIN_BITS up as the verdict cache grows, so that a short text touches
 * a few pages of it and not all 96.
 */
#define FRONT_BITS 14
#define FRONT_MIN_BITS 10
typedef struct FrontSlot {
	uint64_t a, b, value;
} FrontSlot;

enum {
	VF_SYLLABLE = 1 << 0,  /* a Vietnamese syllable (for pairs and the context model) */
	VF_CONF_HEAD = 1 << 1, /* its lower case starts a confusable phrase */
	VF_NAME = 1 << 2,      /* accepted as a foreign name or abbreviation */
	VF_CONF_LEN1 = 1 << 3, /* a confusable phrase of 1 (<< 1: 2, << 2: 3) syllables starts here */
	VF_CTX_LEFT = 1 << 6,  /* the context model has a variant of it that may win on a pair's left */
	VF_CTX_RIGHT = 1 << 7, /* ... on a pair's right */
};

uint64_t verdict_pack(Verdict v);
Verdict verdict_unpack(uint64_t x);

/* lexicon.c */
/* A well-formed syllable news printed this often is a word without asking hunspell. */
#define LEX_NEWS_WORD 10
bool lex_load(Lexicon *lx, const SpellOptions *opt, Str *status, char *err, size_t errlen);
void lex_release(Lexicon *lx);
/* A lower-case NFC Vietnamese syllable known to some dictionary (either placement). */
bool lex_syllable(Lexicon *lx, const char *lower, size_t len);
/* A token known as it stands from dict/ or the newsroom (lower-case form looked up). */
bool lex_known(Lexicon *lx, const char *lower, size_t len);
/* Known to the English dictionary (false without one). */
bool lex_english(Lexicon *lx, const char *word, size_t len);
/* The English dictionary, opened now if it was not yet; NULL when it is not installed. */
Hunhandle *lex_english_dict(Lexicon *lx);
/* The system dictionary of Vietnamese, opened if it was read as a list; NULL if none. */
Hunhandle *lex_vi_dict(Lexicon *lx);
bool lex_has_vi(const Lexicon *lx);
/* True when an English dictionary is installed (opened or not). */
bool lex_has_english(const Lexicon *lx);
/* Lets the English dictionary go until it is needed again. */
void lex_rest(Lexicon *lx);
/*
 * How many entries of our dict/ lists use the lower-case token (0 if none): the frequency
 * signal that ranks suggestions for text typed without marks (nguoi -> người first).
 */
uint64_t lex_frequency(const Lexicon *lx, const char *lower, size_t len);
/* A multi-syllable word in the lists (lower case, one space between syllables). */
/* True for a word that must never be offered as a suggestion (dict/never-suggest.txt). */
bool lex_never_suggest(const Lexicon *lx, const char *lower, size_t len);
bool lex_phrase(Lexicon *lx, const char *lower, size_t len);
void lex_add_word(Lexicon *lx, const char *word, bool newsroom);
bool lex_remove_word(Lexicon *lx, const char *word);

/* word.c */
/* The verdict on word w (NFC), from the cache or computed and cached; .tflags holds its facts. */
Verdict word_verdict(Speller *sp, const char *w, size_t len);
/* Forgets every cached verdict (when the dictionaries change). */
void verdict_forget(Speller *sp);
/* The character rule's replacement for w, or false if w has no bad character. */
bool word_fix_chars(Speller *sp, const char *w, size_t len, Str *out, MsgId *msg);
/* Appends the lower case of w. */
void word_lower(const char *w, size_t len, Str *out);

/* leftover.c: typing-method leftovers and legacy fonts, each appending a candidate. */
bool leftover_telex(const char *w, size_t len, Str *out);
bool leftover_vni(const char *w, size_t len, Str *out);
bool legacy_tcvn3(const char *w, size_t len, Str *out);
bool legacy_vni(const char *w, size_t len, Str *out);

/*
 * suggest.c: suggestions for a flagged word, best first; returns the count. Our own
 * candidates only, unless deep, when the system dictionary's search is the last resort
 * (slow: for one word asked about, never on the checking path).
 */
size_t suggest_word(Speller *sp, const char *w, size_t len, Verdict v, char ***out, size_t max,
	bool deep);
/* Appends the one-edit confusion variants of the lower-case syllable s, NUL-separated. */
void suggest_confusions(const char *s, size_t len, Str *out);

/* rules.c: the rules over the token stream of one text. */
struct Tok {
	Token t;
	Verdict v;        /* for words */
	uint16_t lm;      /* the model id of a word (MODEL_NONE: unknown), set by rules_model */
	uint32_t nb;      /* offset + 1 of its neighbour list in Speller.nb (0: none) */
	bool taken;       /* a rule has flagged this occurrence: no other rule adds a finding */
};

/*
 * One check. The text is checked in segments that end just after a line break (no rule
 * looks across one, except the tone style, which reads the whole document's tones list, and
 * a quotation left open at a segment's end, which the next segment may close):
 * toks holds the tokens of the current segment only, so the buffer stays small and warm.
 */
typedef struct CheckRun {
	Speller *sp;
	const char *s;    /* NFC text, whole */
	size_t len;
	Tok *toks;        /* the current segment's tokens */
	size_t ntoks, cap;
	bool first;       /* the segment is the first of the text */
	bool last;        /* the segment is the last of the text */
	size_t quote_start, quote_end; /* a quote left open by the last segment's last paragraph,
	                                  which the next may close (quote_end 0: none) */
	ToneWord *tones;  /* tone-placed syllables of the whole text, in order */
	size_t ntones, tonecap;
	FindingList *out;
	const NormText *nt;
	SpellTally tally;
	const SpellContext *ctx;
} CheckRun;

void run_add(CheckRun *r, size_t start, size_t end, FindingKind k, Severity sev, MsgId msg,
	const char *detail, char **sugg, size_t nsugg);
/* The suggestions for flagged word token t, as its finding has them (cached); see suggest_word. */
size_t run_suggest(CheckRun *r, const Tok *t, char ***out);
void rules_punctuation(CheckRun *r);
void rules_repeat(CheckRun *r);
void rules_capitalization(CheckRun *r);
void rules_tone_style(CheckRun *r);
void rules_real_words(CheckRun *r);
void rules_context(CheckRun *r);
/* The language model's id of word text w (any case), or MODEL_NONE. */
uint16_t text_id(const Speller *sp, const char *w, size_t len);
/* placename.c: a slip inside a well-known name (Hà Nôi, Sai Gòn). */
void rules_place_names(CheckRun *r);
/* realword.c: real-word errors by the language model's noisy channel. */
void rules_model(CheckRun *r);
/* Puts the suggestions for word token i in the order the model likes them in context. */
void model_rerank(const CheckRun *r, size_t i, char **sugg, size_t n);
/*
 * True when the lower-case word lo, which no dictionary knows, is one news prints often
 * (a loanword, a transliteration, a name) and is not far rarer than a one-edit neighbour.
 */
bool model_news_word(Speller *sp, const char *lo, size_t len);
/* True when news prints word w twice in a row as a reduplication (nhỏ nhỏ, chốc chốc). */
bool model_doubled(const Speller *sp, const char *w, size_t len);
/*
 * True when news binds words a and b (thi công, mười ngày): a pair seen at least 20 times
 * and 10 times likelier than chance; share[0] is the part of a's uses followed by b,
 * share[1] the part of b's uses that follow a.
 */
bool model_bond(const Speller *sp, const char *a, size_t alen, const char *b, size_t blen,
	double share[2]);
/* How often news printed word w (any case; 0 without a model or for an unknown word). */
uint64_t model_frequency(const Speller *sp, const char *w, size_t len);
/* True when word i begins a sentence (only opening marks between it and the last end). */
bool rules_sentence_start(const CheckRun *r, size_t i);
/* The written case of the word at token first applied to right, as a one-item list. */
char **context_cased(const CheckRun *r, size_t first, const char *right);
/* The count of the pair "a b" in the newsroom's published text (0 without one). */
int64_t context_count(Speller *sp, const char *a, size_t alen, const char *b, size_t blen);
/* True when the newsroom's counts are there to ask. */
bool context_on(const Speller *sp);

/* neighbour.c: class byte, then the neighbour's text, then a NUL, for each neighbour. */
void neighbour_list(const char *s, size_t len, Str *out);
void neighbour_marked(const char *s, size_t len, Str *out);
/* VF_CTX_LEFT and VF_CTX_RIGHT for the lower-case syllable lo (0 without a context model). */
unsigned context_sides(Speller *sp, const char *lo, size_t len);

const char *spell_msg(const Speller *sp, MsgId id);

#endif
