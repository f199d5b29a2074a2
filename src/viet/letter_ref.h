/*
 * letter_ref.h: Vietnamese letters taken apart by canonical decomposition, one code point at
 * a time. This is the general path behind letter.h: letter.c answers from a precomputed table
 * for the Latin ranges Vietnamese uses (U+0000..U+024F, U+1E00..U+1EFF) and asks these
 * functions for every other code point. The table is generated from them
 * (tests/tools/letter_table.c) and the unit tests compare the two over every code point.
 * Each function means what its namesake in letter.h means.
 */
#ifndef VIET_LETTER_REF_H
#define VIET_LETTER_REF_H

#include <stdbool.h>
#include <stdint.h>

#include "viet/letter.h"

int32_t letter_ref_untone(int32_t cp, Tone *tone);
int32_t letter_ref_tone(int32_t base, Tone t);
int32_t letter_ref_fold(int32_t cp);
bool letter_ref_is_vowel(int32_t cp);
bool letter_ref_is_letter(int32_t cp);

#endif
