/*
 * store.h: the database. The only module that speaks SQL.
 *
 * One SQLite file in WAL mode with foreign keys on and a busy timeout. The schema is created
 * and migrated by version (PRAGMA user_version), each migration in its own transaction; a file
 * made by a newer toasoan is refused, never touched. Writes are short BEGIN IMMEDIATE
 * transactions opened by the caller (store_begin / store_commit) so that a change of state and
 * its audit row land together. revisions, transitions and audit are append-only: triggers
 * refuse UPDATE and DELETE on them.
 *
 * The store decides no rules: the desk asks the workflow first. Every function returns false
 * on failure with a message in store_errmsg(); "not found" is a result, not a failure.
 */
#ifndef NEWS_STORE_H
#define NEWS_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/lang.h"
#include "news/article.h"
#include "news/records.h"
#include "news/site_item.h"
#include "news/sshkey.h"

typedef struct Store Store;

/* The schema version this build writes. */
#define STORE_SCHEMA_VERSION 9

/*
 * Opens (create: also creates) the database at path and migrates it. Returns NULL with a
 * message in err: a missing file without create, a newer schema, a file that is not a database.
 */
Store *store_open(const char *path, bool create, char *err, size_t errlen);
void store_free(Store *s);
const char *store_errmsg(const Store *s);
bool store_busy(const Store *s);   /* the last failure was a busy database: worth a retry */
const char *store_path(const Store *s);

/* The language of the messages that follow (English until set). */
void store_set_lang(Store *s, Lang l);

/* How long a call waits for another process's write before it fails as busy. */
#define STORE_PATIENCE_MS 10000
void store_set_patience(Store *s, int ms);

/* A connection that only writes rows (the journal's) keeps a page cache of at most kb: the
 * pages of a long text it wrote are the system's file cache's to keep, not its own. */
void store_set_cache_kb(Store *s, int kb);

/* The admin acting for someone with --as (NULL or "" for nobody): every revision stored from
 * now on records this login beside its author, as changes of state do. */
void store_set_real_by(Store *s, const char *login);

/* Write transactions. store_begin waits (the patience) while another process writes. */
bool store_begin(Store *s);
bool store_commit(Store *s);
void store_rollback(Store *s);

/* A number that changes whenever another connection commits. */
int64_t store_data_version(Store *s);

/* Users. *found tells whether the login exists. */
bool store_user_get(Store *s, const char *login, User *out, bool *found);
bool store_user_insert(Store *s, const char *login, const char *name, Role role, int64_t now);
bool store_user_update(Store *s, const char *login, Role role, bool active);
bool store_users(Store *s, UserList *out);
bool store_count_admins(Store *s, int64_t *n);

/* Articles. */
typedef struct StoreQuery {
	int state;            /* -1 any, else a State */
	const char *author;   /* only this author, or NULL */
	bool or_published;    /* with author: also everything published */
	bool oldest_first;    /* order by updated_at ascending instead of descending */
	bool by_publish_at;   /* order by publish_at ascending */
	bool by_published_at; /* order by published_at descending */
	bool with_text;       /* load sapo, body, byline, section, tags too */
	int64_t since;        /* only those updated at or after this time (0: any) */
	int64_t after_seq;    /* only those changed after this change number (0: any); when
	                         set, the rows come in the order of their changes */
	int64_t limit;        /* at most this many (0: all) */
	int64_t offset;       /* skipping this many first */
	const char *filter;   /* folded (viet_fold_str): only those whose "title writer" holds
	                         it, compared folded; NULL or "" for all */
	bool by_title;        /* titles in Vietnamese order first, then the order above */
	const Article *from;  /* only the rows after this one in the order (a keyset bound:
	                         its sort keys, not its id, place it); NULL: from the first */
	bool backward;        /* the rows before `from` (or from the last), nearest first */
	bool inclusive;       /* with from: also a row with its very keys */
} StoreQuery;

bool store_articles(Store *s, const StoreQuery *q, ArticleList *out);

/* How many rows the query has (its order, from, limit and offset aside). */
bool store_articles_count(Store *s, const StoreQuery *q, int64_t *n);

/* The ids of the query's rows (its order, from, limit and offset aside), in no order. */
bool store_articles_ids(Store *s, const StoreQuery *q, void (*fn)(void *arg, int64_t id),
			void *arg);

/* The same rows, one at a time: fn sees each (valid during the call) and returns false to
 * stop. Memory stays the same however many rows there are. */
typedef bool (*StoreRowFn)(void *arg, const Article *a);
bool store_articles_each(Store *s, const StoreQuery *q, StoreRowFn fn, void *arg);

/* The newest change number of any article (0 for none): when it has not moved, no article
 * changed. */
bool store_articles_seq(Store *s, int64_t *seq);

/* Ids of the articles changed after change number after_seq (whoever may see them). */
bool store_changed_ids(Store *s, int64_t after_seq, int64_t **ids, size_t *n);

/* The archive search: the two expressions come from news/search.h. */
typedef struct StoreSearch {
	const char *fold_expr;  /* on the folded index; required */
	const char *exact_expr; /* on the index as written; "" for none */
	const char *author;     /* non-NULL: only this author's articles and published ones */
	int state;              /* -1 any, else a State */
	const char *section;    /* NULL or "": any; else compared folded ("the thao" = "Thể thao") */
	int64_t since;          /* 0: any; else changed at or after (Unix seconds) */
	int limit;              /* at most this many hits */
} StoreSearch;

/*
 * Appends the best hits, best first (bm25; title weighs most, then lead, byline, body), with
 * their text, to out; scores (may be NULL) gets a malloc'd array of their bm25 scores, lower
 * is better. When very many articles match, the best of the newest of them (store_search.c).
 */
bool store_search(Store *s, const StoreSearch *q, ArticleList *out, double **scores);
bool store_article_get(Store *s, int64_t id, Article *out, bool *found);

/* Inserts a new article and its first revision; sets a->id, a->version and the times. */
bool store_article_insert(Store *s, Article *a, const char *by, int64_t now, const char *reason);

/*
 * Saves a's text if the stored version is still a->version: writes the next revision and
 * updates the article (a->version, a->updated_at, a->words follow). If the stored version has
 * moved on, *conflict is set, the text is kept as a conflicting revision, and true is returned.
 */
bool store_article_save(Store *s, Article *a, const char *by, int64_t now, const char *reason,
			bool *conflict);

/* Stores a's text as an extra revision of the given kind without changing the article. */
bool store_revision_keep(Store *s, const Article *a, RevisionKind kind, const char *by,
			 int64_t now, const char *reason, int64_t *version);

/*
 * Moves an article from state from to state to (only if it is still in from: *moved says
 * whether it was) and records the transition. publish_at and published_at are written as
 * given (0 clears them).
 */
bool store_article_move(Store *s, int64_t id, State from, State to, int64_t publish_at,
			int64_t published_at, const char *by, const char *real_by, int64_t now,
			const char *note, bool *moved);

/* Records the creation of an article in the audit log. */
bool store_transition_created(Store *s, int64_t id, const char *by, const char *real_by,
			      int64_t now, const char *note);

/* Ids of scheduled articles whose publish_at is at or before now, soonest first. */
bool store_due(Store *s, int64_t now, int64_t **ids, size_t *n);

/* Transitions and revisions of one article, oldest first. */
bool store_history(Store *s, int64_t id, EventList *out);

/* One revision's text, into out's text fields. */
bool store_revision_get(Store *s, int64_t id, int64_t version, Article *out, bool *found);

/* The newsroom dictionary. */
bool store_words(Store *s, char ***words, size_t *n);
bool store_word_add(Store *s, const char *word, const char *by, int64_t now, bool *added);
bool store_word_remove(Store *s, const char *word, bool *removed);

/* Syllable pair counts ("a b") of published text, for the checker's context model. A count
 * that falls to zero removes the pair. */
bool store_bigram_add(Store *s, const char *pair, int64_t n);
/* Adds one to each of n pairs with one statement (a repeated pair counts each time): for
 * publishing many articles at once. */
bool store_bigrams_add(Store *s, char *const *pairs, size_t n);
bool store_bigrams(Store *s, void (*each)(const char *pair, int64_t n, void *ud), void *ud);

/* One answer about the counts (PairQuery in records.h); statements prepared once. */
bool store_pair_lookup(Store *s, PairQuery q, const char *key, int64_t *n);

/* Edit locks: one row per article being edited. */

bool store_lock_get(Store *s, int64_t id, LockInfo *out, bool *found);
bool store_lock_put(Store *s, int64_t id, const char *login, const char *host, int64_t pid,
		    int64_t now);
bool store_lock_beat(Store *s, int64_t id, const char *login, const char *host, int64_t pid,
		     int64_t now, bool *still_held);
bool store_lock_drop(Store *s, int64_t id, const char *login, const char *host, int64_t pid);
/* Removes every lock whose heartbeat is older than before; *n gets how many. */
bool store_lock_clear_stale(Store *s, int64_t before, int64_t *n);

/* The edit journal: the latest unsaved text of one person on one article. */
bool store_journal_put(Store *s, const Article *a, const char *login, int64_t now);
/* The same row written in a transaction left open: store_commit makes it the journal, a
 * rollback (or the process dying first) leaves the row before. Without wait, it fails at once,
 * busy, while another connection writes. a's text is read during the call only. */
bool store_journal_stream(Store *s, const Article *a, const char *login, int64_t now,
			  bool wait);
bool store_journal_get(Store *s, int64_t id, const char *login, Article *out, int64_t *at,
		       bool *found);
bool store_journal_drop(Store *s, int64_t id, const char *login);
/* A print of a journal's six text fields (a SHA-256 of theirs): equal prints, equal text. */
#define STORE_PRINT_BYTES 32
void store_journal_print(const Article *a, uint8_t out[STORE_PRINT_BYTES]);
/* Drops the row only while its text has the print given (it is still what the caller last
 * wrote there); a row rewritten since, or none, is left as it is and is no failure. */
bool store_journal_drop_if(Store *s, int64_t id, const char *login,
			   const uint8_t print[STORE_PRINT_BYTES]);

/* SSH keys. store_keys lists one login's keys (login NULL: every key of an active user),
 * oldest first. store_key_remove and store_keys_drop set *n to how many went. */
bool store_key_add(Store *s, const KeyRecord *k, int64_t now);
bool store_key_get(Store *s, const char *fingerprint, KeyRecord *out, bool *found);
bool store_keys(Store *s, const char *login, KeyList *out);
bool store_key_remove(Store *s, const char *login, const char *fingerprint, int64_t *n);
bool store_keys_drop(Store *s, const char *login, int64_t *n);

/* Copies the whole database to path while others keep working. */
bool store_backup(Store *s, const char *path);

/* Runs the integrity and foreign-key checks; problems are appended to report, one a line. */
bool store_check(Store *s, Str *report, int *problems);

/* Findings a writer chose to ignore in one article: their exact texts, sorted. */
bool store_ignored(Store *s, int64_t id, char ***texts, size_t *n);
bool store_ignore(Store *s, int64_t id, const char *text, const char *by, int64_t now);

/* When login last looked at a list (0 when never), and recording that it looks now. */
bool store_seen(Store *s, const char *login, const char *list, int64_t *at);
bool store_seen_mark(Store *s, const char *login, const char *list, int64_t now);

/*
 * Drafts whose latest change of state was a return with a note (from review or scheduled),
 * of one author ("" for every author), appended to out by article id.
 */
bool store_returned(Store *s, const char *author, ReturnedList *out);

/* The same for the articles of ids alone (n of them), and how many author has. */
bool store_returned_of(Store *s, const char *author, const int64_t *ids, size_t n,
		       ReturnedList *out);
bool store_returned_count(Store *s, const char *author, int64_t *count);

/*
 * The same check on a file that cannot be opened as a newsroom (a damaged users table):
 * opened read-only, never migrated or written. Findings go to report; false with a message
 * in err only when the check could not run at all.
 */
bool store_check_file(const char *path, Str *report, int *problems, char *err, size_t errlen);

/* ---- the published site (store_site.c) ---- */

typedef enum SiteList {
	SITE_LATEST,         /* everything published, newest first, at most limit */
	SITE_FOLDER_LATEST,  /* one section folder (key), newest first, at most limit */
	SITE_FOLDER_PAGE,    /* one page (a) of a section folder (key), newest first */
	SITE_TERM,           /* one tag or author (kind, key), newest first, at most limit */
	SITE_TERM_PAGE,      /* one page (a) of a tag or author (kind, key), newest first */
	SITE_IDS,            /* ids a..b, by id */
	SITE_TIMES,          /* published in [a, b), newest first */
} SiteList;

typedef struct SiteQuery {
	SiteList list;
	const char *kind, *key;
	int64_t a, b;
	int64_t limit;
} SiteQuery;

bool store_site_list(Store *s, const SiteQuery *q, SiteItems *out);

/* Article id's placement on the site, whatever its state (path "" if never published). */
bool store_site_get(Store *s, int64_t id, SiteItem *out, bool *found);

/* Records where article id sits: its page path, and its section folder and page there
 * (folder NULL: listed nowhere, it is not published). */
bool store_site_place(Store *s, int64_t id, const char *path, const char *folder, int64_t page);

/* The highest page of a section folder and how many articles it lists (0, 0: none). */
bool store_site_top_page(Store *s, const char *folder, int64_t *page, int64_t *count);

/* Every section folder in use: folder, section (its latest name) and page (the highest). */
bool store_site_folders(Store *s, SiteItems *out);

/* The tags and authors an article's page links to, each on a page of its own listing (1 the
 * oldest, like a section's). Clearing marks their pages stale. */
bool store_site_terms_of(Store *s, int64_t id, SiteItems *out); /* kind in folder, slug in
								   title, page */
bool store_site_terms_clear(Store *s, int64_t id);
bool store_site_term_add(Store *s, int64_t id, int64_t published_at, const char *kind,
			 const char *slug, const char *name, int64_t page);
/* The highest page of a tag or author and how many articles it lists (0, 0: none). */
bool store_site_term_top(Store *s, const char *kind, const char *slug, int64_t *page,
			 int64_t *count);

/* Every tag and author with a page: kind in folder, slug in title, the highest page. */
bool store_site_term_keys(Store *s, SiteItems *out);

/* Stale files of the site: marked inside a change's transaction, unmarked once rewritten
 * (only if not marked again since: the generation tells). */
typedef struct SiteMark {
	char *what;
	int64_t gen;
} SiteMark;
bool store_site_mark(Store *s, const char *what);
bool store_site_marks(Store *s, SiteMark **out, size_t *n);
bool store_site_unmark(Store *s, const SiteMark *m);
void site_marks_release(SiteMark *m, size_t n);

/* The first publication time (0: nothing published) and the highest article id. */
bool store_site_span(Store *s, int64_t *first_published, int64_t *max_id);

/* Published articles per local day in [from, to): each(day number since 1970, count). */
bool store_site_days(Store *s, int64_t from, int64_t to, int utc_offset,
		     void (*each)(int64_t day, int64_t n, void *ud), void *ud);

/* Up to limit ids of published articles above after, ascending (for a rebuild). */
bool store_site_ids(Store *s, int64_t after, int64_t limit, int64_t **ids, size_t *n);

/* The audit log of actions that are not article transitions (users, dictionary, --as). */
bool store_audit(Store *s, const char *by, const char *real_by, int64_t now, const char *what,
		 const char *subject, const char *note);

#endif
