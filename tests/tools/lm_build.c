/*
 * lm_build: writes the checker's language model (see src/spell/model.h) from plain text.
 *
 *	lm_build [--min N] [-o FILE] TEXT
 *
 * TEXT holds one paragraph a line (NFC UTF-8; dict/build/build_model.py makes it from the
 * news corpus). Each line is read with the checker's own tokenizer, so the model's tokens
 * are exactly the words the checker will look up: words in lower case, every number as one
 * token, and a boundary token wherever anything but spaces separates two words. Tokens and
 * pairs seen fewer than N times (default 3) are dropped, and at most MODEL_MAX_VOCAB tokens
 * are kept, the most frequent first. The output is the same for the same input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "base/str.h"
#include "base/utf8.h"
#include "base/xalloc.h"
#include "spell/internal.h"
#include "spell/model.h"
#include "spell/table.h"
#include "spell/token.h"
#include "base/banned.h"

#define SEP 0xFFFFFFFFu /* a boundary in the token stream */

typedef struct Entry {
	char *text;
	size_t len;
	uint64_t count, capital;
	uint32_t id; /* final id, or MODEL_NONE */
} Entry;

typedef struct Build {
	Table index;      /* text -> temporary id */
	Entry *toks;
	size_t ntoks, cap;
	uint32_t *seq;    /* temporary ids and SEP */
	size_t nseq, seqcap;
	uint64_t nboundary;
} Build;

static uint32_t tok_id(Build *b, const char *s, size_t len)
{
	uint64_t v;

	if (table_get(&b->index, s, len, &v))
		return (uint32_t)v;
	xgrow(&b->toks, &b->cap, b->ntoks + 1, sizeof(*b->toks));
	b->toks[b->ntoks] = (Entry){xstrndup(s, len), len, 0, 0, MODEL_NONE};
	table_put(&b->index, s, len, b->ntoks);
	return (uint32_t)b->ntoks++;
}

static void emit(Build *b, uint32_t id)
{
	if (id == SEP && (b->nseq == 0 || b->seq[b->nseq - 1] == SEP))
		return;
	xgrow(&b->seq, &b->seqcap, b->nseq + 1, sizeof(*b->seq));
	b->seq[b->nseq++] = id;
}

/* One line: words and numbers into the stream, anything else a boundary. */
static void read_line(Build *b, const char *s, size_t len, Str *lo)
{
	size_t off = 0;
	bool inside = false; /* the last non-space token continues a sentence */

	emit(b, SEP);
	while (off < len) {
		Token t;
		off = token_next(s, len, off, &t);
		if (t.kind == TOK_SPACE)
			continue;
		if (t.kind == TOK_WORD) {
			uint32_t id;
			str_clear(lo);
			model_key(s + t.start, t.end - t.start, lo);
			id = tok_id(b, lo->s, lo->len);
			b->toks[id].count++;
			b->toks[id].capital += inside && (t.flags & TF_UPPER_FIRST);
			emit(b, id);
			inside = true;
		} else if (t.kind == TOK_NUMBER) {
			emit(b, tok_id(b, "<num>", 5));
			b->toks[tok_id(b, "<num>", 5)].count++;
			inside = true;
		} else {
			emit(b, SEP);
			inside = t.kind == TOK_PUNCT && (t.cp == ',' || t.cp == ';' || t.cp == '(' ||
			                                 t.cp == ')' || t.cp == '"' || t.cp == 0x201C ||
			                                 t.cp == 0x201D || t.cp == '-' || t.cp == 0x2013);
		}
	}
	emit(b, SEP);
}

static int by_count(const void *x, const void *y)
{
	const Entry *a = *(Entry *const *)x, *c = *(Entry *const *)y;
	int r;

	if (a->count != c->count)
		return a->count > c->count ? -1 : 1;
	r = memcmp(a->text, c->text, a->len < c->len ? a->len : c->len);
	return r ? r : (a->len < c->len ? -1 : a->len > c->len);
}

/* Final ids: boundary, number, then every token seen min times, most frequent first. */
static Entry **choose_vocab(Build *b, unsigned min, size_t *nvocab)
{
	Entry **all = xcalloc(b->ntoks + 2, sizeof(*all)), **v;
	static Entry boundary = {"<s>", 3, 0, 0, 0};
	size_t n = 0, k = 2;
	uint32_t num = tok_id(b, "<num>", 5);

	for (size_t i = 0; i < b->ntoks; i++)
		if (i != num && b->toks[i].count >= min)
			all[n++] = &b->toks[i];
	qsort(all, n, sizeof(*all), by_count);
	v = xcalloc(MODEL_MAX_VOCAB, sizeof(*v));
	boundary.count = b->nboundary;
	v[0] = &boundary;
	v[1] = &b->toks[num];
	b->toks[num].id = MODEL_NUMBER;
	for (size_t i = 0; i < n && k < MODEL_MAX_VOCAB; i++) {
		all[i]->id = (uint32_t)k;
		v[k++] = all[i];
	}
	free(all);
	*nvocab = k;
	return v;
}

typedef struct Pair {
	uint32_t key, count;
} Pair;

static int by_key(const void *x, const void *y)
{
	uint32_t a = ((const Pair *)x)->key, b = ((const Pair *)y)->key;
	return a < b ? -1 : a > b;
}

/* Final id of a stream entry (SEP is the boundary). */
static uint32_t final(const Build *b, uint32_t t)
{
	return t == SEP ? MODEL_BOUNDARY : b->toks[t].id;
}

/* Counts the pairs of kept tokens; returns those seen min times, sorted. */
static Pair *count_pairs(Build *b, unsigned min, size_t *npairs)
{
	size_t cap = (size_t)1 << 25, mask = cap - 1, n = 0;
	Pair *h = xcalloc(cap, sizeof(*h)), *out;

	for (size_t i = 0; i + 1 < b->nseq; i++) {
		uint32_t x = final(b, b->seq[i]), y = final(b, b->seq[i + 1]), key, j;
		if (x == MODEL_NONE || y == MODEL_NONE || (x == 0 && y == 0))
			continue;
		key = x << 16 | y;
		for (j = (uint32_t)((key * 2654435761u) & mask); h[j].count && h[j].key != key;
		     j = (uint32_t)((j + 1) & mask))
			;
		h[j].key = key;
		h[j].count++;
	}
	for (size_t i = 0; i < cap; i++)
		if (h[i].count >= min)
			h[n++] = h[i];
	out = xrealloc(h, (n ? n : 1) * sizeof(*h));
	qsort(out, n, sizeof(*out), by_key);
	*npairs = n;
	return out;
}

static void put16(Str *s, uint32_t v)
{
	str_addc(s, (char)(v & 0xFF));
	str_addc(s, (char)(v >> 8 & 0xFF));
}

static void put32(Str *s, uint32_t v)
{
	put16(s, v & 0xFFFF);
	put16(s, v >> 16);
}

static void put64(unsigned char *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static void pad8(Str *s)
{
	while (s->len % 8)
		str_addc(s, '\0');
}

static void write_vocab(Str *o, Entry **v, size_t nv, uint32_t nslots)
{
	uint16_t *slot = xcalloc(nslots, sizeof(*slot));
	uint32_t off = 0;

	for (size_t i = 0; i < nv; i++) {
		uint32_t j = model_hash(v[i]->text, v[i]->len) & (nslots - 1);
		while (slot[j])
			j = (j + 1) & (nslots - 1);
		slot[j] = (uint16_t)(i + 1);
	}
	for (uint32_t i = 0; i < nslots; i++)
		put16(o, slot[i]);
	pad8(o);
	for (size_t i = 0; i <= nv; i++) {
		put32(o, off);
		off += i < nv ? (uint32_t)v[i]->len : 0;
	}
	pad8(o);
	for (size_t i = 0; i < nv; i++)
		put32(o, v[i]->count > UINT32_MAX ? UINT32_MAX : (uint32_t)v[i]->count);
	pad8(o);
	for (size_t i = 0; i < nv; i++)
		str_addc(o, (char)(v[i]->count ? v[i]->capital * 255 / v[i]->count : 0));
	pad8(o);
	free(slot);
}

static void write_pairs(Str *o, const Pair *p, size_t np, size_t nv)
{
	size_t k = 0;

	for (size_t i = 0; i <= nv; i++) {
		while (k < np && (p[k].key >> 16) < i)
			k++;
		put32(o, (uint32_t)k);
	}
	pad8(o);
	for (size_t i = 0; i < np; i++)
		put16(o, p[i].key & 0xFFFF);
	pad8(o);
	for (size_t i = 0; i < np; i++)
		put16(o, p[i].count > 0xFFFF ? 0xFFFF : p[i].count);
	pad8(o);
}

/* Every token's one-edit neighbours among the kept tokens: ids and kinds of edit. */
static size_t write_neighbours(Str *o, Entry **v, size_t nv)
{
	Table ids;
	Str list = STR_INIT, kinds = STR_INIT, idbytes = STR_INIT;
	size_t n = 0;

	table_init(&ids);
	for (size_t i = 0; i < nv; i++)
		table_put(&ids, v[i]->text, v[i]->len, i);
	for (size_t i = 0; i < nv; i++) {
		size_t first = n;
		put32(o, (uint32_t)n);
		str_clear(&list);
		neighbour_list(v[i]->text, v[i]->len, &list);
		for (size_t k = 0; k < list.len; k += strlen(list.s + k) + 1) {
			uint64_t id;
			bool dup = !table_get(&ids, list.s + k + 1, strlen(list.s + k + 1), &id) || id == i;
			for (size_t j = first; !dup && j < n; j++)
				dup = (unsigned char)idbytes.s[2 * j] == (id & 0xFF) &&
				      (unsigned char)idbytes.s[2 * j + 1] == id >> 8;
			if (dup)
				continue;
			put16(&idbytes, (uint32_t)id);
			str_addc(&kinds, list.s[k]);
			n++;
		}
	}
	put32(o, (uint32_t)n);
	pad8(o);
	str_add(o, idbytes.s, idbytes.len);
	pad8(o);
	str_add(o, kinds.s, kinds.len);
	pad8(o);
	table_release(&ids);
	str_release(&list);
	str_release(&kinds);
	str_release(&idbytes);
	return n;
}

/* For every token, the largest (saturated) count among the pairs it begins, then among those
 * it ends: what the checker bounds a pair by before it searches the rows. */
static void write_most(Str *o, const Pair *p, size_t np, size_t nv)
{
	uint16_t *from = xcalloc(nv + 1, sizeof(*from)), *to = xcalloc(nv + 1, sizeof(*to));

	for (size_t i = 0; i < np; i++) {
		uint16_t c = p[i].count > 0xFFFF ? 0xFFFF : (uint16_t)p[i].count;
		uint32_t a = p[i].key >> 16, b = p[i].key & 0xFFFF;
		if (a < nv && c > from[a])
			from[a] = c;
		if (b < nv && c > to[b])
			to[b] = c;
	}
	for (size_t i = 0; i < nv; i++)
		put16(o, from[i]);
	pad8(o);
	for (size_t i = 0; i < nv; i++)
		put16(o, to[i]);
	pad8(o);
	free(from);
	free(to);
}

static bool write_model(const char *path, Build *b, Entry **v, size_t nv, const Pair *p,
	size_t np, unsigned min)
{
	Str o = STR_INIT;
	uint32_t nslots = 1, pool = 0;
	uint64_t tokens = 0;
	char err[512];
	size_t nnb;
	bool ok;

	while (nslots < nv * 2)
		nslots <<= 1;
	for (size_t i = 0; i < nv; i++)
		pool += (uint32_t)v[i]->len;
	for (size_t i = 0; i < b->nseq; i++)
		tokens += b->seq[i] != SEP;
	str_add(&o, "TSLM", 4);
	put32(&o, MODEL_VERSION);
	put32(&o, (uint32_t)nv);
	put32(&o, (uint32_t)np);
	put32(&o, nslots);
	put32(&o, pool);
	str_add(&o, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16); /* tokens, checksum: below */
	put32(&o, min);
	while (o.len < MODEL_HEADER)
		str_addc(&o, '\0');
	write_vocab(&o, v, nv, nslots);
	write_pairs(&o, p, np, nv);
	for (size_t i = 0; i < nv; i++)
		str_add(&o, v[i]->text, v[i]->len);
	pad8(&o);
	nnb = write_neighbours(&o, v, nv);
	write_most(&o, p, np, nv);
	for (int i = 0; i < 4; i++)
		o.s[44 + i] = (char)(nnb >> (8 * i));
	put64((unsigned char *)o.s + 24, tokens);
	put64((unsigned char *)o.s + 32,
		model_checksum((const unsigned char *)o.s + MODEL_HEADER, o.len - MODEL_HEADER));
	ok = file_write_atomic(path, o.s, o.len, err, sizeof(err));
	if (!ok)
		fprintf(stderr, "lm_build: %s\n", err);
	else
		fprintf(stderr, "lm_build: %s: %zu tokens counted, %zu kept, %zu pairs, %zu bytes\n",
			path, (size_t)tokens, nv, np, o.len);
	str_release(&o);
	return ok;
}

int main(int argc, char **argv)
{
	const char *in = NULL, *out = "news.lm";
	unsigned min = 3;
	Build b = {0};
	Str text = STR_INIT, lo = STR_INIT;
	char err[512];
	size_t nv, np, off = 0;
	Entry **v;
	Pair *p;
	bool ok;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--min") == 0 && i + 1 < argc)
			min = (unsigned)atoi(argv[++i]);
		else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			out = argv[++i];
		else
			in = argv[i];
	}
	if (!in || min < 1) {
		fprintf(stderr, "usage: lm_build [--min N] [-o FILE] TEXT\n");
		return 2;
	}
	if (!file_read(in, (size_t)4 << 30, &text, err, sizeof(err))) {
		fprintf(stderr, "lm_build: %s\n", err);
		return 1;
	}
	table_init(&b.index);
	while (off < text.len) {
		const char *nl = memchr(text.s + off, '\n', text.len - off);
		size_t end = nl ? (size_t)(nl - text.s) : text.len;
		read_line(&b, text.s + off, end - off, &lo);
		off = end + 1;
	}
	for (size_t i = 0; i < b.nseq; i++)
		b.nboundary += b.seq[i] == SEP;
	v = choose_vocab(&b, min, &nv);
	p = count_pairs(&b, min, &np);
	ok = write_model(out, &b, v, nv, p, np, min);
	return ok ? 0 : 1;
}
