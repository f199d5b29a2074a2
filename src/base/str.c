/*
 * str.c: the growable string. Capacity doubles; the byte after len is always NUL once
 * anything has been added, so s.s can be handed to C string functions directly.
 */
#include "base/str.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "base/banned.h"

void str_init(Str *sb)
{
	sb->s = NULL;
	sb->len = sb->cap = 0;
}

void str_release(Str *sb)
{
	free(sb->s);
	str_init(sb);
}

void str_clear(Str *sb)
{
	str_truncate(sb, 0);
}

static void reserve(Str *sb, size_t extra)
{
	if (sb->len + extra + 1 > sb->cap)
		xgrow(&sb->s, &sb->cap, sb->len + extra + 1, 1);
}

void str_add(Str *sb, const char *p, size_t n)
{
	reserve(sb, n);
	if (n)
		memmove(sb->s + sb->len, p, n);
	sb->len += n;
	sb->s[sb->len] = '\0';
}

void str_adds(Str *sb, const char *s)
{
	str_add(sb, s, strlen(s));
}

void str_addc(Str *sb, char c)
{
	str_add(sb, &c, 1);
}

void str_vaddf(Str *sb, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return;
	reserve(sb, (size_t)n);
	vsnprintf(sb->s + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void str_addf(Str *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	str_vaddf(sb, fmt, ap);
	va_end(ap);
}

void str_truncate(Str *sb, size_t len)
{
	if (len < sb->len) {
		sb->len = len;
		sb->s[len] = '\0';
	}
}

const char *str_cstr(const Str *sb)
{
	return sb->s ? sb->s : "";
}

char *str_detach(Str *sb)
{
	char *p = sb->s ? sb->s : xstrdup("");
	str_init(sb);
	return p;
}
