/*
 * publish.h: the publish folder. Entering published writes ID.html and ID.json (ninjs) there
 * and rewrites index.json; leaving it removes the two files. Every file is written atomically
 * (temporary name, fsync, rename), so a web server never serves half a page.
 */
#ifndef NEWS_PUBLISH_H
#define NEWS_PUBLISH_H

#include <stdbool.h>
#include <stddef.h>

#include "base/str.h"
#include "news/article.h"
#include "news/config.h"
#include "news/store.h"

/* Writes the article's outputs into the publish folder; false with a message in err. */
bool publish_article(Store *s, const Config *c, const Article *a, char *err, size_t errlen);

/* Removes the outputs of article id (missing files are fine). */
bool publish_withdraw(const Config *c, int64_t id, char *err, size_t errlen);

/* Rewrites index.json from every published article in the store. */
bool publish_index(Store *s, const Config *c, char *err, size_t errlen);

/* Renders a in "html", "ninjs" (or "json"), "md" or "txt"; false for an unknown format. */
bool publish_render(const Article *a, const char *format, Str *out, char *err, size_t errlen);

#endif
