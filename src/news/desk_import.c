/*
 * desk_import.c: bulk import through the desk.
 *
 * The rules are decided once per import (desk_import_plan), not once per file: who is credited
 * and which state the articles enter do not change within a batch. Each article is stored as
 * desk_create stores one (text checked, first revision, a "created" transition) and then,
 * for review or published, moved on with its own transition, all inside the caller's batch
 * transaction: a batch is committed whole or not at all, so an interrupted import leaves whole
 * batches and never half an article. A credited writer is the article's author and the
 * creator in its history; the admin who imported it is recorded beside them, as with --as.
 */
#include "news/desk.h"

#include <stdlib.h>
#include <string.h>

#include "base/when.h"
#include "base/xalloc.h"
#include "news/desk_int.h"
#include "news/publish.h"
#include "base/banned.h"

static bool for_other(const Desk *d, const ImportPlan *p)
{
	return p->writer && strcmp(p->writer, d->actor.login) != 0;
}

static bool allowed(Desk *d, Action act, bool own)
{
	Ask ask = {d->actor.role, own, STATE_DRAFT};
	const char *why;

	if (workflow_decide(&ask, act, NULL, &why))
		return true;
	return desk_fail(d, DESK_REFUSED, "%s", msg_tr(d->lang, why));
}

/* The credited writer must be a user who can still write. */
static bool writer_ok(Desk *d, const char *login)
{
	User u = {0};
	bool found, active;

	if (!store_user_get(d->store, login, &u, &found))
		return desk_store_fail(d);
	active = u.active;
	user_release(&u);
	if (!found)
		return desk_fail(d, DESK_NOT_FOUND, "no user '%s'", login);
	if (!active)
		return desk_fail(d, DESK_REFUSED, "the account '%s' is disabled", login);
	return true;
}

bool desk_import_plan(Desk *d, const ImportPlan *p)
{
	bool other = for_other(d, p);

	if (!desk_reload_actor(d) || !allowed(d, ACT_CREATE, true))
		return false;
	if (other && (!allowed(d, ACT_IMPORT_FOR, false) || !writer_ok(d, p->writer)))
		return false;
	switch (p->state) {
	case STATE_DRAFT:
		return true;
	case STATE_REVIEW:
		return allowed(d, ACT_SUBMIT, !other);
	case STATE_PUBLISHED:
		return allowed(d, ACT_IMPORT_PUBLISHED, !other);
	default:
		return desk_fail(d, DESK_INVALID, "articles cannot be imported as scheduled: each "
				 "needs its own time; import them for review and approve each with "
				 "--at");
	}
}

/* A file's publishing date matters only to an article that enters published (the others drop
 * it), so only there is a date in the future refused. */
bool desk_import_check(Desk *d, const ImportPlan *p, const Article *a)
{
	if (!desk_check_article(d, a))
		return false;
	if (p->state == STATE_PUBLISHED && a->published_at > when_now())
		return desk_fail(d, DESK_INVALID, "its publishing date is in the future");
	return true;
}

/* Each batch asks the plan's rules again: an importer disabled or demoted meanwhile, or a
 * credited writer disabled, stops the import at the next batch. */
bool desk_import_begin(Desk *d, const ImportPlan *p)
{
	if (!store_begin(d->store))
		return desk_store_fail(d);
	if (desk_import_plan(d, p))
		return true;
	store_rollback(d->store);
	return false;
}

void desk_import_abort(Desk *d)
{
	store_rollback(d->store);
}

bool desk_import_commit(Desk *d)
{
	return store_commit(d->store) ? true : desk_store_fail(d);
}

/* The syllable pairs of one article, gathered to be counted with one statement. */
typedef struct Pairs {
	char **v;
	size_t n, cap;
} Pairs;

static void pair_keep(void *arg, const char *pair, size_t len)
{
	Pairs *p = arg;

	xgrow(&p->v, &p->cap, p->n + 1, sizeof(*p->v));
	p->v[p->n++] = xstrndup(pair, len);
}

/* As entering published does, with one statement for the whole article: an archive has many. */
static bool count_published(Desk *d, const Article *a)
{
	const char *fields[] = {a->title, a->sapo, a->body};
	Pairs p = {NULL, 0, 0};
	bool ok;

	if (!d->count_pairs)
		return true;
	for (size_t i = 0; i < 3; i++)
		d->count_pairs(fields[i], strlen(fields[i]), pair_keep, &p);
	ok = store_bigrams_add(d->store, p.v, p.n);
	for (size_t i = 0; i < p.n; i++)
		free(p.v[i]);
	free(p.v);
	return ok ? true : desk_store_fail(d);
}

bool desk_import_add(Desk *d, const ImportPlan *p, Article *a)
{
	bool other = for_other(d, p), moved = true;
	const char *writer = other ? p->writer : d->actor.login;
	const char *real_by = other ? d->actor.login : d->real_login;
	int64_t now = when_now();
	bool ok;

	if (!desk_check_article(d, a)) {
		store_rollback(d->store);
		return false;
	}
	store_set_real_by(d->store, real_by); /* its first revision names the importer too */
	ok = store_article_insert(d->store, a, writer, now, "import") &&
	     store_transition_created(d->store, a->id, writer, real_by, now, "import");
	store_set_real_by(d->store, d->real_login);
	/* An archive keeps the date each article was first published, when its file says. */
	if (p->state != STATE_PUBLISHED)
		a->published_at = 0;
	else if (!a->published_at)
		a->published_at = now;
	if (ok && p->state != STATE_DRAFT)
		ok = store_article_move(d->store, a->id, STATE_DRAFT, p->state, 0,
					p->state == STATE_PUBLISHED ? a->published_at : 0,
					d->actor.login, d->real_login, now, "import", &moved) && moved;
	if (!ok)
		return desk_store_fail(d);
	a->state = p->state;
	return p->state == STATE_PUBLISHED ? count_published(d, a) : true;
}

bool desk_import_publish(Desk *d, const int64_t *ids, size_t n)
{
	char err[512];

	if (!publish_articles(d->store, d->config, d->actor.login, ids, n, err, sizeof(err)))
		return desk_fail(d, DESK_FAILED, "the articles are published but the site could not "
				 "be written: %s", err);
	return true;
}
