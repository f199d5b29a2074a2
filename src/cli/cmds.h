/*
 * cmds.h: every command function, for the table in cli.c. Commands that arrive with later
 * modules add their rows to CLI_EXTRA_COMMANDS here.
 */
#ifndef CLI_CMDS_H
#define CLI_CMDS_H

#include "cli/cmd.h"
#include "cli/cmd_spell.h"

int cmd_init(Cli *c, int argc, char **argv);
int cmd_user(Cli *c, int argc, char **argv);
int cmd_new(Cli *c, int argc, char **argv);
int cmd_import(Cli *c, int argc, char **argv);
int cmd_list(Cli *c, int argc, char **argv);
int cmd_show(Cli *c, int argc, char **argv);
int cmd_edit(Cli *c, int argc, char **argv);
int cmd_submit(Cli *c, int argc, char **argv);
int cmd_withdraw(Cli *c, int argc, char **argv);
int cmd_return(Cli *c, int argc, char **argv);
int cmd_approve(Cli *c, int argc, char **argv);
int cmd_publish(Cli *c, int argc, char **argv);
int cmd_unpublish(Cli *c, int argc, char **argv);
int cmd_history(Cli *c, int argc, char **argv);
int cmd_export(Cli *c, int argc, char **argv);
int cmd_diff(Cli *c, int argc, char **argv);
int cmd_backup(Cli *c, int argc, char **argv);
int cmd_check(Cli *c, int argc, char **argv);
int cmd_search(Cli *c, int argc, char **argv);
int cmd_shell(Cli *c, int argc, char **argv);
int cmd_key(Cli *c, int argc, char **argv);
int cmd_doctor(Cli *c, int argc, char **argv);

#define CLI_EXTRA_COMMANDS(X)                                                              \
	X("diff", cmd_diff, "diff ID [REV [REV]]",                                            \
	  "word-level difference between two revisions (or one and the current text)")         \
	X("backup", cmd_backup, "backup FILE", "a consistent copy of the database (admins)")   \
	X("check", cmd_check, "check", "verify the database and clear dead locks (admins)")      \
	X("spell", cmd_spell, "spell [--json] [--style old|new|any] [FILE|-]",                \
	  "check Vietnamese spelling and style")                                                \
	X("dict", cmd_dict, "dict add WORD... | dict remove WORD... | dict list",             \
	  "the newsroom's own dictionary words")                                                \
	X("search", cmd_search, "search QUERY [--state STATE] [--section TEXT] "               \
	  "[--since YYYY-MM-DD] [--limit N] [--json]",                                          \
	  "search the archive: title, lead, body, byline; diacritics optional")                \
	X("shell", cmd_shell, "shell LOGIN",                                                   \
	  "the forced command of one SSH key: the newsroom or one command as LOGIN")           \
	X("key", cmd_key, "key add LOGIN [FILE|-] | key list [LOGIN] | "                       \
	  "key remove LOGIN FINGERPRINT", "people's SSH keys to the service account (admins)") \
	X("doctor", cmd_doctor, "doctor", "check the server setup and say how to fix it (admins)")

#endif
