/*
 * article_text.c: the plain-text article format (import, new, export --format txt).
 *
 * Parsing works on a cleaned copy of the input: validated, BOM dropped, NFC, every line
 * ending turned into LF. That copy is cut into lines with their trailing white space already
 * trimmed, so "blank" simply means length 0. The header block, when there is one, is a run of
 * "Key: value" lines whose keys are recognised after folding (lower case, no diacritics), so
 * "Từ khóa", "Từ khoá", "TU KHOA" and "Tags" are one key; a line that starts with white space
 * continues the value above it. Body paragraphs are kept line for line, with runs of blank
 * lines reduced to one. The canonical form the formatter writes always carries all five keys
 * (an empty "Tác giả:" included, so that a last body line that looks like a byline stays in
 * the body), which is what makes parse(format(a)) give a back.
 */
#include "news/article.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/when.h"
#include "base/xalloc.h"
#include "viet/letter.h"
#include "news/msg.h"
#include "base/banned.h"

/* The text fields the header can set, in the order the formatter writes them. */
enum { F_TITLE, F_SAPO, F_BYLINE, F_SECTION, F_TAGS, F_DATE, F_COUNT };

/* F_DATE is read, never written: an archive's original publishing date, for an import. */
static const char *const field_label[F_COUNT] = {
	"Tiêu đề", "Sapo", "Tác giả", "Chuyên mục", "Từ khóa", "Ngày đăng",
};

/* Folded key -> field. Folding makes both tone placements and missing diacritics equal. */
static const struct {
	const char *key;
	int field;
} header_keys[] = {
	{"tieu de", F_TITLE},     {"title", F_TITLE},      {"tua de", F_TITLE},
	{"headline", F_TITLE},    {"sapo", F_SAPO},        {"lead", F_SAPO},
	{"tom tat", F_SAPO},      {"tac gia", F_BYLINE},   {"byline", F_BYLINE},
	{"author", F_BYLINE},     {"chuyen muc", F_SECTION}, {"section", F_SECTION},
	{"tu khoa", F_TAGS},      {"tags", F_TAGS},        {"keywords", F_TAGS},
	{"ngay dang", F_DATE},    {"date", F_DATE},        {"published", F_DATE},
};

typedef struct Line {
	const char *s;
	size_t len; /* trailing white space excluded */
} Line;

typedef struct Lines {
	Line *v;
	size_t n, cap;
} Lines;

/* ---- cleaning the input ---- */

static bool refuse_bytes(const char *text, size_t len, char *err, size_t errlen)
{
	size_t bad;
	const char *nul;

	if (len == 0) {
		snprintf(err, errlen, msg_say("the file is empty"));
		return true;
	}
	if (len > ARTICLE_MAX_BYTES) {
		snprintf(err, errlen, msg_say("the file is larger than %u MiB"),
		         ARTICLE_MAX_BYTES >> 20);
		return true;
	}
	if ((nul = memchr(text, 0, len)) != NULL) {
		snprintf(err, errlen, msg_say("the file has a NUL byte at offset %zu"),
		         (size_t)(nul - text));
		return true;
	}
	if (!utf8_valid(text, len, &bad)) {
		snprintf(err, errlen, msg_say("invalid UTF-8 at byte %zu"), bad);
		return true;
	}
	for (size_t i = 0; i < len;) {
		int32_t cp;
		size_t k = utf8_decode(text + i, len - i, &cp);
		bool control = (cp < 0x20 && !strchr("\t\n\v\f\r", (int)cp)) || cp == 0x7F ||
			       (cp >= 0x80 && cp < 0xA0);
		if (control) {
			snprintf(
			    err, errlen,
			    msg_say("the file is not text: control character U+%04X at byte %zu"),
			    (unsigned)cp, i);
			return true;
		}
		i += k;
	}
	return false;
}

/* NFC, without a BOM, with LF line endings. */
static void clean_text(const char *text, size_t len, Str *out)
{
	Str nfc = STR_INIT;

	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	utf8_nfc(text, len, &nfc);
	for (size_t i = 0; i < nfc.len; i++) {
		char c = nfc.s[i];
		if (c == '\r') {
			str_addc(out, '\n');
			if (i + 1 < nfc.len && nfc.s[i + 1] == '\n')
				i++;
		} else {
			str_addc(out, c);
		}
	}
	str_release(&nfc);
}

/* Length of s without trailing spaces, tabs, form feeds and no-break spaces. */
static size_t rtrim_len(const char *s, size_t len)
{
	for (;;) {
		if (len && strchr(" \t\v\f", s[len - 1]))
			len--;
		else if (len >= 2 && (unsigned char)s[len - 2] == 0xC2 && (unsigned char)s[len - 1] == 0xA0)
			len -= 2;
		else
			return len;
	}
}

static void split_lines(const char *s, size_t len, Lines *l)
{
	size_t start = 0;

	for (size_t i = 0; i <= len; i++) {
		if (i < len && s[i] != '\n')
			continue;
		if (i == len && start == len)
			break;
		xgrow(&l->v, &l->cap, l->n + 1, sizeof(*l->v));
		l->v[l->n].s = s + start;
		l->v[l->n].len = rtrim_len(s + start, i - start);
		l->n++;
		start = i + 1;
	}
}

static size_t ltrim(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* ---- the header block ---- */

/* The field a "Key: value" line sets, or -1; *value is set past the colon and spaces. */
static int header_field(Line ln, Line *value)
{
	const char *colon = memchr(ln.s, ':', ln.len);
	Str folded = STR_INIT, key = STR_INIT;
	int field = -1;

	if (!colon || colon == ln.s || colon - ln.s > 40 || ln.s[0] == ' ' || ln.s[0] == '\t')
		return -1;
	viet_fold_str(ln.s, (size_t)(colon - ln.s), &folded);
	/* collapse white space so "Từ  khóa" and "Tác giả " match */
	for (size_t i = 0; i < folded.len; i++) {
		bool sp = folded.s[i] == ' ' || folded.s[i] == '\t';
		if (!sp)
			str_addc(&key, folded.s[i]);
		else if (key.len && i + 1 < folded.len && folded.s[i + 1] != ' ' && folded.s[i + 1] != '\t')
			str_addc(&key, ' ');
	}
	for (size_t i = 0; i < sizeof(header_keys) / sizeof(header_keys[0]); i++)
		if (strcmp(str_cstr(&key), header_keys[i].key) == 0)
			field = header_keys[i].field;
	value->s = colon + 1;
	value->len = ln.len - (size_t)(colon + 1 - ln.s);
	size_t sp = ltrim(value->s, value->len);
	value->s += sp;
	value->len -= sp;
	str_release(&folded);
	str_release(&key);
	return field;
}

/* Tags: split on commas and semicolons, trimmed, empty ones dropped, joined with ", ". */
static void normalise_tags(const char *s, Str *out)
{
	size_t len = strlen(s), start = 0;

	for (size_t i = 0; i <= len; i++) {
		if (i < len && s[i] != ',' && s[i] != ';' && s[i] != '\n')
			continue;
		size_t b = start + ltrim(s + start, i - start);
		size_t e = b + rtrim_len(s + b, i - b);
		if (e > b) {
			if (out->len)
				str_adds(out, ", ");
			str_add(out, s + b, e - b);
		}
		start = i + 1;
	}
}

typedef struct Parse {
	Str field[F_COUNT];
	bool given[F_COUNT];
	int last;         /* field of the previous header line, for continuations; -1 none */
	size_t title_line;
	size_t date_line;
} Parse;

/* Reads the header block from line i; returns the first line of the body, or SIZE_MAX. */
static size_t parse_header(const Lines *l, size_t i, Parse *p, char *err, size_t errlen)
{
	for (p->last = -1; i < l->n; i++) {
		Line ln = l->v[i], value;
		int f;
		if (ln.len == 0)
			return i + 1;
		if (p->last >= 0 && (ln.s[0] == ' ' || ln.s[0] == '\t')) {
			size_t sp = ltrim(ln.s, ln.len);
			Str *dst = &p->field[p->last];
			if (dst->len)
				str_addc(dst, p->last == F_SAPO ? '\n' : ' ');
			str_add(dst, ln.s + sp, ln.len - sp);
			continue;
		}
		if ((f = header_field(ln, &value)) < 0)
			return i; /* no blank line before the body: the body starts here */
		if (p->given[f]) {
			snprintf(err, errlen, msg_say("line %zu: '%s' is given twice"), i + 1,
			         field_label[f]);
			return SIZE_MAX;
		}
		p->given[f] = true;
		p->last = f;
		if (f == F_TITLE)
			p->title_line = i + 1;
		if (f == F_DATE)
			p->date_line = i + 1;
		str_add(&p->field[f], value.s, value.len);
	}
	return i;
}

/* ---- the body and its byline ---- */

/* Appends lines [from, to) as paragraphs: no blank lines at either end, runs of them cut to one. */
static void join_body(const Lines *l, size_t from, size_t to, Str *body)
{
	bool gap = false;

	for (size_t i = from; i < to; i++) {
		if (l->v[i].len == 0) {
			gap = body->len > 0;
			continue;
		}
		if (body->len)
			str_adds(body, gap ? "\n\n" : "\n");
		gap = false;
		str_add(body, l->v[i].s, l->v[i].len);
	}
}

static size_t count_words(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
			n++;
	return n;
}

/* "Theo" starts a byline only before a name or a source: "Theo TTXVN", "Theo báo Nhân Dân". */
static bool theo_source(const char *rest, const char *folded_rest)
{
	static const char *const sources[] = {"bao ", "dai ", "hang ", "tap chi ", "trang ", "tin "};
	int32_t cp;

	if (utf8_decode(rest, strlen(rest), &cp) && (utf8_is_upper(cp) || (cp >= '0' && cp <= '9')))
		return true;
	for (size_t i = 0; i < sizeof(sources) / sizeof(sources[0]); i++)
		if (strncmp(folded_rest, sources[i], strlen(sources[i])) == 0)
			return true;
	return false;
}

/* Byline openings, folded; words > 0 means the name follows that many words, else a colon. */
static const struct {
	const char *prefix;
	int words;
} byline_openings[] = {
	{"tin, anh:", 0}, {"tin - anh:", 0}, {"tin va anh:", 0}, {"tin & anh:", 0},
	{"tin/anh:", 0},  {"bai, anh:", 0},  {"bai va anh:", 0}, {"bai & anh:", 0},
	{"bai/anh:", 0},  {"bai - anh:", 0}, {"tin:", 0},        {"anh:", 0},
	{"bai:", 0},      {"nhom phong vien ", 3}, {"nhom pv ", 2}, {"theo ", 1},
};

/* Byte offset in s just past its first n space-separated words and the spaces after them. */
static size_t skip_words(const char *s, size_t len, int n)
{
	size_t i = 0;
	for (int w = 0; w < n; w++) {
		while (i < len && s[i] != ' ')
			i++;
		i += ltrim(s + i, len - i);
	}
	return i;
}

/* True if line (trimmed, one line) reads as a byline: "Tin, ảnh: Trần Thị Mai", "(Theo TTXVN)". */
static bool looks_like_byline(const char *s, size_t len)
{
	Str folded = STR_INIT;
	bool ok = false;

	if (len && s[0] == '(' && s[len - 1] == ')') {
		s++;
		len -= 2;
	}
	if (len == 0 || len > 160 || count_words(s, len) >= 12 || strchr(".!?;,:", s[len - 1]))
		return false;
	viet_fold_str(s, len, &folded);
	for (size_t i = 0; i < sizeof(byline_openings) / sizeof(byline_openings[0]) && !ok; i++) {
		const char *pre = byline_openings[i].prefix;
		size_t n = strlen(pre), at;
		if (folded.len <= n || strncmp(folded.s, pre, n) != 0)
			continue;
		if (byline_openings[i].words) {
			at = skip_words(s, len, byline_openings[i].words);
		} else {
			at = (size_t)((const char *)memchr(s, ':', len) - s) + 1;
			at += ltrim(s + at, len - at);
		}
		ok = at < len && (strcmp(pre, "theo ") != 0 || theo_source(s + at, folded.s + n));
	}
	str_release(&folded);
	return ok;
}

/* Moves a byline-looking last line of body into byline. */
static void take_byline(Str *body, Str *byline)
{
	const char *nl;
	size_t start, sp;

	if (body->len == 0)
		return;
	nl = memrchr(body->s, '\n', body->len);
	start = nl ? (size_t)(nl - body->s) + 1 : 0;
	sp = ltrim(body->s + start, body->len - start);
	if (!looks_like_byline(body->s + start + sp, body->len - start - sp))
		return;
	str_add(byline, body->s + start + sp, body->len - start - sp);
	while (start > 0 && body->s[start - 1] == '\n')
		start--;
	str_truncate(body, start);
}

/*
 * The publishing date of an archived article: "YYYY-MM-DD", "DD/MM/YYYY", either with
 * " HH:MM[:SS]" (local time), or ISO 8601 with an offset. A date alone is midnight.
 */
static bool parse_date(const Parse *p, int64_t *out, char *err, size_t errlen)
{
	const char *v = str_cstr(&p->field[F_DATE]);
	char buf[64];
	int d, m, y, n = 0;

	if (sscanf(v, "%2d/%2d/%4d%n", &d, &m, &y, &n) == 3 && n >= 8)
		snprintf(buf, sizeof(buf), "%04d-%02d-%02d%s", y, m, d, v + n);
	else
		snprintf(buf, sizeof(buf), "%s", v);
	if (strlen(v) < 40 && when_parse(buf, when_now(), out))
		return true;
	snprintf(err, errlen, msg_say("line %zu: '%s' is not a date: write YYYY-MM-DD [HH:MM] or "
				      "DD/MM/YYYY [HH:MM]"), p->date_line, field_label[F_DATE]);
	return false;
}

/* ---- the entry points ---- */

/*
 * titled: the title comes from elsewhere (new --title), so a header need not carry one and
 * plain text is all body: its first line is not taken as the title.
 */
static bool parse_lines(const Lines *l, Parse *p, bool titled, Str *body, char *err,
			size_t errlen)
{
	size_t first = 0, from;
	Line value;

	while (first < l->n && l->v[first].len == 0)
		first++;
	if (first == l->n) {
		snprintf(err, errlen, msg_say("the file has only white space"));
		return false;
	}
	if (header_field(l->v[first], &value) >= 0) {
		from = parse_header(l, first, p, err, errlen);
		if (from == SIZE_MAX)
			return false;
		if (!titled && !p->given[F_TITLE]) {
			snprintf(err, errlen, msg_say("no title: the header has no 'Tiêu đề' line"));
			return false;
		}
		if (!titled && p->field[F_TITLE].len == 0) {
			snprintf(err, errlen, msg_say("no title: 'Tiêu đề' is empty on line %zu"),
				 p->title_line);
			return false;
		}
	} else if (titled) {
		from = first;
	} else {
		size_t sp = ltrim(l->v[first].s, l->v[first].len);
		str_add(&p->field[F_TITLE], l->v[first].s + sp, l->v[first].len - sp);
		from = first + 1;
	}
	join_body(l, from, l->n, body);
	if (!p->given[F_BYLINE])
		take_byline(body, &p->field[F_BYLINE]);
	return true;
}

static bool parse(const char *text, size_t len, const char *title, Article *out, char *err,
		  size_t errlen)
{
	Str clean = STR_INIT, body = STR_INIT, tags = STR_INIT;
	Lines lines = {NULL, 0, 0};
	Parse p;
	bool ok = false;

	memset(&p, 0, sizeof(p));
	if (refuse_bytes(text, len, err, errlen))
		return false;
	clean_text(text, len, &clean);
	split_lines(str_cstr(&clean), clean.len, &lines);
	if (!parse_lines(&lines, &p, title != NULL, &body, err, errlen))
		goto fail;
	if (title) {
		str_clear(&p.field[F_TITLE]);
		str_adds(&p.field[F_TITLE], title);
	}
	out->published_at = 0;
	if (p.given[F_DATE] && p.field[F_DATE].len &&
	    !parse_date(&p, &out->published_at, err, errlen))
		goto fail;
	normalise_tags(str_cstr(&p.field[F_TAGS]), &tags);
	article_set(&out->title, str_cstr(&p.field[F_TITLE]));
	article_set(&out->sapo, str_cstr(&p.field[F_SAPO]));
	article_set(&out->body, str_cstr(&body));
	article_set(&out->byline, str_cstr(&p.field[F_BYLINE]));
	article_set(&out->section, str_cstr(&p.field[F_SECTION]));
	article_set(&out->tags, str_cstr(&tags));
	out->words = article_count_words(out);
	ok = true;
fail:
	for (int f = 0; f < F_COUNT; f++)
		str_release(&p.field[f]);
	str_release(&clean);
	str_release(&body);
	str_release(&tags);
	free(lines.v);
	return ok;
}

bool article_parse(const char *text, size_t len, Article *out, char *err, size_t errlen)
{
	return parse(text, len, NULL, out, err, errlen);
}

bool article_parse_titled(const char *text, size_t len, const char *title, Article *out,
			  char *err, size_t errlen)
{
	return parse(text, len, title, out, err, errlen);
}

/* One header line; further lines of a multi-line value are indented to continue it. */
static void format_field(Str *out, int f, const char *value)
{
	const char *v = value ? value : "";
	bool first = true;

	str_adds(out, field_label[f]);
	str_addc(out, ':');
	while (*v) {
		const char *nl = strchr(v, '\n');
		size_t n = nl ? (size_t)(nl - v) : strlen(v);
		size_t sp = ltrim(v, n);
		size_t e = sp + rtrim_len(v + sp, n - sp);
		if (e > sp) {
			str_adds(out, first ? " " : "\n  ");
			str_add(out, v + sp, e - sp);
			first = false;
		}
		v += n + (nl != NULL);
	}
	str_addc(out, '\n');
}

void article_format(const Article *a, Str *out)
{
	const char *fields[F_DATE] = {a->title, a->sapo, a->byline, a->section, a->tags};

	for (int f = 0; f < F_DATE; f++)
		format_field(out, f, fields[f]);
	str_addc(out, '\n');
	if (a->body && a->body[0]) {
		str_adds(out, a->body);
		if (out->s[out->len - 1] != '\n')
			str_addc(out, '\n');
	}
}
