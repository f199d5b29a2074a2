/*
 * store_search.c: the archive search over the two full-text indexes the migration made.
 *
 * The folded index finds and ranks; the index as written, when the query has marked words,
 * only narrows. Who may see what and which filters apply arrive as values and are bound like
 * every other value (by name); only fixed fragments of SQL are chosen here.
 *
 * Ranking costs time for every matching article, and a common word ("Hà Nội") matches a
 * quarter of an archive. So the ranking runs over a window of the newest matches (articles
 * are numbered in order of writing, and the index walks its matches by number for nothing):
 * the best of the newest SEARCH_WINDOW matches, widened fourfold as long as the filters leave
 * fewer hits than asked for and older matches remain. A query matching fewer articles than
 * the window is ranked whole.
 */
#include "news/store.h"

#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "base/xalloc.h"
#include "news/store_int.h"
#include "viet/letter.h"
#include "base/banned.h"

#ifndef SEARCH_WINDOW
#define SEARCH_WINDOW 4000
#endif

/* Title first, then lead, byline and body (bm25 weights, in the index's column order). */
#define RANK "bm25(search_fold, 10.0, 4.0, 1.0, 2.0)"

/* The number of the window-th newest match, or 0 when fewer match: the window's floor. */
static bool window_floor(Store *s, const char *expr, int64_t window, int64_t *floor)
{
	sqlite3_stmt *st = store_prep(s, "SELECT rowid FROM search_fold WHERE search_fold MATCH ?"
				      " ORDER BY rowid DESC LIMIT 1 OFFSET ?", "ti", expr,
				      window - 1);
	int rc;

	if (!st)
		return false;
	rc = sqlite3_step(st);
	*floor = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? true : store_fail(s, "search the archive");
}

/*
 * Ranks in an inner query that reads only the index and, for the filters, a covering index
 * of articles (reading the article rows themselves would read every matching body); the
 * text is read for the hits alone.
 */
static void add_sql(Str *sql, const StoreSearch *q)
{
	/* Materialized, so that no filter is pushed into the index's scan (the ranking function
	 * works only in a plain scan, and a pushed-down filter makes one lookup per match). */
	str_adds(sql, "WITH f AS MATERIALIZED (SELECT rowid AS id, " RANK " AS score"
		      "  FROM search_fold WHERE search_fold MATCH :fold AND rowid >= :floor),"
		      " hits AS (SELECT f.id, f.score FROM f");
	if (q->author || q->state >= 0 || (q->section && *q->section) || q->since)
		str_adds(sql, " JOIN articles a INDEXED BY articles_search_filter ON a.id = f.id");
	str_adds(sql, " WHERE 1");
	if (q->exact_expr && *q->exact_expr)
		str_adds(sql, " AND +f.id IN (SELECT rowid FROM search_exact"
			      " WHERE search_exact MATCH :exact AND rowid >= :floor)");
	if (q->author)
		str_adds(sql, " AND (a.author = :author OR a.state = 'published')");
	if (q->state >= 0)
		str_adds(sql, " AND a.state = :state");
	if (q->section && *q->section)
		str_adds(sql, " AND toasoan_fold(a.section) = :section");
	if (q->since)
		str_adds(sql, " AND a.updated_at >= :since");
	str_adds(sql, " ORDER BY f.score, f.id DESC LIMIT :limit)"
		      " SELECT " ARTICLE_COLS ", " TEXT_COLS ", hits.score FROM hits"
		      " JOIN articles a ON a.id = hits.id JOIN users u ON u.login = a.author"
		      " ORDER BY hits.score, a.id DESC");
}

static sqlite3_stmt *prepare(Store *s, const StoreSearch *q, int64_t floor)
{
	Str sql = STR_INIT;
	sqlite3_stmt *st = NULL;
	const char *state = q->state >= 0 ? state_name((State)q->state) : "";
	Str section = STR_INIT;
	bool ok;

	add_sql(&sql, q);
	st = store_prep(s, sql.s, "");
	str_release(&sql);
	if (!st)
		return NULL;
	if (q->section)
		viet_fold_str(q->section, strlen(q->section), &section);
	ok = store_bind_text(st, ":fold", q->fold_expr) && store_bind_int(st, ":floor", floor) &&
	     store_bind_text(st, ":exact", q->exact_expr ? q->exact_expr : "") &&
	     store_bind_text(st, ":author", q->author ? q->author : "") &&
	     store_bind_text(st, ":state", state) &&
	     store_bind_text(st, ":section", str_cstr(&section)) &&
	     store_bind_int(st, ":since", q->since) && store_bind_int(st, ":limit", q->limit);
	str_release(&section);
	if (!ok) {
		store_fail(s, "bind a value");
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

static bool run(Store *s, const StoreSearch *q, int64_t floor, ArticleList *out, double **scores)
{
	sqlite3_stmt *st = prepare(s, q, floor);
	int rc;

	if (!st)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		store_read_article(st, article_list_push(out), true);
		*scores = xrealloc(*scores, out->n * sizeof(**scores));
		(*scores)[out->n - 1] = sqlite3_column_double(st, 16);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? true : store_fail(s, "search the archive");
}

bool store_search(Store *s, const StoreSearch *q, ArticleList *out, double **scores)
{
	int64_t window = SEARCH_WINDOW, floor;
	double *sc = NULL;
	bool ok;

	for (;;) {
		ok = window_floor(s, q->fold_expr, window, &floor) && run(s, q, floor, out, &sc);
		if (!ok || floor == 0 || (int64_t)out->n >= q->limit)
			break;
		article_list_release(out); /* too few after the filters: widen and rank again */
		window *= 4;
	}
	if (scores)
		*scores = sc;
	else
		free(sc);
	return ok;
}
