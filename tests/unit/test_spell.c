/* test_spell.c: the checker's rules, one test each, on small texts written here. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_main.h"
#include "base/str.h"
#include "base/utf8.h"
#include "spell/internal.h"
#include "spell/spell.h"
#include "spell/internal.h"

static char dict_dir[64];
static Speller *sp;
static FindingList fl;

static void write_file(const char *name, const char *text)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dict_dir, name);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

static void setup(void)
{
	SpellOptions opt = {0};
	char err[256];

	snprintf(dict_dir, sizeof(dict_dir), "/tmp/spell-test-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dict_dir));
	write_file("confusables.tsv", "# wrong\tright\tclass\tnote\nsử lý\txử lý\ts/x\t\n"
	                              "chân trọng\ttrân trọng\tch/tr\t\n"
	                              "việt làm\tviệc làm\tc/t\t\n"
	                              "hoàng cảnh\thoàn cảnh\tn/ng\t\n");
	write_file("words.txt", "# words\nxử lý\ntrân trọng\nngười người\nngười dân\nngười Việt\n"
	                        "tiếng Việt\nbài viết\nđược phép\nđược mùa\ndược sĩ\n");
	write_file("ethnic.txt", "Đắk Lắk\nKrông Pắc\nH'Mông\n");
	write_file("abbrev.txt", "UBND\nTP.HCM\n");
	write_file("never-suggest.txt", "# not offered\ncặc\n");
	opt.dict_dir = dict_dir;
	sp = spell_new(&opt, err, sizeof(err));
	ck_assert_msg(sp != NULL, "%s", err);
	finding_list_init(&fl);
}

static void teardown(void)
{
	char cmd[128];

	finding_list_release(&fl);
	spell_free(sp);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dict_dir);
	ck_assert_int_eq(system(cmd), 0);
}

static size_t check(const char *text)
{
	finding_list_clear(&fl);
	ck_assert(spell_check(sp, text, strlen(text), &fl));
	return fl.n;
}

/* The finding of kind k over the text `what` (its first occurrence), or NULL. */
static const Finding *find(const char *text, const char *what, FindingKind k)
{
	const char *at = strstr(text, what);

	ck_assert_msg(at != NULL, "'%s' not in the text", what);
	for (size_t i = 0; i < fl.n; i++) {
		const Finding *f = &fl.items[i];
		size_t s = (size_t)(at - text), e = s + strlen(what);
		if (f->kind == k && f->start < e && s < f->end)
			return f;
	}
	return NULL;
}

static void expect(const char *text, const char *what, FindingKind k, const char *first)
{
	const Finding *f;

	check(text);
	f = find(text, what, k);
	ck_assert_msg(f != NULL, "no %s finding on '%s' in '%s'", finding_kind_name(k), what, text);
	if (first) {
		ck_assert_msg(f->nsuggestions > 0, "no suggestion for '%s'", what);
		ck_assert_str_eq(f->suggestions[0], first);
	}
}

static void clean(const char *text)
{
	size_t n = check(text);
	ck_assert_msg(n == 0, "'%s': %zu findings, first %s at %zu-%zu", text, n,
		n ? finding_kind_name(fl.items[0].kind) : "", n ? fl.items[0].start : 0,
		n ? fl.items[0].end : 0);
}

START_TEST(test_correct_text_is_clean)
{
	clean("Sáng 8-7, tại Hà Nội, Ủy ban nhân dân thành phố họp bàn về kinh tế.");
	clean("Ông Y Kông ở huyện Krông Pắc, tỉnh Đắk Lắk, người H'Mông.");
}
END_TEST

START_TEST(test_never_flagged)
{
	clean("Giá tăng 7,2% lên 1.234,5 tỷ đồng ngày 09/5/2024, giai đoạn 2026–2030, lúc 10:30.");
	clean("Thế kỷ XXI, UBND TP.HCM và Interpol, Washington, Zalo đã họp.");
	clean("Xem https://vnexpress.net/tin-moi-123.html hoặc vnexpress.net, thư ban@toasoan.vn.");
	clean("Thẻ #HaNoi và @toasoan, biến my_var, mã U23 và 5G.");
}
END_TEST

START_TEST(test_both_placements_any)
{
	clean("Hòa bình và thủy lợi.");
	clean("Hoà bình và thuỷ lợi.");
}
END_TEST

START_TEST(test_house_style)
{
	spell_set_style(sp, TONE_STYLE_OLD);
	expect("Hoà bình.", "Hoà", FIND_TONE_STYLE, "Hòa");
	ck_assert_int_eq(fl.items[0].severity, SEV_STYLE);
	clean("Hòa bình.");
	spell_set_style(sp, TONE_STYLE_NEW);
	expect("Sức khỏe tốt.", "khỏe", FIND_TONE_STYLE, "khoẻ");
	expect("Ủy ban họp.", "Ủy", FIND_TONE_STYLE, "Uỷ");
}
END_TEST

START_TEST(test_mixed_placements)
{
	const char *t = "Hòa bình, thủy lợi và hoà giải.";
	expect(t, "hoà", FIND_TONE_STYLE, "hòa");
	ck_assert_ptr_null(find(t, "Hòa", FIND_TONE_STYLE));
}
END_TEST

START_TEST(test_misplaced_marks)
{
	expect("Nguồn nứơc sạch.", "nứơc", FIND_SPELLING, "nước");
	expect("Môn tóan khó.", "tóan", FIND_SPELLING, "toán");
	expect("Trời nóng qúa.", "qúa", FIND_SPELLING, "quá");
	expect("Ông gìa rồi.", "gìa", FIND_SPELLING, "già");
	ck_assert_int_eq(fl.items[0].severity, SEV_ERROR);
}
END_TEST

START_TEST(test_orthography)
{
	expect("Các nghành nghề.", "nghành", FIND_SPELLING, "ngành");
	expect("Ăn cem lạnh.", "cem", FIND_SPELLING, "kem");
	expect("Thịt ghà ngon.", "ghà", FIND_SPELLING, "gà");
	expect("Ngành cỹ thuật.", "cỹ", FIND_SPELLING, "kỹ");
	expect("Con cảc đó.", "cảc", FIND_SPELLING, NULL);
}
END_TEST

START_TEST(test_leftovers)
{
	expect("Người vieetj tốt.", "vieetj", FIND_SPELLING, "việt");
	expect("Người vie65t tốt.", "vie65t", FIND_SPELLING, "việt");
	expect("Tôi ddoocj sách.", "ddoocj", FIND_SPELLING, "độc");
}
END_TEST

START_TEST(test_characters)
{
	expect("Nguồn n\xC6\xA3\xE1\xBB\x9B" "c sạch.", "n\xC6\xA3", FIND_CHARACTER, "nước");
	expect("\xC3\x90\xC3\xA0 Nẵng đẹp.", "\xC3\x90", FIND_CHARACTER, "Đà");
	/* Cyrillic а in "Hà" written as Н? no: Latin H + Cyrillic а + grave */
	expect("Thành phố H\xD0\xB0\xCC\x80 Tiên.", "H\xD0\xB0", FIND_CHARACTER, "Hà");
	expect("Ng\xC2\xAD\xC3\xAAi dân.", "Ng", FIND_CHARACTER, "Người");
	expect("Tôi yêu Vie\xC3\xA4t Nam.", "Vie", FIND_CHARACTER, "Việt");
	expect("Chữ a\xCC\x81\xCC\x81 lạ.", "a", FIND_CHARACTER, "á");
	/* look-alikes from each range the byte filter decodes: Latin-1, Latin Extended, Greek */
	expect("Nhà \xC3\xB0ẹp lắm.", "\xC3\xB0ẹp", FIND_CHARACTER, "đẹp");
	expect("N\xC7\x8Em nay.", "N\xC7\x8Em", FIND_CHARACTER, "Năm");
	expect("Nhà t\xCE\xBF lắm.", "t\xCE\xBF", FIND_CHARACTER, "to");
}
END_TEST

START_TEST(test_foreign_words)
{
	if (!spell_has_english(sp))
		return;
	clean("Mạng internet và email.");
	expect("Từ xyzzyqw lạ.", "xyzzyqw", FIND_SPELLING, NULL);
	ck_assert_int_eq(fl.items[0].severity, SEV_WARNING);
}
END_TEST

/* Resting lets the English dictionary go; the next foreign word loads it again. */
START_TEST(test_foreign_words_after_rest)
{
	if (!spell_has_english(sp))
		return;
	clean("Mạng internet và email.");
	spell_rest(sp);
	ck_assert(spell_has_english(sp));
	clean("Một buổi sáng wonderful và email.");
	spell_rest(sp);
	spell_rest(sp);
	expect("Từ xyzzyqw lạ.", "xyzzyqw", FIND_SPELLING, NULL);
	ck_assert_int_eq(fl.items[0].severity, SEV_WARNING);
}
END_TEST

/* A dictionary that is only a list of words answers from the list exactly as the library
 * would, leaves what the library's rules decide to it, and is not read as a list when it has
 * affixes or flags. */
START_TEST(test_plain_list_agrees_with_library)
{
	static const char *const words[] = {"nhà", "nha", "hà", "Hà", "abc", "ABC", "nhà-nhà",
		"123", "nhà.", "ngườii", "người", "ngưòi", "x"};
	static const int want[] = {1, 0, 0, -1, 0, -1, -1, -1, -1, 0, 1, 0, 0};
	char aff[128], dic[128];
	PlainList *l;
	Hunhandle *h;

	write_file("p.aff", "SET UTF-8\nTRY naoh\n# a comment\nREP 1\nREP a b\nMAP 1\nMAP aà\n");
	write_file("p.dic", "4\nnhà\nHà\nABC\nngười\n");
	snprintf(aff, sizeof(aff), "%s/p.aff", dict_dir);
	snprintf(dic, sizeof(dic), "%s/p.dic", dict_dir);
	l = plain_read(aff, dic);
	h = Hunspell_create(aff, dic);
	ck_assert_ptr_nonnull(l);
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		int got = plain_spell(l, words[i], strlen(words[i]));
		ck_assert_msg(got == want[i], "%s: %d", words[i], got);
		if (got >= 0)
			ck_assert_int_eq(got, Hunspell_spell(h, words[i]) != 0);
	}
	Hunspell_destroy(h);
	plain_free(l);
	write_file("p.dic", "2\nnhà/A\nngười\n");
	ck_assert_ptr_null(plain_read(aff, dic));
	write_file("p.dic", "2\nnhà\nngười\n");
	write_file("p.aff", "SET UTF-8\nSFX A Y 1\nSFX A 0 s .\n");
	ck_assert_ptr_null(plain_read(aff, dic));
	write_file("p.aff", "SET ISO8859-1\n");
	ck_assert_ptr_null(plain_read(aff, dic));
}
END_TEST

START_TEST(test_real_words)
{
	expect("Việc sử lý hồ sơ.", "sử lý", FIND_REAL_WORD, "xử lý");
	expect("Chân trọng cảm ơn.", "Chân trọng", FIND_REAL_WORD, "Trân trọng");
}
END_TEST

START_TEST(test_proper_nouns_are_no_confusables)
{
	/* a capitalised word inside a sentence is a name, at either end of the phrase */
	clean("Sản phẩm do người Việt làm ra.");
	clean("Tiến sĩ Lê Hoàng cảnh báo rằng giá sẽ tăng.");
	clean("Ông nói rằng hàng do Việt làm.");
	/* at a sentence start the capital says nothing: still a confusable */
	expect("Việt làm là điều khó.", "Việt làm", FIND_REAL_WORD, "Việc làm");
	expect("Trời mưa. Việt làm thêm.", "Việt làm", FIND_REAL_WORD, "Việc làm");
	expect("Ông nói: “Việt làm khó lắm”.", "Việt làm", FIND_REAL_WORD, "Việc làm");
	expect("Họ hoàng cảnh khó khăn.", "hoàng cảnh", FIND_REAL_WORD, "hoàn cảnh");
}
END_TEST

START_TEST(test_long_text_in_segments)
{
	/* more than one 16 KB segment: offsets, line starts and the tone tally span them all */
	Str t = STR_INIT;
	const Finding *f;
	size_t at;

	str_adds(&t, "Hòa bình là mong ước.\n");
	while (t.len < 200000)
		str_adds(&t, "Trời hôm nay đẹp, nắng nhẹ trên phố.\n");
	at = t.len;
	str_adds(&t, "hoà giải xong, khoẻ mạnh. Nứơc lên.\n");
	finding_list_clear(&fl);
	ck_assert(spell_check(sp, t.s, t.len, &fl));
	ck_assert_uint_eq(fl.n, 3);
	f = &fl.items[0];
	ck_assert_int_eq(f->kind, FIND_TONE_STYLE); /* the first, lone old placement */
	ck_assert_uint_eq(f->start, 0);
	ck_assert_str_eq(f->suggestions[0], "Hoà");
	ck_assert_int_eq(fl.items[1].kind, FIND_CAPITALIZATION);
	ck_assert_uint_eq(fl.items[1].start, at);
	ck_assert_uint_eq(fl.items[2].start, at + strlen("hoà giải xong, khoẻ mạnh. "));
	ck_assert_int_eq(fl.items[2].kind, FIND_SPELLING);
	str_release(&t);
}
END_TEST

START_TEST(test_long_quote_across_segments)
{
	/* a quotation of many paragraphs, each opening with its own mark, runs on past the end
	 * of every segment and closes in the last paragraph: nothing alone */
	Str t = STR_INIT;

	while (t.len < 100000)
		str_adds(&t, "“Trời hôm nay đẹp, nắng nhẹ trên phố.\n");
	str_adds(&t, "Anh đáp rằng trời đẹp”.\n");
	finding_list_clear(&fl);
	ck_assert(spell_check(sp, t.s, t.len, &fl));
	ck_assert_uint_eq(fl.n, 0);
	/* left open at the end of the text, the last opening mark is alone */
	str_adds(&t, "“Trời hôm nay đẹp, nắng nhẹ.\n");
	finding_list_clear(&fl);
	ck_assert(spell_check(sp, t.s, t.len, &fl));
	ck_assert_uint_eq(fl.n, 1);
	ck_assert_int_eq(fl.items[0].kind, FIND_PUNCTUATION);
	ck_assert_uint_eq(fl.items[0].start, t.len - strlen("“Trời hôm nay đẹp, nắng nhẹ.\n"));
	str_release(&t);
}
END_TEST

START_TEST(test_repeats)
{
	expect("Tất cả các các đơn vị.", "các đơn", FIND_REPEAT, "các");
	/* both copies are covered; the fix keeps the first */
	ck_assert_int_eq(fl.items[0].start, strlen("Tất cả "));
	ck_assert_int_eq(fl.items[0].end, strlen("Tất cả các các"));
	expect("Ý kiến của chúng tôi của chúng tôi.", "tôi của", FIND_REPEAT, "của chúng tôi");
	expect("Hà Nội ,hôm nay mưa.", " ,", FIND_PUNCTUATION, ", ");
	expect("Hà Nội , hôm nay mưa.", " ,", FIND_PUNCTUATION, ",");
	clean("Đi từ từ thôi, người người vui.");
	expect("Ý kiến của chúng tôi của chúng tôi.", "tôi của", FIND_REPEAT, NULL);
	expect("Hội nghị CÁC các nước.", "các nước", FIND_REPEAT, NULL);
	expect("Hội nghị Các các nước.", "các nước", FIND_REPEAT, NULL);
}
END_TEST

START_TEST(test_punctuation)
{
	expect("Trời mưa,vì thế tôi ở nhà.", ",vì", FIND_PUNCTUATION, ", vì");
	expect("Trời mưa , tôi ở nhà.", " ,", FIND_PUNCTUATION, ",");
	expect("Trời mưa  to.", "  ", FIND_PUNCTUATION, " ");
	expect("Ông nói “đi thôi.", "“", FIND_PUNCTUATION, NULL);
	expect("Ông (Hà Nội đi.", "(", FIND_PUNCTUATION, NULL);
	expect("Ông nói \"đi\" rồi \"về.", "\"về", FIND_PUNCTUATION, NULL);
	clean("Ông nói: “Đi thôi” (sáng nay).\nDanh sách:\na) một;\nb) hai.");
}
END_TEST

/* Quotes of two shapes that pair up, an inch mark, a credit in brackets: balanced. */
START_TEST(test_balanced_in_news)
{
	clean("Cô nói: “Đi thôi\". Anh đáp: \"Về thôi”.");
	clean("Máy có màn hình 7\" và chế độ \"đọc sách\".");
	clean("Anh là \"số 9\" của đội bóng.");
	clean("Quốc hội họp phiên bế mạc (Ảnh: Q.H) sáng nay.");
	/* the same shapes still caught when a mark is really alone */
	expect("Cô nói: “Đi thôi. Anh đáp: \"Về thôi”.", "“", FIND_PUNCTUATION, NULL);
	expect("Quốc hội họp phiên bế mạc (Ảnh: Q.H sáng nay.", "(", FIND_PUNCTUATION, NULL);
}
END_TEST

START_TEST(test_capitalization)
{
	expect("Trời mưa. tôi ở nhà.", "tôi", FIND_CAPITALIZATION, "Tôi");
	expect("hôm nay trời đẹp.", "hôm", FIND_CAPITALIZATION, "Hôm");
	clean("Ông Nguyễn V. An đến. Bà về, v.v. và rồi.");
}
END_TEST

START_TEST(test_offsets_nfd_bom_invalid)
{
	/* NFD: "Hoà" with a decomposed à, then a misplaced "qúa" decomposed too */
	const char *nfd = "Ho" "a\xCC\x80" " qu\xCC\x81" "a.";
	const char *bom = "\xEF\xBB\xBFQ" "u\xCC\x81" "a nóng.";
	const char *bad = "Tôi \xFF đi.";

	check(nfd);
	ck_assert_uint_ge(fl.n, 1);
	ck_assert_uint_eq(fl.items[fl.n - 1].start, strlen("Hoa\xCC\x80 "));
	ck_assert_uint_eq(fl.items[fl.n - 1].end, strlen("Hoa\xCC\x80 qu\xCC\x81" "a"));
	ck_assert_str_eq(fl.items[fl.n - 1].suggestions[0], "quá");
	check(bom);
	ck_assert_uint_eq(fl.n, 1);
	ck_assert_uint_eq(fl.items[0].start, 3);
	check(bad);
	ck_assert_uint_eq(fl.n, 1);
	ck_assert_int_eq(fl.items[0].kind, FIND_ENCODING);
	ck_assert_uint_eq(fl.items[0].start, 5);
	ck_assert_uint_eq(fl.items[0].end, 6);
}
END_TEST

START_TEST(test_newsroom_words)
{
	expect("Tên zxqwv lạ.", "zxqwv", FIND_SPELLING, NULL);
	spell_add_word(sp, "zxqwv");
	clean("Tên zxqwv lạ.");
	ck_assert(spell_word_ok(sp, "zxqwv", 5));
	ck_assert(spell_remove_word(sp, "zxqwv"));
	ck_assert(!spell_remove_word(sp, "zxqwv"));
	ck_assert(!spell_word_ok(sp, "zxqwv", 5));
}
END_TEST

START_TEST(test_paragraph_context)
{
	SpellContext ctx = {{3, 0}, false};
	SpellTally tally;
	const char *p = "Thuỷ lợi tốt.";

	finding_list_clear(&fl);
	ck_assert(spell_check_paragraph(sp, p, strlen(p), &ctx, &tally, &fl));
	ck_assert_uint_eq(tally.new_tones, 1);
	ck_assert_uint_eq(tally.old_tones, 0);
	ck_assert_uint_eq(fl.n, 1);
	ck_assert_int_eq(fl.items[0].kind, FIND_TONE_STYLE);
	ck_assert_str_eq(fl.items[0].suggestions[0], "Thủy");
	spell_tally("hòa hoà thủy", strlen("hòa hoà thủy"), &tally);
	ck_assert_uint_eq(tally.old_tones, 2);
	ck_assert_uint_eq(tally.new_tones, 1);
	ctx.mid_sentence = true;
	finding_list_clear(&fl);
	spell_check_paragraph(sp, "lợi ích", strlen("lợi ích"), &ctx, NULL, &fl);
	ck_assert_uint_eq(fl.n, 0);
}
END_TEST

static void collect(void *arg, const char *pair, size_t len)
{
	Str *s = arg;
	str_add(s, pair, len);
	str_addc(s, '|');
}

START_TEST(test_context_model)
{
	const char *pairs[] = {"giải quyết", "quyết định"};
	int64_t counts[] = {5, 2};
	Str got = STR_INIT;

	spell_count_bigrams("Giải quyết, quyết định. Ok", strlen("Giải quyết, quyết định. Ok"), collect,
		&got);
	ck_assert_str_eq(str_cstr(&got), "giải quyết|quyết định|");
	str_release(&got);
	clean("Họ dải quyết việc.");
	spell_set_context(sp, pairs, counts, 2);
	expect("Họ dải quyết việc.", "dải", FIND_REAL_WORD, "giải");
	spell_set_context(sp, NULL, NULL, 0);
	clean("Họ dải quyết việc.");
}
END_TEST

/* Counts asked one at a time, as a newsroom's database answers them. */
typedef struct Asked {
	int pair, first, second;
} Asked;

static bool ask_pair(void *arg, const char *pair, int64_t *n)
{
	((Asked *)arg)->pair++;
	*n = strcmp(pair, "giải quyết") == 0 ? 5 : 0;
	return true;
}

static bool ask_first(void *arg, const char *syl, int64_t *n)
{
	((Asked *)arg)->first++;
	*n = strcmp(syl, "giải") == 0 ? 5 : 0;
	return true;
}

static bool ask_second(void *arg, const char *syl, int64_t *n)
{
	((Asked *)arg)->second++;
	*n = strcmp(syl, "quyết") == 0 ? 5 : 0;
	return true;
}

START_TEST(test_counts_asked_not_loaded)
{
	Asked asked = {0}, before;
	SpellCounts c = {ask_pair, ask_first, ask_second, &asked};

	spell_set_counts(sp, &c);
	ck_assert_int_eq(asked.pair + asked.first + asked.second, 0); /* nothing loaded at start */
	expect("Họ dải quyết việc.", "dải", FIND_REAL_WORD, "giải");
	ck_assert_int_gt(asked.pair, 0);
	before = asked;
	expect("Họ dải quyết việc.", "dải", FIND_REAL_WORD, "giải");
	ck_assert_int_eq(asked.pair, before.pair); /* answers are kept */
	ck_assert_int_eq(asked.first + asked.second, before.first + before.second);
	spell_counts_changed(sp); /* after a publish: asked again */
	expect("Họ dải quyết việc.", "dải", FIND_REAL_WORD, "giải");
	ck_assert_int_gt(asked.pair, before.pair);
	spell_set_counts(sp, NULL);
	clean("Họ dải quyết việc.");
}
END_TEST

START_TEST(test_suggest_api)
{
	char **s = NULL;
	size_t n = spell_suggest(sp, "nứơc", strlen("nứơc"), 3, &s);

	ck_assert_uint_ge(n, 1);
	ck_assert_str_eq(s[0], "nước");
	for (size_t i = 0; i < n; i++)
		free(s[i]);
	free(s);
}
END_TEST

/* Forgetting what was worked out per word changes no finding, only the cost of the next check. */
START_TEST(test_forget_keeps_findings)
{
	static const char text[] = "Ông ấy nứơc sử lý qúa nhanh, nguoi dân Đắk Lắk vui vẻ.";
	FindingList again;

	spell_check(sp, text, strlen(text), &fl);
	ck_assert_uint_ge(fl.n, 3);
	spell_forget(sp);
	finding_list_init(&again);
	spell_check(sp, text, strlen(text), &again);
	ck_assert_uint_eq(again.n, fl.n);
	for (size_t i = 0; i < fl.n; i++) {
		ck_assert_uint_eq(again.items[i].start, fl.items[i].start);
		ck_assert_str_eq(again.items[i].message, fl.items[i].message);
		ck_assert_uint_eq(again.items[i].nsuggestions, fl.items[i].nsuggestions);
		for (size_t k = 0; k < fl.items[i].nsuggestions; k++)
			ck_assert_str_eq(again.items[i].suggestions[k], fl.items[i].suggestions[k]);
	}
	finding_list_release(&again);
}
END_TEST

START_TEST(test_never_suggested)
{
	char **s = NULL;
	size_t n = spell_suggest(sp, "cac", 3, 10, &s);
	bool has_cac = false;

	ck_assert_uint_ge(n, 2);
	ck_assert_str_eq(s[0], "các");
	for (size_t i = 0; i < n; i++) {
		ck_assert_msg(strcmp(s[i], "cặc") != 0, "a vulgar word was suggested");
		has_cac |= strcmp(s[i], "cạc") == 0;
		free(s[i]);
	}
	free(s);
	ck_assert(has_cac); /* the other readings are still there */
	/* written on purpose, it is still a word */
	ck_assert(spell_word_ok(sp, "cặc", strlen("cặc")));
}
END_TEST

START_TEST(test_missing_system_dictionary)
{
	SpellOptions opt = {.hunspell_dir = "/nonexistent", .dict_dir = dict_dir};
	char err[256];
	Speller *s2 = spell_new(&opt, err, sizeof(err));

	ck_assert_ptr_nonnull(s2);
	ck_assert(!spell_has_system_dict(s2));
	ck_assert_ptr_nonnull(strstr(spell_status(s2), "vi_VN"));
	finding_list_clear(&fl);
	spell_check(s2, "Nguồn nứơc.", strlen("Nguồn nứơc."), &fl);
	ck_assert_uint_eq(fl.n, 1);
	spell_free(s2);
}
END_TEST

START_TEST(test_bad_dict_file)
{
	SpellOptions opt = {.dict_dir = dict_dir, .no_system = true};
	char err[256];

	write_file("confusables.tsv", "only-one-field\n");
	ck_assert_ptr_null(spell_new(&opt, err, sizeof(err)));
	ck_assert_ptr_nonnull(strstr(err, "confusables.tsv:1:"));
}
END_TEST

/* The first suggestion spell_suggest gives for word. */
static void first_suggestion(const char *word, const char *want)
{
	char **s = NULL;
	size_t n = spell_suggest(sp, word, strlen(word), 5, &s);

	ck_assert_msg(n >= 1, "no suggestion for '%s'", word);
	ck_assert_msg(strcmp(s[0], want) == 0, "'%s': first '%s', want '%s'", word, s[0], want);
	for (size_t i = 0; i < n; i++)
		free(s[i]);
	free(s);
}

START_TEST(test_bare_words_rank_by_frequency)
{
	/* typed with no marks: the variant our lists use most comes first */
	first_suggestion("nguoi", "người");
	first_suggestion("viet", "việt");
	first_suggestion("duoc", "được");
	first_suggestion("Nguoi", "Người");
	/* a word with marks keeps the fewest-changes order */
	first_suggestion("nứơc", "nước");
	expect("Anh nguoi Huế.", "nguoi", FIND_SPELLING, "người");
	ck_assert_ptr_nonnull(strstr(find("Anh nguoi Huế.", "nguoi", FIND_SPELLING)->message,
		"thiếu dấu"));
}
END_TEST

START_TEST(test_misspelled_sentence_start)
{
	/* the capitalisation suggestion is the corrected word, capitalised */
	expect("qúa đẹp.", "qúa", FIND_CAPITALIZATION, "Quá");
	expect("Trời mưa. gìa rồi.", "gìa", FIND_CAPITALIZATION, "Già");
	expect("qúa đẹp.", "qúa", FIND_SPELLING, "quá");
	/* a correct word is simply capitalised */
	expect("Trời mưa. tôi ở nhà.", "tôi", FIND_CAPITALIZATION, "Tôi");
}
END_TEST

START_TEST(test_kind_names)
{
	FindingKind k;
	ToneStyle s;

	ck_assert_str_eq(finding_kind_name(FIND_REAL_WORD), "real-word");
	ck_assert(finding_kind_parse("tone-style", &k) && k == FIND_TONE_STYLE);
	ck_assert(!finding_kind_parse("nope", &k));
	ck_assert(tone_style_parse("old", &s) && s == TONE_STYLE_OLD);
	ck_assert(!tone_style_parse("mới", &s));
	ck_assert_str_eq(severity_name(SEV_STYLE), "style");
}
END_TEST

/* word_lower's own table of Vietnamese letters gives what the general case mapping gives, for
 * every code point below U+3000 inside a word and for bytes that are no UTF-8. */
START_TEST(test_word_lower_as_general_mapping)
{
	Str mine = STR_INIT, general = STR_INIT, w = STR_INIT;
	static const char *odd[] = {"A\xC3", "\xE1\xBA", "Ư\xBBX", "\xE1\xBB\xC3\x80", "Ạ\xFF"};

	for (int32_t c = 1; c < 0x3000; c++) {
		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		str_clear(&w);
		str_add(&w, "Ng", 2);
		utf8_add(&w, c);
		str_add(&w, "ỜI", strlen("ỜI"));
		str_clear(&mine);
		str_clear(&general);
		word_lower(w.s, w.len, &mine);
		utf8_lower_str(w.s, w.len, &general);
		ck_assert_msg(mine.len == general.len && memcmp(mine.s, general.s, mine.len) == 0,
			"U+%04X", (unsigned)c);
	}
	for (size_t i = 0; i < sizeof(odd) / sizeof(odd[0]); i++) {
		str_clear(&mine);
		str_clear(&general);
		str_add(&mine, "x", 1); /* appended after what out holds */
		str_add(&general, "x", 1);
		word_lower(odd[i], strlen(odd[i]), &mine);
		utf8_lower_str(odd[i], strlen(odd[i]), &general);
		ck_assert_str_eq(str_cstr(&mine), str_cstr(&general));
	}
	str_release(&mine);
	str_release(&general);
	str_release(&w);
}
END_TEST

/*
 * A word's lower case takes at most 1.5 times its bytes (the verdict keeps a usual word's
 * lower case in a buffer of twice its length on that ground); a word of the letters that
 * grow most (Ⱥ, 2 bytes, lowers to ⱥ, 3) is checked like any other capitalised name.
 */
START_TEST(test_lower_case_growth)
{
	Str w = STR_INIT, lo = STR_INIT;
	char buf[4];

	for (int32_t c = 1; c < 0x110000; c++) {
		size_t n;
		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		n = utf8_encode(c, buf);
		str_clear(&lo);
		word_lower(buf, n, &lo);
		ck_assert_msg(2 * lo.len <= 3 * n, "U+%04X lowers to %zu bytes", (unsigned)c, lo.len);
	}
	for (int i = 0; i < 15; i++)
		str_add(&w, "Ⱥ", strlen("Ⱥ"));
	str_clear(&lo);
	word_lower(w.s, w.len, &lo);
	ck_assert_uint_eq(lo.len, 45);
	ck_assert(spell_word_ok(sp, w.s, w.len)); /* capitals, no syllable: a name */
	str_add(&w, "Ⱥ", strlen("Ⱥ"));            /* and one past the buffer */
	ck_assert(spell_word_ok(sp, w.s, w.len));
	str_release(&w);
	str_release(&lo);
}
END_TEST

/* The stretch checked again around an edit: whole paragraphs, but a paragraph many times
 * longer than the reach is cut at the sentence, line or word nearest the edit. */
START_TEST(test_recheck_range)
{
	const char *two = "Câu một. Câu hai.\n\nĐoạn hai có lỗi.\n";
	size_t from, to, len = strlen(two), at = (size_t)(strstr(two, "có") - two);
	bool mid = true;
	Str t = STR_INIT;

	spell_recheck_range(two, len, at, at + 1, 64, &from, &to, &mid);
	ck_assert_uint_eq(from, (size_t)(strstr(two, "Đoạn") - two));
	ck_assert_uint_eq(to, len - 1); /* the paragraph's closing newline */
	ck_assert(!mid);

	for (int i = 0; i < 200; i++) /* one paragraph of 200 sentences */
		str_addf(&t, "%sCâu số %d có vài chữ.", i ? " " : "", i);
	at = t.len / 2;
	spell_recheck_range(t.s, t.len, at, at, 64, &from, &to, &mid);
	ck_assert(!mid);
	ck_assert(from > 0 && from <= at && at - from <= 64);
	ck_assert(memcmp(t.s + from, "Câu", 4) == 0 && t.s[from - 2] == '.');
	ck_assert(to >= at && to - at <= 64 && to < t.len);
	ck_assert(t.s[to] == ' ' && t.s[to - 1] == '.');

	str_clear(&t); /* no sentence ends: a line start, then a word start */
	for (int i = 0; i < 200; i++)
		str_addf(&t, "dòng %d không dấu chấm%s", i, i % 3 == 2 ? "\n" : " ");
	at = t.len / 2;
	spell_recheck_range(t.s, t.len, at, at, 200, &from, &to, &mid);
	ck_assert(mid);
	ck_assert(from <= at && at - from <= 200 && t.s[from - 1] == '\n');
	ck_assert(to >= at && to - at <= 200 && t.s[to] == '\n');
	spell_recheck_range(t.s, t.len, at, at, 8, &from, &to, &mid);
	ck_assert(mid && from <= at && at - from <= 8);
	ck_assert(t.s[from - 1] == ' ' || t.s[from - 1] == '\n');

	str_clear(&t); /* no spaces at all: the edit itself, never inside a character */
	for (int i = 0; i < 100; i++)
		str_add(&t, "đ", 2);
	spell_recheck_range(t.s, t.len, 51, 51, 16, &from, &to, &mid);
	ck_assert(mid);
	ck_assert_uint_eq(from, 50);
	ck_assert_uint_eq(to, 50);
	str_release(&t);
}
END_TEST


static Suite *spell_suite(void)
{
	Suite *s = suite_create("spell");
	TCase *tc = tcase_create("rules");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_correct_text_is_clean);
	tcase_add_test(tc, test_foreign_words_after_rest);
	tcase_add_test(tc, test_plain_list_agrees_with_library);
	tcase_add_test(tc, test_never_flagged);
	tcase_add_test(tc, test_forget_keeps_findings);
	tcase_add_test(tc, test_both_placements_any);
	tcase_add_test(tc, test_house_style);
	tcase_add_test(tc, test_mixed_placements);
	tcase_add_test(tc, test_misplaced_marks);
	tcase_add_test(tc, test_orthography);
	tcase_add_test(tc, test_leftovers);
	tcase_add_test(tc, test_characters);
	tcase_add_test(tc, test_foreign_words);
	tcase_add_test(tc, test_real_words);
	tcase_add_test(tc, test_proper_nouns_are_no_confusables);
	tcase_add_test(tc, test_long_text_in_segments);
	tcase_add_test(tc, test_long_quote_across_segments);
	tcase_add_test(tc, test_repeats);
	tcase_add_test(tc, test_punctuation);
	tcase_add_test(tc, test_balanced_in_news);
	tcase_add_test(tc, test_capitalization);
	tcase_add_test(tc, test_offsets_nfd_bom_invalid);
	tcase_add_test(tc, test_newsroom_words);
	tcase_add_test(tc, test_paragraph_context);
	tcase_add_test(tc, test_context_model);
	tcase_add_test(tc, test_counts_asked_not_loaded);
	tcase_add_test(tc, test_suggest_api);
	tcase_add_test(tc, test_never_suggested);
	tcase_add_test(tc, test_missing_system_dictionary);
	tcase_add_test(tc, test_bad_dict_file);
	tcase_add_test(tc, test_bare_words_rank_by_frequency);
	tcase_add_test(tc, test_misspelled_sentence_start);
	tcase_add_test(tc, test_kind_names);
	tcase_add_test(tc, test_word_lower_as_general_mapping);
	tcase_add_test(tc, test_lower_case_growth);
	tcase_add_test(tc, test_recheck_range);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(spell_suite)
