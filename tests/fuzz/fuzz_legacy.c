/*
 * fuzz_legacy.c: a fuzz target for encoding detection, decoding and mojibake repair. On
 * any bytes: detection answers, decoding in every encoding either fails with a message or
 * gives NFC UTF-8, and repairing valid UTF-8 gives valid NFC UTF-8.
 */
#include <stdint.h>
#include <stdlib.h>

#include "base/str.h"
#include "base/utf8.h"
#include "viet/legacy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_utf8(const Str *s)
{
	if (!utf8_valid(str_cstr(s), s->len, NULL) || !utf8_is_nfc(str_cstr(s), s->len))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data;
	Str out = STR_INIT;
	bool sure;
	Encoding e = legacy_detect(in, size, &sure);

	if ((unsigned)e >= ENCODING_COUNT)
		abort();
	for (int k = 0; k < ENCODING_COUNT; k++) {
		LegacyFault fault = {.offset = SIZE_MAX};
		str_clear(&out);
		if (legacy_decode((Encoding)k, in, size, &out, &fault)) {
			check_utf8(&out);
		} else if (fault.offset > size) {
			abort(); /* a refusal always says why, at a place inside the input */
		}
	}
	if (utf8_valid(in, size, NULL)) {
		str_clear(&out);
		legacy_repair_mojibake(in, size, &out);
		check_utf8(&out);
	}
	str_release(&out);
	return 0;
}
