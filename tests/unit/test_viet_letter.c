/*
 * test_viet_letter.c: the letter table against the decomposition it was generated from, over
 * every code point the table holds and beyond; every Vietnamese letter in both cases with
 * each of its tones; look-alikes that are no Vietnamese letter.
 */
#include <check.h>
#include <string.h>

#include "check_main.h"
#include "base/utf8.h"
#include "viet/letter.h"
#include "viet/letter_ref.h"

/* The twelve vowels, each toneless then with the five tones in Tone order. */
static const char *const vowels[] = {
	"aàảãáạ", "ăằẳẵắặ", "âầẩẫấậ", "eèẻẽéẹ", "êềểễếệ", "iìỉĩíị",
	"oòỏõóọ", "ôồổỗốộ", "ơờởỡớợ", "uùủũúụ", "ưừửữứự", "yỳỷỹýỵ",
};

/* The code points of s (at most max) into cp; returns how many. */
static int code_points(const char *s, int32_t *cp, int max)
{
	size_t i = 0, len = strlen(s), n;
	int k = 0;

	while (i < len && k < max && (n = utf8_decode(s + i, len - i, &cp[k]))) {
		i += n;
		k++;
	}
	return k;
}

static void same_as_ref(int32_t cp)
{
	Tone t1, t2;

	ck_assert_msg(viet_untone(cp, &t1) == letter_ref_untone(cp, &t2) && t1 == t2,
		"untone U+%04X", (unsigned)cp);
	ck_assert_msg(viet_fold(cp) == letter_ref_fold(cp), "fold U+%04X", (unsigned)cp);
	ck_assert_msg(viet_is_vowel(cp) == letter_ref_is_vowel(cp), "vowel U+%04X", (unsigned)cp);
	ck_assert_msg(viet_is_letter(cp) == letter_ref_is_letter(cp), "letter U+%04X", (unsigned)cp);
	for (int t = 0; t < 6; t++)
		ck_assert_msg(viet_tone(cp, (Tone)t) == letter_ref_tone(cp, (Tone)t), "tone %d on U+%04X",
			t, (unsigned)cp);
}

START_TEST(test_table_matches_decomposition)
{
	for (int32_t cp = 0; cp < 0x3000; cp++)
		same_as_ref(cp);
	for (int32_t cp = 0xA700; cp < 0xA800; cp++) /* Latin Extended-D, outside the table */
		same_as_ref(cp);
	same_as_ref(0xFF21); /* fullwidth A */
	same_as_ref(0x1D400);
	same_as_ref(0x10FFFF);
}
END_TEST

START_TEST(test_every_vietnamese_vowel)
{
	static const char plain[] = "aaaeeiooouuy";

	for (size_t v = 0; v < sizeof(vowels) / sizeof(vowels[0]); v++) {
		int32_t cp[6];
		ck_assert_int_eq(code_points(vowels[v], cp, 6), 6);
		for (int upper = 0; upper < 2; upper++) {
			int32_t base = upper ? utf8_upper(cp[0]) : cp[0];
			for (int t = 0; t < 6; t++) {
				int32_t c = upper ? utf8_upper(cp[t]) : cp[t];
				Tone got;
				ck_assert_msg(viet_untone(c, &got) == base && got == (Tone)t, "untone U+%04X",
					(unsigned)c);
				ck_assert_msg(viet_tone(base, (Tone)t) == c, "tone %d on U+%04X", t,
					(unsigned)base);
				ck_assert_int_eq(viet_fold(c), upper ? plain[v] - 32 : plain[v]);
				ck_assert(viet_is_vowel(c) && viet_is_letter(c));
			}
		}
	}
}
END_TEST

START_TEST(test_consonants_and_lookalikes)
{
	for (const char *p = "bcdghklmnpqrstvx"; *p; p++) {
		ck_assert(viet_is_letter(*p) && viet_is_letter(*p - 32));
		ck_assert(!viet_is_vowel(*p));
	}
	for (const char *p = "fjwz"; *p; p++)
		ck_assert(!viet_is_letter(*p) && !viet_is_letter(*p - 32));
	ck_assert_int_eq(viet_fold(0x111), 'd'); /* đ */
	ck_assert_int_eq(viet_fold(0x110), 'D'); /* Đ */
	ck_assert(viet_is_letter(0x111) && viet_is_letter(0x110) && !viet_is_vowel(0x111));
	/* look-alikes: oi (U+01A3) for ư, eth (U+00D0) for Đ, a-caron for ă, Cyrillic a; the
	 * Latin ones fold as the letter they stand for, and none is a Vietnamese letter */
	ck_assert(!viet_is_letter(0x1A3) && viet_fold(0x1A3) == 'u' && viet_fold(0x1A2) == 'U');
	ck_assert(!viet_is_letter(0xD0) && viet_fold(0xD0) == 'D' && viet_fold(0xF0) == 'd');
	ck_assert(!viet_is_letter(0xF0) && !viet_is_letter(0x1CE) && !viet_is_letter(0x430));
	ck_assert(!viet_is_vowel(0x1A3) && viet_fold(0x430) == 0x430);
	ck_assert(viet_lookalike(0x1A3) == 0x1B0 && viet_lookalike(0xD0) == 0x110);
	ck_assert(viet_lookalike(0x430) == 'a' && viet_lookalike(0x110) == 0);
	ck_assert(viet_lookalike('a') == 0 && viet_lookalike(0x1EA1) == 0);
	ck_assert_int_eq(viet_tone(0x1CE, TONE_ACUTE), 0);
	ck_assert_int_eq(viet_tone('b', TONE_GRAVE), 0);
	ck_assert_int_eq(viet_tone('b', TONE_NONE), 'b');
	/* a vowel with a mark Vietnamese does not use is no Vietnamese letter */
	ck_assert(!viet_is_letter(0xE4) && !viet_is_letter(0xE7)); /* ä ç */
}
END_TEST

START_TEST(test_folding_strings)
{
	Str out = STR_INIT;

	viet_fold_str("Đà Nẵng NGHỆ An Ưu Ở", strlen("Đà Nẵng NGHỆ An Ưu Ở"), &out);
	ck_assert_str_eq(str_cstr(&out), "da nang nghe an uu o");
	str_clear(&out);
	viet_fold_str("Ðà Nẵng trƣờng ƢU", strlen("Ðà Nẵng trƣờng ƢU"), &out);
	ck_assert_str_eq(str_cstr(&out), "da nang truong uu");
	str_release(&out);
}
END_TEST

static Suite *viet_letter_suite(void)
{
	Suite *s = suite_create("viet_letter");

	ADD_TEST(s, test_table_matches_decomposition);
	ADD_TEST(s, test_every_vietnamese_vowel);
	ADD_TEST(s, test_consonants_and_lookalikes);
	ADD_TEST(s, test_folding_strings);
	return s;
}

CHECK_MAIN(viet_letter_suite)
