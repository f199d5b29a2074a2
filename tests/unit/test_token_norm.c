/*
 * test_token_norm.c: the checker's input before it is cut into tokens: NFC text is used in
 * place however long it is and whatever scripts it holds; anything else is rebuilt in NFC
 * with every offset mapped back to the input.
 */
#include <check.h>
#include <string.h>

#include "check_main.h"
#include "base/str.h"
#include "spell/norm.h"

/* A long NFC Vietnamese text with s in the middle. */
static void long_text(Str *out, const char *s)
{
	for (int i = 0; i < 200; i++)
		str_adds(out, "Người dân Đà Nẵng đón tin vui từ Hội đồng Olympic. ");
	str_adds(out, s);
	for (int i = 0; i < 200; i++)
		str_adds(out, "Trận đấu kết thúc với tỷ số 2–1, khán giả ra về lúc 22 giờ… ");
}

START_TEST(test_nfc_in_place)
{
	static const char *const nfc[] = {
		"Ông Αλέξης Τσίπρας", "iPhone™ và Windows®", "Путин nói", "tỉnh 广东 (Quảng Đông)",
		"Chae-won 채원", "नमस्ते", "Ωmega ầ", "café ế",
	};

	for (size_t i = 0; i < sizeof(nfc) / sizeof(nfc[0]); i++) {
		Str text = STR_INIT;
		NormText nt;
		long_text(&text, nfc[i]);
		norm_text(&nt, text.s, text.len);
		ck_assert_msg(nt.s == text.s && nt.map == NULL && nt.len == text.len, "%s", nfc[i]);
		ck_assert_int_eq(nt.nbad, 0);
		norm_release(&nt);
		str_release(&text);
	}
}
END_TEST

/* The NFC text of s and the input offset of where `want` starts in it. */
static void rebuilt(const char *s, const char *nfc, const char *want, size_t input_off)
{
	Str text = STR_INIT;
	NormText nt;
	const char *at;

	long_text(&text, s);
	norm_text(&nt, text.s, text.len);
	ck_assert_msg(nt.map != NULL, "%s is rebuilt", nfc);
	ck_assert_msg(strstr(nt.s, nfc) != NULL, "%s", nfc);
	at = strstr(nt.s, want);
	ck_assert_ptr_nonnull(at);
	ck_assert_uint_eq(norm_input_offset(&nt, (size_t)(at - nt.s)),
		(size_t)(strstr(text.s, s) - text.s) + input_off);
	ck_assert_uint_eq(norm_input_offset(&nt, nt.len), text.len);
	norm_release(&nt);
	str_release(&text);
}

START_TEST(test_not_nfc_rebuilt)
{
	/* a mark after an ASCII letter, after a Vietnamese letter, after a Greek one */
	rebuilt("cafe\xCC\x81 X", "café X", "X", 7);
	rebuilt("Nguye\xCC\x82\xCC\x83n Y", "Nguyễn Y", "Y", 11);
	rebuilt("Tie\xCC\x82\xCC\x81n Z", "Tiến Z", "Z", 9);
	rebuilt("\xCE\xB1\xCC\x81 W", "\xCE\xAC W", "W", 5);
	/* Hangul written as jamo is not NFC: found so, though kept as written (each run of a
	 * starter and its marks is normalised alone) */
	rebuilt("\xE1\x84\x80\xE1\x85\xA1 V", "\xE1\x84\x80\xE1\x85\xA1 V", "V", 7);
	/* a singleton: the ohm sign is the Greek omega */
	rebuilt("\xE2\x84\xA6 U", "\xCE\xA9 U", "U", 4);
}
END_TEST

START_TEST(test_bad_bytes)
{
	Str text = STR_INIT;
	NormText nt;
	size_t at;

	long_text(&text, "x\xFFy");
	at = (size_t)(strchr(text.s, '\xFF') - text.s);
	norm_text(&nt, text.s, text.len);
	ck_assert_uint_eq(nt.nbad, 1);
	ck_assert_uint_eq(nt.bad[0], at);
	ck_assert_ptr_nonnull(strstr(nt.s, "x\xEF\xBF\xBDy"));
	norm_release(&nt);
	str_release(&text);
}
END_TEST

static Suite *token_norm_suite(void)
{
	Suite *s = suite_create("token_norm");

	ADD_TEST(s, test_nfc_in_place);
	ADD_TEST(s, test_not_nfc_rebuilt);
	ADD_TEST(s, test_bad_bytes);
	return s;
}

CHECK_MAIN(token_norm_suite)
