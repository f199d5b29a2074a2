/*
 * word.c: the verdict on one word, which depends only on its bytes and the dictionaries and
 * is therefore cached. The order of the questions matters: a bad character hides every other
 * fault of the word; then what the lists know; then the syllable rules; only a word that is
 * no Vietnamese syllable is looked at as a leftover, a foreign name or a foreign word.
 */
#include "spell/internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "viet/letter.h"
#include "base/banned.h"

uint64_t verdict_pack(Verdict v)
{
	return (uint64_t)v.kind | (uint64_t)v.severity << 8 | (uint64_t)v.msg << 16 |
	       (uint64_t)v.place << 24 | (uint64_t)v.flags << 32 | (uint64_t)v.tflags << 40;
}

Verdict verdict_unpack(uint64_t x)
{
	Verdict v = {(uint8_t)x, (uint8_t)(x >> 8), (uint8_t)(x >> 16), (uint8_t)(x >> 24),
		(uint8_t)(x >> 32), (uint8_t)(x >> 40)};
	return v;
}

/*
 * The lower case of a letter Vietnamese is written with, other than ASCII (the Latin-1
 * capitals, Ă Đ Ĩ Ũ Ơ Ư, and the pairs of U+1EA0..U+1EF9: Ạ ạ .. Ỹ ỹ), which takes as many
 * bytes as the capital; the letter itself when it is a small one of these; 0 for any other
 * code point (asked of the general case mapping instead).
 */
static int32_t viet_lower(int32_t c)
{
	if (c >= 0x1EA0 && c <= 0x1EF9)
		return c | 1;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 0x20;
	if ((c >= 0xDF && c <= 0xFF) || c == 0x103 || c == 0x111 || c == 0x129 || c == 0x169 ||
	    c == 0x1A1 || c == 0x1B0)
		return c;
	if (c == 0x102 || c == 0x110 || c == 0x128 || c == 0x168 || c == 0x1A0)
		return c + 1;
	return c == 0x1AF ? 0x1B0 : 0;
}

/* Lowers the bytes s[0, len) in place; false (s partly lowered) at a character that needs
 * the general case mapping, or bytes that are no UTF-8 this reads. */
static bool lower_in_place(char *s, size_t len)
{
	unsigned char *u = (unsigned char *)s;

	for (size_t i = 0; i < len;) {
		int32_t c, lo;
		if (u[i] < 0x80) {
			if (u[i] >= 'A' && u[i] <= 'Z')
				u[i] = (unsigned char)(u[i] + 32);
			i++;
		} else if (u[i] >= 0xC2 && u[i] <= 0xDF && i + 1 < len && (u[i + 1] & 0xC0) == 0x80) {
			c = (int32_t)(u[i] & 0x1F) << 6 | (u[i + 1] & 0x3F);
			if (!(lo = viet_lower(c)))
				return false;
			u[i] = (unsigned char)(0xC0 | lo >> 6);
			u[i + 1] = (unsigned char)(0x80 | (lo & 0x3F));
			i += 2;
		} else if (u[i] == 0xE1 && i + 2 < len && (u[i + 1] == 0xBA || u[i + 1] == 0xBB) &&
		           (u[i + 2] & 0xC0) == 0x80) {
			c = 0x1000 | (int32_t)(u[i + 1] & 0x3F) << 6 | (u[i + 2] & 0x3F);
			if (!(lo = viet_lower(c)))
				return false;
			u[i + 2] = (unsigned char)(0x80 | (lo & 0x3F));
			i += 3;
		} else {
			return false;
		}
	}
	return true;
}

/* Vietnamese letters lowered in place (the checker's words are nearly all of them); any
 * other character sends the word through the general case mapping. */
void word_lower(const char *w, size_t len, Str *out)
{
	size_t at = out->len;

	str_add(out, w, len);
	if (!lower_in_place(out->s + at, len)) {
		str_truncate(out, at);
		utf8_lower_str(w, len, out);
	}
	str_cstr(out);
}

/* False for a code point that is surely no look-alike and no combining mark: ASCII and the
 * Vietnamese letters, so that a usual word is settled without searching the map. */
static bool may_suspect(int32_t c)
{
	if (c < 0x80 || (c >= 0x1E00 && c <= 0x1EFF))
		return false;
	return c >= 0x300 || c == 0xD0 || c == 0xF0 || (c >= 0x1A2 && c <= 0x1A3) ||
	       (c >= 0x1CD && c <= 0x1CE);
}

/*
 * False when no character of w is one may_suspect admits, decoding the two- and three-byte
 * characters in place (most words are ASCII and Vietnamese letters, which this settles
 * without a call per character). Anything else, invalid UTF-8 included, is left to the full
 * look.
 */
static bool maybe_suspect_bytes(const char *w, size_t len)
{
	const unsigned char *u = (const unsigned char *)w;

	for (size_t i = 0; i < len; i++) {
		int32_t c;
		if (u[i] < 0x80)
			continue;
		if (u[i] >= 0xC2 && u[i] <= 0xDF && i + 1 < len && (u[i + 1] & 0xC0) == 0x80) {
			c = (int32_t)(u[i] & 0x1F) << 6 | (u[i + 1] & 0x3F);
			i += 1;
		} else if (u[i] >= 0xE1 && u[i] <= 0xEC && i + 2 < len &&
		           (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
			c = (int32_t)(u[i] & 0x0F) << 12 | (int32_t)(u[i + 1] & 0x3F) << 6 |
			    (u[i + 2] & 0x3F);
			i += 2;
		} else {
			return true;
		}
		if (may_suspect(c))
			return true;
	}
	return false;
}

/* Look-alikes and stray marks; true if the word changed. */
static bool fix_lookalikes(const char *w, size_t len, Str *out, MsgId *msg)
{
	Str tmp = STR_INIT;
	size_t i = 0, n, latin = 0, foreign = 0, mapped = 0;
	bool changed = false;
	int32_t c;

	size_t suspect = 0;

	if (!maybe_suspect_bytes(w, len))
		return false;
	for (i = 0; i < len; i += n) {
		if (!(n = utf8_decode(w + i, len - i, &c)))
			return false;
		suspect += may_suspect(c) && (viet_lookalike(c) || (c >= 0x300 && c <= 0x36F));
	}
	if (!suspect)
		return false; /* the common case: nothing to map, no mark to drop */
	for (i = 0; i < len; i += n) {
		n = utf8_decode(w + i, len - i, &c);
		latin += c < 0x250 && utf8_is_letter(c);
		foreign += viet_greek_or_cyrillic(c);
		mapped += viet_greek_or_cyrillic(c) && viet_lookalike(c);
	}
	if (foreign && !latin && mapped < foreign)
		return false; /* a word in Greek or Cyrillic script, not a look-alike */
	for (i = 0; i < len; i += n) {
		int32_t m;
		n = utf8_decode(w + i, len - i, &c);
		if ((m = viet_lookalike(c))) {
			utf8_add(&tmp, m);
			changed = true;
			*msg = MSG_LOOKALIKE;
		} else {
			utf8_add(&tmp, c);
		}
	}
	str_clear(out);
	utf8_nfc(str_cstr(&tmp), tmp.len, out);
	str_clear(&tmp);
	/* marks still apart after NFC attach to nothing Vietnamese: drop them */
	for (i = 0; i < out->len; i += n) {
		n = utf8_decode(out->s + i, out->len - i, &c);
		if (n == 0)
			n = 1;
		if (c >= 0x300 && c <= 0x36F) {
			if (!changed)
				*msg = MSG_COMBINING;
			changed = true;
			continue;
		}
		str_add(&tmp, out->s + i, n);
	}
	str_clear(out);
	str_add(out, str_cstr(&tmp), tmp.len);
	str_release(&tmp);
	return changed && out->len > 0;
}

/* True when the lower case of w is a known Vietnamese syllable. */
static bool known_syllable(Speller *sp, const char *w, size_t len)
{
	Str lo = STR_INIT;
	bool ok;

	word_lower(w, len, &lo);
	ok = lex_syllable(&sp->lex, lo.s, lo.len);
	str_release(&lo);
	return ok;
}

static bool has_legacy(const char *w, size_t len)
{
	for (size_t i = 0; i + 1 < len; i++)
		if ((unsigned char)w[i] == 0xC2 || (unsigned char)w[i] == 0xC3)
			return true;
	return false;
}

/*
 * What the first look at a word works out once: its lower case and its syllable parse. The
 * lower case of a usual word is kept in buf, which saves an allocation per new word (a
 * lower case takes at most 1.5 times the bytes, so twice the word's length always fits).
 */
typedef struct WordLook {
	const char *w;
	size_t len;
	Str lo;
	Syllable syl;
	SylStatus st;
	char buf[64];
} WordLook;

static void look_init(WordLook *k, const char *w, size_t len)
{
	k->w = w;
	k->len = len;
	str_init(&k->lo);
	if (2 * len + 1 <= sizeof(k->buf)) {
		k->lo.s = k->buf;
		k->lo.cap = sizeof(k->buf);
	}
	word_lower(w, len, &k->lo);
	k->st = syllable_parse(w, len, &k->syl);
}

static void look_release(WordLook *k)
{
	if (k->lo.s != k->buf)
		str_release(&k->lo);
}

/*
 * Look-alikes, stray marks and legacy-font text. known: the caller has found the lower case
 * among the known words (false: not asked; lex_syllable asks when it matters).
 */
static bool fix_chars(Speller *sp, const WordLook *k, bool known, Str *out, MsgId *msg)
{
	if (fix_lookalikes(k->w, k->len, out, msg))
		return true;
	str_clear(out);
	if (!has_legacy(k->w, k->len))
		return false;
	switch (k->st) {
	case SYL_OK:
		if (known || lex_syllable(&sp->lex, k->lo.s, k->lo.len))
			return false;
		break;
	case SYL_NOT_VIET:
	case SYL_BAD_RHYME:
		break;
	default:
		return false; /* a Vietnamese word with a fault of its own (gìa, gíup) */
	}
	*msg = MSG_MOJIBAKE;
	if (legacy_tcvn3(k->w, k->len, out) && known_syllable(sp, out->s, out->len))
		return true;
	str_clear(out);
	if (legacy_vni(k->w, k->len, out) && known_syllable(sp, out->s, out->len))
		return true;
	str_clear(out);
	return false;
}

bool word_fix_chars(Speller *sp, const char *w, size_t len, Str *out, MsgId *msg)
{
	WordLook k;
	bool fixed;

	look_init(&k, w, len);
	fixed = fix_chars(sp, &k, false, out, msg);
	look_release(&k);
	return fixed;
}

/* Vietnamese-only marks: ă â ê ô ơ ư đ, the hook and dot tones, or a tone on a marked vowel. */
static bool viet_evidence(const char *w, size_t len)
{
	size_t i = 0, n;
	int32_t c;

	while (i < len && (n = utf8_decode(w + i, len - i, &c))) {
		int32_t lo = utf8_lower(c), base;
		Tone t;
		i += n;
		if (lo < 0x80 || !viet_is_letter(lo))
			continue;
		base = viet_untone(lo, &t);
		if (base != 'a' && base != 'e' && base != 'i' && base != 'o' && base != 'u' &&
		    base != 'y')
			return true;
		if (t == TONE_HOOK || t == TONE_DOT)
			return true;
	}
	return false;
}

static Verdict flag(FindingKind k, Severity s, MsgId m)
{
	Verdict v = {(uint8_t)k, (uint8_t)s, (uint8_t)m, PLACE_NONE, 0, 0};
	return v;
}

static Verdict fine(uint8_t flags, uint8_t place)
{
	Verdict v = {FIND_KIND_COUNT, 0, MSG_NONE, place, flags, 0};
	return v;
}

/*
 * A word that is no Vietnamese syllable: leftover, name, foreign word. A capitalised word
 * needs the English dictionary only when it also decodes as typing-method leftovers, so
 * names alone never make it load; nor does a word news prints (hybrid, lithium, ion), which
 * is a word whatever English says (compute would accept it after any finding here).
 */
static Verdict non_syllable(Speller *sp, const char *w, size_t len, const char *lo, size_t lolen,
	unsigned flags, SylStatus st)
{
	Str dec = STR_INIT;
	bool capital = flags & (TF_UPPER_FIRST | TF_ALL_UPPER | TF_INNER_UPPER);
	bool telex = leftover_telex(lo, lolen, &dec) && lex_syllable(&sp->lex, dec.s, dec.len) &&
	             viet_evidence(dec.s, dec.len);
	bool english;

	str_release(&dec);
	if (capital && !telex) {
		/* a capitalised word that is no Vietnamese syllable is a name (Giêsu, Phêrô) */
		if (viet_evidence(w, len) && st == SYL_BAD_RHYME && (flags & TF_ALL_UPPER))
			return flag(FIND_SPELLING, SEV_ERROR, MSG_NOT_SYLLABLE);
		return fine(VF_NAME, PLACE_NONE);
	}
	if (lex_has_english(&sp->lex) && model_news_word(sp, lo, lolen))
		return fine(VF_NAME, PLACE_NONE);
	english = lex_english(&sp->lex, lo, lolen) || lex_english(&sp->lex, w, len);
	telex = telex && !english;
	if (telex && (!capital || !(flags & TF_ALL_UPPER)))
		return flag(FIND_SPELLING, SEV_ERROR, MSG_TELEX);
	if ((viet_evidence(w, len) && (!capital || st == SYL_BAD_RHYME)) ||
	    (!capital && !english && !(flags & TF_ASCII)))
		return flag(FIND_SPELLING, SEV_ERROR, MSG_NOT_SYLLABLE);
	if (capital || english)
		return fine(VF_NAME, PLACE_NONE);
	if (!lex_has_english(&sp->lex))
		return fine(0, PLACE_NONE);
	return flag(FIND_SPELLING, SEV_WARNING, MSG_FOREIGN);
}

static Verdict syllable_verdict(Speller *sp, const WordLook *k, unsigned flags)
{
	const char *w = k->w, *lo = k->lo.s;
	size_t len = k->len, lolen = k->lo.len;
	const Syllable *syl = &k->syl;
	SylStatus st = k->st;
	bool capital = flags & (TF_UPPER_FIRST | TF_ALL_UPPER);

	switch (st) {
	case SYL_OK:
		if (lex_syllable(&sp->lex, lo, lolen))
			return fine(VF_SYLLABLE, (uint8_t)syllable_placement(syl));
		if (capital || lex_english(&sp->lex, lo, lolen))
			return fine(VF_NAME, PLACE_NONE);
		return flag(FIND_SPELLING, SEV_WARNING, MSG_UNKNOWN);
	case SYL_MISPLACED:
		return flag(FIND_SPELLING, SEV_ERROR, MSG_MISPLACED);
	case SYL_STOP_TONE:
		return flag(FIND_SPELLING, SEV_ERROR, MSG_STOP_TONE);
	case SYL_SPELLING:
		if (capital && (!viet_evidence(w, len) || syl->base[0] == 'k'))
			return fine(VF_NAME, PLACE_NONE);
		return flag(FIND_SPELLING, SEV_ERROR, MSG_ORTHO);
	default:
		return non_syllable(sp, w, len, lo, lolen, flags, st);
	}
}

/* Lower-case ASCII letters only: a word typed with no Vietnamese mark at all. */
static bool bare_word(const char *lo, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (lo[i] < 'a' || lo[i] > 'z')
			return false;
	return len > 0;
}

/*
 * A bare word flagged as unknown or foreign whose best suggestion is the same letters with
 * marks (nguoi -> người) was typed without its marks: say so, which a reporter understands
 * at once. Only flagged words get here, once each (the verdict is cached).
 */
static void name_missing_marks(Speller *sp, const char *w, size_t len, const Str *lo, Verdict *v)
{
	char **sugg = NULL;
	size_t n;
	Str folded = STR_INIT;

	if (v->kind != FIND_SPELLING || (v->msg != MSG_FOREIGN && v->msg != MSG_UNKNOWN) ||
	    !bare_word(lo->s, lo->len))
		return;
	n = suggest_word(sp, w, len, *v, &sugg, 1, false);
	if (n) {
		viet_fold_str(sugg[0], strlen(sugg[0]), &folded);
		if (folded.len == lo->len && memcmp(folded.s, lo->s, lo->len) == 0)
			v->msg = MSG_NO_MARKS;
	}
	for (size_t i = 0; i < n; i++)
		free(sugg[i]);
	free(sugg);
	str_release(&folded);
}

/* An unknown word that news prints often enough to be a word (not a misplaced tone, a
 * broken c/k rule or a stop final with a wrong tone: those are always mistakes). */
static bool news_printed(Speller *sp, const Str *lo, Verdict v)
{
	if (v.msg == MSG_MISPLACED || v.msg == MSG_STOP_TONE || v.msg == MSG_ORTHO)
		return false;
	return model_news_word(sp, lo->s, lo->len);
}

/* The placement flags of a word that is fine: a syllable (with its placement) or a name. */
static Verdict fine_word(const WordLook *k)
{
	if (k->st != SYL_OK)
		return fine(VF_NAME, PLACE_NONE);
	return fine(VF_SYLLABLE, (uint8_t)syllable_placement(&k->syl));
}

static Verdict compute(Speller *sp, const char *w, size_t len, unsigned flags)
{
	WordLook k;
	Str tmp = STR_INIT;
	const Str *lo = &k.lo;
	MsgId msg = MSG_NONE;
	uint64_t mask = 0;
	bool known;
	Verdict v;

	look_init(&k, w, len);
	known = lex_known(&sp->lex, lo->s, lo->len);
	if (fix_chars(sp, &k, known, &tmp, &msg)) {
		v = flag(FIND_CHARACTER, SEV_ERROR, msg);
	} else if (flags & TF_DIGIT) {
		v = fine(VF_NAME, PLACE_NONE);
		if (!(flags & TF_ALL_UPPER) && !(lo->s[0] >= '0' && lo->s[0] <= '9') &&
		    leftover_vni(lo->s, lo->len, &tmp) &&
		    utf8_chars(lo->s, lo->len) > 2 && lex_syllable(&sp->lex, tmp.s, tmp.len))
			v = flag(FIND_SPELLING, SEV_ERROR, MSG_TELEX);
	} else if (known || utf8_chars(w, len) == 1 ||
	           memchr(w, '_', len)) {
		v = fine_word(&k);
	} else {
		v = syllable_verdict(sp, &k, flags);
		if (v.kind == FIND_SPELLING && news_printed(sp, lo, v))
			v = fine_word(&k);
		name_missing_marks(sp, w, len, lo, &v);
	}
	if (table_get(&sp->lex.conf_head, lo->s, lo->len, &mask))
		v.flags |= VF_CONF_HEAD | (uint8_t)(mask * VF_CONF_LEN1);
	if (v.flags & VF_SYLLABLE)
		v.flags |= (uint8_t)context_sides(sp, lo->s, lo->len);
	look_release(&k);
	str_release(&tmp);
	return v;
}

/* The whole bytes of a word of 1 to 16 bytes in (a, b) (with the length, they name it). */
static bool front_key(const char *w, size_t len, uint64_t *a, uint64_t *b)
{
	if (len == 0 || len > 16)
		return false;
	*b = 0;
	if (len >= 8) {
		*a = table_load8(w);
		*b = table_load8(w + len - 8);
	} else if (len >= 4) {
		*a = table_load4(w) | table_load4(w + len - 4) << 32;
	} else {
		*a = (uint64_t)(unsigned char)w[0] | (uint64_t)(unsigned char)w[len / 2] << 8 |
		     (uint64_t)(unsigned char)w[len - 1] << 16;
	}
	return true;
}

static FrontSlot *front_slot(Speller *sp, uint64_t a, uint64_t b, size_t len)
{
	uint64_t h = (a ^ (b * 0x9E3779B97F4A7C15ull) ^ len) * 0xFF51AFD7ED558CCDull;

	if (sp->front_bits < FRONT_MIN_BITS)
		sp->front_bits = FRONT_MIN_BITS;
	return &sp->front[h >> (64 - sp->front_bits)];
}

/*
 * The front in use grows with the words worked out (twice as many slots once there are
 * more words than slots, up to them all: a word that lost its slot is still found in the
 * cache, and a first check touches half as many pages), and never shrinks, so every slot
 * past it is empty. A slot names its word by its whole bytes, so one left where the
 * smaller front put it is still right when found, and nothing needs moving: the pages
 * beyond stay untouched until a text has that many words.
 */
static void front_grow(Speller *sp)
{
	if (sp->front_bits < FRONT_MIN_BITS)
		sp->front_bits = FRONT_MIN_BITS;
	while (sp->front_bits < FRONT_BITS && sp->cache.n > (size_t)1 << sp->front_bits)
		sp->front_bits++;
}

void verdict_forget(Speller *sp)
{
	table_clear(&sp->cache);
	memset(sp->front, 0, ((size_t)1 << sp->front_bits) * sizeof(*sp->front));
}

Verdict word_verdict(Speller *sp, const char *w, size_t len)
{
	FrontSlot *f = NULL;
	uint64_t a, b, x, h;
	Verdict v;

	if (front_key(w, len, &a, &b)) {
		f = front_slot(sp, a, b, len);
		if (f->a == a && f->b == b && f->value >> 56 == len)
			return verdict_unpack(f->value);
	}
	h = table_hash(w, len);
	if (table_get_hashed(&sp->cache, w, len, h, &x)) {
		v = verdict_unpack(x);
	} else {
		unsigned tf = token_flags(w, 0, len);
		v = compute(sp, w, len, tf);
		v.tflags = (uint8_t)tf;
		if (sp->cache.n > 200000)
			verdict_forget(sp);
		table_put_hashed(&sp->cache, w, len, h, verdict_pack(v));
		front_grow(sp);
	}
	if (f) {
		f->a = a;
		f->b = b;
		f->value = verdict_pack(v) | (uint64_t)len << 56;
	}
	return v;
}
