/*
 * fuzz_model.c: libFuzzer target over the language model loader. The input is written as a
 * model file with its checksum made right (so the fuzzer gets past it to the structural
 * checks behind it), then opened; a file the loader accepts must answer every lookup inside
 * its mapping, and a token found by its text must have that text.
 */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "spell/model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void exercise(const Model *m)
{
	size_t n = model_vocab(m) < 64 ? model_vocab(m) : 64;

	for (size_t i = 0; i < n; i++) {
		size_t len, first, k, tl;
		const char *t = model_text(m, (uint16_t)i, &len);
		uint16_t id = model_id(m, t, len);
		/* a file made by hand may hide a token from its hash; a found one has that text */
		if (id != MODEL_NONE)
			assert(memcmp(model_text(m, id, &tl), t, len) == 0 && tl == len);
		(void)model_count(m, (uint16_t)i);
		(void)model_capital(m, (uint16_t)i);
		k = model_neighbours(m, (uint16_t)i, &first);
		for (size_t j = 0; j < k; j++) {
			uint16_t nb;
			uint8_t kind;
			model_neighbour(m, first + j, &nb, &kind);
			assert(nb < model_vocab(m) || nb == MODEL_NONE);
		}
		for (size_t j = 0; j < n; j++)
			(void)model_pair(m, (uint16_t)i, (uint16_t)j);
		(void)model_most_from(m, (uint16_t)i);
		(void)model_most_to(m, (uint16_t)i);
	}
	(void)model_id(m, "của", strlen("của"));
	(void)model_pair(m, MODEL_NONE, 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	unsigned char *buf = malloc(size ? size : 1);
	char err[512];
	FILE *f;
	Model *m;

	if (!path[0]) {
		int fd;
		snprintf(path, sizeof(path), "/tmp/fuzz-model-XXXXXX");
		fd = mkstemp(path);
		assert(fd >= 0);
		close(fd);
	}
	memcpy(buf, data, size);
	if (size >= MODEL_HEADER) {
		uint64_t sum = model_checksum(buf + MODEL_HEADER, size - MODEL_HEADER);
		for (int i = 0; i < 8; i++)
			buf[32 + i] = (unsigned char)(sum >> (8 * i));
	}
	f = fopen(path, "wb");
	assert(f);
	fwrite(buf, 1, size, f);
	fclose(f);
	free(buf);
	m = model_open(path, err, sizeof(err));
	if (m)
		exercise(m);
	else
		assert(strstr(err, path) != NULL); /* every refusal names the file */
	model_free(m);
	return 0;
}
