/*
 * records.c: lifecycles of the record types and the names of revision kinds.
 */
#include "news/records.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "base/banned.h"

void user_release(User *u)
{
	free(u->login);
	free(u->name);
	memset(u, 0, sizeof(*u));
}

User *user_list_push(UserList *l)
{
	xgrow(&l->items, &l->cap, l->n + 1, sizeof(*l->items));
	memset(&l->items[l->n], 0, sizeof(*l->items));
	return &l->items[l->n++];
}

void user_list_release(UserList *l)
{
	for (size_t i = 0; i < l->n; i++)
		user_release(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof(*l));
}

Event *event_list_push(EventList *l)
{
	xgrow(&l->items, &l->cap, l->n + 1, sizeof(*l->items));
	memset(&l->items[l->n], 0, sizeof(*l->items));
	return &l->items[l->n++];
}

void event_list_release(EventList *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].who);
		free(l->items[i].who_name);
		free(l->items[i].real_who);
		free(l->items[i].note);
	}
	free(l->items);
	memset(l, 0, sizeof(*l));
}

static const char *const kind_names[][3] = {
#define X(e, name, vi, en) {name, vi, en},
	REVISION_KIND_LIST(X)
#undef X
};

const char *revision_kind_name(RevisionKind k)
{
	return (unsigned)k < REVISION_KIND_COUNT ? kind_names[k][0] : NULL;
}

const char *revision_kind_label(RevisionKind k, const char *lang)
{
	if ((unsigned)k >= REVISION_KIND_COUNT)
		return NULL;
	return kind_names[k][lang && strcmp(lang, "en") == 0 ? 2 : 1];
}

bool revision_kind_parse(const char *name, RevisionKind *out)
{
	for (int i = 0; i < REVISION_KIND_COUNT; i++)
		if (strcmp(name, kind_names[i][0]) == 0) {
			*out = (RevisionKind)i;
			return true;
		}
	return false;
}

void lock_info_release(LockInfo *l)
{
	free(l->login);
	free(l->name);
	free(l->host);
	memset(l, 0, sizeof(*l));
}
