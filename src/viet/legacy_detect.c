/*
 * legacy_detect.c: telling the legacy encodings apart, and mending mojibake and look-alikes.
 *
 * Both jobs rest on one question about a word: is it a Vietnamese syllable? The check is
 * structural, not a dictionary: an optional initial consonant from a closed list, a rhyme
 * from a closed list (written without tone, with vowel marks), at most one tone, and the
 * stop endings c, ch, p, t only with the acute or the dot. A wrong decoding scrambles the
 * letters so thoroughly (two tones in a word, "ọ" where "ệ" was meant, symbols inside words)
 * that this check separates the candidates after a handful of words. Words are maximal runs
 * of letters and non-ASCII characters between ASCII spaces, digits and punctuation; only
 * words that carry a non-ASCII character count, since plain ASCII reads the same in every
 * candidate. Detection looks at the first DETECT_WINDOW bytes only. The same syllable check
 * decides whether a look-alike (Ð, ð, ǎ) in Unicode text stands for a Vietnamese letter.
 */
#include "viet/legacy.h"

#include <string.h>

#include "base/utf8.h"
#include "viet/letter.h"
#include "base/banned.h"

#define DETECT_WINDOW (64 * 1024)
#define MAX_WORD 48 /* bytes; longer runs are not syllables */

static const char *const initials[] = {
	"", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m",
	"n", "ng", "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
};

/* Every rhyme, toneless, space-separated, with a space at each end for whole-word search. */
static const char rhymes[] =
	" a ai ao au ay ac ach am an ang anh ap at"
	" ă ăc ăm ăn ăng ăp ăt â âc âm ân âng âp ât âu ây"
	" e ec em en eng eo ep et ê êch êm ên ênh êp êt êu"
	" i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu"
	" o oa oac oach oai oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt"
	" oc oe oen oeo oet oi om on ong ooc oong op ot"
	" ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt"
	" u ua uân uâng uât uây uc uê uêch uênh ui um un ung up ut uơ"
	" uôc uôi uôm uôn uông uôt uy uya uych uyên uyêt uynh uyt uyu"
	" ư ưa ưc ưi ưm ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu"
	" y yêm yên yêng yêt yêu ";

static bool rhyme_known(const char *r, size_t n)
{
	const char *p = rhymes;

	if (n == 0)
		return false;
	/* r is NUL-terminated at n; the list starts with a space, so p[-1] is in bounds */
	while ((p = strstr(p, r)) != NULL) {
		if (p[-1] == ' ' && p[n] == ' ')
			return true;
		p++;
	}
	return false;
}

/* True if a syllable whose toneless form is s (lower case) ends in a stop. */
static bool ends_in_stop(const char *s, size_t n)
{
	char last = n ? s[n - 1] : 0;
	return last == 'c' || last == 'p' || last == 't' || (n >= 2 && s[n - 2] == 'c' && last == 'h');
}

bool legacy_syllable_ok(const char *word, size_t len)
{
	char bare[MAX_WORD + 8];
	size_t n = 0, i = 0;
	int tones = 0;
	Tone tone = TONE_NONE;

	if (len == 0 || len > MAX_WORD)
		return false;
	while (i < len) {
		int32_t cp;
		size_t k = utf8_decode(word + i, len - i, &cp);
		Tone t;
		if (k == 0 || !viet_is_letter(cp))
			return false;
		i += k;
		cp = viet_untone(utf8_lower(cp), &t);
		if (t != TONE_NONE) {
			tones++;
			tone = t;
		}
		n += utf8_encode(cp, bare + n);
	}
	bare[n] = '\0';
	if (tones > 1 || (ends_in_stop(bare, n) && tone != TONE_NONE && tone != TONE_ACUTE &&
			  tone != TONE_DOT))
		return false;
	for (size_t k = 0; k < sizeof(initials) / sizeof(initials[0]); k++) {
		size_t m = strlen(initials[k]);
		if (m <= n && memcmp(bare, initials[k], m) == 0) {
			char rhyme[MAX_WORD + 8];
			memcpy(rhyme, bare + m, n - m + 1);
			if (rhyme_known(rhyme, n - m))
				return true;
		}
	}
	return false;
}

/* Evidence from one decoding: words with non-ASCII letters that are, or are not, syllables. */
typedef struct Tally {
	int valid, invalid, words;
} Tally;

static bool is_ascii_letter(unsigned char c)
{
	return (c | 32) >= 'a' && (c | 32) <= 'z';
}

static bool is_separator(unsigned char c)
{
	return c < 0x80 && !is_ascii_letter(c);
}

static void tally_text(const char *s, size_t len, Tally *t)
{
	size_t i = 0;

	memset(t, 0, sizeof(*t));
	while (i < len) {
		size_t start = i;
		bool high = false;
		while (i < len && is_separator((unsigned char)s[i]))
			i++;
		start = i;
		while (i < len && !is_separator((unsigned char)s[i]))
			high |= (unsigned char)s[i++] >= 0x80;
		if (i == start)
			continue;
		t->words++;
		if (!high)
			continue;
		if (legacy_syllable_ok(s + start, i - start))
			t->valid++;
		else
			t->invalid++;
	}
}

static int tally_score(const Tally *t)
{
	return t->valid - 2 * t->invalid;
}

static bool tally_candidate(Encoding enc, const char *in, size_t len, Tally *t)
{
	Str out = STR_INIT;
	bool ok = legacy_decode(enc, in, len, &out, NULL);

	if (ok)
		tally_text(str_cstr(&out), out.len, t);
	str_release(&out);
	return ok;
}

static bool has_high_byte(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return true;
	return false;
}

/* True if VIQR mark c goes on the lower-case vowel v: ă, â ê ô, ơ ư. */
static bool mark_fits(unsigned char v, unsigned char c)
{
	return (c == '(' && v == 'a') || (c == '^' && strchr("aeo", v)) ||
	       (c == '+' && strchr("ou", v));
}

/* What plain ASCII shows of VIQR before it is decoded. */
typedef struct ViqrMarks {
	int strong;   /* marks no English text writes after a vowel: ^ ( + that fit it, ` and ~,
			 and a dd or DD that opens a word */
	int ending;   /* ' . ? after a vowel at the end of a word: a tone or punctuation */
} ViqrMarks;

/*
 * English punctuation reads as VIQR tones: "me." is "mẹ", "I'm" is "Ím", "you?" is "yoủ".
 * This copies in to out with a backslash before each ' . ? that follows a vowel and ends a
 * word, so that only marks inside words count as tones, and counts the marks in *m.
 */
static void viqr_marks(const char *in, size_t len, Str *out, ViqrMarks *m)
{
	bool vowel = false; /* the last character was a vowel, perhaps with its mark */

	m->strong = m->ending = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)in[i];
		unsigned char next = i + 1 < len ? (unsigned char)in[i + 1] : 0;
		bool after_vowel = vowel;

		vowel = c && strchr("aeiouyAEIOUY", c);
		if (c == '\\' && next) {
			str_addc(out, (char)c);
			c = (unsigned char)in[++i];
		} else if (after_vowel && c && strchr("^(+", c)) {
			vowel = mark_fits((unsigned char)(in[i - 1] | 32), c);
			m->strong += vowel;
		} else if (after_vowel && (c == '`' || c == '~')) {
			m->strong++;
		} else if (after_vowel && c && strchr("'.?", c) && !is_ascii_letter(next)) {
			str_addc(out, '\\');
			m->ending++;
		} else if ((c | 32) == 'd' && (next == 'd' || (c == 'D' && next == 'D')) &&
			   (i == 0 || !is_ascii_letter((unsigned char)in[i - 1]))) {
			m->strong++;
		}
		str_addc(out, (char)c);
	}
}

/*
 * Plain ASCII: UTF-8, unless it reads clearly as VIQR: its words read as syllables once the
 * marks that may be punctuation are set aside, and marks English never writes are there.
 * Marks that may be either leave the answer UTF-8 but not sure.
 */
static void guess_ascii(const char *in, size_t len, LegacyGuess *g)
{
	Str marked = STR_INIT;
	ViqrMarks m;
	Tally t;
	bool ok;

	viqr_marks(in, len, &marked, &m);
	g->best = ENC_UTF8;
	g->confident = true;
	ok = tally_candidate(ENC_VIQR, str_cstr(&marked), marked.len, &t);
	str_release(&marked);
	if (!ok)
		return;
	if (t.valid + t.invalid == 0) {
		g->confident = m.ending == 0;
		return;
	}
	g->score = tally_score(&t);
	if (t.valid >= 3 && t.invalid * 4 <= t.valid && t.valid * 5 >= t.words &&
	    m.strong >= 2 && m.strong * 4 >= t.valid) {
		g->best = g->enc = ENC_VIQR;
		return;
	}
	g->best = ENC_VIQR;
	g->confident = t.valid <= t.invalid;
}

/* Scores the one-byte and VNI candidates on in; fills g->best, score and runner_up. */
static void guess_eight_bit(const char *in, size_t len, LegacyGuess *g, Tally *bt)
{
	static const Encoding eight_bit[] = {ENC_TCVN3, ENC_VNI, ENC_VISCII, ENC_CP1258};
	int best = -1000000, second = -1000000;

	memset(bt, 0, sizeof(*bt));
	for (size_t i = 0; i < sizeof(eight_bit) / sizeof(eight_bit[0]); i++) {
		Tally t;
		int s;
		if (!tally_candidate(eight_bit[i], in, len, &t))
			continue;
		s = tally_score(&t);
		if (s > best) {
			second = best;
			best = s;
			*bt = t;
			g->best = eight_bit[i];
		} else if (s > second) {
			second = s;
		}
	}
	g->score = best;
	g->runner_up = second;
}

void legacy_guess(const char *in, size_t len, LegacyGuess *g)
{
	size_t window = len < DETECT_WINDOW ? len : DETECT_WINDOW;
	Tally bt, ut;
	bool sure;

	memset(g, 0, sizeof(*g));
	g->enc = g->best = ENC_UTF8;
	if (len == 0)
		in = "";
	if (memchr(in, 0, len))
		return;
	if (!has_high_byte(in, len)) {
		guess_ascii(in, window, g);
		return;
	}
	guess_eight_bit(in, window, g, &bt);
	sure = bt.valid >= 3 && g->score >= 3 && g->score >= g->runner_up + 3 &&
	       bt.invalid * 4 <= bt.valid;
	if (utf8_valid(in, len, NULL)) {
		/* short legacy text can be valid UTF-8 by chance ("trương" in VISCII): compare */
		tally_text(in, window, &ut);
		if (sure && g->score > tally_score(&ut) + 3) {
			g->enc = g->best;
			g->confident = true;
			return;
		}
		g->runner_up = g->score;
		g->score = tally_score(&ut);
		g->best = ENC_UTF8;
		g->confident = g->score >= g->runner_up;
		return;
	}
	g->confident = sure;
	if (sure)
		g->enc = g->best;
}

Encoding legacy_detect(const char *in, size_t len, bool *confident)
{
	LegacyGuess g;

	legacy_guess(in, len, &g);
	if (confident)
		*confident = g.confident;
	return g.enc;
}

/* ---- mojibake ---- */

/* The Windows-1252 byte behind cp as a byte-by-byte conversion would have made it, or -1. */
static int cp1252_byte(int32_t cp)
{
	static const uint16_t c1[32] = {
		0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
		0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
		0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
		0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
	};
	if (cp < 0x100)
		return cp;
	for (int i = 0; i < 32; i++)
		if (c1[i] == cp)
			return 0x80 + i;
	return -1;
}

/*
 * A word as the bytes it came from; false if a character cannot have come from one byte.
 * *letter tells whether one of the bytes is an ASCII letter.
 */
static bool word_bytes(const char *w, size_t len, Str *bytes, bool *letter)
{
	size_t i = 0;
	bool high = false;

	str_clear(bytes);
	while (i < len) {
		int32_t cp;
		size_t k = utf8_decode(w + i, len - i, &cp);
		int b = k ? cp1252_byte(cp) : -1;
		if (b < 0)
			return false;
		high |= b >= 0x80;
		*letter |= (b | 32) >= 'a' && (b | 32) <= 'z';
		str_addc(bytes, (char)b);
		i += k;
	}
	return high;
}

/* One mojibake word: what it would become in each of the two encodings, and if that is valid. */
typedef struct Fix {
	bool candidate; /* every character maps back to a byte, and one is not ASCII */
	bool native;    /* not a candidate, but has non-ASCII: real Unicode text ("Việt") */
	bool letter;    /* has an ASCII letter: a garbled fragment inside Unicode text keeps its
	                   base letters ("Ng\u00ADêi"); a lone dash or quote is punctuation */
	bool orig_ok, ok[2];
	Str as[2];
} Fix;

static const Encoding moji_enc[2] = {ENC_TCVN3, ENC_VNI};

static void fix_word(const char *w, size_t len, Str *bytes, bool whole, Fix *f)
{

	f->letter = false;
	f->candidate = word_bytes(w, len, bytes, &f->letter);
	f->native = !f->candidate && has_high_byte(w, len);
	f->orig_ok = f->candidate && legacy_syllable_ok(w, len);
	for (int e = 0; e < 2; e++) {
		str_clear(&f->as[e]);
		/* a word that reads well as it stands is only reconsidered in a text mended whole */
		f->ok[e] = f->candidate && (whole || !f->orig_ok) &&
			   legacy_decode(moji_enc[e], str_cstr(bytes), bytes->len, &f->as[e], NULL) &&
			   legacy_syllable_ok(f->as[e].s, f->as[e].len);
	}
}

/*
 * Walks the words of s. With out == NULL it only counts: words each encoding would mend
 * (count[0], count[1]), candidate words (count[2]) and native Unicode words (count[3]).
 * Otherwise it writes the text with words mended in encoding e and returns how many changed.
 */
static size_t moji_walk(const char *s, size_t len, int e, bool whole, Str *out, int count[4])
{
	Str bytes = STR_INIT;
	Fix f = {false, false, false, false, {false, false}, {STR_INIT, STR_INIT}};
	size_t i = 0, done = 0;

	while (i < len) {
		size_t start = i;
		while (i < len && is_separator((unsigned char)s[i]))
			i++;
		if (out)
			str_add(out, s + start, i - start);
		start = i;
		while (i < len && !is_separator((unsigned char)s[i]))
			i++;
		if (i == start)
			continue;
		fix_word(s + start, i - start, &bytes, whole, &f);
		if (!out) {
			for (int k = 0; k < 2; k++)
				count[k] += f.ok[k] && !f.orig_ok && f.letter;
			count[2] += f.candidate;
			count[3] += f.native;
		} else if (f.ok[e] && (whole || (!f.orig_ok && f.letter))) {
			str_add(out, f.as[e].s, f.as[e].len);
			done += f.as[e].len != i - start || memcmp(f.as[e].s, s + start, i - start);
		} else {
			str_add(out, s + start, i - start);
		}
	}
	str_release(&bytes);
	str_release(&f.as[0]);
	str_release(&f.as[1]);
	return done;
}

size_t legacy_repair_mojibake(const char *utf8, size_t len, Str *out)
{
	int count[4] = {0, 0, 0, 0}, e;
	size_t done = 0;
	bool whole;
	Str nfc = STR_INIT, tmp = STR_INIT;

	if (len == 0)
		utf8 = "";
	if (!utf8_nfc(utf8, len, &nfc)) {
		str_add(out, utf8, len);
		return 0;
	}
	moji_walk(str_cstr(&nfc), nfc.len, 0, false, NULL, count);
	e = count[1] > count[0];
	if (count[e] == 0) {
		str_add(out, str_cstr(&nfc), nfc.len);
		goto done;
	}
	/* A text converted whole has no real Unicode letters, and most of its words are broken. */
	whole = count[3] == 0 && count[e] >= 3 && count[e] * 10 >= count[2] * 6;
	done = moji_walk(nfc.s, nfc.len, e, whole, &tmp, NULL);
	utf8_nfc(str_cstr(&tmp), tmp.len, out);
done:
	str_release(&nfc);
	str_release(&tmp);
	return done;
}

/* ---- look-alikes ---- */

/* True for ă đ ĩ ũ ơ ư and the letters of U+1EA0..U+1EF9, in either case: only Vietnamese
 * writes them, so one in a text makes it Vietnamese. */
static bool vietnamese_only(int32_t c)
{
	return (c >= 0x1EA0 && c <= 0x1EF9) || c == 0x102 || c == 0x103 || c == 0x110 ||
	       c == 0x111 || c == 0x128 || c == 0x129 || c == 0x168 || c == 0x169 || c == 0x1A0 ||
	       c == 0x1A1 || c == 0x1AF || c == 0x1B0;
}

/* The code point at s (len bytes left) and its length; an invalid byte is -1, one byte. */
static size_t next_cp(const char *s, size_t len, int32_t *cp)
{
	size_t k = utf8_decode(s, len, cp);

	if (k == 0) {
		*cp = -1;
		k = 1;
	}
	return k;
}

/* Letters, combining marks and look-alikes make words; the rest parts them. */
static bool in_word(int32_t c)
{
	return c >= 0 && (utf8_is_letter(c) || (c >= 0x300 && c <= 0x36F) || viet_lookalike(c));
}

/*
 * Appends the word w to out with its look-alikes repaired and returns how many were. ƣ and Ƣ
 * are always ư and Ư: nothing else writes them today. A Greek or Cyrillic look-alike is
 * repaired in a word that has Latin letters too, since no word mixes the scripts. Ð ð ǎ Ǎ
 * are Icelandic and Pinyin letters as well, so they are repaired only in a Vietnamese text
 * (viet) and when the word they make is a syllable.
 */
static size_t repair_word(const char *w, size_t len, bool viet, Str scratch[2], Str *out)
{
	size_t i, k, done = 0;
	bool latin = false, fits;
	int32_t c, m;

	str_clear(&scratch[0]);
	str_clear(&scratch[1]);
	for (i = 0; i < len; i += k) {
		k = next_cp(w + i, len - i, &c);
		m = viet_lookalike(c);
		latin |= !m && c < 0x250 && utf8_is_letter(c);
		utf8_add(&scratch[0], m ? m : c);
	}
	/* the syllable is judged in NFC: ƣ and a combining tone become one letter */
	fits = viet && utf8_nfc(str_cstr(&scratch[0]), scratch[0].len, &scratch[1]) &&
	       legacy_syllable_ok(str_cstr(&scratch[1]), scratch[1].len);
	for (i = 0; i < len; i += k) {
		k = next_cp(w + i, len - i, &c);
		m = viet_lookalike(c);
		if (m && (c == 0x1A2 || c == 0x1A3 || (viet_greek_or_cyrillic(c) ? latin : fits))) {
			utf8_add(out, m);
			done++;
		} else {
			str_add(out, w + i, k);
		}
	}
	return done;
}

/* True if s has a look-alike; *viet tells whether it has a letter only Vietnamese writes. */
static bool has_lookalike(const char *s, size_t len, bool *viet)
{
	bool found = false;
	int32_t c;

	*viet = false;
	for (size_t i = 0, k; i < len; i += k) {
		k = next_cp(s + i, len - i, &c);
		found |= viet_lookalike(c) != 0;
		*viet |= vietnamese_only(c);
	}
	return found;
}

size_t legacy_repair_lookalikes(const char *utf8, size_t len, Str *out)
{
	Str fixed = STR_INIT, scratch[2] = {STR_INIT, STR_INIT};
	size_t i = 0, done = 0;
	bool viet;
	int32_t c;

	if (len == 0)
		utf8 = "";
	if (!has_lookalike(utf8, len, &viet)) {
		str_add(out, utf8, len);
		return 0;
	}
	while (i < len) {
		size_t start = i, k = next_cp(utf8 + i, len - i, &c);
		if (!in_word(c)) {
			str_add(&fixed, utf8 + i, k);
			i += k;
			continue;
		}
		while (i < len && in_word(c)) {
			i += k;
			k = i < len ? next_cp(utf8 + i, len - i, &c) : 0;
		}
		done += repair_word(utf8 + start, i - start, viet, scratch, &fixed);
	}
	if (!done || !utf8_nfc(str_cstr(&fixed), fixed.len, out))
		str_add(out, utf8, len);
	str_release(&fixed);
	str_release(&scratch[0]);
	str_release(&scratch[1]);
	return done;
}

/* ---- scoring a reading ---- */

void legacy_score(const char *utf8, size_t len, LegacyScore *sc)
{
	size_t i = 0, end = len < DETECT_WINDOW ? len : DETECT_WINDOW;
	int32_t c;

	memset(sc, 0, sizeof(*sc));
	while (i < end) {
		size_t start = i, k = next_cp(utf8 + i, len - i, &c);
		bool high = false;
		while (i < end && in_word(c)) {
			high |= c >= 0x80;
			i += k;
			k = i < len ? next_cp(utf8 + i, len - i, &c) : 0;
		}
		if (i == start) {
			i += k;
			continue;
		}
		if (!high)
			continue;
		if (legacy_syllable_ok(utf8 + start, i - start)) {
			sc->valid++;
		} else if (sc->invalid++ == 0) {
			sc->first = start;
			sc->first_len = i - start;
		}
	}
}
