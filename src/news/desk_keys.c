/*
 * desk_keys.c: people's SSH keys, for admins. The keys table is the truth; the service
 * account's authorized_keys file is rewritten from it inside the same write transaction, so a
 * key that is not in the database never opens the door, and a failed file write changes
 * nothing in the database. If the commit fails after the file was written, the file is
 * written again from what the database holds.
 */
#include "news/desk.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/str.h"
#include "base/when.h"
#include "base/xalloc.h"
#include "news/desk_int.h"
#include "base/banned.h"

bool desk_require_admin(Desk *d, const char *refusal)
{
	Ask ask = {ROLE_REPORTER, true, STATE_DRAFT};
	const char *why;

	if (!desk_reload_actor(d))
		return false; /* rights are read again: a demoted admin is refused at once */
	ask.role = d->actor.role;
	if (workflow_decide(&ask, ACT_MANAGE_USERS, NULL, &why))
		return true;
	return desk_fail(d, DESK_REFUSED, "%s", msg_tr(d->lang, refusal));
}

char *desk_keys_path(const Config *c)
{
	struct passwd *pw;
	Str p = STR_INIT;

	if (c->ssh_keys && c->ssh_keys[0])
		return xstrdup(c->ssh_keys);
	pw = getpwuid(geteuid());
	str_addf(&p, "%s/.ssh/authorized_keys", pw && pw->pw_dir ? pw->pw_dir : ".");
	return str_detach(&p);
}

char *desk_keys_command(const Config *c)
{
	char exe[4096];
	ssize_t n;

	if (c->ssh_command && c->ssh_command[0])
		return xstrdup(c->ssh_command);
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return xstrdup("/usr/local/bin/toasoan");
	exe[n] = '\0';
	return xstrdup(exe);
}

bool desk_keys_sync(Desk *d)
{
	KeyList l = {0};
	char *path = desk_keys_path(d->config), *command = desk_keys_command(d->config);
	char err[512];
	bool ok = store_keys(d->store, NULL, &l);

	if (!ok)
		desk_store_fail(d);
	else if (!(ok = authkeys_write(path, command, &l, err, sizeof(err))))
		desk_fail(d, DESK_FAILED, "%s", err);
	key_list_release(&l);
	free(path);
	free(command);
	return ok;
}

/* Commits, and on failure puts the file back in line with the database. */
static bool commit_synced(Desk *d)
{
	if (store_commit(d->store))
		return true;
	desk_store_fail(d);
	char keep[sizeof(d->err)];
	memcpy(keep, d->err, sizeof(keep));
	desk_keys_sync(d);
	memcpy(d->err, keep, sizeof(keep));
	d->code = DESK_FAILED;
	return false;
}

static bool active_user(Desk *d, const char *login)
{
	User u = {0};
	bool found;

	if (!store_user_get(d->store, login, &u, &found))
		return desk_store_fail(d);
	bool active = found && u.active;
	user_release(&u);
	if (!found)
		return desk_fail(d, DESK_NOT_FOUND, "no user '%s'", login);
	return active ? true : desk_fail(d, DESK_REFUSED, "the account '%s' is disabled; enable "
					 "it with 'toasoan user role %s ROLE' first", login, login);
}

bool desk_key_add(Desk *d, const char *login, const char *text, size_t len, KeyRecord *out)
{
	KeyRecord old = {0};
	char err[300];
	bool found;

	if (!desk_require_admin(d, "only admins can manage SSH keys") || !active_user(d, login))
		return false;
	if (!sshkey_parse(text, len, out, err, sizeof(err)))
		return desk_fail(d, DESK_INVALID, "%s", err);
	out->login = xstrdup(login);
	out->added_by = xstrdup(d->actor.login);
	out->at = when_now();
	if (!store_begin(d->store) || !store_key_get(d->store, out->fingerprint, &old, &found))
		return desk_store_fail(d);
	if (found) {
		desk_fail(d, DESK_INVALID, "the key %s is already registered to '%s'",
			  out->fingerprint, old.login);
		key_record_release(&old);
		store_rollback(d->store);
		return false;
	}
	if (!store_key_add(d->store, out, out->at) ||
	    !store_audit(d->store, d->actor.login, d->real_login, out->at, "key add", login,
			 out->fingerprint))
		return desk_store_fail(d);
	if (!desk_keys_sync(d)) {
		store_rollback(d->store);
		return false;
	}
	return commit_synced(d);
}

bool desk_key_list(Desk *d, const char *login, KeyList *out)
{
	User u = {0};
	bool found = true;

	if (!desk_require_admin(d, "only admins can manage SSH keys"))
		return false;
	if (login && !store_user_get(d->store, login, &u, &found))
		return desk_store_fail(d);
	user_release(&u);
	if (!found)
		return desk_fail(d, DESK_NOT_FOUND, "no user '%s'", login);
	if (login && !store_keys(d->store, login, out))
		return desk_store_fail(d);
	if (!login) {
		UserList users = {0};
		bool ok = store_users(d->store, &users);
		for (size_t i = 0; ok && i < users.n; i++)
			ok = store_keys(d->store, users.items[i].login, out);
		user_list_release(&users);
		if (!ok)
			return desk_store_fail(d);
	}
	return true;
}

bool desk_key_remove(Desk *d, const char *login, const char *fingerprint)
{
	int64_t n;

	if (!desk_require_admin(d, "only admins can manage SSH keys"))
		return false;
	if (!store_begin(d->store) || !store_key_remove(d->store, login, fingerprint, &n))
		return desk_store_fail(d);
	if (n == 0) {
		store_rollback(d->store);
		return desk_fail(d, DESK_NOT_FOUND, "'%s' has no key %s; see 'toasoan key list %s'",
				 login, fingerprint, login);
	}
	if (!store_audit(d->store, d->actor.login, d->real_login, when_now(), "key remove", login,
			 fingerprint))
		return desk_store_fail(d);
	if (!desk_keys_sync(d)) {
		store_rollback(d->store);
		return false;
	}
	return commit_synced(d);
}

bool desk_keys_drop(Desk *d, const char *login)
{
	int64_t n;

	if (!store_keys_drop(d->store, login, &n))
		return desk_store_fail(d);
	if (n && !desk_keys_sync(d)) {
		store_rollback(d->store);
		return false;
	}
	return true;
}

bool desk_note_refusal(const DeskOptions *opt, const char *what, const char *detail, char *err,
		       size_t errlen)
{
	Store *s = store_open(opt->db_path, false, err, errlen);
	bool ok;

	if (!s)
		return false;
	ok = store_begin(s) && store_audit(s, opt->login, "", when_now(), what, opt->login,
					   detail) && store_commit(s);
	if (!ok) {
		snprintf(err, errlen, "%s", store_errmsg(s));
		store_rollback(s);
	}
	store_free(s);
	return ok;
}
