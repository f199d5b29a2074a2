/*
 * spell_bench: the checker's speed through the library.
 *
 *	spell_bench [--dict DIR] [--context] FILE
 *	spell_bench [--dict DIR] --sizes FILE
 *	spell_bench [--dict DIR] --once BYTES FILE
 *	spell_bench [--dict DIR] --lookups FILE
 *
 * Prints the throughput of one whole check of FILE (MB/s) and the time to re-check one
 * edited paragraph the way the editor does (the cache warm, one paragraph, a context with
 * the rest of the document's tone tallies), as the mean of many runs. --context first
 * loads the syllable pairs of the first half of FILE as published counts, so that the
 * context model runs too (as in a newsroom with a history).
 *
 * --sizes checks the first 10 KB, 100 KB, 1 MB and 4 MB of FILE (cut at a line end), each
 * with a fresh checker in a process of its own whose loading is not timed (CPU time), and
 * prints the time per MB of each against the largest: a checker linear in its input prints
 * ratios near 1. The sizes are taken in nine rounds of all of them, and each ratio is the
 * median over the rounds of one round's two rates, so that a drift in the machine's speed
 * does not land on one size. Within a round a size's time is the median of several
 * processes (9 at 10 KB down to 3 at 4 MB), the sizes taken in turn: one process on a
 * shared machine runs up to a third slower or faster than the next, which a single
 * millisecond check would carry whole into its round's ratio. Each size is timed twice: as the checker's first check
 * after loading, and warm, after the checker has checked the last 10 KB of FILE and
 * forgotten every word of it (the CPU's caches then hold the model's common rows as in a
 * running editor; each distinct word still costs its first look). The difference at 10 KB
 * is the fixed cost of a first check. The page faults of each check are printed with it:
 * memory a check touches for the first time costs one per 4 KB page; what one costs on this
 * machine is printed too.
 * --once checks the first BYTES of FILE (cut at a line end) once, as --sizes's fresh checker
 * does, and prints the bytes checked: run under an instruction counter that counts inside
 * spell_check_paragraph only, it gives the checker's work per byte at each size, which the
 * state of the machine's caches does not move.
 * --lookups times opening the language model and looking up every word of FILE in it (its
 * id and the pair it forms with the word before), per word.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/file.h"
#include "base/str.h"
#include "base/xalloc.h"
#include "spell/internal.h"
#include "spell/model.h"
#include "spell/spell.h"
#include "spell/table.h"
#include "spell/token.h"
#include "base/banned.h"

/* CPU time of this process: what a check costs, whatever else the machine runs. */
static double cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Minor page faults of this process so far: each first touch of a page costs one. */
static long faults(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_minflt;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The first paragraph of at least 400 bytes (or the start of the text). */
static void pick_paragraph(const Str *text, const char **p, size_t *len)
{
	const char *s = str_cstr(text), *end = s + text->len;

	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
		if (n >= 400) {
			*p = s;
			*len = n;
			return;
		}
		s += n + 1;
	}
	*p = str_cstr(text);
	*len = text->len < 600 ? text->len : 600;
}

static void count_pair(void *arg, const char *pair, size_t len)
{
	Table *t = arg;
	uint64_t n = 0;

	table_get(t, pair, len, &n);
	table_put(t, pair, len, n + 1);
}

/* The pairs of the first half of text, loaded as the newsroom's published counts. */
static void learn(Speller *sp, const Str *text)
{
	Table t;
	const char **pairs, *key;
	uint64_t value;
	int64_t *counts;
	size_t n = 0;

	table_init(&t);
	spell_count_bigrams(text->s, text->len / 2, count_pair, &t);
	pairs = xcalloc(t.n + 1, sizeof(*pairs));
	counts = xcalloc(t.n + 1, sizeof(*counts));
	for (size_t pos = 0; table_next(&t, &pos, &key, &value);) {
		pairs[n] = key;
		counts[n++] = (int64_t)value;
	}
	spell_set_context(sp, pairs, counts, n);
	printf("context: %zu pairs from the first half\n", n);
	free(pairs);
	free(counts);
	table_release(&t);
}

/* The length of the first n bytes of text cut after a line end (all of it if shorter). */
static size_t prefix(const Str *text, size_t n)
{
	const char *nl;

	if (n >= text->len)
		return text->len;
	nl = memchr(text->s + n, '\n', text->len - n);
	return nl ? (size_t)(nl - text->s) + 1 : text->len;
}

/* The last 10 KB of text from a line start: the warm-up text of --sizes. */
static size_t tail_start(const Str *text)
{
	const char *nl;

	if (text->len <= 10000)
		return 0;
	nl = memchr(text->s + text->len - 10000, '\n', 10000);
	return nl ? (size_t)(nl - text->s) + 1 : text->len - 10000;
}

/*
 * CPU seconds of one check of text[0, len) by a fresh checker (loading not timed, the
 * English dictionary included), in a process of its own as `toasoan spell` is: the memory
 * the check takes is touched for the first time, as in a user's run. warm: the same checker
 * first checks the warm-up text and then forgets every word it worked out, so the model and
 * the code are in the CPU's caches as in an editor that has been checking for a while, while
 * every distinct word of the text still costs its first look. *pf: the minor page faults of
 * the check.
 */
/* A checker loaded as --sizes times it: the English dictionary open, nothing checked yet. */
static Speller *loaded(const SpellOptions *opt)
{
	char err[512];
	Speller *sp = spell_new(opt, err, sizeof(err));

	if (!sp) {
		fprintf(stderr, "spell_bench: %s\n", err);
		exit(2);
	}
	lex_english_dict(&sp->lex); /* loading: English is opened on first use otherwise */
	spell_word_ok(sp, "qwxz", 4);
	return sp;
}

static void check_child(const SpellOptions *opt, const Str *text, size_t len, bool warm, int fd)
{
	Speller *sp = loaded(opt);
	FindingList fl;
	double t0, res[2];
	long f0;

	finding_list_init(&fl);
	if (warm) {
		size_t from = tail_start(text);
		spell_check(sp, text->s + from, text->len - from, &fl);
		finding_list_clear(&fl);
		spell_forget(sp);
	}
	f0 = faults();
	t0 = cpu();
	spell_check(sp, text->s, len, &fl);
	res[0] = cpu() - t0;
	res[1] = (double)(faults() - f0);
	if (write(fd, res, sizeof(res)) != (ssize_t)sizeof(res))
		_exit(2);
	_exit(0);
}

static double check_once(const SpellOptions *opt, const Str *text, size_t len, bool warm,
	long *pf)
{
	int fds[2], status;
	double res[2];
	pid_t pid;

	fflush(stdout);
	if (pipe(fds) != 0 || (pid = fork()) < 0) {
		perror("spell_bench");
		exit(2);
	}
	if (pid == 0) {
		close(fds[0]);
		check_child(opt, text, len, warm, fds[1]);
	}
	close(fds[1]);
	if (read(fds[0], res, sizeof(res)) != (ssize_t)sizeof(res) ||
	    waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "spell_bench: a check failed\n");
		exit(2);
	}
	close(fds[0]);
	*pf = (long)res[1];
	return res[0];
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/*
 * The sizes are taken in rounds, each round checking every size once fresh and once warm,
 * and each size's rate is compared with the largest's of the same round: a machine whose
 * speed drifts over minutes (a shared host) then moves a ratio's numerator and denominator
 * together. Printed: the best time of each, and the median and smallest of the per-round
 * ratios.
 */
#define ROUNDS 9
#define MOST_PROCS 9 /* processes a size's time in a round is the median of, at most */
#define MOST_VALUES (ROUNDS > MOST_PROCS ? ROUNDS : MOST_PROCS)

/* The median of n values (at most MOST_VALUES), which stay in their order. */
static double median(const double *v, size_t n)
{
	double s[MOST_VALUES];

	memcpy(s, v, n * sizeof(*s));
	qsort(s, n, sizeof(*s), by_value);
	return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/* How many processes a size's time in a round is the median of (the first the most). */
static const size_t procs[] = {MOST_PROCS, 5, 3, 3};

/*
 * One round: every size's time, the median of procs[i] fresh processes each (*pf: the
 * first's page faults), the sizes taken in turn process by process so that a change in the
 * machine's speed within the round reaches them all alike.
 */
static void round_of_sizes(const SpellOptions *opt, const Str *text, const size_t *len,
	size_t n, double out[2][4], long pf[2][4])
{
	double t[2][4][MOST_PROCS];

	for (size_t k = 0; k < MOST_PROCS; k++)
		for (size_t i = 0; i < n; i++)
			for (int w = 0; w < 2 && k < procs[i]; w++) {
				long f;
				t[w][i][k] = check_once(opt, text, len[i], w == 1, &f);
				if (k == 0)
					pf[w][i] = f;
			}
	for (size_t i = 0; i < n; i++)
		for (int w = 0; w < 2; w++)
			out[w][i] = median(t[w][i], procs[i]);
}

/*
 * CPU microseconds one first touch of a fresh 4 KB page costs here (the median of 5 runs of
 * 256 pages): what each page fault of a check adds to its time on this machine.
 */
static double page_touch_us(void)
{
	enum { PAGES = 256, RUNS = 5 };
	double t[RUNS];

	for (int r = 0; r < RUNS; r++) {
		char *p = mmap(NULL, PAGES * 4096, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		double t0;

		if (p == MAP_FAILED)
			return 0;
		t0 = cpu();
		for (size_t i = 0; i < PAGES; i++)
			((volatile char *)p)[i * 4096] = 1;
		t[r] = (cpu() - t0) / PAGES * 1e6;
		munmap(p, PAGES * 4096);
	}
	return median(t, RUNS);
}

static int sizes(const SpellOptions *opt, const Str *text)
{
	static const size_t want[] = {10000, 100000, 1000000, 4000000};
	double t[2][4][ROUNDS], ratio[2][4][ROUNDS], best[2][4], mid[2][4], low[2][4];
	long pf[2][4][ROUNDS], bestpf[2][4];
	size_t len[4], n = 0;

	for (size_t i = 0; i < 4 && (i == 0 || len[i - 1] < text->len); i++, n++)
		len[i] = prefix(text, want[i]);
	for (int run = 0; run < ROUNDS; run++) {
		double one[2][4];
		long onepf[2][4];
		round_of_sizes(opt, text, len, n, one, onepf);
		for (size_t i = 0; i < n; i++)
			for (int w = 0; w < 2; w++) {
				t[w][i][run] = one[w][i];
				pf[w][i][run] = onepf[w][i];
			}
	}
	for (int w = 0; w < 2; w++)
		for (size_t i = 0; i < n; i++) {
			best[w][i] = low[w][i] = 1e9;
			for (int run = 0; run < ROUNDS; run++) {
				double x = t[w][i][run] / (double)len[i] /
					(t[w][n - 1][run] / (double)len[n - 1]);
				ratio[w][i][run] = x;
				low[w][i] = x < low[w][i] ? x : low[w][i];
				if (t[w][i][run] < best[w][i]) {
					best[w][i] = t[w][i][run];
					bestpf[w][i] = pf[w][i][run];
				}
			}
			mid[w][i] = median(ratio[w][i], ROUNDS);
		}
	printf("check time per size (CPU, %d rounds of every size, in each the median of %zu, %zu, "
	       "%zu and %zu processes): a fresh checker's first check after loading; warm: the "
	       "same after checking other text and forgetting its words; each ratio is the size's "
	       "time per MB over the largest's in the same round, the median of the rounds (the "
	       "smallest in brackets)\n", ROUNDS, procs[0], procs[1], procs[2], procs[3]);
	for (size_t i = 0; i < n; i++)
		printf("check %8zu bytes: %8.1f ms, %6.3f s per MB, %.2fx the largest's rate (%.2fx), "
		       "%5ld page faults | warm %8.1f ms, %6.3f s per MB, %.2fx (%.2fx), %5ld\n",
			len[i], best[0][i] * 1e3, best[0][i] / ((double)len[i] / 1e6), mid[0][i],
			low[0][i], bestpf[0][i], best[1][i] * 1e3,
			best[1][i] / ((double)len[i] / 1e6), mid[1][i], low[1][i], bestpf[1][i]);
	for (size_t i = 0; i + 1 < n; i++) { /* each round's ratio in round order, for the table */
		printf("rounds %zu bytes:", len[i]);
		for (int w = 0; w < 2; w++) {
			printf(" %s", w ? "| warm" : "fresh");
			for (int run = 0; run < ROUNDS; run++)
				printf(" %.2f", ratio[w][i][run]);
		}
		printf("\n");
	}
	printf("fixed cost of a first check after loading (fresh - warm, %zu bytes, best of the %d rounds): "
	       "%.2f ms\n", len[0], ROUNDS, (best[0][0] - best[1][0]) * 1e3);
	printf("this machine: a first touch of a fresh page costs %.1f us of CPU\n", page_touch_us());
	return 0;
}

/* --once: one check of text's first n bytes by a freshly loaded checker. */
static int once(const SpellOptions *opt, const Str *text, size_t n)
{
	Speller *sp = loaded(opt);
	size_t len = prefix(text, n);
	FindingList fl;

	finding_list_init(&fl);
	spell_check(sp, text->s, len, &fl);
	printf("checked %zu bytes, %zu findings\n", len, fl.n);
	finding_list_release(&fl);
	spell_free(sp);
	return 0;
}

/* The model's key of every word of text, each ended by a NUL (a word's key is worked out
 * once per distinct word by the checker, so it is not part of a lookup's cost). */
static size_t keys(const Str *text, Str *out)
{
	size_t off = 0, words = 0;

	while (off < text->len) {
		Token t;
		off = token_scan(text->s, text->len, off, &t);
		if (t.kind != TOK_WORD)
			continue;
		model_key(text->s + t.start, t.end - t.start, out);
		str_addc(out, '\0');
		words++;
	}
	return words;
}

static int lookups(const char *dir, const Str *text)
{
	char path[4096], err[512];
	double t0 = now(), opened;
	Model *m;
	Str key = STR_INIT;
	size_t words;
	uint16_t prev = MODEL_BOUNDARY;
	uint64_t sum = 0;

	snprintf(path, sizeof(path), "%s/news.lm", dir);
	if (!(m = model_open(path, err, sizeof(err)))) {
		fprintf(stderr, "spell_bench: %s\n", err);
		return 2;
	}
	opened = now() - t0;
	words = keys(text, &key);
	t0 = now();
	for (size_t i = 0; i < key.len; i += strlen(key.s + i) + 1) {
		uint16_t id = model_id(m, key.s + i, strlen(key.s + i));
		sum += model_count(m, id) + model_pair(m, prev, id) + model_pair(m, id, prev);
		prev = id;
	}
	printf("model: opened and verified in %.1f ms (%zu tokens, %zu pairs)\n", opened * 1e3,
		model_vocab(m), model_pairs(m));
	printf("lookups: %zu words, %.3f us per word (its id and count, two pairs; sum %llu)\n",
		words, (now() - t0) / (double)(words ? words : 1) * 1e6, (unsigned long long)sum);
	str_release(&key);
	model_free(m);
	return 0;
}

int main(int argc, char **argv)
{
	SpellOptions opt = {.dict_dir = "dict"};
	const char *path = NULL, *para;
	char err[512];
	Str text = STR_INIT;
	FindingList fl;
	Speller *sp;
	SpellContext ctx = {{40, 0}, false};
	size_t plen, runs = 5000, nfound;
	bool context = false;
	int mode = 0; /* 1: --sizes, 2: --lookups, 3: --once */
	size_t once_bytes = 0;
	double t0, whole, each;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--dict") == 0 && i + 1 < argc)
			opt.dict_dir = argv[++i];
		else if (strcmp(argv[i], "--context") == 0)
			context = true;
		else if (strcmp(argv[i], "--sizes") == 0)
			mode = 1;
		else if (strcmp(argv[i], "--lookups") == 0)
			mode = 2;
		else if (strcmp(argv[i], "--once") == 0 && i + 1 < argc) {
			mode = 3;
			once_bytes = strtoul(argv[++i], NULL, 10);
		}
		else
			path = argv[i];
	}
	if (!path || !file_read(path, 1u << 30, &text, err, sizeof(err))) {
		fprintf(stderr, "usage: spell_bench [--dict DIR] FILE%s%s\n", path ? ": " : "",
			path ? err : "");
		return 2;
	}
	if (mode) {
		int rc = mode == 1 ? sizes(&opt, &text)
			: mode == 2 ? lookups(opt.dict_dir, &text) : once(&opt, &text, once_bytes);
		str_release(&text);
		return rc;
	}
	if (!(sp = spell_new(&opt, err, sizeof(err)))) {
		fprintf(stderr, "spell_bench: %s\n", err);
		return 2;
	}
	if (context)
		learn(sp, &text);
	finding_list_init(&fl);
	t0 = now();
	spell_check(sp, str_cstr(&text), text.len, &fl);
	whole = now() - t0;
	nfound = fl.n;
	pick_paragraph(&text, &para, &plen);
	t0 = now();
	for (size_t i = 0; i < runs; i++) {
		finding_list_clear(&fl);
		spell_check_paragraph(sp, para, plen, &ctx, NULL, &fl);
	}
	each = (now() - t0) / (double)runs;
	printf("library: %.1f MB in %.2f s = %.1f MB/s, %zu findings\n", (double)text.len / 1e6,
		whole, (double)text.len / 1e6 / whole, nfound);
	printf("re-check of one paragraph (%zu bytes): %.1f us\n", plen, each * 1e6);
	finding_list_release(&fl);
	str_release(&text);
	spell_free(sp);
	return 0;
}
