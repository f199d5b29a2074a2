/*
 * cli.c: the global options and the one table of commands.
 *
 * Each command is a row: name, function, usage line and a one-line summary; the table makes
 * `toasoan --help` and `toasoan COMMAND --help`. Commands are written in cmd_*.c and decide
 * nothing themselves: they parse arguments, call the desk and print.
 */
#include "cli/cli.h"

#include <errno.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/str.h"
#include "base/visible.h"
#include "base/xalloc.h"
#include "base/when.h"
#include "cli/cmd.h"
#include "cli/cmds.h"
#include "news/msg.h"
#include "spell/spell.h"
#include "base/banned.h"

typedef struct Command {
	const char *name;
	CmdFn fn;
	const char *usage;
	const char *summary;
} Command;

#define COMMAND_LIST(X)                                                                       \
	X("init", cmd_init, "init", "create or upgrade the database; the first user becomes admin") \
	X("user", cmd_user, "user add LOGIN --role ROLE [--name NAME] | user list | "            \
	  "user role LOGIN ROLE | user disable LOGIN", "manage users (admins)")                   \
	X("new", cmd_new, "new [--title TEXT] [FILE|-]", "create a draft; prints its id")        \
	X("import", cmd_import, "import [--encoding auto|NAME] [--glob PATTERNS] [--skip-bad] "   \
	  "[--json] [--as LOGIN] [--state draft|review|published] FILE|FOLDER...",                 \
	  "one article per file, folders walked; checks every file first; prints one id per line") \
	X("list", cmd_list, "list [--state STATE] [--mine] [--json] [--limit N] [--offset N] "    \
	  "[--since TIME]", "list articles")                                                      \
	X("show", cmd_show, "show ID [--json]", "print one article")                              \
	X("edit", cmd_edit, "edit ID", "open the editor on one article")                          \
	X("submit", cmd_submit, "submit ID", "send a draft to review")                            \
	X("withdraw", cmd_withdraw, "withdraw ID", "take an article in review back to draft")    \
	X("return", cmd_return, "return ID --note TEXT", "send an article back to its writer")   \
	X("approve", cmd_approve, "approve ID [--at \"YYYY-MM-DD HH:MM[:SS]\"]",                   \
	  "publish an article in review now, or schedule it")                                     \
	X("publish", cmd_publish, "publish ID | publish --due | publish --rebuild",                \
	  "publish now, publish what is due (cron), or regenerate the whole site")                \
	X("unpublish", cmd_unpublish, "unpublish ID --note TEXT", "take a published article down") \
	X("history", cmd_history, "history ID", "changes of state and revisions, oldest first")  \
	X("export", cmd_export, "export ID --format ninjs|html|md|txt [-o FILE]",                 \
	  "print or write one rendering of an article")                                           \
	CLI_EXTRA_COMMANDS(X)

static const Command commands[] = {
#define X(name, fn, usage, summary) {name, fn, usage, summary},
	COMMAND_LIST(X)
#undef X
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

/*
 * The language of what the command line prints: the locale's until the config is read, then
 * ui.language's when it is set (news/msg.h keeps it for the process).
 */
const char *cli_tr(const char *english)
{
	return msg_say(english);
}

Lang cli_language(void)
{
	return msg_lang();
}

static void say(const char *prefix, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

static void say(const char *prefix, const char *fmt, va_list ap)
{
	Str msg = STR_INIT, shown = STR_INIT;

	/* Messages quote titles, logins and words people typed: shown, never obeyed. */
	str_vaddf(&msg, cli_tr(fmt), ap);
	visible_add(&shown, str_cstr(&msg), msg.len, true);
	fputs(cli_tr(prefix), stderr);
	fwrite(str_cstr(&shown), 1, shown.len, stderr);
	fputc('\n', stderr);
	str_release(&msg);
	str_release(&shown);
}

void cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say("toasoan: error: ", fmt, ap);
	va_end(ap);
}

void cli_warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say("toasoan: warning: ", fmt, ap);
	va_end(ap);
}

int cli_usage(const char *usage, const char *fmt, ...)
{
	if (fmt) {
		va_list ap;
		va_start(ap, fmt);
		say("toasoan: error: ", fmt, ap);
		va_end(ap);
	}
	fprintf(stderr, cli_tr("usage: toasoan %s\n"), usage);
	return EXIT_USAGE;
}

bool cli_parse_time(const char *usage, const char *s, int64_t *out)
{
	if (when_parse(s, when_now(), out))
		return true;
	cli_usage(usage, "invalid time '%s': expected \"YYYY-MM-DD [HH:MM[:SS]]\" in local time or "
		  "ISO 8601 with an offset", s);
	return false;
}

bool cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return false;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return true;
	}
	return false;
}

bool cli_parse_id(const char *s, int64_t *id)
{
	char *end;
	long long v;

	if (!s || !*s || *s == '-' || *s == '+')
		return false;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (*end || v <= 0 || errno == ERANGE)
		return false;
	*id = v;
	return true;
}

static Desk *open_desk(Cli *c, bool quiet_missing, bool *failed)
{
	char err[768];
	char *path;
	DeskOptions opt;

	if (c->desk)
		return c->desk;
	path = config_db_path(&c->config, c->db);
	if (quiet_missing && access(path, F_OK) != 0) {
		free(path);
		return NULL;
	}
	opt = (DeskOptions){path, c->login, c->as, &c->config, false, spell_count_bigrams};
	c->desk = desk_open(&opt, err, sizeof(err));
	if (c->desk)
		desk_set_remote(c->desk, c->remote);
	if (!c->desk) {
		cli_error("%s", err);
		if (failed)
			*failed = true;
	}
	free(path);
	return c->desk;
}

Desk *cli_desk(Cli *c)
{
	return open_desk(c, false, NULL);
}

Desk *cli_desk_optional(Cli *c, bool *failed)
{
	*failed = false;
	return open_desk(c, true, failed);
}

int cli_desk_fail(Cli *c)
{
	cli_error("%s", desk_errmsg(c->desk));
	return EXIT_FAIL;
}

int cmd_init(Cli *c, int argc, char **argv)
{
	char err[768];
	char *path;
	DeskOptions opt;
	bool ok;

	if (argc > 1)
		return cli_usage("init", "init takes no arguments");
	path = config_db_path(&c->config, c->db);
	opt = (DeskOptions){path, c->login, NULL, &c->config, true, spell_count_bigrams};
	ok = desk_init(&opt, err, sizeof(err));
	if (ok)
		printf(cli_tr("database ready at %s\n"), path);
	else
		cli_error("%s", err);
	free(path);
	return ok ? EXIT_OK : EXIT_FAIL;
}

int cmd_edit(Cli *c, int argc, char **argv)
{
	int64_t id;

	if (argc != 2 || !cli_parse_id(argv[1], &id))
		return cli_usage("edit ID", argc == 2 ? "invalid article id '%s'" : NULL,
				 argc == 2 ? argv[1] : "");
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cli_error("the editor needs a terminal");
		return EXIT_FAIL;
	}
	if (!cli_desk(c))
		return EXIT_FAIL;
	return c->tui(c->desk, id);
}

void cli_print_help(bool remote)
{
	if (remote)
		fputs(cli_tr("usage: ssh -t ACCOUNT@SERVER [--as LOGIN] [COMMAND [ARGS]]\n\n"
			     "With no command, toasoan opens the full-screen newsroom.\n\ncommands:\n"),
		      stdout);
	else
		fputs(cli_tr("usage: toasoan [--db PATH] [--config PATH] [--as LOGIN] [COMMAND [ARGS]]\n\n"
			     "With no command, toasoan opens the full-screen newsroom.\n\ncommands:\n"),
		      stdout);
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (!remote || (strcmp(commands[i].name, "init") != 0 &&
				strcmp(commands[i].name, "shell") != 0))
			printf("  %-10s %s\n", commands[i].name, cli_tr(commands[i].summary));
	fputs(cli_tr("\nRun 'toasoan COMMAND --help' for one command's usage.\n"
		     "States: draft -> review -> (scheduled) -> published.  Roles: reporter, editor, "
		     "admin.\n"), stdout);
}

static const Command *find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

bool cli_has_command(const char *name)
{
	return find_command(name) != NULL;
}

/* Takes "--opt VALUE" or "--opt=VALUE" at argv[*i]; true if it matched. */
static bool global_opt(int argc, char **argv, int *i, const char *name, const char **value,
		       bool *bad)
{
	size_t n = strlen(name);
	const char *a = argv[*i];

	if (strncmp(a, name, n) != 0)
		return false;
	if (a[n] == '=') {
		*value = a + n + 1;
		return true;
	}
	if (a[n] != '\0')
		return false;
	if (*i + 1 >= argc) {
		cli_usage("[--db PATH] [--config PATH] [--as LOGIN] [COMMAND ...]",
			  "'%s' needs a value", name);
		*bad = true;
		return true;
	}
	*value = argv[++*i];
	return true;
}

static char *real_login(void)
{
	struct passwd *pw = getpwuid(getuid());
	if (pw && pw->pw_name)
		return xstrdup(pw->pw_name);
	Str s = STR_INIT;
	str_addf(&s, "uid%ld", (long)getuid());
	return str_detach(&s);
}

static int run_command(Cli *c, int argc, char **argv)
{
	char err[600];

	if (argc > 0 && strcmp(argv[0], "shell") == 0 && !cli_wants_help(argc, argv))
		return cmd_shell(c, argc, argv);
	if (!config_load_default(&c->config, c->config_path, err, sizeof(err))) {
		cli_error("%s", err);
		return EXIT_FAIL;
	}
	msg_set_lang(lang_resolve(c->config.language, LANG_EN));
	return cli_dispatch(c, argc, argv);
}

int cli_dispatch(Cli *c, int argc, char **argv)
{
	const Command *cmd;

	if (argc == 0) {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			cli_error("the full-screen newsroom needs a terminal; see 'toasoan --help'");
			return EXIT_USAGE;
		}
		return cli_desk(c) ? c->tui(c->desk, 0) : EXIT_FAIL;
	}
	cmd = find_command(argv[0]);
	if (!cmd) {
		cli_error("unknown command '%s'; see 'toasoan --help'", argv[0]);
		return EXIT_USAGE;
	}
	if (cli_wants_help(argc, argv)) { /* in the config's language: it is read by now */
		printf(cli_tr("usage: toasoan %s\n\n%s\n"), cmd->usage, cli_tr(cmd->summary));
		return EXIT_OK;
	}
	return cmd->fn(c, argc, argv);
}

int cli_main(int argc, char **argv, TuiEntry tui)
{
	Cli c = {.tui = tui};
	bool bad = false;
	int i, rc;

	config_init(&c.config);
	msg_set_lang(lang_resolve(NULL, LANG_EN));
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			char err[600];
			if (config_load_default(&c.config, c.config_path, err, sizeof(err)))
				msg_set_lang(lang_resolve(c.config.language, LANG_EN));
			cli_print_help(false);
			config_release(&c.config);
			return EXIT_OK;
		}
		if (strcmp(argv[i], "--version") == 0) {
			printf("toasoan %s\n", TOASOAN_VERSION);
			config_release(&c.config);
			return EXIT_OK;
		}
		if (!global_opt(argc, argv, &i, "--db", &c.db, &bad) &&
		    !global_opt(argc, argv, &i, "--config", &c.config_path, &bad) &&
		    !global_opt(argc, argv, &i, "--as", &c.as, &bad)) {
			cli_usage("[--db PATH] [--config PATH] [--as LOGIN] [COMMAND ...]",
				  "unknown option '%s'", argv[i]);
			bad = true;
		}
		if (bad) {
			config_release(&c.config);
			return EXIT_USAGE;
		}
	}
	c.login = real_login();
	rc = run_command(&c, argc - i, argv + i);
	desk_free(c.desk);
	config_release(&c.config);
	free(c.login);
	fflush(stdout);
	if (ferror(stdout)) {
		cli_error("cannot write the output: %s", "write error");
		rc = EXIT_FAIL;
	}
	return rc;
}
