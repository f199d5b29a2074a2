/*
 * desk_marks.c: what the lists and the editor show beside the text: ignored findings kept
 * per article, the returned drafts with their notes, and when a person last looked at a
 * list. Reading follows what the actor may see; ignoring follows who may edit.
 */
#include "news/desk.h"

#include <string.h>

#include "base/when.h"
#include "news/desk_int.h"
#include "base/banned.h"

bool desk_check_id(Desk *d, int64_t id, Action act)
{
	Article a;
	bool ok;

	article_init(&a);
	ok = desk_get(d, id, &a) && (act == ACT_VIEW || desk_check(d, &a, act, NULL));
	article_release(&a);
	return ok;
}

bool desk_ignored(Desk *d, int64_t id, char ***texts, size_t *n)
{
	*texts = NULL;
	*n = 0;
	if (!desk_check_id(d, id, ACT_VIEW))
		return false;
	return store_ignored(d->store, id, texts, n) ? true : desk_store_fail(d);
}

bool desk_ignore(Desk *d, int64_t id, const char *text)
{
	if (!desk_check_id(d, id, ACT_EDIT))
		return false;
	if (!*text)
		return desk_fail(d, DESK_INVALID, "nothing to ignore");
	if (!desk_check_text(d, "ignored text", text, false))
		return false;
	return store_ignore(d->store, id, text, d->actor.login, when_now()) ? true
									   : desk_store_fail(d);
}

/* A reporter's returned drafts are their own; editors see every writer's. */
static const char *returned_author(const Desk *d)
{
	return workflow_allows(d->actor.role, false, STATE_DRAFT, ACT_EDIT) ? "" : d->actor.login;
}

bool desk_returned(Desk *d, ReturnedList *out)
{
	return store_returned(d->store, returned_author(d), out) ? true : desk_store_fail(d);
}

bool desk_returned_of(Desk *d, const int64_t *ids, size_t n, ReturnedList *out)
{
	return store_returned_of(d->store, returned_author(d), ids, n, out) ? true
										: desk_store_fail(d);
}

bool desk_returned_mine(Desk *d, int64_t *n)
{
	return store_returned_count(d->store, d->actor.login, n) ? true : desk_store_fail(d);
}

bool desk_seen(Desk *d, const char *list, int64_t *at)
{
	return store_seen(d->store, d->actor.login, list, at) ? true : desk_store_fail(d);
}

bool desk_seen_mark(Desk *d, const char *list)
{
	if (!desk_reload_actor(d))
		return false;
	return store_seen_mark(d->store, d->actor.login, list, when_now()) ? true
									    : desk_store_fail(d);
}

bool desk_lock_held(Desk *d, int64_t id, bool *held)
{
	Article a;
	bool ok;

	*held = false;
	article_init(&a);
	ok = desk_get(d, id, &a);
	if (ok && !desk_check_lock(d, &a)) {
		*held = desk_error(d) == DESK_LOCKED;
		ok = *held;
	}
	article_release(&a);
	return ok;
}
