/*
 * leftover.c: words mangled on the way in. Telex and VNI leftovers are keys of a typing
 * method that were not turned into marks (vieetj, vie65t); legacy-font text is Vietnamese
 * encoded in TCVN3 or VNI bytes and read as Latin-1 (Ng­êi, Vieät). Each decoder writes a
 * candidate built from the letters and marks it recognised, with the tone put where the
 * syllable rules place it; the caller decides whether the candidate is a known word.
 */
#include "spell/internal.h"

#include <string.h>

#include "base/utf8.h"
#include "viet/letter.h"
#include "base/banned.h"

/* Decodes w into code points (at most max); returns the count or 0 if too long / invalid. */
static size_t cps(const char *w, size_t len, int32_t *out, size_t max)
{
	size_t i = 0, k = 0, n;

	while (i < len) {
		if (k == max || !(n = utf8_decode(w + i, len - i, &out[k])))
			return 0;
		i += n;
		k++;
	}
	return k;
}

/* Adds a vowel mark to a toneless letter: '^' circumflex, '(' breve, '+' horn. */
static int32_t add_mark(int32_t c, char mark)
{
	bool up = utf8_is_upper(c);
	int32_t lo = utf8_lower(c), r = 0;

	if (mark == '^')
		r = lo == 'a' ? 0xE2 : lo == 'e' ? 0xEA : lo == 'o' ? 0xF4 : 0;
	else if (mark == '(')
		r = lo == 'a' ? 0x103 : 0;
	else if (mark == '+')
		r = lo == 'o' ? 0x1A1 : lo == 'u' ? 0x1B0 : 0;
	return r ? (up ? utf8_upper(r) : r) : 0;
}

/* Writes letters with tone t on the right vowel (rules of syllable.c); false if not a syllable. */
static bool finish(const int32_t *c, size_t n, Tone t, Str *out)
{
	Str tmp = STR_INIT;
	Syllable syl;
	bool ok;

	for (size_t i = 0; i < n; i++)
		utf8_add(&tmp, c[i]);
	ok = syllable_parse(str_cstr(&tmp), tmp.len, &syl) != SYL_NOT_VIET && syl.place_old >= 0;
	if (ok) {
		syl.tone = t;
		syl.tone_at = syl.place_old;
		syllable_write(&syl, t, syl.place_old, out);
	}
	str_release(&tmp);
	return ok;
}

static Tone telex_tone(int32_t c)
{
	switch (utf8_lower(c)) {
	case 's': return TONE_ACUTE;
	case 'f': return TONE_GRAVE;
	case 'r': return TONE_HOOK;
	case 'x': return TONE_TILDE;
	case 'j': return TONE_DOT;
	default: return TONE_NONE;
	}
}

bool leftover_telex(const char *w, size_t len, Str *out)
{
	int32_t in[24], o[24];
	size_t n = cps(w, len, in, 24), k = 0;
	Tone t = TONE_NONE;
	bool used = false;

	if (n < 2)
		return false;
	if ((t = telex_tone(in[n - 1])) != TONE_NONE) {
		n--;
		used = true;
	}
	for (size_t i = 0; i < n; i++) {
		int32_t lo = utf8_lower(in[i]), prev = k ? utf8_lower(o[k - 1]) : 0, m;
		if (lo >= 0x80 && !viet_is_letter(lo))
			return false;
		if (k && lo == prev && (lo == 'a' || lo == 'e' || lo == 'o') && (m = add_mark(o[k - 1], '^'))) {
			o[k - 1] = m;
			used = true;
		} else if (k && lo == 'd' && prev == 'd') {
			o[k - 1] = utf8_is_upper(o[k - 1]) ? 0x110 : 0x111;
			used = true;
		} else if (lo == 'w') {
			/* uow -> ươ, ow -> ơ, uw -> ư, aw -> ă, a lone w -> ư */
			if (k && (m = add_mark(o[k - 1], prev == 'a' ? '(' : '+'))) {
				o[k - 1] = m;
				if (prev == 'o' && k >= 2 && utf8_lower(o[k - 2]) == 'u')
					o[k - 2] = add_mark(o[k - 2], '+');
			} else {
				o[k++] = utf8_is_upper(in[i]) ? 0x1AF : 0x1B0;
			}
			used = true;
		} else {
			o[k++] = in[i];
		}
	}
	return used && finish(o, k, t, out);
}

bool leftover_vni(const char *w, size_t len, Str *out)
{
	int32_t in[24], o[24];
	size_t n = cps(w, len, in, 24), k = 0;
	Tone t = TONE_NONE;
	bool used = false;

	for (size_t i = 0; i < n; i++) {
		int32_t c = in[i], m = 0;
		if (c >= 0x80)
			return false;
		if (c < '1' || c > '9') {
			o[k++] = c;
			continue;
		}
		used = true;
		if (c <= '5') {
			static const Tone tones[] = {TONE_ACUTE, TONE_GRAVE, TONE_HOOK, TONE_TILDE, TONE_DOT};
			t = tones[c - '1'];
			continue;
		}
		for (size_t j = k; j-- > 0 && !m;) {
			if (c == '9' && utf8_lower(o[j]) == 'd') {
				o[j] = utf8_is_upper(o[j]) ? 0x110 : 0x111;
				m = 1;
			} else if (c != '9' && (m = add_mark(o[j], c == '6' ? '^' : c == '7' ? '+' : '('))) {
				if (c == '7' && utf8_lower(o[j]) == 0x1A1 && j && utf8_lower(o[j - 1]) == 'u')
					o[j - 1] = add_mark(o[j - 1], '+');
				o[j] = m;
			}
		}
		if (!m)
			return false;
	}
	return used && finish(o, k, t, out);
}

/* TCVN3 bytes A0..FF, as the Vietnamese letters they stand for (0: not a letter). */
static const uint16_t tcvn3[96] = {
	0, 0x102, 0xC2, 0xCA, 0xD4, 0x1A0, 0x1AF, 0x110, 0x103, 0xE2, 0xEA, 0xF4, 0x1A1, 0x1B0,
	0x111, 0, 0, 0, 0, 0, 0, 0xE0, 0x1EA3, 0xE3, 0xE1, 0x1EA1, 0, 0x1EB1, 0x1EB3, 0x1EB5,
	0x1EAF, 0, 0, 0, 0, 0, 0, 0, 0x1EB7, 0x1EA7, 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0xE8, 0,
	0x1EBB, 0x1EBD, 0xE9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0xEC, 0x1EC9, 0, 0,
	0, 0x129, 0xED, 0x1ECB, 0xF2, 0, 0x1ECF, 0xF5, 0xF3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,
	0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0xF9, 0, 0x1EE7, 0x169, 0xFA,
	0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, 0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0xFD, 0x1EF5, 0,
};

bool legacy_tcvn3(const char *w, size_t len, Str *out)
{
	int32_t in[24];
	size_t n = cps(w, len, in, 24);
	bool used = false;
	Str tmp = STR_INIT;

	for (size_t i = 0; i < n; i++) {
		int32_t c = in[i];
		if (c >= 0xA0 && c <= 0xFF && tcvn3[c - 0xA0]) {
			c = tcvn3[c - 0xA0];
			used = true;
		} else if (c >= 0x80) {
			str_release(&tmp);
			return false;
		}
		utf8_add(&tmp, c);
	}
	if (used)
		str_add(out, str_cstr(&tmp), tmp.len);
	str_release(&tmp);
	return used && n > 0;
}

/* A VNI-font modifier: the vowel mark ('^', '(' or 0) and tone it adds; false if none. */
static bool vni_mod(int32_t c, char *mark, Tone *t)
{
	static const struct { int32_t c; char mark; Tone t; } mods[] = {
		{0xF9, 0, TONE_ACUTE}, {0xF8, 0, TONE_GRAVE}, {0xFB, 0, TONE_HOOK},
		{0xF5, 0, TONE_TILDE}, {0xEF, 0, TONE_DOT}, {0xE2, '^', TONE_NONE},
		{0xE1, '^', TONE_ACUTE}, {0xE0, '^', TONE_GRAVE}, {0xE5, '^', TONE_HOOK},
		{0xE3, '^', TONE_TILDE}, {0xE4, '^', TONE_DOT}, {0xEA, '(', TONE_NONE},
		{0xE9, '(', TONE_ACUTE}, {0xE8, '(', TONE_GRAVE}, {0xFA, '(', TONE_HOOK},
		{0xFC, '(', TONE_TILDE}, {0xEB, '(', TONE_DOT},
	};
	int32_t lo = utf8_lower(c);

	for (size_t i = 0; i < sizeof(mods) / sizeof(mods[0]); i++) {
		if (mods[i].c == lo) {
			*mark = mods[i].mark;
			*t = mods[i].t;
			return true;
		}
	}
	return false;
}

static int32_t vni_single(int32_t c, Tone *t)
{
	switch (c) {
	case 0xF4: return 0x1A1;
	case 0xD4: return 0x1A0;
	case 0xF6: return 0x1B0;
	case 0xD6: return 0x1AF;
	case 0xF1: return 0x111;
	case 0xD1: return 0x110;
	case 0xE6: *t = TONE_HOOK; return 'i';
	case 0xF3: *t = TONE_TILDE; return 'i';
	case 0xF2: *t = TONE_DOT; return 'i';
	case 0xED: *t = TONE_ACUTE; return 'i';
	case 0xEC: *t = TONE_GRAVE; return 'i';
	case 0xEE: *t = TONE_DOT; return 'y';
	default: return 0;
	}
}

bool legacy_vni(const char *w, size_t len, Str *out)
{
	int32_t in[24], o[24];
	size_t n = cps(w, len, in, 24), k = 0;
	Tone t = TONE_NONE;
	bool used = false;

	for (size_t i = 0; i < n; i++) {
		int32_t c = in[i], m;
		char mark = 0;
		Tone mt = TONE_NONE;

		if (k && viet_is_vowel(o[k - 1]) && vni_mod(c, &mark, &mt)) {
			if (mark && !(m = add_mark(o[k - 1], mark)))
				return false;
			if (mark)
				o[k - 1] = m;
			if (mt != TONE_NONE)
				t = mt;
			used = true;
		} else if ((m = vni_single(c, &mt))) {
			o[k++] = m;
			if (mt != TONE_NONE)
				t = mt;
			used = true;
		} else if (c >= 0x80) {
			return false;
		} else {
			o[k++] = c;
		}
	}
	return used && finish(o, k, t, out);
}
