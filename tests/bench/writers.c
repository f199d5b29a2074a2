/*
 * writers.c: a newsroom at work, for the lists' benchmark: PROCS processes, each with a draft
 * of its own, write the edit journal every second (as an open editor does while its person
 * types) and save every tenth second, for SECONDS seconds.
 *
 *	writers DB PROCS SECONDS
 *
 * Prints one line: journal=N saves=N errors=N. Exits 1 on any error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/str.h"
#include "news/desk.h"
#include "base/banned.h"

typedef struct Counts {
	long journal, saves, errors;
} Counts;

static void work(Desk *d, int64_t id, int seconds, Counts *c)
{
	Article a;
	article_init(&a);
	if (!desk_get(d, id, &a)) {
		c->errors++;
		return;
	}
	for (int s = 0; s < seconds; s++) {
		Str body = STR_INIT;
		str_addf(&body, "%s\nCâu gõ thêm thứ %d.", a.body, s);
		article_set(&a.body, body.s);
		str_release(&body);
		if (desk_journal_write(d, &a))
			c->journal++;
		else
			c->errors++;
		if (s % 10 == 9) {
			if (desk_save(d, &a, "writers"))
				c->saves++;
			else
				c->errors++;
		}
		usleep(1000000);
	}
	article_release(&a);
}

int main(int argc, char **argv)
{
	Config cfg;
	char err[512];
	int fds[2];
	Counts total = {0}, c;
	if (argc != 4) {
		fprintf(stderr, "usage: writers DB PROCS SECONDS\n");
		return 2;
	}
	int procs = atoi(argv[2]), seconds = atoi(argv[3]);
	config_init(&cfg);
	DeskOptions opt = {argv[1], getenv("USER") ? getenv("USER") : "root", NULL, &cfg, false,
			   NULL};
	Desk *d = desk_open(&opt, err, sizeof err);
	ListQuery q = {.view = VIEW_ALL, .state = STATE_DRAFT, .limit = procs};
	ArticleList drafts = {0};
	if (!d || !desk_list(d, &q, &drafts) || drafts.n < (size_t)procs) {
		fprintf(stderr, "writers: %s\n", d ? "not enough drafts" : err);
		return 1;
	}
	desk_free(d);
	if (pipe(fds) != 0)
		return 1;
	for (int p = 0; p < procs; p++) {
		if (fork() == 0) {
			Counts mine = {0};
			close(fds[0]);
			Desk *own = desk_open(&opt, err, sizeof err);
			if (own)
				work(own, drafts.items[p].id, seconds, &mine);
			else
				mine.errors++;
			desk_free(own);
			_exit(write(fds[1], &mine, sizeof mine) == (ssize_t)sizeof mine ? 0 : 1);
		}
	}
	close(fds[1]);
	while (read(fds[0], &c, sizeof c) == (ssize_t)sizeof c) {
		total.journal += c.journal;
		total.saves += c.saves;
		total.errors += c.errors;
	}
	while (wait(NULL) > 0)
		;
	article_list_release(&drafts);
	config_release(&cfg);
	printf("journal=%ld saves=%ld errors=%ld\n", total.journal, total.saves, total.errors);
	return total.errors ? 1 : 0;
}
