/*
 * keylat.c: how fast a full-screen program answers, measured from outside in a
 * pseudo-terminal, the same way for toasoan and for the reference editors.
 *
 *	keylat [-s COLSxROWS] [-n KEYS] [-p PRELUDE] [-P FILE] [-w TEXT] [-I SECONDS] -- COMMAND...
 *
 * Starts COMMAND, waits until it has drawn and been quiet, sends PRELUDE (escapes: \e \r \n
 * \t \xHH \\) and waits again, then either types KEYS characters of Vietnamese one at a time
 * (each timed from its write to the last byte of the screen update it caused) or, with -P,
 * sends FILE as one bracketed paste and times it to the last byte drawn. Prints one line:
 *
 *	open_ms O p50_ms A p99_ms B max_ms C keys N bytes_per_key Y rss_kb R hwm_kb H base_kb K
 *
 * (bytes_per_key: what the program wrote to the terminal per key, on average; paste:
 * open_ms O paste_ms P hwm_kb H base_kb K). With -w, open_ms is the time until TEXT
 * was first drawn. With -I, nothing is typed: the program is left alone for SECONDS and its
 * processor time over them is printed (idle: cpu_pct C rss_kb R). Memory is the program's own,
 * from /proc. At the end the program is sent SIGTERM, and killed if it lingers.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/str.h"
#include "base/banned.h"

static int fd = -1;
static pid_t pid;
static long drained; /* bytes the program wrote, counted by drain */

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Reads output until none came for quiet ms after the first byte (or limit ms passed);
 * returns the time of the last byte read, or -1 if nothing came. */
static double drain(double quiet, double limit)
{
	char buf[65536];
	double start = now_ms(), last = -1;
	for (;;) {
		double t = now_ms();
		if (t - start > limit || (last >= 0 && t - last > quiet))
			return last;
		struct pollfd p = {fd, POLLIN, 0};
		int wait = last < 0 ? (int)(limit - (t - start)) + 1 : (int)(quiet - (t - last)) + 1;
		if (poll(&p, 1, wait) <= 0)
			continue;
		ssize_t n = read(fd, buf, sizeof buf);
		if (n > 0) {
			last = now_ms();
			drained += n;
		} else if (n < 0 && errno != EAGAIN && errno != EINTR)
			return last;
		else if (n == 0)
			return last;
	}
}

/* Writes all of s, reading the program's output meanwhile so neither side blocks. */
static double send_all(const char *s, size_t len)
{
	char buf[65536];
	double last = -1;
	while (len) {
		struct pollfd p = {fd, POLLIN | POLLOUT, 0};
		if (poll(&p, 1, 1000) <= 0)
			continue;
		if (p.revents & POLLIN) {
			if (read(fd, buf, sizeof buf) > 0)
				last = now_ms();
		}
		if (p.revents & POLLOUT) {
			ssize_t n = write(fd, s, len);
			if (n > 0) {
				s += n;
				len -= (size_t)n;
			} else if (n < 0 && errno != EAGAIN && errno != EINTR) {
				break;
			}
		}
	}
	return last;
}

/* Reads until text has appeared in the output (within limit ms); returns when, or -1. */
static double wait_text(const char *text, double limit)
{
	char buf[65536];
	Str seen = STR_INIT;
	double start = now_ms(), at = -1;
	while (at < 0 && now_ms() - start < limit) {
		struct pollfd p = {fd, POLLIN, 0};
		if (poll(&p, 1, 50) <= 0)
			continue;
		ssize_t n = read(fd, buf, sizeof buf);
		if (n <= 0)
			break;
		str_add(&seen, buf, (size_t)n);
		if (strstr(str_cstr(&seen), text))
			at = now_ms();
	}
	str_release(&seen);
	return at;
}

/* The program's processor time so far, in ms (user and system, from /proc). */
static double cpu_ms(void)
{
	char path[64], line[1024];
	unsigned long ut = 0, st = 0;
	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	if (fgets(line, sizeof line, f)) {
		const char *p = strrchr(line, ')');
		if (p)
			sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st);
	}
	fclose(f);
	return (double)(ut + st) * 1000.0 / (double)sysconf(_SC_CLK_TCK);
}

static void unescape(const char *s, Str *out)
{
	for (; *s; s++) {
		if (*s != '\\' || !s[1]) {
			str_addc(out, *s);
			continue;
		}
		s++;
		if (*s == 'e')
			str_addc(out, 27);
		else if (*s == 'r')
			str_addc(out, '\r');
		else if (*s == 'n')
			str_addc(out, '\n');
		else if (*s == 't')
			str_addc(out, '\t');
		else if (*s == 'x' && s[1] && s[2]) {
			char hex[3] = {s[1], s[2], 0};
			str_addc(out, (char)strtol(hex, NULL, 16));
			s += 2;
		} else
			str_addc(out, *s);
	}
}

static long proc_kb(const char *field)
{
	char path[64], line[256];
	long kb = -1;
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		if (strncmp(line, field, strlen(field)) == 0)
			kb = atol(line + strlen(field) + 1);
	fclose(f);
	return kb;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void type_keys(int n)
{
	static const char *keys[] = {"n", "g", "ư", "ờ", "i", " ", "d", "â", "n", " ", "v", "ề",
				     " ", "đ", "ư", "ợ", "c", " ", "m", "ù", "a", " "};
	double *lat = calloc((size_t)n, sizeof *lat);
	int got = 0;
	drained = 0;
	for (int i = 0; i < n; i++) {
		const char *k = keys[i % (sizeof keys / sizeof *keys)];
		double t0 = now_ms();
		send_all(k, strlen(k));
		double last = drain(25, 2000);
		if (last >= 0)
			lat[got++] = last - t0;
	}
	qsort(lat, (size_t)got, sizeof *lat, cmp_double);
	double p50 = got ? lat[got / 2] : -1, p99 = got ? lat[(got * 99) / 100 - (got >= 100)] : -1;
	printf("p50_ms %.3f p99_ms %.3f max_ms %.3f keys %d bytes_per_key %.1f rss_kb %ld "
	       "hwm_kb %ld", p50, p99, got ? lat[got - 1] : -1, got,
	       n ? (double)drained / n : 0.0, proc_kb("VmRSS"), proc_kb("VmHWM"));
	free(lat);
}

static void paste_file(const char *path)
{
	Str body = STR_INIT;
	FILE *f = fopen(path, "rb");
	char buf[65536];
	size_t n;
	if (!f) {
		fprintf(stderr, "keylat: cannot read '%s'\n", path);
		exit(2);
	}
	str_adds(&body, "\033[200~");
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		str_add(&body, buf, n);
	fclose(f);
	str_adds(&body, "\033[201~");
	double t0 = now_ms();
	double last = send_all(body.s, body.len);
	double after = drain(1500, 600000);
	if (after > last)
		last = after;
	printf("paste_ms %.1f hwm_kb %ld", last - t0, proc_kb("VmHWM"));
	str_release(&body);
}

/* Ends the program: asked first (so that a profiler running it writes its figures), killed if
 * it is still there after ten seconds. */
static void stop_program(void)
{
	kill(pid, SIGTERM);
	for (int i = 0; i < 1000; i++) {
		if (waitpid(pid, NULL, WNOHANG) == pid)
			return;
		drain(10, 10);
	}
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

int main(int argc, char **argv)
{
	struct winsize ws = {.ws_row = 40, .ws_col = 120};
	int keys = 200, i = 1;
	const char *prelude = NULL, *paste = NULL, *marker = NULL;
	double idle = 0;
	for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (i + 1 >= argc)
			break;
		if (strcmp(argv[i], "-s") == 0)
			sscanf(argv[++i], "%hux%hu", &ws.ws_col, &ws.ws_row);
		else if (strcmp(argv[i], "-n") == 0)
			keys = atoi(argv[++i]);
		else if (strcmp(argv[i], "-p") == 0)
			prelude = argv[++i];
		else if (strcmp(argv[i], "-P") == 0)
			paste = argv[++i];
		else if (strcmp(argv[i], "-w") == 0)
			marker = argv[++i];
		else if (strcmp(argv[i], "-I") == 0)
			idle = atof(argv[++i]);
	}
	if (i >= argc - 1) {
		fprintf(stderr, "usage: keylat [-s COLSxROWS] [-n KEYS] [-p PRELUDE] [-P FILE] "
				"[-w TEXT] [-I SECONDS] -- COMMAND [ARGS...]\n");
		return 2;
	}
	double t0 = now_ms();
	pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0)
		return 2;
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		execvp(argv[i + 1], argv + i + 1);
		_exit(127);
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	double opened = marker ? wait_text(marker, 20000) : drain(300, 20000);
	printf("open_ms %.1f ", opened - t0);
	if (marker)
		drain(300, 20000);
	if (prelude) {
		Str p = STR_INIT;
		unescape(prelude, &p);
		send_all(p.s, p.len);
		drain(300, 20000);
		str_release(&p);
	}
	long base = proc_kb("VmRSS");
	if (idle > 0) {
		double c0 = cpu_ms(), w0 = now_ms();
		drain(idle * 1000, idle * 1000);
		while (now_ms() - w0 < idle * 1000)
			drain(idle * 1000 - (now_ms() - w0), idle * 1000 - (now_ms() - w0));
		printf("cpu_pct %.2f rss_kb %ld", (cpu_ms() - c0) / (now_ms() - w0) * 100,
		       proc_kb("VmRSS"));
	} else if (paste)
		paste_file(paste);
	else
		type_keys(keys);
	printf(" base_kb %ld\n", base);
	fflush(stdout);
	stop_program();
	return 0;
}
