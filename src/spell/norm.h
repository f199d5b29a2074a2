/*
 * norm.h: the checker's view of its input: NFC text with a map back to the bytes as given.
 */
#ifndef SPELL_NORM_H
#define SPELL_NORM_H

#include <stdbool.h>
#include <stddef.h>

#include "base/str.h"

typedef struct NormText {
	const char *s;  /* the NFC text: the input itself when it was NFC already, else text.s */
	size_t len;     /* its length */
	Str text;       /* the rebuilt NFC UTF-8 (each invalid input byte becomes U+FFFD);
	                   empty when s is the input */
	size_t *map;    /* map[i]: input offset of byte i of s, map[len] = input length;
	                   NULL when s is the input */
	size_t in_len;  /* length of the input */
	size_t *bad;    /* input offsets of the invalid bytes, in order */
	size_t nbad;
} NormText;

/*
 * Normalises in[0, len) into nt (which it initialises). Normalisation works on runs of one
 * starter and its combining marks, so every run boundary of the output maps to one of the
 * input. Input that is valid NFC already (the usual case, settled by one quick pass) is not
 * copied: nt->s points into it, so it must outlive nt.
 */
void norm_text(NormText *nt, const char *in, size_t len);
void norm_release(NormText *nt);

/* The input offset for an offset of nt->s that lies on a character boundary. */
size_t norm_input_offset(const NormText *nt, size_t off);

#endif
