/*
 * store_marks.c: what a person leaves on articles and lists beside the text: findings they
 * chose to ignore in one article, when they last looked at a list, and the notes of
 * returned drafts as the lists show them.
 */
#include "news/store.h"

#include <stdlib.h>

#include "base/xalloc.h"
#include "news/store_int.h"
#include "base/banned.h"

bool store_ignored(Store *s, int64_t id, char ***texts, size_t *n)
{
	sqlite3_stmt *st = store_prep(s, "SELECT text FROM ignored WHERE article = ? ORDER BY text",
				      "i", id);
	size_t cap = 0;
	int rc;

	*texts = NULL;
	*n = 0;
	if (!st)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		xgrow(texts, &cap, *n + 1, sizeof(**texts));
		(*texts)[(*n)++] = store_col_text(st, 0);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? true : store_fail(s, "read the ignored findings");
}

bool store_ignore(Store *s, int64_t id, const char *text, const char *by, int64_t now)
{
	return store_exec_stmt(s, store_prep(s,
		"INSERT OR IGNORE INTO ignored(article, text, by, at) VALUES (?, ?, ?, ?)", "itti",
		id, text, by, now), "remember the ignored finding");
}

bool store_seen(Store *s, const char *login, const char *list, int64_t *at)
{
	sqlite3_stmt *st = store_prep(s, "SELECT coalesce(max(at), 0) FROM seen"
				      " WHERE login = ? AND list = ?", "tt", login, list);
	return store_int(s, st, at, "read when the list was seen");
}

bool store_seen_mark(Store *s, const char *login, const char *list, int64_t now)
{
	return store_exec_stmt(s, store_prep(s,
		"INSERT INTO seen(login, list, at) VALUES (?, ?, ?)"
		" ON CONFLICT(login, list) DO UPDATE SET at = excluded.at", "tti", login, list, now),
		"record when the list was seen");
}

void returned_list_release(ReturnedList *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].note);
		free(l->items[i].by_name);
		free(l->items[i].author);
	}
	free(l->items);
	*l = (ReturnedList){NULL, 0, 0};
}

/* A draft whose latest change of state was a return with a note, as the lists show it. */
#define RETURNED_FROM                                                                      \
	"  FROM articles a JOIN transitions t ON t.id ="                                 \
	"    (SELECT max(id) FROM transitions WHERE article = a.id)"                     \
	"  JOIN users u ON u.login = t.by"                                               \
	" WHERE a.state = 'draft' AND t.from_state IN ('review', 'scheduled')"           \
	"   AND t.note != '' AND (?1 = '' OR a.author = ?1)"
#define RETURNED_COLS \
	"SELECT t.article, t.note, coalesce(nullif(u.name, ''), t.by), t.at, a.author"

/* Steps st to its end, appending its rows to out. */
static int read_returned(sqlite3_stmt *st, ReturnedList *out)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		xgrow(&out->items, &out->cap, out->n + 1, sizeof(*out->items));
		Returned *r = &out->items[out->n++];
		r->id = sqlite3_column_int64(st, 0);
		r->note = store_col_text(st, 1);
		r->by_name = store_col_text(st, 2);
		r->at = sqlite3_column_int64(st, 3);
		r->author = store_col_text(st, 4);
	}
	return rc;
}

bool store_returned(Store *s, const char *author, ReturnedList *out)
{
	sqlite3_stmt *st = store_prep(s, RETURNED_COLS RETURNED_FROM " ORDER BY t.article", "t",
				      author);
	int rc;

	if (!st)
		return false;
	rc = read_returned(st, out);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? true : store_fail(s, "read the returned articles");
}

bool store_returned_of(Store *s, const char *author, const int64_t *ids, size_t n,
		       ReturnedList *out)
{
	sqlite3_stmt *st = store_prep(s, RETURNED_COLS RETURNED_FROM " AND a.id = ?2", "t",
				      author);
	int rc = SQLITE_DONE;

	if (!st)
		return false;
	for (size_t i = 0; i < n && rc == SQLITE_DONE; i++) {
		sqlite3_reset(st);
		if (sqlite3_bind_int64(st, 2, ids[i]) == SQLITE_OK)
			rc = read_returned(st, out);
		else
			rc = SQLITE_ERROR;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? true : store_fail(s, "read the returned articles");
}

bool store_returned_count(Store *s, const char *author, int64_t *count)
{
	return store_int(s, store_prep(s, "SELECT count(*)" RETURNED_FROM, "t", author), count,
			 "read the returned articles");
}
