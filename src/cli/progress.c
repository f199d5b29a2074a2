/*
 * progress.c: the progress line. The time left is the time taken so far scaled by what
 * remains, which is steady for imports where every file costs about the same.
 */
#include "cli/progress.h"

#include <stdio.h>
#include <unistd.h>

#include "base/when.h"
#include "base/banned.h"

#define BAR_WIDTH 30

void progress_start(Progress *p, const char *what, size_t total)
{
	p->on = isatty(STDERR_FILENO);
	p->what = what;
	p->total = total;
	p->start_ms = when_mono_ms();
	p->last_ms = 0;
}

static void draw(Progress *p, size_t done, int64_t t)
{
	char bar[BAR_WIDTH + 1];
	size_t fill = p->total ? done * BAR_WIDTH / p->total : BAR_WIDTH;
	int64_t left = done ? (t - p->start_ms) * (int64_t)(p->total - done) / (int64_t)done
			    / 1000 : -1;

	for (size_t i = 0; i < BAR_WIDTH; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[BAR_WIDTH] = '\0';
	fprintf(stderr, "\r%s [%s] %zu/%zu", p->what, bar, done, p->total);
	if (left >= 0 && done < p->total)
		fprintf(stderr, ", %lld:%02lld left", (long long)(left / 60), (long long)(left % 60));
	fputs("\033[K", stderr);
	fflush(stderr);
	p->drawn = true;
	p->last_ms = t;
}

void progress_step(Progress *p, size_t done)
{
	int64_t t;

	if (!p->on)
		return;
	t = when_mono_ms();
	if (done == p->total || t - p->last_ms >= 100)
		draw(p, done, t);
}

void progress_clear(Progress *p)
{
	if (!p->on || !p->drawn)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	p->drawn = false;
	p->last_ms = 0;
}
