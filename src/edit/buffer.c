/*
 * buffer.c: a gap buffer. The text lives in one array with a hole (the gap) at the place of
 * the last edit: [0, gap_start) is text, [gap_start, gap_end) is free, [gap_end, cap) is text.
 * An edit moves the gap to its position (a memmove of the bytes in between) and writes into it,
 * so runs of edits at nearby places (typing, a replace-all, undoing a long group) cost little;
 * a reader that wants the whole text contiguous (search, loading) gets it by moving the gap to
 * the end, and a reader of one piece (a row, a paragraph, the cluster at the cursor) asks for
 * that piece alone, which moves the gap only out of it: typing in the middle of a long text
 * costs the edit, not the text after it. We chose this over a piece table because a field is at most a few
 * hundred kilobytes, where one memmove costs microseconds, and because every consumer of the
 * text wants plain contiguous bytes; the history a piece table would give for free is kept by
 * undo.c as explicit edits instead.
 *
 * Invariants: the gap is never empty (there is always room for the NUL that buffer_text
 * writes), the text is valid NFC UTF-8 after every buffer_replace, and offsets handed out sit
 * on code point boundaries.
 */
#include "edit/buffer.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/utf8.h"
#include "base/xalloc.h"
#include "base/banned.h"

struct Buffer {
	char *data;
	size_t cap;
	size_t gap_start, gap_end;
};

/* Bytes of context read on each side of an edit: enough for any real grapheme cluster. */
#define EDGE 64

Buffer *buffer_new(void)
{
	Buffer *b = xcalloc(1, sizeof(*b));

	b->cap = 256;
	b->data = xmalloc(b->cap);
	b->gap_end = b->cap;
	return b;
}

void buffer_free(Buffer *b)
{
	if (!b)
		return;
	free(b->data);
	free(b);
}

size_t buffer_len(const Buffer *b)
{
	return b->cap - (b->gap_end - b->gap_start);
}

static void move_gap(Buffer *b, size_t pos)
{
	if (pos < b->gap_start) {
		size_t n = b->gap_start - pos;
		memmove(b->data + b->gap_end - n, b->data + pos, n);
		b->gap_start -= n;
		b->gap_end -= n;
	} else if (pos > b->gap_start) {
		size_t n = pos - b->gap_start;
		memmove(b->data + b->gap_start, b->data + b->gap_end, n);
		b->gap_start += n;
		b->gap_end += n;
	}
}

/* Makes the gap hold at least need bytes plus one spare, keeping its position. */
static void ensure_gap(Buffer *b, size_t need)
{
	size_t tail, cap;

	if (b->gap_end - b->gap_start > need)
		return;
	tail = b->cap - b->gap_end;
	cap = b->cap * 2;
	if (cap < buffer_len(b) + need + 256)
		cap = buffer_len(b) + need + 256;
	b->data = xrealloc(b->data, cap);
	memmove(b->data + cap - tail, b->data + b->gap_end, tail);
	b->gap_end = cap - tail;
	b->cap = cap;
}

const char *buffer_text(Buffer *b)
{
	move_gap(b, buffer_len(b));
	b->data[b->gap_start] = '\0';
	return b->data;
}

const char *buffer_span(Buffer *b, size_t start, size_t end)
{
	size_t len = buffer_len(b);

	if (end > len)
		end = len;
	if (start > end)
		start = end;
	if (b->gap_start > start && b->gap_start < end)
		move_gap(b, b->gap_start - start <= end - b->gap_start ? start : end);
	/* Either base pointer stays inside the array for every offset of the text. */
	return end <= b->gap_start ? b->data : b->data + (b->gap_end - b->gap_start);
}

unsigned char buffer_byte(const Buffer *b, size_t off)
{
	if (off < b->gap_start)
		return (unsigned char)b->data[off];
	if (off >= buffer_len(b))
		return 0;
	return (unsigned char)b->data[off + (b->gap_end - b->gap_start)];
}

void buffer_read(const Buffer *b, size_t start, size_t end, Str *out)
{
	size_t len = buffer_len(b), gap = b->gap_end - b->gap_start;

	if (end > len)
		end = len;
	if (start >= end)
		return;
	if (start < b->gap_start) {
		size_t stop = end < b->gap_start ? end : b->gap_start;
		str_add(out, b->data + start, stop - start);
		start = stop;
	}
	if (start < end)
		str_add(out, b->data + start + gap, end - start);
}

void buffer_splice(Buffer *b, size_t pos, size_t old_len, const char *bytes, size_t n)
{
	move_gap(b, pos);
	b->gap_end += old_len;
	ensure_gap(b, n);
	memcpy(b->data + b->gap_start, bytes, n);
	b->gap_start += n;
}

static bool is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

/* Moves off back to the start of the code point holding it. */
static size_t align_cp(const Buffer *b, size_t off)
{
	while (off > 0 && off < buffer_len(b) && is_cont(buffer_byte(b, off)))
		off--;
	return off;
}

/* Length of the common prefix of a and b, backed off to a code point boundary of both. */
static size_t common_prefix(const char *a, size_t an, const char *b, size_t bn)
{
	size_t p = 0;

	while (p < an && p < bn && a[p] == b[p])
		p++;
	while (p > 0 && ((p < an && is_cont((unsigned char)a[p])) ||
			 (p < bn && is_cont((unsigned char)b[p]))))
		p--;
	return p;
}

/* Length of the common suffix of a and b, at most lim, starting on a code point in both. */
static size_t common_suffix(const char *a, size_t an, const char *b, size_t bn, size_t lim)
{
	size_t s = 0;

	while (s < lim && a[an - 1 - s] == b[bn - 1 - s])
		s++;
	while (s > 0 && (is_cont((unsigned char)a[an - s]) || is_cont((unsigned char)b[bn - s])))
		s--;
	return s;
}

/* The context around [start, end): where the normalisation window begins and ends. */
static void edit_window(const Buffer *b, size_t start, size_t end, size_t *ws, size_t *we)
{
	Str ctx = STR_INIT;
	size_t cs = align_cp(b, start > EDGE ? start - EDGE : 0);
	size_t ce = align_cp(b, end + EDGE);

	if (end + EDGE >= buffer_len(b))
		ce = buffer_len(b);
	buffer_read(b, cs, ce, &ctx);
	*ws = start > cs ? cs + utf8_prev_grapheme(str_cstr(&ctx), ctx.len, start - cs) : start;
	*we = end < ce ? cs + utf8_next_grapheme(str_cstr(&ctx), ctx.len, end - cs) : end;
	str_release(&ctx);
}

/*
 * Normalises before+text+after into *out; *head is where the cursor goes in it (after the new
 * text). Text that is NFC already (typing, most pastes) is taken as it is, without copies.
 */
static void normalise_window(const Buffer *b, size_t ws, size_t start, size_t end, size_t we,
			     const char *text, size_t len, size_t *head, Str *out)
{
	Str raw = STR_INIT, h = STR_INIT;
	size_t head_len;

	buffer_read(b, ws, start, &raw);
	str_add(&raw, text, len);
	head_len = raw.len;
	buffer_read(b, end, we, &raw);
	if (utf8_is_nfc(raw.s ? raw.s : "", raw.len)) {
		*out = raw;
		*head = head_len;
		return;
	}
	if (!utf8_nfc(raw.s ? raw.s : "", head_len, &h) ||
	    !utf8_nfc(raw.s ? raw.s : "", raw.len, out))
		fatal("buffer: the text around an edit is not valid UTF-8");
	*head = h.len <= out->len && memcmp(str_cstr(&h), str_cstr(out), h.len) == 0 ? h.len
										    : out->len;
	str_release(&h);
	str_release(&raw);
}

/* Inserted text this long (a paste) may go in without the copies of the general path. */
#define DIRECT_MIN 65536

/*
 * True when text can go in between start and end as it is: long, NFC, and meeting stable
 * characters at both ends (the buffer's text before start is NFC already, and nothing joins
 * or reorders across a stable character), so the window around it needs no normalising.
 */
static bool goes_in_as_is(const Buffer *b, size_t end, const char *text, size_t len)
{
	char next[4];
	size_t n = 0, total = buffer_len(b);
	int32_t cp;

	if (len < DIRECT_MIN || !utf8_decode(text, len, &cp) || !utf8_nfc_stable(cp) ||
	    !utf8_is_nfc(text, len))
		return false;
	if (end >= total)
		return true;
	while (n < sizeof next && end + n < total) {
		next[n] = (char)buffer_byte(b, end + n);
		n++;
	}
	return utf8_decode(next, n, &cp) && utf8_nfc_stable(cp);
}

bool buffer_replace(Buffer *b, size_t start, size_t end, const char *text, size_t len,
		    BufferChange *ch, Str *old)
{
	Str nw = STR_INIT, ow = STR_INIT;
	size_t ws, we, p, s, head, total = buffer_len(b);
	BufferChange c;

	if (!utf8_valid(text, len, NULL))
		return false;
	end = align_cp(b, end > total ? total : end);
	start = align_cp(b, start > end ? end : start);
	if (goes_in_as_is(b, end, text, len)) {
		c = (BufferChange){start, end - start, len, start + len};
		if (old)
			buffer_read(b, start, end, old);
		buffer_splice(b, start, end - start, text, len);
		if (ch)
			*ch = c;
		return true;
	}
	edit_window(b, start, end, &ws, &we);
	normalise_window(b, ws, start, end, we, text, len, &head, &nw);
	buffer_read(b, ws, we, &ow);
	p = common_prefix(str_cstr(&ow), ow.len, str_cstr(&nw), nw.len);
	s = common_suffix(str_cstr(&ow), ow.len, str_cstr(&nw), nw.len,
			  (ow.len < nw.len ? ow.len : nw.len) - p);
	c.pos = ws + p;
	c.old_len = ow.len - p - s;
	c.new_len = nw.len - p - s;
	c.cursor = ws + head;
	if (old)
		str_add(old, str_cstr(&ow) + p, c.old_len);
	buffer_splice(b, c.pos, c.old_len, str_cstr(&nw) + p, c.new_len);
	if (ch)
		*ch = c;
	str_release(&nw);
	str_release(&ow);
	return true;
}

size_t buffer_next_grapheme(Buffer *b, size_t off)
{
	size_t len = buffer_len(b), win = EDGE;

	if (off >= len)
		return len;
	/* A cluster longer than the window ends at its edge: look again in one twice as long. */
	for (;;) {
		size_t end = len - off > win ? align_cp(b, off + win) : len;
		const char *t = buffer_span(b, off, end);
		size_t q = off + utf8_next_grapheme(t + off, end - off, 0);
		if (q < end || end == len)
			return q;
		win *= 2;
	}
}

size_t buffer_prev_grapheme(Buffer *b, size_t off)
{
	size_t start, len = buffer_len(b);
	const char *t;

	if (off > len)
		off = len;
	/* the same restart point the whole-text search would take: EDGE bytes back */
	start = align_cp(b, off > EDGE ? off - EDGE : 0);
	t = buffer_span(b, start, off);
	return start + utf8_prev_grapheme(t + start, off - start, off - start);
}

bool text_is_word_cp(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return (cp | 32) >= 'a' && (cp | 32) <= 'z' ? true : cp >= '0' && cp <= '9';
	c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
	       c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC ||
	       c == UTF8PROC_CATEGORY_ND;
}

/* Decodes the code point at off (U+FFFD for a bad byte); returns its length (at least 1). */
static size_t cp_at(const char *t, size_t len, size_t off, int32_t *cp)
{
	size_t n = utf8_decode(t + off, len - off, cp);
	return n ? n : 1;
}

/* Start of the code point before off. */
static size_t cp_before(const char *t, size_t off)
{
	if (off == 0)
		return 0;
	off--;
	while (off > 0 && is_cont((unsigned char)t[off]))
		off--;
	return off;
}

static bool word_at(const char *t, size_t len, size_t off)
{
	int32_t cp;
	cp_at(t, len, off, &cp);
	return text_is_word_cp(cp);
}

size_t buffer_word_end(Buffer *b, size_t off)
{
	const char *t = buffer_text(b);
	size_t len = buffer_len(b);
	int32_t cp;

	while (off < len && !word_at(t, len, off))
		off += cp_at(t, len, off, &cp);
	while (off < len && word_at(t, len, off))
		off += cp_at(t, len, off, &cp);
	return off;
}

size_t buffer_next_word(Buffer *b, size_t off)
{
	const char *t = buffer_text(b);
	size_t len = buffer_len(b);
	int32_t cp;

	while (off < len && word_at(t, len, off))
		off += cp_at(t, len, off, &cp);
	while (off < len && !word_at(t, len, off))
		off += cp_at(t, len, off, &cp);
	return off;
}

size_t buffer_prev_word(Buffer *b, size_t off)
{
	const char *t = buffer_text(b);
	size_t len = buffer_len(b);

	if (off > len)
		off = len;
	while (off > 0 && !word_at(t, len, cp_before(t, off)))
		off = cp_before(t, off);
	while (off > 0 && word_at(t, len, cp_before(t, off)))
		off = cp_before(t, off);
	return off;
}

/* The last '\n' in [from, to) of the array, as an offset into it, or `none`. */
static size_t last_nl(const char *data, size_t from, size_t to, size_t none)
{
	const char *nl = to > from ? memrchr(data + from, '\n', to - from) : NULL;
	return nl ? (size_t)(nl - data) : none;
}

/* Both scans look on each side of the gap in place, without moving it. */
size_t buffer_line_start(Buffer *b, size_t off)
{
	size_t gap = b->gap_end - b->gap_start, at;

	if (off > buffer_len(b))
		off = buffer_len(b);
	if (off > b->gap_start) {
		at = last_nl(b->data, b->gap_end, off + gap, SIZE_MAX);
		if (at != SIZE_MAX)
			return at - gap + 1;
		off = b->gap_start;
	}
	at = last_nl(b->data, 0, off, SIZE_MAX);
	return at != SIZE_MAX ? at + 1 : 0;
}

size_t buffer_line_end(Buffer *b, size_t off)
{
	size_t len = buffer_len(b), gap = b->gap_end - b->gap_start;
	const char *nl;

	if (off >= len)
		return len;
	if (off < b->gap_start) {
		nl = memchr(b->data + off, '\n', b->gap_start - off);
		if (nl)
			return (size_t)(nl - b->data);
		off = b->gap_start;
	}
	nl = memchr(b->data + off + gap, '\n', len - off);
	return nl ? (size_t)(nl - b->data) - gap : len;
}

size_t buffer_line_of(Buffer *b, size_t off)
{
	const char *t = buffer_text(b), *p = t, *stop;
	size_t n = 0;

	stop = t + (off > buffer_len(b) ? buffer_len(b) : off);
	while (p < stop && (p = memchr(p, '\n', (size_t)(stop - p))) != NULL) {
		n++;
		p++;
	}
	return n;
}

size_t buffer_line_count(Buffer *b)
{
	return buffer_line_of(b, buffer_len(b)) + 1;
}

size_t buffer_line_offset(Buffer *b, size_t n)
{
	const char *t = buffer_text(b), *nl;
	size_t off = 0, len = buffer_len(b);

	while (n > 0 && (nl = memchr(t + off, '\n', len - off)) != NULL) {
		off = (size_t)(nl - t) + 1;
		n--;
	}
	return off;
}

static bool line_blank(Buffer *b, size_t start)
{
	return buffer_line_end(b, start) == start;
}

void buffer_para_bounds(Buffer *b, size_t off, size_t *start, size_t *end)
{
	size_t s = buffer_line_start(b, off), e;

	if (line_blank(b, s)) {
		*start = *end = s;
		return;
	}
	while (s > 0) {
		size_t prev = buffer_line_start(b, s - 1);
		if (line_blank(b, prev))
			break;
		s = prev;
	}
	e = buffer_line_end(b, off);
	while (e < buffer_len(b) && !line_blank(b, e + 1))
		e = buffer_line_end(b, e + 1);
	*start = s;
	*end = e;
}

size_t buffer_next_para(Buffer *b, size_t off)
{
	size_t s, e, len = buffer_len(b);

	buffer_para_bounds(b, off, &s, &e);
	while (e < len) {
		e++;
		if (!line_blank(b, e))
			return e;
	}
	return len;
}

size_t buffer_prev_para(Buffer *b, size_t off)
{
	size_t s, e;

	buffer_para_bounds(b, off, &s, &e);
	if (s < off && s != e)
		return s;
	s = buffer_line_start(b, s);
	while (s > 0) {
		s = buffer_line_start(b, s - 1);
		if (!line_blank(b, s)) {
			buffer_para_bounds(b, s, &s, &e);
			return s;
		}
	}
	return 0;
}

size_t text_count_words(const char *s, size_t len)
{
	size_t i = 0, n = 0;
	bool in = false;
	int32_t cp;

	while (i < len) {
		bool w;
		i += cp_at(s, len, i, &cp);
		w = text_is_word_cp(cp);
		if (w && !in)
			n++;
		in = w;
	}
	return n;
}

size_t text_count_chars(const char *s, size_t len)
{
	size_t i = 0, n = 0;

	while (i < len) {
		if (s[i] != '\n')
			n++;
		i = utf8_next_grapheme(s, len, i);
	}
	return n;
}

size_t buffer_count_words(Buffer *b)
{
	return text_count_words(buffer_text(b), buffer_len(b));
}

size_t buffer_count_chars(Buffer *b)
{
	return text_count_chars(buffer_text(b), buffer_len(b));
}
