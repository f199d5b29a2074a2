/*
 * cli.h: the command line. cli_main parses the global options, then runs one command from
 * the table in cli.c, or the full-screen interface when there is none.
 */
#ifndef CLI_CLI_H
#define CLI_CLI_H

#include <stdint.h>

#include "news/desk.h"

/*
 * The full-screen interface, handed in by main.c so that the core never links curses.
 * article_id 0 opens the queues, otherwise the editor on that article. Returns an exit code.
 */
typedef int (*TuiEntry)(Desk *d, int64_t article_id);

/* Runs toasoan with argv; returns the exit code (0 done, 1 refused or failed, 2 usage). */
int cli_main(int argc, char **argv, TuiEntry tui);

#endif
