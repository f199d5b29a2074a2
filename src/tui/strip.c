/*
 * strip.c: the table of drawn strips, a few per screen row (the text and the pane share a
 * row when the pane stands beside the text). A strip's entry holds its columns and the key
 * it was drawn under; drawing any cell of it outside strip_begin/strip_end removes the entry,
 * so a prompt, a message or another screen drawn over a strip makes it draw again. Keys are a
 * 64-bit multiplicative hash of the bytes the caller feeds in (eight at a time, the tail as
 * FNV-1a): a changed row is missed only on a collision.
 */
#include "tui/strip.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "base/banned.h"

#define PER_ROW 8

typedef struct Strip {
	int x, w;     /* columns; w == 0: the entry is free */
	uint64_t key;
} Strip;

static Strip *table;      /* rows * PER_ROW entries */
static int rows;
static size_t cap;
static int open_y = -1;   /* the strip being drawn, between strip_begin and strip_end */
static Strip open_strip;
static uint64_t losses;   /* entries dropped other than to be drawn again at their columns */

uint64_t strip_hash(uint64_t key, const void *data, size_t len)
{
	const unsigned char *p = data;
	for (; len >= 8; p += 8, len -= 8) { /* eight bytes a step: a row is hashed per key */
		uint64_t v;
		memcpy(&v, p, 8);
		key = (key ^ v) * UINT64_C(0x9e3779b97f4a7c15);
		key ^= key >> 29;
	}
	for (size_t i = 0; i < len; i++)
		key = (key ^ p[i]) * UINT64_C(0x100000001b3);
	return key;
}

uint64_t strip_hash_int(uint64_t key, int64_t v)
{
	return strip_hash(key, &v, sizeof v);
}

uint64_t strip_losses(void)
{
	return losses;
}

void strip_forget(void)
{
	losses++;
	if (table)
		memset(table, 0, (size_t)rows * PER_ROW * sizeof *table);
	open_y = -1;
}

/* Removes row y's entries that share a column with [x, x + w); with own, the entry at
 * exactly those columns is being drawn again, not lost. */
static void drop_overlapping(int y, int x, int w, bool own)
{
	Strip *s = table + (size_t)y * PER_ROW;
	for (int i = 0; i < PER_ROW; i++)
		if (s[i].w && s[i].x < (long long)x + w && x < s[i].x + s[i].w) {
			if (!own || s[i].x != x || s[i].w != w)
				losses++;
			s[i].w = 0;
		}
}

void strip_touched(int y, int x, int w)
{
	if (!table || y < 0 || y >= rows || w <= 0)
		return;
	if (y == open_y && x >= open_strip.x && (long long)x + w <= open_strip.x + open_strip.w)
		return; /* the strip being drawn */
	drop_overlapping(y, x, w, false);
}

void strip_move(int from_y, int to_y, int x, int w)
{
	if (!table || to_y < 0 || to_y >= rows || w <= 0)
		return;
	drop_overlapping(to_y, x, w, false);
	if (from_y < 0 || from_y >= rows)
		return;
	Strip *from = table + (size_t)from_y * PER_ROW, *to = table + (size_t)to_y * PER_ROW;
	for (int i = 0; i < PER_ROW; i++)
		if (from[i].w == w && from[i].x == x)
			for (int j = 0; j < PER_ROW; j++)
				if (!to[j].w) {
					to[j] = from[i];
					return;
				}
}

bool strip_begin(int y, int x, int w, uint64_t key)
{
	bool intact;
	uint64_t was;
	return strip_begin_over(y, x, w, key, &intact, &was);
}

bool strip_begin_over(int y, int x, int w, uint64_t key, bool *intact, uint64_t *was)
{
	*intact = false;
	*was = 0;
	if (y < 0 || w <= 0)
		return true;
	if (y >= rows) {
		xgrow(&table, &cap, (size_t)(y + 1) * PER_ROW, sizeof *table);
		memset(table + (size_t)rows * PER_ROW, 0,
		       (size_t)(y + 1 - rows) * PER_ROW * sizeof *table);
		rows = y + 1;
	}
	Strip *s = table + (size_t)y * PER_ROW;
	for (int i = 0; i < PER_ROW; i++)
		if (s[i].w == w && s[i].x == x) {
			if (s[i].key == key)
				return false;
			*intact = true;
			*was = s[i].key;
		}
	drop_overlapping(y, x, w, true);
	open_y = y;
	open_strip = (Strip){x, w, key};
	return true;
}

void strip_end(void)
{
	if (open_y < 0)
		return;
	Strip *s = table + (size_t)open_y * PER_ROW;
	int free_at = 0;
	for (int i = 0; i < PER_ROW; i++)
		if (!s[i].w) {
			free_at = i;
			break;
		}
	s[free_at] = open_strip;
	open_y = -1;
}
