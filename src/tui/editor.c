/*
 * editor.c: the editor screen: loading an article into a Doc, turning keys into edits and
 * commands, live checking, saving through the desk, workflow actions, and the loop.
 *
 * Keys are handled in batches: after the first key, whatever else is already waiting (an
 * input method's Backspace-and-letter burst, a fast typist over a slow link) is applied
 * before the screen is drawn once. Checking runs after the batch, on the paragraphs the
 * Doc reports as changed, so a keystroke costs one paragraph of checking.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/when.h"
#include "base/xalloc.h"
#include "spell/spell.h"
#include "tui/editor.h"
#include "base/banned.h"

static Overlay *const *all_overlays(Editor *e, Overlay **buf)
{
	for (int f = 0; f < FIELD_COUNT; f++)
		buf[f] = doc_overlay(e->doc, f);
	return buf;
}

/* Title, sapo and body are sentences; byline, section and tags are names and lists, where a
 * lower-case start is no mistake. */
static bool is_prose(int f)
{
	return f == FIELD_TITLE || f == FIELD_SAPO || f == FIELD_BODY;
}

/* Bytes of changed text checked before the screen looks for keys again: a long paste or a
 * newly opened article is checked in parts, the keys going first. */
#define CHECK_SLICE 4096

/* The changed paragraphs of a field from start, about `budget` bytes of them; the rest is put
 * back as changed. Returns the bytes checked. */
static size_t check_part(Editor *e, FieldId f, size_t s, size_t t, size_t budget)
{
	size_t len;
	const char *text = doc_text(e->doc, f, &len);
	size_t cut = t, from;
	bool mid;
	if (t - s > budget) { /* the paragraph's end past the budget, or a sentence's near it */
		spell_recheck_range(text, len, s + budget, s + budget, SPELL_RECHECK_REACH, &from,
			&cut, &mid);
		cut = cut < t ? cut : t;
	}
	checker_run(e->checker, f, text, len, s, cut, is_prose(f), doc_overlay(e->doc, f));
	if (cut < t) /* the rest from the next word on (or from the cut, inside a word) */
		doc_mark_changed(e->doc, f, text[cut] == ' ' || text[cut] == '\n' ? cut + 1 : cut, t);
	return cut - s + 1;
}

static void start_checker(Editor *e);
static void count_all(Editor *e);

bool editor_check_some(Editor *e)
{
	size_t s, t, budget = CHECK_SLICE;
	Overlay *ovs[FIELD_COUNT];
	bool more = false;
	if (!e->checker_tried) { /* the dictionaries load once the article is on the screen */
		e->checker_tried = true;
		start_checker(e);
		pane_load_ignored(e);
		checker_follow(e->checker, e->doc);
		count_all(e);
	}
	for (int f = 0; f < FIELD_COUNT; f++) {
		while (!more && doc_take_changed(e->doc, f, &s, &t)) {
			size_t done = check_part(e, f, s, t, budget);
			budget = done < budget ? budget - done : 0;
			more = budget == 0;
		}
		if (more)
			break;
	}
	checker_collect(e->checker, all_overlays(e, ovs), FIELD_COUNT);
	for (int f = 0; f < FIELD_COUNT && !more; f++)
		more = doc_has_changed(e->doc, f);
	if (!more && !e->checker_rested) { /* the whole article checked: a reader needs no more */
		e->checker_rested = true;
		checker_rest(e->checker);
	}
	return more;
}

void editor_check_changes(Editor *e)
{
	while (editor_check_some(e))
		;
}

/* The tone tallies of every field afresh (after a load; edits keep them current). */
static void count_all(Editor *e)
{
	size_t len;
	for (int f = 0; f < FIELD_COUNT; f++) {
		const char *text = doc_text(e->doc, f, &len);
		checker_count(e->checker, f, text, len);
	}
}

const char *editor_field_value(const Article *a, FieldId f)
{
	switch (f) {
	case FIELD_TITLE: return a->title;
	case FIELD_SAPO: return a->sapo;
	case FIELD_BODY: return a->body;
	case FIELD_BYLINE: return a->byline;
	case FIELD_SECTION: return a->section;
	default: return a->tags;
	}
}

void editor_article(Editor *e, Article *out)
{
	memset(out, 0, sizeof *out); /* article_copy fills a fresh value */
	article_copy(out, &e->art);
	article_set(&out->title, doc_text(e->doc, FIELD_TITLE, NULL));
	article_set(&out->sapo, doc_text(e->doc, FIELD_SAPO, NULL));
	article_set(&out->body, doc_text(e->doc, FIELD_BODY, NULL));
	article_set(&out->byline, doc_text(e->doc, FIELD_BYLINE, NULL));
	article_set(&out->section, doc_text(e->doc, FIELD_SECTION, NULL));
	article_set(&out->tags, doc_text(e->doc, FIELD_TAGS, NULL));
}

static void load_doc(Editor *e)
{
	for (int f = 0; f < FIELD_COUNT; f++) {
		const char *v = editor_field_value(&e->art, f);
		doc_set_field(e->doc, f, v, strlen(v));
	}
	doc_set_cursor(e->doc, e->art.id ? FIELD_BODY : FIELD_TITLE, 0, false);
}

void editor_load(Editor *e, const Article *a)
{
	Article copy;
	article_copy(&copy, a);
	article_release(&e->art);
	e->art = copy;
	load_doc(e);
	count_all(e);
}

void editor_load_history(Editor *e)
{
	event_list_release(&e->history);
	e->history_stamp++;
	if (e->art.id && !desk_history(e->app->desk, e->art.id, &e->history))
		event_list_release(&e->history);
}

static void start_checker(Editor *e)
{
	App *a = e->app;
	char err[300] = "";
	e->checker = checker_new(a->desk, desk_config(a->desk), lang_code(a->lang), err,
				 sizeof err);
	if (!e->checker)
		app_format(a, e->check_off, sizeof e->check_off, S_CHECK_OFF, err);
	else if (checker_status(e->checker))
		app_format(a, e->check_off, sizeof e->check_off, S_CHECK_OFF,
			   checker_status(e->checker));
	if (e->check_off[0])
		app_message(a, true, "%s", e->check_off);
	if (e->checker)
		e->check_off[0] = '\0'; /* it runs, with less: the message said what is missing */
}

/* ---- saving and actions ---- */

/* The stored text and ours side by side; the user picks how to go on. */
static bool resolve_conflict(Editor *e)
{
	App *a = e->app;
	Article theirs, mine;
	char left[200];
	Str when = STR_INIT;
	bool ok = false;
	article_init(&theirs);
	if (!desk_get(a->desk, e->art.id, &theirs)) {
		app_message(a, true, "%s", app_str(a, S_CONFLICT));
		article_release(&theirs);
		return false;
	}
	when_local(theirs.updated_at, &when);
	app_format(a, left, sizeof left, S_CMP_THEIRS, (int)theirs.version, str_cstr(&when));
	editor_article(e, &mine);
	CompareChoice c = compare_run(a, app_str(a, S_CMP_CONFLICT), left, &theirs,
				      app_str(a, S_CMP_MINE), &mine, true);
	article_release(&mine);
	editor_load_history(e);
	if (c == CMP_THEIRS) {
		editor_load(e, &theirs);
		safety_saved(e, false);
		app_message(a, false, "%s", app_str(a, S_MERGE_THEIRS));
	} else {
		e->art.version = theirs.version; /* the next save goes on top, knowingly */
		e->stored_version = theirs.version;
		if (c == CMP_MINE)
			ok = editor_save(e);
		else
			app_say(a, false, S_MERGE_EDIT, (int)theirs.version);
	}
	str_release(&when);
	article_release(&theirs);
	return ok;
}

/* After a save: the stored article (times, version) and the lock of a new one. */
static void saved(Editor *e, const Article *out, bool fresh)
{
	App *a = e->app;
	int64_t id = out->id;
	doc_mark_saved(e->doc);
	article_release(&e->art);
	article_init(&e->art);
	if (!desk_get(a->desk, id, &e->art)) {
		article_release(&e->art);
		article_copy(&e->art, out);
	}
	if (fresh)
		app_say(a, false, S_CREATED_MSG, (int)id);
	else
		app_say(a, false, e->art.state == STATE_PUBLISHED ? S_SAVED_LIVE : S_SAVED_MSG,
			(int)e->art.version);
	if (fresh) {
		LockInfo other = {0};
		size_t n;
		char *const *ignored = checker_ignored(e->checker, &n);
		e->locked = desk_lock(a->desk, id, false, &other);
		lock_info_release(&other);
		for (size_t i = 0; i < n; i++) /* what was ignored before the first save stays so */
			desk_ignore(a->desk, id, ignored[i]);
	}
	safety_saved(e, fresh);
	editor_load_history(e);
}

static bool refuse_read_only(Editor *e);

bool editor_save(Editor *e)
{
	App *a = e->app;
	Article out;
	if (refuse_read_only(e))
		return false;
	editor_article(e, &out);
	if (!out.title[0]) {
		app_message(a, true, "%s", app_str(a, S_NEED_TITLE));
		article_release(&out);
		return false;
	}
	bool fresh = out.id == 0;
	bool ok = fresh ? desk_create(a->desk, &out, NULL) : desk_save(a->desk, &out, NULL);
	if (ok)
		saved(e, &out, fresh);
	else if (desk_error(a->desk) == DESK_CONFLICT)
		ok = resolve_conflict(e);
	else if (desk_error(a->desk) == DESK_FAILED || desk_error(a->desk) == DESK_BUSY)
		safety_save_failed(e, desk_errmsg(a->desk));
	else
		app_message(a, true, "%s", desk_errmsg(a->desk));
	article_release(&out);
	return ok;
}

/* Errors and warnings still marked in the text; style notes do not hold a submission up. */
static size_t open_mistakes(Editor *e)
{
	size_t n = 0;
	for (int f = 0; f < FIELD_COUNT; f++) {
		const Overlay *o = doc_overlay(e->doc, f);
		for (size_t i = 0; i < overlay_count(o); i++)
			n += overlay_get(o, i)->kind != CHECK_STYLE;
	}
	return n;
}

/*
 * Whether the article is live now, as the store has it: an editor may have published it
 * since it was opened here.
 */
static bool live_now(Editor *e)
{
	Article now;
	bool live = e->art.state == STATE_PUBLISHED;
	if (e->art.id == 0)
		return false;
	article_init(&now);
	if (desk_get(e->app->desk, e->art.id, &now))
		live = now.state == STATE_PUBLISHED;
	article_release(&now);
	return live;
}

/* A save of changes to a live article asks first: the published page changes with it. */
static bool live_save_ok(Editor *e)
{
	App *a = e->app;
	if (!doc_is_dirty(e->doc) || e->read_only || !live_now(e) ||
	    app_ask(a, app_str(a, S_ASK_SAVE_LIVE)) == 1)
		return true;
	app_message(a, false, "%s", app_str(a, S_CANCELLED));
	return false;
}

static void act(Editor *e, Command c)
{
	App *a = e->app;
	if (c == CMD_SUBMIT) /* the question counts the whole text, not what was checked so far */
		editor_check_changes(e);
	size_t mistakes = c == CMD_SUBMIT ? open_mistakes(e) : 0;
	if (mistakes) {
		char q[200];
		app_format(a, q, sizeof q, S_ASK_SUBMIT_MISTAKES, (int)mistakes);
		if (app_ask(a, q) != 1)
			return;
	}
	if (doc_is_dirty(e->doc) && (!live_save_ok(e) || !editor_save(e)))
		return;
	if (!app_act(a, &e->art, c))
		return;
	Article fresh;
	article_init(&fresh);
	if (desk_get(a->desk, e->art.id, &fresh)) {
		article_release(&e->art);
		e->art = fresh;
	} else {
		article_release(&fresh);
	}
	safety_release(e); /* done with it: the writer or another editor may take it now */
	editor_load_history(e);
}

static void save_asked(Editor *e)
{
	if (live_save_ok(e))
		editor_save(e);
}

static void quit(Editor *e)
{
	App *a = e->app;
	if (!doc_is_dirty(e->doc)) {
		e->closed = true;
		return;
	}
	int r = app_ask(a, app_str(a, S_ASK_QUIT));
	if (r == 1 && live_save_ok(e) && editor_save(e))
		e->closed = true;
	else if (r == 0)
		e->closed = e->discard = true;
}

/* ---- clipboard (find and replace are in replace.c) ---- */

static void copy(Editor *e, bool cut)
{
	size_t len = 0;
	const char *t = cut ? doc_cut(e->doc, when_mono_ms(), &len) : doc_copy(e->doc, &len);
	if (!t)
		return;
	term_clipboard(t, len);
	app_say(e->app, false, cut ? S_CUT : S_COPIED, (int)utf8_chars(t, len));
}

static void cycle_input(Editor *e)
{
	ImeMode m = doc_ime(e->doc);
	doc_set_ime(e->doc, m == IME_OFF ? IME_TELEX : m == IME_TELEX ? IME_VNI : IME_OFF);
	e->app->input = doc_ime(e->doc); /* prompts type the same way */
}

static void next_finding(Editor *e)
{
	pane_collect(e);
	if (!e->nitems) {
		app_message(e->app, false, "%s", app_str(e->app, S_NO_FINDING_HERE));
		return;
	}
	FieldId f = doc_field(e->doc);
	size_t off = doc_cursor(e->doc), i = 0;
	while (i < e->nitems && (e->items[i].field < f ||
				 (e->items[i].field == f && e->items[i].span.start <= off)))
		i++;
	pane_jump(e, i < e->nitems ? i : 0);
}

/* ---- keys ---- */

static bool movement(Command c, Move *m)
{
	static const struct {
		Command c;
		Move m;
	} moves[] = {
		{CMD_LEFT, MOVE_LEFT},           {CMD_RIGHT, MOVE_RIGHT},
		{CMD_UP, MOVE_UP},               {CMD_DOWN, MOVE_DOWN},
		{CMD_WORD_LEFT, MOVE_WORD_LEFT}, {CMD_WORD_RIGHT, MOVE_WORD_RIGHT},
		{CMD_PARA_UP, MOVE_PARA_UP},     {CMD_PARA_DOWN, MOVE_PARA_DOWN},
		{CMD_LINE_START, MOVE_HOME},     {CMD_LINE_END, MOVE_END},
		{CMD_PAGE_UP, MOVE_PAGE_UP},     {CMD_PAGE_DOWN, MOVE_PAGE_DOWN},
		{CMD_DOC_START, MOVE_DOC_START}, {CMD_DOC_END, MOVE_DOC_END},
		{CMD_NEXT_FIELD, MOVE_NEXT_FIELD}, {CMD_PREV_FIELD, MOVE_PREV_FIELD},
	};
	for (size_t i = 0; i < sizeof moves / sizeof moves[0]; i++)
		if (moves[i].c == c) {
			*m = moves[i].m;
			return true;
		}
	return false;
}

static bool refuse_read_only(Editor *e)
{
	if (e->read_only && safety_claim(e))
		return false; /* the lock was free: editing starts here */
	if (e->read_only && e->holder.login)
		safety_say_holder(e);
	else if (e->read_only)
		app_message(e->app, true, "%s", app_str(e->app, S_READ_ONLY));
	return e->read_only;
}

/*
 * Enter in the body starts a new paragraph: paragraphs are separated by one blank line, as
 * the checker, the renderers and C-Down see them. On a line that is already empty (a fresh
 * paragraph) it adds nothing, so that Enter never piles up blank lines.
 */
static void new_paragraph(Editor *e, int64_t now)
{
	FieldId f = doc_field(e->doc);
	size_t len = doc_len(e->doc, f), at = doc_cursor(e->doc);
	const char *t = doc_span(e->doc, f, at > 0 ? at - 1 : 0, at + 1); /* the bytes around it */
	bool line_start = at == 0 || t[at - 1] == '\n';
	bool line_end = at == len || t[at] == '\n';
	if (line_start && line_end)
		return;
	doc_insert(e->doc, "\n\n", 2, now);
}

/* True if s[0..len) holds a line break; with paragraphs, only a blank line counts. */
static bool has_break(const char *s, size_t len, bool paragraphs)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '\n' && s[i] != '\r')
			continue;
		if (!paragraphs)
			return true;
		size_t j = i + 1 + (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n');
		while (j < len && (s[j] == ' ' || s[j] == '\t'))
			j++;
		if (j < len && (s[j] == '\n' || s[j] == '\r'))
			return true;
	}
	return false;
}

/*
 * Pasting several lines into a one-line field is refused (it would make one endless line);
 * the lead, one paragraph, takes wrapped lines but not several paragraphs.
 */
static bool paste_fits(Editor *e, const char *s, size_t len)
{
	FieldId f = doc_field(e->doc);
	if (doc_field_multiline(f))
		return true;
	while (len && (s[len - 1] == '\n' || s[len - 1] == '\r' || s[len - 1] == ' '))
		len--;
	size_t i = 0;
	while (i < len && (s[i] == '\n' || s[i] == '\r' || s[i] == ' '))
		i++;
	if (!has_break(s + i, len - i, f == FIELD_SAPO))
		return true;
	app_say(e->app, true, S_PASTE_ONE_LINE, edview_field_label(e, doc_field(e->doc)));
	return false;
}

/* Keys that change the text; false if key is not one. */
static bool edit_key(Editor *e, const TermEvent *ev)
{
	int64_t now = when_mono_ms();
	Key k = ev->key;
	if (!key_is_text(k) && k != K_ENTER && k != K_BS && k != K_DEL && k != K_PASTE)
		return false;
	if (refuse_read_only(e))
		return true;
	if (key_is_text(k))
		doc_type(e->doc, k, now);
	else if (k == K_ENTER && !doc_field_multiline(doc_field(e->doc)))
		doc_move(e->doc, MOVE_NEXT_FIELD, false); /* Enter ends a one-line field */
	else if (k == K_ENTER)
		new_paragraph(e, now);
	else if (k == K_BS)
		doc_backspace(e->doc, now);
	else if (k == K_DEL)
		doc_delete(e->doc, now);
	else if (!paste_fits(e, ev->text, ev->len))
		; /* paste_fits said why */
	else if (!doc_paste_text(e->doc, ev->text, ev->len, now))
		app_message(e->app, true, "%s", doc_errmsg(e->doc));
	else
		app_say_bytes(e->app, ev); /* converted from a legacy encoding: say from which */
	return true;
}

static bool changes_text(Command c)
{
	return c == CMD_UNDO || c == CMD_REDO || c == CMD_CUT || c == CMD_PASTE ||
	       c == CMD_REPLACE || c == CMD_DELETE_WORD || c == CMD_APPLY;
}

static void command(Editor *e, Command c, Key key)
{
	App *a = e->app;
	Move m;
	if (changes_text(c) && refuse_read_only(e))
		return;
	if (movement(c, &m)) {
		doc_move(e->doc, m, false);
		return;
	}
	switch (c) {
	case CMD_QUIT: quit(e); break;
	case CMD_HELP: app_help(a); break;
	case CMD_SAVE: save_asked(e); break;
	case CMD_HISTORY: history_run(e); break;
	case CMD_WRITE_FILE: safety_write_file(e); break;
	case CMD_TAKE_OVER: safety_take_over(e); break;
	case CMD_UNDO: doc_undo(e->doc); break;
	case CMD_REDO: doc_redo(e->doc); break;
	case CMD_CUT: copy(e, true); break;
	case CMD_COPY: copy(e, false); break;
	case CMD_PASTE: doc_paste(e->doc, when_mono_ms()); break;
	case CMD_SELECT_ALL: doc_select_field(e->doc); break;
	case CMD_FIND: editor_find(e, false); break;
	case CMD_FIND_NEXT: editor_find_next(e); break;
	case CMD_REPLACE: editor_find(e, true); break;
	case CMD_GOTO: editor_go_to_line(e); break;
	case CMD_REDRAW: term_repaint(); break;
	case CMD_INPUT: cycle_input(e); break;
	case CMD_NEXT_FINDING: next_finding(e); break;
	case CMD_DELETE_WORD: doc_delete_move(e->doc, MOVE_WORD_LEFT, when_mono_ms()); break;
	case CMD_FOCUS: e->pane_focus = !e->pane_focus; pane_collect(e); break;
	case CMD_LAYOUT:
		e->pane_mode = e->side ? PANE_BELOW : PANE_SIDE;
		term_clear();
		break;
	case CMD_PANE_SHRINK: case CMD_PANE_GROW: {
		int d = c == CMD_PANE_GROW ? 1 : -1;
		if (e->side)
			e->pane_cols += 4 * d;
		else
			e->pane_rows += 2 * d;
		term_clear();
		break;
	}
	case CMD_APPLY:
		pane_collect(e);
		pane_apply(e, pane_item_at_cursor(e), (int)(key_base(key) - '0'));
		break;
	default:
		if (app_command_action(c) != ACT_VIEW)
			act(e, c);
	}
}

/* A shifted movement key extends the selection. */
static bool select_key(Editor *e, Key key)
{
	Move m;
	if (!(key & K_SHIFT) || key_base(key) == K_TAB)
		return false;
	if (!movement(keys_lookup(SCR_EDITOR, key & ~K_SHIFT), &m))
		return false;
	doc_move(e->doc, m, true);
	return true;
}

static void mouse(Editor *e, const TermEvent *ev)
{
	if (ev->button == 4 || ev->button == 5) {
		for (int i = 0; i < 3; i++)
			doc_move(e->doc, ev->button == 4 ? MOVE_UP : MOVE_DOWN, false);
		return;
	}
	if (!edview_click(e, ev->y, ev->x))
		pane_click(e, ev->y, ev->x);
}

static void handle(Editor *e, const TermEvent *ev)
{
	if (ev->key == K_MOUSE) {
		mouse(e, ev);
		return;
	}
	app_clear_message(e->app);
	if (e->pane_focus) {
		Command c = keys_lookup(SCR_PANE, ev->key);
		if (ev->key == K_ESC) {
			e->pane_focus = false;
			return;
		}
		if (pane_command(e, c, ev->key))
			return;
		if (c != CMD_NONE) {
			command(e, c, ev->key);
			return;
		}
		e->pane_focus = false; /* any other key goes back to the text */
	}
	if (select_key(e, ev->key))
		return;
	Command c = keys_lookup(SCR_EDITOR, ev->key);
	if (c != CMD_NONE)
		command(e, c, ev->key);
	else
		edit_key(e, ev);
}

/* ---- drawing and the loop ---- */

static bool editor_offers(void *arg, Command c)
{
	Editor *e = arg;
	if (app_command_action(c) != ACT_VIEW)
		return app_may(e->app, &e->art, c);
	if (c == CMD_APPLY || c == CMD_IGNORE || c == CMD_ADD_WORD || c == CMD_JUMP)
		return e->nitems > 0;
	if (c == CMD_TAKE_OVER)
		return safety_may_take_over(e);
	if (c == CMD_HISTORY)
		return e->art.id != 0;
	if (c == CMD_SAVE || c == CMD_UNDO || c == CMD_INPUT)
		return !e->read_only || desk_may(e->app->desk, &e->art, ACT_EDIT);
	return true;
}

static void show_counters(Editor *e)
{
	e->shown_words = doc_words(e->doc);
	e->shown_chars = doc_chars(e->doc);
	doc_cursor_line(e->doc, &e->shown_line, &e->shown_col);
}

static void editor_draw(void *arg)
{
	Editor *e = arg;
	App *a = e->app;
	char left[300];
	if (!e->typing)
		show_counters(e);
	edview_geometry(e);
	pane_collect(e);
	if (e->art.id)
		snprintf(left, sizeof left, "%s #%lld · %s", app_str(a, S_APP), (long long)e->art.id,
			 state_label(e->art.state, lang_code(a->lang)));
	else
		snprintf(left, sizeof left, "%s · %s", app_str(a, S_APP), app_str(a, S_NEW_ARTICLE));
	const char *who = *e->art.author_name ? e->art.author_name : e->art.author;
	app_title(a, left, who);
	if (!edview_draw_text(e) && e->typing)
		show_counters(e); /* the text changed under a cursor that stayed (a space hanging
				   * past the row's end, a letter given its mark): the position
				   * shown moves, so that every key shows */
	pane_draw(e);
	edview_draw_status(e);
	app_keybar(a, e->pane_focus ? SCR_PANE : SCR_EDITOR, editor_offers, e);
	if (e->pane_focus)
		term_cursor(0, 0, false);
}

static bool open_article(Editor *e, int64_t id)
{
	App *a = e->app;
	article_init(&e->art);
	if (id && !desk_get(a->desk, id, &e->art)) {
		app_message(a, true, "%s", desk_errmsg(a->desk));
		return false;
	}
	if (!id) {
		e->art.state = STATE_DRAFT;
		article_set(&e->art.author, a->me ? a->me->login : "");
		article_set(&e->art.author_name, a->me ? a->me->name : "");
	}
	e->read_only = id && !desk_may(a->desk, &e->art, ACT_EDIT);
	if (e->read_only)
		app_message(a, false, "%s", app_str(a, S_READ_ONLY));
	return true;
}

static void editor_release(Editor *e)
{
	doc_free(e->doc);
	checker_free(e->checker);
	article_release(&e->art);
	event_list_release(&e->history);
	free(e->items);
	free(e->row_item);
	pane_release(e);
	edview_release(e);
	str_release(&e->find);
	str_release(&e->replace);
}

/*
 * Keys first: after a batch of keys the screen is drawn at once; the changed paragraphs are
 * checked when the keys pause for CHECK_PAUSE_MS (or a long change in parts, one part per
 * turn, with a look for keys between), and the findings drawn then.
 */
#define CHECK_PAUSE_MS 60

static void run_loop(Editor *e)
{
	App *a = e->app;
	bool due = true; /* the loaded text is still to be checked */
	int pause = 0;   /* how long the keys must rest before the next part is checked */
	while (!e->closed && !a->quit) {
		if (!app_too_small(a))
			editor_draw(e);
		term_refresh();
		TermEvent ev;
		uint64_t before = doc_version(e->doc);
		app_read_for(a, &ev, due ? pause : APP_TICK_MS);
		if (ev.key == K_TICK && due) {
			e->typing = false; /* the keys rest: the counters catch up */
			due = editor_check_some(e);
			pause = 0; /* the rest of a long change goes on at once, keys first */
			safety_tick(e, false); /* the journal and a save's retries go on meanwhile */
			continue;
		}
		/* Apply every key already waiting before drawing again. Input refused on the way
		 * (a paste that is not UTF-8) is said after the batch, so that a key typed after it
		 * does not wipe the message before it was ever drawn. */
		TermEvent refused = {.bytes = TERM_BYTES_OK};
		for (int n = 0; n < 4096 && ev.key != K_TICK; n++) {
			if (ev.key == K_NONE && ev.bytes != TERM_BYTES_OK)
				refused = ev;
			else if (ev.key != K_RESIZE && ev.key != K_NONE &&
				 !app_refuse_small(a, &ev, e->pane_focus ? SCR_PANE : SCR_EDITOR))
				handle(e, &ev);
			if (e->closed || a->quit)
				break; /* a key typed after closing belongs to the lists */
			term_read(&ev, 0);
		}
		app_say_bytes(a, &refused);
		e->typing = doc_version(e->doc) != before;
		if (e->typing) {
			due = true;
			pause = CHECK_PAUSE_MS;
		}
		safety_tick(e, false);
	}
}

/* The tick inside prompts and questions: the journal and the lock go on. */
static void modal_tick(void *arg)
{
	safety_tick(arg, true);
}

int editor_run(App *a, int64_t id)
{
	Editor e;
	RedrawFn prev = a->redraw;
	void *prev_arg = a->redraw_arg;
	memset(&e, 0, sizeof e);
	e.app = a;
	e.pane_cols = 34;
	e.pane_rows = 7;
	if (!open_article(&e, id)) {
		article_release(&e.art);
		return 1;
	}
	e.doc = doc_new();
	const Config *cfg = desk_config(a->desk);
	doc_set_tone_style(e.doc, cfg && cfg->spell_style && strcmp(cfg->spell_style, "new") == 0
				      ? PLACE_NEW : PLACE_OLD);
	doc_set_ime(e.doc, a->input);
	load_doc(&e);
	editor_load_history(&e);
	/* The checker loads, counts and checks in the loop, after the first screen: keys first. */
	safety_open(&e);
	a->redraw = editor_draw;
	a->redraw_arg = &e;
	a->tick = modal_tick;
	a->tick_arg = &e;
	term_clear();
	run_loop(&e);
	safety_close(&e, e.discard);
	a->tick = NULL;
	a->tick_arg = NULL;
	a->redraw = prev;
	a->redraw_arg = prev_arg;
	editor_release(&e);
	return 0;
}
