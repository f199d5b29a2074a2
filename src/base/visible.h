/*
 * visible.h: text from other people, made safe to show on a terminal.
 *
 * Stored text is someone else's input. Written raw to a terminal, an escape sequence in a
 * title can retitle the window or write to the clipboard, a bidi override can make a line say
 * the opposite of what it holds, and a zero-width character hides a difference. Every such
 * character is written in a visible form instead: <U+001B>, <U+202E>, <U+200B>; a byte that
 * is not UTF-8 becomes <0xFF>. Everything else passes unchanged.
 *
 * "Hidden" characters are the C0 and C1 controls and DEL, the Unicode format characters
 * (bidi marks, embeddings, overrides and isolates, zero-width joiners and spaces, the BOM,
 * the soft hyphen, tag characters), the line and paragraph separators and the fillers that
 * draw as nothing.
 */
#ifndef BASE_VISIBLE_H
#define BASE_VISIBLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/str.h"

/* True if cp would act on a terminal or show as nothing: it must be made visible. */
bool visible_hidden(int32_t cp);

/* True for the C1 controls U+0080..U+009F. */
bool visible_is_c1(int32_t cp);

/* True for the bidi controls: marks, embeddings, overrides and isolates. */
bool visible_is_bidi(int32_t cp);

/*
 * Appends s (len bytes) to out with every hidden character in its visible form. multiline
 * keeps newline and tab as they are (a body, a note); otherwise they are made visible too
 * (a title, a login: one line each).
 */
void visible_add(Str *out, const char *s, size_t len, bool multiline);
void visible_adds(Str *out, const char *s, bool multiline);

/* True if visible_add would change s. */
bool visible_needed(const char *s, size_t len, bool multiline);

#endif
