/*
 * site_item.c: lists of listing lines.
 */
#include "news/site_item.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "base/banned.h"

SiteItem *site_items_push(SiteItems *l)
{
	SiteItem *it;

	xgrow(&l->v, &l->cap, l->n + 1, sizeof(*l->v));
	it = &l->v[l->n++];
	memset(it, 0, sizeof(*it));
	it->title = xstrdup("");
	it->sapo = xstrdup("");
	it->byline = xstrdup("");
	it->section = xstrdup("");
	it->tags = xstrdup("");
	it->path = xstrdup("");
	it->folder = xstrdup("");
	return it;
}

void site_items_release(SiteItems *l)
{
	for (size_t i = 0; i < l->n; i++) {
		SiteItem *it = &l->v[i];
		free(it->title);
		free(it->sapo);
		free(it->byline);
		free(it->section);
		free(it->tags);
		free(it->path);
		free(it->folder);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}
