/*
 * spell_bench: the checker's speed through the library.
 *
 *	spell_bench [--dict DIR] [--context] FILE
 *
 * Prints the throughput of one whole check of FILE (MB/s) and the time to re-check one
 * edited paragraph the way the editor does (the cache warm, one paragraph, a context with
 * the rest of the document's tone tallies), as the mean of many runs. --context first
 * loads the syllable pairs of the first half of FILE as published counts, so that the
 * context model runs too (as in a newsroom with a history).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/file.h"
#include "base/str.h"
#include "base/xalloc.h"
#include "spell/spell.h"
#include "spell/table.h"
#include "base/banned.h"

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
	const char **pairs;
	int64_t *counts;
	size_t n = 0;

	table_init(&t);
	spell_count_bigrams(text->s, text->len / 2, count_pair, &t);
	pairs = xcalloc(t.n + 1, sizeof(*pairs));
	counts = xcalloc(t.n + 1, sizeof(*counts));
	for (size_t i = 0; i < t.cap; i++) {
		if (t.slots[i].key) {
			pairs[n] = t.slots[i].key;
			counts[n++] = (int64_t)t.slots[i].value;
		}
	}
	spell_set_context(sp, pairs, counts, n);
	printf("context: %zu pairs from the first half\n", n);
	free(pairs);
	free(counts);
	table_release(&t);
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
	double t0, whole, each;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--dict") == 0 && i + 1 < argc)
			opt.dict_dir = argv[++i];
		else if (strcmp(argv[i], "--context") == 0)
			context = true;
		else
			path = argv[i];
	}
	if (!path || !file_read(path, 1u << 30, &text, err, sizeof(err))) {
		fprintf(stderr, "usage: spell_bench [--dict DIR] FILE%s%s\n", path ? ": " : "",
			path ? err : "");
		return 2;
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
