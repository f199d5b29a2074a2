/*
 * letter.c: letter-level Vietnamese. Tones are taken apart through canonical decomposition:
 * every Vietnamese toned vowel is a base letter, an optional vowel mark (U+0302 circumflex,
 * U+0306 breve, U+031B horn) and a tone mark (U+0300 grave, U+0309 hook, U+0303 tilde,
 * U+0301 acute, U+0323 dot below). đ and Đ do not decompose and are handled by hand.
 */
#include "viet/letter.h"

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

int32_t viet_untone(int32_t cp, Tone *tone)
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

int32_t viet_tone(int32_t base, Tone t)
{
	utf8proc_int32_t d[8];
	int n;

	if (t == TONE_NONE)
		return base;
	if (!viet_is_vowel(base))
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

int32_t viet_fold(int32_t cp)
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

bool viet_is_vowel(int32_t cp)
{
	switch (utf8_lower(viet_fold(cp))) {
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

bool viet_is_letter(int32_t cp)
{
	int32_t f = utf8_lower(viet_fold(cp));

	if (f < 'a' || f > 'z' || f == 'f' || f == 'j' || f == 'w' || f == 'z')
		return false;
	return cp < 0x80 || f == 'd' || viet_is_vowel(cp);
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
