/* test_overlay.c: the overlay's searches agree with a plain walk over its spans, through
 * random adds, edits and clears with nested spans among them. */
#include <string.h>

#include "check_main.h"
#include "edit/overlay.h"

/* The answers a walk from the first span gives. */
static size_t walk_first_after(const Overlay *o, size_t off)
{
	for (size_t i = 0; i < overlay_count(o); i++)
		if (overlay_get(o, i)->end > off)
			return i;
	return overlay_count(o);
}

static const Span *walk_at(const Overlay *o, size_t off)
{
	for (size_t i = 0; i < overlay_count(o) && overlay_get(o, i)->start <= off; i++)
		if (off < overlay_get(o, i)->end)
			return overlay_get(o, i);
	return NULL;
}

static const Span *walk_next(const Overlay *o, size_t off)
{
	for (size_t i = 0; i < overlay_count(o); i++)
		if (overlay_get(o, i)->start > off)
			return overlay_get(o, i);
	return NULL;
}

static const Span *walk_prev(const Overlay *o, size_t off)
{
	for (size_t i = overlay_count(o); i > 0; i--)
		if (overlay_get(o, i - 1)->start < off)
			return overlay_get(o, i - 1);
	return NULL;
}

static void sorted(const Overlay *o)
{
	for (size_t i = 1; i < overlay_count(o); i++) {
		const Span *a = overlay_get(o, i - 1), *b = overlay_get(o, i);
		ck_assert(a->start < b->start || (a->start == b->start && a->end <= b->end));
	}
}

START_TEST(searches_agree_with_a_walk)
{
	Overlay *o = overlay_new();
	unsigned seed = 5;
	uint64_t stamp = overlay_stamp(o);

	for (int i = 0; i < 4000; i++) {
		seed = seed * 1103515245u + 12345u;
		unsigned r = seed >> 8;
		size_t a = r % 400, len = 1 + (r / 400) % (r % 9 == 0 ? 80 : 8); /* some spans nest */
		if (r % 5 == 0)
			overlay_edit(o, a, (r / 7) % 4, (r / 11) % 5);
		else if (r % 13 == 0)
			overlay_clear_range(o, a, r % 2 ? a : a + len);
		else if (r % 97 == 0)
			overlay_clear(o);
		else
			overlay_add(o, a, a + len, (int)(r % 3), (uint32_t)i);
		sorted(o);
		for (size_t off = 0; off < 460; off += 1 + (r % 3)) {
			ck_assert_uint_eq(overlay_first_after(o, off), walk_first_after(o, off));
			ck_assert_ptr_eq(overlay_at(o, off), walk_at(o, off));
			ck_assert_ptr_eq(overlay_next(o, off, false), walk_next(o, off));
			ck_assert_ptr_eq(overlay_prev(o, off, false), walk_prev(o, off));
		}
	}
	ck_assert(overlay_stamp(o) != stamp);
	overlay_free(o);
}
END_TEST

START_TEST(stamp_moves_only_with_a_change)
{
	Overlay *o = overlay_new(), *p = overlay_new();
	ck_assert(overlay_stamp(o) != overlay_stamp(p));
	overlay_add(o, 10, 15, 0, 1);
	uint64_t s = overlay_stamp(o);
	overlay_edit(o, 40, 0, 3); /* typing after every span */
	overlay_clear_range(o, 20, 30);
	ck_assert_uint_eq(overlay_stamp(o), s);
	overlay_edit(o, 2, 0, 1);
	ck_assert(overlay_stamp(o) != s);
	ck_assert_uint_eq(overlay_get(o, 0)->start, 11);
	overlay_free(o);
	overlay_free(p);
}
END_TEST

static Suite *overlay_suite(void)
{
	Suite *s = suite_create("overlay");
	ADD_TEST(s, searches_agree_with_a_walk);
	ADD_TEST(s, stamp_moves_only_with_a_change);
	return s;
}

CHECK_MAIN(overlay_suite)
