/*
 * letter_ref.c: letters by canonical decomposition: every Vietnamese toned vowel is a base
 * letter, an optional vowel mark (U+0302 circumflex, U+0306 breve, U+031B horn) and a tone
 * mark (U+0300 grave, U+0309 hook, U+0303 tilde, U+0301 acute, U+0323 dot below). đ and Đ
 * do not decompose and are handled by hand.
 */
#include "viet/letter_ref.h"

#include <string.h>
#include <utf8proc.h>

#include "base/utf8.h"
#include "base/banned.h"

static const int32_t tone_mark[] = {0, 0x0300, 0x0309, 0x0303, 0x0301, 0x0323};

static Tone tone_of_mark(int32_t m)
{
	for (int t = 1; t < 6; t++)
		if (tone_mark[t] == m)
			return (Tone)t;
	return TONE_NONE;
}

static int decompose(int32_t cp, utf8proc_int32_t *out, int max)
{
	int opt = UTF8PROC_DECOMPOSE;
	utf8proc_ssize_t n = utf8proc_decompose_char(cp, out, max, opt, NULL);
	return n < 0 || n > max ? 0 : (int)n;
}

static int32_t compose(const utf8proc_int32_t *parts, int n)
{
	utf8proc_int32_t buf[8];
	utf8proc_ssize_t m;

	memcpy(buf, parts, (size_t)n * sizeof(*buf));
	/* Composition expects canonical order: dot below (class 220) before the circumflex or
	 * breve (230), or ệ, ậ, ặ, ộ would not compose. */
	for (int i = 2; i < n; i++)
		for (int j = i; j > 1 && utf8proc_get_property(buf[j - 1])->combining_class >
						 utf8proc_get_property(buf[j])->combining_class; j--) {
			utf8proc_int32_t t = buf[j];
			buf[j] = buf[j - 1];
			buf[j - 1] = t;
		}
	m = utf8proc_normalize_utf32(buf, n, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
	return m == 1 ? buf[0] : 0;
}

int32_t letter_ref_untone(int32_t cp, Tone *tone)
{
	utf8proc_int32_t d[8], keep[8];
	int n, k = 0;

	*tone = TONE_NONE;
	if (cp < 0xC0)
		return cp;
	n = decompose(cp, d, 8);
	if (n <= 1)
		return cp;
	for (int i = 0; i < n; i++) {
		Tone t = i > 0 ? tone_of_mark(d[i]) : TONE_NONE;
		if (t != TONE_NONE)
			*tone = t;
		else
			keep[k++] = d[i];
	}
	if (*tone == TONE_NONE)
		return cp;
	return k == 1 ? keep[0] : compose(keep, k);
}

int32_t letter_ref_tone(int32_t base, Tone t)
{
	utf8proc_int32_t d[8];
	int n;

	if (t == TONE_NONE)
		return base;
	if (!letter_ref_is_vowel(base))
		return 0;
	n = decompose(base, d, 7);
	if (n == 0) {
		d[0] = base;
		n = 1;
	}
	d[n++] = tone_mark[t];
	/* canonical order: the dot below (class 220) goes before a circumflex or breve (230) */
	if (t == TONE_DOT && n == 3 && d[1] != 0x031B) {
		d[2] = d[1];
		d[1] = 0x0323;
	}
	return compose(d, n);
}

/* The plain letter under cp by decomposition: what makes a letter Vietnamese. */
static int32_t plain_letter(int32_t cp)
{
	utf8proc_int32_t d[8];

	if (cp < 0xC0)
		return cp;
	if (cp == 0x0111)
		return 'd';
	if (cp == 0x0110)
		return 'D';
	if (decompose(cp, d, 8) >= 1 && d[0] < 0x80)
		return d[0];
	return cp;
}

int32_t letter_ref_fold(int32_t cp)
{
	/* Latin look-alikes fold as the letter they stand for, but stay no Vietnamese letters */
	int32_t m = cp < 0x250 ? viet_lookalike(cp) : 0;

	return plain_letter(m ? m : cp);
}

bool letter_ref_is_vowel(int32_t cp)
{
	switch (utf8_lower(plain_letter(cp))) {
	case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
		break;
	default:
		return false;
	}
	if (cp < 0x80)
		return true;
	/* Only the Vietnamese vowel marks: reject e.g. ä, ç-like letters on a vowel base. */
	utf8proc_int32_t d[8];
	int n = decompose(cp, d, 8);
	for (int i = 1; i < n; i++) {
		if (d[i] != 0x0302 && d[i] != 0x0306 && d[i] != 0x031B && !tone_of_mark(d[i]))
			return false;
	}
	return true;
}

bool letter_ref_is_letter(int32_t cp)
{
	int32_t f = utf8_lower(plain_letter(cp));

	if (f < 'a' || f > 'z' || f == 'f' || f == 'j' || f == 'w' || f == 'z')
		return false;
	return cp < 0x80 || f == 'd' || letter_ref_is_vowel(cp);
}
