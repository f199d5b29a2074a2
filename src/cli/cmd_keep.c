/*
 * cmd_keep.c: the commands that look after what is kept: diff between revisions, backup of
 * the database, and the integrity check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/diff.h"
#include "base/str.h"
#include "cli/cmds.h"
#include "base/banned.h"

/* Loads revision v of id as text (v 0: the current text). */
static bool load_text(Desk *d, int64_t id, int64_t v, Str *out)
{
	Article a;
	bool ok;

	article_init(&a);
	ok = v ? desk_revision(d, id, v, &a) : desk_get(d, id, &a);
	if (ok)
		article_format(&a, out);
	article_release(&a);
	return ok;
}

/* The revision before the current one: the newest saved revision older than the article. */
static int64_t previous_version(Desk *d, int64_t id)
{
	EventList l = {0};
	Article a;
	int64_t prev = 0;

	article_init(&a);
	if (desk_get(d, id, &a) && desk_history(d, id, &l))
		for (size_t i = 0; i < l.n; i++)
			if (l.items[i].is_revision && l.items[i].version < a.version)
				prev = l.items[i].version;
	event_list_release(&l);
	article_release(&a);
	return prev;
}

static void print_diff(const Str *a, const Str *b, bool colour)
{
	Diff d = {0};
	Str out = STR_INIT;

	diff_words(str_cstr(a), a->len, str_cstr(b), b->len, &d);
	for (size_t i = 0; i < d.n; i++) {
		const DiffRun *r = &d.runs[i];
		if (r->op == DIFF_SAME)
			str_add(&out, r->s, r->len);
		else if (colour)
			str_addf(&out, "%s%.*s\033[m", r->op == DIFF_DEL ? "\033[9;31m" : "\033[32m",
				 (int)r->len, r->s);
		else
			str_addf(&out, "%s%.*s%s", r->op == DIFF_DEL ? "[-" : "{+", (int)r->len,
				 r->s, r->op == DIFF_DEL ? "-]" : "+}");
	}
	fwrite(str_cstr(&out), 1, out.len, stdout);
	str_release(&out);
	diff_release(&d);
}

int cmd_diff(Cli *c, int argc, char **argv)
{
	static const char usage[] = "diff ID [REV [REV]]";
	int64_t id, from = 0, to = 0;
	Str a = STR_INIT, b = STR_INIT;
	int rc = EXIT_FAIL;

	if (argc < 2 || argc > 4 || !cli_parse_id(argv[1], &id))
		return cli_usage(usage, argc >= 2 ? "invalid article id '%s'" : "name an article%s",
				 argc >= 2 ? argv[1] : "");
	if ((argc > 2 && !cli_parse_id(argv[2], &from)) ||
	    (argc > 3 && !cli_parse_id(argv[3], &to)))
		return cli_usage(usage, "invalid revision '%s'", argv[argc > 3 ? 3 : 2]);
	if (!cli_desk(c))
		return EXIT_FAIL;
	if (argc == 2 && !(from = previous_version(c->desk, id))) {
		if (desk_error(c->desk) != DESK_OK)
			return cli_desk_fail(c);
		cli_error("article %lld has only one revision; nothing to compare", (long long)id);
		return EXIT_FAIL;
	}
	if (!load_text(c->desk, id, from, &a) || !load_text(c->desk, id, to, &b)) {
		rc = cli_desk_fail(c);
		goto out;
	}
	print_diff(&a, &b, isatty(STDOUT_FILENO) && !getenv("NO_COLOR"));
	rc = EXIT_OK;
out:
	str_release(&a);
	str_release(&b);
	return rc;
}

int cmd_backup(Cli *c, int argc, char **argv)
{
	if (argc != 2)
		return cli_usage("backup FILE", "name the file to write");
	if (cli_remote_path(c, argv[1], "backups are made by the service account on the server "
			    "(from its crontab)"))
		return EXIT_USAGE;
	if (!cli_desk(c))
		return EXIT_FAIL;
	if (!desk_backup(c->desk, argv[1]))
		return cli_desk_fail(c);
	printf("backed up to %s\n", argv[1]);
	return EXIT_OK;
}

int cmd_check(Cli *c, int argc, char **argv)
{
	Str report = STR_INIT;
	int problems;
	int64_t cleared;

	if (argc != 1)
		return cli_usage("check", "'check' takes no arguments");
	if (!cli_desk(c))
		return EXIT_FAIL;
	if (!desk_check_db(c->desk, &report, &problems, &cleared)) {
		str_release(&report);
		return cli_desk_fail(c);
	}
	fwrite(str_cstr(&report), 1, report.len, stdout);
	printf("%d problem%s found; %lld dead lock%s cleared\n", problems,
	       problems == 1 ? "" : "s", (long long)cleared, cleared == 1 ? "" : "s");
	str_release(&report);
	return problems ? EXIT_FAIL : EXIT_OK;
}
