/*
 * syllable.h: one Vietnamese syllable taken apart: initial consonant, rhyme (vowel nucleus and
 * final), tone, and where the tone mark sits.
 *
 * Vietnamese writes the tone on one vowel of the nucleus. Two placements are in use for the
 * open rhymes oa, oe and uy: the old one on the first vowel (hòa, khỏe, thủy) and the new
 * one on the second (hoà, khoẻ, thuỷ). Everywhere else the place is fixed: a marked vowel
 * (ă â ê ô ơ ư, the last one in ươ) takes it, else the last vowel before a final consonant,
 * else the middle of three vowels, else the first of two.
 */
#ifndef VIET_SYLLABLE_H
#define VIET_SYLLABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/str.h"
#include "viet/letter.h"

#define SYL_MAX 8 /* letters in the longest syllable we parse (nghiêng has 7) */

/* Which placement a written syllable uses. */
typedef enum Placement {
	PLACE_NONE, /* no choice in this syllable (no tone, or a fixed place) */
	PLACE_OLD,  /* hòa, khỏe, thủy */
	PLACE_NEW,  /* hoà, khoẻ, thuỷ */
} Placement;

/* What is wrong with a syllable, best news first. */
typedef enum SylStatus {
	SYL_OK,         /* a well-formed syllable, tone in an accepted place */
	SYL_MISPLACED,  /* well-formed, but the tone sits on the wrong vowel (tóan, nứơc, qúa) */
	SYL_STOP_TONE,  /* final c, ch, p or t with a tone other than sắc or nặng */
	SYL_SPELLING,   /* c/k, g/gh, ng/ngh or i/y written against the rule (ghà, ngiêng, kà) */
	SYL_BAD_RHYME,  /* the letters are Vietnamese but form no Vietnamese rhyme */
	SYL_NOT_VIET,   /* not a Vietnamese syllable at all (letters f j w z, two tones, ...) */
} SylStatus;

typedef struct Syllable {
	int32_t base[SYL_MAX]; /* the letters, lower case, tone removed, vowel marks kept */
	bool upper[SYL_MAX];   /* which letters were written in upper case */
	size_t n;              /* letters in base */
	size_t ninit;          /* letters of the initial consonant (gi and qu count as two) */
	size_t vstart, vend;   /* the vowel nucleus [vstart, vend); gi + consonant shares its i */
	Tone tone;             /* the tone written */
	int tone_at;           /* index in base of the letter that carried it, -1 for none */
	int place_old;         /* where the old placement puts a tone, -1 if no vowel */
	int place_new;         /* where the new placement puts it (= place_old outside oa oe uy) */
	SylStatus status;      /* the verdict of the rules (no dictionary involved) */
} Syllable;

/*
 * Parses one token of letters (UTF-8, NFC or not). Fills *syl and returns its status; a
 * token too long, with a letter outside the Vietnamese alphabet or with two tone marks is
 * SYL_NOT_VIET. Orthography rules decide the status; no dictionary is consulted.
 */
SylStatus syllable_parse(const char *s, size_t len, Syllable *syl);

/* The placement the written syllable uses (PLACE_NONE unless it is an oa/oe/uy choice). */
Placement syllable_placement(const Syllable *syl);

/*
 * Appends the syllable with tone t at index at (-1: no tone), keeping the written case,
 * in NFC.
 */
void syllable_write(const Syllable *syl, Tone t, int at, Str *out);

/*
 * Appends the syllable written correctly: the tone in its right place (the new placement when
 * prefer is PLACE_NEW, else the old), the initial spelled by the c/k, g/gh, ng/ngh rules.
 * Returns false (nothing appended) when the rhyme is not Vietnamese.
 */
bool syllable_respell(const Syllable *syl, Placement prefer, Str *out);

/* True if the toneless lower-case rhyme r (UTF-8) is a Vietnamese rhyme. */
bool syllable_rhyme_ok(const char *r);

/* True for the finals c, ch, p, t, which take only sắc or nặng. */
bool syllable_is_stop(const Syllable *syl);

#endif
