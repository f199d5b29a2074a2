/*
 * norm.c: valid NFC input (the usual case) is used in place, with no copy and no map. Anything else is
 * rebuilt run by run: a run is one code point with combining class 0 followed by the marks
 * that attach to it; each run is normalised alone, and every output byte of a run maps to the
 * start of the run in the input. A finding that starts or ends on a character boundary of
 * the output therefore maps to a boundary of the input.
 */
#include "spell/norm.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/utf8.h"
#include "base/xalloc.h"
#include "base/banned.h"

static void add_run(NormText *nt, const char *in, size_t from, size_t to, size_t *cap)
{
	size_t before = nt->text.len;

	if (!utf8_nfc(in + from, to - from, &nt->text))
		str_add(&nt->text, in + from, to - from);
	xgrow(&nt->map, cap, nt->text.len + 1, sizeof(size_t));
	for (size_t i = before; i < nt->text.len; i++)
		nt->map[i] = from;
}

static void add_bad(NormText *nt, size_t off, size_t *cap, size_t *badcap)
{
	str_add(&nt->text, "\xEF\xBF\xBD", 3);
	xgrow(&nt->map, cap, nt->text.len + 1, sizeof(size_t));
	for (size_t i = nt->text.len - 3; i < nt->text.len; i++)
		nt->map[i] = off;
	xgrow(&nt->bad, badcap, nt->nbad + 1, sizeof(size_t));
	nt->bad[nt->nbad++] = off;
}

static bool is_starter(int32_t cp)
{
	return cp < 0x300 || utf8proc_get_property(cp)->combining_class == 0;
}

/* Code points that are NFC whatever surrounds them: no mark, nothing that decomposes. */
static bool stable(int32_t cp)
{
	return cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2010 && cp <= 0x206F) ||
	       (cp >= 0x20A0 && cp <= 0x20CF) || cp == 0xFEFF;
}

/* The usual characters at s[i] (at least 4 bytes left) by their bytes; their end, or i. */
static inline size_t quick_run(const unsigned char *s, size_t len, size_t i)
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

/*
 * One pass over the bytes settles the usual Vietnamese text without decoding: ASCII eight
 * bytes at a time, the two-byte Latin range, U+1E00..U+1EFF and U+2010..U+206F by their
 * bytes; other characters are decoded one by one, and anything that might not be NFC sends
 * the whole text to the full normaliser.
 */
bool norm_is_nfc(const char *in, size_t len)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t i = 0, n;
	int32_t cp;

	while ((i = quick_run(s, len, i)) < len) {
		/* one character the careful way, then back to the quick run */
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if (i + 2 < len && (s[i + 2] & 0xC0) == 0x80 && (s[i + 1] & 0xC0) == 0x80 &&
		    ((s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] >= 0x90) ||
		     (s[i] == 0xE2 && s[i + 1] == 0x81 && s[i + 2] <= 0xAF))) {
			i += 3; /* U+2010..U+206F: dashes, quotes, ellipsis */
			continue;
		}
		if (!(n = utf8_decode(in + i, len - i, &cp)))
			return false;
		if (!stable(cp))
			return utf8_valid(in, len, NULL) && utf8_is_nfc(in, len);
		i += n;
	}
	return true;
}

void norm_text(NormText *nt, const char *in, size_t len)
{
	size_t cap = 0, badcap = 0, i = 0, run = 0;

	memset(nt, 0, sizeof(*nt));
	nt->in_len = len;
	nt->s = in ? in : "";
	nt->len = len;
	if (norm_is_nfc(in, len))
		return;
	while (i < len) {
		int32_t cp;
		size_t n = utf8_decode(in + i, len - i, &cp);

		if (n == 0) {
			if (run < i)
				add_run(nt, in, run, i, &cap);
			add_bad(nt, i, &cap, &badcap);
			run = ++i;
			continue;
		}
		if (is_starter(cp) && run < i) {
			add_run(nt, in, run, i, &cap);
			run = i;
		}
		i += n;
	}
	if (run < len)
		add_run(nt, in, run, len, &cap);
	xgrow(&nt->map, &cap, nt->text.len + 1, sizeof(size_t));
	nt->map[nt->text.len] = len;
	nt->s = str_cstr(&nt->text);
	nt->len = nt->text.len;
}

void norm_release(NormText *nt)
{
	str_release(&nt->text);
	free(nt->map);
	free(nt->bad);
	memset(nt, 0, sizeof(*nt));
}

size_t norm_input_offset(const NormText *nt, size_t off)
{
	if (!nt->map)
		return off;
	return off >= nt->len ? nt->in_len : nt->map[off];
}
