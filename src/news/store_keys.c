/*
 * store_keys.c: the keys table, from which the service account's authorized_keys is written.
 */
#include "news/store.h"

#include <stdlib.h>

#include "base/xalloc.h"
#include "news/store_int.h"
#include "base/banned.h"

#define KEY_COLUMNS "login, type, blob, comment, fingerprint, added_by, at"

static void read_key(sqlite3_stmt *st, KeyRecord *k)
{
	k->login = store_col_text(st, 0);
	k->type = store_col_text(st, 1);
	k->blob = store_col_text(st, 2);
	k->comment = store_col_text(st, 3);
	k->fingerprint = store_col_text(st, 4);
	k->added_by = store_col_text(st, 5);
	k->at = sqlite3_column_int64(st, 6);
}

bool store_key_add(Store *s, const KeyRecord *k, int64_t now)
{
	return store_exec_stmt(s, store_prep(s,
		"INSERT INTO keys(" KEY_COLUMNS ") VALUES (?, ?, ?, ?, ?, ?, ?)", "tttttti",
		k->login, k->type, k->blob, k->comment, k->fingerprint, k->added_by, now),
		"add the key");
}

bool store_key_get(Store *s, const char *fingerprint, KeyRecord *out, bool *found)
{
	sqlite3_stmt *st = store_prep(s,
		"SELECT " KEY_COLUMNS " FROM keys WHERE fingerprint = ?", "t", fingerprint);
	int rc;

	if (!st)
		return false;
	rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (*found)
		read_key(st, out);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? true : store_fail(s, "read keys");
}

bool store_keys(Store *s, const char *login, KeyList *out)
{
	sqlite3_stmt *st = login
		? store_prep(s, "SELECT " KEY_COLUMNS " FROM keys WHERE login = ? ORDER BY at, "
			     "fingerprint", "t", login)
		: store_prep(s, "SELECT k.login, k.type, k.blob, k.comment, k.fingerprint, "
			     "k.added_by, k.at FROM keys k JOIN users u ON u.login = k.login "
			     "WHERE u.active ORDER BY k.login, k.at, k.fingerprint", "");
	int rc;

	if (!st)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		read_key(st, key_list_push(out));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? true : store_fail(s, "read keys");
}

bool store_key_remove(Store *s, const char *login, const char *fingerprint, int64_t *n)
{
	if (!store_exec_stmt(s, store_prep(s,
		"DELETE FROM keys WHERE login = ? AND fingerprint = ?", "tt", login, fingerprint),
		"remove the key"))
		return false;
	*n = sqlite3_changes(s->db);
	return true;
}

bool store_keys_drop(Store *s, const char *login, int64_t *n)
{
	if (!store_exec_stmt(s, store_prep(s, "DELETE FROM keys WHERE login = ?", "t", login),
			     "remove the keys"))
		return false;
	*n = sqlite3_changes(s->db);
	return true;
}
