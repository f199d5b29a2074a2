/*
 * site.h: the published site as text. Pure functions, like render.h: items and options in,
 * bytes out; publish.c decides when each file is written.
 *
 * Layout of the publish folder (every link between pages is relative, so the folder works
 * under any address and from a disk):
 *
 *	index.html                 front page: the latest articles with their leads, the sections
 *	style.css                  the one stylesheet
 *	feed.atom                  Atom 1.0, the latest 50
 *	sitemap.xml                sitemap index of sitemaps/pages.xml and sitemaps/K.xml
 *	                           (articles K*1000 .. K*1000+999); only with publish.url
 *	index.json                 the latest 50 and the list of months
 *	archive/2026-12.json       the days of a month; archive/2026-12-04.json one day's articles
 *	SECTION/index.html         a section's latest 20; SECTION/N.html its pages, 1 the oldest
 *	SECTION/feed.atom          the section's latest 50
 *	chu-de/TAG/index.html      the latest 20 with a tag, and chu-de/TAG/N.html its pages;
 *	                           tac-gia/NAME/... the same for a name in bylines
 *	2026/12/04/15-slug.html    an article: date and id of its first publication, never moved
 *	2026/12/04/15.json         its IPTC ninjs document
 */
#ifndef NEWS_SITE_H
#define NEWS_SITE_H

#include <stdbool.h>
#include <stdint.h>

#include "base/str.h"
#include "news/article.h"
#include "news/site_item.h"
#include "news/template.h"

#define SITE_PAGE_SIZE 20   /* articles on a section page */
#define SITE_FRONT_SIZE 30  /* on the front page */
#define SITE_FEED_SIZE 50   /* in a feed, in index.json, on a tag or author page */
#define SITE_SHARD 1000     /* article ids per sitemap file */

typedef struct SiteOptions {
	const char *url;    /* public address ending in '/', or "" */
	const char *name;   /* the paper's name */
	const char *layout; /* the layout template (site_layout_vars) */
	int utc_offset;     /* seconds east of UTC for dates and day boundaries */
	int64_t now;
} SiteOptions;

/* The names a layout may use: title, site_name, site_url, root, year, and raw head, content. */
const TemplateVars *site_layout_vars(void);
const char *site_default_layout(void);
const char *site_default_style(void);

/* "2026/12/04/15-bao-so-3.html" for an article first published at t. */
void site_article_path(int64_t id, const char *title, int64_t t, int utc_offset, Str *out);
/* The ninjs document beside a page path: "2026/12/04/15.json". */
void site_ninjs_path(const char *page_path, int64_t id, Str *out);
/* The folder of a section: its slug, never a name the site uses itself ("khac" for none). */
void site_folder(const char *section, Str *out);


/* Pages. */
void site_page_article(const SiteOptions *o, const Article *a, const char *path, Str *out);
void site_page_front(const SiteOptions *o, const SiteItems *latest, const SiteItems *folders,
		     Str *out);
/* page 0: the section's index.html; else page N of top. */
void site_page_folder(const SiteOptions *o, const char *folder, const char *name,
		      const SiteItems *items, int64_t page, int64_t top, Str *out);
/* kind "tag" or "author"; page 0: its index.html (the latest), else page N of top. */
void site_page_term(const SiteOptions *o, const char *kind, const char *slug,
		    const SiteItems *items, int64_t page, int64_t top, Str *out);
const char *site_term_folder(const char *kind);
/* The tags (kind "tag") or credited names ("author") of an article, one a line. */
void site_terms_of(const char *kind, const char *tags, const char *byline, Str *out);
/* The name among it's tags or names whose slug is slug, appended to out; false if none. */
bool site_term_name(const char *kind, const char *slug, const SiteItem *it, Str *out);

/* Feeds and indexes (site_feed.c). */
void site_atom(const SiteOptions *o, const char *folder, const char *title,
	       const SiteItems *items, Str *out);
void site_sitemap_urls(const SiteOptions *o, const SiteItems *items, Str *out);
void site_sitemap_pages(const SiteOptions *o, const SiteItems *folders, Str *out);
void site_sitemap_index(const SiteOptions *o, const int64_t *shards, size_t n, Str *out);
void site_json_items(const SiteOptions *o, const SiteItems *items, const char *months, Str *out);
void site_json_month(const char *month, const int64_t *days, const int64_t *counts, size_t n,
		     Str *out);
void site_json_day(const SiteOptions *o, const char *date, const SiteItems *items, Str *out);
/* "2026-12-04" for a day number (days since 1970 in local time). */
void site_day_name(int64_t day, Str *out);

#endif
