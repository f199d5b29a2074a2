/*
 * model.h: the language model of Vietnamese news (dict/news.lm), read by memory mapping.
 *
 * The model counts lower-case NFC tokens (in the form model_key gives) (syllables, foreign words, names) and pairs of
 * neighbouring tokens in a large body of published news, pruned so that nothing seen fewer
 * than a few times is kept. Token 0 is the boundary (start or end of a sentence, or any
 * punctuation between two words), token 1 stands for every number.
 *
 * The file is little-endian whatever the machine, and every field is read byte by byte, so
 * one file serves every machine. Layout (offsets in bytes, each section 8-aligned):
 *
 *	0   "TSLM"            magic
 *	4   u32 version       MODEL_VERSION
 *	8   u32 nvocab        tokens (at most 65534)
 *	12  u32 nbigram       pairs
 *	16  u32 nslots        hash slots, a power of two > nvocab
 *	20  u32 pool          bytes of token text
 *	24  u64 tokens        tokens counted in training
 *	32  u64 checksum      model_checksum of bytes [64, size)
 *	40  u32 min_count     the pruning threshold
 *	44  u32 nneighbour    entries of the neighbour lists
 *	48  ... zero up to 64
 *	then: u16 slot[nslots] (token id + 1, 0 empty; FNV-1a 32 of the text, linear probing),
 *	      u32 text_off[nvocab + 1], u32 count[nvocab], u8 capital[nvocab] (share of
 *	      occurrences inside a sentence written with a capital, 0..255), u32 row[nvocab + 1]
 *	      (pairs starting with token i are next[row[i] .. row[i+1])), u16 next[nbigram]
 *	      (sorted within a row), u16 pair_count[nbigram] (saturating), the token text,
 *	      u32 nb_row[nvocab + 1] (token i's one-edit neighbours in the model, see
 *	      neighbour.c, are nb_id[nb_row[i] .. nb_row[i+1])), u16 nb_id[nneighbour],
 *	      u8 nb_kind[nneighbour] (NB_* of spell/internal.h), u16 most_from[nvocab] and
 *	      u16 most_to[nvocab] (the largest pair_count among the pairs token i begins, and
 *	      among those it ends; 0 for none).
 */
#ifndef SPELL_MODEL_H
#define SPELL_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/str.h"

#define MODEL_VERSION 2
#define MODEL_HEADER 64
#define MODEL_MAX_VOCAB 65534
#define MODEL_BOUNDARY 0 /* token id of a sentence boundary */
#define MODEL_NUMBER 1   /* token id of any number */
#define MODEL_NONE 0xFFFF /* no such token */

typedef struct Model Model;

/*
 * Maps the model file at path. Returns NULL with a message in err ("'PATH': what is wrong")
 * for a file that is missing, truncated, of another version or damaged (checksum).
 */
Model *model_open(const char *path, char *err, size_t errlen);
void model_free(Model *m);

/* The id of the lower-case NFC token s, or MODEL_NONE. */
uint16_t model_id(const Model *m, const char *s, size_t len);

/* The token text of id (not NUL-terminated) and its length. */
const char *model_text(const Model *m, uint16_t id, size_t *len);

/* How often token id was seen (0 for MODEL_NONE). */
uint32_t model_count(const Model *m, uint16_t id);

/* The share of id's occurrences inside a sentence that were capitalised, 0..255. */
unsigned model_capital(const Model *m, uint16_t id);

/* How often the pair a b was seen (0 when pruned or never; saturates at 65535). */
uint32_t model_pair(const Model *m, uint16_t a, uint16_t b);

/*
 * What model_pair(a, x) can be at most for any x (model_most_from) and model_pair(x, b) for
 * any x (model_most_to), read without searching a row: 65535 for an id the model lacks.
 */
uint32_t model_most_from(const Model *m, uint16_t a);
uint32_t model_most_to(const Model *m, uint16_t b);

/*
 * The one-edit neighbours of token id that the model holds (worked out when it was built):
 * returns how many, with their ids in *ids and kinds of edit in *kinds (read them with
 * model_neighbour; an id no token has, in a file made by hand, reads as MODEL_NONE, and a
 * kind no slip has as 0).
 */
size_t model_neighbours(const Model *m, uint16_t id, size_t *first);
void model_neighbour(const Model *m, size_t k, uint16_t *id, uint8_t *kind);

/* Tokens counted in training, and the number of distinct tokens. */
uint64_t model_tokens(const Model *m);
size_t model_vocab(const Model *m);
size_t model_pairs(const Model *m);

/* The file's checksum function over data[0, len): 64-bit words, little-endian. */
uint64_t model_checksum(const unsigned char *data, size_t len);

/*
 * Appends the form the model keeps of word w: lower case, an oa/oe/uy syllable in the old
 * tone placement (hoà and hòa are one token), a consonant and lone i/y with y after qu and
 * i elsewhere (quí and quý, lí and lý are one token). Returns true when w is a well-formed
 * Vietnamese syllable.
 */
bool model_key(const char *w, size_t len, Str *out);

/* FNV-1a 32 of s: the slot hash. */
uint32_t model_hash(const char *s, size_t len);

#endif
