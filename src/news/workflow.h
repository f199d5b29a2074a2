/*
 * workflow.h: the newsroom's rules, as data. States, roles and actions are each one list;
 * one table says which role may take which action from which state; workflow_decide() is the
 * only function that answers "may this person do this". The CLI, the full-screen interface
 * and the store's callers all ask it, so a rule can never hold in one and not the other.
 */
#ifndef NEWS_WORKFLOW_H
#define NEWS_WORKFLOW_H

#include <stdbool.h>

/* X(enum, name in the database and on the command line, Vietnamese label, English label) */
#define STATE_LIST(X)                                                     \
	X(STATE_DRAFT, "draft", "Nháp", "Draft")                          \
	X(STATE_REVIEW, "review", "Chờ duyệt", "In review")               \
	X(STATE_SCHEDULED, "scheduled", "Hẹn giờ", "Scheduled")           \
	X(STATE_PUBLISHED, "published", "Đã đăng", "Published")

typedef enum State {
#define X(e, name, vi, en) e,
	STATE_LIST(X)
#undef X
	STATE_COUNT
} State;

#define ROLE_LIST(X)                                   \
	X(ROLE_REPORTER, "reporter", "Phóng viên", "Reporter") \
	X(ROLE_EDITOR, "editor", "Biên tập viên", "Editor")    \
	X(ROLE_ADMIN, "admin", "Quản trị", "Admin")

typedef enum Role {
#define X(e, name, vi, en) e,
	ROLE_LIST(X)
#undef X
	ROLE_COUNT
} Role;

/* X(enum, command name, Vietnamese label, English label, needs a note) */
#define ACTION_LIST(X)                                                          \
	X(ACT_VIEW, "view", "Xem", "View", false)                               \
	X(ACT_CREATE, "create", "Tạo bài", "Create", false)                     \
	X(ACT_EDIT, "edit", "Sửa", "Edit", false)                               \
	X(ACT_SUBMIT, "submit", "Gửi duyệt", "Submit", false)                   \
	X(ACT_WITHDRAW, "withdraw", "Rút về", "Withdraw", false)                \
	X(ACT_RETURN, "return", "Trả bài", "Return", true)                      \
	X(ACT_APPROVE, "approve", "Duyệt đăng", "Approve", false)               \
	X(ACT_SCHEDULE, "schedule", "Duyệt hẹn giờ", "Approve for later", false) \
	X(ACT_PUBLISH, "publish", "Đăng ngay", "Publish now", false)            \
	X(ACT_UNPUBLISH, "unpublish", "Gỡ bài", "Unpublish", true)              \
	X(ACT_PUBLISH_DUE, "publish-due", "Đăng bài đến giờ", "Publish due", false) \
	X(ACT_MANAGE_USERS, "users", "Quản lý người dùng", "Manage users", false) \
	X(ACT_EDIT_DICT, "dict", "Sửa từ điển", "Edit dictionary", false)       \
	X(ACT_TAKE_LOCK, "take-over", "Giành quyền sửa", "Take over", false)     \
	X(ACT_IMPORT_FOR, "import-for", "Nhập bài cho người khác", "Import for another writer", \
	  false)                                                                \
	X(ACT_IMPORT_PUBLISHED, "import-published", "Nhập bài đã đăng", "Import as published", \
	  false)

typedef enum Action {
#define X(e, name, vi, en, note) e,
	ACTION_LIST(X)
#undef X
	ACTION_COUNT
} Action;

/* Names and labels; NULL for a value out of range. lang is "vi" or "en". */
const char *state_name(State s);
const char *state_label(State s, const char *lang);
const char *role_name(Role r);
const char *role_label(Role r, const char *lang);
const char *action_name(Action a);
const char *action_label(Action a, const char *lang);
bool action_needs_note(Action a);

/* Parse a name; return false for an unknown one. */
bool state_parse(const char *name, State *out);
bool role_parse(const char *name, Role *out);

/* Who is asking about which article. */
typedef struct Ask {
	Role role;     /* the actor's role */
	bool own;      /* the actor wrote the article (always true for ACT_CREATE) */
	State state;   /* the article's state now (ignored for ACT_CREATE and the global actions) */
} Ask;

/*
 * Decides whether the action is allowed. On success returns true and sets *to to the state
 * the article enters (its current state for actions that do not move it). On refusal returns
 * false and points *why at a sentence that names the rule ("reporters cannot approve",
 * "only drafts can be submitted"); the sentence is static.
 */
bool workflow_decide(const Ask *ask, Action act, State *to, const char **why);

/* True if workflow_decide would allow it: for menus and key bars. */
bool workflow_allows(Role role, bool own, State state, Action act);

#endif
