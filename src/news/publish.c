/*
 * publish.c: the publish folder. The renderers are pure; this file decides the options (the
 * local offset of the time zone, now) and where the bytes go. An update is staged: the
 * article's page and ninjs document and the new index.json are first written under temporary
 * names; only when all of them are on disk are they renamed into place, index.json first, and
 * the article's older files removed (the page name carries a slug of the title, which may have
 * changed). A failure before that point leaves the folder as it was, so it never disagrees with
 * the database, which the caller rolls back.
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

/* Files written under a temporary name, waiting to be renamed into place together. */
typedef struct Stage {
	Str tmp[3], dst[3];
	int n;
} Stage;

static void stage_drop(Stage *st)
{
	for (int i = 0; i < st->n; i++) {
		unlink(st->tmp[i].s);
		str_release(&st->tmp[i]);
		str_release(&st->dst[i]);
	}
	st->n = 0;
}

static bool stage_file(Stage *st, const char *dir, const char *name, const Str *data, char *err,
		       size_t errlen)
{
	Str *tmp = &st->tmp[st->n], *dst = &st->dst[st->n];

	str_init(tmp);
	str_init(dst);
	str_addf(dst, "%s/%s", dir, name);
	str_addf(tmp, "%s/.%s.staged.%ld", dir, name, (long)getpid());
	st->n++;
	return file_write_atomic(tmp->s, str_cstr(data), data->len, err, errlen);
}

static bool staged_name(const Stage *st, const char *dir, const char *name)
{
	size_t n = strlen(dir);
	for (int i = 0; i < st->n; i++)
		if (strncmp(st->dst[i].s, dir, n) == 0 && strcmp(st->dst[i].s + n + 1, name) == 0)
			return true;
	return false;
}

/* Removes the files of article id that the stage does not write again (an old slug). */
static bool remove_old(const char *dir, int64_t id, const Stage *st, char *err, size_t errlen)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	bool ok = true;

	if (!d)
		return true;
	while (ok && (e = readdir(d))) {
		Str path = STR_INIT;
		if (!belongs_to(e->d_name, id) || staged_name(st, dir, e->d_name))
			continue;
		str_addf(&path, "%s/%s", dir, e->d_name);
		if (unlink(path.s) != 0 && errno != ENOENT) {
			snprintf(err, errlen, "cannot remove '%s': %s", path.s, strerror(errno));
			ok = false;
		}
		str_release(&path);
	}
	closedir(d);
	return ok;
}

static bool render_to_stage(Stage *st, const char *dir, const Article *a, RenderFormat f,
			    const RenderOptions *o, char *err, size_t errlen)
{
	Str name = STR_INIT, body = STR_INIT;
	bool ok;

	render_file_name(a, f, o, &name);
	render(a, f, o, &body);
	ok = stage_file(st, dir, name.s, &body, err, errlen);
	str_release(&name);
	str_release(&body);
	return ok;
}

static bool stage_index(Stage *st, Store *s, const char *dir, const RenderOptions *o, char *err,
			size_t errlen)
{
	StoreQuery q = {.state = STATE_PUBLISHED, .by_published_at = true, .with_text = true};
	ArticleList l = {0};
	Str body = STR_INIT;
	bool ok = store_articles(s, &q, &l);

	if (!ok)
		snprintf(err, errlen, "%s", store_errmsg(s));
	else {
		render_index(l.items, l.n, o, &body);
		ok = stage_file(st, dir, "index.json", &body, err, errlen);
	}
	article_list_release(&l);
	str_release(&body);
	return ok;
}

bool publish_update(Store *s, const Config *c, int64_t id, const Article *a, char *err,
		    size_t errlen)
{
	char *dir = config_publish_dir(c);
	Stage st = {.n = 0};
	RenderOptions o;
	bool ok;

	options(&o);
	ok = file_mkdirs(dir, err, errlen) &&
	     (!a || (render_to_stage(&st, dir, a, RENDER_HTML, &o, err, errlen) &&
		     render_to_stage(&st, dir, a, RENDER_NINJS, &o, err, errlen))) &&
	     stage_index(&st, s, dir, &o, err, errlen);
	/* The index, staged last, is renamed first: it is the point of no return. If it cannot
	 * be replaced, nothing in the folder has changed yet. */
	for (int i = st.n - 1; ok && i >= 0; i--)
		if (rename(st.tmp[i].s, st.dst[i].s) != 0) {
			snprintf(err, errlen, "cannot replace '%s': %s", st.dst[i].s, strerror(errno));
			ok = false;
		}
	ok = ok && remove_old(dir, id, &st, err, errlen);
	stage_drop(&st);
	free(dir);
	return ok;
}

/* Renames every staged file into place, last staged first; empties the stage. */
static bool stage_commit(Stage *st, char *err, size_t errlen)
{
	bool ok = true;

	for (int i = st->n - 1; ok && i >= 0; i--)
		if (rename(st->tmp[i].s, st->dst[i].s) != 0) {
			snprintf(err, errlen, "cannot replace '%s': %s", st->dst[i].s,
				 strerror(errno));
			ok = false;
		}
	stage_drop(st);
	return ok;
}

static bool publish_one(Store *s, const char *dir, int64_t id, const RenderOptions *o,
			char *err, size_t errlen)
{
	Stage st = {.n = 0};
	Article a;
	bool found, ok;

	article_init(&a);
	ok = store_article_get(s, id, &a, &found);
	if (!ok)
		snprintf(err, errlen, "%s", store_errmsg(s));
	else if (found && a.state == STATE_PUBLISHED)
		ok = render_to_stage(&st, dir, &a, RENDER_HTML, o, err, errlen) &&
		     render_to_stage(&st, dir, &a, RENDER_NINJS, o, err, errlen) &&
		     stage_commit(&st, err, errlen);
	stage_drop(&st);
	article_release(&a);
	return ok;
}

bool publish_articles(Store *s, const Config *c, const int64_t *ids, size_t n, char *err,
		      size_t errlen)
{
	char *dir = config_publish_dir(c);
	Stage st = {.n = 0};
	RenderOptions o;
	bool ok;

	options(&o);
	ok = file_mkdirs(dir, err, errlen);
	for (size_t i = 0; ok && i < n; i++)
		ok = publish_one(s, dir, ids[i], &o, err, errlen);
	ok = ok && stage_index(&st, s, dir, &o, err, errlen) && stage_commit(&st, err, errlen);
	stage_drop(&st);
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
