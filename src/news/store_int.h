/*
 * store_int.h: what the store's own files share, and nobody else includes.
 */
#ifndef NEWS_STORE_INT_H
#define NEWS_STORE_INT_H

#include <sqlite3.h>

#include "news/msg.h"
#include "news/store.h"

struct Store {
	sqlite3 *db;
	char *path;
	char err[512];   /* the last failure, for store_errmsg() */
	bool busy;       /* the last failure was another process holding the database */
	Lang lang;       /* the language of its messages (news/msg.h); English at opening */
	char *real_by;   /* the admin acting with --as, recorded on revisions; NULL or "" */
	int patience;    /* ms a call waits for another process (the busy timeout) */
	sqlite3_stmt *pair_st[3]; /* the checker's pair lookups, prepared once (store_words.c) */
};

/* Formats the message of the last failure; fmt is translated (news/msg.h). */
void store_set_error(Store *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Sets the message from the database's last error ("cannot WHAT: ..."); returns false. */
bool store_fail(Store *s, const char *what);

/*
 * Prepares sql and binds one value per character of types: 't' text (NULL binds ""), 'T'
 * text not copied (the caller keeps it until the statement is finalized: an article's long
 * fields), 'i' int64_t, 'n' int64_t where 0 binds NULL. Returns NULL with the message set.
 */
sqlite3_stmt *store_prep(Store *s, const char *sql, const char *types, ...);

/* Binds value to the parameter called name (":author") when st has one; false on failure.
 * A NULL text binds "". */
bool store_bind_text(sqlite3_stmt *st, const char *name, const char *value);
bool store_bind_int(sqlite3_stmt *st, const char *name, int64_t value);

/*
 * Adds the connection's own SQL functions, used only in queries, never in the schema (other
 * programs can still write to the database): toasoan_fold(text), lower case with the marks
 * removed and đ made d (viet_fold_str), and toasoan_collate(text), the key that sorts titles
 * in Vietnamese order (viet_collate_key) as a blob. False with the message set.
 */
bool store_add_functions(Store *s);

/* Steps st once (a write), finalizes it; false with the message set on failure or st NULL. */
bool store_exec_stmt(Store *s, sqlite3_stmt *st, const char *what);

/* Steps st for one row and reads its first column as an integer; finalizes st. False with
 * "cannot WHAT: ..." when there is no row or the query fails (or st is NULL). */
bool store_int(Store *s, sqlite3_stmt *st, int64_t *out, const char *what);

/* Steps st to its end and collects its first column into *ids (n of them; the caller frees
 * *ids, also on failure); finalizes st. False with "cannot WHAT: ..." when the query fails
 * (or st is NULL). */
bool store_ids(Store *s, sqlite3_stmt *st, int64_t **ids, size_t *n, const char *what);

/* The columns store_read_article reads, from articles a joined with users u. */
#define ARTICLE_COLS                                                                   \
	"a.id, a.title, a.state, a.author, u.name, a.version, a.words, a.created_at, "  \
	"a.updated_at, a.publish_at, a.published_at"
#define TEXT_COLS "a.sapo, a.body, a.byline, a.section, a.tags"

/* Reads a row of ARTICLE_COLS (then TEXT_COLS when with_text) into a. */
void store_read_article(sqlite3_stmt *st, Article *a, bool with_text);

/* A heap copy of a text column ("" for NULL). */
char *store_col_text(sqlite3_stmt *st, int col);

#endif
