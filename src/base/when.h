/*
 * when.h: points in time as Unix seconds: parsing what people type, and writing them for
 * people (local time, relative time) and for machines (ISO 8601 with the offset).
 */
#ifndef BASE_WHEN_H
#define BASE_WHEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/str.h"

/*
 * Parses "YYYY-MM-DD HH:MM[:SS]" in local time, or ISO 8601 with an offset
 * ("2026-11-27T08:00:00+07:00", "...Z"); also "HH:MM" for today and "YYYY-MM-DD" alone for
 * the start of that day (local). Every command and screen reads times with it, so a form
 * one accepts, all accept. Returns false for anything
 * else, or an impossible date (2026-02-30): the caller says so in the reader's language.
 */
bool when_parse(const char *s, int64_t now, int64_t *out);

/* "2026-11-27 08:00" in local time. */
void when_local(int64_t t, Str *out);

/* "10:42" (sep ":") or "1042" (sep ""): the local time of day. */
void when_clock(int64_t t, const char *sep, Str *out);

/* "2026-11-27T08:00:00+07:00": local time with its offset. */
void when_iso(int64_t t, Str *out);

/* "vừa xong", "5 phút trước", "3 giờ trước", "2 ngày trước", "sau 10 phút", or the date;
 * lang "en" gives "just now", "5 minutes ago"... */
void when_relative(int64_t t, int64_t now, const char *lang, Str *out);

/* The current time. */
int64_t when_now(void);
/* Milliseconds on a clock that only moves forward (for intervals, never for dates). */
int64_t when_mono_ms(void);

#endif
