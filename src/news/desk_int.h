/*
 * desk_int.h: what the desk's own files share.
 */
#ifndef NEWS_DESK_INT_H
#define NEWS_DESK_INT_H

#include "news/desk.h"
#include "news/msg.h"
#include "news/store.h"

struct Desk {
	Store *store;
	const Config *config;
	User actor;          /* who is acting: the --as user, or the real one */
	char *real_login;    /* the real user when acting with --as, else "" */
	DeskPairCounter count_pairs; /* for the context model, or NULL */
	Lang lang;           /* the language of its messages */
	DeskError code;      /* the last failure */
	char err[600];       /* its message */
	bool remote;         /* reached over SSH */
};

/* Sets the error code and the message, fmt in the desk's language (news/msg.h); false. */
bool desk_fail(Desk *d, DeskError code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Copies the store's message as a DESK_FAILED error; rolls back an open transaction. */
bool desk_store_fail(Desk *d);

/* Asks the workflow; on refusal sets DESK_REFUSED with the rule's sentence. */
bool desk_check(Desk *d, const Article *a, Action act, State *to);

/* False with DESK_LOCKED (naming the holder) if someone else holds a live lock on a. */
bool desk_check_lock(Desk *d, const Article *a);

/*
 * Validates user text: UTF-8, NFC, no control characters but newline and tab (multiline),
 * no C1 controls and no bidi controls (visible.h).
 */
bool desk_check_text(Desk *d, const char *what, const char *s, bool multiline);
/* desk_check_text's first test alone: s is UTF-8 (what: the field named in the error). */
bool desk_check_utf8(Desk *d, const char *what, const char *s);

/* Rewrites authorized_keys from the keys of active users (inside the caller's transaction). */
bool desk_keys_sync(Desk *d);

/* Removes every key of login and rewrites authorized_keys if there were any. */
bool desk_keys_drop(Desk *d, const char *login);

/* Loads article id and checks that the actor may see it and, unless act is ACT_VIEW, take
 * act on it; false with the message set. */
bool desk_check_id(Desk *d, int64_t id, Action act);

/* False with DESK_INVALID if s has more than max characters. */
bool desk_check_length(Desk *d, const char *what, const char *s, size_t max);

/*
 * Reads the actor (and the admin behind --as) from the store again: someone disabled or
 * demoted while their screen is open loses those rights on their next action. Call it
 * first in every write, inside the write transaction where there is one. False with
 * DESK_REFUSED for a disabled account.
 */
bool desk_reload_actor(Desk *d);

/* Validates an article's text fields (as desk_check_text) and that it has a title. */
bool desk_check_article(Desk *d, const Article *a);

#endif
