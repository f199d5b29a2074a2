/*
 * act.c: workflow actions from any screen. The desk decides and records; this file only maps
 * keys to actions, asks for the note or time an action needs, and reports the outcome.
 */
#include <stdio.h>

#include "base/when.h"
#include "tui/app.h"
#include "base/banned.h"

Action app_command_action(Command c)
{
	switch (c) {
	case CMD_SUBMIT: return ACT_SUBMIT;
	case CMD_WITHDRAW: return ACT_WITHDRAW;
	case CMD_APPROVE: return ACT_APPROVE;
	case CMD_SCHEDULE: return ACT_SCHEDULE;
	case CMD_RETURN: return ACT_RETURN;
	case CMD_PUBLISH: return ACT_PUBLISH;
	case CMD_UNPUBLISH: return ACT_UNPUBLISH;
	default: return ACT_VIEW;
	}
}

bool app_may(const App *a, const Article *art, Command c)
{
	Action act = app_command_action(c);
	return act != ACT_VIEW && art && art->id && desk_may(a->desk, art, act);
}

/* Asks for the time of a scheduled publication; false if cancelled or unreadable. */
static bool ask_time(App *a, int64_t *at)
{
	Str s = STR_INIT;
	bool ok = app_prompt(a, app_str(a, S_ASK_TIME), NULL, &s, NULL);
	if (ok && !when_parse(str_cstr(&s), when_now(), at)) {
		app_say(a, true, S_BAD_TIME, str_cstr(&s));
		ok = false;
	} else if (!ok) {
		app_message(a, false, "%s", app_str(a, S_CANCELLED));
	}
	str_release(&s);
	return ok;
}

/* Publishing goes live at once: a, p and M-a, M-p ask first, naming the article. */
static bool confirm_live(App *a, const Article *art, Action act)
{
	char q[400];
	if (act != ACT_APPROVE && act != ACT_PUBLISH)
		return true;
	app_format(a, q, sizeof q, S_ASK_PUBLISH, art->title);
	if (app_ask(a, q) == 1)
		return true;
	app_message(a, false, "%s", app_str(a, S_CANCELLED));
	return false;
}

/* The note a return or an unpublishing needs; an empty one is refused with the reason. */
static bool ask_note(App *a, const Article *art, Action act, Str *note)
{
	char label[400];
	app_format(a, label, sizeof label,
		   act == ACT_UNPUBLISH ? S_ASK_UNPUBLISH_NOTE : S_ASK_NOTE, art->title);
	if (!app_prompt(a, label, NULL, note, NULL)) {
		app_message(a, false, "%s", app_str(a, S_CANCELLED));
		return false;
	}
	const char *p = str_cstr(note);
	while (*p == ' ')
		p++;
	if (*p)
		return true;
	app_message(a, true, "%s",
		    app_str(a, act == ACT_UNPUBLISH ? S_NEED_REASON : S_NEED_NOTE));
	return false;
}

/* What the status line says after act succeeded: the time for a scheduled article. */
static void say_done(App *a, const Article *art, Action act, int64_t at)
{
	if (act == ACT_SCHEDULE) {
		Str t = STR_INIT;
		when_local(at, &t);
		app_say(a, false, S_SCHEDULED_AT, art->title, str_cstr(&t));
		str_release(&t);
	} else {
		app_say(a, false, S_ACTION_DONE, app_action_label(a, act));
	}
}

bool app_act(App *a, const Article *art, Command c)
{
	Action act = app_command_action(c);
	Str note = STR_INIT;
	int64_t at = 0;
	bool ok = false;

	if (!app_may(a, art, c)) {
		app_say(a, true, S_NOT_ALLOWED, app_action_label(a, act));
		return false;
	}
	if (action_needs_note(act) && !ask_note(a, art, act, &note))
		goto done;
	if (act == ACT_SCHEDULE && !ask_time(a, &at))
		goto done;
	if (!confirm_live(a, art, act))
		goto done;
	ok = desk_act(a->desk, art->id, act, note.len ? note.s : NULL, at);
	if (ok)
		say_done(a, art, act, at);
	else
		app_message(a, true, "%s", desk_errmsg(a->desk));
done:
	str_release(&note);
	return ok;
}
