/*
 * spell_eval: precision and recall of the checker on a labelled corpus.
 *
 *	spell_eval [--dict DIR] [--context] [--verbose] [--min 0.9] FILE|DIR...
 *	spell_eval --news [--dict DIR] [--margins M1,M2,M3] [--rate N] [--seed S]
 *		[--floors RP,RR,NP,NR,ALARMS] FILE|DIR...
 *
 * --news evaluates on clean articles with injected mistakes (see spell_inject.h): labelled
 * corpus files are first corrected (labels replaced by their suggestion), plain articles are
 * taken as they are. It prints, for each margin (the first is the one checked against the
 * floors), precision and recall of real-word and non-word findings, how often the first
 * suggestion restores the word, and false alarms per 2,000 words of the clean text; exits 1
 * when real-word precision or recall, non-word precision or recall is below its floor or
 * the false alarms above theirs.
 *
 * A corpus file is Vietnamese text with inline labels [[TEXT|SUGGESTION|KIND]] around each
 * expected finding; a first line "# style: old|new" sets the house style (else any); other
 * lines starting with # are comments. The labels are stripped, the checker runs on the clean
 * text, and a finding matches a label of the same kind whose span it overlaps. --context
 * loads, for each file, the bigram counts of the corrected text of all the other files
 * (leave one out), to measure what the context model adds. Exits 1 if any kind's precision
 * or recall is below the minimum.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "base/str.h"
#include "base/xalloc.h"
#include "spell/spell.h"
#include "spell/table.h"
#include "spell_inject.h"
#include "base/banned.h"

typedef struct Label {
	size_t start, end;
	FindingKind kind;
	char *sugg;
	bool hit;
} Label;

typedef struct Doc {
	char *path;
	ToneStyle style;
	Str text;       /* labels stripped */
	Str fixed;      /* labels replaced by their suggestion (for the context model) */
	Label *labels;
	size_t nlabels, cap;
} Doc;

typedef struct Counts {
	size_t found[FIND_KIND_COUNT], found_ok[FIND_KIND_COUNT];
	size_t labels[FIND_KIND_COUNT], labels_hit[FIND_KIND_COUNT];
	size_t with_sugg, sugg_first;
} Counts;

static bool parse_label(Doc *d, const char *p, size_t len, size_t *used)
{
	const char *end = memmem(p, len, "]]", 2), *b1, *b2;
	Label *l;
	char kind[32];
	bool drop;

	if (!end)
		return false;
	b2 = NULL;
	for (const char *q = end; q > p; q--)
		if (*q == '|') {
			b2 = q;
			break;
		}
	if (!b2)
		return false;
	b1 = NULL;
	for (const char *q = b2 - 1; q >= p + 2; q--)
		if (*q == '|') {
			b1 = q;
			break;
		}
	if (!b1 || (size_t)(end - b2 - 1) >= sizeof(kind))
		return false;
	xgrow(&d->labels, &d->cap, d->nlabels + 1, sizeof(*d->labels));
	l = &d->labels[d->nlabels];
	memcpy(kind, b2 + 1, (size_t)(end - b2 - 1));
	kind[end - b2 - 1] = '\0';
	if (!finding_kind_parse(kind, &l->kind)) {
		fprintf(stderr, "%s: unknown kind '%s'\n", d->path, kind);
		return false;
	}
	l->start = d->text.len;
	str_add(&d->text, p + 2, (size_t)(b1 - p - 2));
	l->end = d->text.len;
	l->sugg = xstrndup(b1 + 1, (size_t)(b2 - b1 - 1));
	l->hit = false;
	if (l->kind == FIND_REPEAT && !*l->sugg && d->fixed.len && d->fixed.s[d->fixed.len - 1] == ' ')
		str_truncate(&d->fixed, d->fixed.len - 1); /* the repeat and its space go */
	/* an empty suggestion for a repeat or a lone mark means: take it out */
	drop = l->kind == FIND_REPEAT || l->kind == FIND_PUNCTUATION;
	str_add(&d->fixed, *l->sugg || drop ? l->sugg : p + 2,
		*l->sugg || drop ? strlen(l->sugg) : (size_t)(b1 - p - 2));
	d->nlabels++;
	*used = (size_t)(end + 2 - p);
	return true;
}

static bool load_doc(Doc *d, const char *path)
{
	Str raw = STR_INIT;
	char err[512];
	size_t i = 0, used;

	memset(d, 0, sizeof(*d));
	d->path = xstrdup(path);
	if (!file_read(path, 16u << 20, &raw, err, sizeof(err))) {
		fprintf(stderr, "spell_eval: %s\n", err);
		return false;
	}
	while (i < raw.len) {
		const char *line = raw.s + i, *nl = memchr(line, '\n', raw.len - i);
		size_t ll = nl ? (size_t)(nl - line) + 1 : raw.len - i;
		if (line[0] == '#') {
			if (i == 0 && strncmp(line, "# style:", 8) == 0) {
				char name[8] = "";
				sscanf(line + 8, " %7s", name);
				tone_style_parse(name, &d->style);
			}
			i += ll;
			continue;
		}
		for (size_t k = 0; k < ll;) {
			if (k + 1 < ll && line[k] == '[' && line[k + 1] == '[' &&
			    parse_label(d, line + k, ll - k, &used)) {
				k += used;
				continue;
			}
			str_addc(&d->text, line[k]);
			str_addc(&d->fixed, line[k]);
			k++;
		}
		i += ll;
	}
	str_release(&raw);
	return true;
}

static void doc_release(Doc *d)
{
	for (size_t i = 0; i < d->nlabels; i++)
		free(d->labels[i].sugg);
	free(d->labels);
	free(d->path);
	str_release(&d->text);
	str_release(&d->fixed);
}

static void add_pair(void *arg, const char *pair, size_t len)
{
	Table *t = arg;
	uint64_t v = 0;

	table_get(t, pair, len, &v);
	table_put(t, pair, len, v + 1);
}

static void load_context(Speller *sp, Doc *docs, size_t n, size_t skip)
{
	Table t;
	const char **pairs, *key;
	uint64_t value;
	int64_t *counts;
	size_t k = 0;

	table_init(&t);
	for (size_t i = 0; i < n; i++)
		if (i != skip)
			spell_count_bigrams(str_cstr(&docs[i].fixed), docs[i].fixed.len, add_pair, &t);
	pairs = xcalloc(t.n + 1, sizeof(*pairs));
	counts = xcalloc(t.n + 1, sizeof(*counts));
	for (size_t pos = 0; table_next(&t, &pos, &key, &value);) {
		pairs[k] = key;
		counts[k++] = (int64_t)value;
	}
	spell_set_context(sp, pairs, counts, k);
	free(pairs);
	free(counts);
	table_release(&t);
}

static void score(Doc *d, const FindingList *fl, Counts *c, bool verbose)
{
	for (size_t i = 0; i < d->nlabels; i++)
		c->labels[d->labels[i].kind]++;
	for (size_t f = 0; f < fl->n; f++) {
		const Finding *x = &fl->items[f];
		bool ok = false;
		c->found[x->kind]++;
		for (size_t i = 0; i < d->nlabels; i++) {
			Label *l = &d->labels[i];
			if (l->kind != x->kind || x->start >= l->end || l->start >= x->end)
				continue;
			ok = true;
			if (!l->hit && *l->sugg) {
				c->with_sugg++;
				c->sugg_first += x->nsuggestions && strcmp(x->suggestions[0], l->sugg) == 0;
				if (verbose && !(x->nsuggestions && strcmp(x->suggestions[0], l->sugg) == 0))
					printf("  %s: suggestion for '%.*s': got '%s', want '%s'\n", d->path,
						(int)(l->end - l->start), d->text.s + l->start,
						x->nsuggestions ? x->suggestions[0] : "", l->sugg);
			}
			l->hit = true;
		}
		c->found_ok[x->kind] += ok;
		if (!ok && verbose)
			printf("  %s: false %s '%.*s' (%s)\n", d->path, finding_kind_name(x->kind),
				(int)(x->end - x->start), d->text.s + x->start, x->message);
	}
	for (size_t i = 0; i < d->nlabels; i++) {
		c->labels_hit[d->labels[i].kind] += d->labels[i].hit;
		if (!d->labels[i].hit && verbose)
			printf("  %s: missed %s '%.*s'\n", d->path, finding_kind_name(d->labels[i].kind),
				(int)(d->labels[i].end - d->labels[i].start), d->text.s + d->labels[i].start);
	}
}

static double ratio(size_t a, size_t b)
{
	return b ? (double)a / (double)b : 1.0;
}

static int report(const Counts *c, double min)
{
	size_t tf = 0, tfo = 0, tl = 0, tlh = 0;
	int bad = 0;

	printf("%-15s %6s %6s %9s %7s\n", "kind", "labels", "found", "precision", "recall");
	for (int k = 0; k < FIND_KIND_COUNT; k++) {
		double p = ratio(c->found_ok[k], c->found[k]), r = ratio(c->labels_hit[k], c->labels[k]);
		if (!c->found[k] && !c->labels[k])
			continue;
		printf("%-15s %6zu %6zu %9.3f %7.3f%s\n", finding_kind_name((FindingKind)k),
			c->labels[k], c->found[k], p, r, p < min || r < min ? "  BELOW" : "");
		bad |= p < min || r < min;
		tf += c->found[k];
		tfo += c->found_ok[k];
		tl += c->labels[k];
		tlh += c->labels_hit[k];
	}
	printf("%-15s %6zu %6zu %9.3f %7.3f\n", "overall", tl, tf, ratio(tfo, tf), ratio(tlh, tl));
	printf("first suggestion right: %zu of %zu (%.3f)\n", c->sugg_first, c->with_sugg,
		ratio(c->sugg_first, c->with_sugg));
	return bad;
}

static void add_path(const char *p, char ***files, size_t *n, size_t *cap)
{
	DIR *dir = opendir(p);
	struct dirent *e;

	if (!dir) {
		xgrow(files, cap, *n + 1, sizeof(char *));
		(*files)[(*n)++] = xstrdup(p);
		return;
	}
	while ((e = readdir(dir))) {
		size_t l = strlen(e->d_name);
		if (l > 4 && strcmp(e->d_name + l - 4, ".txt") == 0) {
			Str s = STR_INIT;
			str_addf(&s, "%s/%s", p, e->d_name);
			xgrow(files, cap, *n + 1, sizeof(char *));
			(*files)[(*n)++] = str_detach(&s);
		}
	}
	closedir(dir);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct NewsRun {
	SpellOptions opt;
	double margins[3];
	size_t nmargins;
	unsigned rate;
	uint64_t seed;
	double floors[5]; /* real P, R, non-word P, R, alarms per 2,000 words */
	bool verbose;
} NewsRun;

/* One margin over every document: counts into c. */
static bool news_margin(const NewsRun *nr, double margin, Doc *docs, size_t n, NewsCounts *c)
{
	SpellOptions opt = nr->opt;
	char err[512];
	Speller *sp;
	uint64_t seed = nr->seed;

	opt.margin = margin;
	if (!(sp = spell_new(&opt, err, sizeof(err)))) {
		fprintf(stderr, "spell_eval: %s\n", err);
		return false;
	}
	memset(c, 0, sizeof(*c));
	for (size_t i = 0; i < n; i++) {
		FindingList fl;
		Str bad = STR_INIT;
		Injected *lab = NULL;
		size_t cap = 0, nl;
		finding_list_init(&fl);
		spell_set_style(sp, docs[i].style);
		spell_check(sp, str_cstr(&docs[i].fixed), docs[i].fixed.len, &fl);
		c->words += count_words(&docs[i].fixed);
		c->clean_alarms += alarms(&fl, nr->verbose, &docs[i].fixed);
		finding_list_clear(&fl);
		nl = inject(sp, &docs[i].fixed, &seed, nr->rate, &bad, &lab, &cap);
		spell_check(sp, str_cstr(&bad), bad.len, &fl);
		score_injected(&fl, lab, nl, c);
		for (size_t k = 0; k < nl; k++) {
			if (nr->verbose && !lab[k].hit)
				printf("  missed %s '%.*s' (%s)\n", lab[k].real ? "real-word" : "non-word",
					(int)(lab[k].end - lab[k].start), bad.s + lab[k].start, lab[k].orig);
			free(lab[k].orig);
		}
		free(lab);
		str_release(&bad);
		finding_list_release(&fl);
	}
	spell_free(sp);
	return true;
}

static int news_eval(const NewsRun *nr, Doc *docs, size_t n)
{
	int bad = 0;

	printf("%zu articles, one word in %u damaged, seed %llu\n", n, nr->rate,
		(unsigned long long)nr->seed);
	printf("%7s %8s %8s %7s %9s %9s %7s %9s\n", "margin", "real P", "real R", "first",
		"nonword P", "nonword R", "first", "alarms/2k");
	for (size_t m = 0; m < nr->nmargins; m++) {
		NewsCounts c;
		double v[5];
		if (!news_margin(nr, nr->margins[m], docs, n, &c))
			return 2;
		v[0] = ratio(c.found_ok[0], c.found[0]);
		v[1] = ratio(c.hit[0], c.labels[0]);
		v[2] = ratio(c.found_ok[1], c.found[1]);
		v[3] = ratio(c.hit[1], c.labels[1]);
		v[4] = c.words ? 2000.0 * (double)c.clean_alarms / (double)c.words : 0;
		printf("%7.2f %8.3f %8.3f %7.3f %9.3f %9.3f %7.3f %9.2f  (%zu/%zu real, %zu/%zu non-word, %zu words)\n",
			nr->margins[m], v[0], v[1], ratio(c.first_ok[0], c.hit[0]), v[2], v[3],
			ratio(c.first_ok[1], c.hit[1]), v[4], c.hit[0], c.labels[0], c.hit[1], c.labels[1],
			c.words);
		if (m == 0)
			for (int k = 0; k < 5; k++)
				if (k < 4 ? v[k] < nr->floors[k] : v[k] > nr->floors[k]) {
					printf("BELOW the floor: %s %.3f (floor %.3f)\n",
						(const char *[]){"real-word precision", "real-word recall",
							"non-word precision", "non-word recall",
							"false alarms per 2,000 words"}[k], v[k], nr->floors[k]);
					bad = 1;
				}
	}
	return bad;
}

int main(int argc, char **argv)
{
	NewsRun nr = {.margins = {SPELL_MARGIN, SPELL_MARGIN - 1, SPELL_MARGIN + 1}, .nmargins = 3,
		.rate = 50, .seed = 1, .floors = {0, 0, 0, 0, 1e9}};
	bool news = false;
	SpellOptions opt = {.dict_dir = "dict"};
	char err[512], **files = NULL;
	size_t nfiles = 0, cap = 0;
	bool context = false, verbose = false;
	double min = 0.9;
	Counts c = {0};
	Doc *docs;
	Speller *sp;
	int bad;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--dict") == 0 && i + 1 < argc)
			opt.dict_dir = argv[++i];
		else if (strcmp(argv[i], "--min") == 0 && i + 1 < argc)
			min = atof(argv[++i]);
		else if (strcmp(argv[i], "--context") == 0)
			context = true;
		else if (strcmp(argv[i], "--verbose") == 0)
			verbose = nr.verbose = true;
		else if (strcmp(argv[i], "--news") == 0)
			news = true;
		else if (strcmp(argv[i], "--rate") == 0 && i + 1 < argc)
			nr.rate = (unsigned)atoi(argv[++i]);
		else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
			nr.seed = strtoull(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--margins") == 0 && i + 1 < argc)
			nr.nmargins = (size_t)sscanf(argv[++i], "%lf,%lf,%lf", &nr.margins[0],
				&nr.margins[1], &nr.margins[2]);
		else if (strcmp(argv[i], "--floors") == 0 && i + 1 < argc)
			sscanf(argv[++i], "%lf,%lf,%lf,%lf,%lf", &nr.floors[0], &nr.floors[1],
				&nr.floors[2], &nr.floors[3], &nr.floors[4]);
		else
			add_path(argv[i], &files, &nfiles, &cap);
	}
	if (nfiles == 0) {
		fprintf(stderr, "usage: spell_eval [--dict DIR] [--context] [--verbose] FILE|DIR...\n");
		return 2;
	}
	qsort(files, nfiles, sizeof(char *), cmp_str);
	if (!(sp = spell_new(&opt, err, sizeof(err)))) {
		fprintf(stderr, "spell_eval: %s\n", err);
		return 2;
	}
	docs = xcalloc(nfiles, sizeof(*docs));
	for (size_t i = 0; i < nfiles; i++)
		if (!load_doc(&docs[i], files[i]))
			return 2;
	if (news) {
		nr.opt = opt;
		nr.rate = nr.rate ? nr.rate : 50;
		bad = news_eval(&nr, docs, nfiles);
		goto done;
	}
	for (size_t i = 0; i < nfiles; i++) {
		FindingList fl;
		finding_list_init(&fl);
		if (context)
			load_context(sp, docs, nfiles, i);
		spell_set_style(sp, docs[i].style);
		spell_check(sp, str_cstr(&docs[i].text), docs[i].text.len, &fl);
		score(&docs[i], &fl, &c, verbose);
		finding_list_release(&fl);
	}
	printf("%zu files%s\n", nfiles, context ? ", context model on (leave one out)" : "");
	bad = report(&c, min);
done:
	for (size_t i = 0; i < nfiles; i++) {
		doc_release(&docs[i]);
		free(files[i]);
	}
	free(docs);
	free(files);
	spell_free(sp);
	return bad ? 1 : 0;
}
