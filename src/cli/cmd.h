/*
 * cmd.h: what every command implementation shares: the parsed global options, the desk
 * (opened on demand), and the error conventions.
 *
 * A command is `int cmd_NAME(Cli *c, int argc, char **argv)`; argv[0] is the command name.
 * It prints data on stdout and errors on stderr through cli_error(), and returns
 * EXIT_OK, EXIT_FAIL (refused or failed) or EXIT_USAGE.
 */
#ifndef CLI_CMD_H
#define CLI_CMD_H

#include <stdbool.h>
#include <stdint.h>

#include "base/lang.h"
#include "cli/cli.h"
#include "news/config.h"
#include "news/desk.h"

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

typedef struct Cli {
	const char *db;          /* --db PATH, or NULL */
	const char *config_path; /* --config PATH, or NULL */
	const char *as;          /* --as LOGIN, or NULL */
	Config config;           /* loaded before any command runs */
	Desk *desk;              /* opened by cli_desk() on first use */
	TuiEntry tui;            /* the full-screen interface */
	char *login;             /* the real user's login (toasoan shell: the key's login) */
	bool remote;             /* toasoan shell: reached over SSH, no path on the server */
} Cli;

typedef int (*CmdFn)(Cli *c, int argc, char **argv);

/*
 * english in the command line's language (news/msg.h): ui.language, else the locale, else
 * English. cli_error, cli_warn and cli_usage translate their formats themselves.
 */
const char *cli_tr(const char *english) __attribute__((format_arg(1)));
Lang cli_language(void);

/* Prints "toasoan: error: MESSAGE" to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints "toasoan: warning: MESSAGE" to stderr. */
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints "usage: USAGE" (and the error if fmt is not NULL) and returns EXIT_USAGE. */
int cli_usage(const char *usage, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Opens the desk (once); on failure prints the error and returns NULL. */
Desk *cli_desk(Cli *c);

/*
 * Like cli_desk, but for commands that can work without a database (spell): returns NULL
 * quietly when the database file does not exist, and prints the error for any other failure
 * (*failed is set then).
 */
Desk *cli_desk_optional(Cli *c, bool *failed);

/* The exit code for the desk's last error (EXIT_FAIL), after printing its message. */
int cli_desk_fail(Cli *c);

/* True if argv[i] is "--help" or "-h" for some i >= 1. */
bool cli_wants_help(int argc, char **argv);

/* Parses a decimal article id; prints a usage error and returns false for anything else. */
bool cli_parse_id(const char *s, int64_t *id);

/* Parses an option's time (the forms when_parse reads); for anything else prints what is
 * wrong with usage and returns false (the command then exits with EXIT_USAGE). */
bool cli_parse_time(const char *usage, const char *s, int64_t *out);

/* Runs one command (argc 0: the full-screen newsroom) once the config is loaded. */
int cli_dispatch(Cli *c, int argc, char **argv);

/* True if name is a command in the table. */
bool cli_has_command(const char *name);

/* Prints `toasoan --help`; remote: without the commands that run only on the server. */
void cli_print_help(bool remote);

/*
 * In a session over SSH (c->remote), a path other than "-" names a file on the server and is
 * refused: prints why with hint (how to do it instead), records the refusal in the audit log
 * and returns true; the command then returns EXIT_USAGE. Elsewhere returns false.
 */
bool cli_remote_path(Cli *c, const char *path, const char *hint);

#endif
