/*
 * lang.c: choosing the language. The locale is read from the environment as setlocale()
 * would, without calling it: the C library's own messages are not ours to switch.
 */
#include "base/lang.h"

#include <stdbool.h>
#include <stdlib.h>
#include <strings.h>

#include "base/banned.h"

static bool names(const char *name, const char *code)
{
	return name && strncasecmp(name, code, 2) == 0 &&
	       (name[2] == '\0' || name[2] == '_' || name[2] == '-' || name[2] == '.');
}

Lang lang_parse(const char *name)
{
	return names(name, "en") ? LANG_EN : LANG_VI;
}

const char *lang_code(Lang l)
{
	return l == LANG_EN ? "en" : "vi";
}

Lang lang_resolve(const char *configured, Lang fallback)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};

	if (configured && *configured)
		return lang_parse(configured);
	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);
		if (!v || !*v)
			continue;
		if (names(v, "vi"))
			return LANG_VI;
		if (names(v, "en"))
			return LANG_EN;
		return fallback; /* the first one set decides, as in the C library */
	}
	return fallback;
}
