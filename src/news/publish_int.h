/*
 * publish_int.h: what publish.c and publish_flush.c share.
 */
#ifndef NEWS_PUBLISH_INT_H
#define NEWS_PUBLISH_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "news/config.h"
#include "news/site.h"
#include "news/sitedir.h"
#include "news/store.h"

/* publish_note; check: also make sure the page can be written in the publish folder; marks:
 * mark what the change makes stale (a rebuild, which writes everything, does neither). */
bool publish_place(Store *s, const Config *c, const Article *before, bool check, bool marks,
		   char *err, size_t errlen);

/* The newsroom's layout template can be read and is well formed. */
bool publish_layout_check(const Config *c, char *err, size_t errlen);

/* One pass of rewriting stale files into one folder. */
typedef struct Flush {
	Store *s;
	SiteDir *d;
	SiteOptions o;
	char *layout, *style, *url;
	Str changed;     /* the files written or removed, one a line */
	char err[512];   /* the first failure */
} Flush;

/* Loads the templates and opens (create: makes) and locks dir. */
bool flush_open(Flush *f, Store *s, const Config *c, const char *dir, bool create, char *err,
		size_t errlen);
void flush_close(Flush *f);
/* Puts every file written in place (after one sync); false with the message in f->err. */
bool flush_commit(Flush *f);

/* Each rewrites one group of files (publish_flush.c); false with the message in f->err. */
bool flush_mark(Flush *f, const char *what);
bool flush_article(Flush *f, int64_t id);
bool flush_front(Flush *f);
bool flush_folder(Flush *f, const char *folder);
bool flush_page(Flush *f, const char *folder, int64_t page);
bool flush_shard(Flush *f, int64_t k);
bool flush_day(Flush *f, int64_t day);
bool flush_term(Flush *f, const char *kind, const char *slug);
bool flush_term_page(Flush *f, const char *kind, const char *slug, int64_t page);

/* Seconds east of UTC of the local time zone, now. */
int publish_utc_offset(void);

/* The local day number (days since 1970-01-01) of time t. */
int64_t publish_day(int64_t t, int utc_offset);

/* Hands the changed files (f->changed and any still pending) to publish.after; a failure
 * keeps them pending, is recorded in the audit log as by, and sets f->err. */
bool publish_after_run(Flush *f, const Config *c, const char *by);

#endif
