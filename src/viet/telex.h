/*
 * telex.h: the built-in Vietnamese input methods, Telex and VNI.
 *
 * An Ime is a small state machine fed one key at a time together with the text just before
 * the cursor. It answers with an ImeEdit: how many bytes before the cursor to delete and what
 * to insert instead. The caller applies that edit and nothing else; the Ime keeps the keys
 * typed for the current word so that it can rebuild the word from them (the tone moves as the
 * syllable grows, and a word that turns out not to be Vietnamese is shown exactly as typed).
 * If the text before the cursor no longer ends with what the Ime produced (the cursor moved,
 * Backspace, a paste), it starts again from the letters it finds there.
 *
 * Telex: aa â, aw ă, ee ê, oo ô, ow ơ, uw ư, uow ươ, w alone ư, dd đ; s f r x j put sắc huyền
 * hỏi ngã nặng anywhere in the syllable (vieetj -> việt), z removes the tone.
 * VNI: 1 2 3 4 5 sắc huyền hỏi ngã nặng, 6 circumflex, 7 horn, 8 breve, 9 đ, 0 removes the tone
 * (vie65t -> việt).
 * Both: pressing the same mark key again undoes the mark and types the key (ass -> as, aaa ->
 * aa), and the rest of that word is then typed literally (tesst -> test); a key that cannot
 * apply is typed as is; when the word typed so far cannot be the start of a Vietnamese
 * syllable by the rules of viet/syllable.h, tone included (finals c ch p t take only sắc and
 * nặng), the keys are shown exactly as typed (windows, facebook, email, text). An ươ that ends
 * the word is written uơ (huơ, thuở). Case is kept (VIEETJ -> VIỆT).
 */
#ifndef VIET_TELEX_H
#define VIET_TELEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum ImeMode {
	IME_OFF,   /* keys are inserted as they are */
	IME_TELEX,
	IME_VNI,
} ImeMode;

/*
 * Where the tone of an open syllable with oa, oe, uy goes: the old style marks the first
 * vowel (hòa, khỏe, thủy), the new style the second (hoà, khoẻ, thuỷ). Everything else is the
 * same in both.
 */
typedef enum ToneStyle {
	TONE_STYLE_OLD,
	TONE_STYLE_NEW,
} ToneStyle;

/* Longest word the Ime rewrites, in code points; longer words are typed literally. */
#define IME_MAX_WORD 24

typedef struct ImeEdit {
	size_t del;                        /* bytes to delete just before the cursor */
	char ins[IME_MAX_WORD * 4 + 8];    /* bytes to insert there (NFC UTF-8), not terminated */
	size_t ins_len;
} ImeEdit;

typedef struct Ime Ime;

Ime *ime_new(ImeMode mode, ToneStyle style);
void ime_free(Ime *ime);                  /* ime_free(NULL) does nothing */

void ime_set_mode(Ime *ime, ImeMode mode);   /* also forgets the current word */
ImeMode ime_mode(const Ime *ime);
void ime_set_style(Ime *ime, ToneStyle style);
ToneStyle ime_style(const Ime *ime);

/* Short name of a mode for a status bar: "Telex", "VNI", "" for IME_OFF. */
const char *ime_mode_name(ImeMode mode);

/* Forgets the current word (the next key starts from the text before the cursor). */
void ime_reset(Ime *ime);

/*
 * Feeds one typed key (a code point; the caller sends only printable keys here) with the text
 * before the cursor (before_len bytes of NFC UTF-8; only its last word is looked at). Fills *out
 * with the edit to make. With IME_OFF, or for a key that does not belong to a word, the edit
 * is just the key itself.
 */
void ime_key(Ime *ime, const char *before, size_t before_len, int32_t key, ImeEdit *out);

/*
 * The stateless form, for tests and one-off conversions: types every key of `keys` (UTF-8)
 * into an empty word with a fresh Ime and appends the result to out (a NUL-terminated buffer
 * of outlen bytes; truncated on a code point boundary). Returns the length written.
 */
size_t ime_type_string(ImeMode mode, ToneStyle style, const char *keys, char *out,
		       size_t outlen);

#endif
