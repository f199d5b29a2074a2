/*
 * telex.c: the Ime keeps the current word twice: as its raw input (a few "seed" code points,
 * letters that were already in the text when the word was taken up, followed by the keys
 * typed since) and as a Word, that input taken in: seed letters taken apart into a Letter
 * (plain base, one vowel mark, case) plus the word's tone, then each key applied in turn. The
 * tone is a property of the word, not of a letter, and is placed only when the word is written
 * out, so it moves to the right vowel as the syllable grows (hoà + n -> hoàn).
 *
 * Spelling has one source of truth, viet/syllable.h. After every key the Word must still be
 * able to become a Vietnamese syllable: its letters, each perhaps with a mark a later key may
 * add, plus at most one more letter (two while there is no vowel yet, q -> qua) must parse as
 * a syllable that takes the word's tone, so finals c ch p t take only sắc or nặng. A word
 * that fails is written exactly as it was typed (the raw input) from then on: windows,
 * facebook, email, and text (ngã on final t). Once a doubled key has undone a mark, the rest of
 * the word is typed literally and not checked (tesst -> test). A word that stops short of a
 * full syllable is left as shown (đ, tiê): abbreviations need that.
 *
 * ươ: no Vietnamese rhyme ends in ươ; the open syllable is written uơ, with a tone or without
 * (huơ, thuở, and uow alone gives uơ). The Word keeps the horn on u, only the writing leaves
 * it out, so a final or i/u brings it back (thương, người, hươu); a word taken up from the
 * text that ends in uơ gets the horn back on its u (not the u of qu: quơ).
 *
 * The edit handed back is the difference between the word as it is in the text and as it is
 * now, trimmed to the code points that changed.
 */
#include "viet/telex.h"

#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/xalloc.h"
#include "viet/letter.h"
#include "viet/syllable.h"
#include "base/banned.h"

typedef enum Mark { MARK_NONE, MARK_HAT, MARK_BREVE, MARK_HORN, MARK_BAR } Mark;

typedef struct Letter {
	int32_t base; /* lower-case letter without marks: 'a', 'd', 'u', or any other code point */
	Mark mark;
	bool upper;
	bool from_w;  /* an ư typed as a lone w (a second w turns it back into w) */
} Letter;

typedef struct Word {
	Letter l[IME_MAX_WORD];
	size_t n;
	Tone tone;
	bool literal;    /* a doubled key undid a mark: the rest is typed as is */
	bool overflow;   /* too long to be a syllable */
} Word;

struct Ime {
	ImeMode mode;
	Placement style;
	int32_t raw[IME_MAX_WORD]; /* seed code points, then keys */
	size_t nseed, nraw;
	Word word;                 /* raw[0..nraw) taken in: seeds appended, keys applied */
	bool as_typed;             /* the word failed the spelling check: show raw as it is */
	char shown[IME_MAX_WORD * 4 + 8]; /* the word as last written into the text */
	size_t shown_len;
};

/* ---- letters ---- */

static Letter letter_of(int32_t cp, Tone *tone)
{
	int32_t t = viet_untone(cp, tone), lo = utf8_lower(t);
	Letter l = {lo, MARK_NONE, utf8_is_upper(t), false};

	switch (lo) {
	case 0x103: l.base = 'a'; l.mark = MARK_BREVE; break;
	case 0xE2: l.base = 'a'; l.mark = MARK_HAT; break;
	case 0xEA: l.base = 'e'; l.mark = MARK_HAT; break;
	case 0xF4: l.base = 'o'; l.mark = MARK_HAT; break;
	case 0x1A1: l.base = 'o'; l.mark = MARK_HORN; break;
	case 0x1B0: l.base = 'u'; l.mark = MARK_HORN; break;
	case 0x111: l.base = 'd'; l.mark = MARK_BAR; break;
	default: break;
	}
	return l;
}

static int32_t compose(int32_t base, Mark m)
{
	switch (m) {
	case MARK_HAT: return base == 'a' ? 0xE2 : base == 'e' ? 0xEA : base == 'o' ? 0xF4 : base;
	case MARK_BREVE: return base == 'a' ? 0x103 : base;
	case MARK_HORN: return base == 'o' ? 0x1A1 : base == 'u' ? 0x1B0 : base;
	case MARK_BAR: return base == 'd' ? 0x111 : base;
	case MARK_NONE: break;
	}
	return base;
}

static bool is_vowel(const Letter *l)
{
	return l->base < 0x80 && l->base && strchr("aeiouy", (int)l->base) != NULL;
}

/* ---- spelling, by the rules of viet/syllable.h ---- */

/* Every toneless lower-case letter of the alphabet, vowels first: what a syllable may go on
 * with. */
static const int32_t alphabet[] = {
	'a', 'e', 'i', 'o', 'u', 'y', 0x103, 0xE2, 0xEA, 0xF4, 0x1A1, 0x1B0, 'n', 'c', 'g', 'h',
	'm', 'p', 't', 'b', 'd', 0x111, 'k', 'l', 'q', 'r', 's', 'v', 'x',
};
#define VOWELS 12 /* the first twelve letters of alphabet[] */

/* A candidate syllable: lower-case toneless letters and the tone to put on them. */
typedef struct Probe {
	int32_t cp[SYL_MAX];
	size_t n;
	Tone tone;
} Probe;

static bool probe_has_vowel(const Probe *p)
{
	for (size_t i = 0; i < p->n; i++)
		if (viet_is_vowel(p->cp[i]))
			return true;
	return false;
}

/* True if the probe is a Vietnamese syllable, tone included, by the syllable module. */
static bool probe_ok(const Probe *p)
{
	char buf[SYL_MAX * 4];
	size_t len = 0;
	Syllable syl;
	Str toned = STR_INIT;
	bool ok;

	if (!probe_has_vowel(p))
		return false; /* no syllable is without one: spare the parse */
	for (size_t i = 0; i < p->n; i++)
		len += utf8_encode(p->cp[i], buf + len);
	if (syllable_parse(buf, len, &syl) != SYL_OK)
		return false;
	if (p->tone == TONE_NONE)
		return true;
	syllable_write(&syl, p->tone, syl.place_old, &toned);
	ok = syllable_parse(str_cstr(&toned), toned.len, &syl) == SYL_OK;
	str_release(&toned);
	return ok;
}

/* True if the probe, or the probe and at most `depth` more letters, is a syllable. */
static bool probe_grows(Probe *p, size_t depth)
{
	size_t n = sizeof(alphabet) / sizeof(alphabet[0]);
	bool ok = false;

	if (probe_ok(p))
		return true;
	if (depth == 0 || p->n == SYL_MAX)
		return false;
	if (depth == 1 && !probe_has_vowel(p))
		n = VOWELS; /* the last letter added has to bring the vowel */
	p->n++;
	for (size_t i = 0; i < n && !ok; i++) {
		p->cp[p->n - 1] = alphabet[i];
		ok = probe_grows(p, depth - 1);
	}
	p->n--;
	return ok;
}

/* The letters the typed letter at index k may still become (a later key adds the mark). */
static size_t letter_forms(const Letter *l, size_t k, int32_t forms[3])
{
	forms[0] = compose(l->base, l->mark);
	if (l->mark != MARK_NONE)
		return 1;
	switch (l->base) {
	case 'a': forms[1] = 0xE2; forms[2] = 0x103; return 3;
	case 'o': forms[1] = 0xF4; forms[2] = 0x1A1; return 3;
	case 'e': forms[1] = 0xEA; return 2;
	case 'u': forms[1] = 0x1B0; return 2;
	case 'd': forms[1] = 0x111; return k == 0 ? 2 : 1;
	default: return 1;
	}
}

/* Tries every form of the letters from index k on; true if one of them can grow into a
 * syllable. */
static bool probe_forms(const Word *w, size_t k, Probe *p, size_t depth)
{
	int32_t forms[3];
	size_t nf;

	if (k == w->n)
		return probe_grows(p, depth);
	nf = letter_forms(&w->l[k], k, forms);
	for (size_t i = 0; i < nf; i++) {
		p->cp[k] = forms[i];
		if (probe_forms(w, k + 1, p, depth))
			return true;
	}
	return false;
}

/*
 * True if the word, with its tone, is a Vietnamese syllable or can still become one: its
 * letters (each perhaps with a mark still to come) followed by at most one more letter, or
 * two while it has no vowel (q -> qua), parse as a syllable that takes the tone. One more
 * letter is enough once there is a vowel: every rhyme grows from a shorter one, or from its
 * vowels, a letter at a time (uyê -> uyên, oo -> ooc).
 */
static bool word_plausible(const Word *w)
{
	Probe p;
	bool vowel = false;

	if (w->overflow || w->n > SYL_MAX)
		return false;
	for (size_t i = 0; i < w->n; i++) {
		if (!viet_is_letter(compose(w->l[i].base, w->l[i].mark)))
			return false;
		vowel = vowel || is_vowel(&w->l[i]);
	}
	if (w->n == 0)
		return true;
	p.n = w->n;
	p.tone = w->tone;
	return probe_forms(w, 0, &p, vowel ? 1 : 2);
}

/* ---- the word ---- */

/* Finds the vowels that carry the syllable: [*vs, *ve). The u of qu and the i of gi before
 * another vowel belong to the initial consonant. */
static void nucleus(const Word *w, size_t *vs, size_t *ve)
{
	size_t i = 0;

	while (i < w->n && !is_vowel(&w->l[i]))
		i++;
	if (i == 1 && i + 1 < w->n && is_vowel(&w->l[i + 1]) && w->l[i].mark == MARK_NONE &&
	    ((w->l[0].base == 'q' && w->l[i].base == 'u') ||
	     (w->l[0].base == 'g' && w->l[i].base == 'i')))
		i++;
	*vs = i;
	while (i < w->n && is_vowel(&w->l[i]))
		i++;
	*ve = i;
}

static bool has_vowel_mark(const Letter *l)
{
	return l->mark == MARK_HAT || l->mark == MARK_BREVE || l->mark == MARK_HORN;
}

/* Where the syllable module puts the tone on the word's letters; -1 if they are no syllable. */
static long syllable_place(const Word *w, Placement style)
{
	char buf[SYL_MAX * 4];
	size_t len = 0;
	Syllable syl;

	if (w->n > SYL_MAX)
		return -1;
	for (size_t j = 0; j < w->n; j++)
		len += utf8_encode(compose(w->l[j].base, w->l[j].mark), buf + len);
	if (syllable_parse(buf, len, &syl) != SYL_OK)
		return -1;
	return style == PLACE_NEW ? syl.place_new : syl.place_old;
}

/*
 * Index of the letter that carries the tone, or -1 when the word has no vowel. A complete
 * syllable asks the syllable module; a word still being typed (tiê, khuyê) gets the same
 * rule applied to the letters it has.
 */
static long tone_place(const Word *w, Placement style)
{
	size_t vs, ve;
	long marked = -1, place = syllable_place(w, style);

	if (place >= 0)
		return place;
	nucleus(w, &vs, &ve);
	if (vs == ve)
		return -1;
	for (size_t j = vs; j < ve; j++)
		if (has_vowel_mark(&w->l[j]))
			marked = (long)j;
	if (marked >= 0)
		return marked;
	if (ve < w->n)
		return (long)ve - 1;
	if (ve - vs >= 3)
		return (long)vs + 1;
	if (ve - vs == 2 && style == PLACE_NEW) {
		int32_t a = w->l[vs].base, b = w->l[vs + 1].base;
		if ((a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y'))
			return (long)vs + 1;
	}
	return (long)vs;
}

static void word_append(Word *w, int32_t cp)
{
	Tone t;

	if (w->n == IME_MAX_WORD) {
		w->overflow = true;
		return;
	}
	w->l[w->n++] = letter_of(cp, &t);
	if (t != TONE_NONE)
		w->tone = t;
}

/* The doubled-key rule: the mark goes away, the key is typed, and the rest is literal. */
static void word_undo(Word *w, int32_t key)
{
	word_append(w, key);
	w->literal = true;
}

static void key_tone(Word *w, Tone t, int32_t key)
{
	size_t vs, ve;

	nucleus(w, &vs, &ve);
	if (vs == ve) {
		word_append(w, key);
	} else if (w->tone == t) {
		w->tone = TONE_NONE;
		word_undo(w, key);
	} else {
		w->tone = t;
	}
}

static void key_untone(Word *w, int32_t key)
{
	if (w->tone != TONE_NONE)
		w->tone = TONE_NONE;
	else
		word_append(w, key);
}

/* Circumflex on the last vowel of the nucleus whose base is in `bases`; the key is typed as a
 * letter instead when only that makes a syllable. */
static void key_hat(Word *w, const char *bases, int32_t key)
{
	size_t vs, ve;
	long target = -1, hatted = -1;

	nucleus(w, &vs, &ve);
	for (size_t j = ve; j > vs; j--) {
		Letter *l = &w->l[j - 1];
		if (l->base >= 0x80 || !l->base || !strchr(bases, (int)l->base))
			continue;
		if (l->mark != MARK_HAT && target < 0)
			target = (long)j - 1;
		if (l->mark == MARK_HAT && hatted < 0)
			hatted = (long)j - 1;
	}
	if (target >= 0) {
		Word hat = *w;
		hat.l[target].mark = MARK_HAT;
		word_append(w, key); /* the plain letter, for oao and oeo (ngoáo, khoèo) */
		if (word_plausible(&hat) || !word_plausible(w))
			*w = hat;
	} else if (hatted >= 0) {
		w->l[hatted].mark = MARK_NONE;
		word_undo(w, key);
	} else {
		word_append(w, key);
	}
}

static void key_bar(Word *w, int32_t key)
{
	if (w->n > 0 && w->l[0].base == 'd' && w->l[0].mark == MARK_NONE) {
		w->l[0].mark = MARK_BAR;
	} else if (w->n > 0 && w->l[0].mark == MARK_BAR) {
		w->l[0].mark = MARK_NONE;
		word_undo(w, key);
	} else {
		word_append(w, key);
	}
}

typedef struct HornCand {
	size_t j;
	bool pair; /* u at j and o at j + 1 both get the horn */
	Mark mark;
} HornCand;

static void horn_apply(Word *w, const HornCand *c)
{
	w->l[c->j].mark = c->mark;
	if (c->pair)
		w->l[c->j + 1].mark = MARK_HORN;
}

/* Candidates for a horn / breve key, in order of preference; returns their number. */
static size_t horn_cands(const Word *w, size_t vs, size_t ve, bool horn, bool breve,
			 HornCand *c)
{
	size_t n = 0;

	for (size_t j = vs; horn && j + 1 < ve; j++)
		if (w->l[j].base == 'u' && w->l[j + 1].base == 'o' &&
		    !(w->l[j].mark == MARK_HORN && w->l[j + 1].mark == MARK_HORN) &&
		    w->l[j].mark != MARK_HAT && w->l[j + 1].mark != MARK_HAT)
			c[n++] = (HornCand){j, true, MARK_HORN};
	for (size_t j = ve; j > vs; j--) {
		const Letter *l = &w->l[j - 1];
		if (l->mark != MARK_NONE)
			continue;
		if (horn && (l->base == 'u' || l->base == 'o'))
			c[n++] = (HornCand){j - 1, false, MARK_HORN};
		else if (breve && l->base == 'a')
			c[n++] = (HornCand){j - 1, false, MARK_BREVE};
	}
	return n;
}

/* Takes away the horns / breves of the nucleus (a lone-w ư goes entirely); true if any. */
static bool horn_remove(Word *w, size_t vs, size_t ve, bool horn, bool breve, bool *upper_w)
{
	bool any = false;
	size_t k = 0;

	*upper_w = false;

	for (size_t j = 0; j < w->n; j++) {
		Letter *l = &w->l[j];
		bool ours = j >= vs && j < ve &&
			    ((horn && l->mark == MARK_HORN) || (breve && l->mark == MARK_BREVE));
		if (ours) {
			any = true;
			l->mark = MARK_NONE;
			if (l->from_w) {
				*upper_w = l->upper; /* a lone W: its undo keeps the capital */
				continue;
			}
		}
		w->l[k++] = *l;
	}
	w->n = k;
	return any;
}

/* Telex w, VNI 7 (horn) and 8 (breve). lone_w: Telex's w alone makes ư. */
static void key_horn(Word *w, bool horn, bool breve, bool lone_w, int32_t key)
{
	HornCand c[IME_MAX_WORD + 1];
	size_t vs, ve, nc;
	bool upper_w;

	nucleus(w, &vs, &ve);
	nc = horn_cands(w, vs, ve, horn, breve, c);
	for (size_t i = 0; i < nc; i++) {
		Word t = *w;
		horn_apply(&t, &c[i]);
		if (word_plausible(&t)) {
			*w = t;
			return;
		}
	}
	if (horn_remove(w, vs, ve, horn, breve, &upper_w)) {
		word_undo(w, upper_w ? utf8_upper(key) : key);
	} else if (nc > 0) {
		horn_apply(w, &c[0]);
	} else if (lone_w && vs == ve && w->n < IME_MAX_WORD) {
		w->l[w->n++] = (Letter){'u', MARK_HORN, utf8_is_upper(key), true};
	} else {
		word_append(w, key);
	}
}

static void key_telex(Word *w, int32_t key)
{
	static const char tone_keys[] = "sfrxj";
	static const Tone tones[] = {TONE_ACUTE, TONE_GRAVE, TONE_HOOK, TONE_TILDE, TONE_DOT};
	int32_t k = key < 0x80 ? utf8_lower(key) : 0;
	const char *tk = k ? strchr(tone_keys, (int)k) : NULL;
	char bases[2] = {(char)k, 0};

	if (tk)
		key_tone(w, tones[tk - tone_keys], key);
	else if (k == 'z')
		key_untone(w, key);
	else if (k == 'a' || k == 'e' || k == 'o')
		key_hat(w, bases, key);
	else if (k == 'w')
		key_horn(w, true, true, true, key);
	else if (k == 'd')
		key_bar(w, key);
	else
		word_append(w, key);
}

static void key_vni(Word *w, int32_t key)
{
	static const Tone tones[] = {TONE_ACUTE, TONE_GRAVE, TONE_HOOK, TONE_TILDE, TONE_DOT};

	if (key >= '1' && key <= '5')
		key_tone(w, tones[key - '1'], key);
	else if (key == '0')
		key_untone(w, key);
	else if (key == '6')
		key_hat(w, "aeo", key);
	else if (key == '7')
		key_horn(w, true, false, false, key);
	else if (key == '8')
		key_horn(w, false, true, false, key);
	else if (key == '9')
		key_bar(w, key);
	else
		word_append(w, key);
}

/* ---- rebuilding and writing the word ---- */

static size_t put_cp(char *out, size_t at, size_t cap, int32_t cp)
{
	char buf[4];
	size_t n = utf8_encode(cp, buf);

	if (at + n > cap)
		return at;
	memcpy(out + at, buf, n);
	return at + n;
}

/*
 * True if the word ends in ươ: no Vietnamese rhyme does, the syllable is written uơ (huơ,
 * thuở), tone or not. The Ime keeps the horn on u and only leaves it out when writing, so
 * that a final or i/u brings it back (thương, người, hươu).
 */
static bool open_uo(const Word *w)
{
	size_t vs, ve;

	nucleus(w, &vs, &ve);
	return ve == w->n && ve >= vs + 2 && w->l[ve - 2].base == 'u' &&
	       w->l[ve - 2].mark == MARK_HORN && w->l[ve - 1].base == 'o' &&
	       w->l[ve - 1].mark == MARK_HORN;
}

/* The reverse of open_uo for a word taken up from the text: a final uơ gets its horn back on
 * u, so that typing on gives ươ (huơ + n -> hươn). The u of qu is not in the nucleus. */
static void seed_uo(Word *w)
{
	size_t vs, ve;

	nucleus(w, &vs, &ve);
	if (ve == w->n && ve >= vs + 2 && w->l[ve - 2].base == 'u' &&
	    w->l[ve - 2].mark == MARK_NONE && w->l[ve - 1].base == 'o' &&
	    w->l[ve - 1].mark == MARK_HORN)
		w->l[ve - 2].mark = MARK_HORN;
}

static size_t word_write(const Word *w, Placement style, char *out, size_t cap)
{
	long place = w->tone != TONE_NONE ? tone_place(w, style) : -1;
	size_t at = 0, plain_u = open_uo(w) ? w->n - 2 : w->n;

	for (size_t j = 0; j < w->n; j++) {
		const Letter *l = &w->l[j];
		int32_t cp = j == plain_u ? 'u' : compose(l->base, l->mark);
		if ((long)j == place && viet_tone(cp, w->tone))
			cp = viet_tone(cp, w->tone);
		if (l->upper)
			cp = utf8_upper(cp);
		at = put_cp(out, at, cap, cp);
	}
	return at;
}

/* Takes the seed letters raw[0..nseed) into a fresh word. */
static void ime_seed(Ime *ime)
{
	memset(&ime->word, 0, sizeof(ime->word));
	ime->as_typed = false;
	for (size_t i = 0; i < ime->nseed; i++)
		word_append(&ime->word, ime->raw[i]);
	seed_uo(&ime->word);
}

/*
 * Applies one key to the word. Once the word fails the spelling check it stays as typed.
 * After a doubled key nothing is checked: that is how a user types an English word the
 * check lets through (tesst -> test, passsword -> password).
 */
static void ime_step(Ime *ime, int32_t key)
{
	Word *w = &ime->word;

	if (ime->as_typed)
		return;
	if (w->literal)
		word_append(w, key);
	else if (ime->mode == IME_VNI)
		key_vni(w, key);
	else
		key_telex(w, key);
	ime->as_typed = w->overflow || (!w->literal && !word_plausible(w));
}

/* Writes the word as it now stands into out; returns its length. */
static size_t ime_render(const Ime *ime, char *out, size_t cap)
{
	size_t at = 0;

	if (!ime->as_typed)
		return word_write(&ime->word, ime->style, out, cap);
	for (size_t i = 0; i < ime->nraw; i++)
		at = put_cp(out, at, cap, ime->raw[i]);
	return at;
}

/* ---- the state machine ---- */

Ime *ime_new(ImeMode mode, Placement style)
{
	Ime *ime = xcalloc(1, sizeof(*ime));

	ime->mode = mode;
	ime->style = style;
	return ime;
}

void ime_free(Ime *ime)
{
	free(ime);
}

void ime_reset(Ime *ime)
{
	ime->nseed = ime->nraw = ime->shown_len = 0;
	ime_seed(ime);
}

void ime_set_mode(Ime *ime, ImeMode mode)
{
	ime->mode = mode;
	ime_reset(ime);
}

ImeMode ime_mode(const Ime *ime)
{
	return ime->mode;
}

void ime_set_style(Ime *ime, Placement style)
{
	ime->style = style;
}

Placement ime_style(const Ime *ime)
{
	return ime->style;
}

const char *ime_mode_name(ImeMode mode)
{
	switch (mode) {
	case IME_TELEX: return "Telex";
	case IME_VNI: return "VNI";
	case IME_OFF: break;
	}
	return "";
}

static bool cont_byte(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

/* Start of the code point that ends just before off. */
static size_t cp_back(const char *s, size_t off)
{
	if (off == 0)
		return 0;
	off--;
	while (off > 0 && cont_byte(s[off]))
		off--;
	return off;
}

static bool letter_before(const char *s, size_t off)
{
	int32_t cp;
	size_t p = cp_back(s, off);

	return off > 0 && utf8_decode(s + p, off - p, &cp) > 0 && utf8_is_letter(cp);
}

/* True if the text before the cursor still ends with the word the Ime wrote, as a whole word. */
static bool still_ours(const Ime *ime, const char *before, size_t len)
{
	size_t at = len - ime->shown_len;

	if (ime->nraw == 0 || ime->shown_len == 0 || len < ime->shown_len)
		return false;
	return memcmp(before + at, ime->shown, ime->shown_len) == 0 && !letter_before(before, at);
}

/* Takes up the letters at the end of before as the seed; false if there are too many. */
static bool take_seed(Ime *ime, const char *before, size_t len)
{
	size_t start = len, n = 0, at = 0;
	int32_t cp;

	ime_reset(ime);
	while (letter_before(before, start)) {
		if (++n > IME_MAX_WORD - 1)
			return false;
		start = cp_back(before, start);
	}
	while (start + at < len) {
		at += utf8_decode(before + start + at, len - start - at, &cp);
		ime->raw[ime->nraw++] = cp;
	}
	ime->nseed = ime->nraw;
	ime_seed(ime);
	memcpy(ime->shown, before + start, len - start);
	ime->shown_len = len - start;
	return true;
}

/* The key as typed, in NFC: a few characters (CJK compatibility ideographs) are not NFC alone. */
static void literal(int32_t key, ImeEdit *out)
{
	char raw[4];
	size_t n = put_cp(raw, 0, sizeof(raw), key);
	Str nfc = STR_INIT;

	out->del = 0;
	if (utf8_nfc(raw, n, &nfc) && nfc.len <= sizeof(out->ins)) {
		memcpy(out->ins, nfc.s, nfc.len);
		out->ins_len = nfc.len;
	} else {
		memcpy(out->ins, raw, n);
		out->ins_len = n;
	}
	str_release(&nfc);
}

/* The edit turning the shown word into now[0..len): trimmed to the code points that differ. */
static void make_edit(const Ime *ime, const char *now, size_t len, ImeEdit *out)
{
	size_t p = 0;

	while (p < len && p < ime->shown_len && now[p] == ime->shown[p])
		p++;
	while (p > 0 && ((p < len && cont_byte(now[p])) ||
			 (p < ime->shown_len && cont_byte(ime->shown[p]))))
		p--;
	out->del = ime->shown_len - p;
	out->ins_len = len - p;
	memcpy(out->ins, now + p, len - p);
}

/* Keys that can be part of a word the input method rewrites: Latin letters (Telex uses f j w z
 * too) and the letters of the Vietnamese alphabet; any other letter is typed as it is. */
static bool word_key(const Ime *ime, int32_t key)
{
	if (key < 0x80)
		return ((key | 32) >= 'a' && (key | 32) <= 'z') ||
		       (ime->mode == IME_VNI && key >= '0' && key <= '9');
	return viet_is_letter(key);
}

void ime_key(Ime *ime, const char *before, size_t before_len, int32_t key, ImeEdit *out)
{
	char now[sizeof(ime->shown)];
	size_t len;

	if (ime->mode == IME_OFF || !word_key(ime, key)) {
		ime_reset(ime);
		literal(key, out);
		return;
	}
	if (!still_ours(ime, before, before_len) && !take_seed(ime, before, before_len)) {
		ime_reset(ime);
		literal(key, out);
		return;
	}
	if (ime->nraw == IME_MAX_WORD || (ime->nraw == 0 && !utf8_is_letter(key))) {
		ime_reset(ime);
		literal(key, out);
		return;
	}
	ime->raw[ime->nraw++] = key;
	ime_step(ime, key);
	len = ime_render(ime, now, sizeof(now));
	make_edit(ime, now, len, out);
	memcpy(ime->shown, now, len);
	ime->shown_len = len;
}

size_t ime_type_string(ImeMode mode, Placement style, const char *keys, char *out,
		       size_t outlen)
{
	Ime *ime = ime_new(mode, style);
	Str text = STR_INIT;
	size_t i = 0, n = strlen(keys), len;
	int32_t cp;
	ImeEdit e;

	while (i < n) {
		size_t step = utf8_decode(keys + i, n - i, &cp);
		i += step ? step : 1;
		ime_key(ime, str_cstr(&text), text.len, cp, &e);
		str_truncate(&text, text.len - e.del);
		str_add(&text, e.ins, e.ins_len);
	}
	len = text.len < outlen ? text.len : (outlen ? outlen - 1 : 0);
	while (len > 0 && len < text.len && cont_byte(text.s[len]))
		len--;
	if (outlen) {
		memcpy(out, str_cstr(&text), len);
		out[len] = '\0';
	}
	str_release(&text);
	ime_free(ime);
	return len;
}
