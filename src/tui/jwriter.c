/*
 * jwriter.c: the journal's own thread. The screen puts the newest text in one slot and goes
 * on; the thread takes it and writes it through its own desk (a second connection for the
 * same person). Settling waits for the slot to be empty and the thread idle, so that a clear
 * or a save never races a write of older text.
 *
 * A long text is not copied: while the thread is idle, the screen borrows its connection and
 * streams the text in one uncommitted transaction (a few milliseconds for megabytes, never
 * waiting on another process), and the thread commits it after, on its own time.
 *
 * It also keeps the print of the new article's text it last wrote: a text handed over whose
 * write failed is not what the row holds, and the screen drops the row by what it holds.
 *
 * The same thread renews the edit lock every DESK_LOCK_BEAT seconds while the screen says
 * which article it holds: the renewal is an UPDATE of our own row only (same login, host and
 * process as the screen's connection), so a renewal racing an unlock finds no row and changes
 * nothing. Each change of article moves a generation, and an outcome of an older generation is
 * dropped rather than reported.
 */
#include "tui/jwriter.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/when.h"
#include "base/xalloc.h"
#include "base/banned.h"

struct JournalWriter {
	Desk *main;          /* the screen's desk: the fallback when there is no twin */
	Desk *twin;          /* the thread's own connection, or NULL */
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t wake, idle;
	Article slot;
	bool full, writing, quit;
	bool renewing;       /* the thread renews the lock through twin */
	bool lent;           /* the screen writes through twin meanwhile */
	bool commit;         /* what the screen streamed, for the thread to commit */
	bool failed, busy;   /* a failure not yet reported */
	char msg[300];
	bool new_written;    /* the new article's text was written since the screen last asked: */
	uint8_t new_print[DESK_PRINT_BYTES]; /* the print of the last one written */
	bool stream_new;     /* what the screen streamed is the new article's, of print: */
	uint8_t stream_print[DESK_PRINT_BYTES];
	int64_t beat_id;     /* the article whose lock the thread renews, 0: none */
	uint64_t beat_gen;   /* moves with beat_id */
	int64_t beat_at;     /* monotonic ms of the next renewal */
	bool beat_done;      /* an outcome not yet taken: */
	bool beat_mine;      /* the lock was still ours */
	LockInfo beat_by;    /* if not, who holds it (login NULL: nobody) */
};

/* The outcome of one write (the mutex held, or no thread): a failure to report, or, for the
 * new article's text (print not NULL), the print its row now holds. */
static void note_result(JournalWriter *w, Desk *d, bool ok, const uint8_t *print)
{
	if (ok && print) {
		memcpy(w->new_print, print, sizeof w->new_print);
		w->new_written = true;
	}
	if (ok)
		return;
	w->failed = true;
	w->busy = desk_error(d) == DESK_BUSY;
	snprintf(w->msg, sizeof w->msg, "%s", desk_errmsg(d));
}

static bool has_work(const JournalWriter *w)
{
	return w->full || w->commit || w->quit || (w->beat_id && when_mono_ms() >= w->beat_at);
}

/* Waits for text, a commit, a quit or the next renewal, never while the screen has the
 * connection; the mutex is held. */
static void wait_work(JournalWriter *w)
{
	while (w->lent || !has_work(w)) {
		if (w->lent || !w->beat_id) {
			pthread_cond_wait(&w->wake, &w->mu);
			continue;
		}
		struct timespec ts = {(time_t)(w->beat_at / 1000), (long)(w->beat_at % 1000) * 1000000};
		pthread_cond_timedwait(&w->wake, &w->mu, &ts);
	}
}

/* Renews the lock outside the mutex and keeps the outcome for the screen. */
static void renew(JournalWriter *w)
{
	int64_t id = w->beat_id;
	uint64_t gen = w->beat_gen;
	bool mine = true;
	LockInfo by = {0};
	w->beat_at = when_mono_ms() + DESK_LOCK_BEAT * 1000;
	w->renewing = true;
	pthread_mutex_unlock(&w->mu);
	bool ok = desk_lock_beat(w->twin, id, &mine, &by);
	pthread_mutex_lock(&w->mu);
	w->renewing = false;
	if (ok && gen == w->beat_gen) { /* a failed renewal (a busy database) waits for the next */
		lock_info_release(&w->beat_by);
		w->beat_by = by;
		w->beat_mine = mine;
		w->beat_done = true;
	} else {
		lock_info_release(&by);
	}
}

/* What to do next, the mutex held: true to commit what the screen streamed (older than any
 * text waiting, so first), else *a gets the text waiting. */
static bool take_next(JournalWriter *w, Article *a)
{
	if (w->commit) {
		w->commit = false;
		*a = (Article){0}; /* nothing to release */
		return true;
	}
	*a = w->slot;
	article_init(&w->slot);
	w->full = false;
	return false;
}

/* The print of a when it is the new article's (then returned), else NULL. */
static const uint8_t *new_print_of(const Article *a, uint8_t print[DESK_PRINT_BYTES])
{
	if (a->id)
		return NULL;
	desk_journal_print(a, print);
	return print;
}

static void *run(void *arg)
{
	JournalWriter *w = arg;
	pthread_mutex_lock(&w->mu);
	for (;;) {
		wait_work(w);
		if (w->quit && !w->full && !w->commit)
			break;
		if (!w->full && !w->commit) {
			renew(w);
			continue;
		}
		Article a;
		uint8_t print[DESK_PRINT_BYTES];
		bool commit = take_next(w, &a);
		bool streamed_new = commit && w->stream_new;
		if (streamed_new)
			memcpy(print, w->stream_print, sizeof print);
		w->writing = true;
		pthread_mutex_unlock(&w->mu);
		/* the new article's print, hashed here rather than on the screen's thread */
		const uint8_t *mine = commit ? (streamed_new ? print : NULL) : new_print_of(&a, print);
		bool ok = commit ? desk_journal_commit(w->twin) : desk_journal_write(w->twin, &a);
		article_release(&a);
		pthread_mutex_lock(&w->mu);
		note_result(w, w->twin, ok, mine);
		w->writing = false;
		pthread_cond_broadcast(&w->idle);
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

JournalWriter *journal_writer_new(Desk *d)
{
	char err[300];
	JournalWriter *w = xcalloc(1, sizeof *w);
	w->main = d;
	article_init(&w->slot);
	pthread_condattr_t attr;
	pthread_mutex_init(&w->mu, NULL);
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC); /* renewals keep time across clock changes */
	pthread_cond_init(&w->wake, &attr);
	pthread_condattr_destroy(&attr);
	pthread_cond_init(&w->idle, NULL);
	w->twin = desk_twin(d, err, sizeof err);
	if (w->twin && pthread_create(&w->thread, NULL, run, w) != 0) {
		desk_free(w->twin);
		w->twin = NULL;
	}
	return w;
}

void journal_writer_put(JournalWriter *w, Article *a)
{
	uint8_t print[DESK_PRINT_BYTES];

	if (!w->twin) {
		note_result(w, w->main, desk_journal_write(w->main, a), new_print_of(a, print));
		article_release(a);
		article_init(a);
		return;
	}
	pthread_mutex_lock(&w->mu);
	article_release(&w->slot);
	w->slot = *a;
	w->full = true;
	article_init(a);
	pthread_cond_signal(&w->wake);
	pthread_mutex_unlock(&w->mu);
}

bool journal_writer_put_in_place(JournalWriter *w, const Article *a)
{
	uint8_t print[DESK_PRINT_BYTES];

	if (!w->twin) {
		note_result(w, w->main, desk_journal_write(w->main, a), new_print_of(a, print));
		return true;
	}
	pthread_mutex_lock(&w->mu);
	bool idle = !w->full && !w->writing && !w->renewing && !w->commit;
	w->lent = idle;
	pthread_mutex_unlock(&w->mu);
	if (!idle)
		return false;
	bool ok = desk_journal_stream(w->twin, a);
	bool new_one = ok && new_print_of(a, print); /* the print only of what was streamed */
	pthread_mutex_lock(&w->mu);
	w->lent = false;
	w->commit = ok;
	w->stream_new = new_one;
	if (new_one)
		memcpy(w->stream_print, print, sizeof print);
	pthread_cond_signal(&w->wake);
	pthread_mutex_unlock(&w->mu);
	return ok;
}

void journal_writer_settle(JournalWriter *w)
{
	if (!w || !w->twin)
		return;
	pthread_mutex_lock(&w->mu);
	while (w->full || w->commit || w->writing)
		pthread_cond_wait(&w->idle, &w->mu);
	pthread_mutex_unlock(&w->mu);
}

bool journal_writer_new_written(JournalWriter *w, uint8_t print[DESK_PRINT_BYTES])
{
	bool written;

	if (!w)
		return false;
	pthread_mutex_lock(&w->mu);
	written = w->new_written;
	if (written)
		memcpy(print, w->new_print, DESK_PRINT_BYTES);
	w->new_written = false;
	pthread_mutex_unlock(&w->mu);
	return written;
}

bool journal_writer_beat(JournalWriter *w, int64_t id)
{
	if (!w || !w->twin)
		return false;
	pthread_mutex_lock(&w->mu);
	if (id != w->beat_id) {
		w->beat_id = id;
		w->beat_gen++;
		w->beat_at = when_mono_ms(); /* at once: the row is fresh from the moment it is ours */
		w->beat_done = false;
		pthread_cond_signal(&w->wake);
	}
	pthread_mutex_unlock(&w->mu);
	return true;
}

bool journal_writer_beat_result(JournalWriter *w, bool *mine, LockInfo *holder)
{
	bool done;
	pthread_mutex_lock(&w->mu);
	done = w->beat_done;
	if (done) {
		*mine = w->beat_mine;
		*holder = w->beat_by;
		w->beat_by = (LockInfo){0};
		w->beat_done = false;
	}
	pthread_mutex_unlock(&w->mu);
	return done;
}

bool journal_writer_failed(JournalWriter *w, bool *busy, char *msg, size_t len)
{
	bool failed;
	pthread_mutex_lock(&w->mu);
	failed = w->failed;
	*busy = w->busy;
	snprintf(msg, len, "%s", w->msg);
	w->failed = false;
	pthread_mutex_unlock(&w->mu);
	return failed;
}

void journal_writer_free(JournalWriter *w)
{
	if (!w)
		return;
	if (w->twin) {
		pthread_mutex_lock(&w->mu);
		w->quit = true;
		pthread_cond_signal(&w->wake);
		pthread_mutex_unlock(&w->mu);
		pthread_join(w->thread, NULL);
		desk_free(w->twin);
	}
	article_release(&w->slot);
	lock_info_release(&w->beat_by);
	pthread_mutex_destroy(&w->mu);
	pthread_cond_destroy(&w->wake);
	pthread_cond_destroy(&w->idle);
	free(w);
}
