/*
 * diff.c: the token diff. After trimming the common head and tail, the middle is compared
 * with the greedy shortest-edit-script algorithm on the edit graph, keeping one frontier
 * array per edit distance so the path can be walked back. Memory grows with (N+M) times the
 * number of edits D (the frontiers hold 1, 3, 5 ... 2D+1 entries), which is small for the edits people make to an article; past a budget the
 * middle is reported as one deletion and one insertion rather than using unbounded memory.
 */
#include "base/diff.h"

#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/xalloc.h"
#include "base/banned.h"

typedef struct Tok {
	const char *s;
	size_t len;
} Tok;

typedef struct Toks {
	Tok *t;
	size_t n, cap;
} Toks;

enum { KIND_WORD, KIND_SPACE, KIND_OTHER };

static int kind_at(const char *s, size_t len, size_t i, size_t *n)
{
	int32_t cp;
	*n = utf8_decode(s + i, len - i, &cp);
	if (*n == 0) {
		*n = 1;
		return KIND_OTHER;
	}
	if (utf8_is_letter(cp) || (cp >= '0' && cp <= '9') || (cp >= 0x300 && cp < 0x370))
		return KIND_WORD;
	if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r')
		return KIND_SPACE;
	return KIND_OTHER;
}

static void tokenize(const char *s, size_t len, Toks *out)
{
	size_t i = 0, n;

	while (i < len) {
		size_t start = i;
		int k = kind_at(s, len, i, &n);
		i += n;
		if (k != KIND_OTHER)
			while (i < len && kind_at(s, len, i, &n) == k)
				i += n;
		xgrow(&out->t, &out->cap, out->n + 1, sizeof(*out->t));
		out->t[out->n++] = (Tok){s + start, i - start};
	}
}

static bool same(const Tok *a, const Tok *b)
{
	return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

static void emit(Diff *d, DiffOp op, const Tok *t)
{
	DiffRun *last = d->n ? &d->runs[d->n - 1] : NULL;
	if (last && last->op == op && last->s + last->len == t->s) {
		last->len += t->len;
		return;
	}
	xgrow(&d->runs, &d->cap, d->n + 1, sizeof(*d->runs));
	d->runs[d->n++] = (DiffRun){op, t->s, t->len};
}

/* Edit operations in reverse order, filled by the backtrack. */
typedef struct Step {
	DiffOp op;
	size_t i; /* index into a (SAME, DEL) or b (INS) */
} Step;

#define DIFF_BUDGET (64u * 1024 * 1024 / sizeof(long))

static bool myers(const Tok *a, long n, const Tok *b, long m, Diff *out)
{
	long max = n + m, off = max + 1, d, k, x, y;
	long **trace = xcalloc((size_t)max + 1, sizeof(*trace));
	long *v = xcalloc((size_t)(2 * max + 3), sizeof(*v));
	size_t used = 0;
	bool found = false;

	for (d = 0; d <= max && !found; d++) {
		for (k = -d; k <= d; k += 2) {
			if (k == -d || (k != d && v[off + k - 1] < v[off + k + 1]))
				x = v[off + k + 1];
			else
				x = v[off + k - 1] + 1;
			y = x - k;
			while (x < n && y < m && same(&a[x], &b[y]))
				x++, y++;
			v[off + k] = x;
			if (x >= n && y >= m) {
				found = true;
				break;
			}
		}
		/* Keep only the diagonals -d..d reached at this distance. */
		used += (size_t)(2 * d + 1);
		trace[d] = xmalloc((size_t)(2 * d + 1) * sizeof(long));
		memcpy(trace[d], v + off - d, (size_t)(2 * d + 1) * sizeof(long));
		if (used > DIFF_BUDGET && !found)
			break;
	}
	if (found) {
		Step *steps = xmalloc((size_t)(n + m + 1) * sizeof(*steps));
		size_t ns = 0;
		long dd = d - 1; /* the loop stepped past the distance it finished at */
		x = n, y = m;
		for (; dd > 0; dd--) {
			/* trace[dd - 1][j] is diagonal j - (dd - 1) */
			long *pv = trace[dd - 1] + (dd - 1), prev_k, px, py;
			k = x - y;
			if (k == -dd || (k != dd && pv[k - 1] < pv[k + 1]))
				prev_k = k + 1;
			else
				prev_k = k - 1;
			px = pv[prev_k];
			py = px - prev_k;
			while (x > px && y > py)
				steps[ns++] = (Step){DIFF_SAME, (size_t)--x}, y--;
			if (x == px)
				steps[ns++] = (Step){DIFF_INS, (size_t)--y};
			else
				steps[ns++] = (Step){DIFF_DEL, (size_t)--x};
		}
		while (x > 0)
			steps[ns++] = (Step){DIFF_SAME, (size_t)--x}, y--;
		for (size_t i = ns; i-- > 0;)
			emit(out, steps[i].op, steps[i].op == DIFF_INS ? &b[steps[i].i] : &a[steps[i].i]);
		free(steps);
	}
	for (long i = 0; i <= max; i++)
		free(trace[i]);
	free(trace);
	free(v);
	return found;
}

void diff_words(const char *a, size_t alen, const char *b, size_t blen, Diff *out)
{
	Toks ta = {0}, tb = {0};
	size_t head = 0, tail = 0;

	tokenize(a, alen, &ta);
	tokenize(b, blen, &tb);
	while (head < ta.n && head < tb.n && same(&ta.t[head], &tb.t[head]))
		emit(out, DIFF_SAME, &ta.t[head++]);
	while (tail < ta.n - head && tail < tb.n - head &&
	       same(&ta.t[ta.n - 1 - tail], &tb.t[tb.n - 1 - tail]))
		tail++;
	if (!myers(ta.t + head, (long)(ta.n - head - tail), tb.t + head,
		   (long)(tb.n - head - tail), out)) {
		for (size_t i = head; i < ta.n - tail; i++)
			emit(out, DIFF_DEL, &ta.t[i]);
		for (size_t i = head; i < tb.n - tail; i++)
			emit(out, DIFF_INS, &tb.t[i]);
	}
	for (size_t i = ta.n - tail; i < ta.n; i++)
		emit(out, DIFF_SAME, &ta.t[i]);
	free(ta.t);
	free(tb.t);
}

void diff_release(Diff *d)
{
	free(d->runs);
	memset(d, 0, sizeof(*d));
}
