/*
 * store_site.c: the queries of the published site. Every listing is one indexed query that
 * reads at most a page of rows, so the cost of a change does not grow with the archive:
 * articles(state, published_at) for the front page, feeds and days, (site_section,
 * published_at) and (site_section, site_page) for sections, site_terms for tags and authors.
 * Section folders are listed by skipping through the index, one probe per folder.
 */
#include "news/store.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "news/store_int.h"
#include "base/banned.h"

#define ITEM_COLS                                                                           \
	"a.id, a.title, a.sapo, a.byline, a.section, a.tags, coalesce(a.site_path, ''),"    \
	" coalesce(a.site_section, ''), coalesce(a.site_page, 0), coalesce(a.published_at, 0)," \
	" a.updated_at"
#define NEWEST " ORDER BY a.published_at DESC, a.id DESC"

static void set(char **field, sqlite3_stmt *st, int col)
{
	free(*field);
	*field = store_col_text(st, col);
}

static void read_item(sqlite3_stmt *st, SiteItem *it)
{
	it->id = sqlite3_column_int64(st, 0);
	set(&it->title, st, 1);
	set(&it->sapo, st, 2);
	set(&it->byline, st, 3);
	set(&it->section, st, 4);
	set(&it->tags, st, 5);
	set(&it->path, st, 6);
	set(&it->folder, st, 7);
	it->page = sqlite3_column_int64(st, 8);
	it->published_at = sqlite3_column_int64(st, 9);
	it->updated_at = sqlite3_column_int64(st, 10);
}

static sqlite3_stmt *list_stmt(Store *s, const SiteQuery *q)
{
	switch (q->list) {
	case SITE_LATEST:
		return store_prep(s, "SELECT " ITEM_COLS " FROM articles a INDEXED BY "
				  "articles_published WHERE a.state = 'published'" NEWEST
				  " LIMIT ?", "i", q->limit);
	case SITE_FOLDER_LATEST:
		return store_prep(s, "SELECT " ITEM_COLS " FROM articles a INDEXED BY "
				  "articles_site_latest WHERE a.site_section = ?" NEWEST
				  " LIMIT ?", "ti", q->key, q->limit);
	case SITE_FOLDER_PAGE:
		return store_prep(s, "SELECT " ITEM_COLS " FROM articles a INDEXED BY "
				  "articles_site_page WHERE a.site_section = ? AND a.site_page = ?"
				  NEWEST, "ti", q->key, q->a);
	case SITE_TERM:
		return store_prep(s, "SELECT " ITEM_COLS " FROM site_terms t JOIN articles a ON"
				  " a.id = t.article WHERE t.kind = ? AND t.slug = ?"
				  " ORDER BY t.published_at DESC, t.article DESC LIMIT ?", "tti", q->kind,
				  q->key, q->limit);
	case SITE_TERM_PAGE:
		return store_prep(s, "SELECT " ITEM_COLS " FROM site_terms t INDEXED BY"
				  " site_terms_page JOIN articles a ON a.id = t.article WHERE"
				  " t.kind = ? AND t.slug = ? AND t.page = ?"
				  " ORDER BY t.published_at DESC, t.article DESC", "tti", q->kind,
				  q->key, q->a);
	case SITE_IDS:
		/* by the id's range, not by the state's index ("+" keeps it out) */
		return store_prep(s, "SELECT " ITEM_COLS " FROM articles a WHERE a.id BETWEEN ?"
				  " AND ? AND +a.state = 'published' ORDER BY a.id", "ii", q->a, q->b);
	case SITE_TIMES:
		return store_prep(s, "SELECT " ITEM_COLS " FROM articles a INDEXED BY "
				  "articles_published WHERE a.state = 'published' AND"
				  " a.published_at >= ? AND a.published_at < ?" NEWEST, "ii", q->a,
				  q->b);
	}
	return NULL;
}

bool store_site_list(Store *s, const SiteQuery *q, SiteItems *out)
{
	sqlite3_stmt *st = list_stmt(s, q);
	int rc;

	if (!st)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		read_item(st, site_items_push(out));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? true : store_fail(s, "list published articles");
}

bool store_site_get(Store *s, int64_t id, SiteItem *out, bool *found)
{
	sqlite3_stmt *st = store_prep(s, "SELECT " ITEM_COLS " FROM articles a WHERE a.id = ?",
				      "i", id);
	int rc;

	if (!st)
		return false;
	rc = sqlite3_step(st);
	if ((*found = rc == SQLITE_ROW))
		read_item(st, out);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? true : store_fail(s, "read the article");
}

bool store_site_place(Store *s, int64_t id, const char *path, const char *folder, int64_t page)
{
	return store_exec_stmt(s, store_prep(s, "UPDATE articles SET site_path = nullif(?, ''),"
		" site_section = nullif(?, ''), site_page = ? WHERE id = ?", "tt" "ni", path,
		folder ? folder : "", folder ? page : 0, id), "place the article on the site");
}

bool store_site_top_page(Store *s, const char *folder, int64_t *page, int64_t *count)
{
	sqlite3_stmt *st = store_prep(s, "SELECT coalesce(max(site_page), 0) FROM articles"
				      " WHERE site_section = ?", "t", folder);

	*count = 0;
	if (!store_int(s, st, page, "find the section's last page"))
		return false;
	if (*page == 0)
		return true;
	return store_int(s, store_prep(s, "SELECT count(*) FROM articles WHERE site_section = ?"
		" AND site_page = ?", "ti", folder, *page), count, "count the section's last page");
}

/* Rows of (key, name, page) into out: key in folder, name in section (named) or title. */
static bool read_keys(Store *s, sqlite3_stmt *st, bool named, SiteItems *out, const char *what)
{
	int rc;

	if (!st)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		SiteItem *it = site_items_push(out);
		set(&it->folder, st, 0);
		set(named ? &it->section : &it->title, st, 1);
		it->page = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? true : store_fail(s, what);
}

bool store_site_folders(Store *s, SiteItems *out)
{
	sqlite3_stmt *st = store_prep(s,
		"WITH RECURSIVE f(x) AS (SELECT min(site_section) FROM articles"
		"  UNION ALL SELECT (SELECT min(site_section) FROM articles WHERE site_section > f.x)"
		"  FROM f WHERE f.x IS NOT NULL)"
		" SELECT x, (SELECT section FROM articles INDEXED BY articles_site_latest"
		"  WHERE site_section = x ORDER BY published_at DESC LIMIT 1),"
		" (SELECT max(site_page) FROM articles WHERE site_section = x)"
		" FROM f WHERE x IS NOT NULL ORDER BY x", "");

	return read_keys(s, st, true, out, "list the sections");
}

bool store_site_terms_of(Store *s, int64_t id, SiteItems *out)
{
	sqlite3_stmt *st = store_prep(s, "SELECT kind, slug, page FROM site_terms INDEXED BY"
				      " site_terms_article WHERE article = ?", "i", id);

	return read_keys(s, st, false, out, "read the article's tags");
}

bool store_site_term_top(Store *s, const char *kind, const char *slug, int64_t *page,
			 int64_t *count)
{
	*count = 0;
	if (!store_int(s, store_prep(s, "SELECT coalesce(max(page), 0) FROM site_terms INDEXED BY"
		" site_terms_page WHERE kind = ? AND slug = ?", "tt", kind, slug), page,
		"find the tag's last page"))
		return false;
	return *page == 0 || store_int(s, store_prep(s, "SELECT count(*) FROM site_terms INDEXED"
		" BY site_terms_page WHERE kind = ? AND slug = ? AND page = ?", "tti", kind, slug,
		*page), count, "count the tag's last page");
}

bool store_site_terms_clear(Store *s, int64_t id)
{
	/* the tag's index, the page the article was on and the one before (its link onward) */
	return store_exec_stmt(s, store_prep(s, "INSERT OR REPLACE INTO site_stale(what, gen)"
		" SELECT w, (SELECT coalesce(max(gen), 0) + 1 FROM site_stale) FROM ("
		" SELECT 't:' || kind || ':' || slug AS w FROM site_terms WHERE article = ?1"
		" UNION SELECT 'q:' || kind || ':' || slug || ':' || page FROM site_terms"
		"  WHERE article = ?1"
		" UNION SELECT 'q:' || kind || ':' || slug || ':' || (page - 1) FROM site_terms"
		"  WHERE article = ?1 AND page > 1)", "i", id), "mark the site") &&
	       store_exec_stmt(s, store_prep(s, "DELETE FROM site_terms WHERE article = ?", "i",
					     id), "clear the article's tags");
}

bool store_site_term_add(Store *s, int64_t id, int64_t published_at, const char *kind,
			 const char *slug, const char *name, int64_t page)
{
	return store_exec_stmt(s, store_prep(s, "INSERT OR IGNORE INTO site_terms(kind, slug,"
		" name, article, published_at, page) VALUES (?, ?, ?, ?, ?, ?)", "ttt" "iii", kind,
		slug, name, id, published_at, page), "record the article's tags");
}

bool store_site_term_keys(Store *s, SiteItems *out)
{
	sqlite3_stmt *st = store_prep(s, "SELECT kind, slug, max(page) FROM site_terms"
				      " GROUP BY kind, slug", "");

	return read_keys(s, st, false, out, "list the tags");
}

bool store_site_mark(Store *s, const char *what)
{
	return store_exec_stmt(s, store_prep(s, "INSERT OR REPLACE INTO site_stale(what, gen)"
		" VALUES (?, (SELECT coalesce(max(gen), 0) + 1 FROM site_stale))", "t", what),
		"mark the site");
}

bool store_site_marks(Store *s, SiteMark **out, size_t *n)
{
	sqlite3_stmt *st = store_prep(s, "SELECT what, gen FROM site_stale ORDER BY what", "");
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		xgrow(out, &cap, *n + 1, sizeof(**out));
		(*out)[*n].what = store_col_text(st, 0);
		(*out)[(*n)++].gen = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? true : store_fail(s, "read what the site lacks");
}

bool store_site_unmark(Store *s, const SiteMark *m)
{
	return store_exec_stmt(s, store_prep(s, "DELETE FROM site_stale WHERE what = ? AND"
		" gen = ?", "ti", m->what, m->gen), "mark the site up to date");
}

void site_marks_release(SiteMark *m, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(m[i].what);
	free(m);
}

bool store_site_span(Store *s, int64_t *first_published, int64_t *max_id)
{
	return store_int(s, store_prep(s, "SELECT coalesce(min(published_at), 0) FROM articles"
		" WHERE state = 'published'", ""), first_published, "read the archive's span") &&
	       store_int(s, store_prep(s, "SELECT coalesce(max(id), 0) FROM articles", ""),
			 max_id, "read the archive's span");
}

bool store_site_days(Store *s, int64_t from, int64_t to, int utc_offset,
		     void (*each)(int64_t day, int64_t n, void *ud), void *ud)
{
	sqlite3_stmt *st = store_prep(s, "SELECT (published_at + ?) / 86400 AS d, count(*)"
		" FROM articles INDEXED BY articles_published WHERE state = 'published' AND"
		" published_at >= ? AND published_at < ? GROUP BY d ORDER BY d", "iii",
		(int64_t)utc_offset, from, to);
	int rc;

	if (!st)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		each(sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), ud);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? true : store_fail(s, "count the days");
}

bool store_site_ids(Store *s, int64_t after, int64_t limit, int64_t **ids, size_t *n)
{
	return store_ids(s, store_prep(s, "SELECT id FROM articles WHERE +state = 'published' AND"
				      " id > ? ORDER BY id LIMIT ?", "ii", after, limit), ids, n,
			 "list published articles");
}
