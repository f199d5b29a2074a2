/*
 * table.c: open addressing with linear probing; the capacity is a power of two and the table
 * is never more than half full, so probes stay short and an empty slot always ends a search.
 * Deletion shifts the following cluster back (no tombstones), which keeps that invariant.
 * Key bytes live in 64 KB blocks listed by the table, each after its length; a slot holds the
 * block and offset in 32 bits and the hash's low 32 bits (all a probe and a growth need). A
 * deleted key's bytes stay in its block until the table is cleared (deletions are rare:
 * newsroom words removed by hand).
 */
#include "spell/table.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "base/banned.h"

#define BLOCK 65536 /* bytes of keys a block holds; a longer key has a block of its own */
#define MAX_BLOCKS 65535

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

/* A copy of key (its length, its bytes, a NUL) in the table's blocks; its reference. */
static uint32_t store_key(Table *t, const char *key, size_t len)
{
	size_t need = 4 + len + 1;
	uint32_t len32 = (uint32_t)len;
	char *k;

	if (len > UINT32_MAX - 8)
		fatal("table: a key of %zu bytes", len);
	if (!t->nblocks || t->used + need > BLOCK) {
		if (t->nblocks >= MAX_BLOCKS)
			fatal("table: more than %d blocks of keys", MAX_BLOCKS);
		xgrow(&t->blocks, &t->blockcap, t->nblocks + 1, sizeof(*t->blocks));
		t->blocks[t->nblocks++] = xmalloc(need > BLOCK ? need : BLOCK);
		t->used = 0;
	}
	k = t->blocks[t->nblocks - 1] + t->used;
	memcpy(k, &len32, 4);
	memcpy(k + 4, key, len);
	k[4 + len] = '\0';
	t->used += need;
	return (uint32_t)(((t->nblocks - 1) << 16 | (k - t->blocks[t->nblocks - 1])) + 1);
}

/* The stored key a slot refers to, and its length. */
static const char *key_of(const Table *t, uint32_t ref, size_t *len)
{
	const char *k = t->blocks[(ref - 1) >> 16] + ((ref - 1) & 0xFFFF);
	uint32_t len32;

	memcpy(&len32, k, 4);
	*len = len32;
	return k + 4;
}

void table_init(Table *t)
{
	memset(t, 0, sizeof(*t));
}

void table_clear(Table *t)
{
	for (size_t i = 0; i < t->nblocks; i++)
		free(t->blocks[i]);
	free(t->blocks);
	t->blocks = NULL;
	t->nblocks = t->blockcap = t->used = 0;
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

	while (t->slots[i].ref) {
		const TableSlot *s = &t->slots[i];
		if (s->hash == (uint32_t)h) {
			size_t kl;
			const char *k = key_of(t, s->ref, &kl);
			if (kl == len && memcmp(k, key, len) == 0)
				return i;
		}
		i = (i + 1) & mask;
	}
	return i;
}

bool table_get_hashed(const Table *t, const char *key, size_t len, uint64_t h, uint64_t *value)
{
	size_t i;

	if (t->n == 0)
		return false;
	i = find(t, key, len, h);
	if (!t->slots[i].ref)
		return false;
	if (value)
		*value = t->slots[i].value;
	return true;
}

bool table_get(const Table *t, const char *key, size_t len, uint64_t *value)
{
	return t->n && table_get_hashed(t, key, len, hash_bytes(key, len), value);
}

/* Twice the slots; a stored key is placed again by its hash's low bits alone. */
static void grow(Table *t)
{
	TableSlot *old = t->slots;
	size_t oldcap = t->cap;

	t->cap = oldcap ? oldcap * 2 : 64;
	t->slots = xcalloc(t->cap, sizeof(*t->slots));
	for (size_t i = 0; i < oldcap; i++) {
		if (old[i].ref) {
			size_t j = old[i].hash & (t->cap - 1);
			while (t->slots[j].ref)
				j = (j + 1) & (t->cap - 1);
			t->slots[j] = old[i];
		}
	}
	free(old);
}

void table_reserve(Table *t, size_t n)
{
	size_t cap = 64;

	while (cap < 2 * n)
		cap *= 2;
	if (cap <= t->cap)
		return;
	if (t->n == 0) {
		free(t->slots);
		t->slots = xcalloc(cap, sizeof(*t->slots));
		t->cap = cap;
		return;
	}
	while (t->cap < cap)
		grow(t);
}

void table_put(Table *t, const char *key, size_t len, uint64_t value)
{
	table_put_hashed(t, key, len, hash_bytes(key, len), value);
}

void table_put_hashed(Table *t, const char *key, size_t len, uint64_t h, uint64_t value)
{
	size_t i;

	if ((t->n + 1) * 2 > t->cap)
		grow(t);
	i = find(t, key, len, h);
	if (!t->slots[i].ref) {
		t->slots[i].ref = store_key(t, key, len);
		t->slots[i].hash = (uint32_t)h;
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
	if (!t->slots[i].ref)
		return false;
	t->slots[i].ref = 0;
	t->n--;
	/* Shift back the rest of the cluster so that no search stops early. */
	for (j = (i + 1) & mask; t->slots[j].ref; j = (j + 1) & mask) {
		size_t home = t->slots[j].hash & mask;
		bool between = i <= j ? (home > i && home <= j) : (home > i || home <= j);
		if (!between) {
			t->slots[i] = t->slots[j];
			t->slots[j].ref = 0;
			i = j;
		}
	}
	return true;
}

bool table_next(const Table *t, size_t *pos, const char **key, uint64_t *value)
{
	for (; *pos < t->cap; (*pos)++) {
		const TableSlot *s = &t->slots[*pos];
		if (s->ref) {
			size_t len;
			*key = key_of(t, s->ref, &len);
			*value = s->value;
			(*pos)++;
			return true;
		}
	}
	return false;
}
