/*
 * recheck.c: which stretch of a document to check again after an edit. The checker reads
 * whole paragraphs (runs of non-empty lines), so an edit is widened to the paragraphs it
 * touches; but a paragraph may be a megabyte of text pasted from somewhere without a blank
 * line in it, and then every key would check the megabyte again. So the widening stops
 * `reach` bytes from the edit: past that, the stretch ends at the sentence start nearest the
 * edit, or failing one at a line start, a word start, or the edit itself.
 */
#include "spell/spell.h"
#include "base/banned.h"

#define NONE ((size_t)-1)

static bool is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* A paragraph starts at p: the text's start or after a blank line. */
static bool paragraph_starts(const char *t, size_t p)
{
	return p == 0 || (t[p - 1] == '\n' && (p == 1 || t[p - 2] == '\n'));
}

/* A paragraph ends at e (t[e] is its newline, or e is the end). */
static bool paragraph_ends(const char *t, size_t len, size_t e)
{
	return e == len || (t[e] == '\n' && (e + 1 == len || t[e + 1] == '\n'));
}

/* t[p] begins a word after a space (0 < p < len). */
static bool word_starts(const char *t, size_t len, size_t p)
{
	return p > 0 && p < len && !is_space(t[p]) && is_space(t[p - 1]);
}

/* The word at p follows a sentence's end: . ! ? or … then closing quotes or brackets, then
 * spaces. */
static bool sentence_starts(const char *t, size_t p)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t q = p;

	while (q > 0 && is_space(t[q - 1]))
		q--;
	for (;;) {
		if (q >= 1 && (t[q - 1] == '"' || t[q - 1] == '\'' || t[q - 1] == ')'))
			q--;
		else if (q >= 3 && u[q - 3] == 0xE2 && u[q - 2] == 0x80 &&
			 (u[q - 1] == 0x9D || u[q - 1] == 0x99)) /* ” ’ */
			q -= 3;
		else if (q >= 2 && u[q - 2] == 0xC2 && u[q - 1] == 0xBB) /* » */
			q -= 2;
		else
			break;
	}
	if (q >= 1 && (t[q - 1] == '.' || t[q - 1] == '!' || t[q - 1] == '?'))
		return true;
	return q >= 3 && u[q - 3] == 0xE2 && u[q - 2] == 0x80 && u[q - 1] == 0xA6; /* … */
}

/* p moved back to the first byte of its character. */
static size_t char_start(const char *t, size_t p)
{
	while (p > 0 && ((unsigned char)t[p] & 0xC0) == 0x80)
		p--;
	return p;
}

void spell_recheck_range(const char *text, size_t len, size_t start, size_t end, size_t reach,
	size_t *from, size_t *to, bool *mid_sentence)
{
	size_t p, lo, hi, sent = NONE, line = NONE, word = NONE;

	start = start > len ? len : start;
	end = end < start ? start : end > len ? len : end;
	lo = start > reach ? start - reach : 0;
	for (p = start; p > lo && !paragraph_starts(text, p); p--)
		if (word_starts(text, len, p)) {
			if (sent == NONE && sentence_starts(text, p))
				sent = p;
			if (line == NONE && text[p - 1] == '\n')
				line = p;
			if (word == NONE)
				word = p;
		}
	*mid_sentence = false;
	if (!paragraph_starts(text, p)) {
		*mid_sentence = sent == NONE;
		p = sent != NONE ? sent : line != NONE ? line : word != NONE ? word
										    : char_start(text, start);
	}
	*from = p;

	hi = len - end > reach ? end + reach : len;
	sent = line = word = NONE;
	for (p = end; p < hi && !paragraph_ends(text, len, p); p++)
		if (p > end && word_starts(text, len, p)) {
			if (sent == NONE && sentence_starts(text, p))
				sent = p - 1;
			if (line == NONE && text[p - 1] == '\n')
				line = p - 1;
			if (word == NONE)
				word = p - 1;
		}
	if (p < len && !paragraph_ends(text, len, p)) {
		p = sent != NONE ? sent : line != NONE ? line : word != NONE ? word : end;
		p = p < len ? char_start(text, p) : p;
	}
	*to = p;
}
