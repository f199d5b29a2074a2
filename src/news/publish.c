/*
 * publish.c: the publish folder. The renderers are pure; this file decides the options (the
 * local offset of the time zone, now) and where the bytes go. Before writing an article's
 * files, every older file of the same id is removed (the page name carries a slug of the title,
 * which may have changed), so the folder holds exactly one page per published article.
 */
#include "news/publish.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/file.h"
#include "base/when.h"
#include "news/render.h"
#include "base/banned.h"

static void options(RenderOptions *o)
{
	time_t now = time(NULL);
	struct tm tm;

	render_options_init(o, (int64_t)now);
	localtime_r(&now, &tm);
	o->utc_offset = (int)tm.tm_gmtoff;
}

/* True for "ID.ext" and "ID-slug.ext": the files of article id. */
static bool belongs_to(const char *name, int64_t id)
{
	char prefix[32];
	int n = snprintf(prefix, sizeof(prefix), "%lld", (long long)id);

	return strncmp(name, prefix, (size_t)n) == 0 && (name[n] == '.' || name[n] == '-') &&
	       !strstr(name, ".tmp.");
}

bool publish_withdraw(const Config *c, int64_t id, char *err, size_t errlen)
{
	char *dir = config_publish_dir(c);
	DIR *d = opendir(dir);
	struct dirent *e;
	bool ok = true;

	if (!d) {
		free(dir);
		return true; /* nothing was ever published */
	}
	while (ok && (e = readdir(d))) {
		Str path = STR_INIT;
		if (!belongs_to(e->d_name, id))
			continue;
		str_addf(&path, "%s/%s", dir, e->d_name);
		if (unlink(path.s) != 0 && errno != ENOENT) {
			snprintf(err, errlen, "cannot remove '%s': %s", path.s, strerror(errno));
			ok = false;
		}
		str_release(&path);
	}
	closedir(d);
	free(dir);
	return ok;
}

static bool write_one(const char *dir, const Article *a, RenderFormat f,
		      const RenderOptions *o, char *err, size_t errlen)
{
	Str path = STR_INIT, body = STR_INIT;
	bool ok;

	str_addf(&path, "%s/", dir);
	render_file_name(a, f, o, &path);
	render(a, f, o, &body);
	ok = file_write_atomic(path.s, str_cstr(&body), body.len, err, errlen);
	str_release(&path);
	str_release(&body);
	return ok;
}

bool publish_article(Store *s, const Config *c, const Article *a, char *err, size_t errlen)
{
	char *dir = config_publish_dir(c);
	RenderOptions o;
	bool ok;

	(void)s;
	options(&o);
	ok = file_mkdirs(dir, err, errlen) && publish_withdraw(c, a->id, err, errlen) &&
	     write_one(dir, a, RENDER_HTML, &o, err, errlen) &&
	     write_one(dir, a, RENDER_NINJS, &o, err, errlen);
	free(dir);
	return ok;
}

bool publish_index(Store *s, const Config *c, char *err, size_t errlen)
{
	StoreQuery q = {.state = STATE_PUBLISHED, .by_published_at = true, .with_text = true};
	ArticleList l = {0};
	RenderOptions o;
	Str path = STR_INIT, body = STR_INIT;
	char *dir = config_publish_dir(c);
	bool ok;

	options(&o);
	ok = store_articles(s, &q, &l);
	if (!ok)
		snprintf(err, errlen, "%s", store_errmsg(s));
	if (ok) {
		render_index(l.items, l.n, &o, &body);
		str_addf(&path, "%s/index.json", dir);
		ok = file_write_atomic(path.s, str_cstr(&body), body.len, err, errlen);
	}
	article_list_release(&l);
	str_release(&path);
	str_release(&body);
	free(dir);
	return ok;
}

bool publish_render(const Article *a, const char *format, Str *out, char *err, size_t errlen)
{
	RenderFormat f;
	RenderOptions o;

	if (!render_format_parse(format, &f)) {
		snprintf(err, errlen, "unknown format '%s': use ninjs, html, md or txt", format);
		return false;
	}
	options(&o);
	render(a, f, &o, out);
	return true;
}
