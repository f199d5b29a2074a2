/*
 * xalloc.h: allocation that never returns NULL.
 *
 * Running out of memory is one of the two reasons toasoan aborts (the other is a broken
 * invariant). Before it aborts it calls the panic hook, which the curses layer sets so that the
 * terminal is restored and the open text is written to the journal first.
 */
#ifndef BASE_XALLOC_H
#define BASE_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);              /* xstrdup(NULL) returns NULL */
char *xstrndup(const char *s, size_t n);   /* copies at most n bytes, always terminated */

/* Grows *p (an array of elem-sized items with room for *cap) to hold at least need items. */
void xgrow(void *pp, size_t *cap, size_t need, size_t elem);

/* Sets the function called once before an abort (NULL for none); returns the previous one. */
typedef void (*PanicHook)(void);
PanicHook xalloc_set_panic_hook(PanicHook hook);

/* Prints "toasoan: fatal: ..." to stderr, runs the panic hook, and aborts. */
_Noreturn void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
