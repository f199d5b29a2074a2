/*
 * desk.c: opening the desk (who is acting), the users and the newsroom dictionary.
 *
 * Identity is the login of the real user id, never $USER: a reporter cannot become someone
 * else by setting a variable. Only an admin may act for another login (--as), and every
 * change made that way carries the admin's login in the audit columns.
 */
#include "news/desk.h"

#include <ctype.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/utf8.h"
#include "base/visible.h"
#include "base/when.h"
#include "base/xalloc.h"
#include "news/desk_int.h"
#include "base/banned.h"

bool desk_fail(Desk *d, DeskError code, const char *fmt, ...)
{
	va_list ap;
	d->code = code;
	va_start(ap, fmt);
	vsnprintf(d->err, sizeof(d->err), msg_tr(d->lang, fmt), ap);
	va_end(ap);
	return false;
}

bool desk_store_fail(Desk *d)
{
	bool busy = store_busy(d->store);
	store_rollback(d->store);
	return desk_fail(d, busy ? DESK_BUSY : DESK_FAILED, "%s", store_errmsg(d->store));
}

void desk_set_lang(Desk *d, Lang l)
{
	d->lang = l;
	store_set_lang(d->store, l);
}

Lang desk_lang(const Desk *d)
{
	return d->lang;
}

void desk_set_patience(Desk *d, int ms)
{
	store_set_patience(d->store, ms);
}

const char *desk_errmsg(const Desk *d)
{
	return d->err;
}

DeskError desk_error(const Desk *d)
{
	return d->code;
}

const User *desk_actor(const Desk *d)
{
	return &d->actor;
}

const Config *desk_config(const Desk *d)
{
	return d->config;
}

void desk_set_remote(Desk *d, bool remote)
{
	d->remote = remote;
}

bool desk_remote(const Desk *d)
{
	return d->remote;
}

bool desk_check(Desk *d, const Article *a, Action act, State *to)
{
	Ask ask = {d->actor.role, strcmp(a->author, d->actor.login) == 0, a->state};
	const char *why;

	if (workflow_decide(&ask, act, to, &why))
		return true;
	return desk_fail(d, DESK_REFUSED, "%s", msg_tr(d->lang, why));
}

bool desk_may(const Desk *d, const Article *a, Action act)
{
	return workflow_allows(d->actor.role, strcmp(a->author, d->actor.login) == 0, a->state,
			       act);
}

bool desk_check_utf8(Desk *d, const char *what, const char *s)
{
	size_t bad;

	if (utf8_valid(s, strlen(s), &bad))
		return true;
	return desk_fail(d, DESK_INVALID, "invalid UTF-8 in the %s at byte %zu",
			 msg_tr(d->lang, what), bad);
}

bool desk_check_text(Desk *d, const char *what, const char *s, bool multiline)
{
	size_t len = strlen(s);

	if (!desk_check_utf8(d, what, s))
		return false;
	if (!utf8_is_nfc(s, len))
		return desk_fail(d, DESK_INVALID, "the %s is not in NFC form",
				 msg_tr(d->lang, what));
	for (size_t i = 0; i < len;) {
		int32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if ((cp < 0x20 && !(multiline && (cp == '\n' || cp == '\t'))) || cp == 0x7F ||
		    visible_is_c1(cp))
			return desk_fail(d, DESK_INVALID, "the %s has a control character (U+%04X) at "
					 "byte %zu", msg_tr(d->lang, what), (unsigned)cp, i);
		if (visible_is_bidi(cp))
			return desk_fail(d, DESK_INVALID, "the %s has a bidi control (U+%04X) at byte "
					 "%zu: it would make text read other than it is stored",
					 msg_tr(d->lang, what), (unsigned)cp, i);
		i += n;
	}
	return true;
}

bool desk_check_length(Desk *d, const char *what, const char *s, size_t max)
{
	size_t n = utf8_chars(s, strlen(s));

	if (n > max)
		return desk_fail(d, DESK_INVALID, "the %s is too long: %zu characters, at most %zu",
				 what, n, max);
	return true;
}

/* Copies who someone is now from the store; they may have been disabled or demoted. */
static bool reload_user(Desk *d, User *who)
{
	User u = {0};
	bool found;

	if (!store_user_get(d->store, who->login, &u, &found))
		return desk_store_fail(d);
	if (!found || !u.active) {
		user_release(&u);
		return desk_fail(d, DESK_REFUSED, "the account '%s' is disabled; ask an admin",
				 who->login);
	}
	who->role = u.role;
	who->active = u.active;
	user_release(&u);
	return true;
}

bool desk_reload_actor(Desk *d)
{
	User real = {.login = d->real_login};

	if (!reload_user(d, &d->actor))
		return false;
	if (!d->real_login[0])
		return true;
	if (!reload_user(d, &real))
		return false;
	if (real.role != ROLE_ADMIN)
		return desk_fail(d, DESK_REFUSED, "only admins can act for another user with --as");
	return true;
}

bool desk_login_valid(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 32 || s[0] == '-' || s[0] == '.')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!islower((unsigned char)s[i]) && !isdigit((unsigned char)s[i]) &&
		    !strchr("._-", s[i]))
			return false;
	return true;
}

/* The display name from the password database's comment field, or the login. */
static char *system_name(const char *login)
{
	struct passwd *pw = getpwnam(login);
	if (pw && pw->pw_gecos && pw->pw_gecos[0] && pw->pw_gecos[0] != ',') {
		char *name = xstrdup(pw->pw_gecos);
		char *comma = strchr(name, ',');
		if (comma)
			*comma = '\0';
		if (utf8_valid(name, strlen(name), NULL))
			return name;
		free(name);
	}
	return xstrdup(login);
}

static bool load_actor(Desk *d, const char *login, char *err, size_t errlen)
{
	bool found;

	if (!store_user_get(d->store, login, &d->actor, &found)) {
		snprintf(err, errlen, "%s", store_errmsg(d->store));
		return false;
	}
	if (!found) {
		snprintf(err, errlen, msg_tr(d->lang, "'%s' is not a toasoan user; an admin can "
			 "add you with: toasoan user add %s --role reporter"), login, login);
		return false;
	}
	if (!d->actor.active) {
		snprintf(err, errlen, msg_tr(d->lang, "the account '%s' is disabled; ask an admin"),
			 login);
		return false;
	}
	return true;
}

Desk *desk_open(const DeskOptions *opt, char *err, size_t errlen)
{
	Desk *d = xcalloc(1, sizeof(*d));

	d->config = opt->config;
	d->lang = lang_resolve(opt->config ? opt->config->language : NULL, LANG_EN);
	d->count_pairs = opt->count_pairs;
	d->real_login = xstrdup("");
	d->store = store_open(opt->db_path, opt->create, err, errlen);
	if (!d->store)
		goto fail;
	store_set_lang(d->store, d->lang);
	if (!load_actor(d, opt->login, err, errlen))
		goto fail;
	if (opt->as_login && strcmp(opt->as_login, opt->login) != 0) {
		if (d->actor.role != ROLE_ADMIN) {
			snprintf(err, errlen, "%s",
				 msg_tr(d->lang, "only admins can act for another user with --as"));
			goto fail;
		}
		user_release(&d->actor);
		free(d->real_login);
		d->real_login = xstrdup(opt->login);
		if (!load_actor(d, opt->as_login, err, errlen))
			goto fail;
		store_set_real_by(d->store, d->real_login);
	}
	return d;
fail:
	desk_free(d);
	return NULL;
}

Desk *desk_twin(const Desk *d, char *err, size_t errlen)
{
	Desk *t = xcalloc(1, sizeof(*t));

	t->config = d->config;
	t->count_pairs = d->count_pairs;
	t->real_login = xstrdup(d->real_login);
	t->store = store_open(store_path(d->store), false, err, errlen);
	if (!t->store || !load_actor(t, d->actor.login, err, errlen)) {
		desk_free(t);
		return NULL;
	}
	store_set_cache_kb(t->store, DESK_TWIN_CACHE_KB);
	return t;
}

void desk_free(Desk *d)
{
	if (!d)
		return;
	store_free(d->store);
	user_release(&d->actor);
	free(d->real_login);
	free(d);
}

bool desk_init(const DeskOptions *opt, char *err, size_t errlen)
{
	Store *s = store_open(opt->db_path, true, err, errlen);
	int64_t admins;
	User u = {0};
	bool found, ok = false;

	if (!s)
		return false;
	if (!store_begin(s) || !store_count_admins(s, &admins) ||
	    !store_user_get(s, opt->login, &u, &found))
		goto out;
	if (admins == 0) {
		char *name = system_name(opt->login);
		bool done = found ? store_user_update(s, opt->login, ROLE_ADMIN, true)
				  : store_user_insert(s, opt->login, name, ROLE_ADMIN, when_now());
		done = done && store_audit(s, opt->login, "", when_now(), "user add", opt->login,
					   "first admin, by init");
		free(name);
		if (!done)
			goto out;
	}
	ok = store_commit(s);
out:
	if (!ok) {
		snprintf(err, errlen, "%s", store_errmsg(s));
		store_rollback(s);
	}
	user_release(&u);
	store_free(s);
	return ok;
}

static bool may_manage_users(Desk *d)
{
	Ask ask = {ROLE_REPORTER, true, STATE_DRAFT};
	const char *why;

	if (!desk_reload_actor(d))
		return false;
	ask.role = d->actor.role;
	if (workflow_decide(&ask, ACT_MANAGE_USERS, NULL, &why))
		return true;
	return desk_fail(d, DESK_REFUSED, "%s", msg_tr(d->lang, why));
}

bool desk_user_add(Desk *d, const char *login, Role role, const char *name)
{
	User u = {0};
	bool found;

	if (!may_manage_users(d))
		return false;
	if (!desk_login_valid(login))
		return desk_fail(d, DESK_INVALID, "invalid login '%s': use lower-case letters, "
				 "digits, '.', '_' or '-', at most 32", login);
	if (name && !desk_check_text(d, "name", name, false))
		return false;
	if (!store_begin(d->store) || !store_user_get(d->store, login, &u, &found))
		return desk_store_fail(d);
	if (found) {
		user_release(&u);
		store_rollback(d->store);
		return desk_fail(d, DESK_INVALID, "user '%s' already exists", login);
	}
	char *fallback = name && name[0] ? NULL : system_name(login);
	bool ok = store_user_insert(d->store, login, fallback ? fallback : name, role, when_now()) &&
		  store_audit(d->store, d->actor.login, d->real_login, when_now(), "user add",
			      login, role_name(role)) &&
		  store_commit(d->store);
	free(fallback);
	return ok ? true : desk_store_fail(d);
}

bool desk_user_list(Desk *d, UserList *out)
{
	if (!may_manage_users(d))
		return false;
	return store_users(d->store, out) ? true : desk_store_fail(d);
}

bool desk_user_get(Desk *d, const char *login, User *out)
{
	bool found;
	if (!store_user_get(d->store, login, out, &found))
		return desk_store_fail(d);
	return found ? true : desk_fail(d, DESK_NOT_FOUND, "no user '%s'", login);
}

/* Changes a user, keeping at least one active admin; *was_active: what the account was. */
static bool change_user(Desk *d, const char *login, Role role, bool active, const char *what,
	bool *was_active)
{
	User u = {0};
	int64_t admins;
	bool found, ok;

	if (!may_manage_users(d))
		return false;
	if (!store_begin(d->store) || !store_user_get(d->store, login, &u, &found) ||
	    !store_count_admins(d->store, &admins))
		return desk_store_fail(d);
	if (!found) {
		store_rollback(d->store);
		return desk_fail(d, DESK_NOT_FOUND, "no user '%s'", login);
	}
	if (u.role == ROLE_ADMIN && u.active && (role != ROLE_ADMIN || !active) && admins <= 1) {
		user_release(&u);
		store_rollback(d->store);
		return desk_fail(d, DESK_REFUSED, "'%s' is the last admin; make another admin first",
				 login);
	}
	*was_active = u.active;
	user_release(&u);
	ok = store_user_update(d->store, login, role, active) &&
	     store_audit(d->store, d->actor.login, d->real_login, when_now(), what, login,
			 active ? role_name(role) : "disabled");
	if (ok && !active && !desk_keys_drop(d, login))
		return false; /* their keys could not be taken away: nothing changed */
	ok = ok && store_commit(d->store);
	return ok ? true : desk_store_fail(d);
}

bool desk_user_set_role(Desk *d, const char *login, Role role, bool *enabled)
{
	bool was_active = true;
	bool ok = change_user(d, login, role, true, "user role", &was_active);

	*enabled = ok && !was_active;
	return ok;
}

bool desk_user_disable(Desk *d, const char *login)
{
	User u = {0};
	Role role = ROLE_REPORTER;
	bool found;

	if (store_user_get(d->store, login, &u, &found) && found)
		role = u.role;
	user_release(&u);
	return change_user(d, login, role, false, "user disable", &found);
}

bool desk_words(Desk *d, char ***words, size_t *n)
{
	return store_words(d->store, words, n) ? true : desk_store_fail(d);
}

static bool may_edit_dict(Desk *d, const char *word)
{
	Ask ask = {ROLE_REPORTER, true, STATE_DRAFT};
	const char *why;

	if (!desk_reload_actor(d))
		return false;
	ask.role = d->actor.role;

	if (!workflow_decide(&ask, ACT_EDIT_DICT, NULL, &why))
		return desk_fail(d, DESK_REFUSED, "%s", msg_tr(d->lang, why));
	if (!desk_check_text(d, "word", word, false))
		return false;
	if (!word[0] || strlen(word) > 100)
		return desk_fail(d, DESK_INVALID, "a dictionary entry must be 1 to 100 bytes long");
	return true;
}

bool desk_word_add(Desk *d, const char *word)
{
	bool added;

	if (!may_edit_dict(d, word))
		return false;
	if (!store_begin(d->store) ||
	    !store_word_add(d->store, word, d->actor.login, when_now(), &added) ||
	    (added && !store_audit(d->store, d->actor.login, d->real_login, when_now(),
				   "dict add", word, "")) ||
	    !store_commit(d->store))
		return desk_store_fail(d);
	return added ? true : desk_fail(d, DESK_INVALID, "'%s' is already in the dictionary",
					word);
}

bool desk_word_remove(Desk *d, const char *word)
{
	bool removed;

	if (!may_edit_dict(d, word))
		return false;
	if (!store_begin(d->store) || !store_word_remove(d->store, word, &removed) ||
	    (removed && !store_audit(d->store, d->actor.login, d->real_login, when_now(),
				     "dict remove", word, "")) ||
	    !store_commit(d->store))
		return desk_store_fail(d);
	return removed ? true : desk_fail(d, DESK_NOT_FOUND, "'%s' is not in the dictionary",
					  word);
}

bool desk_pairs(Desk *d, void (*each)(const char *pair, int64_t n, void *ud), void *ud)
{
	return store_bigrams(d->store, each, ud) ? true : desk_store_fail(d);
}

bool desk_pair_lookup(Desk *d, PairQuery q, const char *key, int64_t *n)
{
	return store_pair_lookup(d->store, q, key, n) ? true : desk_store_fail(d);
}

int64_t desk_data_version(Desk *d)
{
	return store_data_version(d->store);
}
