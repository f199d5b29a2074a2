/*
 * render.h: what an article becomes when it is published or exported.
 *
 * Every renderer is a pure function: an Article (and the few facts in RenderOptions, among
 * them the time of rendering) in, text appended to a Str out. Nothing here touches files,
 * the clock or the environment, so the same article always renders to the same bytes and the
 * publisher decides where they go.
 *
 * File names of an export. Each file is named after the article's id, which never changes:
 *   123-bao-so-3-do-bo.html   the page; the slug is the title folded to ASCII (đ -> d, marks
 *                             dropped, lower case), runs of anything else turned into one '-',
 *                             cut at a word boundary to at most 60 bytes; no slug, no dash
 *   123.json                  the ninjs document (no slug: machines look it up by id)
 *   123.md, 123.txt           Markdown and the plain-text format
 * With RenderOptions.slug false the page is plain "123.html". The published site has its own
 * layout (site.h).
 */
#ifndef NEWS_RENDER_H
#define NEWS_RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/str.h"
#include "news/article.h"

/* X(enum, name for export --format, file extension) */
#define RENDER_FORMAT_LIST(X)                 \
	X(RENDER_HTML, "html", "html")        \
	X(RENDER_NINJS, "ninjs", "json")      \
	X(RENDER_MARKDOWN, "md", "md")        \
	X(RENDER_TEXT, "txt", "txt")

typedef enum RenderFormat {
#define X(e, name, ext) e,
	RENDER_FORMAT_LIST(X)
#undef X
	RENDER_FORMAT_COUNT
} RenderFormat;

typedef struct RenderOptions {
	const char *base_uri;  /* public address of the publish folder, "https://bao.vn/tin/"; ""
	                          for relative links only */
	const char *site_name; /* the paper's name for the page title; "" for none */
	int64_t now;           /* the time of rendering, Unix seconds: stands in for unset dates */
	int utc_offset;        /* seconds east of UTC for every date written (Vietnam: +7 h) */
	bool slug;             /* page file names carry a slug of the title */
} RenderOptions;

/* Defaults: no base URI, no site name, UTC+7, slugs on, the given time of rendering. */
void render_options_init(RenderOptions *o, int64_t now);

/* "html", "ninjs", "md", "txt" (also "markdown", "text", "json") -> format; false if unknown. */
bool render_format_parse(const char *name, RenderFormat *f);
const char *render_format_name(RenderFormat f);

/* Appends the file name of a's rendering in format f ("123-bao-so-3.html", "123.json"). */
void render_file_name(const Article *a, RenderFormat f, const RenderOptions *o, Str *out);

/* Appends the ASCII slug of text, at most max bytes ("Bão số 3 đổ bộ" -> "bao-so-3-do-bo"). */
void render_slug(const char *text, size_t max, Str *out);

/* "26/11/2026 14:05", the way Vietnamese papers print a time. */
void render_date_vi(int64_t t, int utc_offset, Str *out);

/* ISO 8601 with the offset: "2026-11-26T14:05:00+07:00". */
void render_date_iso(int64_t t, int utc_offset, Str *out);

/*
 * Splits a byline into the credit kind and the names: "Tin và ảnh: Trần Thị Mai, Lê Hà" ->
 * kind "Tin và ảnh", names "Trần Thị Mai\nLê Hà"; "(Theo TTXVN)" -> "Theo", "TTXVN"; a line
 * with no kind gives only names. Names are split at commas, " và " and " - ".
 */
void render_credit(const char *byline, Str *kind, Str *names);

/* Appends s with & < > " ' escaped for HTML text and attribute values. */
void render_html_escape(const char *s, size_t len, Str *out);

/* The body as HTML paragraphs (<p>, line breaks as <br>), every piece escaped. */
void render_body_html(const char *body, Str *out);

/*
 * A complete HTML5 page (UTF-8, lang="vi"): title, section, date of publication (or of
 * rendering when unpublished), sapo, body paragraphs (<p>, line breaks kept as <br>), byline
 * and tags. Every piece of text is escaped.
 */
void render_html(const Article *a, const RenderOptions *o, Str *out);

/*
 * An IPTC ninjs 3.x document: uri "urn:toasoan:article:ID", type "text", version (a string),
 * versionCreated, firstCreated, pubStatus ("usable" when published, else "withheld"),
 * embargoed (scheduled articles), language "vi", headlines, descriptions (the sapo), bodies
 * (text/plain and text/html), by, subjects (section and tags) and keywords (the tags).
 */
void render_ninjs(const Article *a, const RenderOptions *o, Str *out);

/* Markdown: "# title", the sapo in bold, paragraphs, byline, section, tags and date. */
void render_markdown(const Article *a, const RenderOptions *o, Str *out);

/* Any of the formats; RENDER_TEXT is the article text format (article_format). */
void render(const Article *a, RenderFormat f, const RenderOptions *o, Str *out);

#endif
