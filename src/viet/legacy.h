/*
 * legacy.h: the Vietnamese text encodings that came before Unicode, and how to get out of them.
 *
 * Copy still arrives from old Windows machines and from PDFs in one of five legacy forms:
 *
 *   TCVN3   one byte per letter (TCVN 5712:1993, the "ABC" fonts); capitals with a tone, which
 *           the fonts drew from lower-case codes in a capitals font, use the standard's full set
 *   VNI     the VNI-Windows font encoding: an ASCII base letter followed by one mark byte
 *           (tone, vowel mark, or both in one byte); ơ ư đ and the toned i, ỵ are single bytes
 *   VISCII  one byte per letter (RFC 1456), six C0 positions included
 *   VIQR    7-bit mnemonics: a( a^ e^ o^ o+ u+ dd, tones ' ` ? ~ . after the vowel mark;
 *           a backslash before a mnemonic character makes it literal ("3\." stays "3.")
 *   CP1258  Windows-1258: letters with their vowel mark precomposed, tones as combining bytes
 *
 * Everything decodes to NFC UTF-8. The encoders exist so that tests (and anyone moving text
 * back to an old system) can produce each form; they write the same bytes the old tools did.
 */
#ifndef VIET_LEGACY_H
#define VIET_LEGACY_H

#include <stdbool.h>
#include <stddef.h>

#include "base/str.h"

/* X(enum, canonical name, other accepted names separated by '|', description) */
#define ENCODING_LIST(X)                                                          \
	X(ENC_UTF8, "utf-8", "utf8", "Unicode UTF-8")                             \
	X(ENC_TCVN3, "tcvn3", "abc|tcvn|tcvn5712|tcvn-5712", "TCVN3 (ABC)")      \
	X(ENC_VNI, "vni", "vni-windows|vni-win", "VNI-Windows")                   \
	X(ENC_VISCII, "viscii", "", "VISCII")                                     \
	X(ENC_VIQR, "viqr", "vietnet", "VIQR")                                    \
	X(ENC_CP1258, "cp1258", "windows-1258|win1258|1258", "Windows-1258")

typedef enum Encoding {
#define X(e, name, alt, desc) e,
	ENCODING_LIST(X)
#undef X
	ENCODING_COUNT
} Encoding;

/* The canonical lower-case name ("tcvn3"); "?" for a value out of range. */
const char *encoding_name(Encoding e);

/* A human description ("TCVN3 (ABC)"). */
const char *encoding_description(Encoding e);

/*
 * Looks a name up, case-insensitively, among the canonical and the other accepted names
 * ("TCVN3", "abc", "Windows-1258"...). Returns false (and leaves *e alone) if unknown.
 */
bool encoding_parse(const char *name, Encoding *e);

/* Why bytes could not be decoded: the caller words it in the reader's language. */
typedef enum LegacyFaultKind {
	LEGACY_NUL,        /* a NUL byte at offset */
	LEGACY_BAD_UTF8,   /* invalid UTF-8 (UTF-8 or VIQR text) at offset */
	LEGACY_UNDEFINED,  /* byte at offset has no character in the encoding */
	LEGACY_UNDECODED,  /* the decoded characters did not normalise */
} LegacyFaultKind;

typedef struct LegacyFault {
	LegacyFaultKind kind;
	size_t offset;
	unsigned char byte;
} LegacyFault;

/*
 * Appends the NFC UTF-8 form of in (len bytes, in encoding enc) to out. ENC_UTF8 validates
 * and normalises (NFD input becomes NFC). Returns false, with out as it was and what went
 * wrong in *fault (when fault is not NULL), when the bytes cannot be in that encoding: invalid
 * UTF-8 at byte 57, byte 0x81 at offset 3 undefined in Windows-1258. NUL bytes are refused in
 * every encoding.
 */
bool legacy_decode(Encoding enc, const char *in, size_t len, Str *out, LegacyFault *fault);

/*
 * Appends utf8 (len bytes, valid UTF-8; it is taken to NFC first) encoded in enc to out.
 * Characters the encoding cannot hold are written as '?' and make the result false; out is
 * complete either way. ENC_UTF8 appends the NFC text.
 */
bool legacy_encode(Encoding enc, const char *utf8, size_t len, Str *out);

/* What detection found, for callers that want to explain a guess. */
typedef struct LegacyGuess {
	Encoding enc;    /* the answer: the best candidate if confident, else ENC_UTF8 */
	Encoding best;   /* the best-scoring candidate, confident or not */
	bool confident;  /* enough Vietnamese evidence and a clear lead over the runner-up */
	int score;       /* the best candidate's score: valid syllables minus twice the invalid */
	int runner_up;   /* the second-best score */
} LegacyGuess;

/*
 * Guesses the encoding of in by decoding it with each candidate and scoring the words that
 * carry non-ASCII letters (or VIQR marks) by whether they are well-formed Vietnamese syllables.
 * Valid UTF-8 that is not plain ASCII is UTF-8 (NFC or NFD); plain ASCII is UTF-8 unless it
 * reads clearly as VIQR. Short or ambiguous input gives ENC_UTF8 with *confident false rather
 * than a wrong guess; decoding invalid UTF-8 as UTF-8 then fails with the bad byte's offset.
 * confident may be NULL.
 */
Encoding legacy_detect(const char *in, size_t len, bool *confident);

/* The same as legacy_detect, with the scores. */
void legacy_guess(const char *in, size_t len, LegacyGuess *g);

/*
 * Repairs mojibake in valid UTF-8 text: words whose characters are all in Latin-1 or
 * Windows-1252 and which read as TCVN3 or VNI bytes ("Ng\u00ADêi" -> "Người", "Vieät" ->
 * "Việt"). The encoding is chosen once for the whole text from the evidence; a word is
 * converted only if it has an ASCII base letter (a lone "–" is a dash, not a garbled "Ọ"), is
 * not Vietnamese as it stands and becomes a valid syllable, except
 * when nearly every such word in the text is mojibake, in which case every word that decodes
 * to a valid syllable is converted. Appends the result, in NFC, to out and returns the number
 * of words repaired; 0 means out got the text unchanged but for NFC. Invalid UTF-8 is copied
 * as it is (0).
 */
size_t legacy_repair_mojibake(const char *utf8, size_t len, Str *out);

/*
 * Repairs look-alikes (viet_lookalike) in valid UTF-8 text where they can only be the letter
 * they stand for: ƣ Ƣ always ("trƣờng" -> "trường"); a Greek or Cyrillic look-alike in a word
 * that has Latin letters too ("Hаnoi" with a Cyrillic а); Ð ð ǎ Ǎ in a text that has letters
 * only Vietnamese writes, when the word becomes a syllable ("Ðà" -> "Đà", but an Icelandic
 * or Pinyin word keeps its letters). Appends the result, in NFC when it changed, to out and
 * returns the number of characters repaired; 0 means out got the text unchanged.
 */
size_t legacy_repair_lookalikes(const char *utf8, size_t len, Str *out);

/* How well a decoded text reads as Vietnamese. */
typedef struct LegacyScore {
	int valid;         /* words with a letter outside ASCII that are syllables */
	int invalid;       /* and those that are not ("ẪÕng" from UTF-8 read as TCVN3) */
	size_t first;      /* the first word that is not: its offset in the text */
	size_t first_len;  /* and its length in bytes; both 0 when invalid is 0 */
} LegacyScore;

/*
 * Scores utf8 (len bytes of decoded text, NFC) as legacy_guess scores a candidate, over the
 * same first 64 KiB; words here are runs of letters and marks, so that the quotes and dashes
 * around a word do not count against it. A text in the right encoding has nearly every word
 * valid; one read in the wrong one has nearly every word with a mark invalid.
 */
void legacy_score(const char *utf8, size_t len, LegacyScore *sc);

/*
 * True if word (valid UTF-8, one word, any case) has the shape of a Vietnamese syllable: an
 * initial consonant, a known rhyme and at most one tone, with the stop endings (c, ch, p, t)
 * taking only the acute or the dot. "nghiêng", "quốc", "gì" are; "Vieät", "cafộ" are not.
 */
bool legacy_syllable_ok(const char *word, size_t len);

#endif
