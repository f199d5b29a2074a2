/*
 * cmd_shell.c: `toasoan shell LOGIN`, the restricted shell of one SSH connection.
 *
 * The service account's authorized_keys forces this command for each person's key, so
 * everything a person can do on the server passes through here. Who they are is LOGIN from
 * the key's line, never the environment. Without SSH_ORIGINAL_COMMAND it opens the newsroom
 * screen; with one, it splits the command into words itself (quotes and backslashes as a
 * shell would, but nothing is ever run by a shell) and runs exactly one toasoan command.
 * Anything that is not a toasoan command, or that names a path on the server, is refused with
 * one line, exit 2, and a row in the audit log.
 *
 * The environment is not trusted either: the variables that choose files (TOASOAN_DB, the
 * XDG folders, HOME) are reset to the account's own before the config is read.
 */
#include <ctype.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/str.h"
#include "base/xalloc.h"
#include "cli/cmds.h"
#include "news/msg.h"
#include "base/banned.h"

#define SHELL_MAX_COMMAND 65536
#define SHELL_MAX_WORDS 256

typedef struct Words {
	char *items[SHELL_MAX_WORDS + 1];
	int n;
} Words;

static void words_release(Words *w)
{
	for (int i = 0; i < w->n; i++)
		free(w->items[i]);
	w->n = 0;
}

/* One word from *p: quotes and backslashes are taken out, as a shell would. */
static bool next_word(const char **p, Str *out, const char **why)
{
	const char *s = *p;
	char quote = 0;

	for (; *s && (quote || !isspace((unsigned char)*s)); s++) {
		if (quote == '\'' && *s != '\'') {
			str_addc(out, *s);
		} else if (*s == quote) {
			quote = 0;
		} else if (!quote && (*s == '\'' || *s == '"')) {
			quote = *s;
		} else if (*s == '\\' && (!quote || strchr("\"\\$`", s[1])) && s[1]) {
			str_addc(out, *++s);
		} else {
			str_addc(out, *s);
		}
	}
	*p = s;
	if (quote)
		*why = quote == '\'' ? "a single quote is not closed" : "a double quote is not closed";
	return !quote;
}

/* Splits the SSH command line into words. */
static bool split(const char *cmd, Words *w, const char **why)
{
	const char *p = cmd;

	w->n = 0;
	for (;;) {
		Str word = STR_INIT;
		while (isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		if (w->n == SHELL_MAX_WORDS) {
			*why = "too many words";
			return false;
		}
		if (!next_word(&p, &word, why)) {
			str_release(&word);
			return false;
		}
		w->items[w->n++] = word.s ? str_detach(&word) : xstrdup("");
	}
	w->items[w->n] = NULL;
	return true;
}

/* Text safe for one line of the audit log: controls shown as '?', at most 300 bytes. */
static void printable(const char *s, Str *out)
{
	for (size_t i = 0; s[i] && out->len < 300; i++)
		str_addc(out, (unsigned char)s[i] < 0x20 || s[i] == 0x7F ? '?' : s[i]);
}

static void record(Cli *c, const char *what, const char *detail)
{
	char err[600];
	char *path = config_db_path(&c->config, c->db);
	DeskOptions opt = {path, c->login, NULL, &c->config, false, NULL};
	const char *line = getenv("SSH_ORIGINAL_COMMAND");
	Str note = STR_INIT;

	printable(line && line[0] ? line : detail, &note);
	if (!desk_note_refusal(&opt, what, str_cstr(&note), err, sizeof(err)))
		cli_warn("the refusal could not be recorded: %s", err);
	str_release(&note);
	free(path);
}

/* Prints one line, records it and returns EXIT_USAGE. */
static int refuse(Cli *c, const char *detail, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int refuse(Cli *c, const char *detail, const char *fmt, ...)
{
	va_list ap;
	Str msg = STR_INIT;

	va_start(ap, fmt);
	str_vaddf(&msg, fmt, ap);
	va_end(ap);
	cli_error("%s", str_cstr(&msg));
	record(c, "ssh refused", detail);
	str_release(&msg);
	return EXIT_USAGE;
}

bool cli_remote_path(Cli *c, const char *path, const char *hint)
{
	if (!c->remote || !path || strcmp(path, "-") == 0)
		return false;
	refuse(c, path, "over SSH toasoan reads and writes no file on the server ('%s'); %s",
	       path, hint);
	return true;
}

/* HOME and the folders that choose files become the service account's own. */
static void reset_environment(void)
{
	struct passwd *pw = getpwuid(geteuid());

	unsetenv("TOASOAN_DB");
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("XDG_DATA_HOME");
	if (pw && pw->pw_dir)
		setenv("HOME", pw->pw_dir, 1);
	else
		unsetenv("HOME");
}

static void print_remote_help(void)
{
	printf("This account runs only toasoan. Connect with 'ssh -t ACCOUNT@SERVER' for the "
	       "newsroom screen,\nor name one command: 'ssh ACCOUNT@SERVER list --json'. Files "
	       "travel on standard input\nand output: 'new --title T - < bai.txt', 'export 12 "
	       "--format md > bai.md'.\n\n");
	cli_print_help(true);
}

/*
 * Takes the global options from the words: --as is kept (the desk lets only admins use it),
 * --db and --config are refused. Sets *first to the command's word.
 */
static int global_options(Cli *c, Words *w, int *first, bool *done)
{
	int i;

	for (i = 0; i < w->n && w->items[i][0] == '-'; i++) {
		const char *a = w->items[i];
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			print_remote_help();
			*done = true;
			return EXIT_OK;
		}
		if (strcmp(a, "--version") == 0) {
			printf("toasoan %s\n", TOASOAN_VERSION);
			*done = true;
			return EXIT_OK;
		}
		if (strcmp(a, "--as") == 0 && i + 1 < w->n) {
			c->as = w->items[++i];
		} else if (strcmp(a, "--as") == 0) {
			*done = true;
			return refuse(c, a, "'--as' needs a value");
		} else if (strncmp(a, "--as=", 5) == 0) {
			c->as = a + 5;
		} else if (strncmp(a, "--db", 4) == 0 || strncmp(a, "--config", 8) == 0) {
			*done = true;
			return refuse(c, a, "'%.*s' is not allowed over SSH: the newsroom's database and "
				      "settings are the server's", (int)strcspn(a, "="), a);
		} else {
			*done = true;
			return refuse(c, a, "unknown option '%s'; see 'ssh ACCOUNT@SERVER --help'", a);
		}
	}
	*first = i;
	return EXIT_OK;
}

/* Refuses what is not one toasoan command that may run over SSH. */
static bool allowed(Cli *c, const char *name, int *rc)
{
	if (strcmp(name, "shell") == 0 || strcmp(name, "init") == 0) {
		*rc = refuse(c, name, "'%s' is run by the service account on the server, not over "
			     "SSH", name);
		return false;
	}
	if (!cli_has_command(name)) {
		*rc = refuse(c, name, "'%s' is not a toasoan command; this account runs only toasoan "
			     "(no shell, no file transfer): see 'ssh ACCOUNT@SERVER --help'", name);
		return false;
	}
	return true;
}

static int run_words(Cli *c, Words *w)
{
	int first = 0, rc;
	bool done = false;

	rc = global_options(c, w, &first, &done);
	if (done)
		return rc;
	if (first == w->n) {
		cli_print_help(true);
		return EXIT_USAGE;
	}
	if (!allowed(c, w->items[first], &rc))
		return rc;
	if (!cli_desk(c)) {
		record(c, "ssh refused", "at the door");
		return EXIT_FAIL;
	}
	/* Commands reorder their argv in place: they get a copy, the words stay ours to free. */
	char *args[SHELL_MAX_WORDS + 1];
	memcpy(args, w->items + first, (size_t)(w->n - first + 1) * sizeof(args[0]));
	return cli_dispatch(c, w->n - first, args);
}

/*
 * The shell speaks for any login it is given, so it runs only as the account that owns the
 * database: a person who runs it from their own shell account gets nothing.
 */
static bool service_account(Cli *c)
{
	char *path = config_db_path(&c->config, c->db);
	struct stat st;
	bool found = stat(path, &st) == 0, ok = found && st.st_uid == geteuid();

	if (!found)
		cli_error("no database at '%s'; the service account creates it with: toasoan init",
			  path);
	else if (!ok)
		cli_error("'toasoan shell' runs only as the account that owns the database '%s' (from "
			  "its authorized_keys); connect with: ssh ACCOUNT@SERVER", path);
	free(path);
	return ok;
}

int cmd_shell(Cli *c, int argc, char **argv)
{
	char err[600];
	const char *cmd = getenv("SSH_ORIGINAL_COMMAND");
	Words w = {0};
	const char *why = NULL;
	int rc;

	if (argc != 2 || !desk_login_valid(argv[1]))
		return cli_usage("shell LOGIN", argc == 2 ? "invalid login '%s'" : "name one login%s",
				 argc == 2 ? argv[1] : "");
	c->remote = true;
	free(c->login);
	c->login = xstrdup(argv[1]);
	reset_environment();
	if (!config_load_default(&c->config, c->config_path, err, sizeof(err))) {
		cli_error("%s", err);
		return EXIT_FAIL;
	}
	msg_set_lang(lang_resolve(c->config.language, LANG_EN));
	if (!service_account(c))
		return EXIT_FAIL;
	if (!cmd || !cmd[0]) {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			cli_error("the newsroom screen needs a terminal: connect with 'ssh -t', or name "
				  "a command ('ssh ACCOUNT@SERVER --help')");
			return EXIT_USAGE;
		}
		if (!cli_desk(c)) {
			record(c, "ssh refused", "at the door");
			return EXIT_FAIL;
		}
		return cli_dispatch(c, 0, NULL);
	}
	if (strlen(cmd) > SHELL_MAX_COMMAND)
		return refuse(c, "(too long)", "the command is longer than %d bytes",
			      SHELL_MAX_COMMAND);
	if (!split(cmd, &w, &why)) {
		words_release(&w);
		return refuse(c, cmd, "cannot read the command: %s", why);
	}
	rc = run_words(c, &w);
	words_release(&w);
	return rc;
}
