/*
 * msg.c: the catalogue's two tables, and finding an entry by its English text.
 *
 * Lookups by text happen only when a message is raised (a refusal, an error, a line of
 * output), never in a loop over articles, so a scan of the table costs nothing that shows.
 * Pointers are compared first: a literal written in two places is usually merged by the
 * linker, and the scan then stops without comparing bytes. The process's language is the one
 * mutable setting here, set once at start like the locale.
 */
#include "news/msg.h"

#include <string.h>

#include "base/banned.h"

static const char *const en_text[MSG_COUNT] = {
#define X(id, en, vi) [id] = en,
	MSG_LIST(X)
#undef X
};

static const char *const vi_text[MSG_COUNT] = {
#define X(id, en, vi) [id] = vi,
	MSG_LIST(X)
#undef X
};

static Lang process_lang = LANG_EN;

void msg_set_lang(Lang l)
{
	process_lang = l;
}

Lang msg_lang(void)
{
	return process_lang;
}

const char *msg_say(const char *english)
{
	return msg_tr(process_lang, english);
}

const char *msg_text(Lang l, MsgId id)
{
	if ((unsigned)id >= MSG_COUNT)
		return "";
	return l == LANG_EN ? en_text[id] : vi_text[id];
}

const char *msg_english(MsgId id)
{
	return msg_text(LANG_EN, id);
}

const char *msg_tr(Lang l, const char *english)
{
	if (l == LANG_EN || !english)
		return english;
	for (int i = 0; i < MSG_COUNT; i++)
		if (en_text[i] == english)
			return vi_text[i];
	for (int i = 0; i < MSG_COUNT; i++)
		if (strcmp(en_text[i], english) == 0)
			return vi_text[i];
	return english;
}
