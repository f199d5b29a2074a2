/*
 * test_store.c: the store on a real SQLite file: creating and re-opening, refusing a newer
 * schema, saving with the version check, append-only history, conditional moves, the journal
 * written whole or not at all.
 */
#include <poll.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check_main.h"
#include "news/store.h"

static char dir[] = "/tmp/toasoan-store-XXXXXX";
static char path[256];

static void setup(void)
{
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/t.db", dir);
}

static void teardown(void)
{
	char cmd[300];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
	memcpy(dir + strlen(dir) - 6, "XXXXXX", 6);
}

static Store *fresh(void)
{
	char err[512];
	Store *s = store_open(path, true, err, sizeof(err));
	ck_assert_msg(s != NULL, "%s", err);
	ck_assert(store_user_insert(s, "mai", "Trần Thị Mai", ROLE_REPORTER, 100));
	return s;
}

static int64_t user_version(void)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t v;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
	sqlite3_step(st);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

START_TEST(creates_migrates_and_reopens)
{
	char err[512];
	Store *s;

	s = store_open(path, false, err, sizeof(err));
	ck_assert_ptr_null(s);
	ck_assert(strstr(err, "no database at") != NULL);
	s = fresh();
	store_free(s);
	ck_assert_int_eq(user_version(), STORE_SCHEMA_VERSION);
	s = store_open(path, false, err, sizeof(err));
	ck_assert_msg(s != NULL, "%s", err);
	User u = {0};
	bool found;
	ck_assert(store_user_get(s, "mai", &u, &found));
	ck_assert(found);
	ck_assert_str_eq(u.name, "Trần Thị Mai");
	user_release(&u);
	store_free(s);
}
END_TEST

/* The journal streams its body into place; a journal of the schema before survives the move. */
START_TEST(journal_body_streams_and_survives_the_migration)
{
	char err[512], big[200001];
	Store *s = fresh();
	Article a, back;
	int64_t at;
	bool found;
	sqlite3 *db;

	article_init(&a);
	article_init(&back);
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	memcpy(big, "Mở đầu", strlen("Mở đầu"));
	article_set(&a.title, "Tiêu đề");
	article_set(&a.body, big);
	ck_assert(store_journal_put(s, &a, "mai", 1000));
	ck_assert(store_journal_get(s, 0, "mai", &back, &at, &found));
	ck_assert(found);
	ck_assert_str_eq(back.body, big);
	ck_assert_str_eq(back.title, "Tiêu đề");
	article_set(&a.body, "");
	ck_assert(store_journal_put(s, &a, "mai", 1001)); /* an empty body, and replaced */
	ck_assert(store_journal_get(s, 0, "mai", &back, &at, &found));
	ck_assert_str_eq(back.body, "");
	ck_assert_int_eq(at, 1001);
	store_free(s);

	/* the journal as schema 7 kept it, with a row in it */
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "DROP TABLE journal;"
		"CREATE TABLE journal(article INTEGER REFERENCES articles(id),"
		" login TEXT NOT NULL, base_version INTEGER NOT NULL, title TEXT NOT NULL,"
		" sapo TEXT NOT NULL, body TEXT NOT NULL, byline TEXT NOT NULL,"
		" section TEXT NOT NULL, tags TEXT NOT NULL, at INTEGER NOT NULL);"
		"CREATE UNIQUE INDEX journal_key ON journal(coalesce(article, 0), login);"
		"INSERT INTO journal VALUES (NULL, 'mai', 0, 'Cũ', '', 'Chữ chưa lưu.', '', '', '', 7);"
		"PRAGMA user_version = 7;", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	s = store_open(path, false, err, sizeof(err));
	ck_assert_msg(s != NULL, "%s", err);
	ck_assert_int_eq(user_version(), STORE_SCHEMA_VERSION);
	ck_assert(store_journal_get(s, 0, "mai", &back, &at, &found));
	ck_assert(found);
	ck_assert_str_eq(back.body, "Chữ chưa lưu.");
	ck_assert_str_eq(back.title, "Cũ");
	ck_assert(store_journal_put(s, &a, "mai", 1002)); /* replaces the old row, no duplicate */
	ck_assert(store_journal_get(s, 0, "mai", &back, &at, &found));
	ck_assert_int_eq(at, 1002);
	store_free(s);
	article_release(&a);
	article_release(&back);
}
END_TEST

/* n bytes of letter c after a Vietnamese head: the long text of a paste. */
static char *long_text(size_t n, char c)
{
	char *t = malloc(n + 1);
	ck_assert_ptr_nonnull(t);
	memset(t, c, n);
	t[n] = '\0';
	memcpy(t, "Mở đầu", strlen("Mở đầu"));
	return t;
}

/* Holds another connection's write transaction until told, or for two seconds. */
static int hold_pipe[2];

static void *hold_then_release(void *arg)
{
	struct pollfd p = {hold_pipe[0], POLLIN, 0};
	poll(&p, 1, 2000);
	store_rollback(arg);
	return NULL;
}

/* A journal streamed in a transaction left open is the journal only once committed: a process
 * dying before leaves the text before whole; one that finds the database held fails at once
 * (a wait would end when the holder lets go, and succeed), busy, and leaves nothing open. */
START_TEST(journal_stream_is_whole_or_nothing)
{
	char err[512];
	char *before = long_text(1200000, 'a'), *after = long_text(1300000, 'b');
	Store *s = fresh(), *other;
	Article a, back;
	int64_t at;
	bool found;
	int status;
	pthread_t holder;

	article_init(&a);
	article_init(&back);
	article_set(&a.title, "Tiêu đề");
	free(a.body);
	a.body = before;
	ck_assert(store_journal_put(s, &a, "mai", 1000));
	store_free(s); /* no connection crosses the fork */
	a.body = after;
	pid_t pid = fork(); /* streams the longer text and dies before its commit */
	if (pid == 0) {
		Store *c = store_open(path, false, err, sizeof(err));
		_exit(c && store_journal_stream(c, &a, "mai", 1001, true) ? 0 : 1);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	s = store_open(path, false, err, sizeof(err));
	ck_assert_msg(s != NULL, "%s", err);
	ck_assert(store_journal_get(s, 0, "mai", &back, &at, &found));
	ck_assert(found);
	ck_assert_int_eq(at, 1000);
	ck_assert_str_eq(back.body, before);

	other = store_open(path, false, err, sizeof(err));
	ck_assert_msg(other != NULL, "%s", err);
	ck_assert(store_journal_stream(s, &a, "mai", 1002, false));
	ck_assert(store_journal_get(other, 0, "mai", &back, &at, &found)); /* not committed */
	ck_assert_int_eq(at, 1000);
	ck_assert(store_commit(s));
	ck_assert(store_journal_get(other, 0, "mai", &back, &at, &found));
	ck_assert_int_eq(at, 1002);
	ck_assert_str_eq(back.body, after);
	ck_assert_str_eq(back.title, "Tiêu đề");

	ck_assert_int_eq(pipe(hold_pipe), 0);
	ck_assert(store_begin(other));
	ck_assert_int_eq(pthread_create(&holder, NULL, hold_then_release, other), 0);
	ck_assert(!store_journal_stream(s, &a, "mai", 1003, false));
	ck_assert(store_busy(s));
	ck_assert_int_eq(write(hold_pipe[1], "x", 1), 1);
	pthread_join(holder, NULL);
	close(hold_pipe[0]);
	close(hold_pipe[1]);
	ck_assert(store_begin(s)); /* no transaction was left open */
	store_rollback(s);
	ck_assert(store_journal_get(other, 0, "mai", &back, &at, &found));
	ck_assert_int_eq(at, 1002);
	a.body = NULL;
	article_release(&a);
	article_release(&back);
	store_free(other);
	store_free(s);
	free(before);
	free(after);
}
END_TEST

/* A person's new article is one journal row for all their sessions: a session's conditional
 * drop leaves it once another session has written its own text there, and takes it while it
 * still holds the text the session last wrote. */
START_TEST(journal_drop_if_keeps_another_sessions_text)
{
	Store *s = fresh();
	Article mine, theirs, back;
	uint8_t print[STORE_PRINT_BYTES], moved[STORE_PRINT_BYTES];
	int64_t at;
	bool found;

	article_init(&mine);
	article_init(&theirs);
	article_init(&back);
	article_set(&mine.title, "Tin hai phiên");
	article_set(&mine.body, "Phiên một viết.");
	article_set(&theirs.title, "Tin hai phiên");
	article_set(&theirs.body, "Phiên một viết.\n\nPhiên hai viết thêm.");
	store_journal_print(&mine, print);
	ck_assert(store_journal_put(s, &mine, "mai", 1000));
	ck_assert(store_journal_put(s, &theirs, "mai", 1001));
	ck_assert(store_journal_drop_if(s, 0, "mai", print));
	ck_assert(store_journal_get(s, 0, "mai", &back, &at, &found));
	ck_assert(found);
	ck_assert_str_eq(back.body, theirs.body);

	/* the same characters in other fields are another text */
	article_set(&mine.title, "Tin hai phiênPhiên một viết.");
	article_set(&mine.body, "");
	store_journal_print(&mine, moved);
	ck_assert(memcmp(print, moved, sizeof print) != 0);

	store_journal_print(&theirs, print);
	ck_assert(store_journal_drop_if(s, 0, "mai", print));
	ck_assert(store_journal_get(s, 0, "mai", &back, &at, &found));
	ck_assert(!found);
	ck_assert(store_journal_drop_if(s, 0, "mai", print)); /* no row: nothing to do */
	article_release(&mine);
	article_release(&theirs);
	article_release(&back);
	store_free(s);
}
END_TEST

START_TEST(newer_schema_is_refused)
{
	char err[512];
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_exec(db, "PRAGMA user_version = 42; CREATE TABLE users(y); CREATE TABLE articles(y)",
		     NULL, NULL, NULL);
	sqlite3_close(db);
	ck_assert_ptr_null(store_open(path, false, err, sizeof(err)));
	ck_assert(strstr(err, "newer toasoan") != NULL);
	ck_assert_int_eq(user_version(), 42);
}
END_TEST

START_TEST(foreign_and_empty_files_are_refused_untouched)
{
	char err[512];
	sqlite3 *db;
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fclose(f);
	ck_assert_ptr_null(store_open(path, false, err, sizeof(err)));
	ck_assert(strstr(err, "is an empty file, not a toasoan database") != NULL);
	ck_assert_ptr_null(store_open(path, false, err, sizeof(err)));
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_exec(db, "PRAGMA user_version = 7; CREATE TABLE notes(y)", NULL, NULL, NULL);
	sqlite3_close(db);
	ck_assert_ptr_null(store_open(path, true, err, sizeof(err)));
	ck_assert(strstr(err, "an SQLite database of another program") != NULL);
	ck_assert_int_eq(user_version(), 7);
}
END_TEST

static void make_article(Store *s, Article *a)
{
	article_init(a);
	article_set(&a->title, "Bão số 3");
	article_set(&a->body, "Mưa lớn kéo dài.");
	ck_assert(store_begin(s));
	ck_assert(store_article_insert(s, a, "mai", 1000, "new"));
	ck_assert(store_commit(s));
	ck_assert_int_eq(a->version, 1);
}

START_TEST(save_checks_the_version)
{
	Store *s = fresh();
	Article a, b;
	bool conflict;

	make_article(s, &a);
	article_copy(&b, &a);
	article_set(&a.body, "Mưa lớn kéo dài ba ngày.");
	ck_assert(store_article_save(s, &a, "mai", 1001, "", &conflict));
	ck_assert(!conflict);
	ck_assert_int_eq(a.version, 2);
	/* b was loaded at version 1: its save is a conflict and changes nothing */
	article_set(&b.body, "Văn bản khác.");
	ck_assert(store_article_save(s, &b, "mai", 1002, "", &conflict));
	ck_assert(conflict);
	Article cur;
	bool found;
	article_init(&cur);
	ck_assert(store_article_get(s, a.id, &cur, &found));
	ck_assert_str_eq(cur.body, "Mưa lớn kéo dài ba ngày.");
	ck_assert_int_eq(cur.version, 2);
	/* ... but the conflicting text is kept as its own revision */
	Article kept;
	article_init(&kept);
	ck_assert(store_revision_get(s, a.id, 3, &kept, &found));
	ck_assert(found);
	ck_assert_str_eq(kept.body, "Văn bản khác.");
	EventList h = {0};
	ck_assert(store_history(s, a.id, &h));
	ck_assert_uint_eq(h.n, 3);
	ck_assert_int_eq(h.items[2].kind, REV_CONFLICT);
	event_list_release(&h);
	article_release(&kept);
	article_release(&cur);
	article_release(&a);
	article_release(&b);
	store_free(s);
}
END_TEST

START_TEST(history_is_append_only)
{
	Store *s = fresh();
	Article a;
	sqlite3 *db;
	char *msg = NULL;

	make_article(s, &a);
	store_free(s);
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_ne(sqlite3_exec(db, "UPDATE revisions SET body = 'x'", NULL, NULL, &msg),
			 SQLITE_OK);
	ck_assert(strstr(msg, "append-only") != NULL);
	sqlite3_free(msg);
	ck_assert_int_ne(sqlite3_exec(db, "DELETE FROM revisions", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	article_release(&a);
}
END_TEST

START_TEST(moves_are_conditional)
{
	Store *s = fresh();
	Article a;
	bool moved;

	make_article(s, &a);
	ck_assert(store_begin(s));
	ck_assert(store_article_move(s, a.id, STATE_DRAFT, STATE_REVIEW, 0, 0, "mai", "", 1005,
				     "", &moved));
	ck_assert(moved);
	/* a second mover that read the old state does not move it again */
	ck_assert(store_article_move(s, a.id, STATE_DRAFT, STATE_REVIEW, 0, 0, "mai", "", 1006,
				     "", &moved));
	ck_assert(!moved);
	ck_assert(store_commit(s));
	int64_t *ids;
	size_t n;
	ck_assert(store_begin(s));
	ck_assert(store_article_move(s, a.id, STATE_REVIEW, STATE_SCHEDULED, 2000, 0, "mai", "",
				     1007, "", &moved));
	ck_assert(store_commit(s));
	ck_assert(store_due(s, 1999, &ids, &n));
	ck_assert_uint_eq(n, 0);
	free(ids);
	ck_assert(store_due(s, 2000, &ids, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(ids[0], a.id);
	free(ids);
	article_release(&a);
	store_free(s);
}
END_TEST

static bool collect_ids(void *arg, const Article *a)
{
	Str *ids = arg;
	str_addf(ids, "%lld ", (long long)a->id);
	return true;
}

/* The ids a query returns, in order: "3 2 ". */
static void ids_of(Store *s, const StoreQuery *q, const char *want)
{
	Str ids = STR_INIT;
	ck_assert(store_articles_each(s, q, collect_ids, &ids));
	ck_assert_str_eq(ids.s ? ids.s : "", want);
	str_release(&ids);
}

START_TEST(lists_page_and_follow_changes)
{
	Store *s = fresh();
	Article a[4];
	int64_t seq, *ids;
	size_t n;
	bool moved;

	for (int i = 0; i < 4; i++) {
		article_init(&a[i]);
		article_set(&a[i].title, "Tin");
		ck_assert(store_begin(s));
		ck_assert(store_article_insert(s, &a[i], "mai", 1000 + i * 10, "new"));
		ck_assert(store_commit(s));
	}
	ids_of(s, &(StoreQuery){.state = -1}, "4 3 2 1 ");
	ids_of(s, &(StoreQuery){.state = -1, .limit = 2, .offset = 1}, "3 2 ");
	ids_of(s, &(StoreQuery){.state = -1, .since = 1020}, "4 3 ");
	ck_assert(store_articles_seq(s, &seq));
	/* A move of article 2 takes the next change number; a journal write takes none. */
	ck_assert(store_begin(s));
	ck_assert(store_article_move(s, 2, STATE_DRAFT, STATE_REVIEW, 0, 0, "mai", "", 1100, "",
				     &moved));
	ck_assert(store_commit(s));
	ck_assert(store_journal_put(s, &a[0], "mai", 1200));
	ids_of(s, &(StoreQuery){.state = -1, .after_seq = seq}, "2 ");
	ck_assert(store_changed_ids(s, seq, &ids, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(ids[0], 2);
	free(ids);
	ck_assert(store_articles_seq(s, &seq));
	ids_of(s, &(StoreQuery){.state = -1, .after_seq = seq}, "");
	for (int i = 0; i < 4; i++)
		article_release(&a[i]);
	store_free(s);
}
END_TEST

static Suite *store_suite(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("store");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, creates_migrates_and_reopens);
	tcase_add_test(tc, journal_body_streams_and_survives_the_migration);
	tcase_add_test(tc, journal_stream_is_whole_or_nothing);
	tcase_add_test(tc, journal_drop_if_keeps_another_sessions_text);
	tcase_add_test(tc, newer_schema_is_refused);
	tcase_add_test(tc, foreign_and_empty_files_are_refused_untouched);
	tcase_add_test(tc, save_checks_the_version);
	tcase_add_test(tc, history_is_append_only);
	tcase_add_test(tc, moves_are_conditional);
	tcase_add_test(tc, lists_page_and_follow_changes);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(store_suite)
