/*
 * args.h: option parsing for one command. Options are "--name VALUE", "--name=VALUE" or a
 * bare "--flag"; "-o" style short names are allowed too; "--" ends the options. What is not
 * an option is a positional argument, in order.
 */
#ifndef CLI_ARGS_H
#define CLI_ARGS_H

#include <stdbool.h>

typedef struct ArgSpec {
	const char *name;      /* "--title" or "-o" */
	const char **value;    /* where a value goes; NULL for a flag */
	bool *flag;            /* set when a flag is present */
} ArgSpec;

typedef struct Args {
	const char **pos;  /* the positional arguments: points into argv */
	int npos;
} Args;

/*
 * Parses argv[1..argc-1]. The positional arguments are gathered, in order, at the start of
 * argv[1..] itself (options are moved out of the way, as getopt does), so any number fits and
 * nothing is allocated. On a bad option prints the error and the usage line and returns false;
 * the caller returns EXIT_USAGE.
 */
bool args_parse(int argc, char **argv, const ArgSpec *specs, const char *usage, Args *out);

#endif
