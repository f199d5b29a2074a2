/*
 * main.c: sets the locale, then hands over: with no command to the full-screen interface,
 * otherwise to the command line.
 */
#include <locale.h>
#include <stdio.h>

#include "cli/cli.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	return cli_main(argc, argv);
}
