/*
 * queue.c: the article lists. One screen, several views (tabs) chosen by role; columns title,
 * writer, state, last change, words; a filter typed after '/' that ignores diacritics; sort
 * by time (the desk's order: the review queue oldest first) or by title in Vietnamese order.
 *
 * The list is what desk_list returned; `shown` holds indices into it after filtering and
 * sorting, and the selection is kept by article id across reloads so that a refresh (another
 * reporter submits) never moves the user's place. The desk's data version is polled on every
 * tick; when it moves, the list is loaded again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/when.h"
#include "base/xalloc.h"
#include "tui/app.h"
#include "viet/letter.h"
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
	ArticleList list;
	size_t *shown;        /* indices into list.items, filtered and sorted */
	size_t nshown;
	size_t sel, top;      /* selected row and first visible row, in shown */
	int64_t sel_id;       /* the selected article, kept across reloads */
	Str filter;           /* as typed */
	bool filtering;       /* keys go to the filter */
	bool by_title;        /* sort by title instead of time */
	int64_t version;      /* desk_data_version at the last load */
	char **keys;          /* collation keys of titles (when sorting by title) */
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

static bool matches(const Article *art, const char *folded_filter)
{
	if (!*folded_filter)
		return true;
	Str hay = STR_INIT;
	viet_fold_str(art->title, strlen(art->title), &hay);
	str_addc(&hay, ' ');
	const char *who = art->author_name && *art->author_name ? art->author_name : art->author;
	viet_fold_str(who, strlen(who), &hay);
	bool ok = strstr(str_cstr(&hay), folded_filter) != NULL;
	str_release(&hay);
	return ok;
}

static int by_key(const void *x, const void *y, void *arg)
{
	char **keys = arg;
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	int c = strcmp(keys[i], keys[j]);
	return c ? c : (i < j ? -1 : i > j);
}

static void free_keys(Queue *q)
{
	for (size_t i = 0; q->keys && i < q->list.n; i++)
		free(q->keys[i]);
	free(q->keys);
	q->keys = NULL;
}

/* Rebuilds `shown` from the list, the filter and the sort; keeps the selection by id. */
static void reshow(Queue *q)
{
	Str f = STR_INIT;
	viet_fold_str(str_cstr(&q->filter), q->filter.len, &f);
	free(q->shown);
	q->shown = xcalloc(q->list.n + 1, sizeof *q->shown);
	q->nshown = 0;
	for (size_t i = 0; i < q->list.n; i++)
		if (matches(&q->list.items[i], str_cstr(&f)))
			q->shown[q->nshown++] = i;
	str_release(&f);
	if (q->by_title) {
		free_keys(q);
		q->keys = xcalloc(q->list.n + 1, sizeof *q->keys);
		for (size_t i = 0; i < q->list.n; i++) {
			Str k = STR_INIT;
			const char *t = q->list.items[i].title;
			viet_collate_key(t, strlen(t), &k);
			q->keys[i] = str_detach(&k);
			if (!q->keys[i])
				q->keys[i] = xstrdup("");
		}
		qsort_r(q->shown, q->nshown, sizeof *q->shown, by_key, q->keys);
	}
	q->sel = 0;
	for (size_t i = 0; i < q->nshown; i++)
		if (q->list.items[q->shown[i]].id == q->sel_id)
			q->sel = i;
}

static void load(Queue *q)
{
	ListQuery lq = {q->tabs[q->tab].view, -1, false};
	free_keys(q);
	article_list_release(&q->list);
	q->version = desk_data_version(q->app->desk);
	if (!desk_list(q->app->desk, &lq, &q->list))
		app_message(q->app, true, "%s", desk_errmsg(q->app->desk));
	reshow(q);
}

static const Article *selected(const Queue *q)
{
	return q->nshown ? &q->list.items[q->shown[q->sel]] : NULL;
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

static void draw_row(Queue *q, int y, const Article *art, bool sel, const Cols *c)
{
	App *a = q->app;
	int cols = term_cols(), x = 1;
	Slot base = sel ? SLOT_SELECTED : SLOT_NORMAL;
	Str t = STR_INIT;
	term_fill(y, 0, cols, base);
	term_puts(y, x, art->title, c->title, base);
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

static void draw_tabs(Queue *q)
{
	int x = 1, cols = term_cols();
	term_fill(1, 0, cols, SLOT_TAB);
	for (int i = 0; i < q->ntabs; i++) {
		Slot s = i == q->tab ? SLOT_TAB_ACTIVE : SLOT_TAB;
		const char *label = app_str(q->app, q->tabs[i].label);
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

static int list_rows(void)
{
	return term_rows() - 5;
}

static void draw_status(Queue *q)
{
	App *a = q->app;
	int y = term_rows() - 2, cols = term_cols(), x = 0;
	char buf[64];
	term_fill(y, 0, cols, SLOT_NORMAL);
	app_format(a, buf, sizeof buf, S_COUNT, (int)q->nshown);
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
	if (q->sel < q->top)
		q->top = q->sel;
	if (q->sel >= q->top + (size_t)rows)
		q->top = q->sel - (size_t)rows + 1;
	term_cursor(0, 0, false);
	for (int r = 0; r < rows; r++) {
		size_t i = q->top + (size_t)r;
		if (i < q->nshown) {
			draw_row(q, 3 + r, &q->list.items[q->shown[i]], i == q->sel, &c);
			continue;
		}
		term_fill(3 + r, 0, term_cols(), SLOT_NORMAL);
		if (r == 0 && q->nshown == 0) {
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

static void move_sel(Queue *q, long delta)
{
	long s = (long)q->sel + delta;
	if (s >= (long)q->nshown)
		s = (long)q->nshown - 1;
	if (s < 0)
		s = 0;
	q->sel = (size_t)s;
	const Article *art = selected(q);
	q->sel_id = art ? art->id : 0;
}

static void switch_tab(Queue *q, int delta)
{
	q->tab = (q->tab + delta + q->ntabs) % q->ntabs;
	q->sel_id = 0;
	q->top = 0;
	load(q);
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
	q->sel_id = 0;
	load(q);
	term_clear();
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
	} else if (ev->key == K_PASTE) {
		str_add(&q->filter, ev->text, ev->len);
	} else {
		return false;
	}
	q->sel_id = 0;
	reshow(q);
	return true;
}

static void open_article(Queue *q, int64_t id)
{
	App *a = q->app;
	editor_run(a, id);
	a->redraw = queue_draw;
	a->redraw_arg = q;
	load(q);
	term_clear();
}

static void queue_click(Queue *q, const TermEvent *ev)
{
	if (ev->button == 4 || ev->button == 5) {
		move_sel(q, ev->button == 4 ? -3 : 3);
		return;
	}
	if (ev->y == 1) { /* a tab */
		int x = 1;
		for (int i = 0; i < q->ntabs; i++) {
			const char *l = app_str(q->app, q->tabs[i].label);
			int w = (int)utf8_width(l, strlen(l)) + 3;
			if (ev->x >= x && ev->x < x + w) {
				switch_tab(q, i - q->tab);
				return;
			}
			x += w;
		}
		return;
	}
	size_t row = q->top + (size_t)(ev->y - 3);
	if (ev->y < 3 || row >= q->nshown)
		return;
	if (row == q->sel)
		open_article(q, selected(q)->id);
	else
		move_sel(q, (long)row - (long)q->sel);
}

static void queue_command(Queue *q, Command c)
{
	App *a = q->app;
	const Article *art = selected(q);
	int page = list_rows();
	switch (c) {
	case CMD_QUIT: a->quit = true; break;
	case CMD_HELP: app_help(a); break;
	case CMD_UP: move_sel(q, -1); break;
	case CMD_DOWN: move_sel(q, 1); break;
	case CMD_PAGE_UP: move_sel(q, -page); break;
	case CMD_PAGE_DOWN: move_sel(q, page); break;
	case CMD_FIRST: move_sel(q, -(long)q->nshown); break;
	case CMD_LAST: move_sel(q, (long)q->nshown); break;
	case CMD_VIEW_NEXT: switch_tab(q, 1); break;
	case CMD_VIEW_PREV: switch_tab(q, -1); break;
	case CMD_FILTER: q->filtering = true; break;
	case CMD_SEARCH: search_from(q); break;
	case CMD_SORT: q->by_title = !q->by_title; reshow(q); break;
	case CMD_REFRESH: load(q); app_message(a, false, "%s", app_str(a, S_REFRESHED)); break;
	case CMD_NEW: open_article(q, 0); break;
	case CMD_OPEN:
		if (art)
			open_article(q, art->id);
		break;
	default:
		if (app_command_action(c) != ACT_VIEW && art) {
			Article copy;
			memset(&copy, 0, sizeof copy); /* article_copy fills a fresh value */
			article_copy(&copy, art);
			if (app_act(a, &copy, c))
				load(q);
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
	choose_tabs(&q);
	/* Editors start on the review queue: that is their work. */
	if (q.ntabs > 2)
		q.tab = 1;
	a->redraw = queue_draw;
	a->redraw_arg = &q;
	load(&q);
	say_new_journal(a);
	term_clear();
	while (!a->quit) {
		if (!app_too_small(a))
			queue_draw(&q);
		term_refresh();
		TermEvent ev;
		app_read(a, &ev);
		if (ev.key == K_TICK) {
			if (desk_data_version(a->desk) != q.version)
				load(&q);
			continue;
		}
		if (ev.key == K_RESIZE || ev.key == K_NONE)
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
	free_keys(&q);
	free(q.shown);
	str_release(&q.filter);
	article_list_release(&q.list);
	return 0;
}
