/*
 * encode.c: writes standard input (UTF-8) in a legacy Vietnamese encoding, to make test
 * samples: encode tcvn3|vni|viscii|viqr|cp1258 < in.txt > out.txt
 */
#include <stdio.h>

#include "base/file.h"
#include "base/str.h"
#include "viet/legacy.h"

int main(int argc, char **argv)
{
	Str in = STR_INIT, out = STR_INIT;
	char err[256];
	Encoding e;
	bool ok;

	if (argc != 2 || !encoding_parse(argv[1], &e)) {
		fprintf(stderr, "usage: encode tcvn3|vni|viscii|viqr|cp1258 < in > out\n");
		return 2;
	}
	if (!file_read("-", 1 << 24, &in, err, sizeof(err))) {
		fprintf(stderr, "encode: %s\n", err);
		return 1;
	}
	ok = legacy_encode(e, str_cstr(&in), in.len, &out);
	fwrite(str_cstr(&out), 1, out.len, stdout);
	str_release(&in);
	str_release(&out);
	return ok ? 0 : 1;
}
