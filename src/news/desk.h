/*
 * desk.h: the newsroom desk — every action a person can take, with the rules applied.
 *
 * The desk is the one door to the newsroom for both the command line and the full-screen
 * interface: it knows who is acting, asks the workflow whether they may, makes the change in
 * the store in one transaction with its audit row, and publishes the outputs. Nothing above
 * it decides a rule; nothing below it knows who is at the keyboard.
 *
 * Every fallible function returns false (or NULL) and leaves a message in desk_errmsg(), in
 * the usual style: lower case, what is wrong first ("reporters cannot approve articles").
 *
 * A desk may stay open for hours behind a screen, so every call that reads or changes
 * articles, users or words first reads the actor's role and account again: someone disabled
 * or demoted meanwhile is refused (DESK_REFUSED) or treated in their new role at once.
 * Text limits: ARTICLE_MAX_TITLE, ARTICLE_MAX_TAGS, ARTICLE_MAX_TAG (article.h), DESK_MAX_NOTE.
 */
#ifndef NEWS_DESK_H
#define NEWS_DESK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/lang.h"
#include "news/article.h"
#include "news/config.h"
#include "news/records.h"
#include "news/search.h"
#include "news/sshkey.h"
#include "news/workflow.h"

typedef struct Desk Desk;


/* Why a desk call failed, for exit codes and for the interface to react. */
typedef enum DeskError {
	DESK_OK,
	DESK_REFUSED,    /* the rules say no */
	DESK_NOT_FOUND,  /* no such article or user */
	DESK_INVALID,    /* bad input: empty note, bad date, bad text */
	DESK_CONFLICT,   /* someone saved a newer version first */
	DESK_LOCKED,     /* someone else holds the article */
	DESK_BUSY,       /* another process held the database too long: try again */
	DESK_FAILED,     /* the database or the disk failed */
} DeskError;

/*
 * Counts the syllable pairs of a text: calls fn(arg, "a b", len) once per pair. The checker
 * provides it (spell_count_bigrams); the desk calls it on publishing to keep the counts of
 * published text that the checker's context model learns from.
 */
typedef void (*DeskPairFn)(void *arg, const char *pair, size_t len);
typedef void (*DeskPairCounter)(const char *text, size_t len, DeskPairFn fn, void *arg);

typedef struct DeskOptions {
	const char *db_path;      /* the database file */
	const char *login;        /* the real user's login */
	const char *as_login;     /* --as LOGIN, or NULL */
	const Config *config;     /* settings; the desk keeps a pointer, it must outlive the desk */
	bool create;              /* create the database if missing (init) */
	DeskPairCounter count_pairs; /* NULL: published text is not counted */
} DeskOptions;

/*
 * Opens the database and identifies the actor. Returns NULL with a message in err when the
 * file cannot be opened or migrated, when the login is not registered ("'mai' is not a
 * toasoan user; an admin can add you with: toasoan user add mai --role reporter"), or when
 * --as is used by someone who is not an admin.
 */
Desk *desk_open(const DeskOptions *opt, char *err, size_t errlen);

/* A second desk on the same database for the same person: for work done on another thread
 * (each desk is used by one thread at a time). NULL with a message in err. It writes (the
 * journal, lock renewals) and reads little, so its page cache is small: a long text it writes
 * does not stay in the process twice. */
#define DESK_TWIN_CACHE_KB 128
Desk *desk_twin(const Desk *d, char *err, size_t errlen);
void desk_free(Desk *d);

/*
 * Creates or migrates the database and makes the invoking login an admin if there is none
 * yet. Safe to run twice. Returns false with a message in err.
 */
bool desk_init(const DeskOptions *opt, char *err, size_t errlen);

/*
 * How long desk calls wait for another process's write before failing as busy (default 10 s,
 * right for commands). An interactive screen sets it short and retries on its own timer, so
 * that a busy database never freezes the keyboard.
 */
void desk_set_patience(Desk *d, int ms);

/*
 * The language of the desk's messages: at opening, ui.language or the locale, else English;
 * the screen sets its own. Messages raised after the call are in l.
 */
void desk_set_lang(Desk *d, Lang l);
Lang desk_lang(const Desk *d);

const char *desk_errmsg(const Desk *d);
DeskError desk_error(const Desk *d);
const User *desk_actor(const Desk *d);        /* who is acting (the --as user when given) */
const Config *desk_config(const Desk *d);

/* Whether the person came in over SSH (toasoan shell): then nothing may name a file on the
 * server, and the screen offers the clipboard instead of writing files. */
void desk_set_remote(Desk *d, bool remote);
bool desk_remote(const Desk *d);

/* False with DESK_REFUSED and refusal (an English message of msg.h, said in the desk's
 * language) unless the actor is an admin. */
bool desk_require_admin(Desk *d, const char *refusal);

/* True for a login toasoan accepts: 1 to 32 of a-z 0-9 . _ -, not starting with - or '.'. */
bool desk_login_valid(const char *login);

/* Users (admins only, except desk_user_get which anyone may use). */
bool desk_user_add(Desk *d, const char *login, Role role, const char *name);
bool desk_user_list(Desk *d, UserList *out);
/* Setting a role also enables a disabled account (*enabled: it was disabled until now). */
bool desk_user_set_role(Desk *d, const char *login, Role role, bool *enabled);
bool desk_user_disable(Desk *d, const char *login);
bool desk_user_get(Desk *d, const char *login, User *out);

/*
 * SSH keys (admins only). desk_key_add validates the key text (see sshkey_parse), records it
 * for an active login and rewrites the service account's authorized_keys (ssh.authorized_keys
 * in the config, else ~/.ssh/authorized_keys of the account running toasoan) in the same
 * step; out gets the key (release it). desk_key_list lists one login's keys or everyone's
 * (login NULL). desk_key_remove takes one key away by its fingerprint. Disabling a user
 * removes all their keys the same way.
 */
bool desk_key_add(Desk *d, const char *login, const char *text, size_t len, KeyRecord *out);
bool desk_key_list(Desk *d, const char *login, KeyList *out);
bool desk_key_remove(Desk *d, const char *login, const char *fingerprint);

/* The authorized_keys file and the forced command's program for this config. Caller frees. */
char *desk_keys_path(const Config *c);
char *desk_keys_command(const Config *c);

/*
 * Records in the audit log, without an actor, that something was refused at the door
 * (a command over SSH, a disabled login): by is opt->login. False with a message in err.
 */
bool desk_note_refusal(const DeskOptions *opt, const char *what, const char *detail, char *err,
		       size_t errlen);

/* Which articles a list shows. */
typedef enum View {
	VIEW_MINE,       /* the actor's own articles, newest change first */
	VIEW_REVIEW,     /* in review, oldest first */
	VIEW_SCHEDULED,  /* scheduled, soonest first */
	VIEW_PUBLISHED,  /* published, newest first */
	VIEW_ALL,        /* everything the actor may see, newest change first */
} View;

typedef struct ListQuery {
	View view;
	int state;         /* -1 for any, else a State: narrows the view */
	bool with_text;    /* load sapo, body and the other text fields too */
	int64_t since;     /* only those updated at or after this time (0: any) */
	int64_t after_seq; /* only those changed after this change number (0: any), in the
	                      order of their changes */
	int64_t limit;     /* at most this many (0: all) */
	int64_t offset;    /* skipping this many first */
} ListQuery;

/* Lists what the actor may see (reporters: their own and everything published). */
bool desk_list(Desk *d, const ListQuery *q, ArticleList *out);

/* The same, one row at a time in constant memory: fn returns false to stop. */
bool desk_list_each(Desk *d, const ListQuery *q, bool (*fn)(void *arg, const Article *a),
		    void *arg);

/* How many articles desk_list would list (limit and offset aside). */
bool desk_list_count(Desk *d, const ListQuery *q, int64_t *n);

/*
 * One stretch of a list as a screen shows it, read on demand so that a screen holds only the
 * rows in view whatever the archive: the rows of a view (in its order, or titles first in
 * Vietnamese order) that hold the filter, after or before a row.
 */
typedef struct ListPage {
	View view;
	bool by_title;        /* titles in Vietnamese order, then the view's order */
	const char *filter;   /* as typed: only the articles whose title or writer's name holds
	                         it, case and marks aside ("da nang" finds "Đà Nẵng"); NULL or
	                         "": all */
	const Article *from;  /* NULL: from the first row (the last when backward); else only
	                         the rows after this one, placed by its sort keys (time, title,
	                         id), so it need not be in the list any more */
	bool backward;        /* the rows before from (or the last ones), nearest first */
	bool inclusive;       /* with from: a row with its very keys too */
	int64_t limit;        /* at most this many (0: all) */
} ListPage;

/* Calls fn with each row of the page (valid during the call) until it returns false. */
bool desk_page(Desk *d, const ListPage *p, bool (*fn)(void *arg, const Article *a), void *arg);

/* Calls fn with the id of every article in p's list (from and limit aside), in no order. */
bool desk_page_ids(Desk *d, const ListPage *p, void (*fn)(void *arg, int64_t id), void *arg);

/* True if a (as desk_changes read it) belongs in p's list: the rule desk_page applies. */
bool desk_page_has(Desk *d, const ListPage *p, const Article *a);

/* The order of p's list: below 0 if a comes before b. */
int desk_page_order(const ListPage *p, const Article *a, const Article *b);

/* The newest change number of any article: unchanged means no article changed since. */
bool desk_articles_seq(Desk *d, int64_t *seq);

/*
 * What an open list needs to follow changes: the ids of every article changed after
 * after_seq (*ids, *n: drop them from the list) and, in out, those of them the actor may see
 * as they are now (put back those that belong in the view).
 */
bool desk_changes(Desk *d, int64_t after_seq, int64_t **ids, size_t *n, ArticleList *out);


/* An archive search (news/search.h says what the query text may hold). */
typedef struct DeskSearch {
	const char *text;     /* as typed */
	int state;            /* -1 any, else a State */
	const char *section;  /* NULL: any */
	int64_t since;        /* 0: any; else changed at or after (Unix seconds) */
	int limit;            /* 0: DESK_SEARCH_LIMIT */
} DeskSearch;

#define DESK_SEARCH_LIMIT 20

typedef struct SearchResults {
	ArticleList list;     /* best first, with their text */
	double *scores;       /* bm25 of each, lower is better */
	SearchQuery query;    /* the parsed query, for snippets (search_snippet) */
} SearchResults;

/*
 * Searches what the actor may see (reporters: their own and everything published) in title,
 * lead, body and byline. Fails with DESK_INVALID when the text holds no word. Release out
 * with search_results_release in every case.
 */
bool desk_search(Desk *d, const DeskSearch *q, SearchResults *out);
void search_results_release(SearchResults *r);

/*
 * Loads one article the actor may see. One they may not see (another reporter's draft) fails
 * with DESK_NOT_FOUND and the very message of a missing id, here and in every call below that
 * takes an id.
 */
bool desk_get(Desk *d, int64_t id, Article *out);

/*
 * Creates a draft from a's text fields, written by the actor; sets a->id, a->version = 1 and
 * the times. The text must be NFC UTF-8 with a non-empty title.
 */
bool desk_create(Desk *d, Article *a, const char *reason);

/*
 * Saves a's text as a new revision. Refused (DESK_LOCKED) while someone else holds the
 * article's edit lock. a->version must be the version the text was loaded at;
 * if the stored article has moved on, nothing is overwritten, the text is kept as a
 * conflicting revision and the call fails with DESK_CONFLICT. On success a->version and
 * a->updated_at are the new ones.
 */
bool desk_save(Desk *d, Article *a, const char *reason);

/* The longest note (return, unpublish), in characters. */
#define DESK_MAX_NOTE 10000

/*
 * Takes a workflow action on one article. note is required for return and unpublish;
 * at (Unix seconds) is required for ACT_SCHEDULE and must be in the future. Entering or
 * leaving published brings the site up to date (publish.h): if the page cannot be written
 * nothing changes; if a listing cannot be written after the commit, the change stands, the
 * call fails with DESK_FAILED saying so, and the next publish_due run finishes the site.
 */
bool desk_act(Desk *d, int64_t id, Action act, const char *note, int64_t at);

/*
 * Publishes every scheduled article whose time has come. Safe to run from several processes
 * at once: each article is claimed in its own transaction and published once. Sets *done and
 * *failed; returns false if any failed (the message names them). The site is brought up to
 * date once for the whole run, with whatever an earlier run left stale; a publish folder
 * held by a rebuild is left for the next run.
 */
bool desk_publish_due(Desk *d, int *done, int *failed);


/* Regenerates the whole site and swaps it in (editors and admins). note gets a remark worth
 * showing even on success (an old tree kept because it holds someone else's files). */
bool desk_site_rebuild(Desk *d, void (*progress)(size_t done, size_t total, void *ud),
		       void *ud, char *note, size_t notelen);

/* True if the actor may take act on a (for menus: no message is set). */
bool desk_may(const Desk *d, const Article *a, Action act);


/*
 * Bulk import (desk_import.c). A plan says whom the articles are credited to and the state
 * they enter; desk_import_plan checks it once: crediting another writer (an active user) and
 * entering published are for admins, review follows the submit rule, scheduled is refused
 * (each needs its own time). desk_import_check validates one article's text as desk_create
 * would, without storing anything (a publishing date in the future matters only to a
 * published import). Articles are then stored in batches: desk_import_begin opens one write
 * transaction and checks the plan again inside it (the importer may have been demoted
 * meanwhile), desk_import_add stores one article in it (sets a->id; on failure the batch is
 * rolled back), desk_import_commit ends it; desk_import_abort rolls an open batch back. For a published import, desk_import_publish writes the site once at the
 * end, for the ids committed.
 */
typedef struct ImportPlan {
	const char *writer;   /* the login credited, or NULL for the actor */
	State state;          /* STATE_DRAFT, STATE_REVIEW or STATE_PUBLISHED */
} ImportPlan;

bool desk_import_plan(Desk *d, const ImportPlan *p);
bool desk_import_check(Desk *d, const ImportPlan *p, const Article *a);
bool desk_import_begin(Desk *d, const ImportPlan *p);
bool desk_import_add(Desk *d, const ImportPlan *p, Article *a);
bool desk_import_commit(Desk *d);
void desk_import_abort(Desk *d);
bool desk_import_publish(Desk *d, const int64_t *ids, size_t n);

/* Transitions and revisions, oldest first. */
bool desk_history(Desk *d, int64_t id, EventList *out);

/* Loads one stored revision's text into out (its id, state and author are the article's). */
bool desk_revision(Desk *d, int64_t id, int64_t version, Article *out);

/*
 * The newsroom's own dictionary: words staff added. Anyone may read; editors and admins may
 * change. Words are stored NFC.
 */
bool desk_words(Desk *d, char ***words, size_t *n);   /* caller frees each and the array */
bool desk_word_add(Desk *d, const char *word);
bool desk_word_remove(Desk *d, const char *word);

/*
 * Findings the writer chose to ignore in article id, by their exact text: kept with the
 * article so that reopening it and the submit question leave them alone. Whoever may see
 * the article reads them (caller frees each and the array); whoever may edit it adds one.
 */
bool desk_ignored(Desk *d, int64_t id, char ***texts, size_t *n);
bool desk_ignore(Desk *d, int64_t id, const char *text);

/* Drafts sent back with a note, that the actor may see (reporters: their own), by id. */
bool desk_returned(Desk *d, ReturnedList *out);

/* The same among the articles of ids (n of them), for the rows a list shows. */
bool desk_returned_of(Desk *d, const int64_t *ids, size_t n, ReturnedList *out);

/* How many of the actor's own drafts were sent back with a note. */
bool desk_returned_mine(Desk *d, int64_t *n);

/* When the actor last looked at a list (a name such as "review"; 0 when never); marking
 * records now. */
bool desk_seen(Desk *d, const char *list, int64_t *at);
bool desk_seen_mark(Desk *d, const char *list);

/*
 * A number that changes whenever any process commits to the database: poll it to refresh a
 * screen when someone else changes something.
 */
int64_t desk_data_version(Desk *d);

/*
 * Edit locks. Opening an article for editing takes its lock; a lock whose holder's process is
 * gone (same host) or whose heartbeat is older than DESK_LOCK_STALE seconds is reclaimed.
 * When someone else holds it, desk_lock fails with DESK_LOCKED and fills *holder (release it
 * with lock_info_release). take_over (editors and admins) takes it anyway: the previous
 * holder's journaled text is kept as a revision, and their next heartbeat tells them.
 */
#define DESK_LOCK_STALE 30
#define DESK_LOCK_BEAT 5
bool desk_lock(Desk *d, int64_t id, bool take_over, LockInfo *holder);

/* Renews the lock; *still_mine false means someone took it over (*holder says who). */
bool desk_lock_beat(Desk *d, int64_t id, bool *still_mine, LockInfo *holder);
bool desk_unlock(Desk *d, int64_t id);

/* Whether someone else holds a live lock on article id (a viewer waiting to edit polls it). */
bool desk_lock_held(Desk *d, int64_t id, bool *held);

/*
 * The edit journal: unsaved text written every few seconds and on every exit signal.
 * a->version is the version the text started from. The journal is per person and never
 * touches the article itself. Article id 0 is the person's new article, not saved yet:
 * desk_journal_read(d, 0, ...) finds it and desk_journal_clear(d, 0) drops it.
 */
bool desk_journal_write(Desk *d, const Article *a);

/*
 * The same write in two steps, for a text too long to copy: desk_journal_stream writes it
 * without waiting for another process, reading a only during the call, and leaves it
 * uncommitted; desk_journal_commit makes it the journal. Until then (and if the process dies
 * first) the journal holds the text before, whole. A failed stream leaves nothing open.
 */
bool desk_journal_stream(Desk *d, const Article *a);
bool desk_journal_commit(Desk *d);

/*
 * The actor's journaled text for an article when it holds something the saved article does
 * not (*found); a journal that matches the saved text is dropped. out gets the text and the
 * version it started from; *at when it was written.
 */
bool desk_journal_read(Desk *d, int64_t id, Article *out, int64_t *at, bool *found);
bool desk_journal_clear(Desk *d, int64_t id);

/*
 * The person's new article is one journal row for all their sessions: a session clears it
 * with desk_journal_clear_if, which leaves it when another session has written it since.
 * desk_journal_print takes the print of a text as written (or restored) by this session.
 */
#define DESK_PRINT_BYTES 32
void desk_journal_print(const Article *a, uint8_t out[DESK_PRINT_BYTES]);
bool desk_journal_clear_if(Desk *d, int64_t id, const uint8_t print[DESK_PRINT_BYTES]);

/* Keeps a's text as an extra revision of the given kind (lost lock, conflict) without
 * changing the article; *version gets its number. Only for those who may edit the article. */
bool desk_keep_text(Desk *d, const Article *a, RevisionKind kind, const char *reason,
		    int64_t *version);

/* Makes revision version the current text again, as a new revision; nothing is deleted. */
bool desk_restore(Desk *d, int64_t id, int64_t version);

/* A consistent copy of the database at path, while others keep working. */
bool desk_backup(Desk *d, const char *path);

/* Integrity and foreign-key checks, and clears dead locks. Problems go to report. */
bool desk_check_db(Desk *d, Str *report, int *problems, int64_t *cleared);

/*
 * For when desk_open fails on a damaged file: the integrity check's findings, read-only.
 * They name pages and tables, never stored text. False with a message in err when even that
 * cannot run.
 */
bool desk_check_damaged(const DeskOptions *opt, Str *report, int *problems, char *err,
			size_t errlen);

/* The syllable pair counts of everything published, for the checker's context model. */
bool desk_pairs(Desk *d, void (*each)(const char *pair, int64_t n, void *ud), void *ud);

/* One answer about the published pair counts (see store_pair_lookup): for the checker,
 * which asks as it goes instead of loading every pair. */
bool desk_pair_lookup(Desk *d, PairQuery q, const char *key, int64_t *n);

/* Renders one article in a format: "html", "ninjs", "md" or "txt". */
bool desk_render(Desk *d, const Article *a, const char *format, Str *out);

#endif
