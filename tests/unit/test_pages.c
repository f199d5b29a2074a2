/*
 * test_pages.c: the lists as a screen reads them, a stretch at a time, on a real SQLite file.
 * Read in pages of three from either end, every view in either order, for an editor and a
 * reporter, with and without a filter, gives the whole list in the same order; the rules the
 * screen applies in memory (desk_page_has, desk_page_order) agree with the store's; the ids
 * are the same articles.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "news/desk.h"

static char dir[] = "/tmp/toasoan-pages-XXXXXX";
static char path[256];
static Config cfg;

static Desk *as(const char *login)
{
	char err[512];
	DeskOptions o = {path, "boss", login, &cfg, false, NULL};
	Desk *d = desk_open(&o, err, sizeof(err));
	ck_assert_msg(d != NULL, "%s", err);
	return d;
}

static int64_t create(Desk *d, const char *title)
{
	Article a;
	int64_t id;
	article_init(&a);
	article_set(&a.title, title);
	article_set(&a.body, "Nội dung.");
	ck_assert_msg(desk_create(d, &a, "test"), "%s", desk_errmsg(d));
	id = a.id;
	article_release(&a);
	return id;
}

/* Titles with repeats and marks; times with ties, set straight in the file afterwards. */
static void setup(void)
{
	static const char *titles[] = {"Hà Nội mưa lớn", "Đà Nẵng khai trương", "Bão số 9",
				       "hà nội mưa lớn", "Ha Noi", "Ấm áp", "Hà Nội mưa lớn",
				       "Zalo", "Cần Thơ", "Đà Lạt"};
	char err[512], pub[300];
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/t.db", dir);
	config_init(&cfg);
	snprintf(pub, sizeof(pub), "%s/public", dir);
	article_set(&cfg.publish_dir, pub);
	DeskOptions o = {path, "boss", NULL, &cfg, true, NULL};
	ck_assert_msg(desk_init(&o, err, sizeof(err)), "%s", err);
	Desk *boss = desk_open(&o, err, sizeof(err));
	ck_assert_msg(boss != NULL, "%s", err);
	ck_assert(desk_user_add(boss, "mai", ROLE_REPORTER, "Trần Thị Mai"));
	ck_assert(desk_user_add(boss, "lan", ROLE_REPORTER, "Lê Thị Hà"));
	ck_assert(desk_user_add(boss, "hung", ROLE_EDITOR, "Phạm Văn Hùng"));
	Desk *mai = as("mai"), *lan = as("lan"), *hung = as("hung");
	for (int i = 0; i < 30; i++) {
		Desk *w = i % 3 ? mai : lan;
		int64_t id = create(w, titles[i % 10]);
		if (i % 5 == 0)
			continue; /* a draft */
		ck_assert(desk_act(w, id, ACT_SUBMIT, NULL, 0));
		if (i % 5 == 2)
			ck_assert(desk_act(hung, id, ACT_PUBLISH, NULL, 0));
		else if (i % 5 == 3)
			ck_assert(desk_act(hung, id, ACT_SCHEDULE, NULL, 4000000000 + i % 4));
	}
	desk_free(mai);
	desk_free(lan);
	desk_free(hung);
	desk_free(boss);
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "UPDATE articles SET updated_at = 1000 + id % 7,"
				      " published_at = CASE WHEN state = 'published'"
				      " THEN 2000 + id % 3 END", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static void teardown(void)
{
	char cmd[300];
	config_release(&cfg);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
	memcpy(dir + strlen(dir) - 6, "XXXXXX", 6);
}

static bool keep(void *arg, const Article *a)
{
	Article *row = article_list_push(arg);
	article_release(row);
	article_copy(row, a);
	return true;
}

static void count_id(void *arg, int64_t id)
{
	(void)id;
	(*(size_t *)arg)++;
}

/* The whole list read three rows at a time from one end (from the other when backward). */
static void read_pages(Desk *d, ListPage p, bool backward, ArticleList *out)
{
	Article last;
	article_init(&last);
	p.backward = backward;
	p.limit = 3;
	for (;;) {
		ArticleList page = {NULL, 0, 0};
		ck_assert_msg(desk_page(d, &p, keep, &page), "%s", desk_errmsg(d));
		for (size_t i = 0; i < page.n; i++)
			keep(out, &page.items[i]);
		if (page.n) {
			article_release(&last);
			article_copy(&last, &page.items[page.n - 1]);
			p.from = &last;
		}
		size_t n = page.n;
		article_list_release(&page);
		if (n < 3)
			break;
	}
	article_release(&last);
}

static void check_list(Desk *d, View v, bool by_title, const char *filter)
{
	ListPage p = {.view = v, .by_title = by_title, .filter = filter};
	ArticleList whole = {NULL, 0, 0}, fwd = {NULL, 0, 0}, back = {NULL, 0, 0};
	ArticleList all = {NULL, 0, 0};
	ListQuery everything = {.view = VIEW_ALL, .state = -1};
	size_t nids = 0, members = 0;

	ck_assert(desk_page(d, &p, keep, &whole));
	ck_assert(desk_page_ids(d, &p, count_id, &nids));
	ck_assert_uint_eq(nids, whole.n);
	read_pages(d, p, false, &fwd);
	read_pages(d, p, true, &back);
	ck_assert_uint_eq(fwd.n, whole.n);
	ck_assert_uint_eq(back.n, whole.n);
	for (size_t i = 0; i < whole.n; i++) {
		ck_assert_int_eq(fwd.items[i].id, whole.items[i].id);
		ck_assert_int_eq(back.items[whole.n - 1 - i].id, whole.items[i].id);
		ck_assert(desk_page_has(d, &p, &whole.items[i]));
		if (i + 1 < whole.n)
			ck_assert_msg(desk_page_order(&p, &whole.items[i], &whole.items[i + 1]) < 0,
				      "view %d title %d filter %s: rows %zu and %zu out of order",
				      (int)v, by_title, filter ? filter : "-", i, i + 1);
		/* a row read inclusively from its own keys is that row */
		ListPage at = p;
		ArticleList one = {NULL, 0, 0};
		at.from = &whole.items[i];
		at.inclusive = true;
		at.limit = 1;
		ck_assert(desk_page(d, &at, keep, &one));
		ck_assert_uint_eq(one.n, 1);
		ck_assert_int_eq(one.items[0].id, whole.items[i].id);
		article_list_release(&one);
	}
	ck_assert(desk_list(d, &everything, &all));
	for (size_t i = 0; i < all.n; i++)
		members += desk_page_has(d, &p, &all.items[i]);
	ck_assert_uint_eq(members, whole.n);
	article_list_release(&whole);
	article_list_release(&fwd);
	article_list_release(&back);
	article_list_release(&all);
}

START_TEST(pages_read_from_either_end_make_the_whole_list)
{
	const char *who[] = {"hung", "mai"};
	const char *filters[] = {NULL, "ha noi", "HÀ"};
	View views[] = {VIEW_MINE, VIEW_REVIEW, VIEW_SCHEDULED, VIEW_PUBLISHED, VIEW_ALL};
	for (int w = 0; w < 2; w++) {
		Desk *d = as(who[w]);
		for (int v = 0; v < 5; v++)
			for (int t = 0; t < 2; t++)
				for (int f = 0; f < 3; f++)
					check_list(d, views[v], t, filters[f]);
		desk_free(d);
	}
}
END_TEST

START_TEST(the_filter_matches_titles_and_writers_without_marks)
{
	Desk *d = as("hung");
	ListPage p = {.view = VIEW_ALL, .filter = "le thi ha"};
	size_t n = 0;
	int64_t count = 0;
	ListQuery review = {.view = VIEW_REVIEW, .state = -1};
	ck_assert(desk_page_ids(d, &p, count_id, &n));
	ck_assert_uint_eq(n, 10); /* lan's, by her name */
	p.filter = "DA NANG";
	n = 0;
	ck_assert(desk_page_ids(d, &p, count_id, &n));
	ck_assert_uint_eq(n, 3);
	ck_assert(desk_list_count(d, &review, &count));
	ck_assert_int_eq(count, 12);
	desk_free(d);
}
END_TEST

static Suite *pages_suite(void)
{
	Suite *s = suite_create("pages");
	TCase *tc = tcase_create("pages");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, pages_read_from_either_end_make_the_whole_list);
	tcase_add_test(tc, the_filter_matches_titles_and_writers_without_marks);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(pages_suite)
