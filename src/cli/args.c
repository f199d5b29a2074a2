/*
 * args.c: the per-command option parser. Specs end with a zeroed row.
 */
#include "cli/args.h"

#include <string.h>

#include "cli/cmd.h"
#include "base/banned.h"

static const ArgSpec *find(const ArgSpec *specs, const char *a, size_t n)
{
	for (const ArgSpec *s = specs; s && s->name; s++)
		if (strlen(s->name) == n && strncmp(s->name, a, n) == 0)
			return s;
	return NULL;
}

bool args_parse(int argc, char **argv, const ArgSpec *specs, const char *usage, Args *out)
{
	bool options = true;

	out->npos = 0;
	out->pos = (const char **)(argv + 1);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (options && strcmp(a, "--") == 0) {
			options = false;
			continue;
		}
		if (options && a[0] == '-' && a[1] != '\0') {
			const char *eq = strchr(a, '=');
			size_t n = eq ? (size_t)(eq - a) : strlen(a);
			const ArgSpec *s = find(specs, a, n);
			if (!s) {
				cli_usage(usage, "unknown option '%.*s'", (int)n, a);
				return false;
			}
			if (!s->value) {
				if (eq) {
					cli_usage(usage, "'%s' takes no value", s->name);
					return false;
				}
				*s->flag = true;
			} else if (eq) {
				*s->value = eq + 1;
			} else if (i + 1 < argc) {
				*s->value = argv[++i];
			} else {
				cli_usage(usage, "'%s' needs a value", s->name);
				return false;
			}
			continue;
		}
		/* npos < i always: a positional goes to a slot already read. */
		argv[1 + out->npos++] = (char *)a;
	}
	return true;
}
