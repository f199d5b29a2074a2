/*
 * render.c: HTML, ninjs, Markdown and the index, from an Article.
 *
 * The body is the one structured field: paragraphs separated by one blank line, lines inside
 * a paragraph separated by single newlines (article_text.c guarantees that form). Each output
 * walks it with for_each_paragraph and decides how a paragraph and a line break look. Dates
 * are computed from Unix seconds and an explicit offset with gmtime_r, never from the process
 * time zone, so the output depends on the arguments alone. JSON goes through base/json.h;
 * HTML and Markdown escaping are here.
 */
#include "news/render.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/json.h"
#include "base/xalloc.h"
#include "viet/letter.h"
#include "base/banned.h"

#define SLUG_MAX 60

void render_options_init(RenderOptions *o, int64_t now)
{
	o->base_uri = "";
	o->site_name = "";
	o->now = now;
	o->utc_offset = 7 * 3600;
	o->slug = true;
}

static const char *const format_names[] = {
#define X(e, name, ext) name,
	RENDER_FORMAT_LIST(X)
#undef X
};

static const char *const format_exts[] = {
#define X(e, name, ext) ext,
	RENDER_FORMAT_LIST(X)
#undef X
};

bool render_format_parse(const char *name, RenderFormat *f)
{
	static const struct {
		const char *alias;
		RenderFormat f;
	} aliases[] = {{"markdown", RENDER_MARKDOWN}, {"text", RENDER_TEXT}, {"json", RENDER_NINJS}};

	for (int i = 0; i < RENDER_FORMAT_COUNT; i++) {
		if (strcmp(name, format_names[i]) == 0) {
			*f = (RenderFormat)i;
			return true;
		}
	}
	for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++) {
		if (strcmp(name, aliases[i].alias) == 0) {
			*f = aliases[i].f;
			return true;
		}
	}
	return false;
}

const char *render_format_name(RenderFormat f)
{
	return (unsigned)f < RENDER_FORMAT_COUNT ? format_names[f] : "?";
}

/* ---- names and dates ---- */

void render_slug(const char *text, size_t max, Str *out)
{
	Str folded = STR_INIT;
	size_t start = out->len, last_dash = 0;
	bool mid_word = false;

	viet_fold_str(text, strlen(text), &folded);
	for (size_t i = 0; i < folded.len; i++) {
		char c = folded.s[i];
		bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
		size_t used = out->len - start;
		if (alnum) {
			if ((mid_word = used >= max))
				break;
			str_addc(out, c);
		} else if (used > 0 && out->s[out->len - 1] != '-') {
			if (used + 2 > max)
				break;
			last_dash = out->len;
			str_addc(out, '-');
		}
	}
	/* a slug cut short ends at the last whole word */
	if (mid_word && last_dash > start)
		str_truncate(out, last_dash);
	if (out->len > start && out->s[out->len - 1] == '-')
		str_truncate(out, out->len - 1);
	str_release(&folded);
}

void render_file_name(const Article *a, RenderFormat f, const RenderOptions *o, Str *out)
{
	str_addf(out, "%lld", (long long)a->id);
	if (f == RENDER_HTML && o->slug) {
		Str slug = STR_INIT;
		render_slug(a->title ? a->title : "", SLUG_MAX, &slug);
		if (slug.len)
			str_addf(out, "-%s", slug.s);
		str_release(&slug);
	}
	str_addf(out, ".%s", format_exts[(unsigned)f < RENDER_FORMAT_COUNT ? f : RENDER_TEXT]);
}

static void local_tm(int64_t t, int utc_offset, struct tm *tm)
{
	time_t lt = (time_t)(t + utc_offset);
	if (!gmtime_r(&lt, tm))
		memset(tm, 0, sizeof(*tm));
}

void render_date_vi(int64_t t, int utc_offset, Str *out)
{
	struct tm tm;
	local_tm(t, utc_offset, &tm);
	str_addf(out, "%02d/%02d/%04d %02d:%02d", tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900,
		 tm.tm_hour, tm.tm_min);
}

void render_date_iso(int64_t t, int utc_offset, Str *out)
{
	struct tm tm;
	int off = utc_offset < 0 ? -utc_offset : utc_offset;

	local_tm(t, utc_offset, &tm);
	str_addf(out, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
		 tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, utc_offset < 0 ? '-' : '+',
		 off / 3600, off / 60 % 60);
}

/* ---- credits ---- */

static void trimmed(const char *s, size_t n, Str *out)
{
	while (n && (*s == ' ' || *s == '(' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == ')' || s[n - 1] == '.'))
		n--;
	str_add(out, s, n);
}

/* Names separated by commas, " và " or " - ", one a line into names. */
static void split_names(const char *s, Str *names)
{
	while (*s) {
		const char *cut = strchr(s, ','), *va = strstr(s, " và "), *dash = strstr(s, " - ");
		size_t skip = 1, before = names->len;
		if (va && (!cut || va < cut))
			cut = va, skip = 4;
		if (dash && (!cut || dash < cut))
			cut = dash, skip = 3;
		if (names->len)
			str_addc(names, '\n');
		trimmed(s, cut ? (size_t)(cut - s) : strlen(s), names);
		if (names->len == before + (before ? 1 : 0))
			str_truncate(names, before);
		if (!cut)
			break;
		s = cut + skip;
	}
}

void render_credit(const char *byline, Str *kind, Str *names)
{
	Str folded = STR_INIT, line = STR_INIT;
	const char *colon;

	trimmed(byline ? byline : "", byline ? strlen(byline) : 0, &line);
	viet_fold_str(str_cstr(&line), line.len, &folded);
	colon = strchr(str_cstr(&line), ':');
	if (strncmp(str_cstr(&folded), "theo ", 5) == 0) {
		str_add(kind, line.s, 4);
		trimmed(line.s + 5, line.len - 5, names); /* a source: one name, kept whole */
	} else if (colon && colon - line.s <= 24) {
		trimmed(line.s, (size_t)(colon - line.s), kind);
		split_names(colon + 1, names);
	} else {
		split_names(str_cstr(&line), names);
	}
	str_release(&folded);
	str_release(&line);
}

/* ---- the body ---- */

typedef void (*LineFn)(const char *s, size_t len, bool first_line, void *ctx);

/* Calls para_start, then line for each line, then para_end, for each paragraph of body. */
static void for_each_paragraph(const char *body, void (*para)(bool start, void *ctx), LineFn line,
			       void *ctx)
{
	const char *p = body ? body : "";

	while (*p) {
		const char *end = strstr(p, "\n\n");
		const char *stop = end ? end : p + strlen(p);
		bool first = true;
		para(true, ctx);
		while (p < stop) {
			const char *nl = memchr(p, '\n', (size_t)(stop - p));
			const char *e = nl ? nl : stop;
			line(p, (size_t)(e - p), first, ctx);
			first = false;
			p = nl ? nl + 1 : stop;
		}
		para(false, ctx);
		p = stop;
		while (*p == '\n')
			p++;
	}
}

void render_html_escape(const char *s, size_t len, Str *out)
{
	size_t from = 0;

	for (size_t i = 0; i < len; i++) {
		const char *rep;
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		str_add(out, s + from, i - from);
		str_adds(out, rep);
		from = i + 1;
	}
	str_add(out, s + from, len - from);
}

static void esc(Str *out, const char *s)
{
	render_html_escape(s ? s : "", s ? strlen(s) : 0, out);
}

static void html_para(bool start, void *ctx)
{
	str_adds(ctx, start ? "<p>" : "</p>\n");
}

static void html_line(const char *s, size_t len, bool first, void *ctx)
{
	if (!first)
		str_adds(ctx, "<br>\n");
	render_html_escape(s, len, ctx);
}

/* The body as HTML paragraphs: the page's and ninjs's text/html body. */
static void body_html(const char *body, Str *out)
{
	for_each_paragraph(body, html_para, html_line, out);
}

void render_body_html(const char *body, Str *out)
{
	body_html(body, out);
}

static bool has(const char *s)
{
	return s && s[0];
}

/* ---- HTML ---- */

static void html_head(const Article *a, const RenderOptions *o, Str *out)
{
	str_adds(out, "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
		      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		      "<title>");
	esc(out, a->title);
	if (has(o->site_name)) {
		str_adds(out, " – ");
		esc(out, o->site_name);
	}
	str_adds(out, "</title>\n");
	if (has(a->sapo)) {
		str_adds(out, "<meta name=\"description\" content=\"");
		esc(out, a->sapo);
		str_adds(out, "\">\n");
	}
	if (has(o->base_uri)) {
		Str name = STR_INIT;
		render_file_name(a, RENDER_HTML, o, &name);
		str_adds(out, "<link rel=\"canonical\" href=\"");
		esc(out, o->base_uri);
		esc(out, name.s);
		str_adds(out, "\">\n");
		str_release(&name);
	}
	str_addf(out, "<link rel=\"alternate\" type=\"application/json\" href=\"%lld.json\">\n",
		 (long long)a->id);
	str_adds(out, "<style>body{max-width:42em;margin:2em auto;padding:0 1em;"
		      "font:1.1em/1.6 serif}.sapo{font-weight:bold}"
		      ".meta,.section,.tags{color:#555;font-size:.9em}.byline{text-align:right}"
		      "</style>\n</head>\n");
}

static void html_tags(const char *tags, Str *out)
{
	const char *p = tags;
	bool first = true;

	str_adds(out, "<p class=\"tags\">Từ khóa: ");
	while (*p) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		while (n && *p == ' ') {
			p++;
			n--;
		}
		if (n) {
			str_adds(out, first ? "<span class=\"tag\">" : ", <span class=\"tag\">");
			render_html_escape(p, n, out);
			str_adds(out, "</span>");
			first = false;
		}
		p += n + (comma != NULL);
	}
	str_adds(out, "</p>\n");
}

static void html_byline(const char *byline, Str *out)
{
	Str kind = STR_INIT, names = STR_INIT;

	render_credit(byline, &kind, &names);
	str_adds(out, "<p class=\"byline\">");
	if (kind.len) {
		str_adds(out, "<span class=\"credit\">");
		esc(out, kind.s);
		str_adds(out, strcmp(kind.s, "Theo") == 0 ? "</span> " : ":</span> ");
	}
	for (const char *p = str_cstr(&names); *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (p != names.s)
			str_adds(out, ", ");
		render_html_escape(p, n, out);
		p += n + (nl != NULL);
	}
	str_adds(out, "</p>\n");
	str_release(&kind);
	str_release(&names);
}

void render_html(const Article *a, const RenderOptions *o, Str *out)
{
	html_head(a, o, out);
	str_adds(out, "<body>\n<article>\n<header>\n");
	if (has(a->section)) {
		str_adds(out, "<p class=\"section\">");
		esc(out, a->section);
		str_adds(out, "</p>\n");
	}
	str_adds(out, "<h1>");
	esc(out, a->title);
	str_adds(out, "</h1>\n");
	/* a draft has no time of publication: none is made up */
	if (a->published_at) {
		str_adds(out, "<p class=\"meta\"><time datetime=\"");
		render_date_iso(a->published_at, o->utc_offset, out);
		str_adds(out, "\">");
		render_date_vi(a->published_at, o->utc_offset, out);
		str_adds(out, "</time>");
	}
	if (a->published_at && a->updated_at > a->published_at + 60) {
		str_adds(out, " · Cập nhật <time datetime=\"");
		render_date_iso(a->updated_at, o->utc_offset, out);
		str_adds(out, "\">");
		render_date_vi(a->updated_at, o->utc_offset, out);
		str_adds(out, "</time>");
	}
	if (a->published_at)
		str_adds(out, "</p>\n");
	str_adds(out, "</header>\n");
	if (has(a->sapo)) {
		str_adds(out, "<p class=\"sapo\">");
		esc(out, a->sapo);
		str_adds(out, "</p>\n");
	}
	body_html(a->body, out);
	if (has(a->byline))
		html_byline(a->byline, out);
	if (has(a->tags))
		html_tags(a->tags, out);
	str_adds(out, "</article>\n</body>\n</html>\n");
}

/* ---- ninjs ---- */

static void json_date(Json *j, const char *key, int64_t t, const RenderOptions *o)
{
	Str d = STR_INIT;
	render_date_iso(t ? t : o->now, o->utc_offset, &d);
	json_key(j, key);
	json_str(j, d.s);
	str_release(&d);
}

static void json_role(Json *j, const char *role, const char *type, const char *value)
{
	json_obj(j);
	json_key(j, "role");
	json_str(j, role);
	if (type) {
		json_key(j, "contentType");
		json_str(j, type);
	}
	json_key(j, "value");
	json_str(j, value);
	json_end(j);
}

/* One subject: {"name": "Thời sự", "uri": "urn:toasoan:section:thoi-su"}. */
static void json_subject(Json *j, const char *kind, const char *name, size_t len)
{
	char *copy = xstrndup(name, len);
	Str uri = STR_INIT;

	str_addf(&uri, "urn:toasoan:%s:", kind);
	render_slug(copy, 200, &uri);
	json_obj(j);
	json_key(j, "name");
	json_str(j, copy);
	json_key(j, "uri");
	json_str(j, uri.s);
	json_end(j);
	free(copy);
	str_release(&uri);
}

/* Writes each non-empty, trimmed, comma-separated tag: as a subject, or as a string. */
static void each_tag(const char *tags, Json *j, bool subjects)
{
	const char *p = tags ? tags : "";

	while (*p) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		const char *s = p;
		while (n && *s == ' ') {
			s++;
			n--;
		}
		while (n && s[n - 1] == ' ')
			n--;
		if (n && subjects)
			json_subject(j, "tag", s, n);
		else if (n)
			json_strn(j, s, n);
		p += (size_t)(s - p) + n;
		while (*p == ' ' || *p == ',')
			p++;
	}
}

/* "by": the names only, without the credit kind ("Tin và ảnh:", "Theo"). */
static void ninjs_by(Json *j, const char *byline)
{
	Str kind = STR_INIT, names = STR_INIT, by = STR_INIT;

	render_credit(byline, &kind, &names);
	for (const char *p = str_cstr(&names); *p; p++)
		if (*p == '\n')
			str_adds(&by, ", ");
		else
			str_addc(&by, *p);
	if (by.len) {
		json_key(j, "by");
		json_str(j, by.s);
	}
	str_release(&kind);
	str_release(&names);
	str_release(&by);
}

void render_ninjs(const Article *a, const RenderOptions *o, Str *out)
{
	Json j;
	Str s = STR_INIT;

	json_init(&j, out);
	j.pretty = true;
	json_obj(&j);
	str_addf(&s, "urn:toasoan:article:%lld", (long long)a->id);
	json_key(&j, "uri");
	json_str(&j, s.s);
	json_key(&j, "type");
	json_str(&j, "text");
	str_clear(&s);
	str_addf(&s, "%lld", (long long)(a->version > 0 ? a->version : 1));
	json_key(&j, "version");
	json_str(&j, s.s);
	json_date(&j, "versionCreated", a->updated_at, o);
	json_date(&j, "firstCreated", a->created_at, o);
	json_key(&j, "pubStatus");
	json_str(&j, a->state == STATE_PUBLISHED ? "usable" : "withheld");
	if (a->state == STATE_SCHEDULED && a->publish_at)
		json_date(&j, "embargoed", a->publish_at, o);
	json_key(&j, "language");
	json_str(&j, "vi");
	json_key(&j, "headlines");
	json_arr(&j);
	json_role(&j, "main", NULL, a->title);
	json_end(&j);
	if (has(a->sapo)) {
		json_key(&j, "descriptions");
		json_arr(&j);
		json_role(&j, "summary", "text/plain", a->sapo);
		json_end(&j);
	}
	str_clear(&s);
	body_html(a->body, &s);
	json_key(&j, "bodies");
	json_arr(&j);
	json_role(&j, "main", "text/plain", a->body ? a->body : "");
	json_role(&j, "main", "text/html", s.s ? s.s : "");
	json_end(&j);
	if (has(a->byline))
		ninjs_by(&j, a->byline);
	if (has(a->section) || has(a->tags)) {
		json_key(&j, "subjects");
		json_arr(&j);
		if (has(a->section))
			json_subject(&j, "section", a->section, strlen(a->section));
		each_tag(a->tags, &j, true);
		json_end(&j);
	}
	if (has(a->tags)) {
		json_key(&j, "keywords");
		json_arr(&j);
		each_tag(a->tags, &j, false);
		json_end(&j);
	}
	json_end(&j);
	str_addc(out, '\n');
	str_release(&s);
}

/* ---- Markdown ---- */

/* Appends one line of text with Markdown's active characters escaped. */
static void md_escape(const char *s, size_t len, Str *out)
{
	size_t i = 0;

	/* a line that would open a list, a heading or a quote */
	if (len && strchr("-+>#=", s[0])) {
		str_addc(out, '\\');
	} else {
		while (i < len && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i && i < len && (s[i] == '.' || s[i] == ')')) {
			str_add(out, s, i);
			str_addc(out, '\\');
		} else {
			i = 0;
		}
	}
	for (; i < len; i++) {
		if (strchr("\\`*_[]<>|~", s[i]) && s[i])
			str_addc(out, '\\');
		str_addc(out, s[i]);
	}
}

static void md_text(Str *out, const char *s)
{
	const char *p = s ? s : "";
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		md_escape(p, n, out);
		if (nl)
			str_adds(out, "\\\n");
		p += n + (nl != NULL);
	}
}

static void md_para(bool start, void *ctx)
{
	if (!start)
		str_adds(ctx, "\n\n");
}

static void md_line(const char *s, size_t len, bool first, void *ctx)
{
	size_t sp = 0;
	if (!first)
		str_adds(ctx, "\\\n");
	while (sp < len && s[sp] == ' ')
		sp++; /* leading spaces would make a code block */
	md_escape(s + sp, len - sp, ctx);
}

void render_markdown(const Article *a, const RenderOptions *o, Str *out)
{
	str_adds(out, "# ");
	md_text(out, a->title);
	str_adds(out, "\n\n");
	if (has(a->sapo)) {
		str_adds(out, "**");
		md_text(out, a->sapo);
		str_adds(out, "**\n\n");
	}
	for_each_paragraph(a->body, md_para, md_line, out);
	if (has(a->byline)) {
		str_adds(out, "*");
		md_text(out, a->byline);
		str_adds(out, "*\n\n");
	}
	if (has(a->section)) {
		str_adds(out, "Chuyên mục: ");
		md_text(out, a->section);
		str_adds(out, "  \n");
	}
	if (has(a->tags)) {
		str_adds(out, "Từ khóa: ");
		md_text(out, a->tags);
		str_adds(out, "  \n");
	}
	if (a->published_at) { /* a draft has none */
		str_adds(out, "Đăng lúc: ");
		render_date_vi(a->published_at, o->utc_offset, out);
		str_addc(out, '\n');
	}
}

void render(const Article *a, RenderFormat f, const RenderOptions *o, Str *out)
{
	switch (f) {
	case RENDER_HTML: render_html(a, o, out); break;
	case RENDER_NINJS: render_ninjs(a, o, out); break;
	case RENDER_MARKDOWN: render_markdown(a, o, out); break;
	default: article_format(a, out); break;
	}
}
