/*
 * str.h: a growable, always NUL-terminated byte string.
 *
 * A Str is embedded by value: Str s = STR_INIT; ... str_release(&s). s.s is never NULL after
 * the first append; before it, str_cstr() gives "".
 */
#ifndef BASE_STR_H
#define BASE_STR_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct Str {
	char *s;    /* the bytes, NUL-terminated; NULL until something is added */
	size_t len; /* bytes in use, not counting the NUL */
	size_t cap; /* bytes allocated */
} Str;

#define STR_INIT {NULL, 0, 0}

void str_init(Str *sb);
void str_release(Str *sb);               /* frees the bytes; the Str is empty again */
void str_clear(Str *sb);                 /* keeps the allocation */
void str_add(Str *sb, const char *p, size_t n);
void str_adds(Str *sb, const char *s);
void str_addc(Str *sb, char c);
void str_addf(Str *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void str_vaddf(Str *sb, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
void str_truncate(Str *sb, size_t len);
const char *str_cstr(const Str *sb);     /* never NULL */
char *str_detach(Str *sb);               /* caller frees; the Str is empty again */

#endif
