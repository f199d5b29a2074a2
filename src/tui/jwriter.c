/*
 * jwriter.c: the journal's own thread. The screen puts the newest text in one slot and goes
 * on; the thread takes it and writes it through its own desk (a second connection for the
 * same person). Settling waits for the slot to be empty and the thread idle, so that a clear
 * or a save never races a write of older text.
 */
#include "tui/jwriter.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

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
	bool failed, busy;   /* a failure not yet reported */
	char msg[300];
};

static void note_result(JournalWriter *w, Desk *d, bool ok)
{
	if (ok)
		return;
	w->failed = true;
	w->busy = desk_error(d) == DESK_BUSY;
	snprintf(w->msg, sizeof w->msg, "%s", desk_errmsg(d));
}

static void *run(void *arg)
{
	JournalWriter *w = arg;
	pthread_mutex_lock(&w->mu);
	for (;;) {
		while (!w->full && !w->quit)
			pthread_cond_wait(&w->wake, &w->mu);
		if (!w->full)
			break;
		Article a = w->slot;
		article_init(&w->slot);
		w->full = false;
		w->writing = true;
		pthread_mutex_unlock(&w->mu);
		bool ok = desk_journal_write(w->twin, &a);
		article_release(&a);
		pthread_mutex_lock(&w->mu);
		note_result(w, w->twin, ok);
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
	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->wake, NULL);
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
	if (!w->twin) {
		note_result(w, w->main, desk_journal_write(w->main, a));
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

void journal_writer_settle(JournalWriter *w)
{
	if (!w || !w->twin)
		return;
	pthread_mutex_lock(&w->mu);
	while (w->full || w->writing)
		pthread_cond_wait(&w->idle, &w->mu);
	pthread_mutex_unlock(&w->mu);
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
	pthread_mutex_destroy(&w->mu);
	pthread_cond_destroy(&w->wake);
	pthread_cond_destroy(&w->idle);
	free(w);
}
