/*
 * fuzz_tokenize.c: libFuzzer target over the checker's input path: raw bytes through the
 * normaliser, the tokenizer and a whole check. Asserts the invariants a caller relies on:
 * tokens cover the text without gaps, and every finding lies inside the input, sorted.
 */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "base/utf8.h"
#include "spell/norm.h"
#include "spell/spell.h"
#include "spell/token.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static Speller *speller(void)
{
	static Speller *sp;
	char err[256];

	if (!sp) {
		SpellOptions opt = {.dict_dir = getenv("TOASOAN_FUZZ_DICT"), .no_system = true};
		sp = spell_new(&opt, err, sizeof(err));
		assert(sp);
	}
	return sp;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	NormText nt;
	FindingList fl;
	size_t off = 0;
	Token t;

	/* the tokenizer alone must cope with raw bytes */
	while (off < size) {
		size_t next = token_next(s, size, off, &t);
		assert(next > off && next <= size && t.start == off && t.end == next);
		off = next;
	}
	norm_text(&nt, s, size);
	for (size_t i = 0; i <= nt.len; i++)
		assert(norm_input_offset(&nt, i) <= size);
	/* the quick path keeps the input only when it is valid NFC already */
	assert(nt.map || (utf8_valid(s, size, NULL) && utf8_is_nfc(s, size)));
	norm_release(&nt);
	finding_list_init(&fl);
	spell_set_style(speller(), (ToneStyle)(size % 3));
	spell_check(speller(), s, size, &fl);
	for (size_t i = 0; i < fl.n; i++) {
		assert(fl.items[i].start <= fl.items[i].end && fl.items[i].end <= size);
		assert(i == 0 || fl.items[i - 1].start <= fl.items[i].start);
	}
	finding_list_release(&fl);
	return 0;
}
