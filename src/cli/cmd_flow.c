/*
 * cmd_flow.c: the workflow commands: submit, withdraw, return, approve, publish, unpublish.
 * Each is one call to desk_act; the desk says yes or names the rule.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "base/str.h"
#include "base/utf8.h"
#include "base/when.h"
#include "cli/args.h"
#include "cli/cmds.h"
#include "base/banned.h"

/* Runs one action on the article named by the one positional argument. */
static int act(Cli *c, int argc, char **argv, Action action, const char *usage)
{
	const char *note = NULL, *at_s = NULL;
	ArgSpec with_note[] = {{"--note", &note, NULL}, {0}};
	ArgSpec with_at[] = {{"--at", &at_s, NULL}, {0}};
	ArgSpec none[] = {{0}};
	const ArgSpec *specs = action_needs_note(action) ? with_note
			     : action == ACT_APPROVE ? with_at : none;
	Str nfc = STR_INIT;
	int64_t id, at = 0;
	Args a;
	int rc = EXIT_FAIL;

	if (!args_parse(argc, argv, specs, usage, &a))
		return EXIT_USAGE;
	if (a.npos != 1)
		return cli_usage(usage, "'%s' takes one article id", argv[0]);
	if (!cli_parse_id(a.pos[0], &id))
		return cli_usage(usage, "invalid article id '%s'", a.pos[0]);
	if (action_needs_note(action) && !note)
		return cli_usage(usage, "'%s' needs --note saying why", argv[0]);
	if (at_s) {
		if (!cli_parse_time(usage, at_s, &at))
			return EXIT_USAGE;
		action = ACT_SCHEDULE;
	}
	if (note && !utf8_nfc(note, strlen(note), &nfc)) {
		cli_error("the note is not valid UTF-8");
		return EXIT_FAIL;
	}
	if (!cli_desk(c))
		goto out;
	if (!desk_act(c->desk, id, action, note ? nfc.s : NULL, at)) {
		rc = cli_desk_fail(c);
		goto out;
	}
	if (action == ACT_SCHEDULE) {
		Str when = STR_INIT;
		when_local(at, &when);
		printf(cli_tr("article %lld scheduled for %s\n"), (long long)id, when.s);
		str_release(&when);
	} else {
		printf(cli_tr("article %lld: %s\n"), (long long)id,
		       cli_language() == LANG_EN ? action_name(action)
						 : action_label(action, "vi"));
	}
	rc = EXIT_OK;
out:
	str_release(&nfc);
	return rc;
}

int cmd_submit(Cli *c, int argc, char **argv)
{
	return act(c, argc, argv, ACT_SUBMIT, "submit ID");
}

int cmd_withdraw(Cli *c, int argc, char **argv)
{
	return act(c, argc, argv, ACT_WITHDRAW, "withdraw ID");
}

int cmd_return(Cli *c, int argc, char **argv)
{
	return act(c, argc, argv, ACT_RETURN, "return ID --note TEXT");
}

int cmd_approve(Cli *c, int argc, char **argv)
{
	return act(c, argc, argv, ACT_APPROVE, "approve ID [--at \"YYYY-MM-DD HH:MM[:SS]\"]");
}

int cmd_unpublish(Cli *c, int argc, char **argv)
{
	return act(c, argc, argv, ACT_UNPUBLISH, "unpublish ID --note TEXT");
}

/* A bar on a terminal, nothing otherwise. */
static void rebuild_progress(size_t done, size_t total, void *ud)
{
	int width = 40, filled = total ? (int)((double)done / (double)total * width) : width;

	(void)ud;
	fprintf(stderr, "\rrebuilding the site [%.*s%*s] %3d%% %zu/%zu", filled,
		"########################################", width - filled, "",
		total ? (int)(done * 100 / total) : 100, done, total);
	if (done == total)
		fputc('\n', stderr);
}

static int rebuild(Cli *c)
{
	char note[600];

	if (!cli_desk(c))
		return EXIT_FAIL;
	if (!desk_site_rebuild(c->desk, isatty(2) ? rebuild_progress : NULL, NULL, note,
			       sizeof(note)))
		return cli_desk_fail(c);
	if (note[0])
		fprintf(stderr, "toasoan: warning: %s\n", note);
	return EXIT_OK;
}

#define PUBLISH_USAGE "publish ID | publish --due | publish --rebuild"

int cmd_publish(Cli *c, int argc, char **argv)
{
	if (argc > 2 && (strcmp(argv[1], "--due") == 0 || strcmp(argv[1], "--rebuild") == 0))
		return cli_usage(PUBLISH_USAGE, "'%s' takes no arguments", argv[1]);
	if (argc == 2 && strcmp(argv[1], "--rebuild") == 0)
		return rebuild(c);
	int done, failed;

	if (argc == 2 && strcmp(argv[1], "--due") == 0) {
		if (!cli_desk(c))
			return EXIT_FAIL;
		/* quiet when nothing was due: cron mails whatever a run prints */
		bool ok = desk_publish_due(c->desk, &done, &failed);
		if (done)
			printf(cli_tr("published %d due article%s\n"), done, done == 1 ? "" : "s");
		return ok ? EXIT_OK : cli_desk_fail(c);
	}
	return act(c, argc, argv, ACT_PUBLISH, PUBLISH_USAGE);
}
