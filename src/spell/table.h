/*
 * table.h: a hash table from byte strings to a 64-bit value, for the checker's word sets,
 * verdict cache and bigram counts. Keys are copied into blocks the table owns (one
 * allocation per 64 KB of keys, not one per key) and slots refer to them by a 32-bit
 * number, so a slot takes 16 bytes; lookups take (pointer, length).
 */
#ifndef SPELL_TABLE_H
#define SPELL_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* 8 and 4 bytes of s as an integer, whatever the alignment: the hash and the verdict cache's
 * front both key short words by their bytes. */
static inline uint64_t table_load8(const char *s)
{
	uint64_t w;
	memcpy(&w, s, 8);
	return w;
}

static inline uint64_t table_load4(const char *s)
{
	uint32_t w;
	memcpy(&w, s, 4);
	return w;
}

/* 16 bytes a slot: the key by reference into the table's blocks, and the hash's low bits. */
typedef struct TableSlot {
	uint32_t ref;   /* 0: empty slot; else 1 + (block << 16 | offset) of the key */
	uint32_t hash;  /* the low 32 bits of the key's hash */
	uint64_t value;
} TableSlot;

typedef struct Table {
	TableSlot *slots;
	char **blocks;  /* the keys: each its length (4 bytes), its bytes and a NUL */
	size_t nblocks, blockcap;
	size_t used;    /* bytes used in the last block */
	size_t cap;     /* slots: a power of two, or 0 */
	size_t n;       /* keys stored */
} Table;

/* The hash the table files keys under (also for bit sets keyed like a table). */
uint64_t table_hash(const char *key, size_t len);

void table_init(Table *t);
void table_release(Table *t);   /* frees keys and slots; the table is empty again */
void table_clear(Table *t);     /* removes every key, keeps the slots */

/* True if key is present; *value (if not NULL) gets its value. */
bool table_get(const Table *t, const char *key, size_t len, uint64_t *value);

/* Makes room for n keys without growing (slots allocated, not yet touched when fresh). */
void table_reserve(Table *t, size_t n);

/* Sets key to value, adding it if absent. */
void table_put(Table *t, const char *key, size_t len, uint64_t value);

/* table_get and table_put given the key's table_hash, for a lookup and an insertion that
 * share one (a miss worked out and stored). */
bool table_get_hashed(const Table *t, const char *key, size_t len, uint64_t h, uint64_t *value);
void table_put_hashed(Table *t, const char *key, size_t len, uint64_t h, uint64_t value);

/* Removes key; false if it was absent. */
bool table_del(Table *t, const char *key, size_t len);

/*
 * Every key in turn, in no particular order: start with *pos = 0; true with the next key
 * (NUL-terminated, valid until the table changes) and its value, false after the last.
 */
bool table_next(const Table *t, size_t *pos, const char **key, uint64_t *value);

#endif
