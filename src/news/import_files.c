/*
 * import_files.c: which files a bulk import takes, in which order.
 *
 * The order is stable, so that the same command on the same folders gives the same ids in the
 * same order: arguments as given, and inside a folder its entries sorted by the bytes of their
 * names, walked depth first. Files are recognised by (device, inode), so a file named twice or
 * reached through two links is taken once. Only regular files are taken; links are followed to
 * files but never to folders, so a walk cannot loop.
 */
#include "news/import.h"

#include <dirent.h>
#include <fnmatch.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/str.h"
#include "base/xalloc.h"
#include "base/banned.h"

#define DEFAULT_PATTERNS "*.txt,*.md"

/* The files taken so far, by (device, inode): an open-addressing set, grown at half full. */
typedef struct Seen {
	struct Key { dev_t dev; ino_t ino; bool used; } *v;
	size_t n, cap;   /* cap is 0 or a power of two */
} Seen;

static size_t slot(const Seen *s, dev_t dev, ino_t ino)
{
	size_t i = (size_t)(((uint64_t)ino * 0x9E3779B97F4A7C15u) ^ (uint64_t)dev) & (s->cap - 1);
	while (s->v[i].used && (s->v[i].dev != dev || s->v[i].ino != ino))
		i = (i + 1) & (s->cap - 1);
	return i;
}

/* Adds the file; false if it was there already. */
static bool seen_add(Seen *s, const struct stat *st)
{
	size_t i;

	if (2 * (s->n + 1) > s->cap) {
		Seen bigger = {xcalloc(s->cap ? 2 * s->cap : 64, sizeof(*s->v)), 0,
			       s->cap ? 2 * s->cap : 64};
		for (size_t k = 0; k < s->cap; k++)
			if (s->v[k].used)
				bigger.v[slot(&bigger, s->v[k].dev, s->v[k].ino)] = s->v[k];
		free(s->v);
		bigger.n = s->n;
		*s = bigger;
	}
	i = slot(s, st->st_dev, st->st_ino);
	if (s->v[i].used)
		return false;
	s->v[i] = (struct Key){st->st_dev, st->st_ino, true};
	s->n++;
	return true;
}

typedef struct Walk {
	ImportList *l;
	Seen seen;
	const char *patterns;
	bool stdin_taken;    /* "-" can be read only once */
} Walk;

static void take(Walk *w, const char *path, const struct stat *st)
{
	if (st && !seen_add(&w->seen, st))
		return;
	xgrow(&w->l->paths, &w->l->cap, w->l->n + 1, sizeof(*w->l->paths));
	w->l->paths[w->l->n++] = xstrdup(path);
}

/* True if name matches one of the comma-separated patterns, case aside. */
static bool matches(const char *patterns, const char *name)
{
	const char *p = patterns;

	while (*p) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char pat[256];
		if (n && n < sizeof(pat)) {
			memcpy(pat, p, n);
			pat[n] = '\0';
			if (fnmatch(pat, name, FNM_CASEFOLD) == 0)
				return true;
		}
		p += n + (end ? 1 : 0);
	}
	return false;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk_dir(Walk *w, const char *dir);

/* One entry inside a folder: files that match are taken, folders walked, the rest skipped. */
static void walk_entry(Walk *w, const char *dir, const char *name)
{
	Str path = STR_INIT;
	struct stat st, lst;

	str_addf(&path, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
	if (lstat(path.s, &lst) != 0 || stat(path.s, &st) != 0)
		goto out; /* a dangling link or a file gone meanwhile: not an article */
	if (S_ISDIR(st.st_mode)) {
		if (!S_ISLNK(lst.st_mode))
			walk_dir(w, path.s);
	} else if (S_ISREG(st.st_mode) && matches(w->patterns, name)) {
		take(w, path.s, &st);
	}
out:
	str_release(&path);
}

static void walk_dir(Walk *w, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;

	if (!d) {
		take(w, dir, NULL); /* reading it fails too, and the check says why */
		return;
	}
	while ((e = readdir(d)))
		if (e->d_name[0] != '.') {
			xgrow(&names, &cap, n + 1, sizeof(*names));
			names[n++] = xstrdup(e->d_name);
		}
	closedir(d);
	qsort(names, n, sizeof(*names), by_name);
	for (size_t i = 0; i < n; i++) {
		walk_entry(w, dir, names[i]);
		free(names[i]);
	}
	free(names);
}

static void gather_one(Walk *w, const char *arg)
{
	struct stat st;

	if (strcmp(arg, "-") == 0) {
		if (!w->stdin_taken)
			take(w, arg, NULL);
		w->stdin_taken = true;
	} else if (stat(arg, &st) != 0) {
		take(w, arg, NULL); /* missing: the check reports it with the others */
	} else if (S_ISDIR(st.st_mode)) {
		walk_dir(w, arg);
	} else {
		take(w, arg, &st);
	}
}

void import_list_gather(ImportList *l, const char *const *args, size_t n, const char *patterns)
{
	Walk w = {l, {NULL, 0, 0}, patterns ? patterns : DEFAULT_PATTERNS, false};

	for (size_t i = 0; i < n; i++)
		gather_one(&w, args[i]);
	free(w.seen.v);
}

void import_list_release(ImportList *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->paths[i]);
	free(l->paths);
	l->paths = NULL;
	l->n = l->cap = 0;
}
