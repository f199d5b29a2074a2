/*
 * find.h: searching a field's text, exactly or ignoring case and Vietnamese diacritics.
 *
 * With FIND_IGNORE_MARKS, "da nang" finds "Đà Nẵng": both sides are folded one code point at a
 * time (viet_fold, lower case; combining marks dropped) while a map remembers where each folded
 * byte came from, so a match is reported as the byte range of the real text, whole characters.
 */
#ifndef EDIT_FIND_H
#define EDIT_FIND_H

#include <stdbool.h>
#include <stddef.h>

enum {
	FIND_IGNORE_CASE = 1,  /* "ha noi" matches "Ha Noi" */
	FIND_IGNORE_MARKS = 2, /* also ignore tones and vowel marks, đ = d (implies ignore case) */
	FIND_BACKWARD = 4,     /* search towards the start */
};

/*
 * Looks for needle (UTF-8; normalised here) in hay. Forward: the first match starting at or
 * after `from`; backward: the last match ending at or before `from`. On success sets
 * [*start, *end) to the match in hay and returns true. An empty needle never matches.
 */
bool find_text(const char *hay, size_t len, size_t from, const char *needle, size_t nlen,
	       unsigned flags, size_t *start, size_t *end);

#endif
