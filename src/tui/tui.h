/*
 * tui.h: the full-screen interface's entry points, called by the command line.
 */
#ifndef TUI_TUI_H
#define TUI_TUI_H

#include <stdint.h>

#include "news/desk.h"

/*
 * Runs the interface for the desk's actor: article_id 0 opens the queues, another id opens
 * the editor on that article. Returns an exit code (0, or 1 when the terminal cannot be used
 * or the article cannot be opened; the message is on stderr).
 */
int tui_run(Desk *d, int64_t article_id);

/*
 * Prints every key binding as markdown (the README's key list) on standard output, in the
 * language named by lang ("vi" or "en"). Returns 0.
 */
int tui_print_keys(const char *lang);

#endif
