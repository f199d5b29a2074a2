/*
 * workflow.c: the rule table and the one function that reads it.
 *
 * Each row says, for one action: the states it may start from (a bit set), the state it
 * leads to (or STAY), and for each role whether the role may take it never, only on its own
 * articles, or always. A refusal names the first rule that failed, role before state, so
 * a reporter trying to approve hears "reporters cannot approve articles" whatever the state.
 */
#include "news/workflow.h"

#include <string.h>

#include "base/banned.h"

enum { NO, OWN, YES };
#define STAY (-1)
#define FROM(s) (1u << (s))
#define ANY_STATE (FROM(STATE_DRAFT) | FROM(STATE_REVIEW) | FROM(STATE_SCHEDULED) | \
		   FROM(STATE_PUBLISHED))

typedef struct Rule {
	unsigned from;          /* states it may start from; 0 for global actions */
	int to;                 /* the state entered, or STAY */
	unsigned char who[ROLE_COUNT];
	const char *refused;    /* said to a role that may never do it: "%s" is the role */
	const char *bad_state;  /* said when the state is wrong */
} Rule;

static const Rule rules[ACTION_COUNT] = {
	[ACT_VIEW] = {ANY_STATE, STAY, {OWN, YES, YES},
		"reporters can only see their own and published articles", ""},
	[ACT_CREATE] = {0, STATE_DRAFT, {YES, YES, YES}, "", ""},
	[ACT_EDIT] = {ANY_STATE, STAY, {OWN, YES, YES},
		"reporters can only edit their own drafts", ""},
	[ACT_SUBMIT] = {FROM(STATE_DRAFT), STATE_REVIEW, {OWN, YES, YES},
		"reporters can only submit their own articles", "only drafts can be submitted"},
	[ACT_WITHDRAW] = {FROM(STATE_REVIEW), STATE_DRAFT, {OWN, YES, YES},
		"reporters can only withdraw their own articles",
		"only articles in review can be withdrawn"},
	[ACT_RETURN] = {FROM(STATE_REVIEW) | FROM(STATE_SCHEDULED), STATE_DRAFT, {NO, YES, YES},
		"reporters cannot return articles",
		"only articles in review or scheduled can be returned"},
	[ACT_APPROVE] = {FROM(STATE_REVIEW), STATE_PUBLISHED, {NO, YES, YES},
		"reporters cannot approve articles", "only articles in review can be approved"},
	[ACT_SCHEDULE] = {FROM(STATE_REVIEW), STATE_SCHEDULED, {NO, YES, YES},
		"reporters cannot approve articles", "only articles in review can be approved"},
	[ACT_PUBLISH] = {FROM(STATE_REVIEW) | FROM(STATE_SCHEDULED), STATE_PUBLISHED,
		{NO, YES, YES}, "reporters cannot publish articles",
		"only articles in review or scheduled can be published"},
	[ACT_UNPUBLISH] = {FROM(STATE_PUBLISHED), STATE_DRAFT, {NO, YES, YES},
		"reporters cannot unpublish articles", "only published articles can be unpublished"},
	[ACT_PUBLISH_DUE] = {FROM(STATE_SCHEDULED), STATE_PUBLISHED, {NO, YES, YES},
		"reporters cannot publish articles", "only scheduled articles fall due"},
	[ACT_MANAGE_USERS] = {0, STAY, {NO, NO, YES}, "only admins can manage users", ""},
	[ACT_EDIT_DICT] = {0, STAY, {NO, YES, YES},
		"reporters cannot change the newsroom dictionary", ""},
	[ACT_TAKE_LOCK] = {ANY_STATE, STAY, {NO, YES, YES},
		"reporters cannot take over an article someone else is editing", ""},
	/* Bulk import: moving an old archive in. Crediting another writer and putting text
	 * straight on the site skip review, so they are admin decisions. */
	[ACT_IMPORT_FOR] = {0, STAY, {NO, NO, YES},
		"only admins can import articles for another writer", ""},
	[ACT_IMPORT_PUBLISHED] = {0, STATE_PUBLISHED, {NO, NO, YES},
		"only admins can import articles straight to published", ""},
};

/* Editing text has a second condition: reporters may touch drafts only. */
static const char *edit_state_rule(const Ask *ask)
{
	if (ask->role == ROLE_REPORTER && ask->state != STATE_DRAFT)
		return "reporters can only edit drafts; this article is no longer a draft";
	return NULL;
}

/* Reporters see everything published, whoever wrote it. */
static bool view_exception(const Ask *ask, Action act)
{
	return act == ACT_VIEW && ask->state == STATE_PUBLISHED;
}

bool workflow_decide(const Ask *ask, Action act, State *to, const char **why)
{
	const Rule *r;
	const char *msg;

	if ((unsigned)act >= ACTION_COUNT || (unsigned)ask->role >= ROLE_COUNT) {
		*why = "unknown action";
		return false;
	}
	r = &rules[act];
	switch (r->who[ask->role]) {
	case NO:
		*why = r->refused;
		return false;
	case OWN:
		if (!ask->own && act != ACT_CREATE && !view_exception(ask, act)) {
			*why = r->refused;
			return false;
		}
		break;
	default:
		break;
	}
	if (r->from && !(r->from & FROM(ask->state))) {
		*why = r->bad_state;
		return false;
	}
	if (act == ACT_EDIT && (msg = edit_state_rule(ask))) {
		*why = msg;
		return false;
	}
	if (to)
		*to = r->to == STAY ? ask->state : (State)r->to;
	*why = NULL;
	return true;
}

bool workflow_allows(Role role, bool own, State state, Action act)
{
	Ask ask = {role, own, state};
	const char *why;
	return workflow_decide(&ask, act, NULL, &why);
}

static const char *const state_names[][3] = {
#define X(e, name, vi, en) {name, vi, en},
	STATE_LIST(X)
#undef X
};
static const char *const role_names[][3] = {
#define X(e, name, vi, en) {name, vi, en},
	ROLE_LIST(X)
#undef X
};
static const struct {
	const char *name, *vi, *en;
	bool note;
} action_names[] = {
#define X(e, name, vi, en, note) {name, vi, en, note},
	ACTION_LIST(X)
#undef X
};

static int lang_index(const char *lang)
{
	return lang && strcmp(lang, "en") == 0 ? 2 : 1;
}

const char *state_name(State s)
{
	return (unsigned)s < STATE_COUNT ? state_names[s][0] : NULL;
}

const char *state_label(State s, const char *lang)
{
	return (unsigned)s < STATE_COUNT ? state_names[s][lang_index(lang)] : NULL;
}

const char *role_name(Role r)
{
	return (unsigned)r < ROLE_COUNT ? role_names[r][0] : NULL;
}

const char *role_label(Role r, const char *lang)
{
	return (unsigned)r < ROLE_COUNT ? role_names[r][lang_index(lang)] : NULL;
}

const char *action_name(Action a)
{
	return (unsigned)a < ACTION_COUNT ? action_names[a].name : NULL;
}

const char *action_label(Action a, const char *lang)
{
	if ((unsigned)a >= ACTION_COUNT)
		return NULL;
	return lang_index(lang) == 2 ? action_names[a].en : action_names[a].vi;
}

bool action_needs_note(Action a)
{
	return (unsigned)a < ACTION_COUNT && action_names[a].note;
}

bool state_parse(const char *name, State *out)
{
	for (int i = 0; i < STATE_COUNT; i++)
		if (strcmp(name, state_names[i][0]) == 0) {
			*out = (State)i;
			return true;
		}
	return false;
}

bool role_parse(const char *name, Role *out)
{
	for (int i = 0; i < ROLE_COUNT; i++)
		if (strcmp(name, role_names[i][0]) == 0) {
			*out = (Role)i;
			return true;
		}
	return false;
}
