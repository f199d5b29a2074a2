/*
 * doc_count.c: the article's word and character counts, and any figure a caller keeps
 * through doc_set_counter, as running totals. The text around an edit, cut at boundaries
 * that no word, syllable or grapheme cluster runs over, is counted out before the edit and
 * back in after it, so a keystroke costs a word or two of counting however long the article
 * is. A boundary is the start or end of the field, a place after a line break, or a place
 * after a space or tab before an ASCII character (which never joins the cluster before it).
 * The boundaries are taken strictly outside the edit, where its bytes do not reach.
 */
#include "edit/doc.h"

#include <string.h>

#include "edit/doc_impl.h"
#include "base/banned.h"

/* The caller's counter sees a long piece (a paste) in parts of about this many bytes, cut
 * after line breaks, so that what it builds to count stays small. */
#define COUNT_PART 65536

static void count(Doc *d, FieldId f, size_t ls, size_t le, int sign)
{
	Field *fl = &d->f[f];
	const char *t = buffer_span(fl->buf, ls, le) + ls;
	size_t words = text_count_words(t, le - ls), chars = text_count_chars(t, le - ls);

	if (sign < 0) {
		fl->words -= words < fl->words ? words : fl->words;
		fl->chars -= chars < fl->chars ? chars : fl->chars;
	} else {
		fl->words += words;
		fl->chars += chars;
	}
	for (size_t at = 0, n = le - ls; d->counter && at < n;) {
		const char *nl = n - at > COUNT_PART ? memchr(t + at + COUNT_PART, '\n',
							       n - at - COUNT_PART) : NULL;
		size_t part = nl ? (size_t)(nl - t) + 1 - at : n - at;
		d->counter(d->counter_arg, f, t + at, part, sign);
		at += part;
	}
}

bool doc_boundary(const char *t, size_t len, size_t q)
{
	if (q == 0 || q >= len || t[q - 1] == '\n')
		return true;
	return (t[q - 1] == ' ' || t[q - 1] == '\t') && (unsigned char)t[q] < 0x80;
}

/* doc_boundary read from the buffer in place (the gap stays where the edit is). */
static bool buffer_boundary(const Buffer *b, size_t len, size_t q)
{
	unsigned char before;

	if (q == 0 || q >= len)
		return true;
	before = buffer_byte(b, q - 1);
	return before == '\n' || ((before == ' ' || before == '\t') && buffer_byte(b, q) < 0x80);
}

void doc_count_out(Doc *d, FieldId f, size_t start, size_t end, size_t *ls, size_t *le)
{
	Buffer *b = d->f[f].buf;
	size_t len = buffer_len(b);

	if (end > len)
		end = len;
	if (start > end)
		start = end;
	*ls = start > 0 ? start - 1 : 0;
	while (!buffer_boundary(b, len, *ls))
		(*ls)--;
	*le = end + 1 < len ? end + 1 : len;
	while (!buffer_boundary(b, len, *le))
		(*le)++;
	count(d, f, *ls, *le, -1);
}

void doc_count_in(Doc *d, FieldId f, size_t ls, size_t le)
{
	size_t len = buffer_len(d->f[f].buf);

	d->version++;
	count(d, f, ls, le > len ? len : le, +1);
}

void doc_count_field(Doc *d, FieldId f)
{
	Field *fl = &d->f[f];

	d->version++;
	fl->words = buffer_count_words(fl->buf);
	fl->chars = buffer_count_chars(fl->buf);
}

size_t doc_words(Doc *d)
{
	return d->f[FIELD_TITLE].words + d->f[FIELD_SAPO].words + d->f[FIELD_BODY].words;
}

size_t doc_chars(Doc *d)
{
	return d->f[FIELD_TITLE].chars + d->f[FIELD_SAPO].chars + d->f[FIELD_BODY].chars;
}

uint64_t doc_version(const Doc *d)
{
	return d->version;
}

void doc_set_counter(Doc *d, DocCounter fn, void *arg)
{
	d->counter = fn;
	d->counter_arg = arg;
}
