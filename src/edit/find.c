/*
 * find.c: exact search is memmem over the NFC text. Folded search builds the folded text and
 * a map from each folded byte back to the offset of the code point it came from (plus one
 * entry for the end), searches the folded needle in it and maps the match back. Combining marks
 * that survive NFC (on letters with no precomposed form) are dropped by folding and stay
 * inside the match of the letter before them. A search folds the whole field, which for a
 * 50 KB body takes well under a millisecond; nothing is cached.
 */
#include "edit/find.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/str.h"
#include "base/utf8.h"
#include "base/xalloc.h"
#include "viet/letter.h"
#include "base/banned.h"

typedef struct Folded {
	Str text;
	size_t *map; /* map[i]: offset in the original of folded byte i; map[text.len] = len */
	size_t cap;
} Folded;

static int32_t fold_cp(int32_t cp, unsigned flags)
{
	if (flags & FIND_IGNORE_MARKS) {
		utf8proc_category_t c = utf8proc_category(cp);
		if (c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_ME)
			return -1;
		cp = viet_fold(cp);
	}
	return utf8_lower(cp);
}

static void fold(const char *s, size_t len, unsigned flags, Folded *f)
{
	size_t i = 0;
	int32_t cp;

	while (i < len) {
		size_t n = utf8_decode(s + i, len - i, &cp), before = f->text.len;
		if (n == 0) {
			str_addc(&f->text, s[i]);
			n = 1;
		} else if ((cp = fold_cp(cp, flags)) >= 0) {
			utf8_add(&f->text, cp);
		}
		xgrow(&f->map, &f->cap, f->text.len + 1, sizeof(*f->map));
		for (size_t k = before; k < f->text.len; k++)
			f->map[k] = i;
		i += n;
	}
	xgrow(&f->map, &f->cap, f->text.len + 1, sizeof(*f->map));
	f->map[f->text.len] = len;
}

/* Searches needle in hay (both already in comparable form); map may be NULL (identity). */
static bool search(const char *hay, size_t hlen, const size_t *map, const char *nd, size_t nlen,
		   size_t from, bool backward, size_t *start, size_t *end)
{
	const char *p = hay, *stop = hay + hlen;
	bool found = false;

	while ((size_t)(stop - p) >= nlen && (p = memmem(p, (size_t)(stop - p), nd, nlen))) {
		size_t fs = (size_t)(p - hay), fe = fs + nlen;
		size_t s = map ? map[fs] : fs, e = map ? map[fe] : fe;
		if (!backward && s >= from) {
			*start = s;
			*end = e;
			return true;
		}
		if (backward && e <= from) {
			*start = s;
			*end = e;
			found = true;
		}
		if (backward && e > from)
			break;
		p++;
	}
	return found;
}

bool find_text(const char *hay, size_t len, size_t from, const char *needle, size_t nlen,
	       unsigned flags, size_t *start, size_t *end)
{
	Str nd = STR_INIT;
	Folded fh = {STR_INIT, NULL, 0}, fn = {STR_INIT, NULL, 0};
	bool ok = false, back = flags & FIND_BACKWARD;

	if (nlen == 0 || !utf8_nfc(needle, nlen, &nd) || nd.len == 0)
		goto done;
	if (!(flags & (FIND_IGNORE_CASE | FIND_IGNORE_MARKS))) {
		ok = search(hay, len, NULL, nd.s, nd.len, from, back, start, end);
		goto done;
	}
	fold(nd.s, nd.len, flags, &fn);
	if (fn.text.len == 0)
		goto done;
	fold(hay, len, flags, &fh);
	ok = search(str_cstr(&fh.text), fh.text.len, fh.map, fn.text.s, fn.text.len, from, back,
		    start, end);
done:
	str_release(&nd);
	str_release(&fh.text);
	str_release(&fn.text);
	free(fh.map);
	free(fn.map);
	return ok;
}
