/*
 * lang.h: which of the two languages toasoan speaks, Vietnamese or English.
 *
 * The choice is made once per process from the config's ui.language when it is set, else
 * from the locale (LC_ALL, then LC_MESSAGES, then LANG: "vi..." or "en..."), else from a
 * default the caller names: the screen falls back to Vietnamese, the command line to English
 * (the C locale of scripts and cron). Every table of words (src/news/msg.h for the core and
 * the command line, src/tui/lang.h for the screen) is indexed by this one type.
 */
#ifndef BASE_LANG_H
#define BASE_LANG_H

typedef enum Lang {
	LANG_VI, /* Vietnamese */
	LANG_EN, /* English */
} Lang;

/* "en" (any case, or "en_US"...) gives LANG_EN; anything else, NULL included, LANG_VI. */
Lang lang_parse(const char *name);

/* "vi" or "en", as the core's label functions want it. */
const char *lang_code(Lang l);

/*
 * The language to speak: configured ("vi" or "en") when not NULL, else the locale's when it
 * names Vietnamese or English, else fallback.
 */
Lang lang_resolve(const char *configured, Lang fallback);

#endif
