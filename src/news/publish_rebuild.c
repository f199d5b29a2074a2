/*
 * publish_rebuild.c: the whole site again, from the database, into a new folder beside the
 * publish folder (".NAME.rebuild.PID"), then swapped in with one atomic exchange of the two
 * names: a web server sees the old site or the new one, never a mix. Entries at the top of
 * the old folder the site does not make (robots.txt, .well-known) are moved into the new one
 * first. The old tree is then removed file by file: only regular files with the names toasoan
 * writes and folders left empty; a link or a file of someone else's keeps the old tree, which
 * is left beside the site and named in the result.
 */
#include "news/publish.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/file.h"
#include "base/xalloc.h"
#include "news/publish_int.h"
#include "base/banned.h"

/* Articles published before the site kept placements get one now (in id order). */
static bool place_missing(Store *s, const Config *c, const int64_t *ids, size_t n, char *err,
			  size_t errlen)
{
	bool ok = store_begin(s);

	for (size_t i = 0; ok && i < n; i++) {
		SiteItems it = {0};
		bool found;
		ok = store_site_get(s, ids[i], site_items_push(&it), &found);
		if (ok && found && !it.v[0].folder[0]) {
			Article before;
			article_init(&before);
			before.id = ids[i];
			before.state = STATE_DRAFT; /* listed nowhere yet */
			ok = publish_place(s, c, &before, false, false, err, errlen);
			article_release(&before);
		}
		site_items_release(&it);
	}
	if (ok && !store_commit(s))
		ok = false;
	if (!ok) {
		if (!err[0])
			snprintf(err, errlen, "%s", store_errmsg(s));
		store_rollback(s);
	}
	return ok;
}

static bool all_published(Store *s, int64_t **ids, size_t *n)
{
	return store_site_ids(s, 0, INT64_MAX, ids, n);
}

static void each_day(int64_t day, int64_t count, void *ud)
{
	Flush *f = ud;
	(void)count;
	if (!f->err[0])
		flush_day(f, day);
}

/* Everything but the article pages: sections and their pages, terms, days, shards, front. */
static bool build_lists(Flush *f)
{
	SiteItems folders = {0}, terms = {0};
	int64_t first = 0, max_id = 0;
	bool ok = (store_site_folders(f->s, &folders) && store_site_term_keys(f->s, &terms) &&
		   store_site_span(f->s, &first, &max_id)) ||
		  (snprintf(f->err, sizeof(f->err), "%s", store_errmsg(f->s)), false);

	for (size_t i = 0; ok && i < folders.n; i++) {
		ok = flush_folder(f, folders.v[i].folder);
		for (int64_t p = 1; ok && p <= folders.v[i].page; p++)
			ok = flush_page(f, folders.v[i].folder, p);
	}
	for (size_t i = 0; ok && i < terms.n; i++) {
		ok = flush_term(f, terms.v[i].folder, terms.v[i].title);
		for (int64_t p = 1; ok && p <= terms.v[i].page; p++)
			ok = flush_term_page(f, terms.v[i].folder, terms.v[i].title, p);
	}
	if (ok && first && !store_site_days(f->s, first, f->o.now + 86400, f->o.utc_offset,
					    each_day, f))
		ok = false;
	ok = ok && !f->err[0];
	for (int64_t k = 0; ok && k <= max_id / SITE_SHARD; k++)
		ok = flush_shard(f, k);
	ok = ok && flush_front(f);
	site_items_release(&folders);
	site_items_release(&terms);
	return ok;
}

static bool ours(const char *name)
{
	static const char *const exts[] = {".html", ".json", ".atom", ".xml", ".css", ".tmp"};
	size_t n = strlen(name);

	for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		size_t e = strlen(exts[i]);
		if (n > e && strcmp(name + n - e, exts[i]) == 0)
			return true;
	}
	return false;
}

/* Removes toasoan's files and empty folders under dfd (closed here); true if it is empty. */
static bool clear_tree(int dfd)
{
	DIR *dir = fdopendir(dfd);
	struct dirent *e;
	bool empty = true;

	if (!dir) {
		close(dfd);
		return false;
	}
	while ((e = readdir(dir))) {
		struct stat st;
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (fstatat(dirfd(dir), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
			empty = false;
		} else if (S_ISDIR(st.st_mode)) {
			int sub = openat(dirfd(dir), e->d_name,
					 O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			if (sub < 0 || !clear_tree(sub) || unlinkat(dirfd(dir), e->d_name,
								    AT_REMOVEDIR) != 0)
				empty = false;
		} else if (!S_ISREG(st.st_mode) || !ours(e->d_name) ||
			   unlinkat(dirfd(dir), e->d_name, 0) != 0) {
			empty = false;
		}
	}
	closedir(dir);
	return empty;
}

/* Moves the top-level entries of live the new site does not have into fresh. */
static void carry_over(const char *live, const char *fresh)
{
	int lfd = open(live, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int ffd = open(fresh, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *dir = lfd >= 0 ? fdopendir(lfd) : NULL;
	struct dirent *e;

	while (dir && ffd >= 0 && (e = readdir(dir))) {
		struct stat st;
		if (e->d_name[0] == '.' && (!e->d_name[1] || strcmp(e->d_name, "..") == 0))
			continue;
		if (strncmp(e->d_name, ".toasoan-staging.", 17) == 0)
			continue;
		if (fstatat(dirfd(dir), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
		    (S_ISREG(st.st_mode) && ours(e->d_name)) ||
		    (S_ISDIR(st.st_mode) && e->d_name[0] != '.'))
			continue; /* the site's own, or a folder of it */
		if (fstatat(ffd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 && errno == ENOENT)
			renameat(dirfd(dir), e->d_name, ffd, e->d_name);
	}
	if (dir)
		closedir(dir);
	else if (lfd >= 0)
		close(lfd);
	if (ffd >= 0)
		close(ffd);
}

static void fresh_name(const char *dir, Str *out)
{
	const char *slash = strrchr(dir, '/');

	if (slash)
		str_addf(out, "%.*s/.%s.rebuild.%ld", (int)(slash - dir), dir, slash + 1,
			 (long)getpid());
	else
		str_addf(out, ".%s.rebuild.%ld", dir, (long)getpid());
}

static bool build(Flush *f, const int64_t *ids, size_t n,
		  void (*progress)(size_t done, size_t total, void *ud), void *ud)
{
	bool ok = true;

	for (size_t i = 0; ok && i < n; i++) {
		ok = flush_article(f, ids[i]);
		if (progress && (i % 256 == 0 || i + 1 == n))
			progress(i + 1, n, ud);
	}
	return ok && build_lists(f);
}

/* Swaps fresh in for dir; the old tree is then at fresh and is cleared. */
static bool swap_in(const char *dir, const char *fresh, char *err, size_t errlen)
{
	int ofd;

	carry_over(dir, fresh);
	if (renameat2(AT_FDCWD, fresh, AT_FDCWD, dir, RENAME_EXCHANGE) != 0) {
		snprintf(err, errlen, "cannot switch the rebuilt site into '%s': %s", dir,
			 strerror(errno));
		return false;
	}
	ofd = open(fresh, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (ofd >= 0 && clear_tree(ofd) && rmdir(fresh) == 0)
		return true;
	snprintf(err, errlen, "the old site is kept in '%s': it holds files toasoan did not "
		 "write", fresh);
	return true;
}

static bool unmark_read(Store *s, const SiteMark *m, size_t n)
{
	bool ok = store_begin(s);

	for (size_t i = 0; ok && i < n; i++)
		if (strncmp(m[i].what, "x:", 2) != 0)
			ok = store_site_unmark(s, &m[i]);
	ok = ok && store_commit(s);
	if (!ok)
		store_rollback(s);
	return ok;
}

bool publish_rebuild(Store *s, const Config *c, const char *by,
		     void (*progress)(size_t done, size_t total, void *ud), void *ud, char *err,
		     size_t errlen)
{
	char *dir = config_publish_dir(c);
	SiteDir *live = sitedir_open(dir, true, err, errlen);
	Str fresh = STR_INIT;
	int64_t *ids = NULL;
	size_t n = 0, nm = 0;
	SiteMark *m = NULL;
	Flush f = {.s = s};
	bool ok = live && sitedir_lock(live, -1, err, errlen);

	err[0] = '\0';
	fresh_name(dir, &fresh);
	if (ok && !all_published(s, &ids, &n)) {
		snprintf(err, errlen, "%s", store_errmsg(s));
		ok = false;
	}
	/* the marks are read after placing: every mark made so far is rebuilt below */
	ok = ok && place_missing(s, c, ids, n, err, errlen);
	if (ok && !store_site_marks(s, &m, &nm)) {
		snprintf(err, errlen, "%s", store_errmsg(s));
		ok = false;
	}
	if (ok && mkdir(fresh.s, 0755) != 0 && errno != EEXIST) {
		snprintf(err, errlen, "cannot create folder '%s': %s", fresh.s, strerror(errno));
		ok = false;
	}
	ok = ok && flush_open(&f, s, c, fresh.s, false, err, errlen);
	if (ok)
		sitedir_set_fresh(f.d);
	if (ok && !(build(&f, ids, n, progress, ud) && flush_commit(&f)))
		ok = (snprintf(err, errlen, "%s", f.err), false);
	ok = ok && swap_in(dir, fresh.s, err, errlen);
	if (ok && !unmark_read(s, m, nm))
		snprintf(err, errlen, "%s", store_errmsg(s));
	if (ok && !publish_after_run(&f, c, by))
		ok = (snprintf(err, errlen, "%s", f.err), false);
	if (!ok && f.d) { /* the half-built folder goes */
		int fd = open(fresh.s, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (fd >= 0 && clear_tree(fd))
			rmdir(fresh.s);
	}
	flush_close(&f);
	sitedir_close(live);
	site_marks_release(m, nm);
	free(ids);
	str_release(&fresh);
	free(dir);
	return ok;
}
