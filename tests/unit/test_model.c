/*
 * test_model.c: the language model of news (dict/news.lm): the file format and its errors,
 * lookups, and what the checker does with it (real-word errors in context, words news prints,
 * words typed without marks that are also English, reduplication, suggestions).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "base/file.h"
#include "base/str.h"
#include "spell/model.h"
#include "spell/spell.h"

#define MODEL "dict/news.lm"

static char tmp[64];

static void mk_tmp(void)
{
	snprintf(tmp, sizeof(tmp), "/tmp/model-test-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmp));
}

static void rm_tmp(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmp);
	ck_assert_int_eq(system(cmd), 0);
}

/* Writes data (changed by fn) as TMP/news.lm and returns the error of opening it. */
static const char *open_damaged(void (*fn)(Str *), char *err, size_t errlen)
{
	Str data = STR_INIT;
	char path[128];
	Model *m;

	ck_assert(file_read(MODEL, 64u << 20, &data, err, errlen));
	fn(&data);
	snprintf(path, sizeof(path), "%s/news.lm", tmp);
	ck_assert(file_write_atomic(path, data.s, data.len, err, errlen));
	str_release(&data);
	err[0] = '\0';
	m = model_open(path, err, errlen);
	ck_assert_ptr_null(m);
	return err;
}

static void flip_body(Str *d) { d->s[d->len / 2] ^= 0x40; }
static void truncate_half(Str *d) { str_truncate(d, d->len / 2); }
static void new_version(Str *d) { d->s[4] = 99; }
static void not_a_model(Str *d) { memcpy(d->s, "GIF8", 4); }
static void huge_vocab(Str *d) { d->s[11] = 0x7F; }

START_TEST(test_file_errors)
{
	char err[512];

	mk_tmp();
	ck_assert_ptr_nonnull(strstr(open_damaged(flip_body, err, sizeof(err)), "damaged (checksum"));
	ck_assert_ptr_nonnull(strstr(open_damaged(truncate_half, err, sizeof(err)), "truncated"));
	ck_assert_ptr_nonnull(strstr(open_damaged(new_version, err, sizeof(err)), "another version"));
	ck_assert_ptr_nonnull(strstr(open_damaged(not_a_model, err, sizeof(err)), "not a toasoan"));
	ck_assert_ptr_nonnull(strstr(open_damaged(huge_vocab, err, sizeof(err)), "malformed"));
	ck_assert_ptr_nonnull(strstr(err, "news.lm'"));
	ck_assert_ptr_null(model_open("/nonexistent/news.lm", err, sizeof(err)));
	ck_assert_ptr_nonnull(strstr(err, "cannot open '/nonexistent/news.lm'"));
	rm_tmp();
}
END_TEST

static uint16_t id_of(const Model *m, const char *w)
{
	return model_id(m, w, strlen(w));
}

static uint32_t rd32(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;
	return (uint32_t)u[0] | (uint32_t)u[1] << 8 | (uint32_t)u[2] << 16 | (uint32_t)u[3] << 24;
}

static void wr32(char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (char)(v >> (8 * i));
}

static size_t at8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

static uint16_t wild_pairs, wild_neighbours; /* the tokens whose rows wild_offsets breaks */

/*
 * The row of pairs of one token, the row of neighbours of another and the text of the last
 * token made to end gigabytes past the file, and every kind of neighbour made one no slip
 * has, under a checksum that is right again: the open does not scan the arrays, so each
 * lookup must check what it reads.
 */
static void wild_offsets(Str *d)
{
	uint32_t nvocab = rd32(d->s + 8), nbigram = rd32(d->s + 12), nslots = rd32(d->s + 16);
	uint32_t pool = rd32(d->s + 20), nnb = rd32(d->s + 44);
	size_t text_off = MODEL_HEADER + at8(2 * (size_t)nslots);
	size_t row = at8(at8(at8(text_off + 4 * (nvocab + 1)) + 4 * nvocab) + nvocab);
	size_t nb_row = at8(at8(at8(at8(row + 4 * (nvocab + 1)) + 2 * nbigram) + 2 * nbigram) + pool);
	size_t nb_kind = at8(at8(nb_row + 4 * ((size_t)nvocab + 1)) + 2 * (size_t)nnb);
	uint64_t sum;

	memset(d->s + nb_kind, 0xFF, nnb);
	wr32(d->s + row + 4 * ((size_t)wild_pairs + 1), 0xFFFFFFF0u);
	wr32(d->s + nb_row + 4 * ((size_t)wild_neighbours + 1), 0xFFFFFFF0u);
	wr32(d->s + text_off + 4 * (size_t)nvocab, 0xFFFFFFF0u);
	sum = model_checksum((const unsigned char *)d->s + MODEL_HEADER, d->len - MODEL_HEADER);
	for (int i = 0; i < 8; i++)
		d->s[32 + i] = (char)(sum >> (8 * i));
}

START_TEST(test_wild_offsets_read_nothing_outside)
{
	SpellOptions opt = {0};
	Str data = STR_INIT;
	FindingList found;
	char err[512], path[128];
	const char *text = "Đường phố ùn tắt kéo dài, kinh tế tăng trưởng nhanh.";
	Speller *chk;
	Model *m;
	size_t len, first;
	uint16_t id;
	uint8_t kind;

	mk_tmp();
	m = model_open(MODEL, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s", err);
	wild_pairs = id_of(m, "ùn");
	wild_neighbours = id_of(m, "tắt");
	ck_assert_uint_gt(model_pair(m, wild_pairs, id_of(m, "tắc")), 0);
	ck_assert_uint_gt(model_neighbours(m, wild_neighbours, &first), 0);
	model_free(m);
	ck_assert(file_read(MODEL, 64u << 20, &data, err, sizeof(err)));
	wild_offsets(&data);
	snprintf(path, sizeof(path), "%s/news.lm", tmp);
	ck_assert(file_write_atomic(path, data.s, data.len, err, sizeof(err)));
	str_release(&data);
	m = model_open(path, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s", err);
	ck_assert_uint_ne(id_of(m, "của"), MODEL_NONE);
	ck_assert_uint_eq(model_pair(m, wild_pairs, id_of(m, "tắc")), 0);
	ck_assert_uint_eq(model_neighbours(m, wild_neighbours, &first), 0);
	ck_assert_uint_gt(model_neighbours(m, id_of(m, "tắc"), &first), 0);
	model_neighbour(m, first, &id, &kind);
	ck_assert_uint_eq(kind, 0);
	model_text(m, (uint16_t)(model_vocab(m) - 1), &len);
	ck_assert_uint_eq(len, 0);
	model_free(m);
	/* and a whole check on it runs to its end */
	opt.dict_dir = tmp;
	opt.no_system = true;
	chk = spell_new(&opt, err, sizeof(err));
	ck_assert_msg(chk != NULL, "%s", err);
	finding_list_init(&found);
	ck_assert(spell_check(chk, text, strlen(text), &found));
	finding_list_release(&found);
	spell_free(chk);
	rm_tmp();
}
END_TEST

START_TEST(test_bad_model_refuses_checker)
{
	SpellOptions opt = {0};
	char err[512], path[128];
	Speller *sp;

	mk_tmp();
	snprintf(path, sizeof(path), "%s/news.lm", tmp);
	ck_assert(file_write_atomic(path, "TSLM", 4, err, sizeof(err)));
	opt.dict_dir = tmp;
	opt.no_system = true;
	sp = spell_new(&opt, err, sizeof(err));
	ck_assert_ptr_null(sp);
	ck_assert_ptr_nonnull(strstr(err, "news.lm': not a toasoan language model"));
	rm_tmp();
}
END_TEST

START_TEST(test_lookups)
{
	char err[512];
	Model *m = model_open(MODEL, err, sizeof(err));
	Str key = STR_INIT;
	size_t len;
	const char *t;

	ck_assert_msg(m != NULL, "%s", err);
	ck_assert_uint_gt(model_tokens(m), 10000000);
	ck_assert_uint_gt(model_vocab(m), 10000);
	t = model_text(m, MODEL_BOUNDARY, &len);
	ck_assert_int_eq(len, 3);
	ck_assert(memcmp(t, "<s>", 3) == 0);
	ck_assert_uint_ne(id_of(m, "của"), MODEL_NONE);
	ck_assert_uint_eq(id_of(m, "xyzzyq"), MODEL_NONE);
	ck_assert_uint_gt(model_pair(m, id_of(m, "ùn"), id_of(m, "tắc")), 100);
	/* news prints slips too, but far more rarely than the right word */
	ck_assert_uint_gt(model_pair(m, id_of(m, "ùn"), id_of(m, "tắc")),
		50 * model_pair(m, id_of(m, "ùn"), id_of(m, "tắt")));
	ck_assert_uint_gt(model_count(m, id_of(m, "của")), model_count(m, id_of(m, "cửa")));
	/* names are mostly capitalised inside a sentence, common words are not */
	ck_assert_uint_gt(model_capital(m, id_of(m, "nguyễn")), 200);
	ck_assert_uint_lt(model_capital(m, id_of(m, "của")), 5);
	/* one token for both tone placements, kept in the old one */
	model_key("Hoà", strlen("Hoà"), &key);
	ck_assert_str_eq(str_cstr(&key), "hòa");
	str_clear(&key);
	model_key("tỷ", strlen("tỷ"), &key);
	ck_assert_str_eq(str_cstr(&key), "tỉ"); /* and one for tỉ and tỷ */
	ck_assert_uint_gt(model_pair(m, MODEL_NUMBER, id_of(m, "tỉ")), 1000);
	str_release(&key);
	model_free(m);
	model_free(NULL);
}
END_TEST

/*
 * A pair is never counted more often than either of its tokens, nor than the commonest pair
 * its first token begins or its second ends: the checker passes over a neighbour whose
 * counts alone cannot beat the word written, so this must hold for every pair of the file
 * (here those of the 300 commonest tokens with the 3,000 commonest).
 */
START_TEST(test_pairs_within_counts)
{
	char err[512];
	Model *m = model_open(MODEL, err, sizeof(err));
	size_t seen = 0;

	ck_assert_msg(m != NULL, "%s", err);
	for (uint16_t a = 0; a < 300; a++)
		for (uint16_t b = 0; b < 3000; b++) {
			uint32_t n = model_pair(m, a, b);
			ck_assert_msg(n <= model_count(m, a) && n <= model_count(m, b),
				"pair %u %u seen %u times, more than a token", a, b, n);
			ck_assert_msg(n <= model_most_from(m, a) && n <= model_most_to(m, b),
				"pair %u %u seen %u times, more than the commonest of its row "
				"(%u) or column (%u)", a, b, n, model_most_from(m, a),
				model_most_to(m, b));
			seen += n > 0;
		}
	ck_assert_uint_gt(seen, 50000);
	model_free(m);
}
END_TEST

/* The commonest pair of a token is one the file holds: the bound is as tight as it can be. */
START_TEST(test_most_is_a_pair)
{
	char err[512];
	Model *m = model_open(MODEL, err, sizeof(err));
	size_t nv;

	ck_assert_msg(m != NULL, "%s", err);
	nv = model_vocab(m);
	for (uint16_t a = 2; a < 40; a++) {
		uint32_t from = 0, to = 0;
		for (size_t b = 0; b < nv; b++) {
			uint32_t x = model_pair(m, a, (uint16_t)b), y = model_pair(m, (uint16_t)b, a);
			from = x > from ? x : from;
			to = y > to ? y : to;
		}
		ck_assert_uint_eq(model_most_from(m, a), from);
		ck_assert_uint_eq(model_most_to(m, a), to);
		ck_assert_uint_gt(from, 0);
	}
	ck_assert_uint_eq(model_most_from(m, MODEL_NONE), 65535);
	model_free(m);
}
END_TEST

static Speller *sp;
static FindingList fl;

static void setup(void)
{
	SpellOptions opt = {0};
	char err[512];

	opt.dict_dir = "dict";
	sp = spell_new(&opt, err, sizeof(err));
	ck_assert_msg(sp != NULL, "%s", err);
	finding_list_init(&fl);
}

static void teardown(void)
{
	finding_list_release(&fl);
	spell_free(sp);
}

/*
 * Checks text into fl and returns how many findings cover a byte of `what` (which text
 * holds); *first: the first of them (NULL: none). k: only findings of that kind count
 * (FIND_KIND_COUNT: any).
 */
static size_t check_over(const char *text, const char *what, FindingKind k, const Finding **first)
{
	const char *at = strstr(text, what);
	size_t s, e, n = 0;

	ck_assert_msg(at != NULL, "'%s' is not in '%s'", what, text);
	s = (size_t)(at - text);
	e = s + strlen(what);
	finding_list_clear(&fl);
	ck_assert(spell_check(sp, text, strlen(text), &fl));
	*first = NULL;
	for (size_t i = 0; i < fl.n; i++)
		if (fl.items[i].start < e && s < fl.items[i].end &&
		    (k == FIND_KIND_COUNT || fl.items[i].kind == k) && n++ == 0)
			*first = &fl.items[i];
	return n;
}

/* The first finding over `what` in text: its kind and first suggestion must be as given. */
static void expect(const char *text, const char *what, FindingKind k, const char *first)
{
	const Finding *f;

	check_over(text, what, FIND_KIND_COUNT, &f);
	ck_assert_msg(f != NULL, "nothing found on '%s' in '%s'", what, text);
	ck_assert_str_eq(finding_kind_name(f->kind), finding_kind_name(k));
	ck_assert_uint_gt(f->nsuggestions, 0);
	ck_assert_str_eq(f->suggestions[0], first);
}

static void clean(const char *text)
{
	finding_list_clear(&fl);
	ck_assert(spell_check(sp, text, strlen(text), &fl));
	ck_assert_msg(fl.n == 0, "'%s': %zu findings, first '%.*s' (%s)", text, fl.n,
		fl.n ? (int)(fl.items[0].end - fl.items[0].start) : 0,
		fl.n ? text + fl.items[0].start : "", fl.n ? fl.items[0].message : "");
}

START_TEST(test_real_words_in_context)
{
	expect("Cơ quan chức năng đang điều tra nguyên nhân vụ tai lạn.", "lạn", FIND_REAL_WORD, "nạn");
	/* ùn tắt is in the confusables list too: the phrase is flagged whole */
	expect("Đường phố ùn tắt kéo dài suốt buổi sáng.", "tắt", FIND_REAL_WORD, "ùn tắc");
	expect("Đội tuyển đã dành chiến thắng thuyết phục.", "dành", FIND_REAL_WORD, "giành chiến thắng");
	expect("Công ty đang gặp khó khăn về tài chín.", "chín", FIND_REAL_WORD, "chính");
	expect("Cơ quan chức năng đang sử lý vụ việc.", "sử", FIND_REAL_WORD, "xử lý");
	/* the suggestion keeps the writer's y (the model keeps kì and kỳ as one) */
	expect("Năm nay em tham gia kỷ thi tuyển sinh.", "kỷ", FIND_REAL_WORD, "kỳ");
	/* a hyphenated name is no candidate */
	clean("Ông Thae Yong-ho đã trở thành nhà ngoại giao.");
	clean("Đường phố ùn tắc kéo dài suốt buổi sáng.");
	clean("Đội tuyển đã giành chiến thắng thuyết phục.");
}
END_TEST

START_TEST(test_news_words)
{
	clean("Các chất điốt, axit, ôxít, canxi, clorua, magiê và ôzôn được nhắc đến.");
	clean("Quãng đường dài 12 kílômét, nồng độ natri và niken đều thấp.");
	clean("Theo sách, Giêsu nói với Phêrô về Kitô.");
	clean("Ông là bác sỹ, được giao quản lý quĩ và làm theo qui định.");
	clean("Người dân ùn ùn kéo về thành phố.");
}
END_TEST

/* A finding of kind k over `what` in text, with any suggestion. */
static void flagged(const char *text, const char *what, FindingKind k)
{
	const Finding *f;

	ck_assert_msg(check_over(text, what, k, &f) > 0, "no %s finding on '%s' in '%s'",
		finding_kind_name(k), what, text);
}

START_TEST(test_foreign_shaped_words)
{
	/* printed a handful of times in news and shaped like no Vietnamese syllable */
	clean("Xăng etanol, nguyên tố selen và chất phthalate được nhắc đến.");
	clean("Người dân dùng muối iốt đủ tiêu chuẩn.");
	/* a slip news never printed is still caught */
	flagged("Kết nối bluetooh bị lỗi.", "bluetooh", FIND_SPELLING);
}
END_TEST

START_TEST(test_repeats_news_prints)
{
	/* a word ending one compound and beginning the next */
	clean("Đơn vị thi công công trình đúng hạn.");
	flagged("Các đơn vị họp trước khi khi bước vào mùa mưa.", "khi khi", FIND_REPEAT);
	/* a given name doubled; a family name doubled is a slip */
	clean("Người dẫn chương trình Kỳ Kỳ bị cảnh sát bắt giữ.");
	flagged("Bài viết của Nguyễn Nguyễn Văn An được đăng sáng nay.", "Nguyễn Nguyễn", FIND_REPEAT);
	/* the byline after the last sentence; the same words beginning a sentence are a slip */
	clean("Đội tuyển sẽ sớm trở lại. Lan Lan\n");
	flagged("Đội tuyển sẽ sớm trở lại. Lan Lan viết tiếp.\n", "Lan Lan", FIND_REPEAT);
	/* a reduplication standing alone; a copy bound to its neighbour is a slip */
	clean("Tay anh gõ gõ vài cái trên bàn phím.");
	flagged("Anh ấy quyết quyết định nghỉ việc.", "quyết quyết", FIND_REPEAT);
	flagged("Tiền đạo này ghi bàn vào lưới lưới đối phương.", "lưới lưới", FIND_REPEAT);
}
END_TEST

START_TEST(test_bare_english_words)
{
	expect("Hôm nay trời rat dep.", "rat", FIND_SPELLING, "rất");
	expect("Hôm nay trời rat dep.", "dep", FIND_SPELLING, "đẹp");
	clean("The rat ran away.");
}
END_TEST

/* The findings of any kind over `what` in text. */
static size_t findings_over(const char *text, const char *what)
{
	const Finding *f;

	return check_over(text, what, FIND_KIND_COUNT, &f);
}

/*
 * A word's tone placement reaches the model's key however the verdict judged the word: a
 * word in the new placement that is flagged, or capitalised and taken for a name, still
 * gives the word beside it its context (thoã is thõa to the model, which knows thõa rãi).
 */
START_TEST(test_new_placement_context_of_flagged_words)
{
	expect("thoã rái", "rái", FIND_REAL_WORD, "rãi");
	expect("Thoã rái", "rái", FIND_REAL_WORD, "rãi");
	expect("THOÃ rái", "rái", FIND_REAL_WORD, "rãi");
}
END_TEST

START_TEST(test_taken_words_get_one_finding)
{
	/* a confusable phrase with a bare syllable in it (chua, cau, thong) is one finding:
	 * that syllable is not judged again as an English word missing its marks */
	ck_assert_uint_eq(findings_over("Xưởng nhận sửa chua xe máy.", "sửa chua"), 1);
	expect("Xưởng nhận sửa chua xe máy.", "chua", FIND_REAL_WORD, "sữa chua");
	ck_assert_uint_eq(findings_over("Anh ấy tham gia cau lạc bộ.", "cau lạc bộ"), 1);
	ck_assert_uint_eq(findings_over("Hệ thống giao thong đang quá tải.", "giao thong"), 1);
	/* and the same syllable alone is still judged, before or after the phrase */
	expect("Trời rat dep. Xưởng nhận sửa chua xe máy. Trời rat dep.", "rat dep.", FIND_SPELLING,
		"rất");
}
END_TEST

START_TEST(test_own_suggestions)
{
	expect("Người dân ở vùng đât này rất hiếu khách.", "đât", FIND_SPELLING, "đất");
	expect("Du khách thâph phương về dự lễ hội.", "thâph", FIND_SPELLING, "thập");
}
END_TEST

static Suite *model_suite(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tcase_create("checker");

	ADD_TEST(s, test_file_errors);
	ADD_TEST(s, test_bad_model_refuses_checker);
	ADD_TEST(s, test_wild_offsets_read_nothing_outside);
	ADD_TEST(s, test_lookups);
	ADD_TEST(s, test_pairs_within_counts);
	ADD_TEST(s, test_most_is_a_pair);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_real_words_in_context);
	tcase_add_test(tc, test_news_words);
	tcase_add_test(tc, test_bare_english_words);
	tcase_add_test(tc, test_taken_words_get_one_finding);
	tcase_add_test(tc, test_new_placement_context_of_flagged_words);
	tcase_add_test(tc, test_foreign_shaped_words);
	tcase_add_test(tc, test_repeats_news_prints);
	tcase_add_test(tc, test_own_suggestions);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(model_suite)
