/* test_site.c: the site's templates, paths, folders and feeds, without a folder or a database. */
#include <string.h>

#include "check_main.h"
#include "news/site.h"
#include "news/template.h"

/* 2026-12-04 09:30 in Hà Nội */
#define T_DEC4 1796351400

static const char *const names[] = {"title", "content", NULL};
static const char *const raw[] = {"content", NULL};
static const TemplateVars vars = {names, raw};

START_TEST(template_escapes_by_default)
{
	const char *values[] = {"<b>\"Bão\" & 'lũ'</b>", "<p>đã dựng</p>"};
	Str out = STR_INIT;

	template_expand("<h1>{{title}}</h1>{{{content}}}{{ title }}", &vars, values, &out);
	ck_assert_str_eq(out.s, "<h1>&lt;b&gt;&quot;Bão&quot; &amp; &#39;lũ&#39;&lt;/b&gt;</h1>"
				"<p>đã dựng</p>&lt;b&gt;&quot;Bão&quot; &amp; &#39;lũ&#39;&lt;/b&gt;");
	str_release(&out);
}
END_TEST

START_TEST(template_errors_name_the_line)
{
	char err[256];

	ck_assert(template_check("layout.html", "<p>{{title}}</p>\n{{{content}}}", &vars, err,
				 sizeof(err)));
	ck_assert(!template_check("layout.html", "a\nb {{titel}}", &vars, err, sizeof(err)));
	ck_assert_str_eq(err, "layout.html:2: unknown name 'titel' in the template");
	ck_assert(!template_check("layout.html", "{{{title}}}", &vars, err, sizeof(err)));
	ck_assert_str_eq(err, "layout.html:1: 'title' must be escaped: write {{title}}");
	ck_assert(!template_check("layout.html", "\n\n{{title", &vars, err, sizeof(err)));
	ck_assert(strstr(err, "layout.html:3: a '{{' is not closed"));
	ck_assert(template_check("layout.html", site_default_layout(), site_layout_vars(), err,
				 sizeof(err)));
}
END_TEST

START_TEST(article_paths_carry_date_and_id)
{
	Str s = STR_INIT;

	site_article_path(15, "Bão số 3 đổ bộ", T_DEC4, 7 * 3600, &s);
	ck_assert_str_eq(s.s, "2026/12/04/15-bao-so-3-do-bo.html");
	str_clear(&s);
	site_ninjs_path("2026/12/04/15-bao-so-3-do-bo.html", 15, &s);
	ck_assert_str_eq(s.s, "2026/12/04/15.json");
	str_clear(&s);
	site_article_path(16, "", T_DEC4, 7 * 3600, &s);
	ck_assert_str_eq(s.s, "2026/12/04/16.html");
	str_release(&s);
}
END_TEST

START_TEST(section_folders_never_take_the_sites_own_names)
{
	static const char *const cases[][2] = {
		{"Thời sự", "thoi-su"}, {"", "khac"}, {"2026", "muc-2026"},
		{"Chủ đề", "muc-chu-de"}, {"Tác giả", "muc-tac-gia"}, {"archive", "muc-archive"},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		Str s = STR_INIT;
		site_folder(cases[i][0], &s);
		ck_assert_str_eq(s.s, cases[i][1]);
		str_release(&s);
	}
}
END_TEST

START_TEST(atom_escapes_and_drops_what_xml_cannot_carry)
{
	SiteItems l = {0};
	SiteItem *it = site_items_push(&l);
	SiteOptions o = {"https://bao.vn/", "Báo <Thử>", site_default_layout(), 7 * 3600, T_DEC4};
	Str out = STR_INIT;

	it->id = 15;
	free(it->title);
	it->title = strdup("A <b> & \x01 \"q\"");
	free(it->path);
	it->path = strdup("2026/12/04/15-a.html");
	it->published_at = it->updated_at = T_DEC4;
	site_atom(&o, NULL, o.name, &l, &out);
	ck_assert(strstr(out.s, "<title>A &lt;b&gt; &amp;  &quot;q&quot;</title>"));
	ck_assert(strstr(out.s, "<title>Báo &lt;Thử&gt;</title>"));
	ck_assert(strstr(out.s, "href=\"https://bao.vn/2026/12/04/15-a.html\""));
	ck_assert(strstr(out.s, "<updated>2026-12-04T09:30:00+07:00</updated>"));
	ck_assert(!strchr(out.s, '\x01'));
	site_items_release(&l);
	str_release(&out);
}
END_TEST

static Suite *site_suite(void)
{
	Suite *s = suite_create("site");
	ADD_TEST(s, template_escapes_by_default);
	ADD_TEST(s, template_errors_name_the_line);
	ADD_TEST(s, article_paths_carry_date_and_id);
	ADD_TEST(s, section_folders_never_take_the_sites_own_names);
	ADD_TEST(s, atom_escapes_and_drops_what_xml_cannot_carry);
	return s;
}

CHECK_MAIN(site_suite)
