/*
 * import.h: turning a file into an article: size and content checks, the character encoding
 * (UTF-8, or a legacy Vietnamese one), normalisation to NFC, then the text format. The list of
 * files a bulk import takes (folders walked, patterns matched) is in import_files.c.
 */
#ifndef NEWS_IMPORT_H
#define NEWS_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "news/article.h"

/* True for "auto", "utf-8" and the names of the legacy encodings. */
bool import_encoding_known(const char *name);

/* How to read a file. */
typedef struct ImportOptions {
	const char *encoding;  /* "auto" or an encoding name */
	const char *title;     /* NULL, or a title given apart (new --title): plain text is all
				  body, its first line included */
} ImportOptions;

/* What reading one file found. */
typedef struct ImportInfo {
	char encoding[16];   /* the encoding the bytes were read in ("utf-8", "tcvn3"...), or ""
				when the file was refused before that was known */
	char note[256];      /* a remark ("'a.txt': detected TCVN3 (ABC) and converted it to
				Unicode"), or "" */
	char err[512];       /* why the file was refused, naming it; "" on success */
} ImportInfo;

/*
 * Reads path ("-" for standard input) as an article into out. On failure returns false with
 * the reason in info->err, naming the file: cannot be read, too large, empty, binary (a NUL
 * byte, with its offset), UTF-8 but for a stray byte or two (with the first one's line and
 * column), invalid UTF-8 of no recognisable encoding (with the offset of the first bad byte),
 * text that does not read as Vietnamese in the encoding named, a bad header or no title (with
 * its line). Nothing is stored here.
 */
bool import_file(const char *path, const ImportOptions *o, Article *out, ImportInfo *info);

/* The same on bytes already in memory; name is used in messages. */
bool import_bytes(const char *name, const char *data, size_t len, const ImportOptions *o,
		  Article *out, ImportInfo *info);

/*
 * The files a bulk import takes. Each argument is a file (taken whatever its name), "-"
 * (standard input) or a folder, walked recursively in byte order of names, taking the files
 * whose name matches one of the patterns (default "*.txt,*.md"; a comma-separated list of
 * shell patterns, matched without regard to case). Hidden entries (".name") inside folders and
 * links to folders are skipped, so a walk always ends. A file reached twice is taken once, at
 * its first place.
 */
typedef struct ImportList {
	char **paths;  /* in import order; owned */
	size_t n, cap;
} ImportList;

/*
 * Appends the files of args (n of them) to l; patterns NULL means the default. An argument
 * that does not exist and a folder that cannot be read are taken as they are, so that reading
 * them fails and the check reports them with the other bad files. "-" is taken once.
 */
void import_list_gather(ImportList *l, const char *const *args, size_t n, const char *patterns);
void import_list_release(ImportList *l);

#endif
