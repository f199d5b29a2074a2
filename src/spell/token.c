/*
 * token.c: a hand-written scanner over NFC text. Invariants: every call consumes at least
 * one byte, a token never splits a UTF-8 sequence, and invalid bytes (which the normaliser
 * has already replaced) are still consumed one at a time as TOK_OTHER, so the fuzz target can
 * feed raw bytes. Words may hold combining marks and the Latin-1 symbols that legacy
 * Vietnamese fonts put inside words (Ng­êi), so that such words reach the character rules
 * whole.
 */
#include "spell/token.h"

#include <string.h>
#include <utf8proc.h>

#include "base/utf8.h"
#include "base/banned.h"

static int32_t peek(const char *s, size_t len, size_t off, size_t *n)
{
	int32_t cp = -1;

	*n = off < len ? utf8_decode(s + off, len - off, &cp) : 0;
	if (*n == 0) {
		*n = off < len ? 1 : 0;
		return off < len ? 0xFFFD : -1;
	}
	return cp;
}

/* Latin-1 symbols that legacy fonts use as Vietnamese letters (­ ¬ ® ª µ ¸ ...). */
static bool legacy_char(int32_t cp)
{
	return cp >= 0xA8 && cp <= 0xBF && cp != 0xB0 && cp != 0xB1 && cp != 0xAB && cp != 0xBB;
}

static bool is_mark(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x300)
		return false;
	c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC;
}

bool token_word_char(int32_t cp)
{
	return cp >= 0 && (utf8_is_letter(cp) || is_mark(cp) || (cp >= '0' && cp <= '9') ||
	                   legacy_char(cp));
}

static bool is_digit(int32_t cp)
{
	return cp >= '0' && cp <= '9';
}

static bool is_space(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x202F || cp == 0x2009 ||
	       cp == 0x2007 || cp == '\f' || cp == '\v';
}

static bool starts_with(const char *s, size_t len, size_t off, const char *p)
{
	size_t n = strlen(p);
	return len - off >= n && strncasecmp(s + off, p, n) == 0;
}

/* End of the non-space chunk at off, less trailing punctuation. */
static size_t chunk_end(const char *s, size_t len, size_t off)
{
	size_t i = off, n, end;

	while (i < len) {
		int32_t cp = peek(s, len, i, &n);
		if (is_space(cp) || cp == '\n' || cp == '\r')
			break;
		i += n;
	}
	end = i;
	while (end > off && strchr(".,;:!?)]\"'", s[end - 1]))
		end--;
	/* closing quotes ” and ’ (E2 80 9D / 99) */
	while (end >= off + 3 && (unsigned char)s[end - 3] == 0xE2 &&
	       (unsigned char)s[end - 2] == 0x80 &&
	       ((unsigned char)s[end - 1] == 0x9D || (unsigned char)s[end - 1] == 0x99))
		end -= 3;
	return end > off ? end : i;
}

/* A domain name (vnexpress.net, chinhphu.vn) or an email starting at off. */
static bool looks_like_address(const char *s, size_t len, size_t off, size_t *end)
{
	static const char *const tld[] = {"vn", "com", "net", "org", "gov", "edu", "info", "io",
		"int", "uk", "us", "jp", "cn", "fr", "de", "kr", "asia", "biz", "tv", "me"};
	size_t e = chunk_end(s, len, off), dot = 0;
	bool at = false;

	for (size_t i = off; i < e; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '@')
			at = true;
		else if (c == '.')
			dot = i;
		else if (c >= 0x80 || !(c == '-' || c == '_' || (c | 32) >= 'a' || (c >= '0' && c <= '9')))
			return false;
		else if ((c | 32) > 'z')
			return false;
	}
	if (dot == 0 || dot + 1 >= e)
		return false;
	*end = e;
	if (at)
		return true;
	for (size_t i = 0; i < sizeof(tld) / sizeof(tld[0]); i++)
		if (e - dot - 1 == strlen(tld[i]) && strncasecmp(s + dot + 1, tld[i], e - dot - 1) == 0)
			return true;
	return false;
}

static size_t scan_number(const char *s, size_t len, size_t off)
{
	size_t i = off, n, m;

	while (i < len) {
		int32_t cp = peek(s, len, i, &n);
		if (is_digit(cp)) {
			i += n;
			continue;
		}
		if ((cp == '.' || cp == ',' || cp == ':' || cp == '/' || cp == '-' || cp == 0x2013) &&
		    is_digit(peek(s, len, i + n, &m))) {
			i += n;
			continue;
		}
		break;
	}
	return i;
}

static void word_flags(const char *s, size_t start, size_t end, Token *t)
{
	size_t i = start, n, letters = 0, uppers = 0;
	bool first = true;

	t->flags = TF_ASCII;
	while (i < end) {
		int32_t cp = peek(s, end, i, &n);
		if (cp >= 0x80)
			t->flags &= ~(unsigned)TF_ASCII;
		if (is_digit(cp))
			t->flags |= TF_DIGIT;
		if (utf8_is_letter(cp)) {
			bool up = utf8_is_upper(cp);
			letters++;
			uppers += up;
			if (first && up)
				t->flags |= TF_UPPER_FIRST;
			else if (!first && up)
				t->flags |= TF_INNER_UPPER;
			first = false;
		}
		i += n;
	}
	if (letters > 0 && uppers == letters)
		t->flags |= TF_ALL_UPPER;
}

static bool apostrophe(int32_t cp)
{
	return cp == '\'' || cp == 0x2019;
}

static size_t scan_word(const char *s, size_t len, size_t off)
{
	size_t i = off, n, m;

	while (i < len) {
		int32_t cp = peek(s, len, i, &n);
		if (token_word_char(cp) || cp == '_') {
			i += n;
			continue;
		}
		if (apostrophe(cp) && i > off && utf8_is_letter(peek(s, len, i + n, &m))) {
			i += n;
			continue;
		}
		break;
	}
	return i;
}

/* A legacy-font symbol starts a word only when a letter follows in the same run. */
static bool legacy_starts_word(const char *s, size_t len, size_t off)
{
	size_t i = off, n;

	for (int k = 0; k < 4 && i < len; k++) {
		int32_t cp = peek(s, len, i, &n);
		if (utf8_is_letter(cp))
			return true;
		if (!legacy_char(cp))
			return false;
		i += n;
	}
	return false;
}

static size_t finish(Token *t, TokKind kind, size_t start, size_t end, int32_t cp)
{
	t->kind = kind;
	t->start = start;
	t->end = end;
	t->cp = cp;
	return end;
}

static size_t scan_space(const char *s, size_t len, size_t off, Token *t)
{
	size_t i = off, n;

	while (i < len && is_space(peek(s, len, i, &n)))
		i += n;
	return finish(t, TOK_SPACE, off, i, ' ');
}

size_t token_next(const char *s, size_t len, size_t off, Token *t)
{
	size_t n, end, m;
	int32_t cp = peek(s, len, off, &n);

	t->flags = 0;
	if (cp == '\n')
		return finish(t, TOK_NEWLINE, off, off + 1, cp);
	if (cp == '\r')
		return finish(t, TOK_NEWLINE, off, off + 1 + (off + 1 < len && s[off + 1] == '\n'), cp);
	if (is_space(cp))
		return scan_space(s, len, off, t);
	if (starts_with(s, len, off, "http://") || starts_with(s, len, off, "https://") ||
	    starts_with(s, len, off, "www."))
		return finish(t, TOK_SKIP, off, chunk_end(s, len, off), cp);
	if ((cp == '#' || cp == '@') && token_word_char(peek(s, len, off + n, &m)))
		return finish(t, TOK_SKIP, off, chunk_end(s, len, off), cp);
	if (token_word_char(cp) && !is_mark(cp) && (!legacy_char(cp) || legacy_starts_word(s, len, off))) {
		if (looks_like_address(s, len, off, &end))
			return finish(t, TOK_SKIP, off, end, cp);
		if (is_digit(cp)) {
			end = scan_number(s, len, off);
			if (end >= len || !token_word_char(peek(s, len, end, &m)))
				return finish(t, TOK_NUMBER, off, end, cp);
		}
		end = scan_word(s, len, off);
		finish(t, TOK_WORD, off, end, cp);
		word_flags(s, off, end, t);
		return end;
	}
	if (is_mark(cp)) {
		/* a stray mark with no letter before it: a word of its own for the character rule */
		end = scan_word(s, len, off);
		finish(t, TOK_WORD, off, end, cp);
		word_flags(s, off, end, t);
		return end;
	}
	if (cp >= 0 && cp != 0xFFFD && cp != 0xFEFF) {
		utf8proc_category_t c = utf8proc_category(cp);
		if (c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_SO)
			return finish(t, TOK_PUNCT, off, off + n, cp);
	}
	return finish(t, TOK_OTHER, off, off + n, cp);
}
