/*
 * test_desk.c: the desk on a real SQLite file: a save is refused while someone else holds a
 * live lock, a dead holder's lock is reclaimed, take-over keeps the holder's journaled text,
 * and a new article's journal is found again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check_main.h"
#include "news/desk.h"
#include "news/store.h"
#include "spell/spell.h"

static char dir[] = "/tmp/toasoan-desk-XXXXXX";
static char path[256];
static Config cfg;

static void setup(void)
{
	char err[512];
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/t.db", dir);
	config_init(&cfg);
	char pub[300];
	snprintf(pub, sizeof(pub), "%s/public", dir);
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

/* Puts a lock row for login held by process pid on this host, straight into the store. */
static void lock_as(int64_t id, const char *login, int64_t pid)
{
	char err[512], host[256];
	Store *s = store_open(path, false, err, sizeof(err));
	ck_assert_ptr_nonnull(s);
	gethostname(host, sizeof(host));
	ck_assert(store_lock_put(s, id, login, host, pid, time(NULL)));
	store_free(s);
}

static int64_t new_article(Desk *d)
{
	Article a;
	article_init(&a);
	article_set(&a.title, "Bão số 3");
	article_set(&a.body, "Mưa lớn.");
	ck_assert(desk_create(d, &a, "test"));
	int64_t id = a.id;
	article_release(&a);
	return id;
}

START_TEST(save_is_refused_under_someone_elses_lock)
{
	Desk *mai = as("mai"), *hung = as("hung");
	int64_t id = new_article(mai);
	Article a;

	lock_as(id, "mai", (int64_t)getppid()); /* a live process on this host */
	article_init(&a);
	ck_assert(desk_get(hung, id, &a));
	article_set(&a.body, "Sửa đè.");
	ck_assert(!desk_save(hung, &a, "edit"));
	ck_assert_int_eq(desk_error(hung), DESK_LOCKED);
	ck_assert_msg(strstr(desk_errmsg(hung), "Trần Thị Mai") != NULL, "%s", desk_errmsg(hung));
	/* a lock whose process is gone is no obstacle */
	lock_as(id, "mai", 999999);
	ck_assert_msg(desk_save(hung, &a, "edit"), "%s", desk_errmsg(hung));
	article_release(&a);
	desk_free(mai);
	desk_free(hung);
}
END_TEST

START_TEST(take_over_keeps_the_holders_journal)
{
	Desk *mai = as("mai"), *hung = as("hung");
	int64_t id = new_article(mai);
	LockInfo holder = {0};
	EventList h = {0};
	Article a;

	ck_assert(desk_lock(mai, id, false, &holder));
	article_init(&a);
	ck_assert(desk_get(mai, id, &a));
	article_set(&a.body, "Văn bản chưa lưu của Mai.");
	ck_assert(desk_journal_write(mai, &a));
	lock_as(id, "mai", (int64_t)getppid()); /* as if Mai's editor were another live process */
	ck_assert(!desk_lock(hung, id, false, &holder));
	ck_assert_int_eq(desk_error(hung), DESK_LOCKED);
	ck_assert_str_eq(holder.login, "mai");
	lock_info_release(&holder);
	ck_assert_msg(desk_lock(hung, id, true, &holder), "%s", desk_errmsg(hung));
	ck_assert(desk_history(hung, id, &h));
	ck_assert_int_eq(h.items[h.n - 1].kind, REV_TAKEOVER);
	event_list_release(&h);
	Article kept;
	article_init(&kept);
	ck_assert(desk_revision(hung, id, 2, &kept));
	ck_assert_str_eq(kept.body, "Văn bản chưa lưu của Mai.");
	/* a reporter cannot take over */
	ck_assert(!desk_lock(mai, id, true, &holder));
	ck_assert_int_eq(desk_error(mai), DESK_REFUSED);
	article_release(&kept);
	article_release(&a);
	desk_free(mai);
	desk_free(hung);
}
END_TEST

START_TEST(a_new_articles_journal_is_found_again)
{
	Desk *mai = as("mai");
	Article a, back;
	int64_t at;
	bool found;

	article_init(&a);
	article_init(&back);
	ck_assert(desk_journal_read(mai, 0, &back, &at, &found));
	ck_assert(!found);
	article_set(&a.body, "Bài mới, chưa có tiêu đề, chưa lưu.");
	ck_assert(desk_journal_write(mai, &a));
	article_set(&a.body, "Bài mới, viết thêm.");
	ck_assert(desk_journal_write(mai, &a)); /* replaces, never duplicates */
	ck_assert(desk_journal_read(mai, 0, &back, &at, &found));
	ck_assert(found);
	ck_assert_str_eq(back.body, "Bài mới, viết thêm.");
	ck_assert(desk_journal_clear(mai, 0));
	ck_assert(desk_journal_read(mai, 0, &back, &at, &found));
	ck_assert(!found);
	article_release(&a);
	article_release(&back);
	desk_free(mai);
}
END_TEST

static void sum_pair(const char *pair, int64_t n, void *ud)
{
	int64_t *want = ud;
	if (strcmp(pair, "trời nắng") == 0)
		want[0] += n;
	if (strcmp(pair, "mưa lớn") == 0)
		want[1] += n;
}

static bool page_has(const char *text)
{
	char cmd[600];
	snprintf(cmd, sizeof(cmd), "grep -rqF --include='*.html' '%s' '%s'/public", text, dir);
	return system(cmd) == 0;
}

START_TEST(saving_a_published_article_republishes_it)
{
	Desk *mai = as("mai"), *hung = as("hung");
	int64_t id = new_article(mai), counts[2] = {0, 0};
	Article a;

	ck_assert(desk_act(mai, id, ACT_SUBMIT, NULL, 0));
	ck_assert_msg(desk_act(hung, id, ACT_APPROVE, NULL, 0), "%s", desk_errmsg(hung));
	ck_assert(page_has("Mưa lớn."));
	ck_assert(desk_pairs(hung, sum_pair, counts));
	ck_assert_int_eq(counts[1], 1);
	article_init(&a);
	ck_assert(desk_get(hung, id, &a));
	article_set(&a.body, "Ngày mai trời nắng đẹp.");
	ck_assert_msg(desk_save(hung, &a, "sửa sau khi đăng"), "%s", desk_errmsg(hung));
	ck_assert(page_has("trời nắng đẹp"));
	ck_assert(!page_has("Mưa lớn."));
	counts[0] = counts[1] = 0;
	ck_assert(desk_pairs(hung, sum_pair, counts));
	ck_assert_int_eq(counts[0], 1); /* the new text is counted */
	ck_assert_int_eq(counts[1], 0); /* the old one no longer */
	ck_assert(desk_act(hung, id, ACT_UNPUBLISH, "gỡ", 0));
	counts[0] = counts[1] = 0;
	ck_assert(desk_pairs(hung, sum_pair, counts));
	ck_assert_int_eq(counts[0], 0); /* unpublishing takes back what was counted */
	article_release(&a);
	desk_free(mai);
	desk_free(hung);
}
END_TEST

START_TEST(only_editors_of_an_article_keep_text_in_its_history)
{
	Desk *mai = as("mai"), *lan = NULL;
	char err[512];
	int64_t id = new_article(mai);
	Article a;

	{
		Desk *boss = as(NULL);
		ck_assert(desk_user_add(boss, "lan", ROLE_REPORTER, "Lê Thị Lan"));
		desk_free(boss);
	}
	DeskOptions o = {path, "boss", "lan", &cfg, false, NULL};
	lan = desk_open(&o, err, sizeof(err));
	ck_assert_msg(lan != NULL, "%s", err);
	/* published: every reporter may read it, none may add to it */
	Desk *hung = as("hung");
	ck_assert(desk_act(mai, id, ACT_SUBMIT, NULL, 0));
	ck_assert(desk_act(hung, id, ACT_APPROVE, NULL, 0));
	article_init(&a);
	ck_assert(desk_get(lan, id, &a));
	article_set(&a.body, "Nội dung bịa đặt.");
	ck_assert(!desk_keep_text(lan, &a, REV_TAKEOVER, "x", NULL));
	ck_assert_int_eq(desk_error(lan), DESK_REFUSED);
	ck_assert(desk_keep_text(hung, &a, REV_TAKEOVER, "x", NULL));
	desk_free(hung);
	article_release(&a);
	desk_free(mai);
	desk_free(lan);
}
END_TEST


/* Ignored findings stay with the article; returned drafts show their note to their writer
 * only; the time a list was last seen is kept per person. */
START_TEST(marks_beside_the_text)
{
	Desk *mai = as("mai"), *lan, *hung = as("hung");
	int64_t id = new_article(mai);
	char **t = NULL;
	size_t n = 0;
	Desk *boss = as("boss");
	ck_assert(desk_user_add(boss, "lan", ROLE_REPORTER, "Lê Thị Lan"));
	desk_free(boss);
	ck_assert(desk_ignore(mai, id, "trươngg"));
	ck_assert(desk_ignore(mai, id, "trươngg")); /* twice is once */
	ck_assert(desk_ignored(mai, id, &t, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(t[0], "trươngg");
	free(t[0]);
	free(t);

	ReturnedList r = {NULL, 0, 0};
	ck_assert(desk_act(mai, id, ACT_SUBMIT, NULL, 0));
	ck_assert(desk_returned(mai, &r));
	ck_assert_uint_eq(r.n, 0); /* in review: nothing returned */
	ck_assert(desk_act(hung, id, ACT_RETURN, "Thêm trích dẫn.\nVà ảnh.", 0));
	ck_assert(desk_returned(mai, &r));
	ck_assert_uint_eq(r.n, 1);
	ck_assert_int_eq(r.items[0].id, id);
	ck_assert_str_eq(r.items[0].note, "Thêm trích dẫn.\nVà ảnh.");
	ck_assert_str_eq(r.items[0].by_name, "Phạm Văn Hùng");
	returned_list_release(&r);
	lan = as("lan");
	ck_assert(desk_returned(lan, &r));
	ck_assert_uint_eq(r.n, 0); /* someone else's returned draft is not hers */
	ck_assert(!desk_ignore(lan, id, "x")); /* nor may she mark it */
	ck_assert(desk_act(mai, id, ACT_SUBMIT, NULL, 0));
	ck_assert(desk_returned(mai, &r));
	ck_assert_uint_eq(r.n, 0); /* sent again: no longer returned */

	int64_t at = -1;
	ck_assert(desk_seen(hung, "review", &at));
	ck_assert_int_eq(at, 0);
	ck_assert(desk_seen_mark(hung, "review"));
	ck_assert(desk_seen(hung, "review", &at));
	ck_assert_int_gt(at, 0);
	ck_assert(desk_seen(mai, "review", &at));
	ck_assert_int_eq(at, 0);
	desk_free(lan);
	desk_free(hung);
	desk_free(mai);
}
END_TEST

START_TEST(a_disabled_editor_loses_rights_on_the_next_action)
{
	/* The editor's desk stays open, as a screen would keep it, while an admin disables them. */
	Desk *mai = as("mai"), *hung = as("hung"), *boss = as(NULL);
	int64_t id = new_article(mai), other = new_article(mai);
	ck_assert(desk_act(mai, id, ACT_SUBMIT, NULL, 0));
	ck_assert(desk_act(mai, other, ACT_SUBMIT, NULL, 0));
	ck_assert(desk_act(hung, id, ACT_RETURN, "Thiếu nguồn", 0));
	ck_assert(desk_user_disable(boss, "hung"));
	ck_assert(!desk_act(hung, other, ACT_PUBLISH, NULL, 0));
	ck_assert_int_eq(desk_error(hung), DESK_REFUSED);
	ck_assert_str_eq(desk_errmsg(hung), "the account 'hung' is disabled; ask an admin");
	Article a;
	article_init(&a);
	ck_assert(desk_get(boss, other, &a));
	ck_assert_int_eq(a.state, STATE_REVIEW);
	article_release(&a);
	desk_free(mai);
	desk_free(hung);
	desk_free(boss);
}
END_TEST

START_TEST(a_role_given_to_a_disabled_account_says_it_enables_it)
{
	Desk *hung = as("hung"), *boss = as(NULL);
	bool enabled = false;
	ck_assert(desk_user_disable(boss, "hung"));
	ck_assert(desk_user_set_role(boss, "hung", ROLE_EDITOR, &enabled));
	ck_assert(enabled);
	ck_assert(desk_user_set_role(boss, "hung", ROLE_EDITOR, &enabled));
	ck_assert(!enabled);
	User u = {0};
	ck_assert(desk_user_get(boss, "hung", &u));
	ck_assert(u.active && u.role == ROLE_EDITOR);
	user_release(&u);
	desk_free(hung);
	desk_free(boss);
}
END_TEST

START_TEST(a_demoted_editor_acts_as_a_reporter_at_once)
{
	Desk *mai = as("mai"), *hung = as("hung"), *boss = as(NULL);
	int64_t id = new_article(mai);
	bool enabled = true;
	ck_assert(desk_act(mai, id, ACT_SUBMIT, NULL, 0));
	ck_assert(desk_user_set_role(boss, "hung", ROLE_REPORTER, &enabled));
	ck_assert(!enabled); /* hung was active: nothing enabled */
	ck_assert(!desk_act(hung, id, ACT_PUBLISH, NULL, 0));
	ck_assert_int_eq(desk_error(hung), DESK_NOT_FOUND); /* mai's article is hidden now */
	ck_assert_int_eq(desk_actor(hung)->role, ROLE_REPORTER);
	ck_assert(!desk_word_add(hung, "khoá"));
	ck_assert_int_eq(desk_error(hung), DESK_REFUSED);
	desk_free(mai);
	desk_free(hung);
	desk_free(boss);
}
END_TEST

START_TEST(another_reporters_draft_is_like_a_missing_id)
{
	Desk *mai = as("mai"), *boss = as(NULL);
	ck_assert(desk_user_add(boss, "lan", ROLE_REPORTER, "Lan"));
	Desk *lan = as("lan");
	int64_t id = new_article(mai);
	char hidden[600], missing[600];
	Article a;
	article_init(&a);
	ck_assert(!desk_get(lan, id, &a));
	ck_assert_int_eq(desk_error(lan), DESK_NOT_FOUND);
	snprintf(hidden, sizeof(hidden), "%s", desk_errmsg(lan));
	ck_assert(!desk_get(lan, 999, &a));
	ck_assert_int_eq(desk_error(lan), DESK_NOT_FOUND);
	snprintf(missing, sizeof(missing), "%s", desk_errmsg(lan));
	hidden[strlen("no article with id ")] = missing[strlen("no article with id ")] = '\0';
	ck_assert_str_eq(hidden, missing);
	ck_assert(!desk_act(lan, id, ACT_SUBMIT, NULL, 0));
	ck_assert_int_eq(desk_error(lan), DESK_NOT_FOUND);
	a.id = id;
	a.version = 1;
	article_set(&a.title, "Chép đè");
	ck_assert(!desk_save(lan, &a, "x"));
	ck_assert_int_eq(desk_error(lan), DESK_NOT_FOUND);
	article_release(&a);
	desk_free(lan);
	desk_free(mai);
	desk_free(boss);
}
END_TEST

START_TEST(limits_and_hidden_characters_are_refused)
{
	Desk *mai = as("mai"), *hung = as("hung");
	Article a;
	Str s = STR_INIT;
	article_init(&a);
	for (int i = 0; i < 501; i++)
		str_adds(&s, "ă");
	article_set(&a.title, s.s);
	ck_assert(!desk_create(mai, &a, "t"));
	ck_assert_str_eq(desk_errmsg(mai), "the title is too long: 501 characters, at most 500");
	str_truncate(&s, 500 * 2);
	article_set(&a.title, s.s);
	ck_assert(desk_create(mai, &a, "t"));
	article_set(&a.title, "Tin \u202Egnôs");
	ck_assert(!desk_create(mai, &a, "t"));
	ck_assert_int_eq(desk_error(mai), DESK_INVALID);
	article_set(&a.title, "Tin \xC2\x9B" "2J");
	ck_assert(!desk_create(mai, &a, "t"));
	ck_assert_int_eq(desk_error(mai), DESK_INVALID);
	article_set(&a.title, "Tin");
	str_clear(&s);
	for (int i = 0; i < 31; i++)
		str_addf(&s, "%sthẻ %d", i ? ", " : "", i);
	article_set(&a.tags, s.s);
	ck_assert(!desk_create(mai, &a, "t"));
	ck_assert_str_eq(desk_errmsg(mai), "too many tags: 31, at most 30");
	int64_t id = new_article(mai);
	ck_assert(desk_act(mai, id, ACT_SUBMIT, NULL, 0));
	str_clear(&s);
	for (int i = 0; i < DESK_MAX_NOTE + 1; i++)
		str_addc(&s, 'n');
	ck_assert(!desk_act(hung, id, ACT_RETURN, s.s, 0));
	ck_assert_str_eq(desk_errmsg(hung), "the note is too long: 10001 characters, at most 10000");
	str_truncate(&s, DESK_MAX_NOTE);
	ck_assert(desk_act(hung, id, ACT_RETURN, s.s, 0));
	str_release(&s);
	article_release(&a);
	desk_free(mai);
	desk_free(hung);
}
END_TEST

static Suite *desk_suite(void)
{
	Suite *s = suite_create("desk");
	TCase *tc = tcase_create("desk");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, save_is_refused_under_someone_elses_lock);
	tcase_add_test(tc, take_over_keeps_the_holders_journal);
	tcase_add_test(tc, a_new_articles_journal_is_found_again);
	tcase_add_test(tc, saving_a_published_article_republishes_it);
	tcase_add_test(tc, only_editors_of_an_article_keep_text_in_its_history);
	tcase_add_test(tc, marks_beside_the_text);
	tcase_add_test(tc, a_disabled_editor_loses_rights_on_the_next_action);
	tcase_add_test(tc, a_demoted_editor_acts_as_a_reporter_at_once);
	tcase_add_test(tc, a_role_given_to_a_disabled_account_says_it_enables_it);
	tcase_add_test(tc, another_reporters_draft_is_like_a_missing_id);
	tcase_add_test(tc, limits_and_hidden_characters_are_refused);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(desk_suite)
