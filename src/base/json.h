/*
 * json.h: a small JSON writer into a Str.
 *
 * The writer keeps the comma state, so callers only say what comes next:
 *
 *	Json j; json_init(&j, &out);
 *	json_obj(&j); json_key(&j, "id"); json_int(&j, 7); json_end(&j);
 *
 * Strings must be UTF-8; invalid bytes are written as U+FFFD so the output is always valid
 * JSON; controls, bidi and zero-width characters (visible.h) are always \u escapes, so the
 * JSON is safe to print on a terminal. Nesting deeper than JSON_MAX_DEPTH is a broken
 * invariant and aborts.
 */
#ifndef BASE_JSON_H
#define BASE_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/str.h"

#define JSON_MAX_DEPTH 32

typedef struct Json {
	Str *out;                         /* where the text goes */
	int depth;                        /* open objects and arrays */
	bool first[JSON_MAX_DEPTH + 1];   /* nothing written yet at this depth */
	char closer[JSON_MAX_DEPTH];      /* the bracket that closes each open level */
	bool after_key;                   /* a key was written; the value needs no comma */
	bool pretty;                      /* newline and indent between members */
} Json;

void json_init(Json *j, Str *out);
void json_obj(Json *j);
void json_arr(Json *j);
void json_end(Json *j);                                /* closes the innermost object or array */
void json_key(Json *j, const char *key);
void json_str(Json *j, const char *s);                 /* NULL writes null */
void json_strn(Json *j, const char *s, size_t len);
void json_int(Json *j, int64_t v);
void json_double(Json *j, double v);
void json_bool(Json *j, bool v);
void json_null(Json *j);

/* Appends s as a quoted, escaped JSON string. */
void json_quote(Str *out, const char *s, size_t len);

#endif
