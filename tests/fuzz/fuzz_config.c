/*
 * fuzz_config.c: any bytes as a config file: never a crash, and a refusal always comes with a
 * "name:line:column:" message.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "news/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Config c;
	char err[512] = "";

	config_init(&c);
	if (!config_parse(&c, "fuzz.yaml", (const char *)data, size, err, sizeof(err)) &&
	    strncmp(err, "fuzz.yaml:", 10) != 0)
		abort();
	config_release(&c);
	return 0;
}
