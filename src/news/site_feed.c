/*
 * site_feed.c: what machines read from the site: Atom 1.0 feeds (RFC 4287), the sitemaps
 * (sitemaps.org 0.9) and the JSON index. XML text drops the control characters XML 1.0 cannot
 * carry and escapes the rest; JSON goes through base/json.h.
 */
#include "news/site.h"

#include <string.h>
#include <time.h>

#include "base/json.h"
#include "news/render.h"
#include "base/banned.h"

static void xml_text(Str *out, const char *s)
{
	Str clean = STR_INIT;

	for (const char *p = s ? s : ""; *p; p++)
		if ((unsigned char)*p >= 0x20 || *p == '\t' || *p == '\n')
			str_addc(&clean, *p);
	render_html_escape(str_cstr(&clean), clean.len, out);
	str_release(&clean);
}

static void xml_elem(Str *out, const char *name, const char *text)
{
	str_addf(out, "<%s>", name);
	xml_text(out, text);
	str_addf(out, "</%s>\n", name);
}

static void xml_date(Str *out, const char *name, int64_t t, int utc_offset)
{
	str_addf(out, "<%s>", name);
	render_date_iso(t, utc_offset, out);
	str_addf(out, "</%s>\n", name);
}

/* The address of a site path: absolute with publish.url, else relative to the feed at from. */
static void href(const SiteOptions *o, const char *from, const char *path, Str *out)
{
	if (o->url[0]) {
		str_adds(out, o->url);
	} else {
		for (const char *p = from; *p; p++)
			if (*p == '/')
				str_adds(out, "../");
	}
	str_adds(out, path);
}

static void atom_link(Str *out, const char *rel, const char *type, const Str *h)
{
	str_addf(out, "<link rel=\"%s\" type=\"%s\" href=\"", rel, type);
	xml_text(out, h->s);
	str_adds(out, "\"/>\n");
}

static void atom_entry(const SiteOptions *o, const char *self, const SiteItem *it, Str *out)
{
	Str h = STR_INIT, kind = STR_INIT, names = STR_INIT;

	str_addf(out, "<entry>\n<id>urn:toasoan:article:%lld</id>\n", (long long)it->id);
	xml_elem(out, "title", it->title);
	href(o, self, it->path, &h);
	atom_link(out, "alternate", "text/html", &h);
	xml_date(out, "published", it->published_at, o->utc_offset);
	xml_date(out, "updated", it->updated_at > it->published_at ? it->updated_at
			: it->published_at, o->utc_offset);
	render_credit(it->byline, &kind, &names);
	for (const char *p = str_cstr(&names); *p;) {
		const char *nl = strchr(p, '\n');
		Str one = STR_INIT;
		str_add(&one, p, nl ? (size_t)(nl - p) : strlen(p));
		str_adds(out, "<author>");
		xml_elem(out, "name", one.s);
		str_adds(out, "</author>\n");
		str_release(&one);
		p = nl ? nl + 1 : p + strlen(p);
	}
	if (it->section[0]) {
		str_adds(out, "<category term=\"");
		xml_text(out, it->folder);
		str_adds(out, "\" label=\"");
		xml_text(out, it->section);
		str_adds(out, "\"/>\n");
	}
	if (it->sapo[0])
		xml_elem(out, "summary", it->sapo);
	str_adds(out, "</entry>\n");
	str_release(&h);
	str_release(&kind);
	str_release(&names);
}

void site_atom(const SiteOptions *o, const char *folder, const char *title,
	       const SiteItems *items, Str *out)
{
	Str self = STR_INIT, h = STR_INIT;
	int64_t updated = 0;

	for (size_t i = 0; i < items->n; i++) {
		const SiteItem *it = &items->v[i];
		int64_t t = it->updated_at > it->published_at ? it->updated_at : it->published_at;
		updated = t > updated ? t : updated;
	}
	str_addf(&self, "%s%sfeed.atom", folder ? folder : "", folder ? "/" : "");
	str_adds(out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n");
	str_addf(out, "<id>urn:toasoan:feed:%s</id>\n", folder ? folder : "site");
	xml_elem(out, "title", title);
	xml_date(out, "updated", updated ? updated : o->now, o->utc_offset);
	href(o, self.s, self.s, &h);
	if (o->url[0])
		atom_link(out, "self", "application/atom+xml", &h);
	str_clear(&h);
	href(o, self.s, folder ? "" : "index.html", &h);
	if (folder)
		str_addf(&h, "%s/index.html", folder);
	atom_link(out, "alternate", "text/html", &h);
	str_adds(out, "<author>");
	xml_elem(out, "name", o->name);
	str_adds(out, "</author>\n<generator>toasoan</generator>\n");
	for (size_t i = 0; i < items->n; i++)
		atom_entry(o, self.s, &items->v[i], out);
	str_adds(out, "</feed>\n");
	str_release(&self);
	str_release(&h);
}

/* ---- sitemaps (only with an address: a sitemap's locations are absolute) ---- */

static void url_entry(const SiteOptions *o, const char *path, int64_t lastmod, Str *out)
{
	str_adds(out, "<url><loc>");
	xml_text(out, o->url);
	xml_text(out, path);
	str_adds(out, "</loc>");
	if (lastmod) {
		str_adds(out, "<lastmod>");
		render_date_iso(lastmod, o->utc_offset, out);
		str_adds(out, "</lastmod>");
	}
	str_adds(out, "</url>\n");
}

static const char urlset_open[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";

void site_sitemap_urls(const SiteOptions *o, const SiteItems *items, Str *out)
{
	str_adds(out, urlset_open);
	for (size_t i = 0; i < items->n; i++) {
		const SiteItem *it = &items->v[i];
		url_entry(o, it->path, it->updated_at > it->published_at ? it->updated_at
			  : it->published_at, out);
	}
	str_adds(out, "</urlset>\n");
}

void site_sitemap_pages(const SiteOptions *o, const SiteItems *folders, Str *out)
{
	Str p = STR_INIT;

	str_adds(out, urlset_open);
	url_entry(o, "", 0, out);
	for (size_t i = 0; i < folders->n; i++) {
		str_clear(&p);
		str_addf(&p, "%s/index.html", folders->v[i].folder);
		url_entry(o, p.s, 0, out);
	}
	str_adds(out, "</urlset>\n");
	str_release(&p);
}

void site_sitemap_index(const SiteOptions *o, const int64_t *shards, size_t n, Str *out)
{
	str_adds(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		      "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
	str_adds(out, "<sitemap><loc>");
	xml_text(out, o->url);
	str_adds(out, "sitemaps/pages.xml</loc></sitemap>\n");
	for (size_t i = 0; i < n; i++) {
		str_adds(out, "<sitemap><loc>");
		xml_text(out, o->url);
		str_addf(out, "sitemaps/%lld.xml</loc></sitemap>\n", (long long)shards[i]);
	}
	str_adds(out, "</sitemapindex>\n");
}

/* ---- the JSON index ---- */

void site_day_name(int64_t day, Str *out)
{
	time_t t = (time_t)(day * 86400);
	struct tm tm;

	if (!gmtime_r(&t, &tm))
		memset(&tm, 0, sizeof(tm));
	str_addf(out, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static void json_time(Json *j, const char *key, int64_t t, int utc_offset)
{
	Str d = STR_INIT;
	render_date_iso(t, utc_offset, &d);
	json_key(j, key);
	json_str(j, d.s);
	str_release(&d);
}

static void json_item(Json *j, const SiteOptions *o, const SiteItem *it)
{
	Str s = STR_INIT;

	json_obj(j);
	json_key(j, "id");
	json_int(j, it->id);
	str_addf(&s, "urn:toasoan:article:%lld", (long long)it->id);
	json_key(j, "uri");
	json_str(j, s.s);
	json_key(j, "title");
	json_str(j, it->title);
	json_key(j, "sapo");
	json_str(j, it->sapo);
	json_key(j, "section");
	json_str(j, it->section);
	json_time(j, "published_at", it->published_at, o->utc_offset);
	json_time(j, "updated_at", it->updated_at > it->published_at ? it->updated_at
		  : it->published_at, o->utc_offset);
	json_key(j, "html");
	json_str(j, it->path);
	str_clear(&s);
	site_ninjs_path(it->path, it->id, &s);
	json_key(j, "ninjs");
	json_str(j, s.s);
	json_end(j);
	str_release(&s);
}

void site_json_items(const SiteOptions *o, const SiteItems *items, const char *months, Str *out)
{
	Json j;

	json_init(&j, out);
	j.pretty = true;
	json_obj(&j);
	json_key(&j, "site");
	json_str(&j, o->name);
	json_time(&j, "updated", o->now, o->utc_offset);
	json_key(&j, "items");
	json_arr(&j);
	for (size_t i = 0; i < items->n; i++)
		json_item(&j, o, &items->v[i]);
	json_end(&j);
	json_key(&j, "months");
	json_arr(&j);
	for (const char *p = months; p && *p; p += 8) {
		Str h = STR_INIT;
		str_addf(&h, "archive/%.7s.json", p);
		json_obj(&j);
		json_key(&j, "month");
		json_strn(&j, p, 7);
		json_key(&j, "href");
		json_str(&j, h.s);
		json_end(&j);
		str_release(&h);
	}
	json_end(&j);
	json_end(&j);
	str_addc(out, '\n');
}

void site_json_month(const char *month, const int64_t *days, const int64_t *counts, size_t n,
		     Str *out)
{
	Json j;

	json_init(&j, out);
	j.pretty = true;
	json_obj(&j);
	json_key(&j, "month");
	json_str(&j, month);
	json_key(&j, "days");
	json_arr(&j);
	for (size_t i = 0; i < n; i++) {
		Str d = STR_INIT, h = STR_INIT;
		site_day_name(days[i], &d);
		str_addf(&h, "archive/%s.json", d.s);
		json_obj(&j);
		json_key(&j, "date");
		json_str(&j, d.s);
		json_key(&j, "count");
		json_int(&j, counts[i]);
		json_key(&j, "href");
		json_str(&j, h.s);
		json_end(&j);
		str_release(&d);
		str_release(&h);
	}
	json_end(&j);
	json_end(&j);
	str_addc(out, '\n');
}

void site_json_day(const SiteOptions *o, const char *date, const SiteItems *items, Str *out)
{
	Json j;

	json_init(&j, out);
	j.pretty = true;
	json_obj(&j);
	json_key(&j, "date");
	json_str(&j, date);
	json_key(&j, "items");
	json_arr(&j);
	for (size_t i = 0; i < items->n; i++)
		json_item(&j, o, &items->v[i]);
	json_end(&j);
	json_end(&j);
	str_addc(out, '\n');
}
