/*
 * diff.h: word-level differences between two texts.
 *
 * Texts are cut into tokens: a run of letters and digits (a Vietnamese syllable, a number),
 * a run of white space, or one other character. The difference is the shortest edit script
 * over those tokens, merged into runs, so "Bão số 3 đổ bộ" -> "Bão số 4 đổ bộ" changes just
 * "3" into "4".
 */
#ifndef BASE_DIFF_H
#define BASE_DIFF_H

#include <stddef.h>

typedef enum DiffOp { DIFF_SAME, DIFF_DEL, DIFF_INS } DiffOp;

typedef struct DiffRun {
	DiffOp op;
	const char *s;   /* points into the old text (SAME, DEL) or the new text (INS) */
	size_t len;
} DiffRun;

typedef struct Diff {
	DiffRun *runs;
	size_t n, cap;
} Diff;

/* Computes the runs that turn a into b; the runs point into a and b, which must outlive out. */
void diff_words(const char *a, size_t alen, const char *b, size_t blen, Diff *out);
void diff_release(Diff *d);

#endif
