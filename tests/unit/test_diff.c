/* test_diff.c: the word-level difference. */
#include <string.h>

#include "check_main.h"
#include "base/diff.h"
#include "base/str.h"

/* Renders a diff as "same[-del-]{+ins+}" for easy comparison. */
static void render(const char *a, const char *b, Str *out)
{
	Diff d = {0};
	diff_words(a, strlen(a), b, strlen(b), &d);
	for (size_t i = 0; i < d.n; i++) {
		const char *open = d.runs[i].op == DIFF_DEL ? "[-" : d.runs[i].op == DIFF_INS ? "{+" : "";
		const char *close = d.runs[i].op == DIFF_DEL ? "-]" : d.runs[i].op == DIFF_INS ? "+}" : "";
		str_addf(out, "%s%.*s%s", open, (int)d.runs[i].len, d.runs[i].s, close);
	}
	diff_release(&d);
}

static void check_diff(const char *a, const char *b, const char *want)
{
	Str s = STR_INIT;
	render(a, b, &s);
	ck_assert_str_eq(str_cstr(&s), want);
	str_release(&s);
}

START_TEST(syllable_changes)
{
	check_diff("Bão số 3 đổ bộ", "Bão số 4 đổ bộ", "Bão số [-3-]{+4+} đổ bộ");
	check_diff("sử lý vụ việc", "xử lý vụ việc", "[-sử-]{+xử+} lý vụ việc");
	check_diff("", "Mới", "{+Mới+}");
	check_diff("Cũ", "", "[-Cũ-]");
	check_diff("giống hệt", "giống hệt", "giống hệt");
}
END_TEST

START_TEST(insertions_and_deletions_in_the_middle)
{
	check_diff("Hà Nội hôm nay mưa", "Hà Nội hôm nay mưa rất to",
		   "Hà Nội hôm nay mưa{+ rất to+}");
	check_diff("một hai ba bốn năm", "một ba bốn sáu năm",
		   "một [-hai -]ba bốn{+ sáu+} năm");
}
END_TEST

START_TEST(reconstructs_both_sides)
{
	const char *a = "Sáng 26/11, UBND thành phố tổ chức lễ thông xe cầu vượt.";
	const char *b = "Chiều 26/11, UBND TP tổ chức lễ khánh thành cầu vượt mới.";
	Diff d = {0};
	Str ra = STR_INIT, rb = STR_INIT;
	diff_words(a, strlen(a), b, strlen(b), &d);
	for (size_t i = 0; i < d.n; i++) {
		if (d.runs[i].op != DIFF_INS)
			str_add(&ra, d.runs[i].s, d.runs[i].len);
		if (d.runs[i].op != DIFF_DEL)
			str_add(&rb, d.runs[i].s, d.runs[i].len);
	}
	ck_assert_str_eq(str_cstr(&ra), a);
	ck_assert_str_eq(str_cstr(&rb), b);
	diff_release(&d);
	str_release(&ra);
	str_release(&rb);
}
END_TEST

static Suite *diff_suite(void)
{
	Suite *s = suite_create("diff");
	ADD_TEST(s, syllable_changes);
	ADD_TEST(s, insertions_and_deletions_in_the_middle);
	ADD_TEST(s, reconstructs_both_sides);
	return s;
}

CHECK_MAIN(diff_suite)
