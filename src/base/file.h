/*
 * file.h: reading and writing whole files safely.
 */
#ifndef BASE_FILE_H
#define BASE_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/str.h"

/*
 * Appends the contents of path ("-" is standard input) to out, refusing more than max bytes.
 * On failure returns false and writes a message such as "cannot read 'x': No such file" or
 * "'x' is larger than 8 MiB" into err.
 */
bool file_read(const char *path, size_t max, Str *out, char *err, size_t errlen);

/*
 * Writes data to path atomically: a temporary file in the same folder, fsync, rename.
 * Creates missing parent folders. On failure returns false with a message in err.
 */
bool file_write_atomic(const char *path, const char *data, size_t len, char *err, size_t errlen);

/* As file_write_atomic, but only as a new file: when path exists nothing is written and
 * errno is EEXIST. */
bool file_write_new(const char *path, const char *data, size_t len, char *err, size_t errlen);

/* The folder part of path: "." when it has none, "/" for a file in the root. Caller frees. */
char *file_dir_of(const char *path);

/* Creates path and its missing parents (mode 0755). */
bool file_mkdirs(const char *path, char *err, size_t errlen);
/* Makes the folder path goes in (and its parents) if it is missing. */
bool file_mkparent(const char *path, char *err, size_t errlen);

#endif
