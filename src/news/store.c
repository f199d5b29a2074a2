/*
 * store.c: opening, migrating and the statement helpers of the store; the queries on users,
 * articles and history are in store_*.c beside it and share store_int.h.
 *
 * Migrations are an array of SQL scripts; migration k brings user_version from k to k+1 and
 * runs in one transaction with the version bump, so a crash leaves the old schema intact.
 */
#include "news/store.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "base/file.h"
#include "base/xalloc.h"
#include "news/store_int.h"
#include "base/banned.h"

/* A column's text as the folded search index takes it: the letters the tokenizer keeps as
 * their own made the plain ones viet_fold makes them (its marks it drops itself). */
#define FOLD(col)                                                                             \
	"replace(replace(replace(replace(replace(replace(" col ", 'đ', 'd'), 'Đ', 'D'),"         \
	" 'ð', 'd'), 'Ð', 'D'), 'ƣ', 'u'), 'Ƣ', 'U')"
#define FOLD_COLUMNS(row) \
	FOLD(row "title") ", " FOLD(row "sapo") ", " FOLD(row "body") ", " FOLD(row "byline")
/* A row (new or old) into both search indexes, and out of them. */
#define INDEX_ROW(row)                                                                        \
	"  INSERT INTO search_exact(rowid, title, sapo, body, byline) VALUES (" row ".id, "     \
	row ".title, " row ".sapo, " row ".body, " row ".byline);"                                \
	"  INSERT INTO search_fold(rowid, title, sapo, body, byline) VALUES (" row ".id, "      \
	FOLD_COLUMNS(row ".") ");"
#define UNINDEX_ROW(row)                                                                      \
	"  INSERT INTO search_exact(search_exact, rowid, title, sapo, body, byline) VALUES "      \
	"('delete', " row ".id, " row ".title, " row ".sapo, " row ".body, " row ".byline);"     \
	"  INSERT INTO search_fold(search_fold, rowid, title, sapo, body, byline) VALUES "        \
	"('delete', " row ".id, " FOLD_COLUMNS(row ".") ");"

static const char *const migrations[] = {
	/* 0 -> 1: the first schema */
	"CREATE TABLE users("
	"  login TEXT PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  role TEXT NOT NULL CHECK (role IN ('reporter', 'editor', 'admin')),"
	"  active INTEGER NOT NULL DEFAULT 1,"
	"  created_at INTEGER NOT NULL);"
	"CREATE TABLE articles("
	"  id INTEGER PRIMARY KEY,"
	"  title TEXT NOT NULL, sapo TEXT NOT NULL DEFAULT '', body TEXT NOT NULL DEFAULT '',"
	"  byline TEXT NOT NULL DEFAULT '', section TEXT NOT NULL DEFAULT '',"
	"  tags TEXT NOT NULL DEFAULT '',"
	"  state TEXT NOT NULL CHECK (state IN ('draft', 'review', 'scheduled', 'published')),"
	"  author TEXT NOT NULL REFERENCES users(login),"
	"  version INTEGER NOT NULL,"
	"  words INTEGER NOT NULL DEFAULT 0,"
	"  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,"
	"  publish_at INTEGER, published_at INTEGER);"
	"CREATE INDEX articles_state ON articles(state, updated_at);"
	"CREATE INDEX articles_author ON articles(author, updated_at);"
	"CREATE TABLE revisions("
	"  article INTEGER NOT NULL REFERENCES articles(id),"
	"  version INTEGER NOT NULL,"
	"  kind TEXT NOT NULL DEFAULT 'save',"
	"  base_version INTEGER NOT NULL DEFAULT 0,"
	"  title TEXT NOT NULL, sapo TEXT NOT NULL, body TEXT NOT NULL, byline TEXT NOT NULL,"
	"  section TEXT NOT NULL, tags TEXT NOT NULL,"
	"  author TEXT NOT NULL REFERENCES users(login),"
	"  at INTEGER NOT NULL, reason TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (article, version));"
	"CREATE TABLE transitions("
	"  id INTEGER PRIMARY KEY,"
	"  article INTEGER NOT NULL REFERENCES articles(id),"
	"  from_state TEXT, to_state TEXT NOT NULL,"
	"  by TEXT NOT NULL REFERENCES users(login), real_by TEXT NOT NULL DEFAULT '',"
	"  at INTEGER NOT NULL, note TEXT NOT NULL DEFAULT '');"
	"CREATE INDEX transitions_article ON transitions(article, id);"
	"CREATE TABLE audit("
	"  id INTEGER PRIMARY KEY, at INTEGER NOT NULL, by TEXT NOT NULL,"
	"  real_by TEXT NOT NULL DEFAULT '', what TEXT NOT NULL, subject TEXT NOT NULL,"
	"  note TEXT NOT NULL DEFAULT '');"
	"CREATE TABLE locks("
	"  article INTEGER PRIMARY KEY REFERENCES articles(id),"
	"  login TEXT NOT NULL, host TEXT NOT NULL, pid INTEGER NOT NULL,"
	"  since INTEGER NOT NULL, heartbeat INTEGER NOT NULL);"
	"CREATE TABLE journal("
	"  article INTEGER REFERENCES articles(id),"  /* NULL: a new article not yet saved */
	"  login TEXT NOT NULL, base_version INTEGER NOT NULL,"
	"  title TEXT NOT NULL, sapo TEXT NOT NULL, body TEXT NOT NULL, byline TEXT NOT NULL,"
	"  section TEXT NOT NULL, tags TEXT NOT NULL, at INTEGER NOT NULL);"
	"CREATE UNIQUE INDEX journal_key ON journal(coalesce(article, 0), login);"
	"CREATE TABLE words(word TEXT PRIMARY KEY, added_by TEXT NOT NULL, at INTEGER NOT NULL);"
	"CREATE TABLE bigrams(pair TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;"
	"CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions"
	"  BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;"
	"CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions"
	"  BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;"
	"CREATE TRIGGER transitions_no_update BEFORE UPDATE ON transitions"
	"  BEGIN SELECT RAISE(ABORT, 'transitions are append-only'); END;"
	"CREATE TRIGGER transitions_no_delete BEFORE DELETE ON transitions"
	"  BEGIN SELECT RAISE(ABORT, 'transitions are append-only'); END;"
	"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
	"  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
	"  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;",
	/* 1 -> 2: the published site. Where each published article sits (its page path, frozen
	 * at first publication; its section folder and page there), the names its page links to
	 * (tags, authors), and the site's files that are stale until the next flush. */
	"ALTER TABLE articles ADD COLUMN site_path TEXT;"
	"ALTER TABLE articles ADD COLUMN site_section TEXT;"
	"ALTER TABLE articles ADD COLUMN site_page INTEGER;"
	"CREATE INDEX articles_published ON articles(state, published_at);"
	"CREATE INDEX articles_site_latest ON articles(site_section, published_at);"
	"CREATE INDEX articles_site_page ON articles(site_section, site_page);"
	"CREATE TABLE site_terms("
	"  kind TEXT NOT NULL, slug TEXT NOT NULL, name TEXT NOT NULL,"
	"  article INTEGER NOT NULL REFERENCES articles(id), published_at INTEGER NOT NULL,"
	"  page INTEGER NOT NULL,"
	"  PRIMARY KEY (kind, slug, article)) WITHOUT ROWID;"
	"CREATE INDEX site_terms_latest ON site_terms(kind, slug, published_at);"
	"CREATE INDEX site_terms_page ON site_terms(kind, slug, page);"
	"CREATE INDEX site_terms_article ON site_terms(article);"
	"CREATE TABLE site_stale(what TEXT PRIMARY KEY, gen INTEGER NOT NULL) WITHOUT ROWID;"
	"CREATE INDEX site_stale_gen ON site_stale(gen);",
	/* 2 -> 3: people's SSH keys (the service account's authorized_keys is made from them) */
	"CREATE TABLE keys("
	"  fingerprint TEXT PRIMARY KEY,"
	"  login TEXT NOT NULL REFERENCES users(login),"
	"  type TEXT NOT NULL, blob TEXT NOT NULL, comment TEXT NOT NULL DEFAULT '',"
	"  added_by TEXT NOT NULL, at INTEGER NOT NULL);"
	"CREATE INDEX keys_login ON keys(login, at);",
	/* 3 -> 4: who really saved (--as) on revisions; findings a writer chose to ignore, per
	 * article; when each person last looked at each list (what arrived since) */
	"ALTER TABLE revisions ADD COLUMN real_by TEXT NOT NULL DEFAULT '';"
	"CREATE TABLE ignored("
	"  article INTEGER NOT NULL REFERENCES articles(id),"
	"  text TEXT NOT NULL, by TEXT NOT NULL, at INTEGER NOT NULL,"
	"  PRIMARY KEY (article, text)) WITHOUT ROWID;"
	"CREATE TABLE seen("
	"  login TEXT NOT NULL, list TEXT NOT NULL, at INTEGER NOT NULL,"
	"  PRIMARY KEY (login, list)) WITHOUT ROWID;",
	/* 4 -> 5: every change of an article takes the next change number (seq), so an open
	 * list reads only the rows changed since it last looked; `list` walks updated_at in
	 * order without sorting the archive, nor reading the articles' text. */
	"ALTER TABLE articles ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;"
	"UPDATE articles SET seq = id;"
	"CREATE INDEX articles_seq ON articles(seq);"
	/* the columns a list shows, in its order: `list` reads the index alone, in sequence */
	"CREATE INDEX articles_listing ON articles(updated_at, id, title, state, author, version,"
	"  words, created_at, publish_at, published_at, seq);"
	"CREATE TRIGGER articles_seq_insert AFTER INSERT ON articles BEGIN"
	"  UPDATE articles SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM articles)"
	"  WHERE id = new.id; END;"
	"CREATE TRIGGER articles_seq_update AFTER UPDATE ON articles WHEN new.seq = old.seq BEGIN"
	"  UPDATE articles SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM articles)"
	"  WHERE id = new.id; END;",
	/*
	 * 5 -> 6: the archive search. Two full-text indexes of title, lead, body and byline: one
	 * as written (case folded only), one with the marks removed by the tokenizer and đ made
	 * d here, since the tokenizer keeps đ. Triggers keep both in step with every write to
	 * articles, inside the writing transaction; the existing articles are indexed now. A
	 * covering index of the columns the search filters on spares reading article rows.
	 */
	"CREATE VIRTUAL TABLE search_exact USING fts5(title, sapo, body, byline,"
	"  content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 0');"
	"CREATE VIRTUAL TABLE search_fold USING fts5(title, sapo, body, byline,"
	"  content='', tokenize='unicode61 remove_diacritics 2');"
	"CREATE TRIGGER articles_search_insert AFTER INSERT ON articles BEGIN"
	"  INSERT INTO search_exact(rowid, title, sapo, body, byline)"
	"    VALUES (new.id, new.title, new.sapo, new.body, new.byline);"
	"  INSERT INTO search_fold(rowid, title, sapo, body, byline) VALUES (new.id,"
	"    replace(replace(new.title, 'đ', 'd'), 'Đ', 'D'),"
	"    replace(replace(new.sapo, 'đ', 'd'), 'Đ', 'D'),"
	"    replace(replace(new.body, 'đ', 'd'), 'Đ', 'D'),"
	"    replace(replace(new.byline, 'đ', 'd'), 'Đ', 'D'));"
	"END;"
	"CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN"
	"  INSERT INTO search_exact(search_exact, rowid, title, sapo, body, byline)"
	"    VALUES ('delete', old.id, old.title, old.sapo, old.body, old.byline);"
	"  INSERT INTO search_fold(search_fold, rowid, title, sapo, body, byline) VALUES ('delete',"
	"    old.id, replace(replace(old.title, 'đ', 'd'), 'Đ', 'D'),"
	"    replace(replace(old.sapo, 'đ', 'd'), 'Đ', 'D'),"
	"    replace(replace(old.body, 'đ', 'd'), 'Đ', 'D'),"
	"    replace(replace(old.byline, 'đ', 'd'), 'Đ', 'D'));"
	"END;"
	"CREATE TRIGGER articles_search_update AFTER UPDATE OF title, sapo, body, byline"
	"  ON articles BEGIN"
	"  INSERT INTO search_exact(search_exact, rowid, title, sapo, body, byline)"
	"    VALUES ('delete', old.id, old.title, old.sapo, old.body, old.byline);"
	"  INSERT INTO search_fold(search_fold, rowid, title, sapo, body, byline) VALUES ('delete',"
	"    old.id, replace(replace(old.title, 'đ', 'd'), 'Đ', 'D'),"
	"    replace(replace(old.sapo, 'đ', 'd'), 'Đ', 'D'),"
	"    replace(replace(old.body, 'đ', 'd'), 'Đ', 'D'),"
	"    replace(replace(old.byline, 'đ', 'd'), 'Đ', 'D'));"
	"  INSERT INTO search_exact(rowid, title, sapo, body, byline)"
	"    VALUES (new.id, new.title, new.sapo, new.body, new.byline);"
	"  INSERT INTO search_fold(rowid, title, sapo, body, byline) VALUES (new.id,"
	"    replace(replace(new.title, 'đ', 'd'), 'Đ', 'D'),"
	"    replace(replace(new.sapo, 'đ', 'd'), 'Đ', 'D'),"
	"    replace(replace(new.body, 'đ', 'd'), 'Đ', 'D'),"
	"    replace(replace(new.byline, 'đ', 'd'), 'Đ', 'D'));"
	"END;"
	"CREATE INDEX articles_search_filter ON articles(id, state, author, section, updated_at);"
	"INSERT INTO search_exact(search_exact) VALUES ('rebuild');"
	"INSERT INTO search_fold(rowid, title, sapo, body, byline) SELECT id,"
	"  replace(replace(title, 'đ', 'd'), 'Đ', 'D'), replace(replace(sapo, 'đ', 'd'), 'Đ', 'D'),"
	"  replace(replace(body, 'đ', 'd'), 'Đ', 'D'), replace(replace(byline, 'đ', 'd'), 'Đ', 'D')"
	"  FROM articles;",
	/* 6 -> 7: the checker looks published pairs up one at a time, also by their second
	 * syllable, instead of loading them all */
	"CREATE INDEX IF NOT EXISTS bigrams_by_first"
	"  ON bigrams(substr(pair, 1, instr(pair, ' ') - 1), n);"
	"CREATE INDEX IF NOT EXISTS bigrams_by_second"
	"  ON bigrams(substr(pair, instr(pair, ' ') + 1), n);",
	/*
	 * 7 -> 8: the journal's body is its last column, so a journal write makes room for it
	 * as zeros and streams the text into place (store_journal_put) instead of building the
	 * whole row in memory first: a 2 MB paste is not held once more by the database. The
	 * key is a plain column (article, 0 for a new one), since text cannot be streamed into a
	 * table with an index on an expression.
	 */
	"DROP TABLE IF EXISTS journal_v8;"
	"CREATE TABLE journal_v8("
	"  article INTEGER REFERENCES articles(id), key INTEGER NOT NULL,"
	"  login TEXT NOT NULL, base_version INTEGER NOT NULL,"
	"  title TEXT NOT NULL, sapo TEXT NOT NULL, byline TEXT NOT NULL,"
	"  section TEXT NOT NULL, tags TEXT NOT NULL, at INTEGER NOT NULL, body NOT NULL);"
	"INSERT INTO journal_v8(article, key, login, base_version, title, sapo, byline, section,"
	"  tags, at, body) SELECT article, coalesce(article, 0), login, base_version, title, sapo,"
	"  byline, section, tags, at, body FROM journal;"
	"DROP TABLE journal;"
	"ALTER TABLE journal_v8 RENAME TO journal;"
	"CREATE UNIQUE INDEX journal_key ON journal(key, login);",
	/*
	 * 8 -> 9: the folded index folds as viet_fold does, the query's side: beside đ, the
	 * Latin look-alikes of old converted text (Ð ð for Đ đ, ƣ Ƣ for ư Ư), which the
	 * tokenizer keeps as letters of their own. Its triggers are made again and the index
	 * is filled again whole, since a row indexed one way cannot be deleted the other way.
	 */
	"DROP TRIGGER articles_search_insert;"
	"DROP TRIGGER articles_search_delete;"
	"DROP TRIGGER articles_search_update;"
	"CREATE TRIGGER articles_search_insert AFTER INSERT ON articles BEGIN"
	INDEX_ROW("new") "END;"
	"CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN"
	UNINDEX_ROW("old") "END;"
	"CREATE TRIGGER articles_search_update AFTER UPDATE OF title, sapo, body, byline"
	"  ON articles BEGIN" UNINDEX_ROW("old") INDEX_ROW("new") "END;"
	"INSERT INTO search_fold(search_fold) VALUES ('delete-all');"
	"INSERT INTO search_fold(rowid, title, sapo, body, byline) SELECT id, " FOLD_COLUMNS("")
	" FROM articles;",
};

_Static_assert(sizeof(migrations) / sizeof(migrations[0]) == STORE_SCHEMA_VERSION,
	       "one migration per schema version");

void store_set_error(Store *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->err, sizeof(s->err), msg_tr(s->lang, fmt), ap);
	va_end(ap);
}

void store_set_lang(Store *s, Lang l)
{
	s->lang = l;
}

/*
 * True if the last failure came from a full disk. A disk with no block left fails even a
 * read (the shared-memory index cannot grow) with a bare I/O error, so the system's error
 * and then the free space of the database's folder are asked too.
 */
static bool disk_full(Store *s, int code)
{
	int sys = sqlite3_system_errno(s->db);
	struct statvfs vfs;
	char *dir, *slash;
	bool full = false;

	if ((code & 0xFF) == SQLITE_FULL || sys == ENOSPC || sys == EDQUOT)
		return true;
	if ((code & 0xFF) != SQLITE_IOERR && (code & 0xFF) != SQLITE_CANTOPEN)
		return false;
	dir = xstrdup(s->path);
	slash = strrchr(dir, '/');
	if (slash)
		slash == dir ? (void)(slash[1] = '\0') : (void)(*slash = '\0');
	if (statvfs(slash ? dir : ".", &vfs) == 0)
		full = vfs.f_bavail == 0 || (vfs.f_files && vfs.f_favail == 0);
	free(dir);
	return full;
}

bool store_fail(Store *s, const char *what)
{
	int code = sqlite3_extended_errcode(s->db);

	what = msg_tr(s->lang, what);

	s->busy = (code & 0xFF) == SQLITE_BUSY || (code & 0xFF) == SQLITE_LOCKED;
	if (disk_full(s, code))
		store_set_error(s, "cannot %s: the disk is full (where '%s' is); free some space "
				"and try again", what, s->path);
	else if (code == SQLITE_IOERR_WRITE)
		store_set_error(s, "cannot %s: the disk is failing (%s)", what,
				sqlite3_errmsg(s->db));
	else if (code == SQLITE_READONLY || (code & 0xFF) == SQLITE_READONLY)
		store_set_error(s, "cannot %s: the database '%s' is read-only", what, s->path);
	else if ((code & 0xFF) == SQLITE_BUSY)
		store_set_error(s, "cannot %s: the database is busy; try again", what);
	else
		store_set_error(s, "cannot %s: %s", what, sqlite3_errmsg(s->db));
	return false;
}

sqlite3_stmt *store_prep(Store *s, const char *sql, const char *types, ...)
{
	sqlite3_stmt *st;
	va_list ap;
	int i = 0;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		store_fail(s, "prepare a query");
		return NULL;
	}
	va_start(ap, types);
	for (const char *t = types; *t; t++) {
		int rc = SQLITE_OK;
		i++;
		if (*t == 't' || *t == 'T') {
			const char *v = va_arg(ap, const char *);
			rc = sqlite3_bind_text(st, i, v ? v : "", -1,
					       *t == 'T' ? SQLITE_STATIC : SQLITE_TRANSIENT);
		} else if (*t == 'i') {
			rc = sqlite3_bind_int64(st, i, va_arg(ap, int64_t));
		} else if (*t == 'n') { /* an integer where 0 means NULL */
			int64_t v = va_arg(ap, int64_t);
			rc = v ? sqlite3_bind_int64(st, i, v) : sqlite3_bind_null(st, i);
		} else {
			fatal("store_prep: bad bind type '%c'", *t);
		}
		if (rc != SQLITE_OK) {
			va_end(ap);
			sqlite3_finalize(st);
			store_fail(s, "bind a value");
			return NULL;
		}
	}
	va_end(ap);
	return st;
}

bool store_bind_text(sqlite3_stmt *st, const char *name, const char *value)
{
	int i = sqlite3_bind_parameter_index(st, name);
	return i == 0 || sqlite3_bind_text(st, i, value ? value : "", -1, SQLITE_TRANSIENT) ==
			  SQLITE_OK;
}

bool store_bind_int(sqlite3_stmt *st, const char *name, int64_t value)
{
	int i = sqlite3_bind_parameter_index(st, name);
	return i == 0 || sqlite3_bind_int64(st, i, value) == SQLITE_OK;
}

bool store_exec_stmt(Store *s, sqlite3_stmt *st, const char *what)
{
	int rc;

	if (!st)
		return false;
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		store_fail(s, what);
		sqlite3_finalize(st);
		return false;
	}
	sqlite3_finalize(st);
	return true;
}

char *store_col_text(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return xstrdup(t ? (const char *)t : "");
}

static bool exec(Store *s, const char *sql, const char *what)
{
	char *msg = NULL;

	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		int code = sqlite3_extended_errcode(s->db);
		if ((code & 0xFF) == SQLITE_ERROR || (code & 0xFF) == SQLITE_CONSTRAINT)
			store_set_error(s, "cannot %s: %s", msg_tr(s->lang, what),
					msg ? msg : sqlite3_errmsg(s->db));
		else
			store_fail(s, what);
		sqlite3_free(msg);
		return false;
	}
	return true;
}

bool store_begin(Store *s)
{
	/* The busy timeout does the waiting: a writer ahead of us is waited for that long. */
	if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK)
		return true;
	return store_fail(s, "start a transaction");
}

void store_set_patience(Store *s, int ms)
{
	s->patience = ms;
	sqlite3_busy_timeout(s->db, ms);
}

void store_set_cache_kb(Store *s, int kb)
{
	char sql[64];

	snprintf(sql, sizeof(sql), "PRAGMA cache_size = -%d", kb);
	sqlite3_exec(s->db, sql, NULL, NULL, NULL); /* a failure leaves the default: no harm */
}

bool store_commit(Store *s)
{
	if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
		return true;
	store_fail(s, "commit");
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return false;
}

void store_rollback(Store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

bool store_int(Store *s, sqlite3_stmt *st, int64_t *out, const char *what)
{
	bool ok;

	if (!st)
		return false;
	ok = sqlite3_step(st) == SQLITE_ROW;
	if (ok)
		*out = sqlite3_column_int64(st, 0);
	else
		store_fail(s, what);
	sqlite3_finalize(st);
	return ok;
}

bool store_ids(Store *s, sqlite3_stmt *st, int64_t **ids, size_t *n, const char *what)
{
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	if (!st)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		xgrow(ids, &cap, *n + 1, sizeof(**ids));
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? true : store_fail(s, what);
}

static bool get_int(Store *s, const char *sql, int64_t *out)
{
	return store_int(s, store_prep(s, sql, ""), out, "read the database");
}

/* Refuses a database from a newer toasoan before anything writes to the file. */
static bool check_version(Store *s)
{
	int64_t version;

	if (!get_int(s, "PRAGMA user_version", &version))
		return false;
	if (version > STORE_SCHEMA_VERSION) {
		store_set_error(s, "the database '%s' was made by a newer toasoan (schema %lld, this "
			"one knows %d); upgrade toasoan, nothing was changed", s->path,
			(long long)version, STORE_SCHEMA_VERSION);
		return false;
	}
	return true;
}

/*
 * The version is read inside each migration's write transaction: of several processes
 * opening a new file at once, one migrates and the others find the work done.
 */
static bool migrate(Store *s)
{
	int64_t version = 0;
	char sql[64];

	while (version < STORE_SCHEMA_VERSION) {
		if (!store_begin(s))
			return false;
		if (!get_int(s, "PRAGMA user_version", &version)) {
			store_rollback(s);
			return false;
		}
		if (version >= STORE_SCHEMA_VERSION)
			return store_commit(s);
		snprintf(sql, sizeof(sql), "PRAGMA user_version = %lld", (long long)version + 1);
		if (!exec(s, migrations[version], "migrate the database") ||
		    !exec(s, sql, "migrate the database")) {
			store_rollback(s);
			return false;
		}
		if (!store_commit(s))
			return false;
		version++;
	}
	return true;
}

/*
 * Refuses, before anything writes to it, a file that is not a toasoan database: an SQLite
 * file of another program (tables, none of ours), and for any command but init (create) an
 * empty file or an empty database, which only init turns into a newsroom.
 */
static bool check_ours(Store *s, bool create, bool empty_file)
{
	int64_t version, tables, ours;
	bool read;

	/* One read transaction: an init in another process commits all of it or none. */
	read = exec(s, "BEGIN", "read the database") &&
	       get_int(s, "PRAGMA user_version", &version) &&
	       get_int(s, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
		       "name NOT LIKE 'sqlite\\_%' ESCAPE '\\'", &tables) &&
	       get_int(s, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
		       "name IN ('users', 'articles')", &ours);
	/* The file is not read beforehand to look: closing any descriptor of it would drop the
	 * locks this process's other connection holds on it (the journal's thread opens a second
	 * one), and another process could then delete the write-ahead log under it. */
	bool not_db = !read && (sqlite3_extended_errcode(s->db) & 0xff) == SQLITE_NOTADB;
	store_rollback(s);
	if (not_db)
		store_set_error(s, "'%s' is not a toasoan database (not an SQLite file); nothing was "
				"changed", s->path);
	if (!read)
		return false;
	if ((version > 0 && ours < 2) || (version == 0 && tables > 0)) {
		store_set_error(s, "'%s' is an SQLite database of another program (%lld table%s, "
				"schema version %lld, no toasoan tables); nothing was changed",
				s->path, (long long)tables, tables == 1 ? "" : "s",
				(long long)version);
		return false;
	}
	if (version == 0 && !create) {
		store_set_error(s, "'%s' is %s, not a toasoan database; nothing was changed (make "
				"it one with: toasoan init)", s->path,
				empty_file ? "an empty file" : "an empty SQLite database");
		return false;
	}
	return true;
}

/*
 * Switching to WAL needs the file to itself and fails at once, without the busy timeout,
 * while another process opens it: retried for as long as the patience allows.
 */
static bool set_wal(Store *s)
{
	struct timespec pause = {0, 10 * 1000 * 1000};

	for (int waited = 0;; waited += 10) {
		if (get_int(s, "PRAGMA journal_mode = WAL", &(int64_t){0}))
			return true;
		if (!s->busy || waited >= s->patience)
			return false;
		nanosleep(&pause, NULL);
	}
}

/* A database toasoan cannot write to: the file, its folder (for the WAL files) or the disk. */
static bool writable(const char *path, bool exists, char *err, size_t errlen)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	struct statvfs vfs;
	bool ok = true;

	if (slash)
		slash == dir ? (void)(slash[1] = '\0') : (void)(*slash = '\0');
	else
		dir[0] = '.', dir[1] = '\0';
	if (statvfs(slash ? dir : ".", &vfs) == 0 && (vfs.f_flag & ST_RDONLY))
		ok = false;
	else if ((exists && access(path, W_OK) != 0) || access(slash ? dir : ".", W_OK) != 0)
		ok = false;
	if (!ok)
		snprintf(err, errlen, "the database '%s' is read-only: toasoan must be able to write "
			 "to it and to its folder '%s'", path, slash ? dir : ".");
	free(dir);
	return ok;
}

Store *store_open(const char *path, bool create, char *err, size_t errlen)
{
	Store *s;
	struct stat st;
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	bool empty_file = false;

	if (stat(path, &st) != 0) {
		if (!create) {
			snprintf(err, errlen, "no database at '%s'; create it with: toasoan init", path);
			return NULL;
		}
		if (!file_mkparent(path, err, errlen)) /* the default folder of a first init */
			return NULL;
		flags |= SQLITE_OPEN_CREATE;
	} else {
		empty_file = st.st_size == 0;
	}
	if (!writable(path, !(flags & SQLITE_OPEN_CREATE), err, errlen))
		return NULL;
	s = xcalloc(1, sizeof(*s));
	s->lang = LANG_EN;
	s->path = xstrdup(path);
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "cannot open the database '%s': %s", path,
			 s->db ? sqlite3_errmsg(s->db) : "out of memory");
		store_free(s);
		return NULL;
	}
	sqlite3_extended_result_codes(s->db, 1);
	store_set_patience(s, STORE_PATIENCE_MS);
	if (!exec(s, "PRAGMA foreign_keys = ON", "set up the database") || !check_ours(s, create, empty_file) ||
	    !check_version(s) || !set_wal(s) ||
	    !exec(s, "PRAGMA synchronous = NORMAL", "set up the database") || !migrate(s) ||
	    !store_add_functions(s)) {
		snprintf(err, errlen, "%s", s->err);
		store_free(s);
		return NULL;
	}
	return s;
}

void store_set_real_by(Store *s, const char *login)
{
	free(s->real_by);
	s->real_by = xstrdup(login ? login : "");
}

void store_free(Store *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < sizeof(s->pair_st) / sizeof(s->pair_st[0]); i++)
		sqlite3_finalize(s->pair_st[i]);
	if (s->db)
		sqlite3_close_v2(s->db);
	free(s->path);
	free(s->real_by);
	free(s);
}

bool store_busy(const Store *s)
{
	return s->busy;
}

const char *store_errmsg(const Store *s)
{
	return s->err;
}

const char *store_path(const Store *s)
{
	return s->path;
}

int64_t store_data_version(Store *s)
{
	int64_t v = 0;
	if (!get_int(s, "PRAGMA data_version", &v))
		return -1;
	return v;
}

bool store_audit(Store *s, const char *by, const char *real_by, int64_t now, const char *what,
		 const char *subject, const char *note)
{
	return store_exec_stmt(s, store_prep(s,
		"INSERT INTO audit(at, by, real_by, what, subject, note) VALUES (?, ?, ?, ?, ?, ?)",
		"itttt" "t", now, by, real_by, what, subject, note), "write the audit log");
}
