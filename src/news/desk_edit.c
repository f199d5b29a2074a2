/*
 * desk_edit.c: what keeps text safe while it is being edited: locks, the journal, keeping
 * text as extra revisions, restoring old revisions, and the database's own upkeep.
 *
 * A lock is held by one process (login, host, pid). It is alive while its heartbeat is fresh
 * and, on this host, while its process exists: a crashed editor's lock is reclaimed at once
 * on the same machine, and after DESK_LOCK_STALE seconds from elsewhere.
 */
#include "news/desk.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/when.h"
#include "base/xalloc.h"
#include "news/desk_int.h"
#include "base/banned.h"

static void host_name(char *buf, size_t len)
{
	if (gethostname(buf, len) != 0)
		buf[0] = '\0';
	buf[len - 1] = '\0';
}

static bool lock_alive(const LockInfo *l, int64_t now)
{
	char host[256];

	if (l->heartbeat < now - DESK_LOCK_STALE)
		return false;
	host_name(host, sizeof(host));
	if (strcmp(host, l->host) == 0 && l->pid > 0 &&
	    kill((pid_t)l->pid, 0) != 0 && errno == ESRCH)
		return false;
	return true;
}

static bool is_mine(const LockInfo *l, const char *login)
{
	char host[256];
	host_name(host, sizeof(host));
	return strcmp(l->login, login) == 0 && strcmp(l->host, host) == 0 &&
	       l->pid == (int64_t)getpid();
}

static void holder_message(Desk *d, const Article *a, const LockInfo *l)
{
	Str since = STR_INIT;
	when_local(l->since, &since);
	desk_fail(d, DESK_LOCKED, "'%s' is being edited by %s (%s) since %s", a->title, l->name,
		  l->login, since.s);
	str_release(&since);
}

/* Keeps the previous holder's journaled text as a revision before their lock is taken. */
static bool keep_holders_text(Desk *d, const Article *cur, const char *login)
{
	Article j;
	int64_t at;
	bool found, ok = true;

	article_init(&j);
	if (!store_journal_get(d->store, cur->id, login, &j, &at, &found))
		ok = false;
	else if (found && !article_same_text(&j, cur)) {
		j.id = cur->id;
		ok = store_revision_keep(d->store, &j, REV_TAKEOVER, login, when_now(),
					 "kept when the lock was taken over", NULL) &&
		     store_journal_drop(d->store, cur->id, login);
	}
	article_release(&j);
	return ok;
}

bool desk_check_lock(Desk *d, const Article *a)
{
	LockInfo l = {0};
	bool found, ok = true;

	if (!store_lock_get(d->store, a->id, &l, &found))
		return desk_store_fail(d);
	if (found && !is_mine(&l, d->actor.login) && lock_alive(&l, when_now())) {
		holder_message(d, a, &l);
		ok = false;
	}
	lock_info_release(&l);
	return ok;
}

bool desk_lock(Desk *d, int64_t id, bool take_over, LockInfo *holder)
{
	Article a;
	LockInfo l = {0};
	char host[256];
	int64_t now = when_now();
	bool found, ok = false;

	article_init(&a);
	if (!desk_get(d, id, &a) || !desk_check(d, &a, ACT_EDIT, NULL))
		goto out;
	if (!store_begin(d->store) || !store_lock_get(d->store, id, &l, &found)) {
		desk_store_fail(d);
		goto out;
	}
	if (found && !is_mine(&l, d->actor.login) && lock_alive(&l, now)) {
		if (!take_over) {
			store_rollback(d->store);
			holder_message(d, &a, &l);
			*holder = l;
			memset(&l, 0, sizeof(l));
			goto out;
		}
		if (!desk_check(d, &a, ACT_TAKE_LOCK, NULL)) {
			store_rollback(d->store);
			goto out;
		}
		if (!keep_holders_text(d, &a, l.login) ||
		    !store_audit(d->store, d->actor.login, d->real_login, now, "take over",
				 a.title, l.login)) {
			desk_store_fail(d);
			goto out;
		}
	}
	host_name(host, sizeof(host));
	if (!store_lock_put(d->store, id, d->actor.login, host, (int64_t)getpid(), now) ||
	    !store_commit(d->store)) {
		desk_store_fail(d);
		goto out;
	}
	ok = true;
out:
	lock_info_release(&l);
	article_release(&a);
	return ok;
}

bool desk_lock_beat(Desk *d, int64_t id, bool *still_mine, LockInfo *holder)
{
	char host[256];
	bool found;

	host_name(host, sizeof(host));
	if (!store_lock_beat(d->store, id, d->actor.login, host, (int64_t)getpid(), when_now(),
			     still_mine))
		return desk_store_fail(d);
	if (!*still_mine && !store_lock_get(d->store, id, holder, &found))
		return desk_store_fail(d);
	return true;
}

bool desk_unlock(Desk *d, int64_t id)
{
	char host[256];
	host_name(host, sizeof(host));
	return store_lock_drop(d->store, id, d->actor.login, host, (int64_t)getpid())
		       ? true : desk_store_fail(d);
}

bool desk_journal_write(Desk *d, const Article *a)
{
	return store_journal_put(d->store, a, d->actor.login, when_now()) ? true
									   : desk_store_fail(d);
}

bool desk_journal_stream(Desk *d, const Article *a)
{
	return store_journal_stream(d->store, a, d->actor.login, when_now(), false) ? true
										     : desk_store_fail(d);
}

bool desk_journal_commit(Desk *d)
{
	return store_commit(d->store) ? true : desk_store_fail(d);
}

bool desk_journal_read(Desk *d, int64_t id, Article *out, int64_t *at, bool *found)
{
	Article cur;
	bool ok;

	if (id == 0) {
		/* a new article: any journaled text at all is worth restoring */
		if (!store_journal_get(d->store, 0, d->actor.login, out, at, found))
			return desk_store_fail(d);
		out->id = 0;
		return true;
	}
	article_init(&cur);
	ok = desk_get(d, id, &cur);
	if (ok && !store_journal_get(d->store, id, d->actor.login, out, at, found))
		ok = desk_store_fail(d);
	if (ok && *found && article_same_text(out, &cur)) {
		*found = false;
		ok = desk_journal_clear(d, id);
	}
	if (ok && *found) {
		out->id = cur.id;
		out->state = cur.state;
		article_set(&out->author, cur.author);
		article_set(&out->author_name, cur.author_name);
	}
	article_release(&cur);
	return ok;
}

bool desk_journal_clear(Desk *d, int64_t id)
{
	return store_journal_drop(d->store, id, d->actor.login) ? true : desk_store_fail(d);
}

void desk_journal_print(const Article *a, uint8_t out[DESK_PRINT_BYTES])
{
	_Static_assert(DESK_PRINT_BYTES == STORE_PRINT_BYTES, "one print size");
	store_journal_print(a, out);
}

bool desk_journal_clear_if(Desk *d, int64_t id, const uint8_t print[DESK_PRINT_BYTES])
{
	return store_journal_drop_if(d->store, id, d->actor.login, print) ? true
									     : desk_store_fail(d);
}

bool desk_keep_text(Desk *d, const Article *a, RevisionKind kind, const char *reason,
		    int64_t *version)
{
	Article cur;
	bool ok;

	/* Only someone who may edit the article may add text to its history. */
	article_init(&cur);
	ok = desk_get(d, a->id, &cur) && desk_check(d, &cur, ACT_EDIT, NULL);
	article_release(&cur);
	if (!ok)
		return false;
	if (!store_begin(d->store) ||
	    !store_revision_keep(d->store, a, kind, d->actor.login, when_now(),
				 reason ? reason : "", version) ||
	    !store_commit(d->store))
		return desk_store_fail(d);
	return true;
}

bool desk_restore(Desk *d, int64_t id, int64_t version)
{
	Article cur, old;
	Str reason = STR_INIT;
	bool ok;

	article_init(&cur);
	article_init(&old);
	ok = desk_get(d, id, &cur) && desk_revision(d, id, version, &old);
	if (ok) {
		old.version = cur.version;
		str_addf(&reason, "restored from revision %lld", (long long)version);
		ok = desk_save(d, &old, reason.s);
	}
	str_release(&reason);
	article_release(&cur);
	article_release(&old);
	return ok;
}

bool desk_backup(Desk *d, const char *path)
{
	Ask ask = {ROLE_REPORTER, true, STATE_DRAFT};
	const char *why;

	if (!desk_reload_actor(d))
		return false;
	ask.role = d->actor.role;
	if (!workflow_decide(&ask, ACT_MANAGE_USERS, NULL, &why))
		return desk_fail(d, DESK_REFUSED, "only admins can back up the database");
	if (access(path, F_OK) == 0)
		return desk_fail(d, DESK_INVALID, "'%s' already exists; choose a new file", path);
	return store_backup(d->store, path) ? true : desk_store_fail(d);
}

bool desk_check_db(Desk *d, Str *report, int *problems, int64_t *cleared)
{
	Ask ask = {ROLE_REPORTER, true, STATE_DRAFT};
	const char *why;

	if (!desk_reload_actor(d))
		return false;
	ask.role = d->actor.role;
	if (!workflow_decide(&ask, ACT_MANAGE_USERS, NULL, &why))
		return desk_fail(d, DESK_REFUSED, "only admins can check the database");
	if (!store_check(d->store, report, problems) || !store_begin(d->store) ||
	    !store_lock_clear_stale(d->store, when_now() - DESK_LOCK_STALE, cleared) ||
	    !store_commit(d->store))
		return desk_store_fail(d);
	return true;
}

bool desk_check_damaged(const DeskOptions *opt, Str *report, int *problems, char *err,
			size_t errlen)
{
	return store_check_file(opt->db_path, report, problems, err, errlen);
}
