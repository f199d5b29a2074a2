/*
 * table.c: open addressing with linear probing; the capacity is a power of two and the table
 * is never more than half full, so probes stay short and an empty slot always ends a search.
 * Deletion shifts the following cluster back (no tombstones), which keeps that invariant.
 */
#include "spell/table.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "base/banned.h"

static uint64_t hash_bytes(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ull;

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h ^ (h >> 29);
}

void table_init(Table *t)
{
	t->slots = NULL;
	t->cap = t->n = 0;
}

void table_clear(Table *t)
{
	for (size_t i = 0; i < t->cap; i++) {
		free(t->slots[i].key);
		t->slots[i].key = NULL;
	}
	t->n = 0;
}

void table_release(Table *t)
{
	table_clear(t);
	free(t->slots);
	table_init(t);
}

static size_t find(const Table *t, const char *key, size_t len, uint64_t h)
{
	size_t mask = t->cap - 1, i = h & mask;

	while (t->slots[i].key) {
		const TableSlot *s = &t->slots[i];
		if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0)
			return i;
		i = (i + 1) & mask;
	}
	return i;
}

bool table_get(const Table *t, const char *key, size_t len, uint64_t *value)
{
	size_t i;

	if (t->n == 0)
		return false;
	i = find(t, key, len, hash_bytes(key, len));
	if (!t->slots[i].key)
		return false;
	if (value)
		*value = t->slots[i].value;
	return true;
}

static void grow(Table *t)
{
	TableSlot *old = t->slots;
	size_t oldcap = t->cap;

	t->cap = oldcap ? oldcap * 2 : 64;
	t->slots = xcalloc(t->cap, sizeof(*t->slots));
	for (size_t i = 0; i < oldcap; i++) {
		if (old[i].key) {
			size_t j = find(t, old[i].key, old[i].len, old[i].hash);
			t->slots[j] = old[i];
		}
	}
	free(old);
}

void table_put(Table *t, const char *key, size_t len, uint64_t value)
{
	uint64_t h = hash_bytes(key, len);
	size_t i;

	if ((t->n + 1) * 2 > t->cap)
		grow(t);
	i = find(t, key, len, h);
	if (!t->slots[i].key) {
		t->slots[i].key = xstrndup(key, len);
		t->slots[i].len = len;
		t->slots[i].hash = h;
		t->n++;
	}
	t->slots[i].value = value;
}

bool table_del(Table *t, const char *key, size_t len)
{
	size_t mask, i, j;

	if (t->n == 0)
		return false;
	mask = t->cap - 1;
	i = find(t, key, len, hash_bytes(key, len));
	if (!t->slots[i].key)
		return false;
	free(t->slots[i].key);
	t->slots[i].key = NULL;
	t->n--;
	/* Shift back the rest of the cluster so that no search stops early. */
	for (j = (i + 1) & mask; t->slots[j].key; j = (j + 1) & mask) {
		size_t home = t->slots[j].hash & mask;
		bool between = i <= j ? (home > i && home <= j) : (home > i || home <= j);
		if (!between) {
			t->slots[i] = t->slots[j];
			t->slots[j].key = NULL;
			i = j;
		}
	}
	return true;
}
