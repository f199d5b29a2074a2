/*
 * genarchive.c: a realistic newsroom archive for the benchmarks, written through the store.
 *
 *	genarchive DB ARTICLES [CORPUS_DIR]
 *
 * Creates DB (which must not exist) with 100 people (the invoking login an admin, editors,
 * reporters) and ARTICLES articles spread over the last five years: titles and bodies made of
 * real paragraphs of varying length from the test corpus (each article 2 to 30 of them), one
 * to three saved revisions each, and the workflow's history: most published, some scheduled,
 * in review or still drafts. Rows go in one transaction per thousand articles, so 100,000
 * articles take seconds. Prints one line: articles=N users=N revisions=N seconds=F.
 */
#include <dirent.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/file.h"
#include "base/str.h"
#include "base/xalloc.h"
#include "news/store.h"
#include "base/banned.h"

#define USERS 100
#define YEARS 5

typedef struct Paras {
	char **v;
	size_t n, cap;
} Paras;

static unsigned long long rng = 88172645463325252ULL;

static unsigned long next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned long)(rng >> 11);
}

/* The paragraphs of one corpus file, its mistake marks "[[wrong|right|kind]]" kept as the
 * wrong text (what a reporter typed). */
static void add_paragraphs(Paras *p, const char *text)
{
	Str para = STR_INIT;
	for (const char *s = text; *s;) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		str_clear(&para);
		for (size_t i = 0; i < len; i++) {
			if (s[i] == '[' && i + 1 < len && s[i + 1] == '[') {
				const char *bar = memchr(s + i + 2, '|', len - i - 2);
				const char *end = bar ? strstr(bar, "]]") : NULL;
				if (bar && end && end < s + len) {
					str_add(&para, s + i + 2, (size_t)(bar - s - i - 2));
					i = (size_t)(end - s) + 1;
					continue;
				}
			}
			str_addc(&para, s[i]);
		}
		if (para.len > 40 && para.s[0] != '#') { /* a paragraph, not a heading */
			xgrow(&p->v, &p->cap, p->n + 1, sizeof *p->v);
			p->v[p->n++] = str_detach(&para);
		}
		s += len + (nl ? 1 : 0);
	}
	str_release(&para);
}

static void load_corpus(Paras *p, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	if (!d)
		return;
	while ((e = readdir(d))) {
		char path[1024];
		Str text = STR_INIT;
		char err[256];
		if (!strstr(e->d_name, ".txt"))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (file_read(path, 1 << 22, &text, err, sizeof err))
			add_paragraphs(p, str_cstr(&text));
		str_release(&text);
	}
	closedir(d);
}

static const char *const family[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan",
				     "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"};
static const char *const middle[] = {"Văn", "Thị", "Minh", "Thanh", "Hữu", "Ngọc", "Quốc",
				     "Thu", "Đức", "Hoài"};
static const char *const given[] = {"An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hùng",
				    "Lan", "Linh", "Mai", "Nam", "Phương", "Quân", "Sơn", "Tâm",
				    "Thảo", "Trang", "Tuấn", "Yến"};
#define PICK(a) a[next_rand() % (sizeof a / sizeof *a)]

static bool add_users(Store *s, char logins[USERS][16], int64_t t)
{
	struct passwd *pw = getpwuid(getuid());
	snprintf(logins[0], 16, "%s", pw ? pw->pw_name : "root");
	if (!store_user_insert(s, logins[0], "Quản trị", ROLE_ADMIN, t))
		return false;
	for (int i = 1; i < USERS; i++) {
		char name[128];
		snprintf(logins[i], 16, "u%03d", i);
		snprintf(name, sizeof name, "%s %s %s", PICK(family), PICK(middle), PICK(given));
		if (!store_user_insert(s, logins[i], name, i <= 15 ? ROLE_EDITOR : ROLE_REPORTER, t))
			return false;
	}
	return true;
}

/* Title and body from random paragraphs: the title is the start of one, cut at a word. */
static void make_text(const Paras *p, Article *a)
{
	Str body = STR_INIT, title = STR_INIT;
	const char *first = p->v[next_rand() % p->n];
	size_t cut = 0;
	for (size_t i = 0, words = 0; first[i] && words < 8 + next_rand() % 6; i++)
		if (first[i] == ' ' && i > 0) {
			cut = i;
			words++;
		}
	str_add(&title, first, cut ? cut : strlen(first));
	int n = 2 + (int)(next_rand() % 29);
	if (next_rand() % 8)
		n = 2 + (int)(next_rand() % 7); /* most articles are short */
	for (int i = 0; i < n; i++) {
		if (i)
			str_adds(&body, "\n\n");
		str_adds(&body, p->v[next_rand() % p->n]);
	}
	free(a->title);
	free(a->sapo);
	free(a->body);
	a->title = str_detach(&title);
	a->sapo = xstrdup(p->v[next_rand() % p->n]);
	a->body = str_detach(&body);
}

static bool one_article(Store *s, const Paras *p, char logins[USERS][16], int64_t t,
			long *revisions)
{
	Article a;
	bool moved = true, conflict = false, ok;
	const char *author = logins[15 + next_rand() % (USERS - 15)];
	const char *editor = logins[1 + next_rand() % 15];
	int64_t publish_at = 0;
	article_init(&a);
	make_text(p, &a);
	ok = store_article_insert(s, &a, author, t, "new") &&
	     store_transition_created(s, a.id, author, "", t, "new");
	for (int r = (int)(next_rand() % 3); ok && r > 0; r--) {
		t += 60 + (int64_t)(next_rand() % 3600);
		Str b = STR_INIT; /* each revision adds a paragraph */
		str_adds(&b, a.body);
		str_adds(&b, "\n\n");
		str_adds(&b, p->v[next_rand() % p->n]);
		free(a.body);
		a.body = str_detach(&b);
		ok = store_article_save(s, &a, author, t, "save", &conflict);
		(*revisions)++;
	}
	unsigned fate = (unsigned)(next_rand() % 100); /* 80 published, 3 scheduled, 7 review */
	if (ok && fate < 90) {
		t += 600 + (int64_t)(next_rand() % 7200);
		ok = store_article_move(s, a.id, STATE_DRAFT, STATE_REVIEW, 0, 0, author, "", t, "",
					&moved);
	}
	if (ok && fate < 83) {
		t += 600 + (int64_t)(next_rand() % 7200);
		publish_at = fate < 3 ? t + 86400 : 0;
		ok = store_article_move(s, a.id, STATE_REVIEW,
					fate < 3 ? STATE_SCHEDULED : STATE_PUBLISHED, publish_at,
					fate < 3 ? 0 : t, editor, "", t, "", &moved);
	}
	article_release(&a);
	return ok;
}

int main(int argc, char **argv)
{
	char err[512], logins[USERS][16];
	Paras p = {0};
	struct timespec t0, t1;
	long revisions = 0, n = argc > 2 ? atol(argv[2]) : 0;
	if (argc < 3 || n <= 0) {
		fprintf(stderr, "usage: genarchive DB ARTICLES [CORPUS_DIR]\n");
		return 2;
	}
	if (access(argv[1], F_OK) == 0) {
		fprintf(stderr, "genarchive: '%s' exists already\n", argv[1]);
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	load_corpus(&p, argc > 3 ? argv[3] : "tests/corpus");
	if (p.n == 0) {
		fprintf(stderr, "genarchive: no paragraphs in the corpus folder\n");
		return 2;
	}
	Store *s = store_open(argv[1], true, err, sizeof err);
	int64_t now = (int64_t)time(NULL), start = now - YEARS * 365 * 86400LL;
	bool ok = s && store_begin(s) && add_users(s, logins, start) && store_commit(s);
	for (long i = 0; ok && i < n; i++) {
		/* Articles come in time order, a little uneven, up to about a day ago. */
		int64_t t = start + (int64_t)((double)i / (double)n * (double)(now - start - 86400));
		t += (int64_t)(next_rand() % 3600);
		if (i % 1000 == 0)
			ok = store_begin(s);
		ok = ok && one_article(s, &p, logins, t, &revisions);
		if (ok && (i % 1000 == 999 || i == n - 1))
			ok = store_commit(s);
	}
	if (!ok) {
		fprintf(stderr, "genarchive: %s\n", s ? store_errmsg(s) : err);
		return 1;
	}
	store_free(s);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("articles=%ld users=%d revisions=%ld seconds=%.1f\n", n, USERS, revisions + n,
	       (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	for (size_t i = 0; i < p.n; i++)
		free(p.v[i]);
	free(p.v);
	return 0;
}
