/*
 * utf8.h: UTF-8 decoding and validation, NFC, grapheme clusters and display width.
 *
 * Text in toasoan is UTF-8 everywhere and NFC (precomposed) once it has crossed an input
 * boundary. Offsets are byte offsets unless a name says otherwise.
 */
#ifndef BASE_UTF8_H
#define BASE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/str.h"

/*
 * Decodes one code point at s (at most len bytes). Returns the sequence length (1-4) and sets
 * *cp; returns 0 with *cp = U+FFFD for an invalid, overlong, surrogate or truncated sequence
 * (the caller skips one byte).
 */
size_t utf8_decode(const char *s, size_t len, int32_t *cp);

/* Writes cp as UTF-8 into buf (room for 4 bytes); returns the length, 0 for an invalid cp. */
size_t utf8_encode(int32_t cp, char *buf);
void utf8_add(Str *sb, int32_t cp);

/* True if s is valid UTF-8; otherwise false and *bad (if not NULL) is the first bad byte. */
bool utf8_valid(const char *s, size_t len, size_t *bad);

/* Appends the NFC form of valid UTF-8 s to out. Returns false (out untouched) if s is invalid. */
bool utf8_nfc(const char *s, size_t len, Str *out);
bool utf8_is_nfc(const char *s, size_t len);

/* True for code points that are NFC whatever surrounds them: no mark, nothing that composes
 * or decomposes (ASCII, Latin, the Vietnamese letters, common punctuation). */
bool utf8_nfc_stable(int32_t cp);

/* Byte offset of the next / previous grapheme cluster boundary after / before off. */
size_t utf8_next_grapheme(const char *s, size_t len, size_t off);
size_t utf8_prev_grapheme(const char *s, size_t len, size_t off);

/* Terminal columns taken by one code point (0, 1 or 2) and by a string. A hidden character
 * (visible.h) takes one: the screen draws a stand-in for it. */
int utf8_cp_width(int32_t cp);
size_t utf8_width(const char *s, size_t len);

/* Number of code points in s. */
size_t utf8_chars(const char *s, size_t len);

/* Simple case mapping of one code point (Vietnamese letters included). */
int32_t utf8_lower(int32_t cp);
int32_t utf8_upper(int32_t cp);
bool utf8_is_letter(int32_t cp);
bool utf8_is_upper(int32_t cp);

/* Appends s with every letter lower-cased. */
void utf8_lower_str(const char *s, size_t len, Str *out);

#endif
