/*
 * store_articles.c: articles, their revisions and their transitions.
 *
 * Version numbers are revision numbers: every stored text (a save, a conflicting save, a
 * recovered journal, text kept at a take-over) gets the next number for its article, and the
 * article's version is the number of the revision it shows. A save is accepted only when the
 * article still shows the revision the text was loaded from; the UPDATE checks that in its
 * WHERE clause, so two savers can never both win.
 */
#include "news/store.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "news/store_int.h"
#include "viet/letter.h"
#include "base/banned.h"

static void read_article(sqlite3_stmt *st, Article *a, bool with_text)
{
	char *state = store_col_text(st, 2);

	a->id = sqlite3_column_int64(st, 0);
	article_set(&a->title, (const char *)sqlite3_column_text(st, 1));
	if (!state_parse(state, &a->state))
		a->state = STATE_DRAFT;
	free(state);
	article_set(&a->author, (const char *)sqlite3_column_text(st, 3));
	article_set(&a->author_name, (const char *)sqlite3_column_text(st, 4));
	a->version = sqlite3_column_int64(st, 5);
	a->words = sqlite3_column_int64(st, 6);
	a->created_at = sqlite3_column_int64(st, 7);
	a->updated_at = sqlite3_column_int64(st, 8);
	a->publish_at = sqlite3_column_int64(st, 9);
	a->published_at = sqlite3_column_int64(st, 10);
	if (!with_text)
		return;
	article_set(&a->sapo, (const char *)sqlite3_column_text(st, 11));
	article_set(&a->body, (const char *)sqlite3_column_text(st, 12));
	article_set(&a->byline, (const char *)sqlite3_column_text(st, 13));
	article_set(&a->section, (const char *)sqlite3_column_text(st, 14));
	article_set(&a->tags, (const char *)sqlite3_column_text(st, 15));
}

/* The time column of q's order, and whether it runs newest first (before `backward`). */
static const char *time_col(const StoreQuery *q, bool *desc)
{
	*desc = !q->by_publish_at && !q->oldest_first;
	if (q->by_publish_at)
		return "a.publish_at";
	return q->by_published_at ? "a.published_at" : "a.updated_at";
}

static int64_t time_of(const StoreQuery *q, const Article *a)
{
	if (q->by_publish_at)
		return a->publish_at;
	return q->by_published_at ? a->published_at : a->updated_at;
}

/* The rows a query keeps; every value is a named parameter bound by bind_query. */
static void where_sql(const StoreQuery *q, Str *sql)
{
	str_adds(sql, " WHERE 1");
	if (q->state >= 0)
		str_adds(sql, " AND a.state = :state");
	if (q->since)
		str_adds(sql, " AND a.updated_at >= :since");
	if (q->after_seq > 0)
		str_adds(sql, " AND a.seq > :seq");
	if (q->author && q->or_published) /* most of the archive: walked in the list's order */
		str_adds(sql, " AND (+a.author = :author OR +a.state = 'published')");
	else if (q->author)
		str_adds(sql, " AND a.author = :author");
	if (q->filter && *q->filter)
		str_adds(sql, " AND instr(toasoan_fold(a.title || ' ' ||"
			      " coalesce(nullif(u.name, ''), a.author)), :filter) > 0");
}

/*
 * The keyset bound and the order. Time orders are walked along their indexes (the id breaks
 * ties, and every index holds it); the title order has no index and is sorted, keeping only
 * as many rows as the limit asks for.
 */
static void order_sql(const StoreQuery *q, Str *sql)
{
	bool desc;
	const char *col = time_col(q, &desc);
	desc ^= q->backward;
	const char *op = desc ? (q->inclusive ? "<=" : "<") : (q->inclusive ? ">=" : ">");
	const char *dir = desc ? "DESC" : "ASC";
	const char *tdir = q->backward ? "DESC" : "ASC";

	/* In the title order, times and ids that run newest first are negated so that one
	 * comparison of (key, time, id) places a row: the key is worked out once a row. */
	const char *neg = desc != q->backward ? "-" : "";
	const char *kop = q->backward ? (q->inclusive ? "<=" : "<") : (q->inclusive ? ">=" : ">");

	if (q->from && q->by_title)
		str_addf(sql, " AND (toasoan_collate(a.title), %s%s, %sa.id) %s"
			 " (toasoan_collate(:ftitle), %s:ftime, %s:fid)", neg, col, neg, kop, neg,
			 neg);
	else if (q->from)
		str_addf(sql, " AND (%s, a.id) %s (:ftime, :fid)", col, op);
	if (q->after_seq > 0) /* a few changed rows: found through the change numbers' index */
		str_adds(sql, " ORDER BY a.seq");
	else if (q->by_title)
		str_addf(sql, " ORDER BY toasoan_collate(a.title) %s, %s %s, a.id %s", tdir, col,
			 dir, dir);
	else
		str_addf(sql, " ORDER BY %s %s, a.id %s", col, dir, dir);
}

/* Prepares sql and binds q's values to the parameters it names; NULL with the message set. */
static sqlite3_stmt *bind_query(Store *s, const StoreQuery *q, const char *sql)
{
	sqlite3_stmt *st = store_prep(s, sql, "");
	const char *state = q->state >= 0 ? state_name((State)q->state) : "";
	const Article *f = q->from;

	if (st && !(store_bind_text(st, ":state", state) &&
		    store_bind_int(st, ":since", q->since) &&
		    store_bind_int(st, ":seq", q->after_seq) &&
		    store_bind_text(st, ":author", q->author) &&
		    store_bind_text(st, ":filter", q->filter) &&
		    store_bind_text(st, ":ftitle", f ? f->title : "") &&
		    store_bind_int(st, ":ftime", f ? time_of(q, f) : 0) &&
		    store_bind_int(st, ":fid", f ? f->id : 0) &&
		    store_bind_int(st, ":limit", q->limit > 0 ? q->limit : -1) &&
		    store_bind_int(st, ":offset", q->offset > 0 ? q->offset : 0))) {
		store_fail(s, "bind a value");
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

bool store_articles_each(Store *s, const StoreQuery *q, StoreRowFn fn, void *arg)
{
	Str sql = STR_INIT;
	sqlite3_stmt *st;
	Article a;
	int rc;

	str_adds(&sql, "SELECT " ARTICLE_COLS);
	if (q->with_text)
		str_adds(&sql, ", " TEXT_COLS);
	/* the title order reads every row: from the index that holds the listed columns */
	str_adds(&sql, q->by_title ? ", a.seq FROM articles a INDEXED BY articles_listing"
				   : ", a.seq FROM articles a");
	str_adds(&sql, " JOIN users u ON u.login = a.author");
	where_sql(q, &sql);
	order_sql(q, &sql);
	str_adds(&sql, " LIMIT :limit OFFSET :offset");
	st = bind_query(s, q, sql.s);
	str_release(&sql);
	if (!st)
		return false;
	article_init(&a);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_article(st, &a, q->with_text);
		if (!fn(arg, &a)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	article_release(&a);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? true : store_fail(s, "list articles");
}

/* SELECT what FROM the rows of q, in no order. */
static sqlite3_stmt *select_rows(Store *s, const StoreQuery *q, const char *what)
{
	Str sql = STR_INIT;
	sqlite3_stmt *st;

	str_addf(&sql, "SELECT %s FROM articles a", what);
	if (q->filter && *q->filter)
		str_adds(&sql, " JOIN users u ON u.login = a.author");
	where_sql(q, &sql);
	st = bind_query(s, q, sql.s);
	str_release(&sql);
	return st;
}

bool store_articles_count(Store *s, const StoreQuery *q, int64_t *n)
{
	return store_int(s, select_rows(s, q, "count(*)"), n, "list articles");
}

bool store_articles_ids(Store *s, const StoreQuery *q, void (*fn)(void *arg, int64_t id),
			void *arg)
{
	sqlite3_stmt *st = select_rows(s, q, "a.id");
	int rc;

	if (!st)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(arg, sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? true : store_fail(s, "list articles");
}

static bool push_row(void *arg, const Article *a)
{
	Article *slot = article_list_push(arg);
	article_release(slot); /* article_copy fills a fresh value */
	article_copy(slot, a);
	return true;
}

bool store_articles(Store *s, const StoreQuery *q, ArticleList *out)
{
	return store_articles_each(s, q, push_row, out);
}

bool store_articles_seq(Store *s, int64_t *seq)
{
	return store_int(s, store_prep(s, "SELECT coalesce(max(seq), 0) FROM articles", ""), seq,
			 "read the articles' change number");
}

bool store_changed_ids(Store *s, int64_t after_seq, int64_t **ids, size_t *n)
{
	return store_ids(s, store_prep(s, "SELECT id FROM articles WHERE seq > ?", "i", after_seq),
			 ids, n, "read the changed articles");
}

bool store_article_get(Store *s, int64_t id, Article *out, bool *found)
{
	sqlite3_stmt *st = store_prep(s, "SELECT " ARTICLE_COLS ", " TEXT_COLS
		" FROM articles a JOIN users u ON u.login = a.author WHERE a.id = ?", "i", id);
	int rc;

	if (!st)
		return false;
	rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (*found)
		read_article(st, out, true);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? true : store_fail(s, "read the article");
}

static bool insert_revision(Store *s, const Article *a, int64_t version, RevisionKind kind,
			    int64_t base, const char *by, int64_t now, const char *reason)
{
	return store_exec_stmt(s, store_prep(s,
		"INSERT INTO revisions(article, version, kind, base_version, title, sapo, body,"
		" byline, section, tags, author, at, reason, real_by)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "iitittttttt" "itt",
		a->id, version, revision_kind_name(kind), base, a->title, a->sapo, a->body,
		a->byline, a->section, a->tags, by, now, reason, s->real_by), "store the revision");
}

static bool next_version(Store *s, int64_t id, int64_t *version)
{
	return store_int(s, store_prep(s,
		"SELECT coalesce(max(version), 0) + 1 FROM revisions WHERE article = ?", "i", id),
		version, "number the revision");
}

bool store_article_insert(Store *s, Article *a, const char *by, int64_t now, const char *reason)
{
	a->words = article_count_words(a);
	if (!store_exec_stmt(s, store_prep(s,
		"INSERT INTO articles(title, sapo, body, byline, section, tags, state, author,"
		" version, words, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
		"tttttttt" "iii", a->title, a->sapo, a->body, a->byline, a->section, a->tags,
		state_name(STATE_DRAFT), by, a->words, now, now), "create the article"))
		return false;
	a->id = sqlite3_last_insert_rowid(s->db);
	a->version = 1;
	a->state = STATE_DRAFT;
	a->created_at = a->updated_at = now;
	article_set(&a->author, by);
	return insert_revision(s, a, 1, REV_SAVE, 0, by, now, reason);
}

bool store_revision_keep(Store *s, const Article *a, RevisionKind kind, const char *by,
			 int64_t now, const char *reason, int64_t *version)
{
	int64_t v;

	if (!next_version(s, a->id, &v) || !insert_revision(s, a, v, kind, a->version, by, now,
							     reason))
		return false;
	if (version)
		*version = v;
	return true;
}

bool store_article_save(Store *s, Article *a, const char *by, int64_t now, const char *reason,
			bool *conflict)
{
	int64_t v, words = article_count_words(a);

	*conflict = false;
	if (!next_version(s, a->id, &v))
		return false;
	if (!store_exec_stmt(s, store_prep(s,
		"UPDATE articles SET title = ?, sapo = ?, body = ?, byline = ?, section = ?,"
		" tags = ?, version = ?, words = ?, updated_at = ? WHERE id = ? AND version = ?",
		"tttttt" "iiiii", a->title, a->sapo, a->body, a->byline, a->section, a->tags, v,
		words, now, a->id, a->version), "save the article"))
		return false;
	if (sqlite3_changes(s->db) == 0) {
		*conflict = true;
		return insert_revision(s, a, v, REV_CONFLICT, a->version, by, now, reason);
	}
	if (!insert_revision(s, a, v, REV_SAVE, a->version, by, now, reason))
		return false;
	a->version = v;
	a->words = words;
	a->updated_at = now;
	return true;
}

static bool add_transition(Store *s, int64_t id, const char *from, State to, const char *by,
			   const char *real_by, int64_t now, const char *note)
{
	return store_exec_stmt(s, store_prep(s,
		"INSERT INTO transitions(article, from_state, to_state, by, real_by, at, note)"
		" VALUES (?, nullif(?, ''), ?, ?, ?, ?, ?)", "itttt" "it", id, from, state_name(to),
		by, real_by ? real_by : "", now, note ? note : ""), "record the change");
}

bool store_transition_created(Store *s, int64_t id, const char *by, const char *real_by,
			      int64_t now, const char *note)
{
	return add_transition(s, id, "", STATE_DRAFT, by, real_by, now, note);
}

bool store_article_move(Store *s, int64_t id, State from, State to, int64_t publish_at,
			int64_t published_at, const char *by, const char *real_by, int64_t now,
			const char *note, bool *moved)
{
	if (!store_exec_stmt(s, store_prep(s,
		"UPDATE articles SET state = ?, publish_at = ?, published_at = ?, updated_at = ?"
		" WHERE id = ? AND state = ?", "tnnii" "t", state_name(to), publish_at,
		published_at, now, id, state_name(from)), "change the state"))
		return false;
	*moved = sqlite3_changes(s->db) > 0;
	if (!*moved)
		return true;
	return add_transition(s, id, state_name(from), to, by, real_by, now, note);
}

bool store_due(Store *s, int64_t now, int64_t **ids, size_t *n)
{
	return store_ids(s, store_prep(s, "SELECT id FROM articles WHERE state = 'scheduled'"
		" AND publish_at <= ? ORDER BY publish_at, id", "i", now), ids, n,
			 "find due articles");
}

static void read_event(sqlite3_stmt *st, Event *e)
{
	char *kind = store_col_text(st, 0);
	char *from = store_col_text(st, 1);
	char *to = store_col_text(st, 2);

	e->is_revision = strcmp(kind, "t") != 0;
	e->at = sqlite3_column_int64(st, 3);
	e->who = store_col_text(st, 4);
	e->who_name = store_col_text(st, 5);
	e->real_who = store_col_text(st, 6);
	e->note = store_col_text(st, 7);
	e->version = sqlite3_column_int64(st, 8);
	if (e->is_revision) {
		if (!revision_kind_parse(kind, &e->kind))
			e->kind = REV_SAVE;
	} else {
		e->created = from[0] == '\0';
		if (!state_parse(to, &e->to))
			e->to = STATE_DRAFT;
		if (e->created || !state_parse(from, &e->from))
			e->from = e->to;
	}
	free(kind);
	free(from);
	free(to);
}

bool store_history(Store *s, int64_t id, EventList *out)
{
	sqlite3_stmt *st = store_prep(s,
		"SELECT 't', coalesce(t.from_state, ''), t.to_state, t.at, t.by, u.name, t.real_by,"
		"  t.note, 0, CASE WHEN t.from_state IS NULL THEN 0 ELSE 2 END, t.id FROM transitions t JOIN users u ON u.login = t.by"
		"  WHERE t.article = ?"
		" UNION ALL "
		"SELECT r.kind, '', '', r.at, r.author, u.name, r.real_by, r.reason, r.version, 1,"
		"  r.version"
		"  FROM revisions r JOIN users u ON u.login = r.author WHERE r.article = ?"
		" ORDER BY 4, 10, 11", "ii", id, id);
	int rc;

	if (!st)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		read_event(st, event_list_push(out));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? true : store_fail(s, "read the history");
}

bool store_revision_get(Store *s, int64_t id, int64_t version, Article *out, bool *found)
{
	sqlite3_stmt *st = store_prep(s, "SELECT title, sapo, body, byline, section, tags, at,"
		" author FROM revisions WHERE article = ? AND version = ?", "ii", id, version);
	int rc;

	if (!st)
		return false;
	rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (*found) {
		article_set(&out->title, (const char *)sqlite3_column_text(st, 0));
		article_set(&out->sapo, (const char *)sqlite3_column_text(st, 1));
		article_set(&out->body, (const char *)sqlite3_column_text(st, 2));
		article_set(&out->byline, (const char *)sqlite3_column_text(st, 3));
		article_set(&out->section, (const char *)sqlite3_column_text(st, 4));
		article_set(&out->tags, (const char *)sqlite3_column_text(st, 5));
		out->updated_at = sqlite3_column_int64(st, 6);
		out->version = version;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? true : store_fail(s, "read the revision");
}

/* toasoan_fold(text) and toasoan_collate(text): see store_add_functions. */
static void text_fn(sqlite3_context *ctx, sqlite3_value **argv,
		    void (*fn)(const char *s, size_t len, Str *out), bool blob)
{
	const unsigned char *t = sqlite3_value_text(argv[0]);
	Str out = STR_INIT;

	if (!t) {
		sqlite3_result_null(ctx);
		return;
	}
	fn((const char *)t, (size_t)sqlite3_value_bytes(argv[0]), &out);
	if (blob)
		sqlite3_result_blob(ctx, str_cstr(&out), (int)out.len, SQLITE_TRANSIENT);
	else
		sqlite3_result_text(ctx, str_cstr(&out), (int)out.len, SQLITE_TRANSIENT);
	str_release(&out);
}

static void fold_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	text_fn(ctx, argv, viet_fold_str, false);
}

static void collate_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	text_fn(ctx, argv, viet_collate_key, true);
}

bool store_add_functions(Store *s)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

	if (sqlite3_create_function(s->db, "toasoan_fold", 1, flags, NULL, fold_fn, NULL, NULL) ==
		    SQLITE_OK &&
	    sqlite3_create_function(s->db, "toasoan_collate", 1, flags, NULL, collate_fn, NULL,
				    NULL) == SQLITE_OK)
		return true;
	return store_fail(s, "set up the database");
}

void store_read_article(sqlite3_stmt *st, Article *a, bool with_text)
{
	read_article(st, a, with_text);
}
