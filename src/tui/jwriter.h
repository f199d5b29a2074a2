/*
 * jwriter.h: writes the edit journal and renews the edit lock on a thread of its own, through
 * a second connection to the database, so that a long article's journal, the lock's heartbeat
 * (and the database's occasional flush to disk) never hold up a keystroke. Only the newest
 * text waiting is written: a text handed in while another waits replaces it. Internal to
 * src/tui.
 */
#ifndef TUI_JWRITER_H
#define TUI_JWRITER_H

#include <stdbool.h>

#include "news/article.h"
#include "news/desk.h"

typedef struct JournalWriter JournalWriter;

/* A writer for the desk's actor; when no second connection can be had, it writes at once
 * through d (as before: correct, only slower). */
JournalWriter *journal_writer_new(Desk *d);

/* Hands over *a (the writer owns it now; *a is left empty) to be journaled soon. */
void journal_writer_put(JournalWriter *w, Article *a);

/*
 * Journals *a now without copying it, reading its text during the call only (a few
 * milliseconds for megabytes), when the thread is idle and no other process holds the
 * database; the thread commits it after. False when it could not: nothing was written, and a
 * copy is for journal_writer_put.
 */
bool journal_writer_put_in_place(JournalWriter *w, const Article *a);

/* Waits until everything handed over is written (before a clear, a save or leaving). */
void journal_writer_settle(JournalWriter *w);

/*
 * Renews article id's lock every DESK_LOCK_BEAT seconds from now on (id 0: renews none); call
 * it whenever the lock may have changed hands, it costs nothing when id is the same. False
 * when there is no thread (the caller renews the lock itself).
 */
bool journal_writer_beat(JournalWriter *w, int64_t id);

/* True once for each renewal done since the last call for the current id: *mine false means
 * the row is no longer ours, and *holder (release it) says who has it, if anyone. */
bool journal_writer_beat_result(JournalWriter *w, bool *mine, LockInfo *holder);

/* True once for each failed write since the last call: *busy when another process held the
 * database, msg the reason. */
bool journal_writer_failed(JournalWriter *w, bool *busy, char *msg, size_t len);

/*
 * True when the person's new article (id 0) has been written since the last call, print then
 * getting the print (desk_journal_print) of the text last written: what its journal row holds
 * now, unless another session wrote it since. A text handed over but not written (a failed
 * or pending write) never counts. Settle first to count every write handed over.
 */
bool journal_writer_new_written(JournalWriter *w, uint8_t print[DESK_PRINT_BYTES]);

/* Settles, stops the thread and closes its connection; NULL does nothing. */
void journal_writer_free(JournalWriter *w);

#endif
