/* test_telex.c: the built-in Telex and VNI input methods: marks, tones anywhere in the
 * syllable, the tone moving, doubled keys, z and 0, case, words that are not Vietnamese, both
 * tone styles, the edits handed to the editor, and typing through the document. */
#include <string.h>

#include "check_main.h"
#include "edit/doc.h"
#include "viet/telex.h"

typedef struct Case {
	ImeMode mode;
	ToneStyle style;
	const char *keys, *expect;
} Case;

#define T(k, e) {IME_TELEX, TONE_STYLE_OLD, k, e}
#define TN(k, e) {IME_TELEX, TONE_STYLE_NEW, k, e}
#define V(k, e) {IME_VNI, TONE_STYLE_OLD, k, e}
#define VN(k, e) {IME_VNI, TONE_STYLE_NEW, k, e}

static const Case cases[] = {
	/* Telex: vowel marks and đ */
	T("aa", "â"), T("aw", "ă"), T("ee", "ê"), T("oo", "ô"), T("ow", "ơ"), T("uw", "ư"),
	T("w", "ư"), T("tw", "tư"), T("uow", "ươ"), T("dd", "đ"), T("ddi", "đi"),
	/* tones anywhere in the syllable */
	T("vieetj", "việt"), T("vieejt", "việt"), T("tieesng", "tiếng"), T("tieengs", "tiếng"),
	T("chaof", "chào"), T("banj", "bạn"), T("cuar", "của"), T("khoong", "không"),
	T("nuwowcs", "nước"), T("quoocs", "quốc"), T("giuwax", "giữa"), T("gif", "gì"),
	T("gias", "giá"), T("quas", "quá"), T("ngoaif", "ngoài"), T("khuyeens", "khuyến"),
	T("tuaanf", "tuần"), T("nguowif", "người"), T("truwowngf", "trường"),
	T("dduwowngf", "đường"), T("thuowr", "thuở"), T("thuowfng", "thường"), T("hoawcj", "hoặc"), T("muaw", "mưa"), T("rawngf", "rằng"),
	T("sao", "sao"), T("xa", "xa"), T("ddaays", "đấy"),
	/* the tone moves as the syllable grows */
	T("hoaf", "hòa"), T("hoafn", "hoàn"), T("thuyr", "thủy"), T("khoer", "khỏe"),
	T("thuyeenf", "thuyền"), T("hoasng", "hoáng"),
	TN("hoaf", "hoà"), TN("hoafn", "hoàn"), TN("thuyr", "thuỷ"), TN("khoer", "khoẻ"),
	TN("quyr", "quỷ"), TN("ngoaif", "ngoài"),
	/* z removes the tone; a doubled key undoes and types the key */
	T("hoajz", "hoa"), T("vieetjz", "viêt"), T("ass", "as"), T("asss", "ass"),
	T("aaa", "aa"), T("ddd", "dd"), T("ww", "w"), T("uww", "uw"), T("booong", "boong"),
	T("z", "z"),
	/* case */
	T("VIEETJ", "VIỆT"), T("Vieetj", "Việt"), T("DDaay", "Đây"), T("Nguyeenx", "Nguyễn"),
	T("HOAF", "HÒA"),
	/* not Vietnamese: left as typed */
	T("windows", "windows"), T("facebook", "facebook"), T("email", "email"),
	T("google", "google"), T("class", "class"), T("wifi", "wifi"),
	/* several words */
	T("xin chaof cacs banj", "xin chào các bạn"), T("Vieejt Nam, 2024", "Việt Nam, 2024"),
	/* VNI */
	V("vie65t", "việt"), V("Vie65t", "Việt"), V("tie61ng", "tiếng"), V("hoa2", "hòa"),
	V("hoa2n", "hoàn"), V("thuy3", "thủy"), VN("thuy3", "thuỷ"), VN("hoa2", "hoà"),
	V("d9", "đ"), V("d99", "d9"), V("a66", "a6"), V("a11", "a1"), V("a8", "ă"),
	V("hoa50", "hoa"), V("thu7o7ng", "thương"), V("uo7", "ươ"), V("mua7", "mưa"),
	V("nguo7i2", "người"), V("thu7o73", "thuở"), V("d9u7o7ng2", "đường"), V("to6i", "tôi"),
	V("VIE65T", "VIỆT"), V("windows", "windows"), V("2024", "2024"),
	V("Vie65t Nam 2024", "Việt Nam 2024"),
	/* input method off */
	{IME_OFF, TONE_STYLE_OLD, "vieetj", "vieetj"},
};

START_TEST(types_the_expected_text)
{
	const Case *c = &cases[_i];
	char out[128];

	ime_type_string(c->mode, c->style, c->keys, out, sizeof(out));
	ck_assert_msg(strcmp(out, c->expect) == 0, "%s %s: got \"%s\", want \"%s\"",
		      ime_mode_name(c->mode), c->keys, out, c->expect);
}
END_TEST

START_TEST(edits_are_small_and_exact)
{
	Ime *ime = ime_new(IME_TELEX, TONE_STYLE_OLD);
	ImeEdit e;

	ime_key(ime, "", 0, 'v', &e);
	ime_key(ime, "v", 1, 'i', &e);
	ime_key(ime, "vi", 2, 'e', &e);
	ck_assert_uint_eq(e.del, 0);
	ime_key(ime, "vie", 3, 'e', &e);
	ck_assert_uint_eq(e.del, 1); /* "e" becomes "ê" */
	ck_assert_uint_eq(e.ins_len, strlen("ê"));
	ck_assert(memcmp(e.ins, "ê", e.ins_len) == 0);
	ime_key(ime, "viê", strlen("viê"), 't', &e);
	ck_assert_uint_eq(e.del, 0);
	ime_key(ime, "viêt", strlen("viêt"), 'j', &e);
	ck_assert_uint_eq(e.del, strlen("êt"));
	ck_assert(memcmp(e.ins, "ệt", e.ins_len) == 0);
	ime_key(ime, "việt", strlen("việt"), ' ', &e);
	ck_assert_uint_eq(e.del, 0);
	ck_assert(e.ins_len == 1 && e.ins[0] == ' ');
	ime_free(ime);
}
END_TEST

START_TEST(takes_up_a_word_already_in_the_text)
{
	/* cursor moved into text loaded from the database: the Ime starts from the letters
	 * before the cursor */
	Ime *ime = ime_new(IME_TELEX, TONE_STYLE_OLD);
	ImeEdit e;
	const char *t = "Bản tin hoa";

	ime_key(ime, t, strlen(t), 'f', &e);
	ck_assert_uint_eq(e.del, 2); /* old style: "oa" becomes "òa" */
	ck_assert(e.ins_len == strlen("òa") && memcmp(e.ins, "òa", e.ins_len) == 0);
	t = "thời sự: việ";
	ime_key(ime, t, strlen(t), 'z', &e); /* a new word: z takes the tone off ệ */
	ck_assert_uint_eq(e.del, strlen("ệ"));
	ck_assert(memcmp(e.ins, "ê", e.ins_len) == 0);
	ime_free(ime);
}
END_TEST

START_TEST(a_word_after_backspace_is_taken_up_again)
{
	Doc *d = doc_new();
	const char *keys = "tieengs";

	doc_set_ime(d, IME_TELEX);
	ck_assert_int_eq(doc_ime(d), IME_TELEX);
	for (size_t i = 0; i < strlen(keys); i++)
		ck_assert(doc_type(d, keys[i], (int64_t)i * 100));
	ck_assert_str_eq(doc_text(d, FIELD_TITLE, NULL), "tiếng");
	ck_assert(doc_backspace(d, 1000));
	ck_assert(doc_backspace(d, 1100));
	ck_assert(doc_type(d, 't', 1200));
	ck_assert(doc_type(d, 'f', 1300));
	ck_assert_str_eq(doc_text(d, FIELD_TITLE, NULL), "tiềt");
	doc_free(d);
}
END_TEST

START_TEST(typing_through_the_document_is_one_undo_step)
{
	Doc *d = doc_new();
	const char *keys = "Vieejt Nam";

	doc_set_cursor(d, FIELD_BODY, 0, false);
	doc_set_ime(d, IME_VNI);
	doc_set_ime(d, IME_TELEX);
	doc_set_tone_style(d, TONE_STYLE_NEW);
	for (size_t i = 0; i < strlen(keys); i++)
		ck_assert(doc_type(d, (unsigned char)keys[i], (int64_t)i * 120));
	ck_assert_str_eq(doc_text(d, FIELD_BODY, NULL), "Việt Nam");
	ck_assert_uint_eq(doc_cursor(d), strlen("Việt Nam"));
	ck_assert(doc_undo(d));
	ck_assert_str_eq(doc_text(d, FIELD_BODY, NULL), "");
	doc_free(d);
}
END_TEST

START_TEST(mode_names)
{
	ck_assert_str_eq(ime_mode_name(IME_TELEX), "Telex");
	ck_assert_str_eq(ime_mode_name(IME_VNI), "VNI");
	ck_assert_str_eq(ime_mode_name(IME_OFF), "");
}
END_TEST

static Suite *telex_suite(void)
{
	Suite *s = suite_create("telex");
	TCase *tc = tcase_create("cases");

	tcase_add_loop_test(tc, types_the_expected_text, 0,
			    (int)(sizeof(cases) / sizeof(cases[0])));
	suite_add_tcase(s, tc);
	ADD_TEST(s, edits_are_small_and_exact);
	ADD_TEST(s, takes_up_a_word_already_in_the_text);
	ADD_TEST(s, a_word_after_backspace_is_taken_up_again);
	ADD_TEST(s, typing_through_the_document_is_one_undo_step);
	ADD_TEST(s, mode_names);
	return s;
}

CHECK_MAIN(telex_suite)
