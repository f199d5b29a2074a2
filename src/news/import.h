/*
 * import.h: turning a file into an article: size and content checks, the character encoding
 * (UTF-8, or a legacy Vietnamese one), normalisation to NFC, then the text format.
 */
#ifndef NEWS_IMPORT_H
#define NEWS_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "news/article.h"

/* True for "auto", "utf-8" and the names of the legacy encodings. */
bool import_encoding_known(const char *name);

/*
 * Reads path ("-" for standard input) as an article. encoding is "auto" or a name. On success
 * fills out and may leave a remark in note ("'a.txt': detected TCVN3 and converted it"), else
 * note is "". On failure returns false with the reason in err, naming the file: too large,
 * empty, binary (a NUL byte), invalid UTF-8 (with the offset of the first bad byte), no title.
 */
bool import_read(const char *path, const char *encoding, Article *out, char *note,
		 size_t notelen, char *err, size_t errlen);

/* The same on bytes already in memory; name is used in messages. */
bool import_bytes(const char *name, const char *data, size_t len, const char *encoding,
		  Article *out, char *note, size_t notelen, char *err, size_t errlen);

#endif
