/*
 * norm.h: the checker's view of its input: NFC text with a map back to the bytes as given.
 */
#ifndef SPELL_NORM_H
#define SPELL_NORM_H

#include <stdbool.h>
#include <stddef.h>

#include "base/str.h"

typedef struct NormText {
	Str text;       /* NFC UTF-8; each invalid input byte becomes U+FFFD */
	size_t *map;    /* map[i]: input offset of text byte i, map[text.len] = input length;
	                   NULL when text is a byte-for-byte copy of the input */
	size_t in_len;  /* length of the input */
	size_t *bad;    /* input offsets of the invalid bytes, in order */
	size_t nbad;
} NormText;

/*
 * Normalises in[0, len) into nt (which it initialises). Normalisation works on runs of one
 * starter and its combining marks, so every run boundary of the output maps to one of the
 * input.
 */
void norm_text(NormText *nt, const char *in, size_t len);
void norm_release(NormText *nt);

/* The input offset for an offset of nt->text that lies on a character boundary. */
size_t norm_input_offset(const NormText *nt, size_t off);

#endif
