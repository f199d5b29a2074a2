/*
 * desk_articles.c: articles through the desk: lists, reading, creating, saving, workflow
 * actions and publishing what falls due.
 *
 * Every action reads the article, asks the workflow, and then moves it with a conditional
 * UPDATE (only if it is still in the state the rule was decided on) inside one write
 * transaction that also writes the audit row and, on entering or leaving published, marks
 * what is stale on the site; the site is rewritten after the commit. Two processes racing on
 * the same article cannot both move it.
 */
#include "news/desk.h"

#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/when.h"
#include "base/xalloc.h"
#include "news/desk_int.h"
#include "news/publish.h"
#include "viet/letter.h"
#include "base/banned.h"

/* The store's query for a list, with the rules of who sees what; false if the view and the
 * state exclude each other (no rows). */
static bool list_query(Desk *d, const ListQuery *q, StoreQuery *out)
{
	StoreQuery sq = {.state = q->state, .with_text = q->with_text, .since = q->since,
			 .after_seq = q->after_seq, .limit = q->limit, .offset = q->offset};
	bool reporter = d->actor.role == ROLE_REPORTER;

	switch (q->view) {
	case VIEW_MINE:
		sq.author = d->actor.login;
		break;
	case VIEW_REVIEW:
		sq.state = STATE_REVIEW;
		sq.oldest_first = true;
		break;
	case VIEW_SCHEDULED:
		sq.state = STATE_SCHEDULED;
		sq.by_publish_at = true;
		break;
	case VIEW_PUBLISHED:
		sq.state = STATE_PUBLISHED;
		sq.by_published_at = true;
		break;
	case VIEW_ALL:
		break;
	}
	if (q->state >= 0 && sq.state != q->state && q->view != VIEW_MINE && q->view != VIEW_ALL)
		return false;
	if (reporter && q->view != VIEW_MINE && sq.state != STATE_PUBLISHED) {
		sq.author = d->actor.login;
		sq.or_published = true;
	}
	*out = sq;
	return true;
}

bool desk_list(Desk *d, const ListQuery *q, ArticleList *out)
{
	StoreQuery sq;
	if (!desk_reload_actor(d))
		return false; /* the rights are read again on every list */
	if (!list_query(d, q, &sq))
		return true;
	return store_articles(d->store, &sq, out) ? true : desk_store_fail(d);
}

bool desk_list_each(Desk *d, const ListQuery *q, bool (*fn)(void *arg, const Article *a),
		    void *arg)
{
	StoreQuery sq;
	if (!desk_reload_actor(d))
		return false;
	if (!list_query(d, q, &sq))
		return true;
	return store_articles_each(d->store, &sq, fn, arg) ? true : desk_store_fail(d);
}

bool desk_articles_seq(Desk *d, int64_t *seq)
{
	return store_articles_seq(d->store, seq) ? true : desk_store_fail(d);
}

bool desk_changes(Desk *d, int64_t after_seq, int64_t **ids, size_t *n, ArticleList *out)
{
	ListQuery q = {.view = VIEW_ALL, .state = -1, .after_seq = after_seq};
	if (!store_changed_ids(d->store, after_seq, ids, n))
		return desk_store_fail(d);
	return desk_list(d, &q, out);
}

bool desk_list_count(Desk *d, const ListQuery *q, int64_t *n)
{
	StoreQuery sq;
	*n = 0;
	if (!desk_reload_actor(d))
		return false;
	if (!list_query(d, q, &sq))
		return true;
	return store_articles_count(d->store, &sq, n) ? true : desk_store_fail(d);
}

/* The store's query for a page; false if it has no rows. folded gets the folded filter. */
static bool page_query(Desk *d, const ListPage *p, Str *folded, StoreQuery *out)
{
	ListQuery q = {.view = p->view, .state = -1, .limit = p->limit};
	if (!list_query(d, &q, out))
		return false;
	if (p->filter)
		viet_fold_str(p->filter, strlen(p->filter), folded);
	out->filter = str_cstr(folded);
	out->by_title = p->by_title;
	out->from = p->from;
	out->backward = p->backward;
	out->inclusive = p->inclusive;
	return true;
}

/* Reads p's rows (row_fn) or ids (id_fn) as the actor may see them now. */
static bool page_run(Desk *d, const ListPage *p, StoreRowFn row_fn,
		     void (*id_fn)(void *arg, int64_t id), void *arg)
{
	StoreQuery sq;
	Str f = STR_INIT;
	bool ok = true;
	if (!desk_reload_actor(d))
		return false;
	if (page_query(d, p, &f, &sq))
		ok = row_fn ? store_articles_each(d->store, &sq, row_fn, arg)
			    : store_articles_ids(d->store, &sq, id_fn, arg);
	str_release(&f);
	return ok ? true : desk_store_fail(d);
}

bool desk_page(Desk *d, const ListPage *p, bool (*fn)(void *arg, const Article *a), void *arg)
{
	return page_run(d, p, fn, NULL, arg);
}

bool desk_page_ids(Desk *d, const ListPage *p, void (*fn)(void *arg, int64_t id), void *arg)
{
	return page_run(d, p, NULL, fn, arg);
}

/* The filter's rule in memory, as the store applies it: "title writer" folded holds it. */
static bool holds_filter(const char *folded, const Article *a)
{
	Str hay = STR_INIT;
	const char *who = *a->author_name ? a->author_name : a->author;
	bool ok;
	if (!*folded)
		return true;
	viet_fold_str(a->title, strlen(a->title), &hay);
	str_addc(&hay, ' ');
	viet_fold_str(who, strlen(who), &hay);
	ok = strstr(str_cstr(&hay), folded) != NULL;
	str_release(&hay);
	return ok;
}

bool desk_page_has(Desk *d, const ListPage *p, const Article *a)
{
	StoreQuery sq;
	Str f = STR_INIT;
	bool has = page_query(d, p, &f, &sq);
	if (has && sq.state >= 0 && a->state != (State)sq.state)
		has = false;
	else if (has && sq.author && sq.or_published)
		has = strcmp(a->author, sq.author) == 0 || a->state == STATE_PUBLISHED;
	else if (has && sq.author)
		has = strcmp(a->author, sq.author) == 0;
	has = has && holds_filter(sq.filter, a);
	str_release(&f);
	return has;
}

static int cmp_i64(int64_t x, int64_t y)
{
	return x < y ? -1 : x > y;
}

/* The order of view v's list (desk_list's): below 0 if a comes before b. */
static int view_order(View v, const Article *a, const Article *b)
{
	int c;
	switch (v) {
	case VIEW_SCHEDULED: /* soonest first */
		c = cmp_i64(a->publish_at, b->publish_at);
		return c ? c : cmp_i64(a->id, b->id);
	case VIEW_PUBLISHED: /* latest first */
		c = cmp_i64(b->published_at, a->published_at);
		return c ? c : cmp_i64(b->id, a->id);
	case VIEW_REVIEW: /* waiting longest first */
		c = cmp_i64(a->updated_at, b->updated_at);
		return c ? c : cmp_i64(a->id, b->id);
	default: /* latest change first */
		c = cmp_i64(b->updated_at, a->updated_at);
		return c ? c : cmp_i64(b->id, a->id);
	}
}

int desk_page_order(const ListPage *p, const Article *a, const Article *b)
{
	int c = 0;
	if (p->by_title) { /* the store's toasoan_collate, compared as blobs */
		Str ka = STR_INIT, kb = STR_INIT;
		viet_collate_key(a->title, strlen(a->title), &ka);
		viet_collate_key(b->title, strlen(b->title), &kb);
		c = strcmp(str_cstr(&ka), str_cstr(&kb));
		str_release(&ka);
		str_release(&kb);
	}
	return c ? c : view_order(p->view, a, b);
}

static bool not_found(Desk *d, int64_t id)
{
	return desk_fail(d, DESK_NOT_FOUND, "no article with id %lld", (long long)id);
}

/* Loads an article without checking who may see it. */
static bool load(Desk *d, int64_t id, Article *out)
{
	bool found;

	article_release(out);
	article_init(out);
	if (!store_article_get(d->store, id, out, &found))
		return desk_store_fail(d);
	return found ? true : not_found(d, id);
}

/*
 * Loads an article the actor may see. One they may not see (another reporter's draft) gets
 * the same answer as a missing id: the desk does not tell what exists behind it.
 */
static bool load_visible(Desk *d, int64_t id, Article *out)
{
	if (!load(d, id, out))
		return false;
	if (desk_may(d, out, ACT_VIEW))
		return true;
	article_release(out);
	article_init(out);
	return not_found(d, id);
}

bool desk_get(Desk *d, int64_t id, Article *out)
{
	return desk_reload_actor(d) && load_visible(d, id, out);
}

/* Tags are comma-separated: at most ARTICLE_MAX_TAGS of ARTICLE_MAX_TAG characters each. */
static bool check_tags(Desk *d, const char *tags)
{
	size_t n = 0;

	for (const char *p = tags; *p;) {
		p += strspn(p, " ");
		size_t len = strcspn(p, ",;");
		char *tag = xstrndup(p, len);
		bool ok = desk_check_length(d, "tag", tag, ARTICLE_MAX_TAG);
		n += len > 0;
		free(tag);
		if (!ok)
			return false;
		p += len + (p[len] != '\0');
	}
	if (n > ARTICLE_MAX_TAGS)
		return desk_fail(d, DESK_INVALID, "too many tags: %zu, at most %d", n,
				 ARTICLE_MAX_TAGS);
	return true;
}

bool desk_check_article(Desk *d, const Article *a)
{
	static const struct { const char *what; size_t off; bool multi; } fields[] = {
		{"title", offsetof(Article, title), false},
		{"sapo", offsetof(Article, sapo), true},
		{"body", offsetof(Article, body), true},
		{"byline", offsetof(Article, byline), false},
		{"section", offsetof(Article, section), false},
		{"tags", offsetof(Article, tags), false},
	};
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		const char *s = *(char *const *)((const char *)a + fields[i].off);
		if (!desk_check_text(d, fields[i].what, s, fields[i].multi))
			return false;
	}
	if (!desk_check_length(d, "title", a->title, ARTICLE_MAX_TITLE) || !check_tags(d, a->tags))
		return false;
	for (const char *p = a->title; *p; p++)
		if (*p != ' ' && *p != '\t')
			return true;
	return desk_fail(d, DESK_INVALID, "an article needs a title");
}

bool desk_create(Desk *d, Article *a, const char *reason)
{
	Ask ask = {ROLE_REPORTER, true, STATE_DRAFT};
	const char *why;

	if (!desk_check_article(d, a))
		return false;
	if (!store_begin(d->store))
		return desk_store_fail(d);
	if (!desk_reload_actor(d)) {
		store_rollback(d->store);
		return false;
	}
	ask.role = d->actor.role;
	if (!workflow_decide(&ask, ACT_CREATE, NULL, &why)) {
		store_rollback(d->store);
		return desk_fail(d, DESK_REFUSED, "%s", msg_tr(d->lang, why));
	}
	if (!store_article_insert(d->store, a, d->actor.login, when_now(), reason ? reason : "") ||
	    !store_transition_created(d->store, a->id, d->actor.login, d->real_login, when_now(),
				      reason ? reason : "") ||
	    !store_commit(d->store))
		return desk_store_fail(d);
	article_set(&a->author_name, d->actor.name);
	return true;
}

static bool has_text(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n')
			return true;
	return false;
}

/*
 * Records, inside the open transaction, what the change of before (the article as it was)
 * makes stale on the site; on failure (its page cannot be written) rolls back.
 */
static bool note_site(Desk *d, const Article *before)
{
	char err[512];

	if (publish_note(d->store, d->config, before, err, sizeof(err)))
		return true;
	store_rollback(d->store);
	return desk_fail(d, DESK_FAILED, "cannot publish article %lld: %s", (long long)before->id,
			 err);
}

/* After a commit: rewrites what is stale on the site. A failure leaves the database as it is
 * (the change is done) and says so; the next flush tries again. */
static bool flush_site(Desk *d, int64_t id)
{
	char err[512];

	if (publish_flush(d->store, d->config, d->actor.login, id == 0, err, sizeof(err)))
		return true;
	if (id)
		return desk_fail(d, DESK_FAILED, "article %lld is saved, but the site is not up to "
				 "date: %s; 'toasoan publish --due' tries again", (long long)id,
				 err);
	return desk_fail(d, DESK_FAILED, "the site is not up to date: %s; the next run tries "
			 "again", err);
}

bool desk_site_rebuild(Desk *d, void (*progress)(size_t done, size_t total, void *ud),
		       void *ud, char *note, size_t notelen)
{
	Ask ask = {d->actor.role, false, STATE_SCHEDULED};
	const char *why;

	note[0] = '\0';
	if (!workflow_decide(&ask, ACT_PUBLISH_DUE, NULL, &why))
		return desk_fail(d, DESK_REFUSED, "%s", msg_tr(d->lang, why));
	if (!publish_rebuild(d->store, d->config, d->actor.login, progress, ud, note, notelen))
		return desk_fail(d, DESK_FAILED, "cannot rebuild the site: %s", note);
	return true;
}

typedef struct PairCount {
	Store *store;
	int64_t sign;
	bool ok;
} PairCount;

static void add_pair(void *arg, const char *pair, size_t len)
{
	PairCount *pc = arg;
	char buf[256];

	if (!pc->ok || len >= sizeof(buf))
		return;
	memcpy(buf, pair, len);
	buf[len] = '\0';
	pc->ok = store_bigram_add(pc->store, buf, pc->sign);
}

/* Adds (sign 1) or takes away (-1) the syllable pairs of a's text in the context counts. */
static bool count_pairs(Desk *d, const Article *a, int64_t sign)
{
	PairCount pc = {d->store, sign, true};
	const char *fields[] = {a->title, a->sapo, a->body};

	if (!d->count_pairs)
		return true;
	for (size_t i = 0; i < 3 && pc.ok; i++)
		d->count_pairs(fields[i], strlen(fields[i]), add_pair, &pc);
	return pc.ok ? true : desk_store_fail(d);
}

/*
 * Saving checks the rules inside the write transaction, so a submit or an approve that lands
 * between reading and writing cannot let a reporter change text that is no longer a draft.
 * Saving a published article renders its pages again and moves the pair counts from the old
 * text to the new one in the same transaction.
 */
bool desk_save(Desk *d, Article *a, const char *reason)
{
	Article cur;
	bool conflict = false, ok;

	article_init(&cur);
	if (!desk_check_article(d, a)) {
		article_release(&cur);
		return false;
	}
	if (!store_begin(d->store)) {
		article_release(&cur);
		return desk_store_fail(d);
	}
	ok = desk_reload_actor(d) && load_visible(d, a->id, &cur) &&
	     desk_check(d, &cur, ACT_EDIT, NULL) && desk_check_lock(d, &cur);
	if (ok && !store_article_save(d->store, a, d->actor.login, when_now(),
				      reason ? reason : "", &conflict))
		ok = desk_store_fail(d);
	if (ok && !conflict && cur.state == STATE_PUBLISHED)
		ok = count_pairs(d, &cur, -1) && count_pairs(d, a, 1) && note_site(d, &cur);
	if (ok && !store_commit(d->store))
		ok = desk_store_fail(d);
	if (!ok)
		store_rollback(d->store);
	if (ok && !conflict && cur.state == STATE_PUBLISHED)
		ok = flush_site(d, a->id);
	if (ok && conflict)
		ok = desk_fail(d, DESK_CONFLICT, "'%s' was saved by someone else meanwhile "
			       "(version %lld, you started from %lld); your text is kept as a "
			       "separate revision to merge", cur.title, (long long)cur.version,
			       (long long)a->version);
	else if (ok)
		a->state = cur.state;
	article_release(&cur);
	return ok;
}

/* Moves one article inside an open transaction; commits; flush: brings the site up to date. */
static bool move(Desk *d, const Article *a, State to, int64_t publish_at, const char *note,
		 bool flush)
{
	int64_t now = when_now();
	int64_t published_at = to == STATE_PUBLISHED ? now : 0;
	bool moved;

	if (to == STATE_PUBLISHED && a->published_at && a->state == STATE_PUBLISHED)
		published_at = a->published_at;
	if (!store_article_move(d->store, a->id, a->state, to, publish_at, published_at,
				d->actor.login, d->real_login, now, note ? note : "", &moved))
		return desk_store_fail(d);
	if (!moved) {
		store_rollback(d->store);
		return desk_fail(d, DESK_CONFLICT, "article %lld changed state meanwhile; look "
				 "again and retry", (long long)a->id);
	}
	if ((to == STATE_PUBLISHED || a->state == STATE_PUBLISHED) && !note_site(d, a))
		return false;
	if ((to == STATE_PUBLISHED) != (a->state == STATE_PUBLISHED) &&
	    !count_pairs(d, a, to == STATE_PUBLISHED ? 1 : -1))
		return false;
	if (!store_commit(d->store))
		return desk_store_fail(d);
	return !flush || (to != STATE_PUBLISHED && a->state != STATE_PUBLISHED) ||
	       flush_site(d, a->id);
}

/* The note and the time an action comes with. */
static bool check_act_input(Desk *d, Action act, const char *note, int64_t at)
{
	if (action_needs_note(act) && !has_text(note))
		return desk_fail(d, DESK_INVALID, "'%s' needs a note saying why", action_name(act));
	if (note && !(desk_check_text(d, "note", note, true) &&
		      desk_check_length(d, "note", note, DESK_MAX_NOTE)))
		return false;
	if (act == ACT_SCHEDULE && at <= when_now())
		return desk_fail(d, DESK_INVALID, "the publishing time must be in the future");
	return true;
}

/*
 * Who the actor is, the article and the rule are all read inside the write transaction: an
 * editor disabled a second ago cannot publish from a list opened an hour ago.
 */
bool desk_act(Desk *d, int64_t id, Action act, const char *note, int64_t at)
{
	Article a;
	State to;
	bool ok;

	article_init(&a);
	if (!store_begin(d->store)) {
		article_release(&a);
		return desk_store_fail(d);
	}
	ok = desk_reload_actor(d) && load_visible(d, id, &a) && desk_check(d, &a, act, &to) &&
	     check_act_input(d, act, note, at);
	if (ok)
		ok = move(d, &a, to, act == ACT_SCHEDULE ? at : 0, note, true);
	else
		store_rollback(d->store);
	article_release(&a);
	return ok;
}

bool desk_publish_due(Desk *d, int *done, int *failed)
{
	Ask ask = {d->actor.role, false, STATE_SCHEDULED};
	Str failures = STR_INIT;
	int64_t *ids = NULL;
	const char *why;
	size_t n = 0;
	bool site_ok;

	*done = *failed = 0;
	if (!desk_reload_actor(d))
		return false;
	ask.role = d->actor.role;
	if (!workflow_decide(&ask, ACT_PUBLISH_DUE, NULL, &why))
		return desk_fail(d, DESK_REFUSED, "%s", msg_tr(d->lang, why));
	if (!store_due(d->store, when_now(), &ids, &n))
		return desk_store_fail(d);
	for (size_t i = 0; i < n; i++) {
		Article a;
		article_init(&a);
		/* Claim it: another run may have published it since the list was read. */
		if (!store_begin(d->store) || !load(d, ids[i], &a)) {
			store_rollback(d->store);
			str_addf(&failures, "%s%lld (%s)", failures.len ? ", " : "",
				 (long long)ids[i], d->err);
			(*failed)++;
		} else if (a.state != STATE_SCHEDULED) {
			store_rollback(d->store);
		} else if (move(d, &a, STATE_PUBLISHED, a.publish_at, "", false)) {
			(*done)++;
		} else {
			str_addf(&failures, "%s%lld (%s)", failures.len ? ", " : "",
				 (long long)ids[i], d->err);
			(*failed)++;
		}
		article_release(&a);
	}
	free(ids);
	/* the site once for the whole run, and whatever an earlier run left stale */
	site_ok = flush_site(d, 0);
	if (*failed) {
		desk_fail(d, DESK_FAILED, "%d due article%s could not be published: %s", *failed,
			  *failed == 1 ? "" : "s", failures.s);
		str_release(&failures);
		return false;
	}
	str_release(&failures);
	return site_ok;
}

bool desk_history(Desk *d, int64_t id, EventList *out)
{
	if (!desk_check_id(d, id, ACT_VIEW))
		return false;
	return store_history(d->store, id, out) ? true : desk_store_fail(d);
}

bool desk_revision(Desk *d, int64_t id, int64_t version, Article *out)
{
	bool found;

	if (!desk_get(d, id, out))
		return false;
	if (!store_revision_get(d->store, id, version, out, &found))
		return desk_store_fail(d);
	return found ? true : desk_fail(d, DESK_NOT_FOUND, "article %lld has no revision %lld",
					(long long)id, (long long)version);
}

bool desk_render(Desk *d, const Article *a, const char *format, Str *out)
{
	char err[256];
	if (!publish_render(a, format, out, err, sizeof(err)))
		return desk_fail(d, DESK_INVALID, "%s", err);
	return true;
}
