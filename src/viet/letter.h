/*
 * letter.h: Vietnamese letters one code point at a time: tones, vowel marks, folding.
 *
 * A Vietnamese vowel letter carries at most one vowel mark (circumflex â ê ô, breve ă, horn
 * ơ ư) and at most one tone mark. The functions here take a letter apart and put it back
 * together; everything above the letter (syllables, placement of the tone) is in syllable.h.
 */
#ifndef VIET_LETTER_H
#define VIET_LETTER_H

#include <stdbool.h>
#include <stdint.h>

#include "base/str.h"

/* The six tones, in the order of Vietnamese dictionaries. */
typedef enum Tone {
	TONE_NONE,  /* ngang */
	TONE_GRAVE, /* huyền  à */
	TONE_HOOK,  /* hỏi    ả */
	TONE_TILDE, /* ngã    ã */
	TONE_ACUTE, /* sắc    á */
	TONE_DOT,   /* nặng   ạ */
} Tone;

/* Removes the tone mark of cp, keeping case and vowel mark (ệ -> ê); *tone gets the tone. */
int32_t viet_untone(int32_t cp, Tone *tone);

/* Puts tone t on the toneless vowel base (ê + TONE_DOT -> ệ); 0 if base takes no tone. */
int32_t viet_tone(int32_t base, Tone t);

/*
 * The plain Latin letter under cp: ệ -> e, Ư -> U, đ -> d, Đ -> D; other cp unchanged. The
 * Latin look-alikes of viet_lookalike fold as the letter they stand for (Ð -> D, ƣ -> u), so
 * that search finds text that carries them; Greek and Cyrillic letters are left as they are.
 */
int32_t viet_fold(int32_t cp);

/*
 * The letter a look-alike stands for, or 0: a character drawn like a Vietnamese or Latin
 * letter that old fonts, PDF copies and other scripts put in its place (ƣ U+01A3 for ư, Ð
 * U+00D0 for Đ, ǎ for ă, Cyrillic а for a). Whether a look-alike in a text is one is for the
 * caller to judge: ð is also an Icelandic letter and а a Russian one.
 */
int32_t viet_lookalike(int32_t cp);

/* True for a Greek or Cyrillic letter: a look-alike from those scripts is one only beside
 * Latin letters, since no word mixes the scripts. */
bool viet_greek_or_cyrillic(int32_t cp);

/* True for a, ă, â, e, ê, i, o, ô, ơ, u, ư, y in any case and with any tone. */
bool viet_is_vowel(int32_t cp);

/* True for every letter of the Vietnamese alphabet (with marks), in either case. */
bool viet_is_letter(int32_t cp);

/*
 * Appends s folded for matching: lower case, tones and marks removed, đ -> d, so that
 * "Đà Nẵng" and "da nang" compare equal. Invalid bytes are copied.
 */
void viet_fold_str(const char *s, size_t len, Str *out);

/*
 * Appends a binary collation key for s in Vietnamese alphabetical order (a ă â b c d đ e ê
 * ... y, then the tone as a tie-breaker, then case); compare keys with memcmp / strcmp.
 */
void viet_collate_key(const char *s, size_t len, Str *out);

#endif
