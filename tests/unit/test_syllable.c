/* test_syllable.c: the syllable parser: initials, rhymes, tone places, both placements. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "viet/syllable.h"

static SylStatus st(const char *s)
{
	Syllable syl;
	return syllable_parse(s, strlen(s), &syl);
}

static Placement place(const char *s)
{
	Syllable syl;
	syllable_parse(s, strlen(s), &syl);
	return syllable_placement(&syl);
}

/* The respelled form of s, into a static buffer. */
static const char *respell(const char *s, Placement p)
{
	static char buf[64];
	Syllable syl;
	Str out = STR_INIT;

	syllable_parse(s, strlen(s), &syl);
	buf[0] = '\0';
	if (syllable_respell(&syl, p, &out))
		snprintf(buf, sizeof(buf), "%s", str_cstr(&out));
	str_release(&out);
	return buf;
}

START_TEST(test_valid_syllables)
{
	const char *ok[] = {"người", "Việt", "nghiêng", "giếng", "gìn", "gì", "già", "quốc",
		"quý", "khuỷu", "khuya", "thuở", "xoong", "ngoài", "hoàng", "tuyết", "ươn",
		"yêu", "ĐẮC", "kỹ", "ly", "rượu", "huỳnh", "oẳn", "quyết", "gửi", "a", "ạ"};
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		ck_assert_msg(st(ok[i]) == SYL_OK, "%s: status %d", ok[i], st(ok[i]));
}
END_TEST

START_TEST(test_both_placements)
{
	ck_assert_int_eq(st("hòa"), SYL_OK);
	ck_assert_int_eq(st("hoà"), SYL_OK);
	ck_assert_int_eq(st("thủy"), SYL_OK);
	ck_assert_int_eq(st("thuỷ"), SYL_OK);
	ck_assert_int_eq(st("khỏe"), SYL_OK);
	ck_assert_int_eq(st("khoẻ"), SYL_OK);
	ck_assert_int_eq(place("hòa"), PLACE_OLD);
	ck_assert_int_eq(place("hoà"), PLACE_NEW);
	ck_assert_int_eq(place("Ủy"), PLACE_OLD);
	ck_assert_int_eq(place("Uỷ"), PLACE_NEW);
	ck_assert_int_eq(place("khoẻ"), PLACE_NEW);
	/* a final fixes the place: no choice */
	ck_assert_int_eq(place("hoàn"), PLACE_NONE);
	ck_assert_int_eq(place("quý"), PLACE_NONE);
	ck_assert_int_eq(place("hoa"), PLACE_NONE);
	ck_assert_str_eq(respell("hoà", PLACE_OLD), "hòa");
	ck_assert_str_eq(respell("thủy", PLACE_NEW), "thuỷ");
	ck_assert_str_eq(respell("Ủy", PLACE_NEW), "Uỷ");
}
END_TEST

START_TEST(test_misplaced_marks)
{
	ck_assert_int_eq(st("nứơc"), SYL_MISPLACED);
	ck_assert_str_eq(respell("nứơc", PLACE_OLD), "nước");
	ck_assert_int_eq(st("tóan"), SYL_MISPLACED);
	ck_assert_str_eq(respell("tóan", PLACE_OLD), "toán");
	ck_assert_int_eq(st("qúa"), SYL_MISPLACED);
	ck_assert_str_eq(respell("qúa", PLACE_OLD), "quá");
	ck_assert_int_eq(st("gìa"), SYL_MISPLACED);
	ck_assert_str_eq(respell("gìa", PLACE_OLD), "già");
	ck_assert_int_eq(st("ngừơi"), SYL_MISPLACED);
	ck_assert_str_eq(respell("Ngừơi", PLACE_OLD), "Người");
	ck_assert_int_eq(st("hoạn"), SYL_OK);
	ck_assert_int_eq(st("họan"), SYL_MISPLACED);
}
END_TEST

START_TEST(test_orthography)
{
	ck_assert_int_eq(st("ghà"), SYL_SPELLING);
	ck_assert_str_eq(respell("ghà", PLACE_OLD), "gà");
	ck_assert_int_eq(st("ngiêng"), SYL_SPELLING);
	ck_assert_str_eq(respell("ngiêng", PLACE_OLD), "nghiêng");
	ck_assert_int_eq(st("nghành"), SYL_SPELLING);
	ck_assert_str_eq(respell("nghành", PLACE_OLD), "ngành");
	ck_assert_int_eq(st("kà"), SYL_SPELLING);
	ck_assert_str_eq(respell("kà", PLACE_OLD), "cà");
	ck_assert_int_eq(st("cem"), SYL_SPELLING);
	ck_assert_str_eq(respell("cem", PLACE_OLD), "kem");
	/* before y, c becomes k (kỹ, kỳ) but g keeps its back form (gy, not ghy) */
	ck_assert_int_eq(st("cỹ"), SYL_SPELLING);
	ck_assert_str_eq(respell("cỹ", PLACE_OLD), "kỹ");
	ck_assert_str_eq(respell("Cý", PLACE_OLD), "Ký");
	ck_assert_int_eq(st("kỳ"), SYL_OK);
	ck_assert_int_eq(st("ghy"), SYL_SPELLING);
	ck_assert_str_eq(respell("ghy", PLACE_OLD), "gy");
	ck_assert_int_eq(st("gé"), SYL_SPELLING);
	ck_assert_str_eq(respell("gé", PLACE_OLD), "ghé");
	ck_assert_int_eq(st("tyên"), SYL_SPELLING);
	ck_assert_int_eq(st("kỳ"), SYL_OK);
}
END_TEST

START_TEST(test_stop_finals)
{
	ck_assert_int_eq(st("việt"), SYL_OK);
	ck_assert_int_eq(st("các"), SYL_OK);
	ck_assert_int_eq(st("cảc"), SYL_STOP_TONE);
	ck_assert_int_eq(st("hoàch"), SYL_STOP_TONE);
	ck_assert_int_eq(st("tiềp"), SYL_STOP_TONE);
	ck_assert_int_eq(st("mặt"), SYL_OK);
	ck_assert_int_eq(st("mat"), SYL_OK);
}
END_TEST

START_TEST(test_not_vietnamese)
{
	const char *no[] = {"Washington", "zalo", "fan", "jazz", "xyz", "bl", "qa", "hóá",
		"ttt", "aaaaaaaaaa", "Interpol"};
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
		SylStatus s = st(no[i]);
		ck_assert_msg(s == SYL_NOT_VIET || s == SYL_BAD_RHYME, "%s: status %d", no[i], s);
	}
	ck_assert_int_eq(st("baq"), SYL_BAD_RHYME);
	ck_assert_int_eq(st("hoaz"), SYL_NOT_VIET);
}
END_TEST

START_TEST(test_nfd_and_case)
{
	/* "hòa" decomposed: o + U+0300 */
	ck_assert_int_eq(st("ho\xCC\x80" "a"), SYL_OK);
	ck_assert_int_eq(place("ho\xCC\x80" "a"), PLACE_OLD);
	ck_assert_str_eq(respell("NỨƠC", PLACE_OLD), "NƯỚC");
	ck_assert_str_eq(respell("Qúa", PLACE_NEW), "Quá");
}
END_TEST

/* The parts of a parse: the initial's length in letters, the nucleus, the written case. */
START_TEST(test_parts)
{
	static const struct { const char *w; size_t ninit, vstart, vend; } parts[] = {
		{"nghiêng", 3, 3, 5}, {"ngà", 2, 2, 3}, {"nhà", 2, 2, 3}, {"na", 1, 1, 2},
		{"chợ", 2, 2, 3}, {"ghế", 2, 2, 3}, {"giá", 2, 2, 3}, {"gìn", 2, 1, 2},
		{"khó", 2, 2, 3}, {"phố", 2, 2, 3}, {"quốc", 2, 2, 3}, {"thủy", 2, 2, 4},
		{"trường", 2, 2, 4}, {"đường", 1, 1, 3}, {"ước", 0, 0, 2}, {"xoong", 1, 1, 3},
	};
	Syllable syl;

	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		ck_assert_msg(syllable_parse(parts[i].w, strlen(parts[i].w), &syl) == SYL_OK, "%s",
			parts[i].w);
		ck_assert_msg(syl.ninit == parts[i].ninit && syl.vstart == parts[i].vstart &&
			syl.vend == parts[i].vend, "%s: initial %zu, nucleus [%zu, %zu)", parts[i].w,
			syl.ninit, syl.vstart, syl.vend);
	}
	ck_assert_int_eq(syllable_parse("NgHiÊNG", strlen("NgHiÊNG"), &syl), SYL_OK);
	ck_assert(syl.upper[0] && !syl.upper[1] && syl.upper[2] && !syl.upper[3] && syl.upper[4]);
	ck_assert_int_eq(syl.base[4], 0xEA);
	/* ASCII letters that are not Vietnamese, a byte that is not UTF-8, a lone q */
	ck_assert_int_eq(st("wa"), SYL_NOT_VIET);
	ck_assert_int_eq(st("a\xFF"), SYL_NOT_VIET);
	ck_assert_int_eq(st("qa"), SYL_NOT_VIET);
	/* a tone mark written as a combining character after an ASCII vowel */
	ck_assert_int_eq(st("ca\xCC\x81"), SYL_OK);
}
END_TEST

START_TEST(test_both_placements_both_cases)
{
	static const char *const old[] = {"hòa", "HÒA", "Hòa", "khỏe", "KHỎE", "thủy", "THỦY", "Ủy"};
	static const char *const new[] = {"hoà", "HOÀ", "Hoà", "khoẻ", "KHOẺ", "thuỷ", "THUỶ", "Uỷ"};

	for (size_t i = 0; i < sizeof(old) / sizeof(old[0]); i++) {
		ck_assert_msg(st(old[i]) == SYL_OK && place(old[i]) == PLACE_OLD, "%s", old[i]);
		ck_assert_msg(st(new[i]) == SYL_OK && place(new[i]) == PLACE_NEW, "%s", new[i]);
	}
	ck_assert_int_eq(st("Ðà"), SYL_NOT_VIET); /* eth, not Đ */
	ck_assert_int_eq(st("Đà"), SYL_OK);
	ck_assert_int_eq(st("nƣớc"), SYL_NOT_VIET); /* oi, not ư */
	ck_assert_int_eq(st("NGHIÊNG"), SYL_OK);
	ck_assert_int_eq(st("ĐƯỜNG"), SYL_OK);
}
END_TEST

START_TEST(test_every_rhyme)
{
	/* the rhymes in the order of a rhyme dictionary, not the table's */
	static const char *const ok[] = {
		"a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay",
		"ăc", "ăm", "ăn", "ăng", "ăp", "ăt", "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây",
		"e", "ec", "em", "en", "eng", "eo", "ep", "et", "ê", "êch", "êm", "ên", "ênh", "êp",
		"êt", "êu", "i", "ia", "ich", "im", "in", "inh", "ip", "it", "iu", "iêc", "iêm",
		"iên", "iêng", "iêp", "iêt", "iêu", "o", "oc", "oi", "om", "on", "ong", "op", "ot",
		"ooc", "oong", "oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oao",
		"oap", "oat", "oay", "oăc", "oăm", "oăn", "oăng", "oăt", "oe", "oem", "oen", "oeo",
		"oet", "ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp", "ôt", "ơ", "ơi", "ơm", "ơn", "ơp",
		"ơt", "u", "ua", "uân", "uâng", "uât", "uây", "uc", "uê", "uêch", "uênh", "ui", "um",
		"un", "ung", "uơ", "uôc", "uôi", "uôm", "uôn", "uông", "uôt", "up", "ut", "uy", "uya",
		"uych", "uyên", "uyêt", "uynh", "uyp", "uyt", "uyu", "ư", "ưa", "ưc", "ưi", "ưm",
		"ưn", "ưng", "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu", "ưt", "ưu",
		"y", "yêm", "yên", "yêng", "yêt", "yêu",
	};
	static const char *const bad[] = {"", "ie", "uo", "ye", "aa", "ươ", "oă", "ăi", "zz", "ênhh"};
	static const char *const qu_ok[] = {"qua", "quách", "quăng", "quân", "quê", "quýt", "quyền",
		"quơ", "quốc", "quạ"};

	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		ck_assert_msg(syllable_rhyme_ok(ok[i]), "%s", ok[i]);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(!syllable_rhyme_ok(bad[i]), "%s", bad[i]);
	for (size_t i = 0; i < sizeof(qu_ok) / sizeof(qu_ok[0]); i++)
		ck_assert_msg(st(qu_ok[i]) == SYL_OK, "%s", qu_ok[i]);
	ck_assert_int_eq(st("quôn"), SYL_BAD_RHYME);
}
END_TEST

static Suite *syllable_suite(void)
{
	Suite *s = suite_create("syllable");
	ADD_TEST(s, test_valid_syllables);
	ADD_TEST(s, test_both_placements);
	ADD_TEST(s, test_misplaced_marks);
	ADD_TEST(s, test_orthography);
	ADD_TEST(s, test_stop_finals);
	ADD_TEST(s, test_not_vietnamese);
	ADD_TEST(s, test_nfd_and_case);
	ADD_TEST(s, test_both_placements_both_cases);
	ADD_TEST(s, test_parts);
	ADD_TEST(s, test_every_rhyme);
	return s;
}

CHECK_MAIN(syllable_suite)
