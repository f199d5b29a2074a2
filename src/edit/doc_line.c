/*
 * doc_line.c: the cursor's line and column for the status line, kept by position.
 *
 * A field keeps a line start whose 0-based number is known (line_at, line: the line breaks
 * before line_at number line) and a place on one line whose column is known (col_at on the
 * line starting at col_ls, with col_n characters between them). Asking for the cursor's line
 * counts the line breaks between the known line start and the cursor, and moves the known
 * start to the cursor's line; its column counts the characters from the known place (or from
 * the line start) and keeps the last boundary it passed. Typing moves the cursor a character
 * at a time, so each key costs a few characters of counting however long the article is.
 */
#include "edit/doc.h"

#include <string.h>

#include "base/utf8.h"
#include "edit/doc_impl.h"
#include "base/banned.h"

void doc_line_reset(Doc *d, FieldId f)
{
	Field *fl = &d->f[f];

	fl->line_at = 0;
	fl->line = 0;
	fl->col_ok = false;
}

void doc_line_before(Doc *d, FieldId f, size_t start)
{
	Field *fl = &d->f[f];

	/* Walk the known line start back to the start of start's line, counting the breaks. */
	while (fl->line_at > start) {
		fl->line_at--;
		while (fl->line_at > 0 && buffer_byte(fl->buf, fl->line_at - 1) != '\n')
			fl->line_at--;
		if (fl->line > 0)
			fl->line--;
	}
}

void doc_line_after(Doc *d, FieldId f, size_t pos)
{
	Field *fl = &d->f[f];

	if (pos < fl->line_at) /* never, after doc_line_before; counted again if it were */
		doc_line_reset(d, f);
	if (pos < fl->col_at)
		fl->col_ok = false;
}

/* The cursor's line (0-based) and its start; moves the known line start there. */
static size_t cursor_line(Field *fl, const char *t, size_t c, size_t *start)
{
	const char *p;

	if (fl->line_at > buffer_len(fl->buf))
		fl->line_at = fl->line = 0;
	if (c >= fl->line_at) {
		for (p = t + fl->line_at; (p = memchr(p, '\n', (size_t)(t + c - p))) != NULL; p++) {
			fl->line++;
			fl->line_at = (size_t)(p - t) + 1;
		}
	} else {
		for (p = t + c; (p = memchr(p, '\n', (size_t)(t + fl->line_at - p))) != NULL; p++)
			fl->line--;
		fl->line_at = c;
		while (fl->line_at > 0 && t[fl->line_at - 1] != '\n')
			fl->line_at--;
	}
	*start = fl->line_at;
	return fl->line;
}

/* Characters from the line start ls to the cursor c, from the known place when it serves. */
static size_t cursor_column(Field *fl, const char *t, size_t len, size_t ls, size_t c)
{
	size_t at = ls, n = 0;

	if (fl->col_ok && fl->col_ls == ls && fl->col_at <= c && doc_boundary(t, len, fl->col_at)) {
		at = fl->col_at;
		n = fl->col_n;
	}
	fl->col_ok = true;
	fl->col_ls = ls;
	fl->col_at = at;
	fl->col_n = n;
	while (at < c) {
		if (at > fl->col_at && doc_boundary(t, len, at)) {
			fl->col_at = at;
			fl->col_n = n;
		}
		n++;
		at = utf8_next_grapheme(t, c, at);
	}
	return n;
}

void doc_cursor_line(Doc *d, size_t *line, size_t *column)
{
	Field *fl = &d->f[d->cur];
	size_t c = fl->cursor, ls, from, to;
	const char *t;

	if (fl->line_at > buffer_len(fl->buf))
		fl->line_at = fl->line = 0;
	/* What is read: from the start of the cursor's line or the known one, whichever is
	 * first, to the byte after the cursor or the known line start. */
	from = buffer_line_start(fl->buf, c < fl->line_at ? c : fl->line_at);
	to = (c > fl->line_at ? c : fl->line_at) + 1;
	t = buffer_span(fl->buf, from, to);
	*line = cursor_line(fl, t, fl->cursor, &ls) + 1;
	*column = cursor_column(fl, t, buffer_len(fl->buf), ls, fl->cursor) + 1;
}
