/*
 * site_html.c: the pages of the published site, inside the newsroom's layout template. Every
 * piece of stored text goes through the HTML escape; links are relative to the page.
 */
#include "news/site.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "news/render.h"
#include "base/xalloc.h"
#include "viet/letter.h"
#include "base/banned.h"

static const char *const layout_names[] = {"title", "site_name", "site_url", "root", "year",
					   "head", "content", NULL};
static const char *const layout_raw[] = {"head", "content", NULL};
static const TemplateVars layout_vars = {layout_names, layout_raw};

const TemplateVars *site_layout_vars(void)
{
	return &layout_vars;
}

const char *site_default_layout(void)
{
	return "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
	       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	       "<title>{{title}}</title>\n"
	       "<link rel=\"stylesheet\" href=\"{{root}}style.css\">\n"
	       "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{{site_name}}\" "
	       "href=\"{{root}}feed.atom\">\n{{{head}}}</head>\n<body>\n"
	       "<header class=\"site\"><a class=\"brand\" href=\"{{root}}index.html\">"
	       "{{site_name}}</a></header>\n<main>\n{{{content}}}</main>\n"
	       "<footer class=\"site\"><p>© {{year}} {{site_name}}</p></footer>\n"
	       "</body>\n</html>\n";
}

const char *site_default_style(void)
{
	return "body{max-width:46em;margin:0 auto;padding:0 1em;font:1.05em/1.6 Georgia,serif;"
	       "color:#222;background:#fff}\n"
	       "a{color:#8b1a1a}\nheader.site{border-bottom:3px solid #8b1a1a;padding:.8em 0}\n"
	       ".brand{font-size:1.8em;font-weight:bold;text-decoration:none}\n"
	       "nav.sections ul{list-style:none;padding:0}nav.sections li{display:inline;"
	       "margin-right:1em}\n"
	       "ol.items{list-style:none;padding:0}ol.items li{margin:1.2em 0}\n"
	       "ol.items h2{font-size:1.2em;margin:0}\n"
	       ".sapo{font-weight:bold}.meta,.section,.tags,.byline{color:#555;font-size:.9em}\n"
	       ".byline{text-align:right}.credit{font-style:italic}\n"
	       "nav.pages{margin:2em 0}nav.pages a{margin-right:1em}\n"
	       "footer.site{border-top:1px solid #ccc;margin-top:3em;color:#555;font-size:.9em}\n";
}

/* ---- paths ---- */

void site_article_path(int64_t id, const char *title, int64_t t, int utc_offset, Str *out)
{
	time_t lt = (time_t)(t + utc_offset);
	struct tm tm;
	Str slug = STR_INIT;

	if (!gmtime_r(&lt, &tm))
		memset(&tm, 0, sizeof(tm));
	render_slug(title ? title : "", 60, &slug);
	str_addf(out, "%04d/%02d/%02d/%lld%s%s.html", tm.tm_year + 1900, tm.tm_mon + 1,
		 tm.tm_mday, (long long)id, slug.len ? "-" : "", str_cstr(&slug));
	str_release(&slug);
}

void site_ninjs_path(const char *page_path, int64_t id, Str *out)
{
	const char *slash = strrchr(page_path, '/');

	if (slash)
		str_add(out, page_path, (size_t)(slash - page_path) + 1);
	str_addf(out, "%lld.json", (long long)id);
}

void site_folder(const char *section, Str *out)
{
	static const char *const taken[] = {"chu-de", "tac-gia", "archive", "sitemaps", NULL};
	size_t start = out->len;
	bool digits = true;

	render_slug(section ? section : "", 60, out);
	if (out->len == start) {
		str_adds(out, "khac");
		return;
	}
	for (size_t i = start; i < out->len; i++)
		digits = digits && out->s[i] >= '0' && out->s[i] <= '9';
	for (int i = 0; taken[i] && !digits; i++)
		digits = strcmp(out->s + start, taken[i]) == 0;
	if (digits) { /* a year folder or one of the site's own: keep them apart */
		Str name = STR_INIT;
		str_adds(&name, out->s + start);
		str_truncate(out, start);
		str_addf(out, "muc-%s", name.s);
		str_release(&name);
	}
}

const char *site_term_folder(const char *kind)
{
	return strcmp(kind, "author") == 0 ? "tac-gia" : "chu-de";
}

/* ---- pieces ---- */

static void esc(Str *out, const char *s)
{
	render_html_escape(s ? s : "", s ? strlen(s) : 0, out);
}

static void root_of(const char *path, Str *out)
{
	for (const char *p = path; *p; p++)
		if (*p == '/')
			str_adds(out, "../");
}

static void date_html(int64_t t, int utc_offset, Str *out)
{
	str_adds(out, "<time datetime=\"");
	render_date_iso(t, utc_offset, out);
	str_adds(out, "\">");
	render_date_vi(t, utc_offset, out);
	str_adds(out, "</time>");
}

/* Fills the layout: title, the page's extra head and its content. */
static void layout(const SiteOptions *o, const char *path, const char *title, const char *head,
		   const char *content, Str *out)
{
	Str root = STR_INIT, year = STR_INIT, full = STR_INIT;
	time_t lt = (time_t)(o->now + o->utc_offset);
	struct tm tm;
	const char *values[7];

	root_of(path, &root);
	if (!gmtime_r(&lt, &tm))
		memset(&tm, 0, sizeof(tm));
	str_addf(&year, "%d", tm.tm_year + 1900);
	str_adds(&full, title);
	if (strcmp(title, o->name) != 0)
		str_addf(&full, " – %s", o->name);
	values[0] = full.s;
	values[1] = o->name;
	values[2] = o->url;
	values[3] = str_cstr(&root);
	values[4] = year.s;
	values[5] = head;
	values[6] = content;
	template_expand(o->layout, &layout_vars, values, out);
	str_release(&root);
	str_release(&year);
	str_release(&full);
}

static void meta(Str *head, const char *attr, const char *name, const char *value)
{
	str_addf(head, "<meta %s=\"%s\" content=\"", attr, name);
	esc(head, value);
	str_adds(head, "\">\n");
}

static void canonical(const SiteOptions *o, const char *path, Str *head)
{
	if (!o->url[0])
		return;
	str_adds(head, "<link rel=\"canonical\" href=\"");
	esc(head, o->url);
	esc(head, path);
	str_adds(head, "\">\n");
}

static void link_term(const char *root, const char *kind, const char *name, size_t n,
		      const char *rel, Str *out)
{
	Str slug = STR_INIT, copy = STR_INIT;

	str_add(&copy, name, n);
	render_slug(copy.s, 60, &slug);
	if (slug.len) {
		str_addf(out, "<a%s href=\"%s%s/%s/index.html\">", rel, root, site_term_folder(kind),
			 slug.s);
		render_html_escape(name, n, out);
		str_adds(out, "</a>");
	} else {
		render_html_escape(name, n, out);
	}
	str_release(&slug);
	str_release(&copy);
}

static void byline_html(const char *byline, const char *root, Str *out)
{
	Str kind = STR_INIT, names = STR_INIT;
	const char *p;

	render_credit(byline, &kind, &names);
	str_adds(out, "<p class=\"byline\">");
	if (kind.len) {
		str_adds(out, "<span class=\"credit\">");
		esc(out, kind.s);
		str_adds(out, strcmp(kind.s, "Theo") == 0 ? "</span> " : ":</span> ");
	}
	for (p = str_cstr(&names); *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (p != names.s)
			str_adds(out, ", ");
		link_term(root, "author", p, n, " rel=\"author\"", out);
		p += n + (nl != NULL);
	}
	str_adds(out, "</p>\n");
	str_release(&kind);
	str_release(&names);
}

/* Calls each(tag, len) for each trimmed, non-empty comma-separated tag. */
static void tags_html(const char *tags, const char *root, Str *out)
{
	const char *p = tags;
	bool first = true;

	str_adds(out, "<p class=\"tags\">Từ khóa: ");
	while (*p) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		const char *s = p;
		while (n && *s == ' ')
			s++, n--;
		while (n && s[n - 1] == ' ')
			n--;
		if (n) {
			str_adds(out, first ? "" : ", ");
			link_term(root, "tag", s, n, " rel=\"tag\"", out);
			first = false;
		}
		p = comma ? comma + 1 : p + strlen(p);
	}
	str_adds(out, "</p>\n");
}

static void article_head(const SiteOptions *o, const Article *a, const char *path, Str *head)
{
	Str t = STR_INIT;

	if (a->sapo[0])
		meta(head, "name", "description", a->sapo);
	canonical(o, path, head);
	str_addf(head, "<link rel=\"alternate\" type=\"application/json\" href=\"%lld.json\">\n",
		 (long long)a->id);
	meta(head, "property", "og:type", "article");
	meta(head, "property", "og:title", a->title);
	meta(head, "property", "og:site_name", o->name);
	meta(head, "property", "og:locale", "vi_VN");
	if (a->sapo[0])
		meta(head, "property", "og:description", a->sapo);
	if (o->url[0]) {
		str_addf(&t, "%s%s", o->url, path);
		meta(head, "property", "og:url", t.s);
	}
	str_clear(&t);
	render_date_iso(a->published_at, o->utc_offset, &t);
	meta(head, "property", "article:published_time", t.s);
	str_clear(&t);
	render_date_iso(a->updated_at > a->published_at ? a->updated_at : a->published_at,
			o->utc_offset, &t);
	meta(head, "property", "article:modified_time", t.s);
	if (a->section[0])
		meta(head, "property", "article:section", a->section);
	str_release(&t);
}

void site_page_article(const SiteOptions *o, const Article *a, const char *path, Str *out)
{
	Str head = STR_INIT, c = STR_INIT, root = STR_INIT, folder = STR_INIT;

	root_of(path, &root);
	site_folder(a->section, &folder);
	article_head(o, a, path, &head);
	str_adds(&c, "<article>\n<header>\n");
	if (a->section[0]) {
		str_addf(&c, "<p class=\"section\"><a href=\"%s%s/index.html\">", str_cstr(&root),
			 folder.s);
		esc(&c, a->section);
		str_adds(&c, "</a></p>\n");
	}
	str_adds(&c, "<h1>");
	esc(&c, a->title);
	str_adds(&c, "</h1>\n<p class=\"meta\">");
	date_html(a->published_at, o->utc_offset, &c);
	if (a->updated_at > a->published_at + 60) {
		str_adds(&c, " · Cập nhật ");
		date_html(a->updated_at, o->utc_offset, &c);
	}
	str_adds(&c, "</p>\n</header>\n");
	if (a->sapo[0]) {
		str_adds(&c, "<p class=\"sapo\">");
		esc(&c, a->sapo);
		str_adds(&c, "</p>\n");
	}
	render_body_html(a->body, &c);
	if (a->byline[0])
		byline_html(a->byline, str_cstr(&root), &c);
	if (a->tags[0])
		tags_html(a->tags, str_cstr(&root), &c);
	str_adds(&c, "</article>\n");
	layout(o, path, a->title, str_cstr(&head), str_cstr(&c), out);
	str_release(&head);
	str_release(&c);
	str_release(&root);
	str_release(&folder);
}

/* ---- listings ---- */

static void list_items(const SiteOptions *o, const SiteItems *l, const char *root, bool sapo,
		       Str *out)
{
	if (l->n == 0) {
		str_adds(out, "<p class=\"empty\">Chưa có bài nào.</p>\n");
		return;
	}
	str_adds(out, "<ol class=\"items\">\n");
	for (size_t i = 0; i < l->n; i++) {
		const SiteItem *it = &l->v[i];
		str_addf(out, "<li><article><h2><a href=\"%s", root);
		esc(out, it->path);
		str_adds(out, "\">");
		esc(out, it->title);
		str_adds(out, "</a></h2>\n<p class=\"meta\">");
		date_html(it->published_at, o->utc_offset, out);
		if (it->section[0]) {
			str_addf(out, " · <a href=\"%s", root);
			esc(out, it->folder);
			str_adds(out, "/index.html\">");
			esc(out, it->section);
			str_adds(out, "</a>");
		}
		str_adds(out, "</p>\n");
		if (sapo && it->sapo[0]) {
			str_adds(out, "<p class=\"sapo\">");
			esc(out, it->sapo);
			str_adds(out, "</p>\n");
		}
		str_adds(out, "</article></li>\n");
	}
	str_adds(out, "</ol>\n");
}

void site_page_front(const SiteOptions *o, const SiteItems *latest, const SiteItems *folders,
		     Str *out)
{
	Str c = STR_INIT, head = STR_INIT;

	meta(&head, "property", "og:type", "website");
	meta(&head, "property", "og:title", o->name);
	canonical(o, "", &head);
	if (folders->n) {
		str_adds(&c, "<nav class=\"sections\"><ul>\n");
		for (size_t i = 0; i < folders->n; i++) {
			str_adds(&c, "<li><a href=\"");
			esc(&c, folders->v[i].folder);
			str_adds(&c, "/index.html\">");
			esc(&c, folders->v[i].section[0] ? folders->v[i].section : "Khác");
			str_adds(&c, "</a></li>\n");
		}
		str_adds(&c, "</ul></nav>\n");
	}
	str_adds(&c, "<h1>Tin mới nhất</h1>\n");
	list_items(o, latest, "", true, &c);
	layout(o, "index.html", o->name, head.s ? head.s : "", c.s, out);
	str_release(&c);
	str_release(&head);
}

static void folder_nav(int64_t page, int64_t top, Str *c)
{
	str_adds(c, "<nav class=\"pages\">");
	if (page == 0 && top > 0)
		str_addf(c, "<a rel=\"prev\" href=\"%lld.html\">Bài cũ hơn</a>", (long long)top);
	if (page > 0 && page >= top)
		str_adds(c, "<a rel=\"next\" href=\"index.html\">Bài mới hơn</a>");
	else if (page > 0)
		str_addf(c, "<a rel=\"next\" href=\"%lld.html\">Bài mới hơn</a>",
			 (long long)page + 1);
	if (page > 1)
		str_addf(c, "<a rel=\"prev\" href=\"%lld.html\">Bài cũ hơn</a>",
			 (long long)page - 1);
	str_adds(c, "</nav>\n");
}

void site_page_folder(const SiteOptions *o, const char *folder, const char *name,
		      const SiteItems *items, int64_t page, int64_t top, Str *out)
{
	Str c = STR_INIT, head = STR_INIT, path = STR_INIT, title = STR_INIT;

	str_adds(&title, name[0] ? name : "Khác");
	if (page > 0)
		str_addf(&title, " – trang %lld", (long long)page);
	if (page > 0)
		str_addf(&path, "%s/%lld.html", folder, (long long)page);
	else
		str_addf(&path, "%s/index.html", folder);
	canonical(o, path.s, &head);
	str_adds(&head, "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"feed.atom\">\n");
	str_adds(&c, "<h1>");
	esc(&c, title.s);
	str_adds(&c, "</h1>\n");
	list_items(o, items, "../", page == 0, &c);
	folder_nav(page, top, &c);
	layout(o, path.s, title.s, head.s, c.s, out);
	str_release(&c);
	str_release(&head);
	str_release(&path);
	str_release(&title);
}

static void trimmed(const char *s, size_t n, Str *out)
{
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && s[n - 1] == ' ')
		n--;
	str_add(out, s, n);
}

/* Each tag (kind "tag") or credited name ("author") of it, trimmed, one a line. */
void site_terms_of(const char *kind, const char *tags, const char *byline, Str *out)
{
	if (strcmp(kind, "author") == 0) {
		Str kind_s = STR_INIT;
		render_credit(byline, &kind_s, out);
		str_release(&kind_s);
		return;
	}
	for (const char *p = tags; *p;) {
		const char *comma = strchr(p, ',');
		size_t before = out->len;
		if (out->len)
			str_addc(out, '\n');
		trimmed(p, comma ? (size_t)(comma - p) : strlen(p), out);
		if (out->len == before + (before ? 1 : 0))
			str_truncate(out, before);
		p = comma ? comma + 1 : p + strlen(p);
	}
}

bool site_term_name(const char *kind, const char *slug, const SiteItem *it, Str *out)
{
	Str all = STR_INIT, one = STR_INIT;
	bool found = false;

	site_terms_of(kind, it->tags, it->byline, &all);
	for (const char *p = str_cstr(&all); *p && !found;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *name = xstrndup(p, n);
		str_clear(&one);
		render_slug(name, 60, &one);
		if ((found = strcmp(str_cstr(&one), slug) == 0))
			str_adds(out, name);
		free(name);
		p += n + (nl != NULL);
	}
	str_release(&all);
	str_release(&one);
	return found;
}

void site_page_term(const SiteOptions *o, const char *kind, const char *slug,
		    const SiteItems *items, int64_t page, int64_t top, Str *out)
{
	Str c = STR_INIT, head = STR_INIT, path = STR_INIT, title = STR_INIT;
	bool author = strcmp(kind, "author") == 0;

	if (page > 0)
		str_addf(&path, "%s/%s/%lld.html", site_term_folder(kind), slug, (long long)page);
	else
		str_addf(&path, "%s/%s/index.html", site_term_folder(kind), slug);
	str_adds(&title, author ? "Bài của " : "Từ khóa: ");
	if (!items->n || !site_term_name(kind, slug, &items->v[0], &title))
		str_adds(&title, slug);
	if (page > 0)
		str_addf(&title, " – trang %lld", (long long)page);
	canonical(o, path.s, &head);
	str_adds(&c, "<h1>");
	esc(&c, title.s);
	str_adds(&c, "</h1>\n");
	list_items(o, items, "../../", page == 0, &c);
	folder_nav(page, top, &c);
	layout(o, path.s, title.s, head.s ? head.s : "", c.s, out);
	str_release(&c);
	str_release(&head);
	str_release(&path);
	str_release(&title);
}
