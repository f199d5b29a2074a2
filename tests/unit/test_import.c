/*
 * test_import.c: bulk import below the command line: which files a folder gives and in which
 * order, a title given apart keeps the whole file as body, an archive's publishing date, the
 * desk's import rules by role, a batch rolled back leaving nothing, and an archive published
 * with its pages and index.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check_main.h"
#include "base/when.h"
#include "news/desk.h"
#include "news/site.h"
#include "news/import.h"
#include "spell/spell.h"

static char dir[] = "/tmp/toasoan-import-XXXXXX";
static char path[256];
static Config cfg;

static void put(const char *rel, const char *text)
{
	char p[512];
	FILE *f;

	snprintf(p, sizeof(p), "%s/%s", dir, rel);
	f = fopen(p, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

static void setup(void)
{
	char err[512], pub[300];

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/t.db", dir);
	snprintf(pub, sizeof(pub), "%s/public", dir);
	config_init(&cfg);
	article_set(&cfg.publish_dir, pub);
	DeskOptions o = {path, "boss", NULL, &cfg, true, spell_count_bigrams};
	ck_assert_msg(desk_init(&o, err, sizeof(err)), "%s", err);
	Desk *d = desk_open(&o, err, sizeof(err));
	ck_assert_msg(d != NULL, "%s", err);
	ck_assert(desk_user_add(d, "mai", ROLE_REPORTER, "Trần Thị Mai"));
	ck_assert(desk_user_add(d, "hung", ROLE_EDITOR, "Phạm Văn Hùng"));
	desk_free(d);
}

static void teardown(void)
{
	char cmd[300];
	config_release(&cfg);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
	memcpy(dir + strlen(dir) - 6, "XXXXXX", 6);
}

static Desk *as(const char *login)
{
	char err[512];
	DeskOptions o = {path, "boss", login, &cfg, false, spell_count_bigrams};
	Desk *d = desk_open(&o, err, sizeof(err));
	ck_assert_msg(d != NULL, "%s", err);
	return d;
}

static void fill(Article *a, const char *title)
{
	article_init(a);
	article_set(&a->title, title);
	article_set(&a->body, "Người dân khắc phục hậu quả bão.");
}

START_TEST(folders_are_walked_in_name_order_once)
{
	char sub[300];
	const char *args[4];
	ImportList l = {NULL, 0, 0};

	snprintf(sub, sizeof(sub), "%s/b", dir);
	ck_assert_int_eq(mkdir(sub, 0755), 0);
	put("b/2.md", "x");
	put("b/1.TXT", "x");
	put("b/.h.txt", "x");
	put("b/n.doc", "x");
	put("a.txt", "x");
	args[0] = sub;
	args[1] = sub;
	import_list_gather(&l, args, 2, NULL);
	ck_assert_uint_eq(l.n, 2);
	ck_assert(strstr(l.paths[0], "/b/1.TXT") && strstr(l.paths[1], "/b/2.md"));
	import_list_release(&l);
	args[2] = args[3] = "-";
	import_list_gather(&l, args + 1, 3, "*.doc");
	ck_assert_uint_eq(l.n, 2);
	ck_assert(strstr(l.paths[0], "/b/n.doc") && strcmp(l.paths[1], "-") == 0);
	import_list_release(&l);
}
END_TEST

START_TEST(a_title_given_apart_keeps_the_first_line)
{
	static const char plain[] = "Dòng đầu.\nDòng hai.\n";
	static const char head[] = "Tiêu đề: Cũ\nSapo: Mở.\n\nThân.\n";
	ImportOptions o = {"auto", "Tựa mới"};
	ImportInfo info;
	Article a;

	article_init(&a);
	ck_assert_msg(import_bytes("p", plain, strlen(plain), &o, &a, &info), "%s", info.err);
	ck_assert_str_eq(a.title, "Tựa mới");
	ck_assert_str_eq(a.body, "Dòng đầu.\nDòng hai.");
	ck_assert_str_eq(info.encoding, "utf-8");
	ck_assert(import_bytes("h", head, strlen(head), &o, &a, &info));
	ck_assert_str_eq(a.title, "Tựa mới");
	ck_assert_str_eq(a.sapo, "Mở.");
	ck_assert_str_eq(a.body, "Thân.");
	article_release(&a);
}
END_TEST

START_TEST(an_archived_articles_date_is_read_never_written)
{
	static const char text[] = "Tiêu đề: Cũ\nNgày đăng: 2014-11-26T08:30:00+07:00\n\nThân.\n";
	static const char bad[] = "Tiêu đề: Cũ\nNgày đăng: 31/02/2014\n\nThân.\n";
	char err[256];
	Str out = STR_INIT;
	Article a;

	article_init(&a);
	ck_assert_msg(article_parse(text, strlen(text), &a, err, sizeof(err)), "%s", err);
	ck_assert_int_eq(a.published_at, 1416965400);
	article_format(&a, &out);
	ck_assert_ptr_null(strstr(out.s, "Ngày đăng"));
	ck_assert(!article_parse(bad, strlen(bad), &a, err, sizeof(err)));
	ck_assert_str_eq(err, "line 2: 'Ngày đăng' is not a date: write YYYY-MM-DD [HH:MM] or "
			 "DD/MM/YYYY [HH:MM]");
	str_release(&out);
	article_release(&a);
}
END_TEST

START_TEST(only_admins_credit_others_or_publish)
{
	Desk *mai = as("mai"), *hung = as("hung"), *boss = as(NULL);
	ImportPlan for_hung = {"hung", STATE_DRAFT}, pub = {NULL, STATE_PUBLISHED};
	ImportPlan review = {NULL, STATE_REVIEW}, sched = {NULL, STATE_SCHEDULED};
	ImportPlan ghost = {"ghost", STATE_DRAFT};

	ck_assert(!desk_import_plan(mai, &for_hung));
	ck_assert_int_eq(desk_error(mai), DESK_REFUSED);
	ck_assert(!desk_import_plan(hung, &pub));
	ck_assert_str_eq(desk_errmsg(hung), "only admins can import articles straight to published");
	ck_assert(desk_import_plan(mai, &review));
	ck_assert(!desk_import_plan(boss, &sched));
	ck_assert_int_eq(desk_error(boss), DESK_INVALID);
	ck_assert(!desk_import_plan(boss, &ghost));
	ck_assert_int_eq(desk_error(boss), DESK_NOT_FOUND);
	ck_assert(desk_import_plan(boss, &for_hung) && desk_import_plan(boss, &pub));
	desk_free(mai);
	desk_free(hung);
	desk_free(boss);
}
END_TEST

START_TEST(an_importer_demoted_meanwhile_is_stopped_at_the_next_batch)
{
	Desk *boss = as(NULL), *root2;
	ImportPlan pub = {NULL, STATE_PUBLISHED};
	bool enabled;

	ck_assert(desk_user_add(boss, "tam", ROLE_ADMIN, "Tâm"));
	root2 = as("tam");
	ck_assert(desk_import_plan(root2, &pub));
	ck_assert(desk_user_set_role(boss, "tam", ROLE_REPORTER, &enabled));
	ck_assert(!desk_import_begin(root2, &pub));
	ck_assert_str_eq(desk_errmsg(root2), "only admins can import articles straight to published");
	desk_free(root2);
	desk_free(boss);
}
END_TEST

START_TEST(a_date_in_the_future_is_refused_only_when_publishing)
{
	Desk *mai = as("mai");
	ImportPlan draft = {NULL, STATE_DRAFT}, pub = {NULL, STATE_PUBLISHED};
	Article a;

	fill(&a, "Sắp tới");
	a.published_at = when_now() + 86400;
	ck_assert_msg(desk_import_check(mai, &draft, &a), "%s", desk_errmsg(mai));
	ck_assert(!desk_import_check(mai, &pub, &a));
	ck_assert_str_eq(desk_errmsg(mai), "its publishing date is in the future");
	article_release(&a);
	desk_free(mai);
}
END_TEST

START_TEST(a_batch_rolled_back_leaves_nothing)
{
	Desk *boss = as(NULL);
	ImportPlan plan = {"mai", STATE_DRAFT};
	ListQuery q = {.view = VIEW_ALL, .state = -1};
	ArticleList l = {0};
	Article a, b;

	fill(&a, "Một");
	fill(&b, "Hai");
	ck_assert(desk_import_begin(boss, &plan));
	ck_assert(desk_import_add(boss, &plan, &a));
	ck_assert(desk_import_add(boss, &plan, &b));
	desk_import_abort(boss);
	ck_assert(desk_list(boss, &q, &l));
	ck_assert_uint_eq(l.n, 0);
	ck_assert(desk_import_begin(boss, &plan));
	ck_assert(desk_import_add(boss, &plan, &a));
	ck_assert(desk_import_commit(boss));
	ck_assert(desk_list(boss, &q, &l));
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(l.items[0].author, "mai");
	article_list_release(&l);
	article_release(&a);
	article_release(&b);
	desk_free(boss);
}
END_TEST

static int local_offset(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	localtime_r(&tt, &tm);
	return (int)tm.tm_gmtoff;
}

START_TEST(an_archive_is_published_with_its_pages_and_index)
{
	Str page = STR_INIT;
	Desk *boss = as(NULL);
	ImportPlan plan = {NULL, STATE_PUBLISHED};
	int64_t ids[2];
	char p[400];
	Article a, b;

	fill(&a, "Một");
	fill(&b, "Hai");
	ck_assert(desk_import_begin(boss, &plan));
	ck_assert(desk_import_add(boss, &plan, &a) && desk_import_add(boss, &plan, &b));
	ck_assert(desk_import_commit(boss));
	ids[0] = a.id;
	ids[1] = b.id;
	ck_assert_msg(desk_import_publish(boss, ids, 2), "%s", desk_errmsg(boss));
	ck_assert(desk_get(boss, b.id, &b));
	site_article_path(b.id, "Hai", b.published_at, local_offset(b.published_at), &page);
	snprintf(p, sizeof(p), "%s/public/%s", dir, page.s);
	str_release(&page);
	ck_assert_msg(access(p, F_OK) == 0, "%s", p);
	snprintf(p, sizeof(p), "%s/public/index.json", dir);
	ck_assert(access(p, F_OK) == 0);
	ck_assert(desk_get(boss, a.id, &a));
	ck_assert_int_eq(a.state, STATE_PUBLISHED);
	ck_assert(a.published_at > 0);
	article_release(&a);
	article_release(&b);
	desk_free(boss);
}
END_TEST

static Suite *import_suite(void)
{
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("import");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, folders_are_walked_in_name_order_once);
	tcase_add_test(tc, a_title_given_apart_keeps_the_first_line);
	tcase_add_test(tc, an_archived_articles_date_is_read_never_written);
	tcase_add_test(tc, only_admins_credit_others_or_publish);
	tcase_add_test(tc, a_batch_rolled_back_leaves_nothing);
	tcase_add_test(tc, an_importer_demoted_meanwhile_is_stopped_at_the_next_batch);
	tcase_add_test(tc, a_date_in_the_future_is_refused_only_when_publishing);
	tcase_add_test(tc, an_archive_is_published_with_its_pages_and_index);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(import_suite)
