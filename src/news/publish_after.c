/*
 * publish_after.c: the publish.after command. It runs through /bin/sh in the publish folder
 * (the command is the admin's own setting, like a cron line), with the changed files, one
 * path a line relative to the folder, on its standard input. Its output is kept aside (the
 * command may run under the full-screen newsroom) and its last line quoted when it fails. Until it exits 0 the files stay pending as x:PATH marks, so a later
 * run sends them again with whatever changed since; the database is never rolled back.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "news/publish_int.h"
#include "base/banned.h"

static bool pend(Flush *f)
{
	Store *s = f->s;
	bool ok = store_begin(s);
	Str key = STR_INIT;

	for (const char *p = str_cstr(&f->changed); ok && *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		str_clear(&key);
		str_addf(&key, "x:%.*s", (int)n, p);
		ok = store_site_mark(s, key.s);
		p += n + (nl != NULL);
	}
	ok = ok && store_commit(s);
	if (!ok)
		store_rollback(s);
	str_release(&key);
	return ok;
}

static void write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return; /* the command stopped reading: its exit status tells */
		p += w;
		n -= (size_t)w;
	}
}

/* The last line the command wrote (its output is kept, never shown on a screen). */
static void last_line(int fd, Str *out)
{
	char buf[512];
	off_t end = lseek(fd, 0, SEEK_END);
	ssize_t n;

	if (end <= 0 || pread(fd, buf, 1, 0) < 0)
		return;
	n = pread(fd, buf, sizeof(buf) - 1, end > (off_t)sizeof(buf) - 1 ? end - (off_t)sizeof(buf) + 1 : 0);
	if (n <= 0)
		return;
	buf[n] = '\0';
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	for (char *p = strrchr(buf, '\n') ? strrchr(buf, '\n') + 1 : buf; *p; p++)
		str_addc(out, (unsigned char)*p < 0x20 ? '?' : *p);
}

/* Runs cmd in dir with input on its standard input; the exit status, or -1. Its output goes
 * to an unnamed file; its last line into said. */
static int run(const char *cmd, const char *dir, const Str *input, Str *said)
{
	struct sigaction ign = {.sa_handler = SIG_IGN}, old;
	int fds[2], status = -1, log = open("/tmp", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	pid_t pid;

	if (log < 0 || pipe2(fds, O_CLOEXEC) != 0) {
		if (log >= 0)
			close(log);
		return -1;
	}
	pid = fork();
	if (pid == 0) {
		if (dup2(fds[0], 0) < 0 || dup2(log, 1) < 0 || dup2(log, 2) < 0 || chdir(dir) != 0)
			_exit(127);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(fds[0]);
	if (pid >= 0) {
		sigemptyset(&ign.sa_mask);
		sigaction(SIGPIPE, &ign, &old);
		write_all(fds[1], str_cstr(input), input->len);
		close(fds[1]);
		sigaction(SIGPIPE, &old, NULL);
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	} else {
		close(fds[1]);
	}
	last_line(log, said);
	close(log);
	return status;
}

bool publish_after_run(Flush *f, const Config *c, const char *by)
{
	SiteMark *m = NULL;
	size_t n = 0, count = 0;
	Str input = STR_INIT, note = STR_INIT, said = STR_INIT;
	char *dir;
	bool ok;
	int status = 0;

	if (!c->after || !c->after[0])
		return true;
	if (!pend(f) || !store_site_marks(f->s, &m, &n)) {
		if (!f->err[0])
			snprintf(f->err, sizeof(f->err), "%s", store_errmsg(f->s));
		return false;
	}
	for (size_t i = 0; i < n; i++)
		if (strncmp(m[i].what, "x:", 2) == 0) {
			str_addf(&input, "%s\n", m[i].what + 2);
			count++;
		}
	dir = config_publish_dir(c);
	ok = count == 0 || (status = run(c->after, dir, &input, &said)) == 0;
	free(dir);
	if (ok) {
		bool sent = store_begin(f->s);
		for (size_t i = 0; sent && i < n; i++)
			if (strncmp(m[i].what, "x:", 2) == 0)
				sent = store_site_unmark(f->s, &m[i]);
		if (!(sent && store_commit(f->s)))
			store_rollback(f->s);
	} else {
		str_addf(&note, "exit status %d%s%s; %zu changed file%s pending", status,
			 said.len ? ": " : "", str_cstr(&said), count, count == 1 ? "" : "s");
		store_audit(f->s, by, "", (int64_t)time(NULL), "publish.after", "site", note.s);
		snprintf(f->err, sizeof(f->err), "the publish.after command failed (%s): the "
			 "database is unchanged and the next run sends the files again", note.s);
	}
	site_marks_release(m, n);
	str_release(&input);
	str_release(&note);
	str_release(&said);
	return ok;
}
