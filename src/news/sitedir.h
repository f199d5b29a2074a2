/*
 * sitedir.h: the publish folder, touched only through descriptors.
 *
 * Every path is relative to the folder, walked one component at a time with O_NOFOLLOW, so a
 * link planted anywhere inside ("2026 -> ~/.ssh") is refused, never followed. A file is
 * written to a fresh temporary name created with O_CREAT|O_EXCL|O_NOFOLLOW (a random name: a
 * link planted under any name is never opened) inside a private folder toasoan makes for
 * the purpose (mode 0700, a random name, so no one else can swap the file for a link before
 * it is renamed), then renamed over its final name,
 * but only when that name is free or holds a regular file: a folder or a link there is
 * something toasoan did not write, and it is neither replaced nor followed. The temporary
 * file must still be the one written when it is renamed. Removing works
 * the same way: only a regular file is ever unlinked.
 */
#ifndef NEWS_SITEDIR_H
#define NEWS_SITEDIR_H

#include <stdbool.h>
#include <stddef.h>

typedef struct SiteDir SiteDir;

/* Opens the folder at path (create: making it and its parents). NULL with a message. */
SiteDir *sitedir_open(const char *path, bool create, char *err, size_t errlen);
void sitedir_close(SiteDir *d);
const char *sitedir_path(const SiteDir *d);

/* Waits up to wait_ms (< 0: as long as it takes) for any other toasoan writing this folder
 * (an advisory lock held until close); errno is EWOULDBLOCK when it is still busy. */
bool sitedir_lock(SiteDir *d, int wait_ms, char *err, size_t errlen);

/*
 * Writes rel ("thoi-su/index.html") under a temporary name, making its folders; the new
 * bytes replace the old at sitedir_commit, all files of a change together. In a fresh
 * folder (a rebuild) each file is renamed at once and commit syncs the folder's disk.
 */
bool sitedir_write(SiteDir *d, const char *rel, const char *data, size_t len, char *err,
		   size_t errlen);
bool sitedir_commit(SiteDir *d, char *err, size_t errlen);
void sitedir_set_fresh(SiteDir *d);

/* True when rel could be written: its folders are (or can be) real folders and the name is
 * free or a regular file. Makes the missing folders. */
bool sitedir_probe(SiteDir *d, const char *rel, char *err, size_t errlen);

/* Removes rel if it is a regular file; anything else there, or nothing, is left alone. */
bool sitedir_remove(SiteDir *d, const char *rel, char *err, size_t errlen);

/* True if rel exists as a regular file. */
bool sitedir_has(SiteDir *d, const char *rel);

#endif
