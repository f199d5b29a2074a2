/*
 * utf8.c: the strict decoder is written here (it must report the byte offset of the first
 * bad byte); normalization, grapheme breaks, width and case come from the Unicode tables of
 * utf8proc.
 */
#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/visible.h"
#include "base/xalloc.h"
#include "base/banned.h"

size_t utf8_decode(const char *str, size_t len, int32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c;
	size_t n, i;

	*cp = 0xFFFD;
	if (len == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		n = 2;
		c = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 3;
		c = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 4;
		c = s[0] & 0x07;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = (int32_t)c;
	return n;
}

size_t utf8_encode(int32_t cp, char *buf)
{
	utf8proc_ssize_t n;

	if (!utf8proc_codepoint_valid(cp))
		return 0;
	n = utf8proc_encode_char(cp, (utf8proc_uint8_t *)buf);
	return n > 0 ? (size_t)n : 0;
}

void utf8_add(Str *sb, int32_t cp)
{
	char buf[4];
	str_add(sb, buf, utf8_encode(cp, buf));
}

bool utf8_valid(const char *s, size_t len, size_t *bad)
{
	size_t i = 0, n;
	int32_t cp;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			if (bad)
				*bad = i;
			return false;
		}
		i += n;
	}
	return true;
}

/* Appends the NFC form of valid UTF-8 s by the full normaliser; false if it refuses. */
static bool nfc_map(const char *s, size_t len, Str *out)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t n;

	/* Not UTF8PROC_STABLE: that refuses code points unassigned in the library's tables, and a
	 * character newer than them (a new emoji) is still text to keep, unchanged. */
	n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &dst,
			 UTF8PROC_COMPOSE);
	if (n < 0) {
		if (n == UTF8PROC_ERROR_NOMEM)
			fatal("out of memory normalizing %zu bytes", len);
		return false;
	}
	str_add(out, (const char *)dst, (size_t)n);
	free(dst);
	return true;
}

/* Code points that are NFC whatever surrounds them: no mark, nothing that decomposes. */
bool utf8_nfc_stable(int32_t cp)
{
	return cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2010 && cp <= 0x206F) ||
	       (cp >= 0x20A0 && cp <= 0x20CF) || cp == 0xFEFF;
}

/* The usual characters from s[i] (while 4 bytes are left) settled by their bytes; their end. */
static size_t quick_run(const unsigned char *s, size_t len, size_t i)
{
	while (i + 3 < len) {
		unsigned char c = s[i];
		uint64_t w;
		if (c < 0x80) {
			if (i + 8 <= len) {
				memcpy(&w, s + i, 8);
				if (!(w & 0x8080808080808080ull)) {
					i += 8;
					continue;
				}
			}
			i++;
		} else if (c >= 0xC2 && c <= 0xCB && (s[i + 1] & 0xC0) == 0x80) {
			i += 2; /* U+0080..U+02FF: no combining marks there */
		} else if (c == 0xE1 && s[i + 1] >= 0xB8 && s[i + 1] <= 0xBB &&
			   (s[i + 2] & 0xC0) == 0x80) {
			i += 3; /* U+1E00..U+1EFF: the precomposed Vietnamese letters */
		} else {
			break;
		}
	}
	return i;
}

/* True if s (valid or not) normalises to itself by the full normaliser. */
static bool segment_nfc(const char *s, size_t len)
{
	Str tmp = STR_INIT;
	bool same;

	if (!utf8_valid(s, len, NULL) || !nfc_map(s, len, &tmp))
		return false;
	same = tmp.len == len && memcmp(tmp.s, s, len) == 0;
	str_release(&tmp);
	return same;
}

/*
 * One pass over the bytes settles the usual Vietnamese text without decoding: ASCII eight
 * bytes at a time, the two-byte Latin range and U+1E00..U+1EFF by their bytes; other
 * characters are decoded one by one. A stable character neither joins nor reorders with what
 * comes before it, so a character that might not be NFC is settled by the full normaliser
 * on its own stretch only: from the stable character before it to the next one (a 2 MB paste
 * with one rare character is not copied whole). This is the check every input boundary and
 * the checker's hot path use.
 */
bool utf8_is_nfc(const char *in, size_t len)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t i = 0, n, last = 0; /* last: where the last stable character began */
	int32_t cp;

	for (;;) {
		size_t from = i;
		if ((i = quick_run(s, len, i)) >= len)
			return true;
		if (i > from)
			for (last = i - 1; last > 0 && (s[last] & 0xC0) == 0x80; last--)
				;
		if (!(n = utf8_decode(in + i, len - i, &cp)))
			return false;
		if (utf8_nfc_stable(cp)) {
			last = i;
			i += n;
			continue;
		}
		size_t end = i + n;
		while (end < len && (n = utf8_decode(in + end, len - end, &cp)) && !utf8_nfc_stable(cp))
			end += n;
		if (end < len && !n)
			return false;
		if (!segment_nfc(in + last, end - last))
			return false;
		i = end;
	}
}

bool utf8_nfc(const char *s, size_t len, Str *out)
{
	if (utf8_is_nfc(s, len)) {
		str_add(out, s, len);
		return true;
	}
	return utf8_valid(s, len, NULL) && nfc_map(s, len, out);
}

static size_t next_cp(const char *s, size_t len, size_t off, int32_t *cp)
{
	size_t n = utf8_decode(s + off, len - off, cp);
	return n ? n : 1;
}

/*
 * True if a grapheme cluster surely ends between a and an ASCII b: b is never a mark or a
 * joiner, and a is no carriage return (CR LF is one cluster) and none of the rare prefix
 * characters (which join what follows); Latin, Vietnamese and the like are asked no further.
 */
static bool breaks_before_ascii(int32_t a, unsigned char b)
{
	if (b >= 0x80 || a == '\r')
		return false;
	return a < 0x0600 || (a >= 0x1E00 && a <= 0x1EFF);
}

/* True if the bytes at off start a Latin letter no cluster before it takes in: U+00C0 ..
 * U+027F (leads C3 .. C9) or U+1E00 .. U+1EFF (E1 B8 .. E1 BB, Vietnamese with two marks). */
static bool latin_letter_at(const char *s, size_t len, size_t off)
{
	unsigned char c = (unsigned char)s[off], d = off + 1 < len ? (unsigned char)s[off + 1] : 0;

	return (c >= 0xC3 && c <= 0xC9) || (c == 0xE1 && d >= 0xB8 && d <= 0xBB);
}

size_t utf8_next_grapheme(const char *s, size_t len, size_t off)
{
	utf8proc_int32_t state = 0;
	int32_t a, b;

	if (off >= len)
		return len;
	off += next_cp(s, len, off, &a);
	if (off < len && (breaks_before_ascii(a, (unsigned char)s[off]) ||
			  (breaks_before_ascii(a, 'a') && latin_letter_at(s, len, off))))
		return off; /* the common cases, without the property tables */
	while (off < len) {
		size_t n = next_cp(s, len, off, &b);
		if (utf8proc_grapheme_break_stateful(a, b, &state))
			break;
		a = b;
		off += n;
	}
	return off;
}

size_t utf8_prev_grapheme(const char *s, size_t len, size_t off)
{
	size_t start, prev = 0;

	if (off == 0)
		return 0;
	/* Step back to a safe restart: a line start or a point a good way before. */
	start = off > 64 ? off - 64 : 0;
	while (start > 0 && (((unsigned char)s[start] & 0xC0) == 0x80))
		start--;
	for (size_t p = start; p < off;) {
		prev = p;
		p = utf8_next_grapheme(s, len, p);
	}
	return prev;
}

int utf8_cp_width(int32_t cp)
{
	int w;

	if (visible_hidden(cp))
		return 1; /* drawn as a visible stand-in, never as itself */
	w = utf8proc_charwidth(cp);
	return w < 0 ? 0 : w;
}

size_t utf8_width(const char *s, size_t len)
{
	size_t i = 0, w = 0;
	int32_t cp;

	while (i < len) {
		i += next_cp(s, len, i, &cp);
		w += (size_t)utf8_cp_width(cp);
	}
	return w;
}

size_t utf8_chars(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

int32_t utf8_lower(int32_t cp)
{
	return cp < 0x80 ? (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp) : utf8proc_tolower(cp);
}

int32_t utf8_upper(int32_t cp)
{
	return cp < 0x80 ? (cp >= 'a' && cp <= 'z' ? cp - 32 : cp) : utf8proc_toupper(cp);
}

bool utf8_is_letter(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return (cp | 32) >= 'a' && (cp | 32) <= 'z';
	c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool utf8_is_upper(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
	       utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

void utf8_lower_str(const char *s, size_t len, Str *out)
{
	size_t i = 0;
	int32_t cp;

	while (i < len) {
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			str_addc(out, s[i]);
			i++;
			continue;
		}
		utf8_add(out, utf8_lower(cp));
		i += n;
	}
}
