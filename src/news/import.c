/*
 * import.c: the importer. Checks run cheapest first and each names the file: size (while
 * reading), NUL bytes (binary files), then the encoding, then the text format. Nothing is
 * half-imported: the caller stores the article only when every check passed.
 */
#include "news/import.h"

#include <stdio.h>
#include <string.h>

#include "base/file.h"
#include "base/str.h"
#include "base/utf8.h"
#include "base/banned.h"

bool import_encoding_known(const char *name)
{
	return strcmp(name, "auto") == 0 || strcmp(name, "utf-8") == 0 ||
	       strcmp(name, "utf8") == 0;
}

bool import_bytes(const char *name, const char *data, size_t len, const char *encoding,
		  Article *out, char *note, size_t notelen, char *err, size_t errlen)
{
	const char *nul = memchr(data, '\0', len);
	size_t bad;
	char why[400];

	note[0] = '\0';
	if (len == 0) {
		snprintf(err, errlen, "'%s' is empty; nothing was imported", name);
		return false;
	}
	if (nul) {
		snprintf(err, errlen, "'%s' is not a text file (a NUL byte at offset %zu); nothing "
			 "was imported", name, (size_t)(nul - data));
		return false;
	}
	(void)encoding;
	if (!utf8_valid(data, len, &bad)) {
		snprintf(err, errlen, "'%s' is not valid UTF-8 (first bad byte at offset %zu); "
			 "nothing was imported", name, bad);
		return false;
	}
	if (!article_parse(data, len, out, why, sizeof(why))) {
		snprintf(err, errlen, "'%s': %s; nothing was imported", name, why);
		return false;
	}
	(void)notelen;
	return true;
}

bool import_read(const char *path, const char *encoding, Article *out, char *note,
		 size_t notelen, char *err, size_t errlen)
{
	Str data = STR_INIT;
	bool ok;

	if (!file_read(path, ARTICLE_MAX_BYTES, &data, err, errlen))
		return false;
	ok = import_bytes(strcmp(path, "-") == 0 ? "stdin" : path, str_cstr(&data), data.len,
			  encoding, out, note, notelen, err, errlen);
	str_release(&data);
	return ok;
}
