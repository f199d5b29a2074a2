/* test_legacy.c: legacy Vietnamese encodings: tables, round trips, detection, mojibake. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "base/str.h"
#include "base/utf8.h"
#include "viet/legacy.h"
#include "viet/letter.h"

static const char *const sample =
	"Người dân thủ đô Hà Nội đã quen với cảnh mưa lớn mỗi chiều. Trận bão số ba đổ bộ "
	"vào các tỉnh ven biển miền Trung khiến nhiều tuyến đường bị ngập sâu, giao thông "
	"ùn tắc kéo dài. Ủy ban nhân dân thành phố yêu cầu các quận, huyện khẩn trương khắc "
	"phục hậu quả, bảo đảm an toàn cho người dân trước khi học sinh trở lại trường.\n"
	"Theo ông Nguyễn Văn Đức, Giám đốc Sở Giao thông, lực lượng chức năng đã túc trực "
	"suốt đêm để điều tiết xe cộ và hỗ trợ những gia đình khó khăn nhất.";

/* base + tone through NFC (independent of the letter module) */
static int32_t compose(int32_t base, Tone t)
{
	static const int32_t marks[] = {0, 0x300, 0x309, 0x303, 0x301, 0x323};
	char buf[16];
	size_t n = utf8_encode(base, buf);
	Str s = STR_INIT;
	int32_t cp;

	if (t != TONE_NONE)
		n += utf8_encode(marks[t], buf + n);
	ck_assert(utf8_nfc(buf, n, &s));
	ck_assert_uint_eq(utf8_decode(s.s, s.len, &cp), s.len);
	str_release(&s);
	return cp;
}

/* The 134 letters of Vietnamese that are not ASCII: 66 toned or marked vowels and đ, twice. */
static void all_letters(Str *out)
{
	static const int32_t bases[] = {'a', 0x103, 0xE2, 'e', 0xEA, 'i', 'o', 0xF4, 0x1A1,
					'u', 0x1B0, 'y'};
	int n = 0;

	for (int up = 0; up < 2; up++) {
		for (size_t b = 0; b < sizeof(bases) / sizeof(bases[0]); b++) {
			for (int t = TONE_NONE; t <= TONE_DOT; t++) {
				int32_t cp = compose(bases[b], (Tone)t);
				if (up)
					cp = utf8_upper(cp);
				if (cp < 0x80)
					continue;
				utf8_add(out, cp);
				n++;
			}
		}
		utf8_add(out, up ? 0x110 : 0x111);
		n++;
	}
	ck_assert_int_eq(n, 134);
}

static void assert_round_trip(Encoding e, const char *text)
{
	Str enc = STR_INIT, dec = STR_INIT;

	ck_assert_msg(legacy_encode(e, text, strlen(text), &enc), "encode %s", encoding_name(e));
	ck_assert_msg(legacy_decode(e, enc.s, enc.len, &dec, NULL), "decoding failed");
	ck_assert_str_eq(str_cstr(&dec), text);
	str_release(&enc);
	str_release(&dec);
}

START_TEST(names_parse_both_ways)
{
	Encoding e;
	for (int i = 0; i < ENCODING_COUNT; i++) {
		ck_assert(encoding_parse(encoding_name((Encoding)i), &e));
		ck_assert_int_eq(e, i);
	}
	ck_assert(encoding_parse("ABC", &e) && e == ENC_TCVN3);
	ck_assert(encoding_parse("Windows-1258", &e) && e == ENC_CP1258);
	ck_assert(encoding_parse("UTF8", &e) && e == ENC_UTF8);
	ck_assert(!encoding_parse("latin-1", &e));
	ck_assert(!encoding_parse("", &e));
	ck_assert_str_eq(encoding_name(ENC_VNI), "vni");
	ck_assert_str_eq(encoding_description(ENC_TCVN3), "TCVN3 (ABC)");
}
END_TEST

START_TEST(known_bytes_of_each_encoding)
{
	static const struct {
		Encoding e;
		const char *bytes, *text;
	} cases[] = {
		{ENC_TCVN3, "Ng\xAD\xEAi", "Người"},
		{ENC_TCVN3, "Vi\xD6t Nam", "Việt Nam"},
		{ENC_TCVN3, "H\xB5 N\xE9i", "Hà Nội"},
		{ENC_TCVN3, "\xA7\xB5 N\xBDng", "Đà Nẵng"},
		{ENC_VNI, "Ng\xF6\xF4\xF8i", "Người"},
		{ENC_VNI, "Vie\xE4t Nam", "Việt Nam"},
		{ENC_VNI, "\xD1" "a\xEBng T\xE6nh", "Đặng Tỉnh"},
		{ENC_VNI, "M\xEE VIE\xC4T", "Mỵ VIỆT"},
		{ENC_VISCII, "Ng\xDF\xB6i", "Người"},
		{ENC_VISCII, "Vi\xAEt Nam", "Việt Nam"},
		{ENC_VISCII, "\x14y ban", "Ỷy ban"},
		{ENC_CP1258, "Vi\xEA\xF2t Nam", "Việt Nam"},
		{ENC_CP1258, "Ng\xFD\xF5\xCCi", "Người"},
		{ENC_CP1258, "H\xE0 N\xF4\xF2i", "Hà Nội"},
		{ENC_VIQR, "Vie^.t Nam", "Việt Nam"},
		{ENC_VIQR, "Ngu+o+`i DDa`", "Người Đà"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		Str out = STR_INIT;
		ck_assert_msg(legacy_decode(cases[i].e, cases[i].bytes, strlen(cases[i].bytes), &out,
					    NULL), "decoding failed");
		ck_assert_str_eq(out.s, cases[i].text);
		str_clear(&out);
		ck_assert(legacy_encode(cases[i].e, cases[i].text, strlen(cases[i].text), &out));
		ck_assert_str_eq(out.s, cases[i].bytes);
		str_release(&out);
	}
}
END_TEST

START_TEST(lenient_spellings_decode)
{
	static const struct {
		Encoding e;
		const char *bytes, *text;
	} cases[] = {
		{ENC_VNI, "A\xF9 ho\xE1i", "Á hối"},       /* capital base, lower-case mark */
		{ENC_VNI, "Jos\xE9 caf\xE9", "José café"},  /* a mark byte after a consonant */
		{ENC_VIQR, "Dda`", "Đà"},
		{ENC_VIQR, "dD", "dD"},
		{ENC_CP1258, "a\xDE", "ã"},                  /* base plus combining tone */
		{ENC_TCVN3, "o\xB4", "ọ"},                   /* TCVN3's combining dot below */
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		Str out = STR_INIT;
		ck_assert_msg(legacy_decode(cases[i].e, cases[i].bytes, strlen(cases[i].bytes), &out,
					    NULL), "decoding failed");
		ck_assert_str_eq(out.s, cases[i].text);
		str_release(&out);
	}
}
END_TEST

START_TEST(all_134_letters_round_trip_in_every_encoding)
{
	Str letters = STR_INIT;
	all_letters(&letters);
	for (int e = 0; e < ENCODING_COUNT; e++) {
		size_t i = 0;
		assert_round_trip((Encoding)e, letters.s);
		/* and each letter alone, between ASCII neighbours that must survive */
		while (i < letters.len) {
			char one[32];
			size_t k = utf8_next_grapheme(letters.s, letters.len, i);
			snprintf(one, sizeof(one), "x%.*sq", (int)(k - i), letters.s + i);
			assert_round_trip((Encoding)e, one);
			i = k;
		}
	}
	str_release(&letters);
}
END_TEST

START_TEST(one_byte_tables_are_one_to_one)
{
	static const Encoding one_byte[] = {ENC_TCVN3, ENC_VISCII};
	for (size_t k = 0; k < 2; k++) {
		int letters = 0;
		for (int b = 1; b < 256; b++) {
			char in[2] = {(char)b, 0};
			Str dec = STR_INIT, back = STR_INIT;
			ck_assert(legacy_decode(one_byte[k], in, 1, &dec, NULL));
			int32_t cp;
			utf8_decode(dec.s, dec.len, &cp);
			if (cp >= 0x80 && viet_is_letter(cp)) {
				letters++;
				ck_assert(legacy_encode(one_byte[k], dec.s, dec.len, &back));
				ck_assert_uint_eq(back.len, 1);
				ck_assert_uint_eq((unsigned char)back.s[0], b);
			}
			str_release(&dec);
			str_release(&back);
		}
		/* VISCII holds exactly the 134; TCVN3 holds them too */
		ck_assert_int_eq(letters, 134);
	}
}
END_TEST

START_TEST(sentences_are_detected_and_decoded)
{
	for (int e = ENC_TCVN3; e < ENCODING_COUNT; e++) {
		Str enc = STR_INIT, dec = STR_INIT;
		bool sure = false;
		LegacyGuess g;

		ck_assert(legacy_encode((Encoding)e, sample, strlen(sample), &enc));
		ck_assert_msg(legacy_detect(enc.s, enc.len, &sure) == (Encoding)e, "%s detected as %s",
			      encoding_name((Encoding)e),
			      encoding_name(legacy_detect(enc.s, enc.len, NULL)));
		ck_assert_msg(sure, "%s not sure", encoding_name((Encoding)e));
		legacy_guess(enc.s, enc.len, &g);
		ck_assert(g.score > g.runner_up + 20);
		ck_assert(legacy_decode((Encoding)e, enc.s, enc.len, &dec, NULL));
		ck_assert_str_eq(dec.s, sample);
		str_release(&enc);
		str_release(&dec);
	}
}
END_TEST

START_TEST(one_line_headlines_are_detected)
{
	const char *line = "Bão số 3 đổ bộ vào miền Trung, hàng nghìn người sơ tán";
	for (int e = ENC_TCVN3; e < ENCODING_COUNT; e++) {
		Str enc = STR_INIT;
		bool sure = false;
		ck_assert(legacy_encode((Encoding)e, line, strlen(line), &enc));
		ck_assert_int_eq(legacy_detect(enc.s, enc.len, &sure), e);
		ck_assert(sure);
		str_release(&enc);
	}
}
END_TEST

START_TEST(detection_is_never_confidently_wrong)
{
	static const char *const words[] = {
		"Người", "dân", "thủ", "đô", "Hà", "Nội", "đã", "quen", "với", "cảnh", "mưa", "lớn",
		"mỗi", "chiều", "Trận", "bão", "đổ", "bộ", "vào", "tỉnh", "biển", "miền", "khiến",
		"tuyến", "đường", "ngập", "ùn", "tắc", "Ủy", "ban", "thành", "phố", "yêu", "khẩn",
		"trương", "khắc", "phục", "hậu", "quả", "trở", "lại", "trường", "Nguyễn", "Đức",
		"ĐẢNG", "QUỐC", "HỘI", "nghiêng", "quyết", "định", "xoay", "ngoặt", "thuở", "khuỷu",
		"và", "cho", "an", "ven", "xe", "gia",
	};
	uint64_t r = 88172645463325252ull;
	int sure_long = 0, long_total = 0;

	for (int n = 1; n <= 12; n++) {
		for (int e = ENC_TCVN3; e < ENCODING_COUNT; e++) {
			for (int k = 0; k < 60; k++) {
				Str text = STR_INIT, enc = STR_INIT;
				bool sure;
				for (int w = 0; w < n; w++) {
					r ^= r << 13;
					r ^= r >> 7;
					r ^= r << 17;
					if (w)
						str_addc(&text, ' ');
					str_adds(&text, words[r % (sizeof(words) / sizeof(words[0]))]);
				}
				legacy_encode((Encoding)e, text.s, text.len, &enc);
				Encoding d = legacy_detect(enc.s, enc.len, &sure);
				/* plain ASCII reads the same as UTF-8: that answer is right too */
				bool same = enc.len == text.len && memcmp(enc.s, text.s, text.len) == 0;
				ck_assert_msg(!sure || d == (Encoding)e || (d == ENC_UTF8 && same),
					      "%s read as %s: %s", encoding_name((Encoding)e),
					      encoding_name(d), text.s);
				if (n >= 6) {
					long_total++;
					sure_long += sure && d == (Encoding)e;
				}
				str_release(&text);
				str_release(&enc);
			}
		}
	}
	/* from six words on, nearly every guess is made, and made with confidence */
	ck_assert_int_ge(sure_long * 100, long_total * 97);
	ck_assert_int_eq(legacy_detect("Báo 中文 日本語", strlen("Báo 中文 日本語"), NULL), ENC_UTF8);
}
END_TEST

START_TEST(short_text_falls_back_to_utf8_not_sure)
{
	Str enc = STR_INIT, out = STR_INIT;
	bool sure = true;
	LegacyGuess g;
	LegacyFault fault;

	ck_assert(legacy_encode(ENC_TCVN3, "Hà", strlen("Hà"), &enc));
	ck_assert_int_eq(legacy_detect(enc.s, enc.len, &sure), ENC_UTF8);
	ck_assert(!sure);
	legacy_guess(enc.s, enc.len, &g);
	ck_assert_int_eq(g.best, ENC_TCVN3); /* the best guess is still there for a hint */
	/* and decoding it as UTF-8 refuses with the offset, rather than inventing letters */
	ck_assert(!legacy_decode(ENC_UTF8, enc.s, enc.len, &out, &fault));
	ck_assert_int_eq(fault.kind, LEGACY_BAD_UTF8);
	ck_assert_uint_eq(fault.offset, 1);
	str_release(&enc);
	str_release(&out);
}
END_TEST

START_TEST(utf8_nfc_and_nfd_are_utf8)
{
	const char *nfd = "Vie\xCC\x82\xCC\xA3t Nam ng\xC6\xB0\xC6\xA1\xCC\x80i";
	Str out = STR_INIT;
	bool sure = false;

	ck_assert_int_eq(legacy_detect(sample, strlen(sample), &sure), ENC_UTF8);
	ck_assert(sure);
	ck_assert_int_eq(legacy_detect(nfd, strlen(nfd), &sure), ENC_UTF8);
	ck_assert(sure);
	ck_assert(legacy_decode(ENC_UTF8, nfd, strlen(nfd), &out, NULL));
	ck_assert_str_eq(out.s, "Việt Nam người");
	str_release(&out);
}
END_TEST

START_TEST(plain_ascii_is_utf8_unless_clearly_viqr)
{
	const char *english = "Let it go. Who is he? The mayor said so. It's done, see?";
	const char *unmarked = "Nguoi dan Ha Noi da quen voi canh mua lon moi chieu";
	/* full stops and apostrophes after vowels read as tones: "mẹ", "Ím", "yoụ" */
	const char *quotes = "\"I'm here to help,\" she said.\n\"Call me. See me.\"\n"
			     "\"Thank you.\"\n\"Tell me.\" \"Ask me.\" \"Pay me.\"\n";
	bool sure = false;

	ck_assert_int_eq(legacy_detect(english, strlen(english), &sure), ENC_UTF8);
	ck_assert_int_eq(legacy_detect(quotes, strlen(quotes), &sure), ENC_UTF8);
	ck_assert_int_eq(legacy_detect("Vie^.t Nam, ngu+o+`i ta no'i va^.y.", 35, &sure), ENC_VIQR);
	ck_assert(sure);
	ck_assert_int_eq(legacy_detect(unmarked, strlen(unmarked), &sure), ENC_UTF8);
	ck_assert(sure);
	ck_assert_int_eq(legacy_detect("", 0, &sure), ENC_UTF8);
}
END_TEST

START_TEST(viqr_escapes_literal_mnemonics)
{
	static const char *const texts[] = {
		"Ai? Có ai không?", "Số 3.5 và 2.0.", "e( o^ u+ a\\b", "add dđ đđ Dd", "Nó nói: \"Về!\"",
		"ạ. ạ.. ê^ a(", "\\\\ \\. \\", "Lý do: 'không'", "d", "đ", "",
	};
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		assert_round_trip(ENC_VIQR, texts[i]);
	/* a backslash before a mnemonic keeps it literal */
	Str out = STR_INIT;
	ck_assert(legacy_decode(ENC_VIQR, "Ba\\. ba. d\\d", 12, &out, NULL));
	ck_assert_str_eq(out.s, "Ba. bạ dd");
	str_release(&out);
}
END_TEST

START_TEST(bad_bytes_are_refused_with_offsets)
{
	LegacyFault fault;
	Str out = STR_INIT;

	ck_assert(!legacy_decode(ENC_CP1258, "ab\x81", 3, &out, &fault));
	ck_assert_int_eq(fault.kind, LEGACY_UNDEFINED);
	ck_assert_uint_eq(fault.offset, 2);
	ck_assert_uint_eq(fault.byte, 0x81);
	ck_assert(!legacy_decode(ENC_TCVN3, "a\0b", 3, &out, &fault));
	ck_assert_int_eq(fault.kind, LEGACY_NUL);
	ck_assert_uint_eq(fault.offset, 1);
	ck_assert(!legacy_decode(ENC_VIQR, "a\xFF", 2, &out, &fault));
	ck_assert_int_eq(fault.kind, LEGACY_BAD_UTF8);
	ck_assert_uint_eq(fault.offset, 1);
	ck_assert_uint_eq(out.len, 0);
	/* characters an encoding cannot hold become '?' and the answer is false */
	ck_assert(!legacy_encode(ENC_TCVN3, "Hà Nội €", strlen("Hà Nội €"), &out));
	ck_assert_str_eq(out.s, "H\xB5 N\xE9i ?");
	str_clear(&out);
	ck_assert(!legacy_encode(ENC_VNI, "中", 3, &out));
	ck_assert_str_eq(out.s, "?");
	str_release(&out);
}
END_TEST

START_TEST(syllable_shapes)
{
	static const char *const good[] = {"nghiêng", "quốc", "gì", "giữa", "Người", "ĐƯỜNG",
					   "khuỷu", "thuở", "oà", "ý", "xoong", "uống"};
	static const char *const bad[] = {"Vieät", "cafộ", "ngễêi", "hóà", "bák", "tàc",
					  "", "xyz", "Hµ", "ab1"};
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		ck_assert_msg(legacy_syllable_ok(good[i], strlen(good[i])), "%s", good[i]);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(!legacy_syllable_ok(bad[i], strlen(bad[i])), "%s", bad[i]);
}
END_TEST

static size_t repair(const char *in, Str *out)
{
	str_clear(out);
	return legacy_repair_mojibake(in, strlen(in), out);
}

START_TEST(mojibake_is_repaired)
{
	Str out = STR_INIT;

	/* TCVN3 bytes shown as Latin-1: "Người dân Hà Nội" */
	ck_assert_uint_eq(repair("Ng\u00AD\u00EAi d\u00A9n H\u00B5 N\u00E9i", &out), 4);
	ck_assert_str_eq(out.s, "Người dân Hà Nội");
	/* VNI bytes shown as Windows-1252 */
	ck_assert_uint_eq(repair("Vieät Nam, ngöôøi daân", &out), 3);
	ck_assert_str_eq(out.s, "Việt Nam, người dân");
	/* a fragment inside good text is mended and the rest left alone */
	ck_assert_uint_eq(repair("Tin từ Hà Nội: Vieät Nam thaéng lôùn.", &out), 3);
	ck_assert_str_eq(out.s, "Tin từ Hà Nội: Việt Nam thắng lớn.");
	/* real words are not touched */
	ck_assert_uint_eq(repair("Tôi và anh uống café ở Đà Lạt, naïve?", &out), 0);
	ck_assert_str_eq(out.s, "Tôi và anh uống café ở Đà Lạt, naïve?");
	ck_assert_uint_eq(repair("", &out), 0);
	ck_assert_str_eq(str_cstr(&out), "");
	/* punctuation standing alone is never a garbled word: "–" is 0x96, "Ọ" in TCVN3 */
	const char *clean = "Trục Kim Mã – Cầu Giấy “thông thoáng” … giờ cao điểm — 7 – 9 giờ";
	ck_assert_uint_eq(repair(clean, &out), 0);
	ck_assert_str_eq(out.s, clean);
	/* and many dashes do not make a Latin-1-only text look garbled from end to end */
	const char *dashes = "Tôi – và – có – – – – – – – – cà phê";
	ck_assert_uint_eq(repair(dashes, &out), 0);
	ck_assert_str_eq(out.s, dashes);
	str_release(&out);
}
END_TEST

START_TEST(whole_mojibake_text_is_repaired)
{
	Str enc = STR_INIT, shown = STR_INIT, out = STR_INIT;
	const Encoding kinds[] = {ENC_TCVN3, ENC_VNI};

	for (int k = 0; k < 2; k++) {
		str_clear(&enc);
		str_clear(&shown);
		ck_assert(legacy_encode(kinds[k], sample, strlen(sample), &enc));
		/* what a byte-by-byte conversion through Windows-1252 would have made */
		for (size_t i = 0; i < enc.len; i++) {
			unsigned char b = (unsigned char)enc.s[i];
			utf8_add(&shown, b);
		}
		ck_assert(repair(shown.s, &out) > 40);
		ck_assert_str_eq(out.s, sample);
	}
	str_release(&enc);
	str_release(&shown);
	str_release(&out);
}
END_TEST

START_TEST(lookalikes_are_repaired)
{
	static const struct {
		const char *in, *out;
		size_t n;
	} cases[] = {
		/* eth for Đ and oi for ư, as PDF copies carry them; ƣ and a combining tone compose */
		{"Ðà Nẵng, trƣờng ƢU tr\u01A3\u0300ng", "Đà Nẵng, trường ƯU trừng", 4},
		/* a Cyrillic letter inside a Latin word; a Russian word stays */
		{"Hà N\u043Ei và Москва", "Hà Noi và Москва", 1},
		/* ð and ǎ are Icelandic and Pinyin letters too: only a Vietnamese syllable in a
		 * Vietnamese text takes them for đ and ă */
		{"Ðað er gott. Nǐ hǎo, mǎ.", "Ðað er gott. Nǐ hǎo, mǎ.", 0},
		{"Ðặng Nǎng ở Ðalvík", "Đặng Năng ở Ðalvík", 2},
		{"", "", 0},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		Str out = STR_INIT;
		size_t n = legacy_repair_lookalikes(cases[i].in, strlen(cases[i].in), &out);
		ck_assert_str_eq(str_cstr(&out), cases[i].out);
		ck_assert_uint_eq(n, cases[i].n);
		str_release(&out);
	}
}
END_TEST

START_TEST(a_wrong_reading_scores_badly)
{
	Str enc = STR_INIT, dec = STR_INIT;
	LegacyScore sc;

	/* the right encoding: every word with marks is a syllable */
	ck_assert(legacy_encode(ENC_TCVN3, sample, strlen(sample), &enc));
	ck_assert(legacy_decode(ENC_TCVN3, enc.s, enc.len, &dec, NULL));
	legacy_score(dec.s, dec.len, &sc);
	ck_assert(sc.valid > 40 && sc.invalid == 0 && sc.first_len == 0);
	/* UTF-8 read as TCVN3 decodes without a fault, into words no one writes */
	str_clear(&dec);
	ck_assert(legacy_decode(ENC_TCVN3, sample, strlen(sample), &dec, NULL));
	legacy_score(dec.s, dec.len, &sc);
	ck_assert_int_gt(sc.invalid, 10 * sc.valid);
	ck_assert(sc.first_len > 0 && !legacy_syllable_ok(dec.s + sc.first, sc.first_len));
	/* quotes and dashes around a word do not count against it */
	legacy_score("“Đà Nẵng” – “café”", strlen("“Đà Nẵng” – “café”"), &sc);
	ck_assert_int_eq(sc.valid, 2);
	ck_assert_int_eq(sc.invalid, 1);
	str_release(&enc);
	str_release(&dec);
}
END_TEST

static Suite *legacy_suite(void)
{
	Suite *s = suite_create("legacy");
	ADD_TEST(s, names_parse_both_ways);
	ADD_TEST(s, known_bytes_of_each_encoding);
	ADD_TEST(s, lenient_spellings_decode);
	ADD_TEST(s, all_134_letters_round_trip_in_every_encoding);
	ADD_TEST(s, one_byte_tables_are_one_to_one);
	ADD_TEST(s, sentences_are_detected_and_decoded);
	ADD_TEST(s, one_line_headlines_are_detected);
	ADD_TEST(s, detection_is_never_confidently_wrong);
	ADD_TEST(s, short_text_falls_back_to_utf8_not_sure);
	ADD_TEST(s, utf8_nfc_and_nfd_are_utf8);
	ADD_TEST(s, plain_ascii_is_utf8_unless_clearly_viqr);
	ADD_TEST(s, viqr_escapes_literal_mnemonics);
	ADD_TEST(s, bad_bytes_are_refused_with_offsets);
	ADD_TEST(s, syllable_shapes);
	ADD_TEST(s, mojibake_is_repaired);
	ADD_TEST(s, whole_mojibake_text_is_repaired);
	ADD_TEST(s, lookalikes_are_repaired);
	ADD_TEST(s, a_wrong_reading_scores_badly);
	return s;
}

CHECK_MAIN(legacy_suite)
