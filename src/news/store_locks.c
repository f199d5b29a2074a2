/*
 * store_locks.c: edit locks, the edit journal, backups and integrity checks.
 *
 * A lock is a row naming who holds an article (login, host, pid) and when they last said they
 * were alive. The store only reads and writes rows; deciding whether a lock is stale is the
 * desk's business. The journal keeps one row per person and article, overwritten at each
 * write: it is a safety net for unsaved text, not history. A person's new article (article
 * 0) is one row for all their sessions: a session drops it only while it holds what that
 * session wrote (store_journal_drop_if), so one session's save keeps another's text.
 */
#include "news/store.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "base/digest.h"
#include "base/xalloc.h"
#include "news/store_int.h"
#include "base/banned.h"

bool store_lock_get(Store *s, int64_t id, LockInfo *out, bool *found)
{
	sqlite3_stmt *st = store_prep(s, "SELECT l.login, coalesce(u.name, l.login), l.host,"
		" l.pid, l.since, l.heartbeat FROM locks l LEFT JOIN users u ON u.login = l.login"
		" WHERE l.article = ?", "i", id);
	int rc;

	if (!st)
		return false;
	rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (*found) {
		out->login = store_col_text(st, 0);
		out->name = store_col_text(st, 1);
		out->host = store_col_text(st, 2);
		out->pid = sqlite3_column_int64(st, 3);
		out->since = sqlite3_column_int64(st, 4);
		out->heartbeat = sqlite3_column_int64(st, 5);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? true : store_fail(s, "read the lock");
}

bool store_lock_put(Store *s, int64_t id, const char *login, const char *host, int64_t pid,
		    int64_t now)
{
	return store_exec_stmt(s, store_prep(s,
		"INSERT OR REPLACE INTO locks(article, login, host, pid, since, heartbeat)"
		" VALUES (?, ?, ?, ?, ?, ?)", "itti" "ii", id, login, host, pid, now, now),
		"lock the article");
}

bool store_lock_beat(Store *s, int64_t id, const char *login, const char *host, int64_t pid,
		     int64_t now, bool *still_held)
{
	if (!store_exec_stmt(s, store_prep(s, "UPDATE locks SET heartbeat = ? WHERE article = ?"
		" AND login = ? AND host = ? AND pid = ?", "iitti", now, id, login, host, pid),
		"renew the lock"))
		return false;
	*still_held = sqlite3_changes(s->db) > 0;
	return true;
}

bool store_lock_drop(Store *s, int64_t id, const char *login, const char *host, int64_t pid)
{
	return store_exec_stmt(s, store_prep(s, "DELETE FROM locks WHERE article = ? AND"
		" login = ? AND host = ? AND pid = ?", "itti", id, login, host, pid),
		"unlock the article");
}

bool store_lock_clear_stale(Store *s, int64_t before, int64_t *n)
{
	if (!store_exec_stmt(s, store_prep(s, "DELETE FROM locks WHERE heartbeat < ?", "i",
					   before), "clear dead locks"))
		return false;
	*n = sqlite3_changes(s->db);
	return true;
}

/* Streams text into the zeros the journal row just inserted holds for its body. */
static bool journal_body(Store *s, const char *text, size_t len)
{
	sqlite3_blob *b = NULL;
	int rc = len ? sqlite3_blob_open(s->db, "main", "journal", "body",
					 sqlite3_last_insert_rowid(s->db), 1, &b) : SQLITE_OK;

	for (size_t at = 0; rc == SQLITE_OK && at < len;) {
		size_t n = len - at < (1u << 16) ? len - at : 1u << 16;
		rc = sqlite3_blob_write(b, text + at, (int)n, (int)at);
		at += n;
	}
	if (b && sqlite3_blob_close(b) != SQLITE_OK && rc == SQLITE_OK)
		rc = SQLITE_ERROR;
	return rc == SQLITE_OK || store_fail(s, "write the journal");
}

/* Starts the journal's transaction; without waiting, it fails at once while another
 * connection writes. */
static bool journal_begin(Store *s, bool wait)
{
	bool ok;

	if (wait)
		return store_begin(s);
	sqlite3_busy_timeout(s->db, 0);
	ok = store_begin(s);
	sqlite3_busy_timeout(s->db, s->patience);
	return ok;
}

bool store_journal_stream(Store *s, const Article *a, const char *login, int64_t now,
			  bool wait)
{
	size_t blen = strlen(a->body);

	/* Article 0 is a new article not saved yet: its journal row has no article. One
	 * transaction: a reader never finds the row missing, and a failure (a full disk) leaves
	 * no write lock behind for the session's other connection. The body, the row's last
	 * column, is inserted as zeros and written in place: the row is never built whole (a
	 * text longer than the database takes, a gigabyte, fails at the insert). */
	if (!journal_begin(s, wait))
		return false;
	if (store_journal_drop(s, a->id, login) &&
	    store_exec_stmt(s, store_prep(s,
		"INSERT INTO journal(article, key, login, base_version, title, sapo, byline,"
		" section, tags, at, body) VALUES (?1, coalesce(?1, 0), ?, ?, ?, ?, ?, ?, ?, ?,"
		" zeroblob(?))", "ntiT" "TTTT" "ii", a->id, login, a->version, a->title, a->sapo,
		a->byline, a->section, a->tags, now, (int64_t)blen),
		"write the journal") &&
	    journal_body(s, a->body, blen))
		return true;
	store_rollback(s);
	return false;
}

bool store_journal_put(Store *s, const Article *a, const char *login, int64_t now)
{
	return store_journal_stream(s, a, login, now, true) && store_commit(s);
}

bool store_journal_get(Store *s, int64_t id, const char *login, Article *out, int64_t *at,
		       bool *found)
{
	sqlite3_stmt *st = store_prep(s, "SELECT base_version, title, sapo, body, byline,"
		" section, tags, at FROM journal WHERE key = ? AND login = ?", "it",
		id, login);
	int rc;

	if (!st)
		return false;
	rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (*found) {
		out->version = sqlite3_column_int64(st, 0);
		article_set(&out->title, (const char *)sqlite3_column_text(st, 1));
		article_set(&out->sapo, (const char *)sqlite3_column_text(st, 2));
		article_set(&out->body, (const char *)sqlite3_column_text(st, 3));
		article_set(&out->byline, (const char *)sqlite3_column_text(st, 4));
		article_set(&out->section, (const char *)sqlite3_column_text(st, 5));
		article_set(&out->tags, (const char *)sqlite3_column_text(st, 6));
		*at = sqlite3_column_int64(st, 7);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? true : store_fail(s, "read the journal");
}

bool store_journal_drop(Store *s, int64_t id, const char *login)
{
	return store_exec_stmt(s, store_prep(s, "DELETE FROM journal WHERE key = ?"
		" AND login = ?", "it", id, login), "clear the journal");
}

void store_journal_print(const Article *a, uint8_t out[STORE_PRINT_BYTES])
{
	const char *field[] = {a->title, a->sapo, a->body, a->byline, a->section, a->tags};
	uint8_t each[sizeof field / sizeof *field][SHA256_BYTES];

	/* Field by field, then the prints together: no copy of a long body is made, and text
	 * moved from one field to the next changes the print. */
	for (size_t f = 0; f < sizeof field / sizeof *field; f++)
		sha256(field[f], strlen(field[f]), each[f]);
	sha256(each, sizeof each, out);
}

bool store_journal_drop_if(Store *s, int64_t id, const char *login,
			   const uint8_t print[STORE_PRINT_BYTES])
{
	Article row;
	int64_t at;
	bool found = false, ok;
	uint8_t now[STORE_PRINT_BYTES];

	/* In one transaction: another session cannot write the row between the look and the
	 * delete. */
	if (!store_begin(s))
		return false;
	article_init(&row);
	ok = store_journal_get(s, id, login, &row, &at, &found);
	if (ok && found) {
		store_journal_print(&row, now);
		if (memcmp(now, print, sizeof now) == 0)
			ok = store_journal_drop(s, id, login);
	}
	article_release(&row);
	if (!ok) {
		store_rollback(s);
		return false;
	}
	return store_commit(s);
}

bool store_backup(Store *s, const char *path)
{
	sqlite3 *dst;
	sqlite3_backup *b;
	int rc;

	if (sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK) {
		store_set_error(s, "cannot create the backup '%s': %s", path, sqlite3_errmsg(dst));
		sqlite3_close(dst);
		return false;
	}
	b = sqlite3_backup_init(dst, "main", s->db, "main");
	if (!b) {
		store_set_error(s, "cannot back up to '%s': %s", path, sqlite3_errmsg(dst));
		sqlite3_close(dst);
		return false;
	}
	/* Copy in steps so that writers are held up for moments, not for the whole copy. */
	do {
		rc = sqlite3_backup_step(b, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		store_set_error(s, "cannot back up to '%s': %s", path, sqlite3_errstr(rc));
		sqlite3_close(dst);
		return false;
	}
	rc = sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	sqlite3_close(dst);
	return rc == SQLITE_OK ? true : (store_set_error(s, "cannot finish the backup '%s'", path),
					 false);
}

static bool run_check(Store *s, const char *sql, Str *report, int *problems, bool ok_row)
{
	sqlite3_stmt *st = store_prep(s, sql, "");
	int rc = st ? SQLITE_ROW : sqlite3_errcode(s->db);

	while (st && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		if (ok_row && t && strcmp(t, "ok") == 0)
			continue;
		str_addf(report, "%s\n", t ? t : "(foreign key violation)");
		(*problems)++;
	}
	sqlite3_finalize(st);
	if ((rc & 0xFF) == SQLITE_CORRUPT || (rc & 0xFF) == SQLITE_NOTADB) {
		/* too damaged for the check to finish: that is a finding, not a failure */
		str_addf(report, "%s\n", sqlite3_errstr(rc));
		(*problems)++;
		return true;
	}
	if (!st)
		return false;
	return rc == SQLITE_DONE ? true : store_fail(s, "check the database");
}

bool store_check(Store *s, Str *report, int *problems)
{
	*problems = 0;
	return run_check(s, "PRAGMA integrity_check", report, problems, true) &&
	       run_check(s, "SELECT 'foreign key: ' || \"table\" || ' row ' || rowid"
			 " FROM pragma_foreign_key_check", report, problems, false);
}

/*
 * Opens the file read-only, without migrating or changing its journal mode, so that a
 * damaged file is looked at and never written.
 */
bool store_check_file(const char *path, Str *report, int *problems, char *err, size_t errlen)
{
	Store s = {.path = (char *)path};
	bool ok;

	*problems = 0;
	if (sqlite3_open_v2(path, &s.db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		snprintf(err, errlen, "cannot open the database '%s': %s", path,
			 s.db ? sqlite3_errmsg(s.db) : "out of memory");
		sqlite3_close(s.db);
		return false;
	}
	sqlite3_extended_result_codes(s.db, 1);
	sqlite3_busy_timeout(s.db, STORE_PATIENCE_MS);
	ok = store_check(&s, report, problems);
	if (!ok && (sqlite3_errcode(s.db) == SQLITE_CORRUPT ||
		    sqlite3_errcode(s.db) == SQLITE_NOTADB)) {
		/* too damaged for the check even to start: that is its finding */
		str_addf(report, "%s\n", sqlite3_errmsg(s.db));
		(*problems)++;
		ok = true;
	}
	if (!ok)
		snprintf(err, errlen, "%s", s.err);
	sqlite3_close(s.db);
	return ok;
}
