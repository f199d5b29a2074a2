/*
 * publish.h: the publish folder. Entering published writes ID-slug.html and ID.json (ninjs)
 * there and rewrites index.json; leaving it removes the two files; saving a published article
 * writes them again. Every file is written atomically (temporary name, fsync, rename), so a
 * web server never serves half a page.
 */
#ifndef NEWS_PUBLISH_H
#define NEWS_PUBLISH_H

#include <stdbool.h>
#include <stddef.h>

#include "base/str.h"
#include "news/article.h"
#include "news/config.h"
#include "news/store.h"

/*
 * Brings the publish folder in line with article id, inside the caller's transaction: a is the
 * article as it is now published, or NULL when it no longer is. index.json is rebuilt from the
 * store. All files are staged first; on failure (false, message in err) the folder is left as
 * it was, so the caller can roll back.
 */
bool publish_update(Store *s, const Config *c, int64_t id, const Article *a, char *err,
		    size_t errlen);

/*
 * Writes the pages of many articles already published and committed (a bulk import of an
 * archive), then index.json once. Ids no longer published are skipped. Each page is replaced
 * atomically; on failure returns false with a message in err, and the pages written so far
 * stay (they show published articles).
 */
bool publish_articles(Store *s, const Config *c, const int64_t *ids, size_t n, char *err,
		      size_t errlen);

/* Renders a in "html", "ninjs" (or "json"), "md" or "txt"; false for an unknown format. */
bool publish_render(const Article *a, const char *format, Str *out, char *err, size_t errlen);

#endif
