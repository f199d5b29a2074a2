/* test_render.c: HTML, ninjs, Markdown, credits, file names and dates. */
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "base/str.h"
#include "base/utf8.h"
#include "news/article.h"
#include "news/render.h"

/* 26/11/2026 14:05:00 in Hà Nội (07:05 UTC) and 01/11/2026 08:00 there. */
#define T_PUBLISHED 1795676700
#define T_CREATED 1793494800

/* ---- a small strict JSON parser, to check that the output is JSON and read it back ---- */

typedef struct JV {
	char type;          /* 'o' object, 'a' array, 's' string, 'n' number, 't' 'f' 'z'(null) */
	char *str;          /* string value (decoded) */
	char **keys;        /* object member names */
	struct JV *kids;    /* members or elements */
	size_t n;
} JV;

typedef struct JP {
	const char *s;
	size_t i, len;
	int depth;
} JP;

static bool jv_parse(JP *p, JV *v);

static void jp_ws(JP *p)
{
	while (p->i < p->len && strchr(" \t\r\n", p->s[p->i]) && p->s[p->i])
		p->i++;
}

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : (c | 32) >= 'a' && (c | 32) <= 'f' ? (c | 32) - 'a' + 10 : -1;
}

static bool jp_hex4(JP *p, int32_t *cp)
{
	*cp = 0;
	for (int k = 0; k < 4; k++) {
		int h = p->i < p->len ? hexval(p->s[p->i++]) : -1;
		if (h < 0)
			return false;
		*cp = *cp * 16 + h;
	}
	return true;
}

static bool jp_string(JP *p, char **out)
{
	Str s = STR_INIT;

	if (p->i >= p->len || p->s[p->i++] != '"')
		return false;
	while (p->i < p->len && p->s[p->i] != '"') {
		unsigned char c = (unsigned char)p->s[p->i++];
		int32_t cp;
		if (c < 0x20)
			goto fail;
		if (c != '\\') {
			str_addc(&s, (char)c);
			continue;
		}
		if (p->i >= p->len)
			goto fail;
		c = (unsigned char)p->s[p->i++];
		const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
		const char *at = c ? strchr(from, c) : NULL;
		if (at) {
			str_addc(&s, to[at - from]);
		} else if (c == 'u' && jp_hex4(p, &cp)) {
			if (cp >= 0xD800 && cp < 0xDC00) {
				int32_t lo;
				if (p->i + 2 > p->len || p->s[p->i] != '\\' || p->s[p->i + 1] != 'u')
					goto fail;
				p->i += 2;
				if (!jp_hex4(p, &lo) || lo < 0xDC00 || lo > 0xDFFF)
					goto fail;
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			} else if (cp >= 0xDC00 && cp < 0xE000) {
				goto fail;
			}
			utf8_add(&s, cp);
		} else {
			goto fail;
		}
	}
	if (p->i >= p->len || !utf8_valid(str_cstr(&s), s.len, NULL))
		goto fail;
	p->i++;
	*out = str_detach(&s);
	if (!*out)
		*out = calloc(1, 1);
	return true;
fail:
	str_release(&s);
	return false;
}

static bool jp_number(JP *p)
{
	size_t start = p->i;
	const char *s = p->s;

	if (p->i < p->len && s[p->i] == '-')
		p->i++;
	if (p->i < p->len && s[p->i] == '0')
		p->i++;
	else if (p->i < p->len && s[p->i] >= '1' && s[p->i] <= '9')
		while (p->i < p->len && s[p->i] >= '0' && s[p->i] <= '9')
			p->i++;
	else
		return false;
	if (p->i < p->len && s[p->i] == '.') {
		size_t d = ++p->i;
		while (p->i < p->len && s[p->i] >= '0' && s[p->i] <= '9')
			p->i++;
		if (p->i == d)
			return false;
	}
	if (p->i < p->len && (s[p->i] == 'e' || s[p->i] == 'E')) {
		p->i++;
		if (p->i < p->len && (s[p->i] == '+' || s[p->i] == '-'))
			p->i++;
		size_t d = p->i;
		while (p->i < p->len && s[p->i] >= '0' && s[p->i] <= '9')
			p->i++;
		if (p->i == d)
			return false;
	}
	return p->i > start;
}

static bool jp_literal(JP *p, const char *word)
{
	size_t n = strlen(word);
	if (p->len - p->i < n || memcmp(p->s + p->i, word, n) != 0)
		return false;
	p->i += n;
	return true;
}

static bool jp_items(JP *p, JV *v, bool object)
{
	char close = object ? '}' : ']';

	p->i++;
	jp_ws(p);
	if (p->i < p->len && p->s[p->i] == close) {
		p->i++;
		return true;
	}
	for (;;) {
		v->kids = realloc(v->kids, (v->n + 1) * sizeof(*v->kids));
		v->keys = realloc(v->keys, (v->n + 1) * sizeof(*v->keys));
		memset(&v->kids[v->n], 0, sizeof(*v->kids));
		v->keys[v->n] = NULL;
		v->n++;
		jp_ws(p);
		if (object) {
			if (!jp_string(p, &v->keys[v->n - 1]))
				return false;
			jp_ws(p);
			if (p->i >= p->len || p->s[p->i++] != ':')
				return false;
		}
		if (!jv_parse(p, &v->kids[v->n - 1]))
			return false;
		jp_ws(p);
		if (p->i >= p->len)
			return false;
		if (p->s[p->i] == close) {
			p->i++;
			return true;
		}
		if (p->s[p->i++] != ',')
			return false;
	}
}

static bool jv_parse(JP *p, JV *v)
{
	memset(v, 0, sizeof(*v));
	jp_ws(p);
	if (p->i >= p->len || ++p->depth > 64)
		return false;
	char c = p->s[p->i];
	bool ok;
	v->type = c == '{' ? 'o' : c == '[' ? 'a' : c == '"' ? 's' : c == 't' ? 't' : c == 'f' ? 'f' :
		  c == 'n' ? 'z' : 'n';
	switch (v->type) {
	case 'o': ok = jp_items(p, v, true); break;
	case 'a': ok = jp_items(p, v, false); break;
	case 's': ok = jp_string(p, &v->str); break;
	case 't': ok = jp_literal(p, "true"); break;
	case 'f': ok = jp_literal(p, "false"); break;
	case 'z': ok = jp_literal(p, "null"); break;
	default: ok = jp_number(p); break;
	}
	p->depth--;
	return ok;
}

static void jv_free(JV *v)
{
	for (size_t i = 0; i < v->n; i++) {
		jv_free(&v->kids[i]);
		free(v->keys[i]);
	}
	free(v->kids);
	free(v->keys);
	free(v->str);
}

/* Parses the whole of s (nothing but white space may follow the value). */
static bool json_ok(const char *s, JV *v)
{
	JP p = {s, 0, strlen(s), 0};
	bool ok = jv_parse(&p, v);
	jp_ws(&p);
	return ok && p.i == p.len;
}

static bool json_valid(const char *s)
{
	JV v;
	bool ok = json_ok(s, &v);
	jv_free(&v);
	return ok;
}

static const JV *jv_get(const JV *v, const char *key)
{
	for (size_t i = 0; v && v->type == 'o' && i < v->n; i++)
		if (strcmp(v->keys[i], key) == 0)
			return &v->kids[i];
	return NULL;
}

static const char *jv_str(const JV *v, const char *key)
{
	const JV *k = jv_get(v, key);
	return k && k->type == 's' ? k->str : NULL;
}

/* ---- fixtures ---- */

static void sample(Article *a)
{
	article_init(a);
	a->id = 123;
	a->version = 3;
	a->state = STATE_PUBLISHED;
	a->created_at = T_CREATED;
	a->updated_at = T_PUBLISHED;
	a->published_at = T_PUBLISHED;
	article_set(&a->title, "Bão số 3 đổ bộ: <miền> Trung & \"Tây\" Nguyên");
	article_set(&a->sapo, "Chiều nay, bão đã vào đất liền — 'gió giật cấp 12'.");
	article_set(&a->body, "Đoạn một <b>đậm</b>.\nDòng hai của đoạn một.\n\n"
			      "Đoạn hai & \"trích dẫn\".\n\n3. Không phải danh sách");
	article_set(&a->byline, "Tin, ảnh: Trần Thị Mai");
	article_set(&a->section, "Thời sự");
	article_set(&a->tags, "bão, miền Trung, <script>");
}

static RenderOptions opts(void)
{
	RenderOptions o;
	render_options_init(&o, T_PUBLISHED + 3600);
	o.base_uri = "https://bao.example.vn/tin/";
	o.site_name = "Báo Mẫu";
	return o;
}

/* ---- tests ---- */

START_TEST(json_checker_is_strict)
{
	static const char *const good[] = {"{}", "[]", "[1,-2.5e3,true,false,null]",
					   "{\"a\":{\"b\":[\"\\u00e9\\n\\ud83d\\ude00\"]}}", " 0 "};
	static const char *const bad[] = {"{", "[1,]", "{\"a\" 1}", "\"\\x\"", "01", "[1] x",
					  "\"a\nb\"", "{'a':1}", "[.5]", "\"\\ud800\"", ""};
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		ck_assert_msg(json_valid(good[i]), "%s", good[i]);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(!json_valid(bad[i]), "%s", bad[i]);
}
END_TEST

START_TEST(html_page_is_escaped_and_complete)
{
	Article a;
	RenderOptions o = opts();
	Str out = STR_INIT;

	sample(&a);
	render_html(&a, &o, &out);
	ck_assert(strncmp(out.s, "<!doctype html>\n<html lang=\"vi\">", 32) == 0);
	ck_assert(strstr(out.s, "<meta charset=\"utf-8\">"));
	ck_assert(strstr(out.s, "<title>Bão số 3 đổ bộ: &lt;miền&gt; Trung &amp; &quot;Tây&quot; "
				"Nguyên – Báo Mẫu</title>"));
	ck_assert(strstr(out.s, "<h1>Bão số 3 đổ bộ: &lt;miền&gt; Trung &amp; &quot;Tây&quot; "
				"Nguyên</h1>"));
	ck_assert(strstr(out.s, "<meta name=\"description\" content=\"Chiều nay, bão đã vào đất "
				"liền — &#39;gió giật cấp 12&#39;.\">"));
	ck_assert(strstr(out.s, "<p class=\"sapo\">Chiều nay, bão đã vào đất liền — &#39;gió giật "
				"cấp 12&#39;.</p>"));
	ck_assert(strstr(out.s, "<p>Đoạn một &lt;b&gt;đậm&lt;/b&gt;.<br>\nDòng hai của đoạn "
				"một.</p>\n<p>Đoạn hai &amp; &quot;trích dẫn&quot;.</p>\n"
				"<p>3. Không phải danh sách</p>\n"));
	ck_assert(strstr(out.s, "<p class=\"byline\"><span class=\"credit\">Tin, ảnh:</span> Trần Thị Mai</p>"));
	ck_assert(strstr(out.s, "<p class=\"section\">Thời sự</p>"));
	ck_assert(strstr(out.s, "<span class=\"tag\">miền Trung</span>, "
				"<span class=\"tag\">&lt;script&gt;</span>"));
	ck_assert(strstr(out.s, "<time datetime=\"2026-11-26T14:05:00+07:00\">26/11/2026 14:05"
				"</time>"));
	ck_assert(strstr(out.s, "<link rel=\"canonical\" href=\"https://bao.example.vn/tin/"
				"123-bao-so-3-do-bo-mien-trung-tay-nguyen.html\">"));
	ck_assert(!strstr(out.s, "<script>") && !strstr(out.s, "<b>"));
	ck_assert(utf8_valid(out.s, out.len, NULL) && utf8_is_nfc(out.s, out.len));
	ck_assert(strstr(out.s, "</article>\n</body>\n</html>\n"));
	article_release(&a);
	str_release(&out);
}
END_TEST

START_TEST(credits_keep_the_kind_apart_from_the_names)
{
	static const struct {
		const char *line, *kind, *names;
	} cases[] = {
		{"Tin: Trần Thị Mai", "Tin", "Trần Thị Mai"},
		{"Tin và ảnh: Trần Thị Mai, Lê Văn Hà", "Tin và ảnh", "Trần Thị Mai\nLê Văn Hà"},
		{"Bài và ảnh: Nguyễn An và Phạm Bình", "Bài và ảnh", "Nguyễn An\nPhạm Bình"},
		{"(Theo TTXVN)", "Theo", "TTXVN"},
		{"Theo báo Nhân Dân", "Theo", "báo Nhân Dân"},
		{"Trần Thị Mai", "", "Trần Thị Mai"},
		{"Nhóm phóng viên Thời sự", "", "Nhóm phóng viên Thời sự"},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		Str kind = STR_INIT, names = STR_INIT;
		render_credit(cases[i].line, &kind, &names);
		ck_assert_str_eq(str_cstr(&kind), cases[i].kind);
		ck_assert_str_eq(str_cstr(&names), cases[i].names);
		str_release(&kind);
		str_release(&names);
	}
}
END_TEST

START_TEST(html_of_a_draft_has_no_publication_time)
{
	Article a;
	RenderOptions o;
	Str out = STR_INIT;

	article_init(&a);
	article_set(&a.title, "Nháp");
	render_options_init(&o, T_PUBLISHED);
	render_html(&a, &o, &out);
	ck_assert(strstr(out.s, "<title>Nháp</title>"));
	/* a draft has not been published: no time is made up from the time of the export */
	ck_assert(!strstr(out.s, "<time"));
	ck_assert(!strstr(out.s, "class=\"sapo\"") && !strstr(out.s, "class=\"byline\"") &&
		  !strstr(out.s, "class=\"tags\"") && !strstr(out.s, "canonical"));
	article_release(&a);
	str_release(&out);
}
END_TEST

START_TEST(ninjs_has_the_required_fields)
{
	Article a;
	RenderOptions o = opts();
	Str out = STR_INIT;
	JV v;
	const JV *k;

	sample(&a);
	render_ninjs(&a, &o, &out);
	ck_assert_msg(json_ok(out.s, &v), "not JSON:\n%s", out.s);
	ck_assert_int_eq(v.type, 'o');
	ck_assert_str_eq(jv_str(&v, "uri"), "urn:toasoan:article:123");
	ck_assert_str_eq(jv_str(&v, "type"), "text");
	ck_assert_str_eq(jv_str(&v, "version"), "3");
	ck_assert_str_eq(jv_str(&v, "versionCreated"), "2026-11-26T14:05:00+07:00");
	ck_assert_str_eq(jv_str(&v, "firstCreated"), "2026-11-01T08:00:00+07:00");
	ck_assert_str_eq(jv_str(&v, "pubStatus"), "usable");
	ck_assert_str_eq(jv_str(&v, "language"), "vi");
	ck_assert_str_eq(jv_str(&v, "by"), "Trần Thị Mai"); /* the names, not "Tin, ảnh:" */
	k = jv_get(&v, "headlines");
	ck_assert(k && k->type == 'a' && k->n == 1);
	ck_assert_str_eq(jv_str(&k->kids[0], "role"), "main");
	ck_assert_str_eq(jv_str(&k->kids[0], "value"), a.title);
	k = jv_get(&v, "descriptions");
	ck_assert(k && k->n == 1);
	ck_assert_str_eq(jv_str(&k->kids[0], "role"), "summary");
	ck_assert_str_eq(jv_str(&k->kids[0], "value"), a.sapo);
	k = jv_get(&v, "bodies");
	ck_assert(k && k->n == 2);
	ck_assert_str_eq(jv_str(&k->kids[0], "contentType"), "text/plain");
	ck_assert_str_eq(jv_str(&k->kids[0], "value"), a.body);
	ck_assert_str_eq(jv_str(&k->kids[1], "contentType"), "text/html");
	ck_assert(strstr(jv_str(&k->kids[1], "value"), "<p>Đoạn hai &amp; &quot;trích dẫn&quot;.</p>"));
	k = jv_get(&v, "subjects");
	ck_assert(k && k->n == 4);
	ck_assert_str_eq(jv_str(&k->kids[0], "name"), "Thời sự");
	ck_assert_str_eq(jv_str(&k->kids[0], "uri"), "urn:toasoan:section:thoi-su");
	ck_assert_str_eq(jv_str(&k->kids[2], "name"), "miền Trung");
	ck_assert_str_eq(jv_str(&k->kids[2], "uri"), "urn:toasoan:tag:mien-trung");
	ck_assert_str_eq(jv_str(&k->kids[3], "name"), "<script>");
	k = jv_get(&v, "keywords");
	ck_assert(k && k->n == 3 && strcmp(k->kids[1].str, "miền Trung") == 0);
	ck_assert(!jv_get(&v, "embargoed"));
	jv_free(&v);
	article_release(&a);
	str_release(&out);
}
END_TEST

START_TEST(ninjs_of_unpublished_articles_is_withheld)
{
	Article a;
	RenderOptions o = opts();
	Str out = STR_INIT;
	JV v;

	sample(&a);
	a.state = STATE_SCHEDULED;
	a.publish_at = T_PUBLISHED + 86400;
	/* text that JSON must escape: control characters, backslash, line separator */
	article_set(&a.title, "a\\b\"c\x01\td\xE2\x80\xA8");
	article_set(&a.sapo, "");
	article_set(&a.tags, "");
	article_set(&a.section, "");
	render_ninjs(&a, &o, &out);
	ck_assert_msg(json_ok(out.s, &v), "not JSON:\n%s", out.s);
	ck_assert_str_eq(jv_str(&v, "pubStatus"), "withheld");
	ck_assert_str_eq(jv_str(&v, "embargoed"), "2026-11-27T14:05:00+07:00");
	ck_assert_str_eq(jv_str(&jv_get(&v, "headlines")->kids[0], "value"), a.title);
	ck_assert(!jv_get(&v, "descriptions") && !jv_get(&v, "subjects") && !jv_get(&v, "keywords"));
	jv_free(&v);
	str_clear(&out);
	a.state = STATE_DRAFT;
	render_ninjs(&a, &o, &out);
	ck_assert(json_ok(out.s, &v));
	ck_assert_str_eq(jv_str(&v, "pubStatus"), "withheld");
	ck_assert(!jv_get(&v, "embargoed"));
	jv_free(&v);
	article_release(&a);
	str_release(&out);
}
END_TEST


START_TEST(file_names_and_slugs)
{
	Article a;
	RenderOptions o = opts();
	Str s = STR_INIT;

	article_init(&a);
	a.id = 123;
	article_set(&a.title, "Bão số 3 đổ bộ");
	render_file_name(&a, RENDER_HTML, &o, &s);
	ck_assert_str_eq(s.s, "123-bao-so-3-do-bo.html");
	str_clear(&s);
	render_file_name(&a, RENDER_NINJS, &o, &s);
	ck_assert_str_eq(s.s, "123.json");
	str_clear(&s);
	render_file_name(&a, RENDER_MARKDOWN, &o, &s);
	ck_assert_str_eq(s.s, "123.md");
	str_clear(&s);
	o.slug = false;
	render_file_name(&a, RENDER_HTML, &o, &s);
	ck_assert_str_eq(s.s, "123.html");
	str_clear(&s);
	o.slug = true;
	article_set(&a.title, "“!!!” — 中文");
	render_file_name(&a, RENDER_HTML, &o, &s);
	ck_assert_str_eq(s.s, "123.html");
	str_clear(&s);
	render_slug("  ĐƯỜNG Hồ Chí Minh: 1.000 km!  ", 60, &s);
	ck_assert_str_eq(s.s, "duong-ho-chi-minh-1-000-km");
	str_clear(&s);
	render_slug("Một hai ba bốn năm sáu bảy tám chín mười mười một mười hai mười ba", 30, &s);
	ck_assert_str_eq(s.s, "mot-hai-ba-bon-nam-sau-bay-tam");
	ck_assert_uint_le(s.len, 30);
	article_release(&a);
	str_release(&s);
}
END_TEST

START_TEST(dates_in_vietnamese_and_iso)
{
	Str s = STR_INIT;

	render_date_vi(T_PUBLISHED, 7 * 3600, &s);
	ck_assert_str_eq(s.s, "26/11/2026 14:05");
	str_clear(&s);
	render_date_iso(T_PUBLISHED, 7 * 3600, &s);
	ck_assert_str_eq(s.s, "2026-11-26T14:05:00+07:00");
	str_clear(&s);
	render_date_iso(T_PUBLISHED, -(3 * 3600 + 1800), &s);
	ck_assert_str_eq(s.s, "2026-11-26T03:35:00-03:30");
	str_clear(&s);
	render_date_vi(T_PUBLISHED - 7 * 3600 - 5 * 60 - 1, 7 * 3600, &s); /* a minute before midnight */
	ck_assert_str_eq(s.s, "26/11/2026 06:59");
	str_release(&s);
}
END_TEST

START_TEST(markdown_keeps_text_and_escapes_markup)
{
	Article a;
	RenderOptions o = opts();
	Str out = STR_INIT;

	sample(&a);
	article_set(&a.body, "*Không* in nghiêng_đâu\n# không phải tiêu đề\n\n- không phải danh sách");
	render_markdown(&a, &o, &out);
	ck_assert(strncmp(out.s, "# Bão số 3 đổ bộ: \\<miền\\> Trung & \"Tây\" Nguyên\n\n", 60) == 0);
	ck_assert(strstr(out.s, "**Chiều nay, bão đã vào đất liền — 'gió giật cấp 12'.**\n\n"));
	ck_assert(strstr(out.s, "\\*Không\\* in nghiêng\\_đâu\\\n\\# không phải tiêu đề\n\n"
				"\\- không phải danh sách\n\n"));
	ck_assert(strstr(out.s, "*Tin, ảnh: Trần Thị Mai*\n\n"));
	ck_assert(strstr(out.s, "Chuyên mục: Thời sự  \nTừ khóa: bão, miền Trung, \\<script\\>  \n"));
	ck_assert(strstr(out.s, "Đăng lúc: 26/11/2026 14:05\n"));
	article_release(&a);
	str_release(&out);
}
END_TEST

START_TEST(render_dispatches_every_format)
{
	Article a;
	RenderOptions o = opts();
	RenderFormat f;
	Str out = STR_INIT, txt = STR_INIT;

	ck_assert(render_format_parse("ninjs", &f) && f == RENDER_NINJS);
	ck_assert(render_format_parse("markdown", &f) && f == RENDER_MARKDOWN);
	ck_assert(render_format_parse("txt", &f) && f == RENDER_TEXT);
	ck_assert(!render_format_parse("pdf", &f));
	ck_assert_str_eq(render_format_name(RENDER_HTML), "html");
	sample(&a);
	render(&a, RENDER_TEXT, &o, &out);
	article_format(&a, &txt);
	ck_assert_str_eq(out.s, txt.s);
	str_clear(&out);
	render(&a, RENDER_NINJS, &o, &out);
	ck_assert(json_valid(out.s));
	article_release(&a);
	str_release(&out);
	str_release(&txt);
}
END_TEST

static Suite *render_suite(void)
{
	Suite *s = suite_create("render");
	ADD_TEST(s, json_checker_is_strict);
	ADD_TEST(s, html_page_is_escaped_and_complete);
	ADD_TEST(s, html_of_a_draft_has_no_publication_time);
	ADD_TEST(s, credits_keep_the_kind_apart_from_the_names);
	ADD_TEST(s, ninjs_has_the_required_fields);
	ADD_TEST(s, ninjs_of_unpublished_articles_is_withheld);
	ADD_TEST(s, file_names_and_slugs);
	ADD_TEST(s, dates_in_vietnamese_and_iso);
	ADD_TEST(s, markdown_keeps_text_and_escapes_markup);
	ADD_TEST(s, render_dispatches_every_format);
	return s;
}

CHECK_MAIN(render_suite)
