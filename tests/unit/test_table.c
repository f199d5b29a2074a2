/*
 * test_table.c: the checker's compact tables: the hash table of words (keys by reference into
 * 64 KB blocks, 16-byte slots) against a plain list of what was put, through growth, deletion
 * and clearing; and the English sieve, which may never turn away a word the English
 * dictionary knows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "spell/internal.h"

#define NKEYS 30000

static void key_name(int i, char *buf, size_t cap)
{
	/* short syllables, longer words, and keys that differ only in their last bytes */
	snprintf(buf, cap, i % 3 == 0 ? "k%d" : i % 3 == 1 ? "người-%d-dân" : "%d-xxxxxxxxxxxxxxxx",
		 i);
}

START_TEST(table_keeps_every_key_through_growth_and_deletion)
{
	Table t;
	char k[64];
	uint64_t v;

	table_init(&t);
	for (int i = 0; i < NKEYS; i++) {
		key_name(i, k, sizeof k);
		table_put(&t, k, strlen(k), (uint64_t)i * 7);
	}
	ck_assert_uint_eq(t.n, NKEYS);
	for (int i = 0; i < NKEYS; i += 2) { /* every other key goes */
		key_name(i, k, sizeof k);
		ck_assert(table_del(&t, k, strlen(k)));
		ck_assert(!table_del(&t, k, strlen(k)));
	}
	for (int i = 0; i < NKEYS; i++) {
		key_name(i, k, sizeof k);
		bool there = table_get(&t, k, strlen(k), &v);
		ck_assert_msg(there == (i % 2 == 1), "key %s", k);
		if (there)
			ck_assert_uint_eq(v, (uint64_t)i * 7);
	}
	/* a prefix of a stored key, and the key with one byte more, are other keys */
	ck_assert(!table_get(&t, "người-1-dâ", strlen("người-1-dâ"), NULL));
	ck_assert(!table_get(&t, "người-1-dânx", strlen("người-1-dânx"), NULL));
	table_put(&t, "k3", 2, 99); /* a value set again */
	ck_assert(table_get(&t, "k3", 2, &v) && v == 99);
	ck_assert_uint_eq(t.n, NKEYS / 2);
	/* the walk meets every key once, with its value */
	size_t seen = 0;
	const char *key;
	for (size_t pos = 0; table_next(&t, &pos, &key, &v); seen++) {
		uint64_t again;
		ck_assert(table_get(&t, key, strlen(key), &again) && again == v);
	}
	ck_assert_uint_eq(seen, NKEYS / 2);
	table_release(&t);
}
END_TEST

/* Room made ahead is room for that many keys without growing; past it the table grows and
 * keeps every key, and a clear keeps the room. */
START_TEST(table_reserve_makes_room_and_keeps_keys)
{
	Table t;
	char k[64];
	uint64_t v;

	table_init(&t);
	table_reserve(&t, 100);
	size_t cap = t.cap;
	ck_assert_uint_ge(cap, 100);
	for (int i = 0; i < 100; i++) {
		key_name(i, k, sizeof k);
		table_put(&t, k, strlen(k), (uint64_t)i);
	}
	ck_assert_uint_eq(t.cap, cap); /* no growth within the room made */
	for (int i = 100; i < NKEYS; i++) {
		key_name(i, k, sizeof k);
		table_put(&t, k, strlen(k), (uint64_t)i);
	}
	ck_assert_uint_gt(t.cap, cap);
	for (int i = 0; i < NKEYS; i++) {
		key_name(i, k, sizeof k);
		ck_assert_msg(table_get(&t, k, strlen(k), &v) && v == (uint64_t)i, "key %s", k);
	}
	table_reserve(&t, 10); /* less than there is: nothing shrinks, nothing is lost */
	ck_assert_uint_eq(t.n, NKEYS);
	table_clear(&t);
	ck_assert(!table_get(&t, "k0", 2, NULL));
	table_release(&t);
}
END_TEST

START_TEST(table_holds_long_and_empty_keys)
{
	Table t;
	size_t big = 200000;
	char *long_key = malloc(big);
	uint64_t v = 0;

	memset(long_key, 'a', big);
	table_init(&t);
	table_put(&t, "", 0, 1);
	table_put(&t, long_key, big, 2);
	table_put(&t, "after", 5, 3); /* a short key after a block of its own */
	table_put(&t, long_key, big - 1, 4);
	ck_assert(table_get(&t, "", 0, &v) && v == 1);
	ck_assert(table_get(&t, long_key, big, &v) && v == 2);
	ck_assert(table_get(&t, "after", 5, &v) && v == 3);
	ck_assert(table_get(&t, long_key, big - 1, &v) && v == 4);
	table_clear(&t);
	ck_assert(!table_get(&t, "after", 5, NULL));
	table_put(&t, "again", 5, 5);
	ck_assert(table_get(&t, "again", 5, &v) && v == 5);
	table_release(&t);
	free(long_key);
}
END_TEST

/* A key hashed once for a lookup and an insertion is found by the plain calls, and back. */
START_TEST(table_hashed_calls_agree_with_plain_ones)
{
	Table t;
	char buf[64];
	uint64_t v = 0;

	table_init(&t);
	for (int i = 0; i < NKEYS; i++) {
		key_name(i, buf, sizeof(buf));
		uint64_t h = table_hash(buf, strlen(buf));
		ck_assert(!table_get_hashed(&t, buf, strlen(buf), h, NULL));
		if (i % 2)
			table_put_hashed(&t, buf, strlen(buf), h, (uint64_t)i);
		else
			table_put(&t, buf, strlen(buf), (uint64_t)i);
	}
	for (int i = 0; i < NKEYS; i++) {
		key_name(i, buf, sizeof(buf));
		ck_assert(table_get(&t, buf, strlen(buf), &v) && v == (uint64_t)i);
		ck_assert(table_get_hashed(&t, buf, strlen(buf), table_hash(buf, strlen(buf)), &v) &&
			v == (uint64_t)i);
	}
	ck_assert_uint_eq(t.n, NKEYS);
	table_release(&t);
}
END_TEST

/* The installed en_US: every word of its list and their usual forms pass the sieve, and a
 * word the sieve turns away is one the dictionary rejects. */
START_TEST(sieve_never_turns_away_an_english_word)
{
	const char *aff = "/usr/share/hunspell/en_US.aff", *dic = "/usr/share/hunspell/en_US.dic";
	static const char *const forms[] = {"walked", "companies", "Internet", "EMAIL", "unhappy",
		"reopened", "quickly", "children", "café"};
	static const char *const typos[] = {"rawngf", "ddoocj", "chawtj", "nguyeen", "ngưoì",
		"miệg", "xyzzyqw"};
	if (access(aff, R_OK) != 0 || access(dic, R_OK) != 0)
		return; /* no English dictionary: the sieve is never built */
	EnglishSieve *s = sieve_build(aff, dic);
	Hunhandle *h = Hunspell_create(aff, dic);
	ck_assert_ptr_nonnull(s);
	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++)
		if (Hunspell_spell(h, forms[i]))
			ck_assert_msg(sieve_may_hold(s, forms[i], strlen(forms[i])), "%s", forms[i]);
	for (size_t i = 0; i < sizeof typos / sizeof *typos; i++) {
		ck_assert(!Hunspell_spell(h, typos[i]));
		ck_assert_msg(!sieve_may_hold(s, typos[i], strlen(typos[i])), "%s", typos[i]);
	}
	/* what the dictionary's own rules decide (digits, apostrophes) always goes to it */
	ck_assert(sieve_may_hold(s, "21st", 4) && sieve_may_hold(s, "don't", 5));
	FILE *f = fopen(dic, "r");
	char line[256];
	int n = 0;
	ck_assert_ptr_nonnull(f);
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "/\n")] = '\0';
		if (n++ && Hunspell_spell(h, line))
			ck_assert_msg(sieve_may_hold(s, line, strlen(line)), "%s", line);
	}
	fclose(f);
	Hunspell_destroy(h);
	sieve_free(s);
}
END_TEST

static Suite *table_suite(void)
{
	Suite *s = suite_create("table");
	ADD_TEST(s, table_keeps_every_key_through_growth_and_deletion);
	ADD_TEST(s, table_reserve_makes_room_and_keeps_keys);
	ADD_TEST(s, table_holds_long_and_empty_keys);
	ADD_TEST(s, table_hashed_calls_agree_with_plain_ones);
	ADD_TEST(s, sieve_never_turns_away_an_english_word);
	return s;
}

CHECK_MAIN(table_suite)
