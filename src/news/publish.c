/*
 * publish.c: what a change of an article makes stale on the site (publish_note), and export
 * rendering. The rewriting itself is in publish_flush.c.
 */
#include "news/publish.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "news/publish_int.h"
#include "news/render.h"
#include "news/site.h"
#include "news/sitedir.h"
#include "news/msg.h"
#include "base/banned.h"

int publish_utc_offset(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return (int)tm.tm_gmtoff;
}

int64_t publish_day(int64_t t, int utc_offset)
{
	int64_t x = t + utc_offset;
	return x >= 0 ? x / 86400 : (x - 86399) / 86400;
}

static bool mark(Store *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static bool mark(Store *s, const char *fmt, ...)
{
	char key[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(key, sizeof(key), fmt, ap);
	va_end(ap);
	return store_site_mark(s, key);
}

/* Everything that lists an article placed in folder on page, first published on day. */
static bool mark_listings(Store *s, int64_t id, const char *folder, int64_t page, int64_t day)
{
	return mark(s, "a:%lld", (long long)id) && mark(s, "front") &&
	       mark(s, "s:%s", folder) && mark(s, "p:%s:%lld", folder, (long long)page) &&
	       (page <= 1 || mark(s, "p:%s:%lld", folder, (long long)page - 1)) &&
	       mark(s, "m:%lld", (long long)(id / SITE_SHARD)) && mark(s, "d:%lld", (long long)day);
}

/* The page of a tag or name the article goes on: the one it was on (old), else the last,
 * else a new one when the last is full. */
static bool term_page(Store *s, const SiteItems *old, const char *kind, const char *slug,
		      int64_t *page)
{
	int64_t top, count;

	for (size_t i = 0; i < old->n; i++)
		if (strcmp(old->v[i].folder, kind) == 0 && strcmp(old->v[i].title, slug) == 0) {
			*page = old->v[i].page;
			return true;
		}
	if (!store_site_term_top(s, kind, slug, &top, &count))
		return false;
	*page = top == 0 ? 1 : count >= SITE_PAGE_SIZE ? top + 1 : top;
	return true;
}

static bool add_term(Store *s, const Article *a, const SiteItems *old, const char *kind,
		     const char *name, bool marks)
{
	Str slug = STR_INIT;
	int64_t page = 0;
	bool ok = true;

	render_slug(name, 60, &slug);
	if (slug.len)
		ok = term_page(s, old, kind, slug.s, &page) &&
		     store_site_term_add(s, a->id, a->published_at, kind, slug.s, name, page) &&
		     (!marks || (mark(s, "t:%s:%s", kind, slug.s) &&
				 mark(s, "q:%s:%s:%lld", kind, slug.s, (long long)page) &&
				 (page <= 1 || mark(s, "q:%s:%s:%lld", kind, slug.s,
						     (long long)page - 1))));
	str_release(&slug);
	return ok;
}

/* The tags and credited names of a, as site_terms rows and stale marks. */
static bool add_terms(Store *s, const Article *a, const SiteItems *old, bool marks)
{
	static const char *const kinds[] = {"tag", "author"};
	bool ok = true;

	for (int k = 0; k < 2 && ok; k++) {
		Str all = STR_INIT;
		site_terms_of(kinds[k], a->tags, a->byline, &all);
		for (const char *p = str_cstr(&all); *p && ok;) {
			const char *nl = strchr(p, '\n');
			char name[512];
			size_t n = nl ? (size_t)(nl - p) : strlen(p);
			snprintf(name, sizeof(name), "%.*s", (int)n, p);
			ok = add_term(s, a, old, kinds[k], name, marks);
			p += n + (nl != NULL);
		}
		str_release(&all);
	}
	return ok;
}

/* The page of folder a newly listed article goes on: the last, or a new one when it is full. */
static bool new_page(Store *s, const char *folder, int64_t *page)
{
	int64_t top, count;

	if (!store_site_top_page(s, folder, &top, &count))
		return false;
	*page = top == 0 ? 1 : count >= SITE_PAGE_SIZE ? top + 1 : top;
	return true;
}

/* Places the published article a (was: its placement before) and marks what lists it
 * (marks: not for a rebuild, which writes everything). */
static bool place(Store *s, const Article *a, const SiteItem *was, bool was_listed, int off,
		  const SiteItems *old_terms, bool marks, Str *path)
{
	Str folder = STR_INIT;
	int64_t page = was->page;
	bool ok = true;

	if (was->path[0])
		str_adds(path, was->path);
	else
		site_article_path(a->id, a->title, a->published_at, off, path);
	site_folder(a->section, &folder);
	if (!was_listed || strcmp(was->folder, folder.s) != 0)
		ok = new_page(s, folder.s, &page);
	ok = ok && store_site_place(s, a->id, path->s, folder.s, page) && add_terms(s, a, old_terms, marks) &&
	     (!marks || mark_listings(s, a->id, folder.s, page, publish_day(a->published_at, off)));
	str_release(&folder);
	return ok;
}

/* The page and ninjs of a can be written: nothing of someone else's in the way, and the
 * layout they are written with is well formed. */
static bool probe(const Config *c, const char *path, int64_t id, char *err, size_t errlen)
{
	char *dir = config_publish_dir(c);
	SiteDir *d = sitedir_open(dir, true, err, errlen);
	Str ninjs = STR_INIT;
	bool ok;

	site_ninjs_path(path, id, &ninjs);
	ok = d && sitedir_probe(d, path, err, errlen) && sitedir_probe(d, ninjs.s, err, errlen) &&
	     publish_layout_check(c, err, errlen);
	sitedir_close(d);
	str_release(&ninjs);
	free(dir);
	return ok;
}

bool publish_note(Store *s, const Config *c, const Article *before, char *err, size_t errlen)
{
	return publish_place(s, c, before, true, true, err, errlen);
}

bool publish_place(Store *s, const Config *c, const Article *before, bool check, bool marks,
		   char *err, size_t errlen)
{
	SiteItems was = {0}, old_terms = {0};
	Article now;
	Str path = STR_INIT;
	int off = publish_utc_offset();
	bool found = false, ok, listed;

	article_init(&now);
	ok = store_site_get(s, before->id, site_items_push(&was), &found) && found &&
	     store_article_get(s, before->id, &now, &found) && found;
	listed = ok && before->state == STATE_PUBLISHED && was.v[0].folder[0];
	if (ok && listed)
		ok = mark_listings(s, before->id, was.v[0].folder, was.v[0].page,
				   publish_day(before->published_at, off));
	ok = ok && store_site_terms_of(s, before->id, &old_terms) &&
	     store_site_terms_clear(s, before->id);
	if (ok && now.state == STATE_PUBLISHED)
		ok = place(s, &now, &was.v[0], listed, off, &old_terms, marks, &path);
	else if (ok)
		ok = store_site_place(s, before->id, was.v[0].path, NULL, 0) &&
		     mark(s, "a:%lld", (long long)before->id);
	if (!ok)
		snprintf(err, errlen, "%s", found ? store_errmsg(s) : "the article is gone");
	else if (path.len && check)
		ok = probe(c, path.s, now.id, err, errlen);
	article_release(&now);
	site_items_release(&was);
	site_items_release(&old_terms);
	str_release(&path);
	return ok;
}

bool publish_articles(Store *s, const Config *c, const char *by, const int64_t *ids, size_t n,
		      char *err, size_t errlen)
{
	bool ok = store_begin(s);

	err[0] = '\0';
	for (size_t i = 0; ok && i < n; i++) {
		Article before;
		article_init(&before);
		before.id = ids[i];
		before.state = STATE_DRAFT; /* listed nowhere yet */
		ok = publish_place(s, c, &before, false, true, err, errlen);
		article_release(&before);
	}
	if (ok && !store_commit(s))
		ok = false;
	if (!ok) {
		if (!err[0])
			snprintf(err, errlen, "%s", store_errmsg(s));
		store_rollback(s);
		return false;
	}
	return publish_flush(s, c, by, false, err, errlen);
}

bool publish_render(const Article *a, const char *format, Str *out, char *err, size_t errlen)
{
	RenderFormat f;
	RenderOptions o;

	if (!render_format_parse(format, &f)) {
		snprintf(err, errlen, msg_say("unknown format '%s': use ninjs, html, md or txt"),
		         format);
		return false;
	}
	render_options_init(&o, (int64_t)time(NULL));
	o.utc_offset = publish_utc_offset();
	render(a, f, &o, out);
	return true;
}
