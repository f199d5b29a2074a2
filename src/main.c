/*
 * main.c: refuses to run with borrowed privileges, tightens the file mode mask, sets the
 * locale, then hands over: with no command to the full-screen interface, otherwise to the
 * command line. TOASOAN_KEYS=md (or =md-en) prints the interface's key list as markdown
 * instead, for the README.
 *
 * toasoan is never installed setuid or setgid: on a shared server people reach the service
 * account over SSH, and a privileged binary would let them point it at files of their choice.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "tui/tui.h"

/* True (after saying why) when the program runs with ids it was not started with. */
static bool privileged(void)
{
	if (getuid() == geteuid() && getgid() == getegid() && !getauxval(AT_SECURE))
		return false;
	fprintf(stderr, "toasoan: error: refusing to run setuid or setgid (real uid %ld gid %ld, "
		"effective uid %ld gid %ld): on a shared server people reach toasoan's service "
		"account over SSH instead; remove the bit with: chmod u-s,g-s /path/to/toasoan\n",
		(long)getuid(), (long)getgid(), (long)geteuid(), (long)getegid());
	return true;
}

int main(int argc, char **argv)
{
	const char *keys;
	mode_t mask;

	if (privileged())
		return 1;
	/* Folders 0750 and files 0640 at most: the data is the account's own. */
	mask = umask(027);
	umask(mask | 027);
	keys = getenv("TOASOAN_KEYS");
	setlocale(LC_ALL, "");
	if (keys && strncmp(keys, "md", 2) == 0)
		return tui_print_keys(strcmp(keys, "md-en") == 0 ? "en" : "vi");
	return cli_main(argc, argv, tui_run);
}
