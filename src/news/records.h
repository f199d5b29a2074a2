/*
 * records.h: the small value types the store hands up and the desk hands on: users and the
 * events of an article's history. Each owns its strings; release with the matching function.
 */
#ifndef NEWS_RECORDS_H
#define NEWS_RECORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "news/workflow.h"

/* What the checker asks of the published pair counts, one answer at a time. */
typedef enum PairQuery {
	PAIR_COUNT,  /* the count of the pair "a b" (key), 0 if none */
	PAIR_FIRST,  /* the highest count of a pair whose first syllable is key */
	PAIR_SECOND, /* the highest count of a pair whose second syllable is key */
} PairQuery;

typedef struct User {
	char *login;
	char *name;     /* display name, with diacritics */
	Role role;
	bool active;
} User;

typedef struct UserList {
	User *items;
	size_t n, cap;
} UserList;

void user_release(User *u);
void user_list_release(UserList *l);
User *user_list_push(UserList *l);   /* a zeroed slot */

/* What kind of text a revision holds. */
#define REVISION_KIND_LIST(X)                                                  \
	X(REV_SAVE, "save", "Lưu", "Saved")                                    \
	X(REV_CONFLICT, "conflict", "Bản xung đột", "Conflicting save")        \
	X(REV_JOURNAL, "journal", "Bản khôi phục", "Recovered text")           \
	X(REV_TAKEOVER, "takeover", "Bản bị giành quyền", "Kept at take-over") \
	X(REV_RESTORE, "restore", "Khôi phục bản cũ", "Restored")

typedef enum RevisionKind {
#define X(e, name, vi, en) e,
	REVISION_KIND_LIST(X)
#undef X
	REVISION_KIND_COUNT
} RevisionKind;

const char *revision_kind_name(RevisionKind k);
const char *revision_kind_label(RevisionKind k, const char *lang);
bool revision_kind_parse(const char *name, RevisionKind *out);

/* One line of an article's history: a change of state or a stored revision. */
typedef struct Event {
	int64_t at;
	char *who;          /* login */
	char *who_name;     /* display name */
	char *real_who;     /* the admin who acted with --as, or "" */
	bool is_revision;   /* a stored revision rather than a change of state */
	State from, to;     /* for transitions (from == to for creation) */
	bool created;       /* the transition that created the article */
	int64_t version;    /* for revisions: its number */
	RevisionKind kind;  /* for revisions */
	char *note;         /* the note or the revision's reason; "" when none */
} Event;

typedef struct EventList {
	Event *items;
	size_t n, cap;
} EventList;

Event *event_list_push(EventList *l);   /* a zeroed slot */
void event_list_release(EventList *l);

/* Who holds an edit lock on an article. */
typedef struct LockInfo {
	char *login;
	char *name;        /* the holder's display name */
	char *host;
	int64_t pid;
	int64_t since;
	int64_t heartbeat;
} LockInfo;

void lock_info_release(LockInfo *l);

/* A draft its editor sent back to the writer, as the lists show it. */
typedef struct Returned {
	int64_t id;         /* the article */
	char *note;         /* the editor's note, whole */
	char *by_name;      /* who returned it (display name, else login) */
	char *author;       /* the writer's login */
	int64_t at;
} Returned;

typedef struct ReturnedList {
	Returned *items;    /* by article id */
	size_t n, cap;
} ReturnedList;

void returned_list_release(ReturnedList *l);

#endif
