/*
 * cmds.h: every command function, for the table in cli.c. Commands that arrive with later
 * modules add their rows to CLI_EXTRA_COMMANDS here.
 */
#ifndef CLI_CMDS_H
#define CLI_CMDS_H

#include "cli/cmd.h"

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

#define CLI_EXTRA_COMMANDS(X)

#endif
