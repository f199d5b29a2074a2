/*
 * fuzz_theme.c: any bytes as a theme file. The theme parser lives in the screen layer but
 * uses no curses, so it is compiled in here as the unit tests do: never a crash, and a
 * refusal always names "file:line:column".
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tui/theme.c"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Theme t;
	char err[512] = "";

	theme_default(&t);
	if (!theme_parse(&t, (const char *)data, size, "fuzz.yaml", err, sizeof(err)) &&
	    strncmp(err, "fuzz.yaml:", 10) != 0)
		abort();
	return 0;
}
