/* test_telex.c: the built-in Telex and VNI input methods: marks, tones anywhere in the
 * syllable, the tone moving, doubled keys, z and 0, case, words that are not Vietnamese, both
 * tone styles, the edits handed to the editor, and typing through the document. */
#include <string.h>

#include "check_main.h"
#include "edit/doc.h"
#include "viet/syllable.h"
#include "viet/telex.h"

typedef struct Case {
	ImeMode mode;
	Placement style;
	const char *keys, *expect;
} Case;

#define T(k, e) {IME_TELEX, PLACE_OLD, k, e}
#define TN(k, e) {IME_TELEX, PLACE_NEW, k, e}
#define V(k, e) {IME_VNI, PLACE_OLD, k, e}
#define VN(k, e) {IME_VNI, PLACE_NEW, k, e}

static const Case cases[] = {
	/* Telex: vowel marks and đ (a final ươ is written uơ: see open_uo in telex.c) */
	T("aa", "â"), T("aw", "ă"), T("ee", "ê"), T("oo", "ô"), T("ow", "ơ"), T("uw", "ư"),
	T("w", "ư"), T("tw", "tư"), T("uow", "uơ"), T("dd", "đ"), T("ddi", "đi"),
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
	T("HOAF", "HÒA"), T("Ww", "W"), T("WW", "W"), T("Wa", "Ưa"), T("Www", "Ww"),
	/* not Vietnamese: left as typed */
	T("windows", "windows"), T("facebook", "facebook"), T("email", "email"),
	T("google", "google"), T("class", "class"), T("wifi", "wifi"),
	/* English words and brands: no Vietnamese syllable starts so, or the tone key would put
	 * a tone the final does not take (text: ngã on final t) */
	T("text", "text"), T("express", "express"), T("zalo", "zalo"), T("ok", "ok"),
	T("tiktok", "tiktok"), T("covid", "covid"), T("youtube", "youtube"),
	T("iphone", "iphone"), T("samsung", "samsung"), T("twitter", "twitter"),
	T("apple", "apple"), T("microsoft", "microsoft"), T("android", "android"),
	T("linux", "linux"), T("server", "server"), T("online", "online"), T("video", "video"),
	T("website", "website"), T("internet", "internet"), T("team", "team"),
	T("game", "game"), T("live", "live"), T("link", "link"), T("mail", "mail"),
	T("news", "news"), T("ios", "ios"), T("bitcoin", "bitcoin"), T("startup", "startup"),
	T("smartphone", "smartphone"), T("html", "html"), T("python", "python"),
	T("excel", "excel"), T("zoom", "zoom"), T("shopee", "shopee"), T("lazada", "lazada"),
	T("netflix", "netflix"), T("spotify", "spotify"), T("instagram", "instagram"),
	T("laptop", "laptop"), T("bluetooth", "bluetooth"), T("xiaomi", "xiaomi"),
	T("honda", "honda"), T("toyota", "toyota"), T("Facebook", "Facebook"),
	T("WINDOWS", "WINDOWS"), TN("express", "express"), V("text", "text"),
	V("youtube", "youtube"),
	/* a doubled tone key is the way to type the rest of a word as is (pass + sword) */
	T("passsword", "password"), T("offfice", "office"), T("buss", "bus"),
	T("sorrry", "sorry"), T("errror", "error"),
	/* finals c ch p t take only sắc and nặng; a key that would break that is typed */
	T("test", "tét"), T("tesst", "test"), T("hocj", "học"), T("hocr", "hocr"),
	T("mafc", "mafc"), T("ddapj", "đạp"), T("dapf", "dapf"), T("sachs", "sách"),
	T("sachx", "sachx"), T("tieesp", "tiếp"), T("tieefp", "tieefp"), V("ta2t", "ta2t"),
	V("ta1t", "tát"), V("ho5c", "học"), V("ho4c", "ho4c"),
	/* incomplete syllables stay as shown: abbreviations (đ) must survive */
	T("quaas", "quấ"), T("100dd", "100đ"), T("tiee", "tiê"),
	/* several words */
	T("xin chaof cacs banj", "xin chào các bạn"), T("Vieejt Nam, 2024", "Việt Nam, 2024"),
	/* VNI */
	V("vie65t", "việt"), V("Vie65t", "Việt"), V("tie61ng", "tiếng"), V("hoa2", "hòa"),
	V("hoa2n", "hoàn"), V("thuy3", "thủy"), VN("thuy3", "thuỷ"), VN("hoa2", "hoà"),
	V("d9", "đ"), V("d99", "d9"), V("a66", "a6"), V("a11", "a1"), V("a8", "ă"),
	V("hoa50", "hoa"), V("thu7o7ng", "thương"), V("uo7", "uơ"), V("mua7", "mưa"),
	V("nguo7i2", "người"), V("thu7o73", "thuở"), V("d9u7o7ng2", "đường"), V("to6i", "tôi"),
	V("VIE65T", "VIỆT"), V("windows", "windows"), V("2024", "2024"),
	V("Vie65t Nam 2024", "Việt Nam 2024"),
	/* input method off */
	{IME_OFF, PLACE_OLD, "vieetj", "vieetj"},
};

/* Vietnamese words with the hard rhymes (ươ, uyê, oai, oay, uây, gi, qu, ngh, final ch and
 * nh): typed, and then checked against the syllable module, tone place included. */
static const Case words[] = {
	T("huouw", "hươu"), T("ruwowuj", "rượu"), T("luwowts", "lướt"), T("nuwowus", "nướu"),
	T("giuwowngf", "giường"), T("thuowr", "thuở"), T("quowr", "quở"),
	T("nguyeenx", "nguyễn"), T("quyeenr", "quyển"), T("chuyeenj", "chuyện"),
	T("tuyeetj", "tuyệt"), T("uyeenr", "uyển"), T("khuyur", "khuỷu"),
	T("hoaif", "hoài"), T("ngoaij", "ngoại"), T("oais", "oái"), T("xoays", "xoáy"),
	T("khuaays", "khuấy"), T("quaays", "quấy"), T("nguaayr", "nguẩy"),
	T("giaf", "già"), T("gieengs", "giếng"), T("giowf", "giờ"), T("gioongs", "giống"),
	T("quaf", "quà"), T("quyeets", "quyết"), T("nghieeng", "nghiêng"), T("nghix", "nghĩ"),
	T("ngheef", "nghề"), T("eechs", "ếch"), T("beenhj", "bệnh"), T("khanhs", "khánh"),
	T("ddichj", "địch"), T("chieecs", "chiếc"), T("nhanhf", "nhành"), T("huychj", "huỵch"),
	T("huynhf", "huỳnh"), T("hoanhf", "hoành"), T("ngoawtj", "ngoặt"), T("xoawns", "xoắn"),
	T("luaanj", "luận"), T("khuaatj", "khuật"), T("ddatj", "đạt"), T("khoeof", "khoèo"),
	T("ngoaos", "ngoáo"), T("queetj", "quệt"), T("quawps", "quắp"), T("quauj", "quạu"),
	T("yeengr", "yểng"),
	TN("thuyr", "thuỷ"), TN("hoaf", "hoà"), TN("khoer", "khoẻ"), TN("quyr", "quỷ"),
	TN("thuyeenf", "thuyền"), TN("hoaij", "hoại"),
	V("hu7o7u", "hươu"), V("ru7o7u5", "rượu"), V("nguye6n4", "nguyễn"),
	V("khua6y1", "khuấy"), VN("thuy3", "thuỷ"), V("gio6ng1", "giống"),
};

START_TEST(types_vietnamese_words)
{
	const Case *c = &words[_i];
	char out[128];
	Syllable syl;
	Placement want = c->style == PLACE_NEW ? PLACE_NEW : PLACE_OLD;

	ime_type_string(c->mode, c->style, c->keys, out, sizeof(out));
	ck_assert_msg(strcmp(out, c->expect) == 0,
		      "%s %s: got \"%s\", want \"%s\"", ime_mode_name(c->mode), c->keys, out,
		      c->expect);
	ck_assert_msg(syllable_parse(out, strlen(out), &syl) == SYL_OK, "%s: not a syllable", out);
	ck_assert_msg(syllable_placement(&syl) == PLACE_NONE || syllable_placement(&syl) == want,
		      "%s: tone in the other style's place", out);
}
END_TEST

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
	Ime *ime = ime_new(IME_TELEX, PLACE_OLD);
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
	Ime *ime = ime_new(IME_TELEX, PLACE_OLD);
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

/* Types keys (Telex, old style) after the text `before`, applying each edit as the editor
 * would; the whole text ends up in out. */
static void type_after(const char *before, const char *keys, char *out, size_t cap)
{
	Ime *ime = ime_new(IME_TELEX, PLACE_OLD);
	size_t len = strlen(before);
	ImeEdit e;

	ck_assert(len < cap);
	memcpy(out, before, len);
	for (const char *k = keys; *k; k++) {
		ime_key(ime, out, len, (unsigned char)*k, &e);
		ck_assert(e.del <= len && len - e.del + e.ins_len < cap);
		len -= e.del;
		memcpy(out + len, e.ins, e.ins_len);
		len += e.ins_len;
	}
	out[len] = '\0';
	ime_free(ime);
}

START_TEST(uo_is_written_u_horn_o_only_before_more_letters)
{
	char out[64];

	/* typed: the horn on u goes away at the end of the word and comes back after a final */
	type_after("", "huow", out, sizeof(out));
	ck_assert_str_eq(out, "huơ");
	type_after("", "huowr", out, sizeof(out));
	ck_assert_str_eq(out, "huở");
	type_after("", "huown", out, sizeof(out));
	ck_assert_str_eq(out, "hươn");
	type_after("", "thuowr", out, sizeof(out));
	ck_assert_str_eq(out, "thuở");
	type_after("", "thuowrng", out, sizeof(out));
	ck_assert_str_eq(out, "thưởng");
	/* taken up from the text: the same word goes on the same way */
	type_after("một thuở", "ng", out, sizeof(out));
	ck_assert_str_eq(out, "một thưởng");
	type_after("huơ", "n", out, sizeof(out));
	ck_assert_str_eq(out, "hươn");
	type_after("huơ", "f", out, sizeof(out));
	ck_assert_str_eq(out, "huờ");
	/* the u of qu is no vowel: quơ keeps a plain u */
	type_after("quơ", "n", out, sizeof(out));
	ck_assert_str_eq(out, "quơn");
}
END_TEST

START_TEST(a_word_that_fails_is_shown_as_typed_from_then_on)
{
	char out[64];

	/* the tone key is fine on "te" (tẽn is a syllable), the t after it is not */
	type_after("", "tex", out, sizeof(out));
	ck_assert_str_eq(out, "tẽ");
	type_after("", "text", out, sizeof(out));
	ck_assert_str_eq(out, "text");
	type_after("", "textz", out, sizeof(out));
	ck_assert_str_eq(out, "textz");
	/* a word taken up from the text that is not Vietnamese gets the key as is */
	type_after("Windows", "s", out, sizeof(out));
	ck_assert_str_eq(out, "Windowss");
	type_after("Hà Nội, sáng nay tôi", "i", out, sizeof(out));
	ck_assert_str_eq(out, "Hà Nội, sáng nay tôii");
	/* the next word starts afresh */
	type_after("", "text vieetj", out, sizeof(out));
	ck_assert_str_eq(out, "text việt");
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
	ck_assert(doc_type(d, 'j', 1300));
	ck_assert_str_eq(doc_text(d, FIELD_TITLE, NULL), "tiệt");
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
	doc_set_tone_style(d, PLACE_NEW);
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
	tcase_add_loop_test(tc, types_vietnamese_words, 0,
			    (int)(sizeof(words) / sizeof(words[0])));
	suite_add_tcase(s, tc);
	ADD_TEST(s, edits_are_small_and_exact);
	ADD_TEST(s, takes_up_a_word_already_in_the_text);
	ADD_TEST(s, uo_is_written_u_horn_o_only_before_more_letters);
	ADD_TEST(s, a_word_that_fails_is_shown_as_typed_from_then_on);
	ADD_TEST(s, a_word_after_backspace_is_taken_up_again);
	ADD_TEST(s, typing_through_the_document_is_one_undo_step);
	ADD_TEST(s, mode_names);
	return s;
}

CHECK_MAIN(telex_suite)
