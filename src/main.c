/*
 * main.c: sets the locale, then hands over: with no command to the full-screen interface,
 * otherwise to the command line. TOASOAN_KEYS=md (or =md-en) prints the interface's key list
 * as markdown instead, for the README.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "tui/tui.h"

int main(int argc, char **argv)
{
	const char *keys = getenv("TOASOAN_KEYS");
	setlocale(LC_ALL, "");
	if (keys && strncmp(keys, "md", 2) == 0)
		return tui_print_keys(strcmp(keys, "md-en") == 0 ? "en" : "vi");
	return cli_main(argc, argv, tui_run);
}
