/*
 * store_search.c: the archive search over the two full-text indexes the migration made.
 *
 * The folded index finds and ranks; the index as written, when the query has marked words,
 * only narrows. Who may see what and which filters apply arrive as values and are bound like
 * every other value; only fixed fragments of SQL are chosen here.
 */
#include "news/store.h"

#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "base/xalloc.h"
#include "news/store_int.h"
#include "base/banned.h"

/* Title first, then lead, byline and body (bm25 weights, in the index's column order). */
#define RANK "bm25(search_fold, 10.0, 4.0, 1.0, 2.0)"

static void add_filters(Str *sql, const StoreSearch *q)
{
	if (q->exact_expr && *q->exact_expr)
		str_adds(sql, " AND a.id IN (SELECT rowid FROM search_exact"
			      " WHERE search_exact MATCH ?4)");
	else
		str_adds(sql, " AND ?4 = ''");
	str_adds(sql, " AND (?5 = '' OR a.author = ?5 OR a.state = 'published')"
		      " AND (?6 = '' OR a.state = ?6)"
		      " AND (?7 = '' OR a.section = ?7)"
		      " AND a.updated_at >= ?8");
}

static sqlite3_stmt *prepare(Store *s, const StoreSearch *q, bool count)
{
	Str sql = STR_INIT;
	const char *state = q->state >= 0 ? state_name((State)q->state) : "";
	sqlite3_stmt *st;

	if (count)
		str_adds(&sql, "SELECT count(*)");
	else
		str_adds(&sql, "SELECT " ARTICLE_COLS ", " TEXT_COLS ", " RANK " AS score");
	str_adds(&sql, " FROM search_fold JOIN articles a ON a.id = search_fold.rowid"
		       " JOIN users u ON u.login = a.author WHERE search_fold MATCH ?1");
	add_filters(&sql, q);
	if (!count)
		str_adds(&sql, " ORDER BY score, a.id DESC LIMIT ?2");
	/* ?3 is not used: the numbers stay those of the fragments above. */
	st = store_prep(s, sql.s, "tittttti", q->fold_expr, (int64_t)q->limit, "",
			q->exact_expr ? q->exact_expr : "", q->author ? q->author : "", state,
			q->section ? q->section : "", q->since);
	str_release(&sql);
	return st;
}

bool store_search(Store *s, const StoreSearch *q, ArticleList *out, double **scores,
		  int64_t *total)
{
	sqlite3_stmt *st = prepare(s, q, false);
	size_t cap = 0;
	int rc;

	if (scores)
		*scores = NULL;
	if (!st)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		store_read_article(st, article_list_push(out), true);
		if (scores) {
			if (out->n > cap) {
				cap = cap ? cap * 2 : 16;
				*scores = xrealloc(*scores, cap * sizeof(**scores));
			}
			(*scores)[out->n - 1] = sqlite3_column_double(st, 16);
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "search the archive");
	if (!total)
		return true;
	return store_int(s, prepare(s, q, true), total, "search the archive");
}
