/*
 * legacy.c: decoding and encoding of the legacy Vietnamese encodings.
 *
 * The one-byte encodings (TCVN3, VISCII, Windows-1258) are tables from byte to code point:
 * 128 entries for the high half plus the few C0 positions TCVN3 and VISCII reuse for capital
 * letters; every other low byte is ASCII. A zero entry in the Windows-1258 table is a byte the
 * code page leaves undefined. VNI and VIQR are not one byte per letter: both write a base
 * letter followed by marks, so they are read by small state machines over a letter taken apart
 * as (ASCII base, vowel mark, tone, case) — the same parts the encoders put back together,
 * through one table of the 72 lower-case vowel forms.
 * Decoders collect code points and normalise to NFC once at the end, which is also what turns
 * Windows-1258 and TCVN3 combining tone bytes into precomposed letters. The encoders search
 * the tables backwards; they are for tests and exports, not hot paths.
 */
#include "viet/legacy.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/utf8.h"
#include "viet/letter.h"
#include "base/banned.h"

/* TCVN 5712:1993, bytes 0x80-0xFF: capitals with tones in 0x80-0x9F and in the gaps. */
static const uint16_t tcvn3_high[128] = {
	0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8, /* 80 */
	0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128,
	0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8, /* 90 */
	0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168,
	0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110, /* A0 */
	0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,
	0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3, /* B0 */
	0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,
	0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7, /* C0 */
	0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,
	0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, /* D0 */
	0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
	0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7, /* E0 */
	0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
	0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, /* F0 */
	0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,
};

/* TCVN3's capitals U and Y with tones live in C0 positions; 0 means the byte is ASCII. */
static const uint16_t tcvn3_low[32] = {
	[0x01] = 0x00DA, [0x02] = 0x1EE4, [0x04] = 0x1EEA, [0x05] = 0x1EEC, [0x06] = 0x1EEE,
	[0x11] = 0x1EE8, [0x12] = 0x1EF0, [0x13] = 0x1EF2, [0x14] = 0x1EF6, [0x15] = 0x1EF8,
	[0x16] = 0x00DD, [0x17] = 0x1EF4,
};

/* VISCII (RFC 1456), bytes 0x80-0xFF. */
static const uint16_t viscii_high[128] = {
	0x1EA0, 0x1EAE, 0x1EB0, 0x1EB6, 0x1EA4, 0x1EA6, 0x1EA8, 0x1EAC, /* 80 */
	0x1EBC, 0x1EB8, 0x1EBE, 0x1EC0, 0x1EC2, 0x1EC4, 0x1EC6, 0x1ED0,
	0x1ED2, 0x1ED4, 0x1ED6, 0x1ED8, 0x1EE2, 0x1EDA, 0x1EDC, 0x1EDE, /* 90 */
	0x1ECA, 0x1ECE, 0x1ECC, 0x1EC8, 0x1EE6, 0x0168, 0x1EE4, 0x1EF2,
	0x00D5, 0x1EAF, 0x1EB1, 0x1EB7, 0x1EA5, 0x1EA7, 0x1EA9, 0x1EAD, /* A0 */
	0x1EBD, 0x1EB9, 0x1EBF, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EC7, 0x1ED1,
	0x1ED3, 0x1ED5, 0x1ED7, 0x1EE0, 0x01A0, 0x1ED9, 0x1EDD, 0x1EDF, /* B0 */
	0x1ECB, 0x1EF0, 0x1EE8, 0x1EEA, 0x1EEC, 0x01A1, 0x1EDB, 0x01AF,
	0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x1EA2, 0x0102, 0x1EB3, 0x1EB5, /* C0 */
	0x00C8, 0x00C9, 0x00CA, 0x1EBA, 0x00CC, 0x00CD, 0x0128, 0x1EF3,
	0x0110, 0x1EE9, 0x00D2, 0x00D3, 0x00D4, 0x1EA1, 0x1EF7, 0x1EEB, /* D0 */
	0x1EED, 0x00D9, 0x00DA, 0x1EF9, 0x1EF5, 0x00DD, 0x1EE1, 0x01B0,
	0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x1EA3, 0x0103, 0x1EEF, 0x1EAB, /* E0 */
	0x00E8, 0x00E9, 0x00EA, 0x1EBB, 0x00EC, 0x00ED, 0x0129, 0x1EC9,
	0x0111, 0x1EF1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x1ECF, 0x1ECD, /* F0 */
	0x1EE5, 0x00F9, 0x00FA, 0x0169, 0x1EE7, 0x00FD, 0x1EE3, 0x1EEE,
};

static const uint16_t viscii_low[32] = {
	[0x02] = 0x1EB2, [0x05] = 0x1EB4, [0x06] = 0x1EAA,
	[0x14] = 0x1EF6, [0x19] = 0x1EF8, [0x1E] = 0x1EF4,
};

/* Windows-1252 bytes 0x80-0x9F (0: undefined); VNI fonts are Windows-1252 fonts. */
static const uint16_t cp1252_c1[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* Windows-1258 bytes 0x80-0xFF (0: undefined); 0xA0-0xBF are Latin-1. */
static const uint16_t cp1258_high[128] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, /* 80 */
	0x02C6, 0x2030, 0, 0x2039, 0x0152, 0, 0, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, /* 90 */
	0x02DC, 0x2122, 0, 0x203A, 0x0153, 0, 0, 0x0178,
	0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7, /* A0 */
	0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
	0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7, /* B0 */
	0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,
	0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x00C5, 0x00C6, 0x00C7, /* C0 */
	0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x0300, 0x00CD, 0x00CE, 0x00CF,
	0x0110, 0x00D1, 0x0309, 0x00D3, 0x00D4, 0x01A0, 0x00D6, 0x00D7, /* D0 */
	0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x01AF, 0x0303, 0x00DF,
	0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x00E5, 0x00E6, 0x00E7, /* E0 */
	0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0301, 0x00ED, 0x00EE, 0x00EF,
	0x0111, 0x00F1, 0x0323, 0x00F3, 0x00F4, 0x01A1, 0x00F6, 0x00F7, /* F0 */
	0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x01B0, 0x20AB, 0x00FF,
};

/* Windows-1258 combining tone bytes, indexed by Tone (0 for TONE_NONE). */
static const unsigned char cp1258_tone[6] = {0, 0xCC, 0xD2, 0xDE, 0xEC, 0xF2};

/* A Vietnamese letter taken apart. mark: 0, '^' circumflex, '(' breve, '+' horn, '-' đ. */
typedef struct Letter {
	char base;   /* lower-case ASCII: a e i o u y, or d for đ */
	char mark;
	Tone tone;
	bool upper;
} Letter;

/* The twelve vowels with each tone (in Tone order): the precomposed lower-case letters. */
static const struct {
	char base, mark;
	uint16_t toned[6];
} vowels[] = {
	{'a', 0, {0x0061, 0x00E0, 0x1EA3, 0x00E3, 0x00E1, 0x1EA1}},
	{'a', '(', {0x0103, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB7}},
	{'a', '^', {0x00E2, 0x1EA7, 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD}},
	{'e', 0, {0x0065, 0x00E8, 0x1EBB, 0x1EBD, 0x00E9, 0x1EB9}},
	{'e', '^', {0x00EA, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7}},
	{'i', 0, {0x0069, 0x00EC, 0x1EC9, 0x0129, 0x00ED, 0x1ECB}},
	{'o', 0, {0x006F, 0x00F2, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD}},
	{'o', '^', {0x00F4, 0x1ED3, 0x1ED5, 0x1ED7, 0x1ED1, 0x1ED9}},
	{'o', '+', {0x01A1, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3}},
	{'u', 0, {0x0075, 0x00F9, 0x1EE7, 0x0169, 0x00FA, 0x1EE5}},
	{'u', '+', {0x01B0, 0x1EEB, 0x1EED, 0x1EEF, 0x1EE9, 0x1EF1}},
	{'y', 0, {0x0079, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5}},
};

/* The precomposed letter; U+FFFD for parts that make no Vietnamese letter. */
static int32_t letter_compose(Letter l)
{
	int32_t cp = 0xFFFD;

	if (l.base == 'd' && l.mark == '-')
		cp = 0x0111;
	for (size_t i = 0; i < sizeof(vowels) / sizeof(vowels[0]); i++)
		if (vowels[i].base == l.base && vowels[i].mark == l.mark && (unsigned)l.tone < 6)
			cp = vowels[i].toned[l.tone];
	return l.upper ? utf8_upper(cp) : cp;
}

/* Takes cp apart; false if it is not a Vietnamese vowel letter or đ/Đ. */
static bool letter_split(int32_t cp, Letter *l)
{
	int32_t lo = utf8_lower(cp);

	l->upper = lo != cp;
	l->tone = TONE_NONE;
	if (lo == 0x0111) {
		l->base = 'd';
		l->mark = '-';
		return true;
	}
	for (size_t i = 0; i < sizeof(vowels) / sizeof(vowels[0]); i++) {
		for (int t = 0; t < 6; t++) {
			if (vowels[i].toned[t] == lo) {
				l->base = vowels[i].base;
				l->mark = vowels[i].mark;
				l->tone = (Tone)t;
				return true;
			}
		}
	}
	return false;
}

const char *encoding_name(Encoding e)
{
	static const char *const names[] = {
#define X(en, name, alt, desc) name,
		ENCODING_LIST(X)
#undef X
	};
	return (unsigned)e < ENCODING_COUNT ? names[e] : "?";
}

const char *encoding_description(Encoding e)
{
	static const char *const descs[] = {
#define X(en, name, alt, desc) desc,
		ENCODING_LIST(X)
#undef X
	};
	return (unsigned)e < ENCODING_COUNT ? descs[e] : "?";
}

/* True if name is one of the '|'-separated words of list, ignoring case. */
static bool in_list(const char *name, const char *list)
{
	size_t n = strlen(name);

	while (*list) {
		const char *bar = strchr(list, '|');
		size_t k = bar ? (size_t)(bar - list) : strlen(list);
		if (k == n && strncasecmp(name, list, n) == 0)
			return true;
		list += k + (bar != NULL);
	}
	return false;
}

bool encoding_parse(const char *name, Encoding *e)
{
	static const char *const names[] = {
#define X(en, nm, alt, desc) nm "|" alt,
		ENCODING_LIST(X)
#undef X
	};
	for (int i = 0; i < ENCODING_COUNT; i++) {
		if (in_list(name, names[i])) {
			*e = (Encoding)i;
			return true;
		}
	}
	return false;
}

/* ---- decoding ---- */

static int32_t table_byte(Encoding enc, unsigned char b)
{
	switch (enc) {
	case ENC_TCVN3:
		return b >= 0x80 ? tcvn3_high[b - 0x80] : b < 0x20 && tcvn3_low[b] ? tcvn3_low[b] : b;
	case ENC_VISCII:
		return b >= 0x80 ? viscii_high[b - 0x80] : b < 0x20 && viscii_low[b] ? viscii_low[b] : b;
	case ENC_CP1258:
		return b >= 0x80 ? cp1258_high[b - 0x80] : b;
	default:
		return b >= 0x80 && b < 0xA0 ? (cp1252_c1[b - 0x80] ? cp1252_c1[b - 0x80] : b) : b;
	}
}

/* The vowel mark and tone one VNI mark byte (lower-case form) stands for. */
static const struct {
	unsigned char byte;
	char mark;
	Tone tone;
} vni_marks[] = {
	{0xF9, 0, TONE_ACUTE}, {0xF8, 0, TONE_GRAVE}, {0xFB, 0, TONE_HOOK},
	{0xF5, 0, TONE_TILDE}, {0xEF, 0, TONE_DOT},
	{0xE2, '^', TONE_NONE}, {0xE1, '^', TONE_ACUTE}, {0xE0, '^', TONE_GRAVE},
	{0xE5, '^', TONE_HOOK}, {0xE3, '^', TONE_TILDE}, {0xE4, '^', TONE_DOT},
	{0xEA, '(', TONE_NONE}, {0xE9, '(', TONE_ACUTE}, {0xE8, '(', TONE_GRAVE},
	{0xFA, '(', TONE_HOOK}, {0xFC, '(', TONE_TILDE}, {0xEB, '(', TONE_DOT},
};

/* VNI letters that are one byte (lower-case form; the capital is 0x20 lower). */
static const struct {
	unsigned char byte;
	Letter l;
} vni_single[] = {
	{0xF1, {'d', '-', TONE_NONE, false}}, {0xF4, {'o', '+', TONE_NONE, false}},
	{0xF6, {'u', '+', TONE_NONE, false}}, {0xED, {'i', 0, TONE_ACUTE, false}},
	{0xEC, {'i', 0, TONE_GRAVE, false}},  {0xE6, {'i', 0, TONE_HOOK, false}},
	{0xF3, {'i', 0, TONE_TILDE, false}},  {0xF2, {'i', 0, TONE_DOT, false}},
	{0xEE, {'y', 0, TONE_DOT, false}},
};

static bool vni_single_letter(unsigned char b, Letter *l)
{
	for (size_t i = 0; i < sizeof(vni_single) / sizeof(vni_single[0]); i++) {
		if (vni_single[i].byte == b || vni_single[i].byte - 0x20 == b) {
			*l = vni_single[i].l;
			l->upper = vni_single[i].byte != b;
			return true;
		}
	}
	return false;
}

/* Applies mark byte b to letter l if it fits (a tone on a toneless vowel, ^ on a e o, ( on a). */
static bool vni_apply(unsigned char b, Letter *l)
{
	for (size_t i = 0; i < sizeof(vni_marks) / sizeof(vni_marks[0]); i++) {
		if (vni_marks[i].byte != b && vni_marks[i].byte - 0x20 != b)
			continue;
		char m = vni_marks[i].mark;
		if (l->tone != TONE_NONE || (m && l->mark) || l->base == 'i' || l->base == 'd')
			return false;
		if ((m == '^' && !strchr("aeo", l->base)) || (m == '(' && l->base != 'a'))
			return false;
		if (m)
			l->mark = m;
		l->tone = vni_marks[i].tone;
		return true;
	}
	return false;
}

static void decode_vni(const unsigned char *in, size_t len, Str *cps)
{
	size_t i = 0;

	while (i < len) {
		Letter l = {0, 0, TONE_NONE, false};
		unsigned char b = in[i++];
		bool letter = false;

		if (b && strchr("aeouyAEOUY", b)) {
			l.base = (char)(b | 0x20);
			l.upper = b < 'a';
			letter = true;
		} else if (vni_single_letter(b, &l)) {
			letter = true;
		}
		if (!letter) {
			utf8_add(cps, table_byte(ENC_VNI, b));
			continue;
		}
		if (i < len && l.base != 'd' && (l.base != 'i' || l.tone == TONE_NONE) &&
		    vni_apply(in[i], &l))
			i++;
		utf8_add(cps, letter_compose(l));
	}
}

static bool viqr_special(unsigned char c)
{
	return c && strchr("(^+'`?~.\\dD", c);
}

static Tone viqr_tone(unsigned char c)
{
	const char *tones = "`?~'.";
	const char *p = c ? strchr(tones, c) : NULL;
	return p ? (Tone)(p - tones + 1) : TONE_NONE;
}

static bool viqr_mark_fits(char base, unsigned char c)
{
	return (c == '(' && base == 'a') || (c == '^' && strchr("aeo", base)) ||
	       (c == '+' && strchr("ou", base));
}

static void decode_viqr(const unsigned char *in, size_t len, Str *cps)
{
	size_t i = 0;

	while (i < len) {
		unsigned char c = in[i++];
		if (c == '\\' && i < len && viqr_special(in[i])) {
			str_addc(cps, (char)in[i++]);
		} else if ((c == 'd' || c == 'D') && i < len &&
			   (in[i] == 'd' || (in[i] == 'D' && c == 'D'))) {
			i++;
			utf8_add(cps, c == 'd' ? 0x0111 : 0x0110);
		} else if (c && strchr("aeiouyAEIOUY", c)) {
			Letter l = {(char)(c | 0x20), 0, TONE_NONE, c < 'a'};
			if (i < len && viqr_mark_fits(l.base, in[i]))
				l.mark = in[i++] == '(' ? '(' : in[i - 1] == '^' ? '^' : '+';
			if (i < len && viqr_tone(in[i]) != TONE_NONE)
				l.tone = viqr_tone(in[i++]);
			utf8_add(cps, letter_compose(l));
		} else {
			str_addc(cps, (char)c);
		}
	}
}

static bool fault_at(LegacyFault *fault, LegacyFaultKind kind, size_t offset, unsigned char byte)
{
	if (fault)
		*fault = (LegacyFault){.kind = kind, .offset = offset, .byte = byte};
	return false;
}

bool legacy_decode(Encoding enc, const char *in, size_t len, Str *out, LegacyFault *fault)
{
	const unsigned char *u;
	Str cps = STR_INIT;
	size_t bad;
	bool ok = false;
	const char *nul;

	if (len == 0)
		in = "";
	u = (const unsigned char *)in;
	nul = memchr(in, 0, len);

	if (nul)
		return fault_at(fault, LEGACY_NUL, (size_t)(nul - in), 0);
	if (enc == ENC_UTF8) {
		if (!utf8_valid(in, len, &bad))
			return fault_at(fault, LEGACY_BAD_UTF8, bad, 0);
		return utf8_nfc(in, len, out);
	}
	if (enc == ENC_VNI) {
		decode_vni(u, len, &cps);
	} else if (enc == ENC_VIQR) {
		/* VIQR is 7-bit, but it often sits in a UTF-8 file with typographic quotes */
		if (!utf8_valid(in, len, &bad))
			return fault_at(fault, LEGACY_BAD_UTF8, bad, 0);
		decode_viqr(u, len, &cps);
	} else {
		for (size_t i = 0; i < len; i++) {
			int32_t cp = table_byte(enc, u[i]);
			if (cp == 0) {
				fault_at(fault, LEGACY_UNDEFINED, i, u[i]);
				goto done;
			}
			utf8_add(&cps, cp);
		}
	}
	ok = utf8_nfc(str_cstr(&cps), cps.len, out);
	if (!ok)
		fault_at(fault, LEGACY_UNDECODED, 0, 0);
done:
	str_release(&cps);
	return ok;
}

/* ---- encoding ---- */

/* The byte of a one-byte encoding that stands for cp, or -1. */
static int table_find(Encoding enc, int32_t cp)
{
	if (cp < 0x80) {
		if (cp < 0x20 && ((enc == ENC_TCVN3 && tcvn3_low[cp]) ||
				  (enc == ENC_VISCII && viscii_low[cp])))
			return -1;
		return cp;
	}
	for (int b = 0x01; b < 0x100; b++)
		if ((b >= 0x80 || b < 0x20) && table_byte(enc, (unsigned char)b) == cp)
			return b;
	return -1;
}

static bool encode_cp1258(int32_t cp, Str *out)
{
	int b = table_find(ENC_CP1258, cp);
	Letter l;

	if (b >= 0) {
		str_addc(out, (char)b);
		return true;
	}
	if (!letter_split(cp, &l) || l.tone == TONE_NONE)
		return false;
	Tone t = l.tone;
	l.tone = TONE_NONE;
	b = table_find(ENC_CP1258, letter_compose(l));
	if (b < 0)
		return false;
	str_addc(out, (char)b);
	str_addc(out, (char)cp1258_tone[t]);
	return true;
}

static bool encode_vni(int32_t cp, Str *out)
{
	unsigned char up;
	Letter l;

	if (cp < 0x80) {
		str_addc(out, (char)cp);
		return true;
	}
	if (!letter_split(cp, &l))
		return false;
	up = l.upper ? 0x20 : 0;
	for (size_t i = 0; i < sizeof(vni_single) / sizeof(vni_single[0]); i++) {
		Letter s = vni_single[i].l;
		if (s.base == l.base && s.mark == l.mark && (s.tone == l.tone || s.mark == '+')) {
			str_addc(out, (char)(vni_single[i].byte - up));
			if (s.tone != l.tone)
				goto mark;
			return true;
		}
	}
	str_addc(out, (char)(l.upper ? l.base - 0x20 : l.base));
mark:
	for (size_t i = 0; i < sizeof(vni_marks) / sizeof(vni_marks[0]); i++) {
		char m = l.mark == '+' ? 0 : l.mark;
		if (vni_marks[i].mark == m && vni_marks[i].tone == l.tone) {
			str_addc(out, (char)(vni_marks[i].byte - up));
			return true;
		}
	}
	return l.mark == 0 && l.tone == TONE_NONE;
}

/*
 * VIQR: a letter is its base, mark and tone characters. A literal mnemonic character after a
 * vowel, a literal d after a literal d, and every backslash get a backslash in front.
 */
static bool encode_viqr(int32_t cp, int32_t prev, Str *out)
{
	Letter l;

	if (cp < 0x80) {
		bool after_vowel = prev < 0x80 ? prev && strchr("aeiouyAEIOUY", (int)prev)
					       : viet_is_vowel(prev);
		bool esc = cp == '\\' || (after_vowel && viqr_special((unsigned char)cp) &&
					  cp != 'd' && cp != 'D') ||
			   ((cp == 'd' || cp == 'D') && (prev == 'd' || prev == 'D'));
		if (esc)
			str_addc(out, '\\');
		str_addc(out, (char)cp);
		return true;
	}
	if (!letter_split(cp, &l))
		return false;
	if (l.mark == '-') {
		if (prev == 'd' || prev == 'D') {
			/* "dđ" would read back as "đd": make the literal d before it literal */
			str_truncate(out, out->len - 1);
			str_addc(out, '\\');
			str_addc(out, (char)prev);
		}
		str_adds(out, l.upper ? "DD" : "dd");
		return true;
	}
	str_addc(out, (char)(l.upper ? l.base - 0x20 : l.base));
	if (l.mark)
		str_addc(out, l.mark);
	if (l.tone != TONE_NONE)
		str_addc(out, "\0`?~'."[l.tone]);
	return true;
}

bool legacy_encode(Encoding enc, const char *utf8, size_t len, Str *out)
{
	Str nfc = STR_INIT;
	bool ok = true;
	size_t i = 0;
	int32_t cp, prev = 0;

	if (!utf8_nfc(len ? utf8 : "", len, &nfc))
		return false;
	if (enc == ENC_UTF8) {
		str_add(out, str_cstr(&nfc), nfc.len);
		str_release(&nfc);
		return true;
	}
	while (i < nfc.len) {
		bool done;
		i += utf8_decode(nfc.s + i, nfc.len - i, &cp);
		if (enc == ENC_VNI) {
			done = encode_vni(cp, out);
		} else if (enc == ENC_VIQR) {
			/* an escaped character no longer counts as a vowel or a d before the next */
			size_t before = out->len;
			done = encode_viqr(cp, prev, out);
			prev = out->len > before + 1 && out->s[before] == '\\' ? 0 : cp;
		} else if (enc == ENC_CP1258) {
			done = encode_cp1258(cp, out);
		} else {
			int b = table_find(enc, cp);
			done = b >= 0;
			if (done)
				str_addc(out, (char)b);
		}
		if (!done) {
			str_addc(out, '?');
			ok = false;
		}
	}
	str_release(&nfc);
	return ok;
}
