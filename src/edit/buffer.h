/*
 * buffer.h: the text of one field of an article (title, sapo, body, ...), as UTF-8 in NFC.
 *
 * A Buffer holds bytes; offsets are byte offsets and always sit on a code point boundary. Every
 * change goes through buffer_replace, which normalises the new text together with the grapheme
 * clusters on either side of it, so that a combining mark typed after "e" becomes "é" and the
 * buffer is NFC after every call. The navigation functions find grapheme, word, line and
 * paragraph boundaries; they may move the internal gap and so take a non-const Buffer. Those
 * that look near an offset (graphemes, lines, paragraphs) cost the distance they look, not
 * the length of the text.
 *
 * Lines are separated by '\n'. A paragraph is a maximal run of non-empty lines: the body
 * format separates paragraphs with blank lines, and a text written one paragraph per line
 * works the same way.
 */
#ifndef EDIT_BUFFER_H
#define EDIT_BUFFER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/str.h"

typedef struct Buffer Buffer;

/* What a buffer_replace did: bytes [pos, pos + old_len) became [pos, pos + new_len). */
typedef struct BufferChange {
	size_t pos;     /* first byte that differs; may lie before the requested start */
	size_t old_len; /* bytes removed at pos (the minimal changed range, trimmed; a long
	                 * insertion that goes in as it is is not trimmed) */
	size_t new_len; /* bytes inserted at pos */
	size_t cursor;  /* where the cursor belongs: just after the inserted text */
} BufferChange;

Buffer *buffer_new(void);
void buffer_free(Buffer *b);              /* buffer_free(NULL) does nothing */

/* Number of bytes of text. */
size_t buffer_len(const Buffer *b);

/*
 * The whole text as one NUL-terminated array of buffer_len bytes. The pointer stays valid until
 * the next change to the buffer (reading does not invalidate it).
 */
const char *buffer_text(Buffer *b);

/*
 * Bytes [start, end) (clamped to the text) as one contiguous run, without the cost of the
 * whole text: returns t such that t[off] is the byte at off for every off in [start, end). The
 * gap moves only if it lies inside the range, and then to the nearer end of it, so asking for
 * a row or a paragraph costs at most its length. Not NUL-terminated; t[off] outside the range
 * is not the text. Valid until the next change, buffer_span or buffer_text.
 */
const char *buffer_span(Buffer *b, size_t start, size_t end);

/* Appends bytes [start, end) (clamped to the text) to out. */
void buffer_read(const Buffer *b, size_t start, size_t end, Str *out);

/* The byte at off (0 past the end). */
unsigned char buffer_byte(const Buffer *b, size_t off);

/*
 * Replaces bytes [start, end) with text (len bytes, any normalisation form). text and the
 * grapheme clusters touching the edges are normalised to NFC together. On success fills *ch
 * (if not NULL) with the minimal change actually made and, if old is not NULL, appends the
 * removed bytes [ch->pos, ch->pos + ch->old_len) to it, so that the change can be undone with
 * buffer_splice. Returns false and changes nothing if text is not valid UTF-8. start and end
 * are clamped to the text and moved back to code point boundaries.
 */
bool buffer_replace(Buffer *b, size_t start, size_t end, const char *text, size_t len,
		    BufferChange *ch, Str *old);

/*
 * Replaces old_len bytes at pos with n bytes, exactly, with no normalisation. For undo and
 * redo, which put back bytes that were NFC when they were taken out.
 */
void buffer_splice(Buffer *b, size_t pos, size_t old_len, const char *bytes, size_t n);

/* Grapheme cluster boundary after / before off ("ệ", "x́" and "👍🏽" are one cluster). */
size_t buffer_next_grapheme(Buffer *b, size_t off);
size_t buffer_prev_grapheme(Buffer *b, size_t off);

/*
 * Word motion. A word is a run of letters (with any diacritics: "Đà", "Nẵng") and digits;
 * everything else separates. next_word goes to the start of the next word (or the end of the
 * text); prev_word to the start of the word before off (or 0). word_end is the end of the word
 * that starts at or after off.
 */
size_t buffer_next_word(Buffer *b, size_t off);
size_t buffer_prev_word(Buffer *b, size_t off);
size_t buffer_word_end(Buffer *b, size_t off);

/* Start of the line holding off; its end (the offset of its '\n' or of the end of text). */
size_t buffer_line_start(Buffer *b, size_t off);
size_t buffer_line_end(Buffer *b, size_t off);
/* 0-based number of the line holding off; number of lines (an empty text has one). */
size_t buffer_line_of(Buffer *b, size_t off);
size_t buffer_line_count(Buffer *b);
/* Start of 0-based line n, or of the last line when n is too large. */
size_t buffer_line_offset(Buffer *b, size_t n);

/*
 * The paragraph holding off as [*start, *end) (end excludes the final '\n'). On a blank line
 * both are the line's start. Use it to re-check only the paragraph an edit touched.
 */
void buffer_para_bounds(Buffer *b, size_t off, size_t *start, size_t *end);
/* Start of the next paragraph after off (or end of text); start of this paragraph if off is
 * inside it and not at its start, else of the previous one (or 0). */
size_t buffer_next_para(Buffer *b, size_t off);
size_t buffer_prev_para(Buffer *b, size_t off);

/* Words (runs of letters or digits) and user-visible characters (grapheme clusters, line
 * breaks not counted) in the text. */
size_t buffer_count_words(Buffer *b);
size_t buffer_count_chars(Buffer *b);

/* The same counts for any UTF-8 string. */
size_t text_count_words(const char *s, size_t len);
size_t text_count_chars(const char *s, size_t len);

/* True if cp counts as part of a word: a letter (any script, any marks) or a digit. */
bool text_is_word_cp(int32_t cp);

#endif
