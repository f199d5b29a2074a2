/*
 * xalloc.c: the allocation wrappers and the one place that aborts.
 *
 * The panic hook is the only process-wide mutable state in the core: it has to be reachable
 * from every allocation without threading a context through each of them.
 */
#include "base/xalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

static PanicHook panic_hook;

PanicHook xalloc_set_panic_hook(PanicHook hook)
{
	PanicHook old = panic_hook;
	panic_hook = hook;
	return old;
}

void fatal(const char *fmt, ...)
{
	PanicHook hook = panic_hook;
	va_list ap;

	panic_hook = NULL; /* a failure inside the hook must not recurse */
	if (hook)
		hook();
	fputs("toasoan: fatal: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		fatal("out of memory allocating %zu bytes", n);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		fatal("out of memory allocating %zu items", count);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		fatal("out of memory growing to %zu bytes", n);
	return q;
}

char *xstrdup(const char *s)
{
	return s ? xstrndup(s, strlen(s)) : NULL;
}

char *xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

void xgrow(void *pp, size_t *cap, size_t need, size_t elem)
{
	void **p = pp;
	size_t c = *cap ? *cap : 8;

	if (need <= *cap)
		return;
	while (c < need) {
		if (c > SIZE_MAX / 2 / elem)
			fatal("array too large (%zu items)", need);
		c *= 2;
	}
	*p = xrealloc(*p, c * elem);
	*cap = c;
}
