/*
 * publish.h: the publish folder is a static site (layout in site.h), kept in line with the
 * database in two steps.
 *
 * 1. Inside the transaction that changes an article, publish_note records where the article
 *    sits on the site (its page path, frozen at first publication; its section page) and
 *    marks stale every file the change touches: its page and ninjs, the front page, its
 *    section's index and pages, the feeds, one sitemap shard, one day of the JSON index, its
 *    tags and authors. It also checks that the page can be written (no folder or link of
 *    someone else's in the way); if not, the caller rolls back and nothing changed.
 * 2. After the commit, publish_flush rewrites what is marked stale, from the database, each
 *    file atomically, and unmarks it. A failure there never rolls the database back: what is
 *    still marked is rewritten by the next flush (every `publish --due` run does one). The
 *    publish.after command then gets the changed files on its standard input; when it fails
 *    the files stay pending and are sent again on the next run.
 *
 * Every cost is bounded by a page of rows, never by the size of the archive.
 */
#ifndef NEWS_PUBLISH_H
#define NEWS_PUBLISH_H

#include <stdbool.h>
#include <stddef.h>

#include "base/str.h"
#include "news/article.h"
#include "news/config.h"
#include "news/store.h"

/* Step 1, in the caller's transaction: before is the article as it was before the change. */
bool publish_note(Store *s, const Config *c, const Article *before, char *err, size_t errlen);

/* Step 2, after the commit. by is the login recorded if publish.after fails. A folder busy
 * for long (a rebuild) is an error, or with quiet_if_busy nothing: the next run does it. */
bool publish_flush(Store *s, const Config *c, const char *by, bool quiet_if_busy, char *err,
		   size_t errlen);

/* Regenerates the whole site into a new folder beside the publish folder and swaps it in at
 * once. progress (may be NULL) is called now and then with how many articles are done. */
bool publish_rebuild(Store *s, const Config *c, const char *by,
		     void (*progress)(size_t done, size_t total, void *ud), void *ud, char *err,
		     size_t errlen);

/*
 * Puts many articles already published and committed (a bulk import of an archive) on the
 * site: places them all in one transaction, then one flush. Ids no longer published are
 * skipped. On failure returns false with a message in err; what is still stale is written by
 * the next flush.
 */
bool publish_articles(Store *s, const Config *c, const char *by, const int64_t *ids, size_t n,
		      char *err, size_t errlen);

/* Renders a in "html", "ninjs" (or "json"), "md" or "txt"; false for an unknown format. */
bool publish_render(const Article *a, const char *format, Str *out, char *err, size_t errlen);

#endif
