/*
 * syllable.c: a syllable is held as an array of lower-case toneless letters (base) with the
 * written case beside it and the tone kept apart with the index of the letter that carried
 * it. Parsing is greedy on the initial (ngh before ng before n), with two special initials:
 * qu (the u is a glide, so the rhyme is looked up in its own table) and gi (the i is shared
 * with the rhyme when a consonant or ê follows: gìn, giếng). The rhyme is then looked up in a
 * fixed table of the Vietnamese rhymes written without tone (searched by a number made of the
 * rhyme's letters, so a lookup compares integers, not strings). The tone places follow from
 * the nucleus alone, so every check here is a pure function of the letters.
 */
#include "viet/syllable.h"

#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/banned.h"

/* Every rhyme of the language, toneless, as written after an initial other than qu, in the
 * order of their bytes (a e i o u y, then â ê ô ă ơ ư); the lookups use their keys below. */
static const char *const rhymes[] = {
	"a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay", "e",
	"ec", "em", "en", "eng", "eo", "ep", "et", "i", "ia", "ich", "im", "in", "inh", "ip",
	"it", "iu", "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu", "o", "oa", "oac", "oach",
	"oai", "oam", "oan", "oang", "oanh", "oao", "oap", "oat", "oay", "oc", "oe", "oem",
	"oen", "oeo", "oet", "oi", "om", "on", "ong", "ooc", "oong", "op", "ot", "oăc", "oăm",
	"oăn", "oăng", "oăt", "u", "ua", "uc", "ui", "um", "un", "ung", "up", "ut", "uy",
	"uya", "uych", "uynh", "uyp", "uyt", "uyu", "uyên", "uyêt", "uân", "uâng", "uât",
	"uây", "uê", "uêch", "uênh", "uôc", "uôi", "uôm", "uôn", "uông", "uôt", "uơ", "y",
	"yêm", "yên", "yêng", "yêt", "yêu", "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây",
	"ê", "êch", "êm", "ên", "ênh", "êp", "êt", "êu", "ô", "ôc", "ôi", "ôm", "ôn", "ông",
	"ôp", "ôt", "ăc", "ăm", "ăn", "ăng", "ăp", "ăt", "ơ", "ơi", "ơm", "ơn", "ơp", "ơt",
	"ư", "ưa", "ưc", "ưi", "ưm", "ưn", "ưng", "ưt", "ưu", "ươc", "ươi", "ươm", "ươn",
	"ương", "ươp", "ươt", "ươu",
};

/* The rhymes after qu (its u is the glide, so these are written without it); sorted the same. */
static const char *const qu_rhymes[] = {
	"a", "ac", "ach", "ai", "an", "ang", "anh", "ao", "at", "au", "ay", "e", "en", "eo",
	"et", "i", "in", "inh", "it", "y", "ych", "ynh", "yt", "yên", "yêt", "âc", "ân", "âng",
	"ât", "ây", "ê", "êch", "ênh", "êt", "êu", "ôc", "ăc", "ăm", "ăn", "ăng", "ăp", "ăt",
	"ơ",
};

/*
 * A rhyme as a number, for the lookups: each letter's code (rhyme_letter, 1..19) in 5 bits,
 * the first letter highest. Distinct rhymes of up to RHYME_MAX letters get distinct keys; 0
 * stands for what no rhyme can be (a letter no rhyme has, or too many letters).
 */
#define RHYME_MAX 6
#define NRHYMES (sizeof(rhymes) / sizeof(rhymes[0]))
#define NQU_RHYMES (sizeof(qu_rhymes) / sizeof(qu_rhymes[0]))

static unsigned rhyme_letter(int32_t c)
{
	switch (c) {
	case 'a': return 1;
	case 'e': return 2;
	case 'i': return 3;
	case 'o': return 4;
	case 'u': return 5;
	case 'y': return 6;
	case 0xE2: return 7;   /* â */
	case 0xEA: return 8;   /* ê */
	case 0xF4: return 9;   /* ô */
	case 0x103: return 10; /* ă */
	case 0x1A1: return 11; /* ơ */
	case 0x1B0: return 12; /* ư */
	case 'c': return 13;
	case 'h': return 14;
	case 'm': return 15;
	case 'n': return 16;
	case 'g': return 17;
	case 'p': return 18;
	case 't': return 19;
	default: return 0;
	}
}

static uint32_t rhyme_key(const int32_t *letter, size_t n)
{
	uint32_t key = 0;

	if (n == 0 || n > RHYME_MAX)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned code = rhyme_letter(letter[i]);
		if (!code)
			return 0;
		key = key << 5 | code;
	}
	return key;
}

/* The key of a UTF-8 rhyme (0 if it cannot be one). */
static uint32_t rhyme_key_utf8(const char *s)
{
	int32_t letter[RHYME_MAX];
	size_t n = 0, len = strlen(s), m;

	for (size_t i = 0; i < len; i += m) {
		if (n == RHYME_MAX || !(m = utf8_decode(s + i, len - i, &letter[n++])))
			return 0;
	}
	return rhyme_key(letter, n);
}

/* The keys of rhymes and qu_rhymes, ascending; made once, when the program starts. */
static uint32_t rhyme_keys[NRHYMES], qu_rhyme_keys[NQU_RHYMES];

static int by_key(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

__attribute__((constructor)) static void make_keys(void)
{
	for (size_t i = 0; i < NRHYMES; i++)
		rhyme_keys[i] = rhyme_key_utf8(rhymes[i]);
	for (size_t i = 0; i < NQU_RHYMES; i++)
		qu_rhyme_keys[i] = rhyme_key_utf8(qu_rhymes[i]);
	qsort(rhyme_keys, NRHYMES, sizeof(uint32_t), by_key);
	qsort(qu_rhyme_keys, NQU_RHYMES, sizeof(uint32_t), by_key);
}

/* True if key (not 0) is among the n ascending keys. */
static bool has_key(const uint32_t *keys, size_t n, uint32_t key)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (keys[mid] == key)
			return key != 0;
		if (keys[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

bool syllable_rhyme_ok(const char *r)
{
	return has_key(rhyme_keys, NRHYMES, rhyme_key_utf8(r));
}

static bool is_marked(int32_t c)
{
	return c == 0x103 || c == 0xE2 || c == 0xEA || c == 0xF4 || c == 0x1A1 || c == 0x1B0;
}

/* viet_is_vowel for a letter as a syllable is read (lower case, toneless), the usual ones
 * answered here. */
static inline bool is_vowel(int32_t c)
{
	if (c < 0x80)
		return c >= 'a' && c <= 'y' && ((1u << (c - 'a')) & (1u << 0 | 1u << 4 | 1u << 8 |
			1u << 14 | 1u << 20 | 1u << 24));
	return is_marked(c) || viet_is_vowel(c);
}

/*
 * Reads the letters of p[0, len) into base/upper/tone; false at a byte that is not a letter
 * of the alphabet (f j w z are not), or a second tone.
 */
static bool load_letters(const char *p, size_t len, Syllable *syl)
{
	size_t i = 0, m;
	bool twice = false;

	memset(syl, 0, sizeof(*syl));
	syl->tone_at = -1;
	while (i < len) {
		int32_t cp, lo, b;
		Tone t;

		if (syl->n == SYL_MAX)
			return false;
		if ((unsigned char)p[i] < 0x80) { /* a plain letter: no tone, no mark */
			cp = (unsigned char)p[i];
			lo = cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
			if (lo < 'a' || lo > 'z' || lo == 'f' || lo == 'j' || lo == 'w' || lo == 'z')
				return false;
			i++;
			syl->upper[syl->n] = lo != cp;
			syl->base[syl->n++] = lo;
			continue;
		}
		m = utf8_decode(p + i, len - i, &cp);
		if (m == 0 || !viet_is_letter(cp))
			return false;
		i += m;
		lo = utf8_lower(cp);
		b = viet_untone(lo, &t);
		if (t != TONE_NONE) {
			twice = syl->tone != TONE_NONE;
			syl->tone = t;
			syl->tone_at = (int)syl->n;
		}
		syl->upper[syl->n] = lo != cp;
		syl->base[syl->n++] = b;
		if (twice)
			return false;
	}
	return syl->n > 0;
}

/*
 * Reads the token into base/upper/tone; false for letters outside the alphabet or two tones.
 * Letters of the alphabet alone are already NFC (each is one precomposed character and none
 * composes with the next), so the token is normalized only when something else is in it.
 */
static bool load(const char *s, size_t len, Syllable *syl)
{
	Str nfc = STR_INIT;
	bool ok;

	if (load_letters(s, len, syl))
		return true;
	if (utf8_is_nfc(s, len))
		return false;
	if (!utf8_nfc(s, len, &nfc)) {
		memset(syl, 0, sizeof(*syl));
		syl->tone_at = -1;
		return false;
	}
	ok = load_letters(str_cstr(&nfc), nfc.len, syl);
	str_release(&nfc);
	return ok;
}

/*
 * The initial consonant: its length in letters (0 before a vowel), or -1 when the first
 * letters are none of b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x.
 * The longest fits: ngh before ng before n.
 */
static int match_initial(const Syllable *syl)
{
	int32_t a = syl->base[0], b = syl->n > 1 ? syl->base[1] : 0;

	if (is_vowel(a))
		return 0;
	switch (a) {
	case 'n':
		if (b == 'g')
			return syl->n > 2 && syl->base[2] == 'h' ? 3 : 2;
		return b == 'h' ? 2 : 1;
	case 'c': case 'k': case 'p':
		return b == 'h' ? 2 : 1;
	case 'g':
		return b == 'h' || b == 'i' ? 2 : 1;
	case 't':
		return b == 'h' || b == 'r' ? 2 : 1;
	case 'q':
		return b == 'u' ? 2 : -1;
	case 'b': case 'd': case 0x111: case 'h': case 'l': case 'm': case 'r': case 's':
	case 'v': case 'x':
		return 1;
	default:
		return -1;
	}
}

/* Places of the tone in the nucleus [vs, ve) given whether a final follows. */
static void tone_places(Syllable *syl, bool qu)
{
	size_t vs = syl->vstart, ve = syl->vend, nv = ve - vs;
	int marked = -1;

	for (size_t i = vs; i < ve; i++)
		if (is_marked(syl->base[i]))
			marked = (int)i;
	if (nv == 0) {
		syl->place_old = syl->place_new = -1;
		return;
	}
	if (marked >= 0)
		syl->place_old = marked;
	else if (ve < syl->n)
		syl->place_old = (int)ve - 1;
	else if (nv == 3)
		syl->place_old = (int)vs + 1;
	else
		syl->place_old = (int)vs;
	syl->place_new = syl->place_old;
	if (marked < 0 && ve == syl->n && nv == 2 && !qu) {
		int32_t a = syl->base[vs], b = syl->base[vs + 1];
		if ((a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y'))
			syl->place_new = (int)vs + 1;
	}
}

/*
 * The initials the c/k, g/gh and ng/ngh rules pair: the back form is written before any
 * vowel but e, ê and i, the front form before those (and before y for k: kỹ, kỳ).
 */
static const struct Velar {
	const char *back, *front;
	bool y_front;
} velars[] = {{"c", "k", true}, {"g", "gh", false}, {"ng", "ngh", false}};

/* The pair in velars the initial of ni letters belongs to (-1: none), and which form it is. */
static int velar_of(const Syllable *syl, size_t ni, bool *front)
{
	int32_t a = syl->base[0], b = ni > 1 ? syl->base[1] : 0;

	*front = (ni == 1 && a == 'k') || (ni == 2 && a == 'g' && b == 'h') || ni == 3;
	if (ni == 1 && (a == 'c' || a == 'k'))
		return 0;
	if ((ni == 1 && a == 'g') || (ni == 2 && a == 'g' && b == 'h'))
		return 1;
	if ((ni == 2 && a == 'n' && b == 'g') || ni == 3)
		return 2;
	return -1;
}

/* True when the letter f after an initial of pair v asks for the front form. */
static bool wants_front(int v, int32_t f)
{
	return f == 'e' || f == 0xEA || f == 'i' || (f == 'y' && velars[v].y_front);
}

/* The c/k, g/gh, ng/ngh rules for the initial of length ni before the rhyme at index r. */
static bool initial_fits(const Syllable *syl, size_t ni, size_t r)
{
	bool front;
	int v = velar_of(syl, ni, &front);

	return v < 0 || front == wants_front(v, r < syl->n ? syl->base[r] : 0);
}

/* Splits the rhyme; returns the rhyme status (SYL_OK, SYL_SPELLING or SYL_BAD_RHYME). */
static SylStatus split(Syllable *syl, int ni)
{
	bool qu = ni == 2 && syl->base[0] == 'q';
	bool gi = ni == 2 && syl->base[0] == 'g' && syl->base[1] == 'i';
	size_t rs = (size_t)ni;
	uint32_t key;

	if (gi && (rs == syl->n || !is_vowel(syl->base[rs]) || syl->base[rs] == 0xEA))
		rs = 1; /* gìn, gì, giếng: the i belongs to the rhyme too */
	syl->ninit = (size_t)ni;
	syl->vstart = rs;
	syl->vend = rs;
	while (syl->vend < syl->n && is_vowel(syl->base[syl->vend]))
		syl->vend++;
	tone_places(syl, qu);
	key = rhyme_key(syl->base + rs, syl->n - rs);
	if (qu ? !has_key(qu_rhyme_keys, NQU_RHYMES, key) : !has_key(rhyme_keys, NRHYMES, key))
		return SYL_BAD_RHYME;
	if (ni > 0 && syl->base[rs] == 'y' && syl->vend - rs > 1 && !qu)
		return SYL_SPELLING; /* tyên: iê after a consonant */
	if (!qu && !gi && !initial_fits(syl, (size_t)ni, rs))
		return SYL_SPELLING;
	return SYL_OK;
}

bool syllable_is_stop(const Syllable *syl)
{
	int32_t last = syl->n ? syl->base[syl->n - 1] : 0;

	if (syl->vend >= syl->n)
		return false;
	return last == 'c' || last == 'p' || last == 't' ||
	       (last == 'h' && syl->n >= 2 && syl->base[syl->n - 2] == 'c');
}

SylStatus syllable_parse(const char *s, size_t len, Syllable *syl)
{
	int ni;
	SylStatus st;

	if (!load(s, len, syl))
		return syl->status = SYL_NOT_VIET;
	ni = match_initial(syl);
	if (ni < 0 || ((size_t)ni >= syl->n && !(ni == 2 && syl->base[0] == 'g')))
		return syl->status = SYL_NOT_VIET;
	if (ni == 1 && syl->base[0] == 'q')
		return syl->status = SYL_NOT_VIET;
	if ((size_t)ni < syl->n && !is_vowel(syl->base[ni]) && !(ni == 2 && syl->base[0] == 'g'))
		return syl->status = SYL_NOT_VIET; /* a cluster: bl, kr, ml */
	st = split(syl, ni);
	if (st != SYL_OK)
		return syl->status = st;
	if (syl->tone != TONE_NONE && syllable_is_stop(syl) && syl->tone != TONE_ACUTE &&
	    syl->tone != TONE_DOT)
		return syl->status = SYL_STOP_TONE;
	if (syl->tone_at >= 0 && syl->tone_at != syl->place_old && syl->tone_at != syl->place_new)
		return syl->status = SYL_MISPLACED;
	return syl->status = SYL_OK;
}

Placement syllable_placement(const Syllable *syl)
{
	if (syl->tone == TONE_NONE || syl->place_old == syl->place_new)
		return PLACE_NONE;
	if (syl->tone_at == syl->place_old)
		return PLACE_OLD;
	return syl->tone_at == syl->place_new ? PLACE_NEW : PLACE_NONE;
}

static void put(Str *out, int32_t c, bool upper)
{
	utf8_add(out, upper ? utf8_upper(c) : c);
}

void syllable_write(const Syllable *syl, Tone t, int at, Str *out)
{
	for (size_t i = 0; i < syl->n; i++) {
		int32_t c = syl->base[i];
		if ((int)i == at && t != TONE_NONE) {
			int32_t toned = viet_tone(c, t);
			if (toned)
				c = toned;
		}
		put(out, c, syl->upper[i]);
	}
}

/* The initial respelled for the rhyme that follows it ("c" before e -> "k"), or NULL. */
static const char *fixed_initial(const Syllable *syl)
{
	bool front;
	int v = velar_of(syl, syl->ninit, &front);

	if (v < 0)
		return NULL;
	return wants_front(v, syl->ninit < syl->n ? syl->base[syl->ninit] : 0) ? velars[v].front
	                                                                       : velars[v].back;
}

bool syllable_respell(const Syllable *syl, Placement prefer, Str *out)
{
	const char *ini;
	int at;
	Syllable fixed = *syl;

	if (syl->status == SYL_NOT_VIET || syl->status == SYL_BAD_RHYME || syl->place_old < 0)
		return false;
	ini = syl->status == SYL_SPELLING ? fixed_initial(syl) : NULL;
	at = prefer == PLACE_NEW ? syl->place_new : syl->place_old;
	if (ini) {
		size_t m = utf8_chars(ini, strlen(ini));
		int shift = (int)m - (int)syl->ninit;
		size_t rest = syl->n - syl->ninit;

		if (m + rest > SYL_MAX)
			return false;
		memmove(fixed.base + m, syl->base + syl->ninit, rest * sizeof(int32_t));
		memmove(fixed.upper + m, syl->upper + syl->ninit, rest * sizeof(bool));
		for (size_t i = 0; i < m; i++) {
			fixed.base[i] = (unsigned char)ini[i];
			fixed.upper[i] = i == 0 && syl->upper[0];
		}
		fixed.n = m + rest;
		at += shift;
	}
	syllable_write(&fixed, syl->tone, at, out);
	return true;
}
