/*
 * cmd_search.c: `toasoan search QUERY`, the archive search on the command line.
 *
 * One hit is two lines: id, state, last change, writer and title, then a snippet of the lead
 * or body around the first matching word. Matching words are bold yellow on a terminal
 * (plain with NO_COLOR) and between « » when piped; --json gives the snippet plain with the
 * byte ranges of the matches instead.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/json.h"
#include "base/str.h"
#include "base/when.h"
#include "cli/args.h"
#include "cli/cmds.h"
#include "base/banned.h"

#define SNIPPET_WORDS 28

typedef struct Marker {
	const char *open, *close;
} Marker;

static Marker choose_marker(void)
{
	const char *nc = getenv("NO_COLOR");
	if (!isatty(STDOUT_FILENO))
		return (Marker){"«", "»"};
	if (nc && *nc)
		return (Marker){"\033[1m", "\033[22m"};
	return (Marker){"\033[1;33m", "\033[0m"};
}

static void add_marked(const Snippet *sn, Marker m, Str *out)
{
	size_t at = 0;
	for (size_t i = 0; i < sn->nmarks; i++) {
		str_add(out, sn->text.s + at, sn->marks[i].start - at);
		str_adds(out, m.open);
		str_add(out, sn->text.s + sn->marks[i].start, sn->marks[i].end - sn->marks[i].start);
		str_adds(out, m.close);
		at = sn->marks[i].end;
	}
	str_add(out, str_cstr(&sn->text) + at, sn->text.len - at);
}

static void print_text(const SearchResults *r, int limit, Str *out)
{
	Marker m = choose_marker();
	for (size_t i = 0; i < r->list.n; i++) {
		const Article *a = &r->list.items[i];
		Snippet title, sn;
		search_snippet(&r->query, a->title, 1000, &title);
		search_article_snippet(&r->query, a, SNIPPET_WORDS, &sn);
		str_addf(out, "%-5lld %-9s ", (long long)a->id, state_name(a->state));
		when_local(a->updated_at, out);
		str_addf(out, "  %-12s ", a->author);
		add_marked(&title, m, out);
		str_addc(out, '\n');
		if (sn.text.len) {
			str_adds(out, "      ");
			add_marked(&sn, m, out);
			str_addc(out, '\n');
		}
		snippet_release(&title);
		snippet_release(&sn);
	}
	if (r->list.n == (size_t)limit)
		str_addf(out, cli_tr("(the best %zu shown; --limit N shows more)\n"), r->list.n);
}

static void print_json(const SearchResults *r, Str *out)
{
	Json j;
	json_init(&j, out);
	json_arr(&j);
	for (size_t i = 0; i < r->list.n; i++) {
		const Article *a = &r->list.items[i];
		Snippet sn;
		search_article_snippet(&r->query, a, SNIPPET_WORDS, &sn);
		json_obj(&j);
		json_key(&j, "id"), json_int(&j, a->id);
		json_key(&j, "title"), json_str(&j, a->title);
		json_key(&j, "state"), json_str(&j, state_name(a->state));
		json_key(&j, "author"), json_str(&j, a->author);
		json_key(&j, "author_name"), json_str(&j, a->author_name);
		json_key(&j, "section"), json_str(&j, a->section);
		json_key(&j, "updated_at"), json_int(&j, a->updated_at);
		json_key(&j, "score"), json_double(&j, r->scores ? -r->scores[i] : 0);
		json_key(&j, "snippet"), json_str(&j, str_cstr(&sn.text));
		json_key(&j, "marks"), json_arr(&j);
		for (size_t k = 0; k < sn.nmarks; k++) {
			json_arr(&j);
			json_int(&j, (int64_t)sn.marks[k].start);
			json_int(&j, (int64_t)sn.marks[k].end);
			json_end(&j);
		}
		json_end(&j);
		json_end(&j);
		snippet_release(&sn);
	}
	json_end(&j);
	str_addc(out, '\n');
}

static int parse_filters(const char *usage, const char *state_s, const char *since_s,
			 const char *limit_s, DeskSearch *q)
{
	State st;
	char *end;
	if (state_s && !state_parse(state_s, &st))
		return cli_usage(usage, "invalid state '%s': use draft, review, scheduled or "
				 "published", state_s);
	q->state = state_s ? (int)st : -1;
	if (since_s && !cli_parse_time(usage, since_s, &q->since))
		return EXIT_USAGE;
	if (limit_s) {
		long v = strtol(limit_s, &end, 10);
		if (*end || v < 1 || v > 10000)
			return cli_usage(usage, "invalid limit '%s': use 1 to 10000", limit_s);
		q->limit = (int)v;
	}
	return EXIT_OK;
}

int cmd_search(Cli *c, int argc, char **argv)
{
	static const char usage[] = "search QUERY [--state STATE] [--section TEXT] "
				    "[--since YYYY-MM-DD] [--limit N] [--json]";
	const char *state_s = NULL, *section = NULL, *since_s = NULL, *limit_s = NULL;
	bool as_json = false;
	ArgSpec specs[] = {{"--state", &state_s, NULL}, {"--section", &section, NULL},
			   {"--since", &since_s, NULL}, {"--limit", &limit_s, NULL},
			   {"--json", NULL, &as_json}, {0}};
	DeskSearch q = {NULL, -1, NULL, 0, 0};
	SearchResults r;
	Str out = STR_INIT;
	Args a;
	int rc;

	if (!args_parse(argc, argv, specs, usage, &a))
		return EXIT_USAGE;
	if (a.npos != 1)
		return cli_usage(usage, "give one search query");
	if ((rc = parse_filters(usage, state_s, since_s, limit_s, &q)) != EXIT_OK)
		return rc;
	q.text = a.pos[0];
	q.section = section;
	if (!cli_desk(c))
		return EXIT_FAIL;
	if (!desk_search(c->desk, &q, &r)) {
		search_results_release(&r);
		return desk_error(c->desk) == DESK_INVALID ? (cli_usage(usage, "%s",
				desk_errmsg(c->desk))) : cli_desk_fail(c);
	}
	if (as_json)
		print_json(&r, &out);
	else if (r.list.n)
		print_text(&r, q.limit ? q.limit : DESK_SEARCH_LIMIT, &out);
	else
		cli_error("no article matches '%s'", q.text);
	fwrite(str_cstr(&out), 1, out.len, stdout);
	rc = r.list.n || as_json ? EXIT_OK : EXIT_FAIL;
	str_release(&out);
	search_results_release(&r);
	return rc;
}
