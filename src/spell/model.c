/*
 * model.c: the language model file, mapped read-only and checked once at open: the size of
 * every section against the file and the checksum. The offsets and ids inside are checked
 * where a lookup reads them (a comparison each, where a scan of every array at open would
 * read the whole file again at each start), so that a lookup never reads outside the mapping
 * whatever the file holds. Lookups are a hash probe for a token and a binary search in the
 * token's row for a pair.
 */
#include "spell/model.h"
#include "spell/internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "viet/syllable.h"
#include "base/banned.h"

struct Model {
	const unsigned char *map;
	size_t size;
	uint32_t nvocab, nbigram, nslots, pool, nnb;
	uint64_t tokens;
	const unsigned char *slot, *text_off, *count, *capital, *row, *next, *pcount, *text;
	const unsigned char *nb_row, *nb_id, *nb_kind, *most_from, *most_to;
};

static uint16_t le16(const unsigned char *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t le64(const unsigned char *p)
{
	return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

uint64_t model_checksum(const unsigned char *data, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ull;
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		h ^= le64(data + i);
		h *= 0x100000001b3ull;
		h ^= h >> 29;
	}
	for (; i < len; i++) {
		h ^= data[i];
		h *= 0x100000001b3ull;
	}
	return h ^ (h >> 32);
}

uint32_t model_hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

static size_t align8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

/* Sets the section pointers; false if the sections do not fit the file exactly. */
static bool layout(Model *m)
{
	size_t off = MODEL_HEADER, v = m->nvocab;
	const unsigned char **sec[] = {&m->slot, &m->text_off, &m->count, &m->capital, &m->row,
		&m->next, &m->pcount, &m->text, &m->nb_row, &m->nb_id, &m->nb_kind, &m->most_from,
		&m->most_to};
	size_t sizes[] = {2 * (size_t)m->nslots, 4 * (v + 1), 4 * v, v, 4 * (v + 1),
		2 * (size_t)m->nbigram, 2 * (size_t)m->nbigram, m->pool, 4 * (v + 1),
		2 * (size_t)m->nnb, m->nnb, 2 * v, 2 * v};

	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		if (off > m->size || sizes[i] > m->size - off)
			return false;
		*sec[i] = m->map + off;
		off = align8(off + sizes[i]);
	}
	return align8(m->size) == off || m->size == off;
}

static const char *check(Model *m)
{
	const unsigned char *h = m->map;

	if (m->size < MODEL_HEADER || memcmp(h, "TSLM", 4) != 0)
		return "not a toasoan language model";
	if (le32(h + 4) != MODEL_VERSION)
		return "a language model of another version";
	m->nvocab = le32(h + 8);
	m->nbigram = le32(h + 12);
	m->nslots = le32(h + 16);
	m->pool = le32(h + 20);
	m->tokens = le64(h + 24);
	m->nnb = le32(h + 44);
	if (m->nvocab < 2 || m->nvocab > MODEL_MAX_VOCAB || m->nslots <= m->nvocab ||
	    (m->nslots & (m->nslots - 1)) || !layout(m))
		return "the language model is truncated or malformed";
	if (model_checksum(h + MODEL_HEADER, m->size - MODEL_HEADER) != le64(h + 32))
		return "the language model is damaged (checksum mismatch)";
	return NULL;
}

Model *model_open(const char *path, char *err, size_t errlen)
{
	Model *m = xcalloc(1, sizeof(*m));
	const char *why = NULL;
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	void *map;

	if (fd < 0 || fstat(fd, &st) != 0) {
		snprintf(err, errlen, "cannot open '%s': %s", path, strerror(errno));
		goto fail;
	}
	m->size = (size_t)st.st_size;
	map = m->size ? mmap(NULL, m->size, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
	if (map == MAP_FAILED) {
		snprintf(err, errlen, "'%s': %s", path,
			m->size ? strerror(errno) : "not a toasoan language model");
		goto fail;
	}
	m->map = map;
	if ((why = check(m))) {
		snprintf(err, errlen, "'%s': %s", path, why);
		goto fail;
	}
	close(fd);
	return m;
fail:
	if (fd >= 0)
		close(fd);
	model_free(m);
	return NULL;
}

void model_free(Model *m)
{
	if (!m)
		return;
	if (m->map)
		munmap((void *)m->map, m->size);
	free(m);
}

const char *model_text(const Model *m, uint16_t id, size_t *len)
{
	uint32_t a, b;

	if (id >= m->nvocab) {
		*len = 0;
		return "";
	}
	a = le32(m->text_off + 4 * (size_t)id);
	b = le32(m->text_off + 4 * ((size_t)id + 1));
	if (a > b || b > m->pool) {
		*len = 0;
		return "";
	}
	*len = b - a;
	return (const char *)m->text + a;
}

uint16_t model_id(const Model *m, const char *s, size_t len)
{
	uint32_t mask = m->nslots - 1, i = model_hash(s, len) & mask;

	for (uint32_t probes = 0; probes < m->nslots; probes++, i = (i + 1) & mask) {
		uint16_t v = le16(m->slot + 2 * (size_t)i);
		size_t tl;
		const char *t;
		if (v == 0 || v > m->nvocab)
			return MODEL_NONE;
		t = model_text(m, (uint16_t)(v - 1), &tl);
		if (tl == len && memcmp(t, s, len) == 0)
			return (uint16_t)(v - 1);
	}
	return MODEL_NONE;
}

uint32_t model_count(const Model *m, uint16_t id)
{
	return id < m->nvocab ? le32(m->count + 4 * (size_t)id) : 0;
}

unsigned model_capital(const Model *m, uint16_t id)
{
	return id < m->nvocab ? m->capital[id] : 0;
}

uint32_t model_pair(const Model *m, uint16_t a, uint16_t b)
{
	uint32_t lo, hi;

	if (a >= m->nvocab || b >= m->nvocab)
		return 0;
	lo = le32(m->row + 4 * (size_t)a);
	hi = le32(m->row + 4 * ((size_t)a + 1));
	if (hi > m->nbigram)
		return 0;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		uint16_t v = le16(m->next + 2 * (size_t)mid);
		if (v == b)
			return le16(m->pcount + 2 * (size_t)mid);
		if (v < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

uint32_t model_most_from(const Model *m, uint16_t a)
{
	return a < m->nvocab ? le16(m->most_from + 2 * (size_t)a) : 0xFFFF;
}

uint32_t model_most_to(const Model *m, uint16_t b)
{
	return b < m->nvocab ? le16(m->most_to + 2 * (size_t)b) : 0xFFFF;
}

size_t model_neighbours(const Model *m, uint16_t id, size_t *first)
{
	uint32_t end;

	if (id >= m->nvocab) {
		*first = 0;
		return 0;
	}
	*first = le32(m->nb_row + 4 * (size_t)id);
	end = le32(m->nb_row + 4 * ((size_t)id + 1));
	if (*first > end || end > m->nnb) {
		*first = 0;
		return 0;
	}
	return end - *first;
}

void model_neighbour(const Model *m, size_t k, uint16_t *id, uint8_t *kind)
{
	*id = le16(m->nb_id + 2 * k);
	if (*id >= m->nvocab)
		*id = MODEL_NONE;
	*kind = m->nb_kind[k] < NB_KINDS ? m->nb_kind[k] : 0;
}

uint64_t model_tokens(const Model *m)
{
	return m->tokens;
}

size_t model_vocab(const Model *m)
{
	return m->nvocab;
}

size_t model_pairs(const Model *m)
{
	return m->nbigram;
}

/* True when syl is a consonant and a lone i or y (lí/lý, kĩ/kỹ, quí/quý); sets it to the
 * form the model keeps: y after qu, else i. */
static bool iy_canonical(Syllable *syl)
{
	int32_t *v = &syl->base[syl->vstart];
	int32_t want = syl->ninit == 2 && syl->base[0] == 'q' ? 'y' : 'i';

	if (syl->vend != syl->n || syl->vend != syl->vstart + 1 || syl->ninit == 0 ||
	    (*v != 'i' && *v != 'y') || syl->base[0] == 'g' || *v == want)
		return false;
	*v = want;
	return true;
}

bool model_key(const char *w, size_t len, Str *out)
{
	Str lo = STR_INIT;
	Syllable syl;
	bool ok, respelt = false;

	word_lower(w, len, &lo);
	ok = syllable_parse(str_cstr(&lo), lo.len, &syl) == SYL_OK;
	if (ok) {
		/* i/y first (it rewrites syl), then the new tone placement moves to the old one */
		bool changed = iy_canonical(&syl);
		if (changed || syllable_placement(&syl) == PLACE_NEW)
			respelt = syllable_respell(&syl, PLACE_OLD, out);
	}
	if (!respelt)
		str_add(out, str_cstr(&lo), lo.len);
	str_release(&lo);
	return ok;
}
