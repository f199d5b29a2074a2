/*
 * queue.c: the article lists. One screen, several views (tabs) chosen by role; columns title,
 * writer, state, last change, words; a filter typed after '/' that ignores diacritics; sort
 * by time (the desk's order: the review queue oldest first) or by title in Vietnamese order.
 *
 * The rows come from rows.c, which holds only those in view and a page around them, reads
 * more as the person scrolls, and keeps the selection by article id across every reading so
 * that a refresh (another reporter submits) never moves the person's place. On every tick the
 * desk's data version says whether anything was written; only then the articles' newest
 * change number says whether an article changed (journal writes and locks change none), and
 * only the articles changed since are read: a hundred thousand articles cost nothing while
 * colleagues type.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/when.h"
#include "base/xalloc.h"
#include "tui/app.h"
#include "tui/check.h"
#include "tui/rows.h"
#include "base/banned.h"

typedef struct ViewTab {
	View view;
	StringId label;
} ViewTab;

static const ViewTab all_tabs[] = {
	{VIEW_MINE, S_VIEW_MINE},           {VIEW_REVIEW, S_VIEW_REVIEW},
	{VIEW_SCHEDULED, S_VIEW_SCHEDULED}, {VIEW_PUBLISHED, S_VIEW_PUBLISHED},
	{VIEW_ALL, S_VIEW_ALL},
};

typedef struct Queue {
	App *app;
	ViewTab tabs[5];
	int ntabs, tab;
	Rows *rows;           /* the rows in view and around them */
	Str filter;           /* as typed */
	bool filtering;       /* keys go to the filter */
	bool by_title;        /* sort by title instead of time */
	int64_t nreturned_mine; /* the person's own drafts sent back with a note (the tab's count) */
	int64_t seen_review;  /* when the review list was last looked at, before this look */
	int64_t nnew_review;  /* review articles that arrived since */
} Queue;

/* Editors see every view; a role that cannot approve others' work sees its own and published. */
static void choose_tabs(Queue *q)
{
	Role role = q->app->me ? q->app->me->role : ROLE_REPORTER;
	bool reviews = workflow_allows(role, false, STATE_REVIEW, ACT_APPROVE);
	q->ntabs = 0;
	for (size_t i = 0; i < sizeof all_tabs / sizeof all_tabs[0]; i++) {
		View v = all_tabs[i].view;
		if (reviews || v == VIEW_MINE || v == VIEW_PUBLISHED)
			q->tabs[q->ntabs++] = all_tabs[i];
	}
}

/* The rows of the list on the screen. */
static int list_rows(void)
{
	return term_rows() - 5;
}

/* The drafts sent back to the person and the review arrivals, that the tabs count. */
static void load_marks(Queue *q)
{
	App *a = q->app;
	q->nreturned_mine = 0;
	q->nnew_review = 0;
	if (a->me && !desk_returned_mine(a->desk, &q->nreturned_mine))
		q->nreturned_mine = 0;
	for (int t = 0; t < q->ntabs; t++) {
		ListQuery lq = {.view = VIEW_REVIEW, .state = -1, .since = q->seen_review + 1};
		if (q->tabs[t].view == VIEW_REVIEW && !desk_list_count(a->desk, &lq, &q->nnew_review))
			q->nnew_review = 0;
	}
}

/* Leaving the review list (another tab, quitting): what is in it now has been seen. */
static void leave_tab(Queue *q)
{
	if (q->tabs[q->tab].view == VIEW_REVIEW && desk_seen_mark(q->app->desk, "review"))
		desk_seen(q->app->desk, "review", &q->seen_review);
}

/* Reads the list again: from its first row when fresh, else where the person was. */
static void load(Queue *q, bool fresh)
{
	rows_define(q->rows, q->tabs[q->tab].view, q->by_title, str_cstr(&q->filter));
	if (!rows_load(q->rows, fresh, list_rows()))
		app_message(q->app, true, "%s", desk_errmsg(q->app->desk));
	load_marks(q);
}

/* Follows what others changed since the last look. */
static void refresh(Queue *q)
{
	bool changed;
	if (!rows_refresh(q->rows, list_rows(), &changed))
		app_message(q->app, true, "%s", desk_errmsg(q->app->desk));
	if (changed)
		load_marks(q); /* returned drafts and review arrivals, for the tabs */
}

/* A move of the selection (rows_move and the like) that says so when reading failed. */
static void moved(Queue *q, bool ok)
{
	if (!ok)
		app_message(q->app, true, "%s", desk_errmsg(q->app->desk));
}

static const Article *selected(const Queue *q)
{
	return rows_selected(q->rows);
}

static Slot state_slot(State s)
{
	switch (s) {
	case STATE_REVIEW: return SLOT_STATE_REVIEW;
	case STATE_SCHEDULED: return SLOT_STATE_SCHEDULED;
	case STATE_PUBLISHED: return SLOT_STATE_PUBLISHED;
	default: return SLOT_STATE_DRAFT;
	}
}

/* Column widths for the terminal width: title takes what is left. */
typedef struct Cols {
	int title, author, state, changed, words;
} Cols;

static Cols columns(int width)
{
	Cols c = {0, 18, 11, 14, 6};
	if (width < 70) {
		c.author = 12;
		c.changed = 0;
	}
	c.title = width - c.author - c.state - c.changed - c.words - 5;
	return c;
}

/*
 * The title cell: "↩" and the first line of the note on a returned draft, "●" on a review
 * article that arrived since the person last looked at the review list.
 */
static void draw_title(Queue *q, int y, int x, const Article *art, bool sel, int w)
{
	Slot base = sel ? SLOT_SELECTED : SLOT_NORMAL;
	const Returned *r = rows_returned(q->rows, art->id);
	int used = 0;
	bool fresh = art->state == STATE_REVIEW && q->tabs[q->tab].view == VIEW_REVIEW &&
		     art->updated_at > q->seen_review;
	if (r || fresh)
		used += term_puts(y, x, r ? "↩ " : "● ", w, sel ? base : SLOT_STATE_REVIEW);
	used += term_puts(y, x + used, art->title, w - used, base);
	if (!r || used + 4 >= w)
		return;
	size_t n = strcspn(r->note, "\n");
	used += term_puts(y, x + used, " — ", w - used, sel ? base : SLOT_DIM);
	term_put(y, x + used, r->note, n, w - used, sel ? base : SLOT_MESSAGE);
}

static void draw_row(Queue *q, int y, const Article *art, bool sel, const Cols *c)
{
	App *a = q->app;
	int cols = term_cols(), x = 1;
	Slot base = sel ? SLOT_SELECTED : SLOT_NORMAL;
	Str t = STR_INIT;
	term_fill(y, 0, cols, base);
	draw_title(q, y, x, art, sel, c->title);
	x += c->title + 1;
	term_puts(y, x, *art->author_name ? art->author_name : art->author, c->author, base);
	x += c->author + 1;
	term_puts(y, x, state_label(art->state, lang_code(a->lang)), c->state,
		  sel ? base : state_slot(art->state));
	x += c->state + 1;
	if (c->changed) {
		int64_t t0 = art->state == STATE_SCHEDULED && art->publish_at ? art->publish_at
									       : art->updated_at;
		when_relative(t0, when_now(), lang_code(a->lang), &t);
		term_puts(y, x, str_cstr(&t), c->changed, sel ? base : SLOT_DIM);
		x += c->changed + 1;
	}
	str_clear(&t);
	str_addf(&t, "%*lld", c->words, (long long)art->words);
	term_puts(y, x, str_cstr(&t), c->words, base);
	str_release(&t);
}

/* "Bài của tôi (2 bị trả)", "Chờ duyệt (3 mới)": what waits for the person. */
static void tab_label(const Queue *q, int i, char *buf, size_t len)
{
	const App *a = q->app;
	const char *name = app_str(a, q->tabs[i].label);
	if (q->tabs[i].view == VIEW_MINE && q->nreturned_mine)
		app_format(a, buf, len, S_TAB_RETURNED, name, q->nreturned_mine);
	else if (q->tabs[i].view == VIEW_REVIEW && q->nnew_review)
		app_format(a, buf, len, S_TAB_NEW, name, q->nnew_review);
	else
		snprintf(buf, len, "%s", name);
}

static void draw_tabs(Queue *q)
{
	int x = 1, cols = term_cols();
	term_fill(1, 0, cols, SLOT_TAB);
	for (int i = 0; i < q->ntabs; i++) {
		Slot s = i == q->tab ? SLOT_TAB_ACTIVE : SLOT_TAB;
		char label[80];
		tab_label(q, i, label, sizeof label);
		x += term_puts(1, x, " ", cols - x, s);
		x += term_puts(1, x, label, cols - x, s);
		x += term_puts(1, x, " ", cols - x, s);
		x += 1;
	}
}

static void draw_header(Queue *q, const Cols *c)
{
	App *a = q->app;
	int x = 1;
	term_fill(2, 0, term_cols(), SLOT_HEADER);
	int w = term_puts(2, x, app_str(a, S_COL_TITLE), c->title, SLOT_HEADER);
	if (q->by_title) /* the list is in alphabetical order */
		term_puts(2, x + w, " ▲", c->title - w, SLOT_HEADER);
	x += c->title + 1;
	term_puts(2, x, app_str(a, S_COL_AUTHOR), c->author, SLOT_HEADER);
	x += c->author + 1;
	term_puts(2, x, app_str(a, S_COL_STATE), c->state, SLOT_HEADER);
	x += c->state + 1;
	if (c->changed) {
		term_puts(2, x, app_str(a, S_COL_CHANGED), c->changed, SLOT_HEADER);
		x += c->changed + 1;
	}
	term_puts(2, x, app_str(a, S_COL_WORDS), c->words, SLOT_HEADER);
}

static void draw_status(Queue *q)
{
	App *a = q->app;
	int y = term_rows() - 2, cols = term_cols(), x = 0;
	char buf[64];
	term_fill(y, 0, cols, SLOT_NORMAL);
	if (rows_count(q->rows) == 1)
		snprintf(buf, sizeof buf, "%s", app_str(a, S_COUNT_ONE));
	else
		app_format(a, buf, sizeof buf, S_COUNT, (int)rows_count(q->rows));
	int bw = (int)utf8_width(buf, strlen(buf));
	term_puts(y, cols - bw - 1, buf, bw, SLOT_DIM);
	if (q->filtering || q->filter.len) {
		x += term_puts(y, 0, app_str(a, S_FILTER), cols, SLOT_MESSAGE);
		x += term_put(y, x, str_cstr(&q->filter), q->filter.len, cols - x - bw - 2, SLOT_NORMAL);
		if (q->filtering) {
			term_cursor(y, x, true);
			x += 2;
			char key[32], hint[128];
			app_key_for(CMD_SEARCH, SCR_QUEUE, key, sizeof key);
			app_format(a, hint, sizeof hint, S_FILTER_HINT, key);
			x += term_puts(y, x, hint, cols - x - bw - 2, SLOT_DIM);
		}
		x += 2;
	}
	app_draw_message(a, x);
}

static bool queue_offers(void *arg, Command c)
{
	Queue *q = arg;
	if (app_command_action(c) != ACT_VIEW)
		return app_may(q->app, selected(q), c);
	if (c == CMD_OPEN)
		return selected(q) != NULL;
	return true;
}

static void queue_draw(void *arg)
{
	Queue *q = arg;
	App *a = q->app;
	char right[160];
	Cols c = columns(term_cols());
	const User *me = a->me;
	snprintf(right, sizeof right, "%s · %s", me ? me->name : "",
		 me ? role_label(me->role, lang_code(a->lang)) : "");
	char left[160];
	snprintf(left, sizeof left, "%s — %s", app_str(a, S_APP), app_str(a, q->tabs[q->tab].label));
	app_title(a, left, right);
	draw_tabs(q);
	draw_header(q, &c);
	int rows = list_rows();
	moved(q, rows_fit(q->rows, rows));
	term_cursor(0, 0, false);
	for (int r = 0; r < rows; r++) {
		const Article *art = rows_shown(q->rows, r);
		if (art) {
			draw_row(q, 3 + r, art, art == selected(q), &c);
			continue;
		}
		term_fill(3 + r, 0, term_cols(), SLOT_NORMAL);
		if (r == 0) {
			char buf[300];
			if (q->filter.len)
				app_format(a, buf, sizeof buf, S_NO_MATCH, str_cstr(&q->filter));
			else
				snprintf(buf, sizeof buf, "%s", app_str(a, S_EMPTY_LIST));
			term_puts(3, 2, buf, term_cols() - 3, SLOT_DIM);
		}
	}
	draw_status(q);
	app_keybar(a, SCR_QUEUE, queue_offers, q);
}

static void switch_tab(Queue *q, int delta)
{
	leave_tab(q);
	q->tab = (q->tab + delta + q->ntabs) % q->ntabs;
	load(q, true);
	term_clear();
}

/* The archive search for the filter's text (or a question when it is empty), then back. */
static void search_from(Queue *q)
{
	App *a = q->app;
	Str text = STR_INIT;
	if (q->filter.len)
		str_add(&text, q->filter.s, q->filter.len);
	else
		app_prompt(a, app_str(a, S_ASK_SEARCH), NULL, &text, NULL);
	if (text.len)
		search_run(a, str_cstr(&text));
	str_release(&text);
	str_clear(&q->filter); /* back to the lists as they were */
	a->redraw = queue_draw;
	a->redraw_arg = q;
	load(q, true);
	term_clear();
}

/*
 * The filter in NFC, as the titles it is matched against are: a paste (or a keyboard) may
 * send a letter and its marks apart, and "Cầu" so sent must find what "Cầu" typed finds.
 */
static void filter_nfc(Queue *q)
{
	Str t = STR_INIT;
	if (utf8_nfc(str_cstr(&q->filter), q->filter.len, &t)) {
		str_release(&q->filter);
		q->filter = t;
	} else {
		str_release(&t);
	}
}

/* The filter line takes text keys; Enter or Down keeps it, Escape clears it. */
static bool filter_key(Queue *q, const TermEvent *ev)
{
	if (!q->filtering)
		return false;
	if (ev->key == K_ESC) {
		str_clear(&q->filter);
		q->filtering = false;
	} else if (keys_lookup(SCR_QUEUE, ev->key) == CMD_SEARCH) { /* beyond titles */
		q->filtering = false;
		search_from(q);
		return true;
	} else if (ev->key == K_ENTER || ev->key == K_DOWN || ev->key == K_UP) {
		q->filtering = false;
		return ev->key != K_ENTER ? false : true;
	} else if (ev->key == K_BS) {
		str_truncate(&q->filter, utf8_prev_grapheme(q->filter.s, q->filter.len, q->filter.len));
	} else if (key_is_text(ev->key)) {
		utf8_add(&q->filter, ev->key);
		filter_nfc(q);
	} else if (ev->key == K_PASTE) {
		for (size_t i = 0; i < ev->len; i++) { /* one line */
			char c = ev->text[i];
			str_addc(&q->filter, c == '\n' || c == '\t' ? ' ' : c);
		}
		filter_nfc(q);
		app_say_bytes(q->app, ev); /* converted from a legacy encoding: say from which */
	} else {
		return false;
	}
	load(q, true);
	return true;
}

static void open_article(Queue *q, int64_t id)
{
	App *a = q->app;
	editor_run(a, id);
	a->redraw = queue_draw;
	a->redraw_arg = q;
	load(q, false);
	term_clear();
}

static void queue_click(Queue *q, const TermEvent *ev)
{
	if (ev->button == 4 || ev->button == 5) {
		moved(q, rows_move(q->rows, ev->button == 4 ? -3 : 3, list_rows()));
		return;
	}
	if (ev->y == 1) { /* a tab */
		int x = 1;
		for (int i = 0; i < q->ntabs; i++) {
			char l[80];
			tab_label(q, i, l, sizeof l);
			int w = (int)utf8_width(l, strlen(l)) + 3;
			if (ev->x >= x && ev->x < x + w) {
				switch_tab(q, i - q->tab);
				return;
			}
			x += w;
		}
		return;
	}
	const Article *art = ev->y >= 3 && ev->y < 3 + list_rows() ? rows_shown(q->rows, ev->y - 3)
								    : NULL;
	if (art && art == selected(q))
		open_article(q, art->id);
	else if (art)
		rows_pick(q->rows, ev->y - 3);
}

/*
 * The errors and warnings the editor would mark in art (its ignored findings left out), so
 * that `s` here asks the same question as submitting from the editor. The checker is made
 * for the question and dropped after it: a list stays open all day while colleagues publish
 * and add words, and the question must know what they did.
 */
static size_t mistakes(Queue *q, int64_t id)
{
	App *a = q->app;
	Article art;
	char **skip = NULL, err[300];
	size_t nskip = 0, n = 0;
	Checker *c = checker_new(a->desk, desk_config(a->desk), lang_code(a->lang), err, sizeof err);
	article_init(&art);
	if (c && desk_get(a->desk, id, &art) && desk_ignored(a->desk, id, &skip, &nskip)) {
		const char *f[] = {art.title, art.sapo, art.body, art.byline, art.section, art.tags};
		for (int i = 0; i < 6; i++)
			checker_count(c, i, f[i], strlen(f[i]));
		for (int i = 0; i < 6; i++)
			n += checker_mistakes(c, i, f[i], i < 3, skip, nskip);
	}
	checker_free(c);
	for (size_t i = 0; i < nskip; i++)
		free(skip[i]);
	free(skip);
	article_release(&art);
	return n;
}

static bool submit_anyway(Queue *q, const Article *art)
{
	char question[200];
	size_t n = mistakes(q, art->id);
	if (!n)
		return true;
	app_format(q->app, question, sizeof question, S_ASK_SUBMIT_MISTAKES, (int)n);
	if (app_ask(q->app, question) == 1)
		return true;
	app_message(q->app, false, "%s", app_str(q->app, S_CANCELLED));
	return false;
}

static void queue_command(Queue *q, Command c)
{
	App *a = q->app;
	const Article *art = selected(q);
	int page = list_rows();
	switch (c) {
	case CMD_QUIT: a->quit = true; break;
	case CMD_HELP: app_help(a); break;
	case CMD_UP: moved(q, rows_move(q->rows, -1, page)); break;
	case CMD_DOWN: moved(q, rows_move(q->rows, 1, page)); break;
	case CMD_PAGE_UP: moved(q, rows_move(q->rows, -page, page)); break;
	case CMD_PAGE_DOWN: moved(q, rows_move(q->rows, page, page)); break;
	case CMD_FIRST: moved(q, rows_first(q->rows, page)); break;
	case CMD_LAST: moved(q, rows_last(q->rows, page)); break;
	case CMD_VIEW_NEXT: switch_tab(q, 1); break;
	case CMD_VIEW_PREV: switch_tab(q, -1); break;
	case CMD_FILTER: q->filtering = true; break;
	case CMD_SEARCH: search_from(q); break;
	case CMD_SORT:
		q->by_title = !q->by_title;
		moved(q, rows_sort(q->rows, q->by_title, page));
		break;
	case CMD_REDRAW: term_repaint(); break;
	case CMD_REFRESH: load(q, false); app_message(a, false, "%s", app_str(a, S_REFRESHED)); break;
	case CMD_NEW: open_article(q, 0); break;
	case CMD_OPEN:
		if (art)
			open_article(q, art->id);
		break;
	default:
		if (app_command_action(c) != ACT_VIEW && art) {
			if (c == CMD_SUBMIT && app_may(a, art, c) && !submit_anyway(q, art))
				break;
			Article copy;
			memset(&copy, 0, sizeof copy); /* article_copy fills a fresh value */
			article_copy(&copy, art);
			if (app_act(a, &copy, c))
				load(q, false);
			article_release(&copy);
		}
	}
}

/* Says so when the person left a new article unsaved (a lost connection, a crash). */
static void say_new_journal(App *a)
{
	Article j;
	int64_t at = 0;
	bool found = false;
	char key[32];
	article_init(&j);
	if (desk_journal_read(a->desk, 0, &j, &at, &found) && found) {
		app_key_for(CMD_NEW, SCR_QUEUE, key, sizeof key);
		app_say(a, false, S_NEW_JOURNAL, key);
	}
	article_release(&j);
}

int queue_run(App *a)
{
	Queue q;
	memset(&q, 0, sizeof q);
	q.app = a;
	q.rows = rows_new(a->desk);
	choose_tabs(&q);
	/* Editors start on the review queue: that is their work. */
	if (q.ntabs > 2)
		q.tab = 1;
	a->redraw = queue_draw;
	a->redraw_arg = &q;
	desk_seen(a->desk, "review", &q.seen_review);
	load(&q, true);
	say_new_journal(a);
	term_clear();
	while (!a->quit) {
		if (!app_too_small(a))
			queue_draw(&q);
		term_refresh();
		TermEvent ev;
		app_read(a, &ev);
		if (ev.key == K_TICK) {
			refresh(&q);
			continue;
		}
		if (ev.key == K_RESIZE || ev.key == K_NONE || app_refuse_small(a, &ev, SCR_QUEUE))
			continue;
		if (ev.key != K_MOUSE)
			app_clear_message(a);
		if (filter_key(&q, &ev))
			continue;
		if (ev.key == K_MOUSE)
			queue_click(&q, &ev);
		else
			queue_command(&q, keys_lookup(SCR_QUEUE, ev.key));
	}
	leave_tab(&q);
	rows_free(q.rows);
	str_release(&q.filter);
	return 0;
}
