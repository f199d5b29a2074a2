/*
 * doc.c: a Doc is six Fields (a gap buffer each, with its layout and spans), one focus, one
 * selection (an anchor in the focused field; the cursor is the other end), one undo log for the
 * whole article (each edit names its field, so undo can jump to where the change was), the
 * input method and an internal clipboard.
 *
 * Every change of text goes through apply_change, which keeps the invariants together: the
 * buffer is NFC, the layout (when built) matches the text, spans have followed the edit, the
 * changed range covers the edit, and the cursor lies on a grapheme boundary. Typing records
 * undo edits through doc_edit; undo and redo splice the recorded bytes back through
 * apply_change too, so spans and layout follow them as well.
 */
#include "edit/doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/xalloc.h"
#include "edit/doc_impl.h"
#include "edit/find.h"
#include "base/banned.h"

static const struct {
	const char *name;
	bool multi;
} field_info[FIELD_COUNT] = {
#define DOC_FIELD_INFO(id, name, multi) [id] = {name, multi},
	DOC_FIELDS(DOC_FIELD_INFO)
#undef DOC_FIELD_INFO
};

const char *doc_field_name(FieldId f)
{
	return f < FIELD_COUNT ? field_info[f].name : "";
}

bool doc_field_multiline(FieldId f)
{
	return f < FIELD_COUNT && field_info[f].multi;
}

Doc *doc_new(void)
{
	Doc *d = xcalloc(1, sizeof(*d));

	for (int i = 0; i < FIELD_COUNT; i++) {
		d->f[i].buf = buffer_new();
		d->f[i].layout = layout_new();
		d->f[i].spans = overlay_new();
		d->f[i].width = 80;
		d->f[i].page = 20;
	}
	d->undo = undo_new();
	d->saved = undo_state(d->undo);
	d->ime = ime_new(IME_OFF, PLACE_OLD);
	d->goal = -1;
	return d;
}

void doc_free(Doc *d)
{
	if (!d)
		return;
	for (int i = 0; i < FIELD_COUNT; i++) {
		buffer_free(d->f[i].buf);
		layout_free(d->f[i].layout);
		overlay_free(d->f[i].spans);
	}
	undo_free(d->undo);
	ime_free(d->ime);
	str_release(&d->clip);
	free(d);
}

const char *doc_errmsg(const Doc *d)
{
	return d->err;
}

const char *doc_text(Doc *d, FieldId f, size_t *len)
{
	if (len)
		*len = buffer_len(d->f[f].buf);
	return buffer_text(d->f[f].buf);
}

const char *doc_span(Doc *d, FieldId f, size_t start, size_t end)
{
	return buffer_span(d->f[f].buf, start, end);
}

size_t doc_len(const Doc *d, FieldId f)
{
	return buffer_len(d->f[f].buf);
}

const Layout *doc_field_layout(Doc *d, FieldId f)
{
	Field *fl = &d->f[f];

	if (!fl->layout_ok) {
		layout_build(fl->layout, buffer_text(fl->buf), buffer_len(fl->buf), fl->width);
		fl->layout_ok = true;
	}
	return fl->layout;
}

/* Line breaks as the field wants them ("\r\n" and "\r" become "\n", or a space in a
 * one-paragraph field); other control characters but the tab are dropped. */
static void clean_input(const char *s, size_t len, bool multi, Str *out)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\r' && i + 1 < len && s[i + 1] == '\n')
			continue;
		if (c == '\r' || c == '\n')
			str_addc(out, multi ? '\n' : ' ');
		else if (c == '\t' || (c >= 0x20 && c != 0x7F))
			str_addc(out, (char)c);
	}
}

static size_t map_start(size_t x, size_t pos, size_t old_len, size_t new_len)
{
	if (x <= pos)
		return x;
	return x >= pos + old_len ? x - old_len + new_len : pos;
}

static size_t map_end(size_t x, size_t pos, size_t old_len, size_t new_len)
{
	if (x <= pos)
		return x;
	return x >= pos + old_len ? x - old_len + new_len : pos + new_len;
}

/* Follows a change of field f's bytes: spans, layout, changed range, anchor. */
static void after_change(Doc *d, FieldId f, size_t pos, size_t old_len, size_t new_len)
{
	Field *fl = &d->f[f];

	overlay_edit(fl->spans, pos, old_len, new_len);
	doc_line_after(d, f, pos);
	if (fl->layout_ok) { /* the layout reads the lines the edit touched, no more */
		size_t ls = buffer_line_start(fl->buf, pos), len = buffer_len(fl->buf);
		size_t le = buffer_line_end(fl->buf, pos + new_len);
		const char *t = buffer_span(fl->buf, ls, le < len ? le + 1 : len);
		layout_update(fl->layout, t, len, pos, old_len, new_len);
	}
	if (!fl->changed) {
		fl->ch_start = pos;
		fl->ch_end = pos + new_len;
		fl->changed = true;
	} else {
		fl->ch_start = map_start(fl->ch_start, pos, old_len, new_len);
		fl->ch_end = map_end(fl->ch_end, pos, old_len, new_len);
		if (pos < fl->ch_start)
			fl->ch_start = pos;
		if (pos + new_len > fl->ch_end)
			fl->ch_end = pos + new_len;
	}
	if (f == d->cur && d->has_anchor)
		d->anchor = map_start(d->anchor, pos, old_len, new_len);
}

/*
 * Replaces [start, end) of field f with text (cleaned and normalised), records it in the undo
 * log as `kind`, and puts f's cursor after the new text. The selection is dropped.
 */
/* True if text has nothing clean_input would change (the usual case: no copy is made). */
static bool is_clean(const char *s, size_t len, bool multi)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t' && !(c == '\n' && multi)) || c == 0x7F)
			return false;
	}
	return true;
}

static bool doc_edit(Doc *d, FieldId f, size_t start, size_t end, const char *text, size_t len,
		     UndoKind kind, int64_t now_ms)
{
	Field *fl = &d->f[f];
	Str clean = STR_INIT, old = STR_INIT;
	BufferChange ch;
	UndoEdit e;
	size_t bad = 0;
	size_t ls, le;

	if (!is_clean(text, len, field_info[f].multi)) {
		clean_input(text, len, field_info[f].multi, &clean);
		text = str_cstr(&clean);
		len = clean.len;
	}
	doc_count_out(d, f, start, end, &ls, &le);
	doc_line_before(d, f, start);
	if (!buffer_replace(fl->buf, start, end, text, len, &ch, &old)) {
		doc_count_in(d, f, ls, le);
		utf8_valid(text, len, &bad);
		snprintf(d->err, sizeof(d->err), "invalid UTF-8 in the input at byte %zu", bad);
		str_release(&clean);
		return false;
	}
	d->err[0] = '\0';
	doc_count_in(d, f, ls, le - ch.old_len + ch.new_len);
	if (ch.old_len || ch.new_len) {
		/* the undo log keeps the old bytes; the new ones stay in the buffer */
		e = (UndoEdit){(int)f, ch.pos, old.s, ch.old_len, NULL, ch.new_len, fl->cursor,
			       ch.cursor};
		undo_record(d->undo, &e, kind, now_ms);
		after_change(d, f, ch.pos, ch.old_len, ch.new_len);
	}
	fl->cursor = ch.cursor;
	if (f == d->cur)
		d->has_anchor = false;
	d->goal = -1;
	str_release(&clean);
	str_release(&old);
	return true;
}

bool doc_set_field(Doc *d, FieldId f, const char *text, size_t len)
{
	Field *fl = &d->f[f];
	Str clean = STR_INIT;
	bool ok;

	if (!utf8_valid(text, len, NULL)) {
		size_t bad = 0;
		utf8_valid(text, len, &bad);
		snprintf(d->err, sizeof(d->err), "invalid UTF-8 in the %s at byte %zu",
			 field_info[f].name, bad);
		return false;
	}
	clean_input(text, len, field_info[f].multi, &clean);
	ok = buffer_replace(fl->buf, 0, buffer_len(fl->buf), str_cstr(&clean), clean.len, NULL,
			    NULL);
	str_release(&clean);
	if (!ok)
		return false;
	undo_clear(d->undo);
	d->saved = undo_state(d->undo);
	overlay_clear(fl->spans);
	fl->layout_ok = false;
	doc_count_field(d, f);
	doc_line_reset(d, f);
	fl->cursor = 0;
	fl->changed = true;
	fl->ch_start = 0;
	fl->ch_end = buffer_len(fl->buf);
	if (f == d->cur)
		d->has_anchor = false;
	ime_reset(d->ime);
	return true;
}

bool doc_is_dirty(const Doc *d)
{
	return undo_state(d->undo) != d->saved;
}

void doc_mark_saved(Doc *d)
{
	undo_break(d->undo);
	d->saved = undo_state(d->undo);
}

FieldId doc_field(const Doc *d)
{
	return d->cur;
}

size_t doc_cursor(const Doc *d)
{
	return d->f[d->cur].cursor;
}

bool doc_selection(const Doc *d, size_t *start, size_t *end)
{
	size_t c = d->f[d->cur].cursor;

	if (!d->has_anchor || d->anchor == c)
		return false;
	*start = d->anchor < c ? d->anchor : c;
	*end = d->anchor < c ? c : d->anchor;
	return true;
}

/* ---- editing ---- */

/* Deletes the selection as an undo step of its own; false if there is none. */
static bool delete_selection(Doc *d, int64_t now_ms)
{
	size_t s, e;

	if (!doc_selection(d, &s, &e))
		return false;
	undo_break(d->undo);
	doc_edit(d, d->cur, s, e, "", 0, UNDO_OTHER, now_ms);
	undo_break(d->undo);
	return true;
}

bool doc_insert(Doc *d, const char *text, size_t len, int64_t now_ms)
{
	size_t s, e;

	if (!utf8_valid(text, len, NULL))
		return doc_edit(d, d->cur, 0, 0, text, len, UNDO_INSERT, now_ms);
	if (doc_selection(d, &s, &e)) {
		undo_break(d->undo);
		ime_reset(d->ime);
		return doc_edit(d, d->cur, s, e, text, len, UNDO_INSERT, now_ms);
	}
	s = d->f[d->cur].cursor;
	return doc_edit(d, d->cur, s, s, text, len, UNDO_INSERT, now_ms);
}

/* Bytes before the cursor the input method is shown: many times its longest word. */
#define IME_LOOK_BACK 256

bool doc_type(Doc *d, int32_t key, int64_t now_ms)
{
	char buf[4];
	size_t n, len, c;
	const char *text;
	ImeEdit e;

	if (ime_mode(d->ime) == IME_OFF) {
		n = utf8_encode(key, buf);
		return n > 0 && doc_insert(d, buf, n, now_ms);
	}
	delete_selection(d, now_ms);
	c = d->f[d->cur].cursor;
	/* the input method looks at the word before the cursor: a line's end of it is plenty */
	len = buffer_line_start(d->f[d->cur].buf, c);
	if (c - len > IME_LOOK_BACK)
		len = buffer_prev_grapheme(d->f[d->cur].buf, c - IME_LOOK_BACK);
	text = buffer_span(d->f[d->cur].buf, len, c);
	ime_key(d->ime, text + len, c - len, key, &e);
	if (e.del > c)
		e.del = c;
	return doc_edit(d, d->cur, c - e.del, c, e.ins, e.ins_len, UNDO_INSERT, now_ms);
}

bool doc_paste_text(Doc *d, const char *text, size_t len, int64_t now_ms)
{
	size_t s, e;
	bool ok;

	if (!doc_selection(d, &s, &e))
		s = e = d->f[d->cur].cursor;
	undo_break(d->undo);
	ime_reset(d->ime);
	ok = doc_edit(d, d->cur, s, e, text, len, UNDO_OTHER, now_ms);
	undo_break(d->undo);
	return ok;
}

bool doc_paste(Doc *d, int64_t now_ms)
{
	if (!d->clip_set || d->clip.len == 0)
		return false;
	return doc_paste_text(d, d->clip.s, d->clip.len, now_ms);
}

bool doc_backspace(Doc *d, int64_t now_ms)
{
	Field *fl = &d->f[d->cur];
	size_t p;

	if (delete_selection(d, now_ms))
		return true;
	if (fl->cursor == 0)
		return false;
	p = buffer_prev_grapheme(fl->buf, fl->cursor);
	return doc_edit(d, d->cur, p, fl->cursor, "", 0, UNDO_BACKSPACE, now_ms);
}

bool doc_delete(Doc *d, int64_t now_ms)
{
	Field *fl = &d->f[d->cur];
	size_t p;

	if (delete_selection(d, now_ms))
		return true;
	if (fl->cursor >= buffer_len(fl->buf))
		return false;
	p = buffer_next_grapheme(fl->buf, fl->cursor);
	return doc_edit(d, d->cur, fl->cursor, p, "", 0, UNDO_DELETE, now_ms);
}

bool doc_delete_move(Doc *d, Move m, int64_t now_ms)
{
	Field *fl = &d->f[d->cur];
	FieldId tf;
	size_t to, c = fl->cursor;

	if (delete_selection(d, now_ms))
		return true;
	doc_move_target(d, m, &tf, &to);
	if (tf != d->cur)
		to = tf < d->cur ? 0 : buffer_len(fl->buf);
	if (to == c)
		return false;
	undo_break(d->undo);
	if (to < c)
		doc_edit(d, d->cur, to, c, "", 0, UNDO_OTHER, now_ms);
	else
		doc_edit(d, d->cur, c, to, "", 0, UNDO_OTHER, now_ms);
	undo_break(d->undo);
	return true;
}

bool doc_replace_range(Doc *d, FieldId f, size_t start, size_t end, const char *text,
		       size_t len, int64_t now_ms)
{
	bool ok;

	undo_break(d->undo);
	ime_reset(d->ime);
	if (f != d->cur) {
		d->has_anchor = false;
		d->cur = f;
	}
	ok = doc_edit(d, f, start, end, text, len, UNDO_OTHER, now_ms);
	undo_break(d->undo);
	return ok;
}

const char *doc_copy(Doc *d, size_t *len)
{
	size_t s, e;

	if (!doc_selection(d, &s, &e))
		return NULL;
	str_clear(&d->clip);
	buffer_read(d->f[d->cur].buf, s, e, &d->clip);
	d->clip_set = true;
	*len = d->clip.len;
	return d->clip.s;
}

const char *doc_cut(Doc *d, int64_t now_ms, size_t *len)
{
	const char *s = doc_copy(d, len);

	if (s)
		delete_selection(d, now_ms);
	return s;
}

const char *doc_clipboard(const Doc *d, size_t *len)
{
	if (!d->clip_set || d->clip.len == 0)
		return NULL;
	*len = d->clip.len;
	return d->clip.s;
}

/* ---- undo ---- */

static void focus(Doc *d, FieldId f, size_t cursor)
{
	d->cur = f;
	d->f[f].cursor = cursor;
	d->has_anchor = false;
	d->goal = -1;
	ime_reset(d->ime);
}

bool doc_undo(Doc *d)
{
	const UndoEdit *e;
	size_t n = undo_undo(d->undo, &e);

	for (size_t i = n; i > 0; i--) {
		const UndoEdit *u = &e[i - 1];
		size_t ls, le;
		undo_keep_new(d->undo, u,
			      buffer_span(d->f[u->field].buf, u->pos, u->pos + u->new_len) + u->pos);
		doc_count_out(d, (FieldId)u->field, u->pos, u->pos + u->new_len, &ls, &le);
		doc_line_before(d, (FieldId)u->field, u->pos);
		buffer_splice(d->f[u->field].buf, u->pos, u->new_len, u->old_text, u->old_len);
		doc_count_in(d, (FieldId)u->field, ls, le - u->new_len + u->old_len);
		after_change(d, (FieldId)u->field, u->pos, u->new_len, u->old_len);
	}
	if (n)
		focus(d, (FieldId)e[0].field, e[0].cursor_before);
	return n > 0;
}

bool doc_redo(Doc *d)
{
	const UndoEdit *e;
	size_t n = undo_redo(d->undo, &e);

	for (size_t i = 0; i < n; i++) {
		const UndoEdit *u = &e[i];
		size_t ls, le;
		doc_count_out(d, (FieldId)u->field, u->pos, u->pos + u->old_len, &ls, &le);
		doc_line_before(d, (FieldId)u->field, u->pos);
		buffer_splice(d->f[u->field].buf, u->pos, u->old_len, u->new_text, u->new_len);
		doc_count_in(d, (FieldId)u->field, ls, le - u->old_len + u->new_len);
		after_change(d, (FieldId)u->field, u->pos, u->old_len, u->new_len);
	}
	if (n)
		focus(d, (FieldId)e[n - 1].field, e[n - 1].cursor_after);
	return n > 0;
}

/* ---- input method ---- */

void doc_set_ime(Doc *d, ImeMode mode)
{
	ime_set_mode(d->ime, mode);
}

ImeMode doc_ime(const Doc *d)
{
	return ime_mode(d->ime);
}

void doc_set_tone_style(Doc *d, Placement style)
{
	ime_set_style(d->ime, style);
}

/* ---- checker spans ---- */

Overlay *doc_overlay(Doc *d, FieldId f)
{
	return d->f[f].spans;
}

bool doc_take_changed(Doc *d, FieldId f, size_t *start, size_t *end)
{
	Field *fl = &d->f[f];
	size_t len = buffer_len(fl->buf);

	if (!fl->changed)
		return false;
	fl->changed = false;
	*start = fl->ch_start > len ? len : fl->ch_start;
	*end = fl->ch_end > len ? len : fl->ch_end;
	if (*end < *start)
		*end = *start;
	return true;
}

bool doc_has_changed(const Doc *d, FieldId f)
{
	return d->f[f].changed;
}

void doc_mark_changed(Doc *d, FieldId f, size_t start, size_t end)
{
	Field *fl = &d->f[f];
	size_t len = buffer_len(fl->buf);

	if (end > len)
		end = len;
	if (start > end)
		start = end;
	if (!fl->changed) {
		fl->ch_start = start;
		fl->ch_end = end;
		fl->changed = true;
		return;
	}
	if (start < fl->ch_start)
		fl->ch_start = start;
	if (end > fl->ch_end)
		fl->ch_end = end;
}

/* ---- find and replace ---- */

/* Looks in field f from `from`; on success selects the match and returns true. */
static bool find_in(Doc *d, FieldId f, size_t from, const char *needle, size_t nlen,
		    unsigned flags)
{
	size_t len, s, e;
	const char *text = doc_text(d, f, &len);

	if (!find_text(text, len, from, needle, nlen, flags, &s, &e))
		return false;
	focus(d, f, e);
	d->has_anchor = true;
	d->anchor = s;
	undo_break(d->undo);
	return true;
}

bool doc_find(Doc *d, const char *needle, size_t len, unsigned flags)
{
	bool back = flags & FIND_BACKWARD;
	size_t s, e, pos = d->f[d->cur].cursor;

	if (doc_selection(d, &s, &e))
		pos = back ? s : e;
	for (int k = 0; k <= FIELD_COUNT; k++) {
		FieldId f = (FieldId)(back ? (d->cur + FIELD_COUNT * 2 - k) % FIELD_COUNT
					   : (d->cur + k) % FIELD_COUNT);
		size_t from = k == 0 ? pos : back ? buffer_len(d->f[f].buf) : 0;
		if (find_in(d, f, from, needle, len, flags))
			return true;
	}
	return false;
}

/* True if the selection is exactly a match of needle. */
static bool selection_matches(Doc *d, const char *needle, size_t nlen, unsigned flags)
{
	size_t s, e, ms, me, len;
	const char *text;

	if (!doc_selection(d, &s, &e))
		return false;
	text = doc_text(d, d->cur, &len);
	return find_text(text, e, s, needle, nlen, flags & ~(unsigned)FIND_BACKWARD, &ms, &me) &&
	       ms == s && me == e;
}

bool doc_replace_next(Doc *d, const char *needle, size_t nlen, const char *repl, size_t rlen,
		      unsigned flags, int64_t now_ms)
{
	size_t s = 0, e = 0;
	bool done = false;

	if (selection_matches(d, needle, nlen, flags) && doc_selection(d, &s, &e)) {
		done = doc_replace_range(d, d->cur, s, e, repl, rlen, now_ms);
	}
	doc_find(d, needle, nlen, flags);
	return done;
}

size_t doc_replace_in(Doc *d, int field, const char *needle, size_t nlen, const char *repl,
		      size_t rlen, unsigned flags, int64_t now_ms)
{
	size_t count = 0, keep = d->f[d->cur].cursor;
	FieldId cur = d->cur;

	flags &= ~(unsigned)FIND_BACKWARD;
	undo_group_begin(d->undo);
	for (int i = 0; i < FIELD_COUNT; i++) {
		size_t pos = 0, len, s, e;
		const char *text = doc_text(d, (FieldId)i, &len);
		if (field >= 0 && i != field)
			continue;
		while (find_text(text, len, pos, needle, nlen, flags, &s, &e)) {
			if (!doc_edit(d, (FieldId)i, s, e, repl, rlen, UNDO_OTHER, now_ms))
				goto done;
			pos = d->f[i].cursor;
			count++;
			text = doc_text(d, (FieldId)i, &len);
		}
	}
done:
	undo_group_end(d->undo);
	if (count)
		doc_set_cursor(d, cur, keep, false);
	return count;
}

size_t doc_replace_all(Doc *d, const char *needle, size_t nlen, const char *repl, size_t rlen,
		       unsigned flags, int64_t now_ms)
{
	return doc_replace_in(d, -1, needle, nlen, repl, rlen, flags, now_ms);
}

size_t doc_count_matches(Doc *d, int field, const char *needle, size_t nlen, unsigned flags)
{
	size_t count = 0;

	flags &= ~(unsigned)FIND_BACKWARD;
	for (int i = 0; i < FIELD_COUNT; i++) {
		size_t pos = 0, len, s, e;
		const char *text = doc_text(d, (FieldId)i, &len);
		if (field >= 0 && i != field)
			continue;
		while (pos <= len && find_text(text, len, pos, needle, nlen, flags, &s, &e)) {
			count++;
			pos = e > s ? e : s + 1;
		}
	}
	return count;
}
