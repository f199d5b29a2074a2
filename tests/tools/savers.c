/*
 * savers.c: many processes saving at once, through the desk, into one database file.
 *
 *	savers DB PROCS SAVES INTERVAL_MS
 *
 * Articles 1..PROCS must exist (one per process) and article PROCS+1 is shared by all. Each
 * process saves its own article SAVES times, and after each save also saves the shared article
 * from the version it last read, so those saves race. Every attempt must end as an accepted
 * revision or as a conflict kept as its own revision: nothing may fail, and nothing may be lost.
 * The parent then counts the revisions in the database and prints one line:
 *
 *	attempts=N saved=N conflicts=N errors=N revisions=N lost=N seconds=F
 *
 * and exits 1 if errors or lost is not 0.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/str.h"
#include "news/desk.h"

typedef struct Counts {
	long attempts, saved, conflicts, errors;
} Counts;

static Desk *open_desk(const char *db, const Config *cfg)
{
	char err[512];
	DeskOptions opt = {db, "root", NULL, cfg, false};
	const char *login = getenv("SAVERS_LOGIN");
	Desk *d;

	if (login)
		opt.login = login;
	d = desk_open(&opt, err, sizeof(err));
	if (!d)
		fprintf(stderr, "savers: %s\n", err);
	return d;
}

static void save_once(Desk *d, int64_t id, int n, Counts *c)
{
	Article a;
	Str body = STR_INIT;

	article_init(&a);
	c->attempts++;
	if (!desk_get(d, id, &a)) {
		c->errors++;
		fprintf(stderr, "savers: %s\n", desk_errmsg(d));
		goto out;
	}
	str_addf(&body, "%s\nDòng %d của tiến trình %d.", a.body, n, (int)getpid());
	article_set(&a.body, body.s);
	if (desk_save(d, &a, "load test"))
		c->saved++;
	else if (desk_error(d) == DESK_CONFLICT)
		c->conflicts++;
	else {
		c->errors++;
		fprintf(stderr, "savers: %s\n", desk_errmsg(d));
	}
out:
	str_release(&body);
	article_release(&a);
}

static int child(const char *db, int64_t own, int64_t shared, int saves, int interval_ms,
		 int fd)
{
	Config cfg;
	Counts c = {0};
	Desk *d;

	config_init(&cfg);
	d = open_desk(db, &cfg);
	if (!d)
		c.errors = 1;
	for (int i = 0; d && i < saves; i++) {
		save_once(d, own, i, &c);
		save_once(d, shared, i, &c);
		if (interval_ms)
			usleep((useconds_t)interval_ms * 1000);
	}
	if (write(fd, &c, sizeof(c)) != (ssize_t)sizeof(c))
		c.errors++;
	desk_free(d);
	config_release(&cfg);
	return c.errors ? 1 : 0;
}

static long count_revisions(const char *db, int64_t first, int64_t last)
{
	Config cfg;
	Desk *d;
	long n = 0;

	config_init(&cfg);
	d = open_desk(db, &cfg);
	for (int64_t id = first; d && id <= last; id++) {
		EventList l = {0};
		if (desk_history(d, id, &l))
			for (size_t i = 0; i < l.n; i++)
				n += l.items[i].is_revision;
		event_list_release(&l);
	}
	desk_free(d);
	config_release(&cfg);
	return n;
}

int main(int argc, char **argv)
{
	int procs, saves, interval, fds[2];
	Counts total = {0}, c;
	struct timespec t0, t1;

	if (argc != 5) {
		fprintf(stderr, "usage: savers DB PROCS SAVES INTERVAL_MS\n");
		return 2;
	}
	procs = atoi(argv[2]), saves = atoi(argv[3]), interval = atoi(argv[4]);
	if (pipe(fds) != 0)
		return 1;
	long before = count_revisions(argv[1], 1, procs + 1);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int p = 0; p < procs; p++) {
		pid_t pid = fork();
		if (pid == 0) {
			close(fds[0]);
			_exit(child(argv[1], p + 1, procs + 1, saves, interval, fds[1]));
		}
	}
	close(fds[1]);
	while (read(fds[0], &c, sizeof(c)) == (ssize_t)sizeof(c)) {
		total.attempts += c.attempts, total.saved += c.saved;
		total.conflicts += c.conflicts, total.errors += c.errors;
	}
	while (wait(NULL) > 0)
		;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long revisions = count_revisions(argv[1], 1, procs + 1) - before;
	long lost = total.attempts - total.errors - revisions;
	printf("attempts=%ld saved=%ld conflicts=%ld errors=%ld revisions=%ld lost=%ld "
	       "seconds=%.2f\n", total.attempts, total.saved, total.conflicts, total.errors,
	       revisions, lost, (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
	return total.errors || lost || total.attempts != 2L * procs * saves ? 1 : 0;
}
