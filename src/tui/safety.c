/*
 * safety.c: what keeps the open text safe: the edit lock, the journal, saves retried while
 * the database cannot take them, and writing the text to a file.
 *
 * The text's fingerprint (the doc's version, which every change moves) is taken after each
 * batch of keys; when it differs from the one last journaled, the text is written to the
 * journal once it has rested for JOURNAL_IDLE_MS, or at the latest JOURNAL_MAX_MS after the
 * first unjournaled change, so typing without pause is journaled too: text on screen for two
 * seconds is in the database. A stop signal writes the journal at once (safety_close). Database failures are
 * retried on later ticks, never in a tight loop, and the text never leaves memory.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "base/when.h"
#include "base/xalloc.h"
#include "tui/editor.h"
#include "base/banned.h"

#define JOURNAL_IDLE_MS 1000
#define JOURNAL_MAX_MS 1500
#define JOURNAL_IN_PLACE (512 * 1024) /* a body this long is journaled without a copy */
#define RETRY_MS 5000
#define BUSY_RETRY_MS 1000 /* another process writing is over soon: try again sooner */
/* The journal's last write, as the session ends, waits for another process's write as long
 * as a command does (desk_set_patience): nothing is left to retry it. */
#define LAST_WRITE_PATIENCE_MS 10000

/*
 * True if the desk's last failure was another process holding the database (the session's
 * short patience ran out), rather than a full disk or a broken file.
 */
static bool desk_was_busy(const Desk *d)
{
	return desk_error(d) == DESK_BUSY;
}

/* "10:42": the local time of day. */
static void clock_time(int64_t t, char *buf, size_t len)
{
	Str s = STR_INIT;
	when_clock(t, ":", &s);
	snprintf(buf, len, "%s", s.s);
	str_release(&s);
}

/*
 * Clears our journal row once the writer has written what it was given, never before. The
 * new article's row is the person's in all their sessions: it goes only while it holds what
 * this session last wrote (or restored), so that another session's text stays. What was
 * handed to the writer but not written (a failed write) is not what the row holds.
 */
static bool journal_clear(Editor *e, int64_t id)
{
	journal_writer_settle(e->jw);
	if (!id) {
		journal_writer_new_written(e->jw, e->new_print);
		return desk_journal_clear_if(e->app->desk, 0, e->new_print);
	}
	return desk_journal_clear(e->app->desk, id);
}

/* Changes whenever the text does (undo included): cheap, whatever the article's length. */
static uint64_t fingerprint(Editor *e)
{
	return doc_version(e->doc);
}

static const char *holder_name(const LockInfo *l)
{
	return l->name && *l->name ? l->name : l->login ? l->login : "?";
}

void safety_say_holder(Editor *e)
{
	char since[16], key[32];
	clock_time(e->holder.since, since, sizeof since);
	if (!safety_may_take_over(e)) {
		app_say(e->app, false, S_LOCKED_BY, holder_name(&e->holder), since);
		return;
	}
	app_key_for(CMD_TAKE_OVER, SCR_EDITOR, key, sizeof key);
	app_say(e->app, false, S_LOCKED_BY_TAKE, holder_name(&e->holder), since, key);
}

/* Replaces the doc's text by the journal's as edits, so it is dirty and can be undone. */
static void apply_journal(Editor *e, const Article *j)
{
	const char *mine[FIELD_COUNT] = {j->title, j->sapo, j->body, j->byline, j->section, j->tags};
	for (int f = 0; f < FIELD_COUNT; f++) {
		size_t len;
		const char *t = doc_text(e->doc, f, &len);
		if (strcmp(t, mine[f]) != 0)
			doc_replace_range(e->doc, f, 0, len, mine[f], strlen(mine[f]), when_mono_ms());
	}
	doc_set_cursor(e->doc, FIELD_BODY, 0, false);
}

/* Brings back the person's journaled text for the article, if any, and says so; true if
 * it did. */
static bool restore_journal(Editor *e)
{
	App *a = e->app;
	Article j;
	int64_t at = 0;
	bool found = false;
	char when[16];
	article_init(&j);
	if (!desk_journal_read(a->desk, e->art.id, &j, &at, &found) || !found) {
		article_release(&j);
		return false;
	}
	apply_journal(e, &j);
	e->journaled = true;
	if (!e->art.id)
		desk_journal_print(&j, e->new_print); /* ours now, to drop when saved */
	clock_time(at, when, sizeof when);
	if (!e->art.id) {
		size_t len;
		doc_text(e->doc, FIELD_BODY, &len);
		doc_set_cursor(e->doc, FIELD_BODY, len, false); /* to go on writing */
		app_say(a, false, S_RESTORED_NEW, when);
	} else if (j.version && j.version < e->art.version) {
		app_say(a, false, S_RESTORED_OLDER, when, (int)e->art.version);
		e->art.version = j.version; /* saving compares with the newer version */
	} else {
		app_say(a, false, S_RESTORED, when);
	}
	article_release(&j);
	return true;
}

void safety_open(Editor *e)
{
	App *a = e->app;
	int64_t now = when_mono_ms();
	e->print = e->journal_print = fingerprint(e);
	e->beat_ms = now + DESK_LOCK_BEAT * 1000;
	if (!e->art.id) {
		restore_journal(e); /* the person's new article left unsaved, if any */
		e->print = fingerprint(e);
		return;
	}
	if (e->read_only)
		return;
	lock_info_release(&e->holder);
	if (desk_lock(a->desk, e->art.id, false, &e->holder)) {
		e->locked = true;
	} else if (desk_error(a->desk) == DESK_LOCKED) {
		e->read_only = true;
		safety_say_holder(e);
		return;
	} else {
		app_say(a, true, S_LOCK_FAILED, desk_errmsg(a->desk)); /* retried on the beat */
	}
	e->stored_version = e->art.version;
	restore_journal(e);
	e->print = fingerprint(e);
}

bool safety_may_take_over(Editor *e)
{
	return e->holder.login && e->read_only && desk_may(e->app->desk, &e->art, ACT_TAKE_LOCK);
}

void safety_take_over(Editor *e)
{
	App *a = e->app;
	Article fresh;
	if (!safety_may_take_over(e)) {
		app_say(a, true, S_NOT_ALLOWED, command_label(CMD_TAKE_OVER, a->lang));
		return;
	}
	char *who = xstrdup(holder_name(&e->holder));
	LockInfo other = {0};
	if (!desk_lock(a->desk, e->art.id, true, &other)) {
		app_message(a, true, "%s", desk_errmsg(a->desk));
		lock_info_release(&other);
		free(who);
		return;
	}
	lock_info_release(&e->holder);
	e->locked = true;
	e->read_only = false;
	article_init(&fresh);
	if (desk_get(a->desk, e->art.id, &fresh))
		editor_load(e, &fresh);
	article_release(&fresh);
	e->stored_version = e->art.version;
	e->print = e->journal_print = fingerprint(e);
	editor_load_history(e);
	app_say(a, false, S_TOOK_OVER, who);
	free(who);
}

/* Someone took the lock: keep our text as a revision, then read-only. */
static void lost_lock(Editor *e, const LockInfo *by)
{
	App *a = e->app;
	char at[16];
	int64_t version = 0;
	char *who = xstrdup(holder_name(by));
	clock_time(by->since, at, sizeof at);
	e->locked = false;
	e->read_only = true;
	if (!doc_is_dirty(e->doc)) {
		app_say(a, true, S_LOST_LOCK_CLEAN, who, at);
	} else {
		Article mine;
		editor_article(e, &mine);
		if (desk_keep_text(a->desk, &mine, REV_TAKEOVER, "kept when the lock was lost",
				   &version)) {
			doc_mark_saved(e->doc);
			journal_clear(e, e->art.id);
			e->journaled = false;
			app_say(a, true, S_LOST_LOCK, who, at, (int)version);
		} else {
			app_say(a, true, S_LOST_LOCK_UNKEPT, who, desk_errmsg(a->desk));
		}
		article_release(&mine);
	}
	lock_info_release(&e->holder);
	e->holder.login = xstrdup(by->login ? by->login : "");
	e->holder.name = xstrdup(holder_name(by));
	e->holder.since = by->since;
	free(who);
	editor_load_history(e);
}

/*
 * Our lock row is gone and nobody holds one: if the article was saved by someone else
 * meanwhile, it was taken over (and the taker has left); by gets the last other person.
 */
static bool moved_on(Editor *e, LockInfo *by)
{
	App *a = e->app;
	Article cur;
	EventList h = {NULL, 0, 0};
	bool moved = false;
	article_init(&cur);
	if (desk_get(a->desk, e->art.id, &cur) && cur.version != e->stored_version &&
	    desk_history(a->desk, e->art.id, &h)) {
		const char *me = a->me ? a->me->login : "";
		for (size_t i = h.n; i-- > 0 && !moved;) {
			if (strcmp(h.items[i].who, me) == 0)
				continue;
			lock_info_release(by);
			by->login = xstrdup(h.items[i].who);
			by->name = xstrdup(h.items[i].who_name ? h.items[i].who_name : "");
			by->since = h.items[i].at;
			moved = true;
		}
	}
	event_list_release(&h);
	article_release(&cur);
	return moved;
}

/*
 * Says that the lock is free, after what restore_journal said (when it brought text back):
 * that comes first, as a narrow status line keeps the start of a message.
 */
static void say_lock_freed(Editor *e, bool restored)
{
	App *a = e->app;
	char freed[256], said[sizeof a->msg];
	app_format(a, freed, sizeof freed, S_LOCK_FREED, holder_name(&e->holder));
	if (!restored) {
		app_message(a, false, "%s", freed);
		return;
	}
	snprintf(said, sizeof said, "%s", a->msg);
	app_message(a, false, "%s %s", said, freed);
}

/*
 * A viewer kept out by someone's lock: once it is gone, the text is read again (the holder
 * may have saved) and the viewer is told that typing starts editing. The holder may have
 * been the viewer's own session, left behind by a dropped connection, whose text went to the
 * journal as it ended: that text is brought back, as opening the article would, or the
 * viewer's first key would be journaled over the only copy of it.
 */
static void watch_lock(Editor *e)
{
	App *a = e->app;
	bool held = true, restored = false;
	Article fresh;
	if (!e->holder.login || !desk_may(a->desk, &e->art, ACT_EDIT) ||
	    !desk_lock_held(a->desk, e->art.id, &held) || held)
		return;
	article_init(&fresh);
	if (desk_get(a->desk, e->art.id, &fresh)) {
		editor_load(e, &fresh);
		doc_mark_saved(e->doc);
		e->stored_version = e->art.version;
		restored = restore_journal(e);
		editor_check_changes(e);
	}
	article_release(&fresh);
	say_lock_freed(e, restored);
	lock_info_release(&e->holder);
	e->print = e->journal_print = fingerprint(e);
	editor_load_history(e);
}

bool safety_claim(Editor *e)
{
	App *a = e->app;
	if (!e->read_only || !e->art.id || e->holder.login ||
	    !desk_may(a->desk, &e->art, ACT_EDIT))
		return false;
	if (!desk_lock(a->desk, e->art.id, false, &e->holder)) {
		if (desk_error(a->desk) == DESK_LOCKED)
			safety_say_holder(e);
		else
			app_say(a, true, S_LOCK_FAILED, desk_errmsg(a->desk));
		return false;
	}
	e->locked = true;
	e->read_only = false;
	if (!doc_is_dirty(e->doc)) {
		/* The stored text is on screen: a journal that watch_lock could not read (the
		 * database was busy) is brought back now, before the first key is journaled over
		 * it. A dirty doc already holds the journal, and its version is the stored one. */
		e->stored_version = e->art.version;
		if (restore_journal(e))
			e->print = e->journal_print = fingerprint(e);
	}
	return true;
}

void safety_release(Editor *e)
{
	if (e->locked)
		desk_unlock(e->app->desk, e->art.id);
	e->locked = false;
	e->read_only = e->art.id != 0;
	lock_info_release(&e->holder);
}

/* A renewal found our lock row gone or someone else's. */
static void lock_not_mine(Editor *e, LockInfo *by)
{
	App *a = e->app;
	if (by->login || moved_on(e, by))
		lost_lock(e, by);
	else if (desk_lock(a->desk, e->art.id, false, by))
		app_say(a, false, S_LOCK_BACK); /* taken over and left unsaved: ours again */
	else if (desk_error(a->desk) == DESK_LOCKED)
		lost_lock(e, by); /* our row was cleared and someone else came */
}

/*
 * The lock we hold is renewed on the journal's thread, off the key path; here only its
 * outcome is read (a lock lost is rare, and handled on this thread). True if the thread
 * renews it; false when there is no such thread or no lock.
 */
static bool beat_aside(Editor *e)
{
	int64_t id = e->locked ? e->art.id : 0;
	bool mine = true;
	LockInfo by = {0};
	if (id && !e->jw)
		e->jw = journal_writer_new(e->app->desk);
	if (!e->jw || !journal_writer_beat(e->jw, id))
		return false;
	if (journal_writer_beat_result(e->jw, &mine, &by) && !mine && e->locked)
		lock_not_mine(e, &by);
	lock_info_release(&by);
	return id != 0;
}

/* On this thread: a viewer's watch of the lock, a lock that could not be taken, and the
 * renewal when the journal has no thread. */
static void beat(Editor *e)
{
	App *a = e->app;
	bool mine = true;
	LockInfo by = {0};
	if (e->art.id && e->read_only && !e->locked)
		watch_lock(e);
	if (!e->art.id || (e->read_only && !e->locked))
		return;
	if (!e->locked) {
		/* The first try failed on the database: try again. */
		if (desk_lock(a->desk, e->art.id, false, &by))
			e->locked = true;
		else if (desk_error(a->desk) == DESK_LOCKED)
			lost_lock(e, &by);
	} else if (desk_lock_beat(a->desk, e->art.id, &mine, &by) && !mine) {
		lock_not_mine(e, &by);
	}
	lock_info_release(&by);
}

/* True when the text on screen is the stored one (undone back to it, or typed back). */
static bool same_as_saved(Editor *e)
{
	if (!doc_is_dirty(e->doc))
		return true;
	for (int f = 0; f < FIELD_COUNT; f++) /* in place: no copy of a long text to compare */
		if (strcmp(doc_text(e->doc, (FieldId)f, NULL), editor_field_value(&e->art, f)) != 0)
			return false;
	return true;
}

/* The article with the doc's own text in it, not a copy: valid until the next edit, and
 * never released. */
static Article doc_view(Editor *e)
{
	Article view = e->art;
	char **field[FIELD_COUNT] = {&view.title, &view.sapo, &view.body, &view.byline,
				     &view.section, &view.tags};
	for (int f = 0; f < FIELD_COUNT; f++)
		*field[f] = (char *)doc_text(e->doc, (FieldId)f, NULL);
	return view;
}

/* At once, on this thread (leaving): the text is read in place, as nothing edits it meanwhile. */
static bool journal_write(Editor *e)
{
	App *a = e->app;
	journal_writer_settle(e->jw);
	journal_writer_new_written(e->jw, e->new_print); /* the writer's last, older than ours */
	Article view = doc_view(e);
	bool ok = desk_journal_write(a->desk, &view);
	if (ok && !view.id)
		desk_journal_print(&view, e->new_print);
	if (!ok && !a->msg[0] && !desk_was_busy(a->desk))
		app_say(a, true, S_JOURNAL_FAILED, desk_errmsg(a->desk));
	return ok;
}

/* ~/toasoan-ID-HHMM.txt; with n > 1, ~/toasoan-ID-HHMM-N.txt */
static void default_path(Editor *e, int n, Str *out)
{
	const char *home = getenv("HOME");

	str_addf(out, "%s/toasoan-%lld-", home && *home ? home : ".", (long long)e->art.id);
	when_clock(when_now(), "", out);
	if (n > 1)
		str_addf(out, "-%d", n);
	str_adds(out, ".txt");
}

/* The text as a file holds it (C-o, a rescue, the clipboard over SSH). */
static void article_text(Editor *e, Str *text)
{
	Article mine;
	editor_article(e, &mine);
	article_format(&mine, text);
	article_release(&mine);
}

/*
 * The journal could not be written as the session ended: the text goes to the file C-o
 * would offer, as a new file whatever another session stopped in the same minute wrote
 * (the next free name: -2, -3...). Over SSH that is the service account's home, where an
 * admin finds it. The message is for a session that ended on a stop signal with its
 * terminal still there.
 */
static void rescue_to_file(Editor *e)
{
	Str path = STR_INIT, text = STR_INIT;
	char err[300];
	bool ok = false;
	article_text(e, &text);
	for (int n = 1; !ok && n < 1000; n++) {
		str_clear(&path);
		default_path(e, n, &path);
		ok = file_write_new(str_cstr(&path), text.s, text.len, err, sizeof err);
		if (!ok && errno != EEXIST)
			break;
	}
	if (ok)
		app_say(e->app, true, S_FILE_WRITTEN, str_cstr(&path));
	else
		app_say(e->app, true, S_FILE_FAILED, err);
	str_release(&path);
	str_release(&text);
}

/*
 * The journal's last write, as the session ends on a signal (a dropped connection, a stop):
 * nobody will retry it, so it waits for another process's write (a publish, a backup) as a
 * command would; if the database still cannot take it, the text goes to a file.
 */
static void journal_last(Editor *e)
{
	Desk *d = e->app->desk;
	desk_set_patience(d, LAST_WRITE_PATIENCE_MS);
	bool ok = journal_write(e);
	desk_set_patience(d, TUI_PATIENCE_MS);
	if (!ok)
		rescue_to_file(e);
}

/*
 * A long text is journaled from the doc itself, the screen waiting the few milliseconds it
 * takes, rather than copied for the writer's thread: a copy would add the whole text to the
 * memory a long paste takes. False when the writer could not take it so (busy).
 */
static bool journal_in_place(Editor *e)
{
	size_t len;
	doc_text(e->doc, FIELD_BODY, &len);
	if (len < JOURNAL_IN_PLACE)
		return false;
	Article view = doc_view(e);
	return journal_writer_put_in_place(e->jw, &view);
}

/* A failed write of the writer's: said (unless another process only held the database),
 * and the text is journaled again after a pause. */
static void journal_check(Editor *e, int64_t now)
{
	bool busy;
	char why[300];
	if (!e->jw || !journal_writer_failed(e->jw, &busy, why, sizeof why))
		return;
	e->journal_retry_ms = now + (busy ? BUSY_RETRY_MS : RETRY_MS);
	e->journal_print = e->print - 1; /* differs from the text's: write it again */
	if (!busy && !e->app->msg[0])
		app_say(e->app, true, S_JOURNAL_FAILED, why);
}

static void journal(Editor *e, int64_t now)
{
	journal_check(e, now);
	if (e->read_only || e->print == e->journal_print || now < e->journal_retry_ms)
		return;
	if (now - e->changed_ms < JOURNAL_IDLE_MS && now - e->pending_ms < JOURNAL_MAX_MS)
		return;
	/* A new article (id 0) is journaled as the person's one new article until saved. */
	if (same_as_saved(e)) {
		/* Back to the saved text: an old journal would restore the wrong text. */
		if (e->journaled && journal_clear(e, e->art.id))
			e->journaled = false;
	} else {
		Article mine;
		if (!e->jw)
			e->jw = journal_writer_new(e->app->desk);
		if (!journal_in_place(e)) {
			editor_article(e, &mine); /* a copy: the writer's thread writes it meanwhile */
			journal_writer_put(e->jw, &mine);
			article_release(&mine);
		}
		e->journaled = true;
	}
	e->journal_print = e->print;
	e->pending_ms = 0;
}

void safety_tick(Editor *e, bool modal)
{
	int64_t now = when_mono_ms();
	uint64_t p = fingerprint(e);
	if (p != e->print) {
		e->print = p;
		e->changed_ms = now;
		if (!e->pending_ms)
			e->pending_ms = now;
	}
	journal(e, now);
	if (e->drop_new && journal_clear(e, 0))
		e->drop_new = false;
	bool aside = beat_aside(e);
	if (now >= e->beat_ms) {
		e->beat_ms = now + DESK_LOCK_BEAT * 1000;
		if (!aside)
			beat(e);
	}
	if (!modal && e->save_retry && now >= e->retry_ms && !e->read_only) {
		e->retry_ms = now + (e->busy ? BUSY_RETRY_MS : RETRY_MS);
		App *a = e->app;
		if (editor_save(e))
			app_say(a, false, S_SAVE_RETRIED, (int)e->art.version);
	}
}

void safety_saved(Editor *e, bool created)
{
	e->save_retry = e->busy = false;
	e->stored_version = e->art.version;
	if (created) {
		/* The new article's journal (id 0) is now the saved article: drop it, or retry. */
		e->drop_new = !journal_clear(e, 0);
		e->journaled = false;
	}
	if (e->art.id && e->journaled && journal_clear(e, e->art.id))
		e->journaled = false;
	e->print = e->journal_print = fingerprint(e);
	e->pending_ms = 0;
}

void safety_save_failed(Editor *e, const char *why)
{
	e->save_retry = true;
	e->busy = desk_was_busy(e->app->desk);
	e->retry_ms = when_mono_ms() + (e->busy ? BUSY_RETRY_MS : RETRY_MS);
	if (e->busy)
		app_say(e->app, true, S_SAVE_BUSY);
	else
		app_say(e->app, true, S_SAVE_FAILED, why);
}

void safety_close(Editor *e, bool discard)
{
	App *a = e->app;
	if (!e->read_only) { /* a new article's journal is id 0 */
		bool same = same_as_saved(e);
		if ((discard || same) && e->journaled)
			journal_clear(e, e->art.id); /* nothing unsaved to bring back */
		else if (!discard && !same)
			journal_last(e);
	}
	journal_writer_free(e->jw);
	e->jw = NULL;
	if (e->locked)
		desk_unlock(a->desk, e->art.id);
	e->locked = false;
	lock_info_release(&e->holder);
}

void safety_write_file(Editor *e)
{
	App *a = e->app;
	Str path = STR_INIT, def = STR_INIT, text = STR_INIT;
	char err[300];
	if (desk_remote(a->desk)) {
		/* Over SSH a path would be on the server: the text goes to the person instead. */
		article_text(e, &text);
		term_clipboard(text.s, text.len);
		app_say(a, false, S_FILE_REMOTE);
		goto done;
	}
	default_path(e, 1, &def);
	if (!app_prompt(a, app_str(a, S_ASK_FILE), str_cstr(&def), &path, NULL) || !path.len) {
		app_message(a, false, "%s", app_str(a, S_CANCELLED));
		goto done;
	}
	article_text(e, &text);
	if (file_write_atomic(str_cstr(&path), text.s, text.len, err, sizeof err))
		app_say(a, false, S_FILE_WRITTEN, str_cstr(&path));
	else
		app_say(a, true, S_FILE_FAILED, err);
done:
	str_release(&path);
	str_release(&def);
	str_release(&text);
}
