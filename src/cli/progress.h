/*
 * progress.h: a progress line on standard error for long commands: a bar, the count done and
 * the time left. It draws only when standard error is a terminal and is quiet otherwise, so
 * logs and pipes never get carriage returns. Redrawn at most ten times a second.
 */
#ifndef CLI_PROGRESS_H
#define CLI_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct Progress {
	bool on;           /* standard error is a terminal */
	bool drawn;        /* a line is on screen now */
	const char *what;  /* "checking", "importing" */
	size_t total;      /* how many steps in this phase */
	int64_t start_ms;  /* when the phase started */
	int64_t last_ms;   /* when the line was last drawn */
} Progress;

/* Starts a phase of total steps; draws nothing yet. */
void progress_start(Progress *p, const char *what, size_t total);

/* Says done steps of the phase are finished (redrawn when due, or always when done == total). */
void progress_step(Progress *p, size_t done);

/* Erases the line, so that a message can be printed; the next step draws it again. */
void progress_clear(Progress *p);

#endif
