/*
 * site_item.h: one line of a listing on the published site (front page, section pages, feeds,
 * sitemap, JSON index): the few fields a listing shows, never the body.
 */
#ifndef NEWS_SITE_ITEM_H
#define NEWS_SITE_ITEM_H

#include <stddef.h>
#include <stdint.h>

typedef struct SiteItem {
	int64_t id;
	char *title, *sapo, *byline, *section, *tags; /* never NULL; "" when empty */
	char *path;     /* the page, relative to the site: "2026/12/04/15-bao-so-3.html" */
	char *folder;   /* the section's folder: "thoi-su" */
	int64_t page;   /* the section page it is listed on, 1 the oldest */
	int64_t published_at, updated_at;
} SiteItem;

typedef struct SiteItems {
	SiteItem *v;
	size_t n, cap;
} SiteItems;

SiteItem *site_items_push(SiteItems *l); /* a fresh slot, every string "" */
void site_items_release(SiteItems *l);

#endif
