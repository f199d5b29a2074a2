/*
 * test_workflow.c: every action x state x role x ownership against the table in the issue,
 * written out again here independently of the code's table, plus the sentences of refusals.
 */
#include <string.h>

#include "check_main.h"
#include "news/workflow.h"

enum { NO, OWN, YES };

typedef struct Expect {
	Action act;
	unsigned from;   /* bit set of states */
	int to;          /* -1: stays */
	int who[3];      /* reporter, editor, admin */
} Expect;

#define S(x) (1u << (x))
#define ALL (S(STATE_DRAFT) | S(STATE_REVIEW) | S(STATE_SCHEDULED) | S(STATE_PUBLISHED))

/* The table, row by row. */
static const Expect table[] = {
	{ACT_SUBMIT, S(STATE_DRAFT), STATE_REVIEW, {OWN, YES, YES}},
	{ACT_WITHDRAW, S(STATE_REVIEW), STATE_DRAFT, {OWN, YES, YES}},
	{ACT_RETURN, S(STATE_REVIEW) | S(STATE_SCHEDULED), STATE_DRAFT, {NO, YES, YES}},
	{ACT_APPROVE, S(STATE_REVIEW), STATE_PUBLISHED, {NO, YES, YES}},
	{ACT_SCHEDULE, S(STATE_REVIEW), STATE_SCHEDULED, {NO, YES, YES}},
	{ACT_PUBLISH, S(STATE_REVIEW) | S(STATE_SCHEDULED), STATE_PUBLISHED, {NO, YES, YES}},
	{ACT_UNPUBLISH, S(STATE_PUBLISHED), STATE_DRAFT, {NO, YES, YES}},
	{ACT_PUBLISH_DUE, S(STATE_SCHEDULED), STATE_PUBLISHED, {NO, YES, YES}},
};

static bool expected(const Expect *e, Role r, bool own, State s)
{
	if (!(e->from & S(s)))
		return false;
	return e->who[r] == YES || (e->who[r] == OWN && own);
}

START_TEST(every_transition_matches_the_table)
{
	int checked = 0;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		for (int r = 0; r < ROLE_COUNT; r++)
			for (int s = 0; s < STATE_COUNT; s++)
				for (int own = 0; own < 2; own++) {
					Ask ask = {(Role)r, own, (State)s};
					State to = STATE_COUNT;
					const char *why = "unset";
					bool ok = workflow_decide(&ask, table[i].act, &to, &why);
					bool want = expected(&table[i], (Role)r, own, (State)s);
					ck_assert_msg(ok == want, "%s by %s (own %d) from %s: got %d",
						      action_name(table[i].act), role_name((Role)r),
						      own, state_name((State)s), ok);
					if (ok) {
						ck_assert_int_eq(to, table[i].to);
						ck_assert_ptr_null(why);
					} else {
						ck_assert_ptr_nonnull(why);
						ck_assert(strlen(why) > 10);
					}
					checked++;
				}
	ck_assert_int_eq(checked, 8 * 3 * 4 * 2);
}
END_TEST

START_TEST(editing_text)
{
	for (int s = 0; s < STATE_COUNT; s++) {
		/* reporters: their own drafts only; editors and admins: everything */
		ck_assert(workflow_allows(ROLE_REPORTER, true, (State)s, ACT_EDIT) ==
			  (s == STATE_DRAFT));
		ck_assert(!workflow_allows(ROLE_REPORTER, false, (State)s, ACT_EDIT));
		ck_assert(workflow_allows(ROLE_EDITOR, false, (State)s, ACT_EDIT));
		ck_assert(workflow_allows(ROLE_ADMIN, false, (State)s, ACT_EDIT));
	}
}
END_TEST

START_TEST(viewing)
{
	for (int s = 0; s < STATE_COUNT; s++) {
		ck_assert(workflow_allows(ROLE_REPORTER, true, (State)s, ACT_VIEW));
		ck_assert(workflow_allows(ROLE_REPORTER, false, (State)s, ACT_VIEW) ==
			  (s == STATE_PUBLISHED));
		ck_assert(workflow_allows(ROLE_EDITOR, false, (State)s, ACT_VIEW));
	}
}
END_TEST

START_TEST(global_actions)
{
	ck_assert(workflow_allows(ROLE_REPORTER, true, STATE_DRAFT, ACT_CREATE));
	ck_assert(workflow_allows(ROLE_EDITOR, true, STATE_DRAFT, ACT_CREATE));
	ck_assert(!workflow_allows(ROLE_REPORTER, true, STATE_DRAFT, ACT_MANAGE_USERS));
	ck_assert(!workflow_allows(ROLE_EDITOR, true, STATE_DRAFT, ACT_MANAGE_USERS));
	ck_assert(workflow_allows(ROLE_ADMIN, true, STATE_DRAFT, ACT_MANAGE_USERS));
	ck_assert(!workflow_allows(ROLE_REPORTER, true, STATE_DRAFT, ACT_EDIT_DICT));
	ck_assert(workflow_allows(ROLE_EDITOR, true, STATE_DRAFT, ACT_EDIT_DICT));
}
END_TEST

START_TEST(refusals_name_the_rule)
{
	Ask ask = {ROLE_REPORTER, true, STATE_REVIEW};
	const char *why;
	ck_assert(!workflow_decide(&ask, ACT_APPROVE, NULL, &why));
	ck_assert_str_eq(why, "reporters cannot approve articles");
	ask.role = ROLE_EDITOR;
	ask.state = STATE_DRAFT;
	ck_assert(!workflow_decide(&ask, ACT_APPROVE, NULL, &why));
	ck_assert_str_eq(why, "only articles in review can be approved");
	ck_assert(!workflow_decide(&ask, ACT_UNPUBLISH, NULL, &why));
	ck_assert_str_eq(why, "only published articles can be unpublished");
}
END_TEST

START_TEST(names_round_trip)
{
	State s;
	Role r;
	for (int i = 0; i < STATE_COUNT; i++) {
		ck_assert(state_parse(state_name((State)i), &s));
		ck_assert_int_eq(s, i);
	}
	for (int i = 0; i < ROLE_COUNT; i++) {
		ck_assert(role_parse(role_name((Role)i), &r));
		ck_assert_int_eq(r, i);
	}
	ck_assert(!state_parse("sent", &s));
	ck_assert_str_eq(state_label(STATE_REVIEW, "vi"), "Chờ duyệt");
	ck_assert_str_eq(state_label(STATE_REVIEW, "en"), "In review");
	ck_assert(action_needs_note(ACT_RETURN));
	ck_assert(action_needs_note(ACT_UNPUBLISH));
	ck_assert(!action_needs_note(ACT_SUBMIT));
}
END_TEST

static Suite *workflow_suite(void)
{
	Suite *s = suite_create("workflow");
	ADD_TEST(s, every_transition_matches_the_table);
	ADD_TEST(s, editing_text);
	ADD_TEST(s, viewing);
	ADD_TEST(s, global_actions);
	ADD_TEST(s, refusals_name_the_rule);
	ADD_TEST(s, names_round_trip);
	return s;
}

CHECK_MAIN(workflow_suite)
