/*
 * table.c: open addressing with linear probing; the capacity is a power of two and the table
 * is never more than half full, so probes stay short and an empty slot always ends a search.
 * Deletion shifts the following cluster back (no tombstones), which keeps that invariant.
 * Key bytes live in blocks chained from the table: a deleted key's bytes stay in its block
 * until the table is cleared (deletions are rare: newsroom words removed by hand).
 */
#include "spell/table.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "base/banned.h"

struct TableBlock {
	TableBlock *next;
	size_t used, cap;
	char data[];
};


static inline uint64_t mix(uint64_t h)
{
	h *= 0xFF51AFD7ED558CCDull;
	return h ^ (h >> 32);
}

/*
 * Eight bytes at a time, the last eight read overlapping the ones before; short keys (most
 * syllables) in one or two loads. A final mix makes the low bits (the slot index) vary.
 */
static uint64_t hash_bytes(const char *s, size_t len)
{
	uint64_t h = 0x9E3779B97F4A7C15ull ^ len;

	if (len >= 8) {
		for (; len > 8; s += 8, len -= 8)
			h = mix(h ^ table_load8(s));
		h = mix(h ^ table_load8(s + len - 8));
	} else if (len >= 4) {
		h = mix(h ^ (table_load4(s) << 32 | table_load4(s + len - 4)));
	} else if (len > 0) {
		h = mix(h ^ ((uint64_t)(unsigned char)s[0] << 16 |
		             (uint64_t)(unsigned char)s[len / 2] << 8 | (unsigned char)s[len - 1]));
	}
	h ^= h >> 29;
	h *= 0xBF58476D1CE4E5B9ull;
	return h ^ (h >> 32);
}

uint64_t table_hash(const char *key, size_t len)
{
	return hash_bytes(key, len);
}

/* A copy of key (NUL-ended) in the table's blocks. */
static char *store_key(Table *t, const char *key, size_t len)
{
	TableBlock *b = t->blocks;
	char *k;

	if (!b || b->cap - b->used < len + 1) {
		size_t cap = len + 1 > 65536 ? len + 1 : 65536;
		b = xmalloc(sizeof(*b) + cap);
		b->next = t->blocks;
		b->used = 0;
		b->cap = cap;
		t->blocks = b;
	}
	k = b->data + b->used;
	memcpy(k, key, len);
	k[len] = '\0';
	b->used += len + 1;
	return k;
}

void table_init(Table *t)
{
	t->slots = NULL;
	t->blocks = NULL;
	t->cap = t->n = 0;
}

void table_clear(Table *t)
{
	while (t->blocks) {
		TableBlock *next = t->blocks->next;
		free(t->blocks);
		t->blocks = next;
	}
	if (t->slots)
		memset(t->slots, 0, t->cap * sizeof(*t->slots));
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
		t->slots[i].key = store_key(t, key, len);
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
