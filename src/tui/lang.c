/*
 * lang.c: the string tables made from STRING_LIST. The tables are static constant arrays
 * indexed by StringId, so a lookup is one load and a missing translation cannot compile.
 */
#include "tui/lang.h"

#include "base/banned.h"

static const char *const vi_strings[STRING_COUNT] = {
#define X(e, vi, en) [e] = vi,
	STRING_LIST(X)
#undef X
};

static const char *const en_strings[STRING_COUNT] = {
#define X(e, vi, en) [e] = en,
	STRING_LIST(X)
#undef X
};

const char *lang_str(Lang l, StringId id)
{
	if ((int)id < 0 || id >= STRING_COUNT)
		return "";
	return l == LANG_EN ? en_strings[id] : vi_strings[id];
}
