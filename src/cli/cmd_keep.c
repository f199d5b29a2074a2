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
#include "base/visible.h"
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
		const char *open = colour ? (r->op == DIFF_DEL ? "\033[9;31m" : "\033[32m")
					  : (r->op == DIFF_DEL ? "[-" : "{+");
		const char *close = colour ? "\033[m" : (r->op == DIFF_DEL ? "-]" : "+}");
		/* The text is people's; only the colours are ours. */
		if (r->op != DIFF_SAME)
			str_adds(&out, open);
		visible_add(&out, r->s, r->len, true);
		if (r->op != DIFF_SAME)
			str_adds(&out, close);
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
		return argc >= 2 ? cli_usage(usage, "invalid article id '%s'", argv[1])
				 : cli_usage(usage, "name an article");
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
	printf(cli_tr("backed up to %s\n"), argv[1]);
	return EXIT_OK;
}

/* Prints the integrity check's findings, made visible (they may quote damaged bytes). */
static void print_report(const Str *report)
{
	Str shown = STR_INIT;

	visible_add(&shown, str_cstr(report), report->len, true);
	fwrite(str_cstr(&shown), 1, shown.len, stdout);
	str_release(&shown);
}

/*
 * Opens the desk; when the file is too damaged for that (loading the users fails), still
 * reports what the integrity check finds, so that an admin learns what is wrong.
 */
static bool open_or_check(Cli *c)
{
	char err[768], cerr[768];
	char *path = config_db_path(&c->config, c->db);
	DeskOptions opt = {path, c->login, c->as, &c->config, false, NULL};
	Str report = STR_INIT;
	int problems = 0;

	c->desk = desk_open(&opt, err, sizeof(err));
	if (!c->desk) {
		cli_error("%s", err);
		if (access(path, F_OK) == 0 &&
		    desk_check_damaged(&opt, &report, &problems, cerr, sizeof(cerr)) && problems) {
			print_report(&report);
			printf("%d problem%s found; the database is damaged: restore a backup\n",
			       problems, problems == 1 ? "" : "s");
		}
	}
	str_release(&report);
	free(path);
	return c->desk != NULL;
}

int cmd_check(Cli *c, int argc, char **argv)
{
	Str report = STR_INIT;
	int problems;
	int64_t cleared;

	if (argc != 1)
		return cli_usage("check", "'check' takes no arguments");
	if (!c->desk && !open_or_check(c))
		return EXIT_FAIL;
	if (!desk_check_db(c->desk, &report, &problems, &cleared)) {
		str_release(&report);
		return cli_desk_fail(c);
	}
	print_report(&report);
	printf(cli_tr("%d problem%s found; %lld dead lock%s cleared\n"), problems,
	       problems == 1 ? "" : "s", (long long)cleared, cleared == 1 ? "" : "s");
	str_release(&report);
	return problems ? EXIT_FAIL : EXIT_OK;
}
