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

/*
 * The code point at off and its length in *n (0 at the end). Valid one-, two- and
 * three-byte sequences, which are nearly all of Vietnamese text, are decoded here; the rest
 * (and every invalid byte, which reads as U+FFFD of length 1) goes to the full decoder.
 */
static inline int32_t peek(const char *s, size_t len, size_t off, size_t *n)
{
	const unsigned char *u = (const unsigned char *)s + off;
	int32_t cp = -1;

	if (off < len && u[0] < 0x80) {
		*n = 1;
		return u[0];
	}
	if (off + 1 < len && u[0] >= 0xC2 && u[0] <= 0xDF && (u[1] & 0xC0) == 0x80) {
		*n = 2;
		return (int32_t)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
	}
	if (off + 2 < len && u[0] >= 0xE1 && u[0] <= 0xEC && (u[1] & 0xC0) == 0x80 &&
	    (u[2] & 0xC0) == 0x80) {
		*n = 3;
		return (int32_t)(u[0] & 0x0F) << 12 | (int32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
	}
	*n = off < len ? utf8_decode(s + off, len - off, &cp) : 0;
	if (*n == 0) {
		*n = off < len ? 1 : 0;
		return off < len ? 0xFFFD : -1;
	}
	return cp;
}

/* Letters whose class is known without a table: Latin-1 and Extended-A/B, and U+1E00..1EFF. */
static inline bool latin_letter(int32_t cp)
{
	return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
	       (cp >= 0x1E00 && cp <= 0x1EFF);
}

static inline bool ascii_alnum(int32_t cp)
{
	return ((cp | 32) >= 'a' && (cp | 32) <= 'z') || (cp >= '0' && cp <= '9');
}

static inline bool is_letter(int32_t cp)
{
	if (cp < 0x80)
		return (cp | 32) >= 'a' && (cp | 32) <= 'z';
	return latin_letter(cp) || utf8_is_letter(cp);
}

/* Upper case, for a letter: the Latin-1 and Vietnamese ranges by their layout. */
static inline bool letter_upper(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	if (cp >= 0xC0 && cp <= 0xFF)
		return cp <= 0xDE;
	if (cp >= 0x1EA0 && cp <= 0x1EFF)
		return (cp & 1) == 0;
	return utf8_is_upper(cp);
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

static inline bool word_char(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 0 && ascii_alnum(cp);
	if (latin_letter(cp))
		return true;
	return utf8_is_letter(cp) || is_mark(cp) || legacy_char(cp);
}

bool token_word_char(int32_t cp)
{
	return word_char(cp);
}

static bool is_digit(int32_t cp)
{
	return cp >= '0' && cp <= '9';
}

static inline bool is_space(int32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || cp == '\t' || cp == '\f' || cp == '\v';
	return cp == 0xA0 || cp == 0x202F || cp == 0x2009 || cp == 0x2007;
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

/* A cheap test before looks_like_address: ASCII word characters, then '.' or '@'. */
static bool maybe_address(const char *s, size_t len, size_t off)
{
	size_t i = off;

	while (i < len && ((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z' ? true :
	                   (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '_'))
		i++;
	return i > off && i + 1 < len && (s[i] == '.' || s[i] == '@') &&
	       (unsigned char)s[i + 1] < 0x80 && s[i + 1] != ' ' && s[i + 1] != '\n';
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

/* Collects the TF_* facts of a word one code point at a time. */
typedef struct Facts {
	size_t letters, uppers;
	unsigned flags;
} Facts;

static inline void facts_add(Facts *f, int32_t cp)
{
	if (cp >= 0x80)
		f->flags &= ~(unsigned)TF_ASCII;
	if (cp >= '0' && cp <= '9') {
		f->flags |= TF_DIGIT;
	} else if (is_letter(cp)) {
		bool up = letter_upper(cp);
		if (up)
			f->flags |= f->letters == 0 ? TF_UPPER_FIRST : TF_INNER_UPPER;
		f->letters++;
		f->uppers += up;
	}
}

static unsigned facts_flags(const Facts *f)
{
	return f->flags | (f->letters > 0 && f->uppers == f->letters ? TF_ALL_UPPER : 0);
}

static bool apostrophe(int32_t cp)
{
	return cp == '\'' || cp == 0x2019;
}

/* The end of the word at off. */
static size_t scan_word(const char *s, size_t len, size_t off)
{
	size_t i = off, n, m;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		int32_t cp;
		if (c < 0x80 && ascii_alnum(c)) { /* the common case, without decoding */
			i++;
			continue;
		}
		cp = peek(s, len, i, &n);
		if (word_char(cp) || cp == '_' ||
		    (apostrophe(cp) && i > off && utf8_is_letter(peek(s, len, i + n, &m)))) {
			i += n;
			continue;
		}
		break;
	}
	return i;
}

unsigned token_flags(const char *s, size_t start, size_t end)
{
	Facts f = {0, 0, TF_ASCII};
	size_t i = start, n;

	while (i < end) {
		facts_add(&f, peek(s, end, i, &n));
		i += n;
	}
	return facts_flags(&f);
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

size_t token_scan(const char *s, size_t len, size_t off, Token *t)
{
	size_t n, end, m;
	int32_t cp;
	unsigned char c = (unsigned char)s[off];

	t->flags = 0;
	if (c == ' ') {
		/* spaces; a byte that cannot start another kind of space ends them at once */
		size_t i = off + 1;
		while (i < len && s[i] == ' ')
			i++;
		if (i >= len || ((unsigned char)s[i] > ' ' && (unsigned char)s[i] != 0xC2 &&
		                 (unsigned char)s[i] != 0xE2))
			return finish(t, TOK_SPACE, off, i, ' ');
		return scan_space(s, len, off, t);
	}
	if ((c | 32) >= 'a' && (c | 32) <= 'z' && (c | 32) != 'h' && (c | 32) != 'w') {
		/* the usual word start: a plain letter that opens no URL */
		end = scan_word(s, len, off);
		if (end < len && (s[end] == '.' || s[end] == '@' || s[end] == '-') &&
		    maybe_address(s, len, off) && looks_like_address(s, len, off, &m))
			return finish(t, TOK_SKIP, off, m, c);
		return finish(t, TOK_WORD, off, end, c);
	}
	cp = peek(s, len, off, &n);
	if (cp == '\n')
		return finish(t, TOK_NEWLINE, off, off + 1, cp);
	if (cp == '\r')
		return finish(t, TOK_NEWLINE, off, off + 1 + (off + 1 < len && s[off + 1] == '\n'), cp);
	if (is_space(cp))
		return scan_space(s, len, off, t);
	if ((cp == 'h' || cp == 'H' || cp == 'w' || cp == 'W') && off + 3 < len &&
	    ((s[off + 1] | 32) == 't' || (s[off + 1] | 32) == 'w') &&
	    (starts_with(s, len, off, "http://") || starts_with(s, len, off, "https://") ||
	     starts_with(s, len, off, "www.")))
		return finish(t, TOK_SKIP, off, chunk_end(s, len, off), cp);
	if ((cp == '#' || cp == '@') && word_char(peek(s, len, off + n, &m)))
		return finish(t, TOK_SKIP, off, chunk_end(s, len, off), cp);
	if (word_char(cp) && !is_mark(cp) && (!legacy_char(cp) || legacy_starts_word(s, len, off))) {
		if (is_digit(cp)) {
			end = scan_number(s, len, off);
			if ((end >= len || !word_char(peek(s, len, end, &m))) &&
			    !(maybe_address(s, len, off) && looks_like_address(s, len, off, &m)))
				return finish(t, TOK_NUMBER, off, end, cp);
		}
		end = scan_word(s, len, off);
		/* an address has its ASCII run end in '.', '@' or '-': test only then */
		if (end < len && (s[end] == '.' || s[end] == '@' || s[end] == '-') &&
		    maybe_address(s, len, off) && looks_like_address(s, len, off, &m))
			return finish(t, TOK_SKIP, off, m, cp);
		return finish(t, TOK_WORD, off, end, cp);
	}
	if (is_mark(cp)) {
		/* a stray mark with no letter before it: a word of its own for the character rule */
		return finish(t, TOK_WORD, off, scan_word(s, len, off), cp);
	}
	if (cp >= 0 && cp != 0xFFFD && cp != 0xFEFF) {
		utf8proc_category_t cat = utf8proc_category(cp);
		if (cat >= UTF8PROC_CATEGORY_PC && cat <= UTF8PROC_CATEGORY_SO)
			return finish(t, TOK_PUNCT, off, off + n, cp);
	}
	return finish(t, TOK_OTHER, off, off + n, cp);
}

size_t token_next(const char *s, size_t len, size_t off, Token *t)
{
	size_t end = token_scan(s, len, off, t);

	if (t->kind == TOK_WORD)
		t->flags = token_flags(s, t->start, t->end);
	return end;
}
