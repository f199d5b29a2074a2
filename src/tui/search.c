/*
 * search.c: the archive search on the screen. From the lists, `/` filters titles as one
 * types; Enter then searches the whole archive the person may see (title, lead, body,
 * byline; diacritics optional) and this screen shows the hits best first, two rows each: the
 * title with its state, writer and last change, then a snippet around the first match, the
 * matching words highlighted. Enter opens a hit, `/` or C-f searches again, Esc goes back.
 *
 * The rules (who sees what) are the desk's; this file only draws what desk_search returned.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/when.h"
#include "tui/app.h"
#include "base/banned.h"

#define SEARCH_HITS 100
#define SEARCH_SNIPPET_WORDS 40

typedef struct Search {
	App *app;
	Str query;
	SearchResults r;
	bool loaded;
	size_t sel, top;
} Search;

static void load(Search *s)
{
	DeskSearch q = {str_cstr(&s->query), -1, NULL, 0, SEARCH_HITS};
	if (s->loaded)
		search_results_release(&s->r);
	s->loaded = true;
	s->sel = s->top = 0;
	if (!desk_search(s->app->desk, &q, &s->r))
		app_message(s->app, true, "%s", desk_errmsg(s->app->desk));
}

/* Draws sn from column x on row y within width, marks in the find-match colour. */
static int draw_marked(int y, int x, int width, const Snippet *sn, Slot base)
{
	size_t at = 0;
	int used = 0;
	for (size_t i = 0; i <= sn->nmarks && used < width; i++) {
		size_t end = i < sn->nmarks ? sn->marks[i].start : sn->text.len;
		used += term_put(y, x + used, sn->text.s + at, end - at, width - used, base);
		if (i == sn->nmarks)
			break;
		used += term_put(y, x + used, sn->text.s + end, sn->marks[i].end - end, width - used,
				 SLOT_FIND_MATCH);
		at = sn->marks[i].end;
	}
	return used;
}

static void draw_hit(Search *s, int y, const Article *art, bool sel)
{
	App *a = s->app;
	int cols = term_cols();
	Slot base = sel ? SLOT_SELECTED : SLOT_NORMAL;
	Snippet title, sn;
	Str right = STR_INIT;
	str_addf(&right, "%s · %s · ", state_label(art->state, lang_code(a->lang)),
		 *art->author_name ? art->author_name : art->author);
	when_relative(art->updated_at, when_now(), lang_code(a->lang), &right);
	int rw = (int)utf8_width(right.s, right.len);
	term_fill(y, 0, cols, base);
	search_snippet(&s->r.query, art->title, 1000, &title);
	draw_marked(y, 1, cols - rw - 3, &title, base);
	term_puts(y, cols - rw - 1, right.s, rw, sel ? base : SLOT_DIM);
	term_fill(y + 1, 0, cols, SLOT_NORMAL);
	search_article_snippet(&s->r.query, art, SEARCH_SNIPPET_WORDS, &sn);
	draw_marked(y + 1, 3, cols - 4, &sn, SLOT_DIM);
	snippet_release(&sn);
	snippet_release(&title);
	str_release(&right);
}

static int visible_hits(void)
{
	return (term_rows() - 4) / 2;
}

/* The lists' keys that mean something here: open, search again, help, quit. */
static bool search_offers(void *arg, Command c)
{
	const Search *s = arg;
	if (c == CMD_OPEN)
		return s->r.list.n > 0;
	return c == CMD_SEARCH || c == CMD_HELP || c == CMD_QUIT;
}

static void search_draw(void *arg)
{
	Search *s = arg;
	App *a = s->app;
	char left[300], line[300];
	int cols = term_cols(), rows = visible_hits();
	const User *me = a->me;
	app_format(a, left, sizeof left, S_SEARCH_TITLE, str_cstr(&s->query));
	snprintf(line, sizeof line, "%s · %s", me ? me->name : "",
		 me ? role_label(me->role, lang_code(a->lang)) : "");
	app_title(a, left, line);
	term_fill(1, 0, cols, SLOT_HEADER);
	app_format(a, line, sizeof line, S_SEARCH_COUNT, (int)s->r.list.n);
	term_puts(1, 1, line, cols - 2, SLOT_HEADER);
	if (s->sel < s->top)
		s->top = s->sel;
	if (s->sel >= s->top + (size_t)rows)
		s->top = s->sel - (size_t)rows + 1;
	term_cursor(0, 0, false);
	for (int r = 0; r < rows; r++) {
		size_t i = s->top + (size_t)r;
		if (i < s->r.list.n) {
			draw_hit(s, 2 + 2 * r, &s->r.list.items[i], i == s->sel);
			continue;
		}
		term_fill(2 + 2 * r, 0, cols, SLOT_NORMAL);
		term_fill(3 + 2 * r, 0, cols, SLOT_NORMAL);
		if (r == 0 && s->r.list.n == 0) {
			app_format(a, line, sizeof line, S_SEARCH_NONE, str_cstr(&s->query));
			term_puts(2, 2, line, cols - 3, SLOT_DIM);
		}
	}
	for (int y = 2 + 2 * rows; y < term_rows() - 2; y++)
		term_fill(y, 0, cols, SLOT_NORMAL);
	term_fill(term_rows() - 2, 0, cols, SLOT_NORMAL);
	app_draw_message(a, 0);
	app_keybar(a, SCR_QUEUE, search_offers, s);
}

static void move_sel(Search *s, long delta)
{
	long v = (long)s->sel + delta;
	if (v >= (long)s->r.list.n)
		v = (long)s->r.list.n - 1;
	s->sel = v < 0 ? 0 : (size_t)v;
}

/* Asks for a new query; true if one was given. */
static bool ask(Search *s)
{
	Str q = STR_INIT;
	bool ok = app_prompt(s->app, app_str(s->app, S_ASK_SEARCH), NULL, &q, NULL);
	if (ok && q.len) {
		str_clear(&s->query);
		str_add(&s->query, q.s, q.len);
		load(s);
	}
	str_release(&q);
	term_clear();
	return ok;
}

static void open_hit(Search *s)
{
	App *a = s->app;
	if (!s->r.list.n)
		return;
	editor_run(a, s->r.list.items[s->sel].id);
	a->redraw = search_draw;
	a->redraw_arg = s;
	load(s); /* the text or the state may have changed */
	term_clear();
}

/* Handles one key; false when the screen should close. */
static bool search_key(Search *s, const TermEvent *ev)
{
	int page = visible_hits();
	if (ev->key == K_ESC)
		return false;
	switch (keys_lookup(SCR_QUEUE, ev->key)) {
	case CMD_QUIT: s->app->quit = true; return false;
	case CMD_HELP: app_help(s->app); break;
	case CMD_UP: move_sel(s, -1); break;
	case CMD_DOWN: move_sel(s, 1); break;
	case CMD_PAGE_UP: move_sel(s, -page); break;
	case CMD_PAGE_DOWN: move_sel(s, page); break;
	case CMD_FIRST: move_sel(s, -(long)s->r.list.n); break;
	case CMD_LAST: move_sel(s, (long)s->r.list.n); break;
	case CMD_OPEN: open_hit(s); break;
	case CMD_FILTER:
	case CMD_SEARCH: ask(s); break;
	default: break;
	}
	return true;
}

int search_run(App *a, const char *query)
{
	Search s;
	RedrawFn prev = a->redraw;
	void *prev_arg = a->redraw_arg;
	memset(&s, 0, sizeof s);
	s.app = a;
	str_adds(&s.query, query);
	a->redraw = search_draw;
	a->redraw_arg = &s;
	load(&s);
	term_clear();
	while (!a->quit) {
		if (!app_too_small(a))
			search_draw(&s);
		term_refresh();
		TermEvent ev;
		app_read(a, &ev);
		if (ev.key == K_TICK || ev.key == K_RESIZE || ev.key == K_NONE || ev.key == K_MOUSE)
			continue;
		app_clear_message(a);
		if (!search_key(&s, &ev))
			break;
	}
	search_results_release(&s.r);
	str_release(&s.query);
	a->redraw = prev;
	a->redraw_arg = prev_arg;
	term_clear();
	return 0;
}
