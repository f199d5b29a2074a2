/*
 * store_users.c: the users table.
 */
#include "news/store.h"

#include <stdlib.h>

#include "base/xalloc.h"
#include "news/store_int.h"
#include "base/banned.h"

static void read_user(sqlite3_stmt *st, User *u)
{
	char *role = store_col_text(st, 2);
	u->login = store_col_text(st, 0);
	u->name = store_col_text(st, 1);
	if (!role_parse(role, &u->role))
		u->role = ROLE_REPORTER;
	u->active = sqlite3_column_int(st, 3) != 0;
	free(role);
}

bool store_user_get(Store *s, const char *login, User *out, bool *found)
{
	sqlite3_stmt *st = store_prep(s,
		"SELECT login, name, role, active FROM users WHERE login = ?", "t", login);
	int rc;

	if (!st)
		return false;
	rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (*found)
		read_user(st, out);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? true : store_fail(s, "read users");
}

bool store_user_insert(Store *s, const char *login, const char *name, Role role, int64_t now)
{
	return store_exec_stmt(s, store_prep(s,
		"INSERT INTO users(login, name, role, active, created_at) VALUES (?, ?, ?, 1, ?)",
		"ttti", login, name, role_name(role), now), "add the user");
}

bool store_user_update(Store *s, const char *login, Role role, bool active)
{
	return store_exec_stmt(s, store_prep(s,
		"UPDATE users SET role = ?, active = ? WHERE login = ?", "tit",
		role_name(role), (int64_t)active, login), "change the user");
}

bool store_users(Store *s, UserList *out)
{
	sqlite3_stmt *st = store_prep(s,
		"SELECT login, name, role, active FROM users ORDER BY login", "");
	int rc;

	if (!st)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		read_user(st, user_list_push(out));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? true : store_fail(s, "read users");
}

bool store_count_admins(Store *s, int64_t *n)
{
	return store_int(s, store_prep(s,
		"SELECT count(*) FROM users WHERE role = 'admin' AND active", ""), n, "count admins");
}
