/*
 * visible.c: hidden characters written in a visible form (see visible.h).
 *
 * The classes come from the Unicode general categories (Cc, Cf, Zl, Zp) plus the few letters
 * that draw as nothing, so new format characters are covered when the library's tables grow.
 */
#include "base/visible.h"

#include <string.h>
#include <utf8proc.h>

#include "base/utf8.h"
#include "base/banned.h"

bool visible_is_c1(int32_t cp)
{
	return cp >= 0x80 && cp <= 0x9F;
}

bool visible_is_bidi(int32_t cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

bool visible_hidden(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x20 || cp == 0x7F)
		return true;
	if (cp < 0x80)
		return false;
	if (cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x034F ||
	    (cp >= 0xFFF9 && cp <= 0xFFFB))
		return true;
	c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_CC || c == UTF8PROC_CATEGORY_CF ||
	       c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

/* Length of the run at s that needs no change, up to len. */
static size_t plain_run(const char *s, size_t len, bool multiline)
{
	size_t i = 0;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		int32_t cp;
		size_t n;

		if (c >= 0x20 && c < 0x7F) {
			i++;
			continue;
		}
		if (multiline && (c == '\n' || c == '\t')) {
			i++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0 || visible_hidden(cp))
			break;
		i += n;
	}
	return i;
}

void visible_add(Str *out, const char *s, size_t len, bool multiline)
{
	size_t i = 0;

	while (i < len) {
		size_t run = plain_run(s + i, len - i, multiline);
		int32_t cp;
		size_t n;

		str_add(out, s + i, run);
		i += run;
		if (i >= len)
			break;
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			str_addf(out, "<0x%02X>", (unsigned char)s[i]);
			i++;
		} else {
			str_addf(out, "<U+%04X>", (unsigned)cp);
			i += n;
		}
	}
}

void visible_adds(Str *out, const char *s, bool multiline)
{
	visible_add(out, s, strlen(s), multiline);
}

bool visible_needed(const char *s, size_t len, bool multiline)
{
	return plain_run(s, len, multiline) < len;
}
