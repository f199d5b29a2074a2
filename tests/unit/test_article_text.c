/* test_article_text.c: the plain-text article format: headers, plain text, bylines, errors. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "base/str.h"
#include "news/article.h"

/* Parses s into a fresh article; the article is released by the caller. */
static bool parse(const char *s, Article *a, char *err, size_t errlen)
{
	article_init(a);
	err[0] = '\0';
	return article_parse(s, strlen(s), a, err, errlen);
}

static void assert_refused(const char *s, size_t len, const char *want)
{
	Article a;
	char err[160] = "";

	article_init(&a);
	article_set(&a.title, "kept");
	ck_assert_msg(!article_parse(s, len, &a, err, sizeof(err)), "accepted: %s", s);
	ck_assert_str_eq(err, want);
	ck_assert_str_eq(a.title, "kept"); /* nothing changes on failure */
	article_release(&a);
}

START_TEST(header_block_in_vietnamese)
{
	Article a;
	char err[160];
	const char *text = "\xEF\xBB\xBFTiêu đề: Bão số 3 đổ bộ\r\n"
			   "Sapo: Chiều nay, bão đã vào đất liền.\r\n"
			   "Tác giả: Trần Thị Mai\r\n"
			   "Chuyên mục: Thời sự\r\n"
			   "Từ khóa: bão;  miền Trung ,,thời tiết\r\n"
			   "\r\n"
			   "Đoạn một.   \r\n"
			   "Vẫn đoạn một.\r\n\r\n\r\n\r\n"
			   "Đoạn hai.\r\n";

	ck_assert_msg(parse(text, &a, err, sizeof(err)), "%s", err);
	ck_assert_str_eq(a.title, "Bão số 3 đổ bộ");
	ck_assert_str_eq(a.sapo, "Chiều nay, bão đã vào đất liền.");
	ck_assert_str_eq(a.byline, "Trần Thị Mai");
	ck_assert_str_eq(a.section, "Thời sự");
	ck_assert_str_eq(a.tags, "bão, miền Trung, thời tiết");
	ck_assert_str_eq(a.body, "Đoạn một.\nVẫn đoạn một.\n\nĐoạn hai.");
	ck_assert_int_eq(a.words, 5 + 7 + 7);
	article_release(&a);
}
END_TEST

START_TEST(keys_in_english_any_case_and_tone_placement)
{
	Article a;
	char err[160];
	/* NFD title, old tone placement "khoá", capitals, English keys, a CR-only file */
	const char *text = "TITLE: Vie\xCC\x82\xCC\xA3t Nam\r"
			   "lead: Một dòng sapo\r"
			   "   nối tiếp dòng trên\r"
			   "Từ khoá: a, b\r"
			   "SECTION:Thể thao\r"
			   "author:  Nhóm phóng viên\r"
			   "\r"
			   "Thân bài.";

	ck_assert_msg(parse(text, &a, err, sizeof(err)), "%s", err);
	ck_assert_str_eq(a.title, "Việt Nam");
	ck_assert_str_eq(a.sapo, "Một dòng sapo\nnối tiếp dòng trên");
	ck_assert_str_eq(a.tags, "a, b");
	ck_assert_str_eq(a.section, "Thể thao");
	ck_assert_str_eq(a.byline, "Nhóm phóng viên");
	ck_assert_str_eq(a.body, "Thân bài.");
	article_release(&a);

	ck_assert(parse("TU KHOA: x\nTieu de: Khong dau\n\nBody", &a, err, sizeof(err)));
	ck_assert_str_eq(a.title, "Khong dau");
	ck_assert_str_eq(a.tags, "x");
	article_release(&a);
}
END_TEST

START_TEST(plain_text_first_line_is_title_and_no_sapo_is_guessed)
{
	Article a;
	char err[160];
	const char *text = "\n\n   Hà Nội: mưa lớn chiều nay  \n\n"
			   "Ngắn thôi.\n\n"
			   "Đoạn dài hơn của bài viết.\n"
			   "  Dòng thụt lề giữ nguyên.\n";

	ck_assert_msg(parse(text, &a, err, sizeof(err)), "%s", err);
	ck_assert_str_eq(a.title, "Hà Nội: mưa lớn chiều nay");
	ck_assert_str_eq(a.sapo, "");
	ck_assert_str_eq(a.body, "Ngắn thôi.\n\nĐoạn dài hơn của bài viết.\n  Dòng thụt lề giữ nguyên.");
	ck_assert_str_eq(a.byline, "");
	article_release(&a);

	/* a title alone is a whole article */
	ck_assert(parse("Chỉ có tiêu đề", &a, err, sizeof(err)));
	ck_assert_str_eq(a.title, "Chỉ có tiêu đề");
	ck_assert_str_eq(a.body, "");
	article_release(&a);
}
END_TEST

START_TEST(last_line_becomes_byline)
{
	static const struct {
		const char *last, *byline;
	} yes[] = {
		{"Tin, ảnh: Trần Thị Mai", "Tin, ảnh: Trần Thị Mai"},
		{"Bài và ảnh: Lê Văn Hùng", "Bài và ảnh: Lê Văn Hùng"},
		{"Tin: Minh Hà", "Tin: Minh Hà"},
		{"Ảnh: Ngọc Thắng", "Ảnh: Ngọc Thắng"},
		{"Bài: Phạm Quang", "Bài: Phạm Quang"},
		{"Theo TTXVN", "Theo TTXVN"},
		{"(Theo Reuters)", "(Theo Reuters)"},
		{"Theo báo Nhân Dân", "Theo báo Nhân Dân"},
		{"Nhóm phóng viên Thời sự", "Nhóm phóng viên Thời sự"},
		{"   Tin, ảnh: Hoàng Anh", "Tin, ảnh: Hoàng Anh"},
	};
	static const char *const no[] = {
		"Theo anh Nam, việc này sẽ xong trong tuần",
		"Theo đó, thành phố sẽ cấm xe.",
		"Tin: một dòng rất dài có quá nhiều chữ để có thể là tên tác giả của bài báo này",
		"Ảnh: minh họa.",
		"Tin:",
		"Tin tức hôm nay",
	};
	Article a;
	char err[160], text[512];

	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		snprintf(text, sizeof(text), "Tiêu đề\n\nĐoạn một.\n\n%s\n\n", yes[i].last);
		ck_assert(parse(text, &a, err, sizeof(err)));
		ck_assert_str_eq(a.byline, yes[i].byline);
		ck_assert_str_eq(a.body, "Đoạn một.");
		article_release(&a);
	}
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
		snprintf(text, sizeof(text), "Tiêu đề\n\nĐoạn một.\n%s", no[i]);
		ck_assert(parse(text, &a, err, sizeof(err)));
		ck_assert_msg(a.byline[0] == '\0', "took '%s'", no[i]);
		article_release(&a);
	}
	/* a byline at the end of a paragraph's last line counts too */
	ck_assert(parse("T\n\nĐoạn một.\nTheo VnExpress", &a, err, sizeof(err)));
	ck_assert_str_eq(a.byline, "Theo VnExpress");
	ck_assert_str_eq(a.body, "Đoạn một.");
	article_release(&a);
	/* a Tác giả header, even an empty one, wins over the last line */
	ck_assert(parse("Tiêu đề: T\nTác giả:\n\nĐoạn.\n\nTheo TTXVN", &a, err, sizeof(err)));
	ck_assert_str_eq(a.byline, "");
	ck_assert_str_eq(a.body, "Đoạn.\n\nTheo TTXVN");
	article_release(&a);
	ck_assert(parse("Tiêu đề: T\nTác giả: Mai\n\nĐoạn.\n\nTheo TTXVN", &a, err, sizeof(err)));
	ck_assert_str_eq(a.byline, "Mai");
	article_release(&a);
	/* header without Tác giả: the last line is taken */
	ck_assert(parse("Tiêu đề: T\n\nĐoạn.\n\nTin, ảnh: Mai", &a, err, sizeof(err)));
	ck_assert_str_eq(a.byline, "Tin, ảnh: Mai");
	article_release(&a);
}
END_TEST

START_TEST(header_without_blank_line_starts_body)
{
	Article a;
	char err[160];

	ck_assert(parse("Tiêu đề: T\nSapo: S\nĐây là thân bài: có dấu hai chấm.\nDòng 2",
			&a, err, sizeof(err)));
	ck_assert_str_eq(a.sapo, "S");
	ck_assert_str_eq(a.body, "Đây là thân bài: có dấu hai chấm.\nDòng 2");
	article_release(&a);
}
END_TEST

START_TEST(bad_input_is_refused_with_a_clear_message)
{
	static char big[ARTICLE_MAX_BYTES + 2];

#define REFUSE(lit, want) assert_refused(lit, sizeof(lit) - 1, want)
	REFUSE("", "the file is empty");
	REFUSE("Tiêu đề\0x", "the file has a NUL byte at offset 11");
	REFUSE("Tiêu đề\n\xC3(", "invalid UTF-8 at byte 12");
	REFUSE(" \n\t\r\n  \n", "the file has only white space");
	REFUSE("abc\x1B[0m", "the file is not text: control character U+001B at byte 3");
	REFUSE("ab\xC2\x85", "the file is not text: control character U+0085 at byte 2");
	REFUSE("Sapo: S\n\nBody", "no title: the header has no 'Tiêu đề' line");
	REFUSE("Sapo: S\nTitle:  \n\nBody", "no title: 'Tiêu đề' is empty on line 2");
	REFUSE("Title: a\nSapo: b\nTiêu đề: c\n", "line 3: 'Tiêu đề' is given twice");
#undef REFUSE
	memset(big, 'a', sizeof(big));
	assert_refused(big, sizeof(big), "the file is larger than 4 MiB");
}
END_TEST

START_TEST(format_writes_every_key)
{
	Article a;
	Str out = STR_INIT;

	article_init(&a);
	article_set(&a.title, "Bão số 3");
	article_set(&a.sapo, "Dòng một\nDòng hai");
	article_set(&a.body, "Đoạn một.\n\nTheo TTXVN");
	article_format(&a, &out);
	ck_assert_str_eq(out.s, "Tiêu đề: Bão số 3\n"
				"Sapo: Dòng một\n"
				"  Dòng hai\n"
				"Tác giả:\n"
				"Chuyên mục:\n"
				"Từ khóa:\n"
				"\n"
				"Đoạn một.\n\nTheo TTXVN\n");
	article_release(&a);
	str_release(&out);
}
END_TEST

/* ---- the round-trip property ---- */

static uint64_t next_rand(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static const char *const pool[] = {
	"Hà", "Nội:", "người", "dân", "Việt", "Nam", "bão", "số", "3", "đổ", "bộ", "Tiêu", "đề:",
	"Sapo:", "Theo", "TTXVN", "Tin,", "ảnh:", "“trích", "dẫn”", "<b>", "&amp;", "100%", "—",
	"khoá", "khóa", "Ủy", "ban", "ĐÀ", "NẴNG", "1.000", "(Theo", "Reuters)", "a:b", "#", "*",
	"Tác", "giả:", "e\xCC\x81", "x\ty", "…", "quốc", "nghiêng", "Nhóm", "phóng", "viên",
};
static const char *const tag_pool[] = {"bão", "Hà Nội", "giao thông", "thời tiết", "Covid-19",
				       "bóng đá", "SEA Games"};

static void add_words(Str *s, uint64_t *r, int min, int max)
{
	int n = min + (int)(next_rand(r) % (uint64_t)(max - min + 1));
	for (int i = 0; i < n; i++) {
		const char *w = pool[next_rand(r) % (sizeof(pool) / sizeof(pool[0]))];
		if (i)
			str_addc(s, ' ');
		/* the combining-accent word must stay NFC: compose it as the parser would */
		str_adds(s, strcmp(w, "e\xCC\x81") == 0 ? "é" : w);
	}
}

static void random_article(Article *a, uint64_t *r)
{
	Str s = STR_INIT;

	add_words(&s, r, 1, 12);
	article_set(&a->title, s.s);
	str_clear(&s);
	for (int i = 0, n = (int)(next_rand(r) % 4); i < n; i++) {
		if (i)
			str_addc(&s, '\n');
		add_words(&s, r, 1, 15);
	}
	article_set(&a->sapo, str_cstr(&s));
	str_clear(&s);
	if (next_rand(r) % 2)
		add_words(&s, r, 1, 6);
	article_set(&a->byline, str_cstr(&s));
	str_clear(&s);
	if (next_rand(r) % 2)
		add_words(&s, r, 1, 3);
	article_set(&a->section, str_cstr(&s));
	str_clear(&s);
	for (int i = 0, n = (int)(next_rand(r) % 4); i < n; i++) {
		if (i)
			str_adds(&s, ", ");
		str_adds(&s, tag_pool[next_rand(r) % (sizeof(tag_pool) / sizeof(tag_pool[0]))]);
	}
	article_set(&a->tags, str_cstr(&s));
	str_clear(&s);
	for (int p = 0, np = (int)(next_rand(r) % 6); p < np; p++) {
		if (p)
			str_adds(&s, "\n\n");
		for (int l = 0, nl = 1 + (int)(next_rand(r) % 3); l < nl; l++) {
			if (l)
				str_addc(&s, '\n');
			if (next_rand(r) % 5 == 0)
				str_adds(&s, "  ");
			add_words(&s, r, 1, 20);
		}
	}
	if (s.len && next_rand(r) % 3 == 0)
		str_adds(&s, "\n\nTin, ảnh: Trần Thị Mai");
	article_set(&a->body, str_cstr(&s));
	str_release(&s);
}

START_TEST(parse_of_format_gives_the_article_back)
{
	uint64_t r = 0x9E3779B97F4A7C15ull;

	for (int i = 0; i < 2000; i++) {
		Article a, b;
		Str text = STR_INIT, again = STR_INIT;
		char err[160] = "";

		article_init(&a);
		article_init(&b);
		random_article(&a, &r);
		article_format(&a, &text);
		ck_assert_msg(article_parse(text.s, text.len, &b, err, sizeof(err)), "%s in\n%s", err,
			      text.s);
		ck_assert_str_eq(b.title, a.title);
		ck_assert_str_eq(b.sapo, a.sapo);
		ck_assert_str_eq(b.body, a.body);
		ck_assert_str_eq(b.byline, a.byline);
		ck_assert_str_eq(b.section, a.section);
		ck_assert_str_eq(b.tags, a.tags);
		ck_assert(article_same_text(&a, &b));
		article_format(&b, &again);
		ck_assert_str_eq(again.s, text.s);
		article_release(&a);
		article_release(&b);
		str_release(&text);
		str_release(&again);
	}
}
END_TEST

static Suite *article_text_suite(void)
{
	Suite *s = suite_create("article_text");
	ADD_TEST(s, header_block_in_vietnamese);
	ADD_TEST(s, keys_in_english_any_case_and_tone_placement);
	ADD_TEST(s, plain_text_first_line_is_title_and_no_sapo_is_guessed);
	ADD_TEST(s, last_line_becomes_byline);
	ADD_TEST(s, header_without_blank_line_starts_body);
	ADD_TEST(s, bad_input_is_refused_with_a_clear_message);
	ADD_TEST(s, format_writes_every_key);
	ADD_TEST(s, parse_of_format_gives_the_article_back);
	return s;
}

CHECK_MAIN(article_text_suite)
