/*
 * letter.c: letter-level Vietnamese. The Latin ranges Vietnamese uses (U+0000..U+024F and
 * U+1E00..U+1EFF) are answered from a precomputed table, one row per code point: the plain
 * letter under it, the letter without its tone and the tone, whether it is a vowel and a
 * Vietnamese letter, and for a toneless vowel its six toned forms. The table is generated
 * from the canonical decompositions of letter_ref.c, which also answer every other code
 * point, so the two paths give the same answers (the unit tests compare them).
 */
#include "viet/letter.h"

#include <string.h>

#include "base/utf8.h"
#include "viet/letter_ref.h"
#include "base/banned.h"

typedef struct LetterRow {
	uint16_t fold, untoned; /* viet_fold and viet_untone of the code point */
	uint8_t tone;           /* the Tone viet_untone finds */
	uint8_t flags;          /* ROW_VOWEL, ROW_LETTER */
	uint8_t toned;          /* toneless vowels: 1 + their row in letter_toned; else 0 */
} LetterRow;

enum { ROW_VOWEL = 1, ROW_LETTER = 2 };

#include "viet/letter_table.h"

/* The table row of cp, or NULL outside the table's ranges. */
static const LetterRow *row_of(int32_t cp)
{
	if (cp >= 0 && cp < 0x250)
		return &letter_rows[cp];
	if (cp >= 0x1E00 && cp < 0x1F00)
		return &letter_rows[0x250 + (cp - 0x1E00)];
	return NULL;
}

int32_t viet_untone(int32_t cp, Tone *tone)
{
	const LetterRow *r = row_of(cp);

	if (!r)
		return letter_ref_untone(cp, tone);
	*tone = (Tone)r->tone;
	return r->untoned;
}

int32_t viet_tone(int32_t base, Tone t)
{
	const LetterRow *r = row_of(base);

	if (t == TONE_NONE)
		return base;
	if (!r || ((r->flags & ROW_VOWEL) && !r->toned))
		return letter_ref_tone(base, t);
	return r->toned ? letter_toned[r->toned - 1][t] : 0;
}

int32_t viet_fold(int32_t cp)
{
	const LetterRow *r = row_of(cp);

	return r ? r->fold : letter_ref_fold(cp);
}

int32_t viet_lookalike(int32_t cp)
{
	static const int32_t map[][2] = {
		{0x1A3, 0x1B0}, {0x1A2, 0x1AF}, {0xD0, 0x110}, {0xF0, 0x111}, {0x1CE, 0x103},
		{0x1CD, 0x102}, {0x430, 'a'}, {0x435, 'e'}, {0x43E, 'o'}, {0x440, 'p'}, {0x441, 'c'},
		{0x443, 'y'}, {0x445, 'x'}, {0x456, 'i'}, {0x458, 'j'}, {0x455, 's'}, {0x501, 'd'},
		{0x410, 'A'}, {0x412, 'B'}, {0x415, 'E'}, {0x41A, 'K'}, {0x41C, 'M'}, {0x41D, 'H'},
		{0x41E, 'O'}, {0x420, 'P'}, {0x421, 'C'}, {0x422, 'T'}, {0x425, 'X'}, {0x423, 'Y'},
		{0x406, 'I'}, {0x408, 'J'}, {0x405, 'S'}, {0x3BF, 'o'}, {0x3B1, 'a'}, {0x3BD, 'v'},
		{0x3B9, 'i'}, {0x3BA, 'k'}, {0x3C1, 'p'}, {0x3C5, 'u'}, {0x391, 'A'}, {0x392, 'B'},
		{0x395, 'E'}, {0x396, 'Z'}, {0x397, 'H'}, {0x399, 'I'}, {0x39A, 'K'}, {0x39C, 'M'},
		{0x39D, 'N'}, {0x39F, 'O'}, {0x3A1, 'P'}, {0x3A4, 'T'}, {0x3A5, 'Y'}, {0x3A7, 'X'},
	};

	/* every look-alike is in U+00D0..U+0501: most text is settled by two compares */
	if (cp < 0xD0 || cp > 0x501)
		return 0;
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (map[i][0] == cp)
			return map[i][1];
	return 0;
}

bool viet_greek_or_cyrillic(int32_t cp)
{
	return (cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x400 && cp <= 0x52F);
}

bool viet_is_vowel(int32_t cp)
{
	const LetterRow *r = row_of(cp);

	return r ? (r->flags & ROW_VOWEL) != 0 : letter_ref_is_vowel(cp);
}

bool viet_is_letter(int32_t cp)
{
	const LetterRow *r = row_of(cp);

	return r ? (r->flags & ROW_LETTER) != 0 : letter_ref_is_letter(cp);
}

void viet_fold_str(const char *s, size_t len, Str *out)
{
	size_t i = 0;
	int32_t cp;

	while (i < len) {
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			str_addc(out, s[i++]);
			continue;
		}
		i += n;
		utf8_add(out, utf8_lower(viet_fold(cp)));
	}
}

/* Rank of a toneless lower-case letter in the Vietnamese alphabet, or 0 for other letters. */
static int alpha_rank(int32_t c)
{
	static const int32_t order[] = {
		'a', 0x103, 0xE2, 'b', 'c', 'd', 0x111, 'e', 0xEA, 'f', 'g', 'h', 'i', 'j',
		'k', 'l', 'm', 'n', 'o', 0xF4, 0x1A1, 'p', 'q', 'r', 's', 't', 'u', 0x1B0,
		'v', 'w', 'x', 'y', 'z'};
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		if (order[i] == c)
			return (int)i + 1;
	return 0;
}

void viet_collate_key(const char *s, size_t len, Str *out)
{
	Str tones = STR_INIT, cases = STR_INIT;
	size_t i = 0;
	int32_t cp;

	/* Level 1: letters; level 2: tones; level 3: case. Levels are separated by 0x01. */
	while (i < len) {
		size_t n = utf8_decode(s + i, len - i, &cp);
		Tone t;
		int32_t lo, base;
		int r;

		if (n == 0)
			n = 1;
		i += n;
		lo = utf8_lower(cp);
		base = viet_untone(lo, &t);
		r = alpha_rank(base);
		if (r) {
			str_addc(out, (char)(0x20 + r));
		} else if (lo < 0x80) {
			/* digits and punctuation sort before letters, in ASCII order */
			str_addc(out, (char)(lo < 0x20 ? 0x02 : 0x02 + (lo & 0x1F) % 0x1E));
			continue;
		} else {
			str_addc(out, 0x7E);
			utf8_add(out, lo);
		}
		str_addc(&tones, (char)(0x02 + t));
		str_addc(&cases, lo != cp ? 0x03 : 0x02);
	}
	str_addc(out, 0x01);
	str_add(out, str_cstr(&tones), tones.len);
	str_addc(out, 0x01);
	str_add(out, str_cstr(&cases), cases.len);
	str_release(&tones);
	str_release(&cases);
}
