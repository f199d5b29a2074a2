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

/*
 * True if valid s is NFC. Only stretches of code points that are not NFC by themselves (marks,
 * scripts whose letters compose) are normalised, each alone with the code point before it,
 * so that one Greek name or trademark sign in a long text costs what its stretch costs.
 */
static bool text_is_nfc(const char *s, size_t len)
{
	size_t i = 0, prev = 0, n;
	int32_t cp;

	while (i < len) {
		size_t to;
		if ((unsigned char)s[i] < 0x80) {
			prev = i++;
			continue;
		}
		if (!(n = utf8_decode(s + i, len - i, &cp)))
			return false;
		if (utf8_nfc_stable(cp)) {
			prev = i;
			i += n;
			continue;
		}
		for (to = i + n; to < len; to += n) {
			if (!(n = utf8_decode(s + to, len - to, &cp)))
				return false;
			if (utf8_nfc_stable(cp))
				break;
		}
		if (!utf8_is_nfc(s + prev, to - prev))
			return false;
		prev = i = to;
	}
	return true;
}

static bool is_starter(int32_t cp)
{
	return cp < 0x300 || utf8proc_get_property(cp)->combining_class == 0;
}

void norm_text(NormText *nt, const char *in, size_t len)
{
	size_t cap = 0, badcap = 0, i = 0, run = 0;

	memset(nt, 0, sizeof(*nt));
	nt->in_len = len;
	nt->s = in ? in : "";
	nt->len = len;
	if (text_is_nfc(in, len))
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
