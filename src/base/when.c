/*
 * when.c: time. Local times go through mktime with tm_isdst = -1 so the zone's rules decide;
 * a date that mktime had to normalise (30 February) is refused rather than moved.
 */
#include "base/when.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/banned.h"

int64_t when_now(void)
{
	return (int64_t)time(NULL);
}

int64_t when_mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static bool read_num(const char **p, int digits, int *out)
{
	int v = 0;
	for (int i = 0; i < digits; i++) {
		if ((*p)[i] < '0' || (*p)[i] > '9')
			return false;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += digits;
	*out = v;
	return true;
}

/* Days from 1970-01-01 to a civil date (proleptic Gregorian). */
static int64_t days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static bool valid_date(int y, int m, int d, int hh, int mm, int ss)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (y < 1970 || y > 9999 || m < 1 || m > 12 || d < 1 || hh > 23 || mm > 59 || ss > 60)
		return false;
	return d <= mdays[m - 1] && !(m == 2 && d == 29 && !leap);
}

static bool parse_offset(const char *p, int *secs)
{
	int sign, h, m = 0;

	if (*p == 'Z' && p[1] == '\0') {
		*secs = 0;
		return true;
	}
	if (*p != '+' && *p != '-')
		return false;
	sign = *p++ == '-' ? -1 : 1;
	if (!read_num(&p, 2, &h))
		return false;
	if (*p == ':')
		p++;
	if (*p && !read_num(&p, 2, &m))
		return false;
	*secs = sign * (h * 3600 + m * 60);
	return *p == '\0' && h <= 14 && m <= 59;
}

bool when_parse(const char *s, int64_t now, int64_t *out)
{
	const char *p = s;
	int y, mo, d, hh, mm, ss = 0, off;
	struct tm tm = {0};
	time_t t;

	if (strlen(s) == 5 && read_num(&p, 2, &hh) && *p++ == ':' && read_num(&p, 2, &mm) &&
	    hh < 24 && mm < 60) {
		time_t n = (time_t)now;
		localtime_r(&n, &tm);
		y = tm.tm_year + 1900, mo = tm.tm_mon + 1, d = tm.tm_mday;
		goto local;
	}
	p = s;
	if (!read_num(&p, 4, &y) || *p++ != '-' || !read_num(&p, 2, &mo) || *p++ != '-' ||
	    !read_num(&p, 2, &d))
		goto bad;
	if (*p == '\0') { /* a date alone: the start of that day */
		hh = mm = 0;
		if (!valid_date(y, mo, d, hh, mm, ss))
			goto bad;
		goto local;
	}
	if ((*p != ' ' && *p != 'T') || !(p++, read_num(&p, 2, &hh)) || *p++ != ':' ||
	    !read_num(&p, 2, &mm))
		goto bad;
	if (*p == ':' && (p++, !read_num(&p, 2, &ss)))
		goto bad;
	if (!valid_date(y, mo, d, hh, mm, ss))
		goto bad;
	if (*p) {
		if (!parse_offset(p, &off))
			goto bad;
		*out = days_from_civil(y, mo, d) * 86400 + hh * 3600 + mm * 60 + ss - off;
		return true;
	}
local:
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900, tm.tm_mon = mo - 1, tm.tm_mday = d;
	tm.tm_hour = hh, tm.tm_min = mm, tm.tm_sec = ss, tm.tm_isdst = -1;
	t = mktime(&tm);
	if (t == (time_t)-1 || tm.tm_mday != d || tm.tm_mon != mo - 1)
		goto bad;
	*out = (int64_t)t;
	return true;
bad:
	return false;
}

void when_local(int64_t t, Str *out)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char buf[32];

	localtime_r(&tt, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M", &tm);
	str_adds(out, buf);
}

void when_clock(int64_t t, const char *sep, Str *out)
{
	time_t tt = (time_t)t;
	struct tm tm;

	localtime_r(&tt, &tm);
	str_addf(out, "%02d%s%02d", tm.tm_hour, sep, tm.tm_min);
}

void when_iso(int64_t t, Str *out)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char buf[40];
	long off;

	localtime_r(&tt, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm);
	off = tm.tm_gmtoff;
	if (off == 0)
		str_addf(out, "%sZ", buf);
	else
		str_addf(out, "%s%c%02ld:%02ld", buf, off < 0 ? '-' : '+', labs(off) / 3600,
			 labs(off) % 3600 / 60);
}

void when_relative(int64_t t, int64_t now, const char *lang, Str *out)
{
	bool en = lang && strcmp(lang, "en") == 0;
	int64_t d = now - t, a = d < 0 ? -d : d;
	static const struct { int64_t secs; const char *vi, *en; } units[] = {
		{86400, "ngày", "day"}, {3600, "giờ", "hour"}, {60, "phút", "minute"}};

	if (a < 60) {
		str_adds(out, en ? "just now" : "vừa xong");
		return;
	}
	if (a >= 7 * 86400) {
		when_local(t, out);
		return;
	}
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		int64_t n = a / units[i].secs;
		if (n == 0)
			continue;
		if (en)
			str_addf(out, d > 0 ? "%lld %s%s ago" : "in %lld %s%s", (long long)n,
				 units[i].en, n == 1 ? "" : "s");
		else
			str_addf(out, d > 0 ? "%lld %s trước" : "sau %lld %s", (long long)n,
				 units[i].vi);
		return;
	}
}
