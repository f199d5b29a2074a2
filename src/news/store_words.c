/*
 * store_words.c: the newsroom dictionary and the syllable bigram counts of published text.
 */
#include "news/store.h"

#include <stdlib.h>

#include "base/xalloc.h"
#include "news/store_int.h"
#include "base/banned.h"

bool store_words(Store *s, char ***words, size_t *n)
{
	sqlite3_stmt *st = store_prep(s, "SELECT word FROM words ORDER BY word", "");
	size_t cap = 0;
	int rc;

	*words = NULL;
	*n = 0;
	if (!st)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		xgrow(words, &cap, *n + 1, sizeof(**words));
		(*words)[(*n)++] = store_col_text(st, 0);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? true : store_fail(s, "read the dictionary");
}

bool store_word_add(Store *s, const char *word, const char *by, int64_t now, bool *added)
{
	if (!store_exec_stmt(s, store_prep(s,
		"INSERT OR IGNORE INTO words(word, added_by, at) VALUES (?, ?, ?)", "tti",
		word, by, now), "add the word"))
		return false;
	*added = sqlite3_changes(s->db) > 0;
	return true;
}

bool store_word_remove(Store *s, const char *word, bool *removed)
{
	if (!store_exec_stmt(s, store_prep(s, "DELETE FROM words WHERE word = ?", "t", word),
			     "remove the word"))
		return false;
	*removed = sqlite3_changes(s->db) > 0;
	return true;
}

bool store_bigram_add(Store *s, const char *pair, int64_t n)
{
	if (!store_exec_stmt(s, store_prep(s,
		"INSERT INTO bigrams(pair, n) VALUES (?, ?) "
		"ON CONFLICT(pair) DO UPDATE SET n = n + excluded.n", "ti", pair, n),
		"count syllable pairs"))
		return false;
	return store_exec_stmt(s, store_prep(s, "DELETE FROM bigrams WHERE pair = ? AND n <= 0",
					     "t", pair), "count syllable pairs");
}

bool store_bigrams_add(Store *s, char *const *pairs, size_t n)
{
	sqlite3_stmt *st = store_prep(s, "INSERT INTO bigrams(pair, n) VALUES (?, 1) "
				      "ON CONFLICT(pair) DO UPDATE SET n = n + 1", "");
	int rc = SQLITE_DONE;

	if (!st)
		return false;
	for (size_t i = 0; i < n && rc == SQLITE_DONE; i++) {
		sqlite3_bind_text(st, 1, pairs[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? true : store_fail(s, "count syllable pairs");
}

bool store_bigrams(Store *s, void (*each)(const char *pair, int64_t n, void *ud), void *ud)
{
	sqlite3_stmt *st = store_prep(s, "SELECT pair, n FROM bigrams", "");
	int rc;

	if (!st)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		each((const char *)sqlite3_column_text(st, 0), sqlite3_column_int64(st, 1), ud);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? true : store_fail(s, "read syllable pairs");
}

bool store_pair_lookup(Store *s, PairQuery q, const char *key, int64_t *n)
{
	static const char *const sql[] = {
		[PAIR_COUNT] = "SELECT coalesce(max(n), 0) FROM bigrams WHERE pair = ?1",
		[PAIR_FIRST] = "SELECT coalesce(max(n), 0) FROM bigrams "
			       "WHERE substr(pair, 1, instr(pair, ' ') - 1) = ?1",
		[PAIR_SECOND] = "SELECT coalesce(max(n), 0) FROM bigrams "
				"WHERE substr(pair, instr(pair, ' ') + 1) = ?1",
	};
	sqlite3_stmt *st;
	int rc;

	if (!s->pair_st[q] &&
	    sqlite3_prepare_v2(s->db, sql[q], -1, &s->pair_st[q], NULL) != SQLITE_OK)
		return store_fail(s, "read syllable pairs");
	st = s->pair_st[q];
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? true : store_fail(s, "read syllable pairs");
}
