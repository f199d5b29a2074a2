/*
 * publish_flush.c: rewriting the stale files of the site from the database (publish.h, step
 * 2); the rebuild (publish_rebuild.c) calls the same pieces for everything. Each kind of
 * stale mark names one small group of files:
 *
 *	a:ID         the article's page and ninjs (or their removal once it is unpublished)
 *	front        index.html, feed.atom, index.json, sitemap.xml, sitemaps/pages.xml
 *	s:FOLDER     a section's index.html and feed.atom
 *	p:FOLDER:N   a section's page N
 *	m:K          sitemaps/K.xml
 *	d:DAY        archive/DATE.json and its month's archive/MONTH.json
 *	t:KIND:SLUG  a tag's or an author's index.html
 *	q:KIND:SLUG:N  a tag's or an author's page N
 *	x:PATH       a changed file publish.after has not yet taken
 *
 * Holding the folder's lock, a flush reads the marks with their generations, rewrites, and
 * unmarks only the generations it read, so a mark made meanwhile by another change survives.
 */
#include "news/publish.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/file.h"
#include "base/xalloc.h"
#include "news/publish_int.h"
#include "news/render.h"
#include "news/site.h"
#include "news/sitedir.h"
#include "base/banned.h"


static bool fail(Flush *f, const char *msg)
{
	if (!f->err[0])
		snprintf(f->err, sizeof(f->err), "%s", msg);
	return false;
}

static bool store_failed(Flush *f)
{
	return fail(f, store_errmsg(f->s));
}

static bool put(Flush *f, const char *rel, const Str *data)
{
	char err[512];

	if (!sitedir_write(f->d, rel, str_cstr(data), data->len, err, sizeof(err)))
		return fail(f, err);
	str_addf(&f->changed, "%s\n", rel);
	return true;
}

static bool drop(Flush *f, const char *rel)
{
	char err[512];

	if (!sitedir_has(f->d, rel))
		return true;
	if (!sitedir_remove(f->d, rel, err, sizeof(err)))
		return fail(f, err);
	str_addf(&f->changed, "%s\n", rel);
	return true;
}

/* ---- setting up ---- */

static char *read_template(const Config *c, const char *name, const char *fallback,
			   const TemplateVars *vars, char *err, size_t errlen)
{
	Str path = STR_INIT, text = STR_INIT;
	char *out = NULL;

	if (!c->templates || !c->templates[0])
		return xstrdup(fallback);
	str_addf(&path, "%s/%s", c->templates, name);
	if (access(path.s, F_OK) != 0 && errno == ENOENT) {
		out = xstrdup(fallback);
	} else if (!file_read(path.s, 256 * 1024, &text, err, errlen)) {
		out = NULL;
	} else if (!vars || template_check(path.s, str_cstr(&text), vars, err, errlen)) {
		out = str_detach(&text);
		if (!out)
			out = xstrdup("");
	}
	str_release(&path);
	str_release(&text);
	return out;
}

bool publish_layout_check(const Config *c, char *err, size_t errlen)
{
	char *layout = read_template(c, "layout.html", site_default_layout(), site_layout_vars(),
				     err, errlen);

	free(layout);
	return layout != NULL;
}

bool flush_open(Flush *f, Store *s, const Config *c, const char *dir, bool create,
		       char *err, size_t errlen)
{
	memset(f, 0, sizeof(*f));
	f->s = s;
	f->layout = read_template(c, "layout.html", site_default_layout(), site_layout_vars(),
				  err, errlen);
	f->style = read_template(c, "style.css", site_default_style(), NULL, err, errlen);
	if (!f->layout || !f->style)
		return false;
	f->url = xstrdup(c->site_url ? c->site_url : "");
	if (f->url[0] && f->url[strlen(f->url) - 1] != '/') {
		char *u = xcalloc(1, strlen(f->url) + 2);
		memcpy(u, f->url, strlen(f->url));
		u[strlen(f->url)] = '/';
		free(f->url);
		f->url = u;
	}
	f->o.url = f->url;
	f->o.name = c->site_name && c->site_name[0] ? c->site_name : "Tin tức";
	f->o.layout = f->layout;
	f->o.utc_offset = publish_utc_offset();
	f->o.now = (int64_t)time(NULL);
	f->d = sitedir_open(dir, create, err, errlen);
	/* a change waits for another change; a rebuild holds the folder much longer, and what
	 * is marked stale meanwhile is left to the run after it */
	return f->d && sitedir_lock(f->d, create ? 15000 : -1, err, errlen);
}

bool flush_commit(Flush *f)
{
	char err[512];

	if (sitedir_commit(f->d, err, sizeof(err)))
		return true;
	return fail(f, err);
}

void flush_close(Flush *f)
{
	sitedir_close(f->d);
	free(f->layout);
	free(f->style);
	free(f->url);
	str_release(&f->changed);
}

/* ---- one mark ---- */

bool flush_article(Flush *f, int64_t id)
{
	SiteItems place = {0};
	Article a;
	Str page = STR_INIT, ninjs = STR_INIT, path = STR_INIT;
	bool found = false, ok;

	article_init(&a);
	ok = store_site_get(f->s, id, site_items_push(&place), &found) &&
	     (!found || store_article_get(f->s, id, &a, &found));
	if (!ok) {
		ok = store_failed(f);
	} else if (found && place.v[0].path[0]) {
		site_ninjs_path(place.v[0].path, id, &path);
		if (a.state == STATE_PUBLISHED && place.v[0].folder[0]) {
			RenderOptions ro;
			render_options_init(&ro, f->o.now);
			ro.utc_offset = f->o.utc_offset;
			ro.site_name = f->o.name;
			site_page_article(&f->o, &a, place.v[0].path, &page);
			render_ninjs(&a, &ro, &ninjs);
			ok = put(f, place.v[0].path, &page) && put(f, path.s, &ninjs);
		} else {
			ok = drop(f, place.v[0].path) && drop(f, path.s);
		}
	}
	article_release(&a);
	site_items_release(&place);
	str_release(&page);
	str_release(&ninjs);
	str_release(&path);
	return ok;
}

static bool list(Flush *f, SiteList which, const char *kind, const char *key, int64_t a,
		 int64_t b, int64_t limit, SiteItems *out)
{
	SiteQuery q = {which, kind, key, a, b, limit};
	return store_site_list(f->s, &q, out) ? true : store_failed(f);
}

static bool put_built(Flush *f, const char *rel, Str *data)
{
	bool ok = put(f, rel, data);
	str_clear(data);
	return ok;
}

static void month_of(int64_t t, int off, int *y, int *m)
{
	time_t lt = (time_t)(t + off);
	struct tm tm;

	if (!gmtime_r(&lt, &tm))
		memset(&tm, 0, sizeof(tm));
	*y = tm.tm_year + 1900;
	*m = tm.tm_mon + 1;
}

/* "2026-12 2026-11 ... " from the newest month to the month of first, newest first. */
static void months(int64_t first, int64_t last, int off, Str *out)
{
	int y, m, fy, fm;

	month_of(last, off, &y, &m);
	month_of(first, off, &fy, &fm);
	while (y > fy || (y == fy && m >= fm)) {
		str_addf(out, "%04d-%02d ", y, m);
		if (--m == 0) {
			m = 12;
			y--;
		}
	}
}

/* Unix time of the first second of local month y-m. */
static int64_t month_start(int y, int m, int off)
{
	struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = 1};
	return (int64_t)timegm(&tm) - off;
}

typedef struct Days {
	int64_t day[32], n[32];
	size_t count;
} Days;

static void add_day(int64_t day, int64_t n, void *ud)
{
	Days *d = ud;
	if (d->count < 32) {
		d->day[d->count] = day;
		d->n[d->count++] = n;
	}
}

static bool flush_month(Flush *f, int y, int m)
{
	Days days = {.count = 0};
	Str body = STR_INIT, name = STR_INIT, rel = STR_INIT;
	int ny = m == 12 ? y + 1 : y, nm = m == 12 ? 1 : m + 1;
	bool ok;

	str_addf(&name, "%04d-%02d", y, m);
	str_addf(&rel, "archive/%s.json", name.s);
	ok = store_site_days(f->s, month_start(y, m, f->o.utc_offset),
			     month_start(ny, nm, f->o.utc_offset), f->o.utc_offset, add_day, &days);
	if (!ok)
		ok = store_failed(f);
	else {
		site_json_month(name.s, days.day, days.n, days.count, &body);
		ok = put(f, rel.s, &body);
	}
	str_release(&body);
	str_release(&name);
	str_release(&rel);
	return ok;
}

static bool flush_sitemap_index(Flush *f, const SiteItems *folders, int64_t max_id)
{
	int64_t *shards = xcalloc((size_t)(max_id / SITE_SHARD) + 1, sizeof(*shards));
	Str body = STR_INIT, rel = STR_INIT;
	size_t n = 0;
	bool ok;

	for (int64_t k = 0; k <= max_id / SITE_SHARD; k++) {
		str_clear(&rel);
		str_addf(&rel, "sitemaps/%lld.xml", (long long)k);
		if (sitedir_has(f->d, rel.s))
			shards[n++] = k;
	}
	site_sitemap_index(&f->o, shards, n, &body);
	ok = put_built(f, "sitemap.xml", &body);
	site_sitemap_pages(&f->o, folders, &body);
	ok = ok && put_built(f, "sitemaps/pages.xml", &body);
	free(shards);
	str_release(&body);
	str_release(&rel);
	return ok;
}

/* index.json and the month files it lists that are missing. */
static bool flush_json(Flush *f, const SiteItems *latest, int64_t first)
{
	Str ms = STR_INIT, body = STR_INIT, rel = STR_INIT;
	bool ok = true;

	if (latest->n)
		months(first, latest->v[0].published_at, f->o.utc_offset, &ms);
	for (const char *p = str_cstr(&ms); *p && ok; p += 8) {
		str_clear(&rel);
		str_addf(&rel, "archive/%.7s.json", p);
		if (!sitedir_has(f->d, rel.s))
			ok = flush_month(f, atoi(p), atoi(p + 5));
	}
	site_json_items(&f->o, latest, str_cstr(&ms), &body);
	ok = ok && put_built(f, "index.json", &body);
	str_release(&ms);
	str_release(&body);
	str_release(&rel);
	return ok;
}

bool flush_front(Flush *f)
{
	SiteItems latest = {0}, folders = {0};
	Str body = STR_INIT, style = STR_INIT;
	int64_t first = 0, max_id = 0;
	bool ok = list(f, SITE_LATEST, NULL, NULL, 0, 0, SITE_FEED_SIZE, &latest) &&
		  (store_site_folders(f->s, &folders) ||
		   store_failed(f)) && (store_site_span(f->s, &first, &max_id) || store_failed(f));

	if (ok) {
		SiteItems top = latest;
		top.n = latest.n < SITE_FRONT_SIZE ? latest.n : SITE_FRONT_SIZE;
		site_page_front(&f->o, &top, &folders, &body);
		ok = put_built(f, "index.html", &body);
		site_atom(&f->o, NULL, f->o.name, &latest, &body);
		ok = ok && put_built(f, "feed.atom", &body) && flush_json(f, &latest, first);
		if (ok && !sitedir_has(f->d, "style.css")) {
			str_adds(&style, f->style);
			ok = put(f, "style.css", &style);
		}
		if (ok && f->url[0])
			ok = flush_sitemap_index(f, &folders, max_id);
	}
	site_items_release(&latest);
	site_items_release(&folders);
	str_release(&body);
	str_release(&style);
	return ok;
}

bool flush_folder(Flush *f, const char *folder)
{
	SiteItems items = {0};
	Str body = STR_INIT, index = STR_INIT, feed = STR_INIT;
	int64_t top = 0, count;
	bool ok = list(f, SITE_FOLDER_LATEST, NULL, folder, 0, 0, SITE_FEED_SIZE, &items) &&
		  (store_site_top_page(f->s, folder, &top, &count) || store_failed(f));

	str_addf(&index, "%s/index.html", folder);
	str_addf(&feed, "%s/feed.atom", folder);
	if (ok && items.n == 0) {
		ok = drop(f, index.s) && drop(f, feed.s);
	} else if (ok) {
		SiteItems first = items;
		first.n = items.n < SITE_PAGE_SIZE ? items.n : SITE_PAGE_SIZE;
		site_page_folder(&f->o, folder, items.v[0].section, &first, 0, top, &body);
		ok = put_built(f, index.s, &body);
		site_atom(&f->o, folder, items.v[0].section[0] ? items.v[0].section : "Khác",
			  &items, &body);
		ok = ok && put_built(f, feed.s, &body);
	}
	site_items_release(&items);
	str_release(&body);
	str_release(&index);
	str_release(&feed);
	return ok;
}

bool flush_page(Flush *f, const char *folder, int64_t page)
{
	SiteItems items = {0}, named = {0};
	Str body = STR_INIT, rel = STR_INIT;
	int64_t top = 0, count;
	bool ok = list(f, SITE_FOLDER_PAGE, NULL, folder, page, 0, 0, &items) &&
		  list(f, SITE_FOLDER_LATEST, NULL, folder, 0, 0, 1, &named) &&
		  (store_site_top_page(f->s, folder, &top, &count) || store_failed(f));

	str_addf(&rel, "%s/%lld.html", folder, (long long)page);
	if (ok && (page < 1 || page > top)) {
		ok = drop(f, rel.s);
	} else if (ok) {
		site_page_folder(&f->o, folder, named.n ? named.v[0].section : "", &items, page,
				 top, &body);
		ok = put(f, rel.s, &body);
	}
	site_items_release(&items);
	site_items_release(&named);
	str_release(&body);
	str_release(&rel);
	return ok;
}

bool flush_shard(Flush *f, int64_t k)
{
	SiteItems items = {0};
	Str body = STR_INIT, rel = STR_INIT;
	bool ok = true;

	str_addf(&rel, "sitemaps/%lld.xml", (long long)k);
	if (!f->url[0])
		ok = drop(f, rel.s);
	else if ((ok = list(f, SITE_IDS, NULL, NULL, k * SITE_SHARD, k * SITE_SHARD + SITE_SHARD - 1,
			    0, &items)) && items.n == 0)
		ok = drop(f, rel.s);
	else if (ok) {
		site_sitemap_urls(&f->o, &items, &body);
		ok = put(f, rel.s, &body);
	}
	site_items_release(&items);
	str_release(&body);
	str_release(&rel);
	return ok;
}

bool flush_day(Flush *f, int64_t day)
{
	SiteItems items = {0};
	Str body = STR_INIT, rel = STR_INIT, name = STR_INIT;
	int64_t from = day * 86400 - f->o.utc_offset;
	bool ok = list(f, SITE_TIMES, NULL, NULL, from, from + 86400, 0, &items);

	site_day_name(day, &name);
	str_addf(&rel, "archive/%s.json", name.s);
	if (ok && items.n == 0)
		ok = drop(f, rel.s);
	else if (ok) {
		site_json_day(&f->o, name.s, &items, &body);
		ok = put(f, rel.s, &body);
	}
	ok = ok && flush_month(f, atoi(name.s), atoi(name.s + 5));
	site_items_release(&items);
	str_release(&body);
	str_release(&rel);
	str_release(&name);
	return ok;
}

bool flush_term(Flush *f, const char *kind, const char *slug)
{
	SiteItems items = {0};
	Str body = STR_INIT, rel = STR_INIT;
	int64_t top = 0, count;
	bool ok = list(f, SITE_TERM, kind, slug, 0, 0, SITE_PAGE_SIZE, &items) &&
		  (store_site_term_top(f->s, kind, slug, &top, &count) || store_failed(f));

	str_addf(&rel, "%s/%s/index.html", site_term_folder(kind), slug);
	if (ok && items.n == 0)
		ok = drop(f, rel.s);
	else if (ok) {
		site_page_term(&f->o, kind, slug, &items, 0, top, &body);
		ok = put(f, rel.s, &body);
	}
	site_items_release(&items);
	str_release(&body);
	str_release(&rel);
	return ok;
}

bool flush_term_page(Flush *f, const char *kind, const char *slug, int64_t page)
{
	SiteItems items = {0};
	Str body = STR_INIT, rel = STR_INIT;
	int64_t top = 0, count;
	bool ok = list(f, SITE_TERM_PAGE, kind, slug, page, 0, 0, &items) &&
		  (store_site_term_top(f->s, kind, slug, &top, &count) || store_failed(f));

	str_addf(&rel, "%s/%s/%lld.html", site_term_folder(kind), slug, (long long)page);
	if (ok && (page < 1 || page > top)) {
		ok = drop(f, rel.s);
	} else if (ok) {
		site_page_term(&f->o, kind, slug, &items, page, top, &body);
		ok = put(f, rel.s, &body);
	}
	site_items_release(&items);
	str_release(&body);
	str_release(&rel);
	return ok;
}

/* q:KIND:SLUG:N, a page of a tag or an author. */
static bool flush_term_mark(Flush *f, const char *rest)
{
	const char *colon = strchr(rest, ':'), *last = strrchr(rest, ':');
	char kind[16], slug[128];

	if (!colon || last == colon || (size_t)(colon - rest) >= sizeof(kind) ||
	    (size_t)(last - colon) > sizeof(slug))
		return true;
	snprintf(kind, sizeof(kind), "%.*s", (int)(colon - rest), rest);
	snprintf(slug, sizeof(slug), "%.*s", (int)(last - colon - 1), colon + 1);
	return flush_term_page(f, kind, slug, atoll(last + 1));
}

/* Rewrites what one mark names; true for a mark this version does not know (dropped). */
bool flush_mark(Flush *f, const char *what)
{
	const char *rest = what + 2, *cut;
	char head[128];
	bool known = what[0] && what[1] == ':';

	if (strcmp(what, "front") == 0)
		return flush_front(f);
	if (!known)
		return true;
	switch (what[0]) {
	case 'a': return flush_article(f, atoll(rest));
	case 's': return flush_folder(f, rest);
	case 'm': return flush_shard(f, atoll(rest));
	case 'd': return flush_day(f, atoll(rest));
	case 'q': return flush_term_mark(f, rest);
	case 'p': cut = strrchr(rest, ':'); break;
	case 't': cut = strchr(rest, ':'); break;
	default: return true;
	}
	if (!cut || (size_t)(cut - rest) >= sizeof(head))
		return true;
	snprintf(head, sizeof(head), "%.*s", (int)(cut - rest), rest);
	return what[0] == 'p' ? flush_page(f, head, atoll(cut + 1)) : flush_term(f, head, cut + 1);
}

/* ---- the flush ---- */

static bool unmark(Store *s, const SiteMark *m, size_t n, const bool *done)
{
	bool ok = store_begin(s);

	for (size_t i = 0; ok && i < n; i++)
		if (done[i])
			ok = store_site_unmark(s, &m[i]);
	ok = ok && store_commit(s);
	if (!ok)
		store_rollback(s);
	return ok;
}

static bool has_marks(Store *s, bool *any)
{
	SiteMark *m;
	size_t n;

	if (!store_site_marks(s, &m, &n))
		return false;
	*any = n > 0;
	site_marks_release(m, n);
	return true;
}

bool publish_flush(Store *s, const Config *c, const char *by, bool quiet_if_busy, char *err,
		   size_t errlen)
{
	char *dir;
	Flush f;
	SiteMark *m = NULL;
	size_t n = 0;
	bool *done = NULL, any = false, ok;

	if (!has_marks(s, &any) || !any) {
		if (!any)
			return true;
		snprintf(err, errlen, "%s", store_errmsg(s));
		return false;
	}
	dir = config_publish_dir(c);
	ok = flush_open(&f, s, c, dir, true, err, errlen);
	if (!ok && errno == EWOULDBLOCK && quiet_if_busy) {
		flush_close(&f);
		free(dir);
		return true;
	}
	if (ok && !store_site_marks(s, &m, &n))
		ok = store_failed(&f);
	done = xcalloc(n + 1, sizeof(*done));
	for (size_t i = 0; ok && i < n; i++)
		done[i] = strncmp(m[i].what, "x:", 2) != 0 && flush_mark(&f, m[i].what);
	if (ok && !flush_commit(&f))
		memset(done, 0, n * sizeof(*done)); /* all of it again next time */
	if (ok && !unmark(s, m, n, done))
		store_failed(&f);
	if (ok)
		ok = publish_after_run(&f, c, by) && !f.err[0];
	if (f.err[0])
		snprintf(err, errlen, "%s", f.err);
	flush_close(&f);
	site_marks_release(m, n);
	free(done);
	free(dir);
	return ok;
}
