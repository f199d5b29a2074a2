/* test_when.c: the times people type for --at, and the times toasoan writes. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check_main.h"
#include "base/when.h"

static void zone(void)
{
	setenv("TZ", "Asia/Ho_Chi_Minh", 1); /* UTC+7 all year */
	tzset();
}

static int64_t parse_ok(const char *s, int64_t now)
{
	int64_t t = 0;
	ck_assert_msg(when_parse(s, now, &t), "'%s' was refused", s);
	return t;
}

static void parse_bad(const char *s)
{
	int64_t t;
	ck_assert_msg(!when_parse(s, 0, &t), "'%s' was accepted", s);
}

START_TEST(local_and_iso_times)
{
	zone();
	/* 2026-11-27 08:00 in Hà Nội is 01:00 UTC */
	int64_t want = 1795741200;
	ck_assert_int_eq(parse_ok("2026-11-27 08:00", 0), want);
	ck_assert_int_eq(parse_ok("2026-11-27 08:00:00", 0), want);
	ck_assert_int_eq(parse_ok("2026-11-27T08:00:00+07:00", 0), want);
	ck_assert_int_eq(parse_ok("2026-11-27T01:00:00Z", 0), want);
	ck_assert_int_eq(parse_ok("2026-11-27T03:00:00+0200", 0), want);
	/* a date alone is the start of that day, local */
	ck_assert_int_eq(parse_ok("2026-11-27", 0), want - 8 * 3600);
	/* "HH:MM" is today, local */
	ck_assert_int_eq(parse_ok("08:00", want - 3600), want);
}
END_TEST

START_TEST(impossible_times_are_refused)
{
	zone();
	parse_bad("2026-02-30 08:00");
	parse_bad("2025-02-29 08:00"); /* not a leap year */
	parse_bad("2026-11-27 24:00");
	parse_bad("2026-13-01 08:00");
	parse_bad("27/11/2026 08:00");
	parse_bad("2026-11-27 ");
	parse_bad("2026-02-30");
	parse_bad("2026-11-27 08:00+7");
	parse_bad("");
	ck_assert_int_gt(parse_ok("2028-02-29 08:00", 0), 0); /* a leap year */
}
END_TEST

START_TEST(times_for_people_and_machines)
{
	Str s = STR_INIT;
	zone();
	when_local(1795741200, &s);
	ck_assert_str_eq(s.s, "2026-11-27 08:00");
	str_clear(&s);
	when_clock(1795741200 + 42 * 60, ":", &s);
	ck_assert_str_eq(s.s, "08:42");
	str_clear(&s);
	when_iso(1795741200, &s);
	ck_assert_str_eq(s.s, "2026-11-27T08:00:00+07:00");
	str_clear(&s);
	when_relative(1000, 1030, "vi", &s);
	ck_assert_str_eq(s.s, "vừa xong");
	str_clear(&s);
	when_relative(1000, 1000 + 5 * 60, "vi", &s);
	ck_assert_str_eq(s.s, "5 phút trước");
	str_clear(&s);
	when_relative(1000 + 3 * 3600, 1000, "vi", &s);
	ck_assert_str_eq(s.s, "sau 3 giờ");
	str_clear(&s);
	when_relative(1000, 1000 + 2 * 86400, "en", &s);
	ck_assert_str_eq(s.s, "2 days ago");
	str_release(&s);
}
END_TEST

static Suite *when_suite(void)
{
	Suite *s = suite_create("when");
	ADD_TEST(s, local_and_iso_times);
	ADD_TEST(s, impossible_times_are_refused);
	ADD_TEST(s, times_for_people_and_machines);
	return s;
}

CHECK_MAIN(when_suite)
