/*
 * cmd_article.c: creating and reading articles from the shell: new, list, show,
 * history and export (import is in cmd_import.c). Files are read whole, checked and parsed
 * before anything is stored, so a bad file creates nothing.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/file.h"
#include "base/json.h"
#include "base/str.h"
#include "base/utf8.h"
#include "base/visible.h"
#include "base/when.h"
#include "cli/args.h"
#include "cli/cmds.h"
#include "news/import.h"
#include "base/banned.h"

/* Reads one article file; prints what was detected, or the error. */
static bool read_file(const char *path, const ImportOptions *o, Article *art)
{
	ImportInfo info;

	if (!import_file(path, o, art, &info)) {
		cli_error("%s", info.err);
		return false;
	}
	if (info.note[0])
		fprintf(stderr, "toasoan: %s\n", info.note);
	return true;
}

/* With both a title and a file, the file is all body: its first line is not dropped. */
int cmd_new(Cli *c, int argc, char **argv)
{
	static const char usage[] = "new [--title TEXT] [FILE|-]";
	const char *title = NULL;
	ArgSpec specs[] = {{"--title", &title, NULL}, {0}};
	ImportOptions o = {"utf-8", NULL};
	Article art;
	Str nfc = STR_INIT;
	Args a;
	int rc = EXIT_FAIL;

	if (!args_parse(argc, argv, specs, usage, &a))
		return EXIT_USAGE;
	if (a.npos > 1)
		return cli_usage(usage, "'new' takes at most one file");
	if (a.npos == 0 && !title)
		return cli_usage(usage, "give a title or a file");
	if (a.npos == 1 && cli_remote_path(c, a.pos[0], "send the text on standard input: "
					      "'new --title TEXT - < file'"))
		return EXIT_USAGE;
	article_init(&art);
	if (title) {
		if (!utf8_nfc(title, strlen(title), &nfc)) {
			cli_error("the title is not valid UTF-8");
			goto out;
		}
		o.title = str_cstr(&nfc);
		article_set(&art.title, o.title);
	}
	if (a.npos == 1 && !read_file(a.pos[0], &o, &art))
		goto out;
	if (!cli_desk(c))
		goto out;
	if (!desk_create(c->desk, &art, "new")) {
		rc = cli_desk_fail(c);
		goto out;
	}
	printf("%lld\n", (long long)art.id);
	rc = EXIT_OK;
out:
	str_release(&nfc);
	article_release(&art);
	return rc;
}

static void json_time(Json *j, const char *key, int64_t t)
{
	Str s = STR_INIT;
	json_key(j, key);
	if (!t) {
		json_null(j);
		return;
	}
	when_iso(t, &s);
	json_str(j, s.s);
	str_release(&s);
}

static void json_article(Json *j, const Article *a, bool with_text)
{
	json_obj(j);
	json_key(j, "id");
	json_int(j, a->id);
	json_key(j, "title");
	json_str(j, a->title);
	if (with_text) {
		json_key(j, "sapo");
		json_str(j, a->sapo);
		json_key(j, "body");
		json_str(j, a->body);
		json_key(j, "byline");
		json_str(j, a->byline);
	}
	json_key(j, "section");
	json_str(j, a->section);
	json_key(j, "tags");
	json_str(j, a->tags);
	json_key(j, "state");
	json_str(j, state_name(a->state));
	json_key(j, "author");
	json_str(j, a->author);
	json_key(j, "author_name");
	json_str(j, a->author_name);
	json_key(j, "version");
	json_int(j, a->version);
	json_key(j, "words");
	json_int(j, a->words);
	json_time(j, "created_at", a->created_at);
	json_time(j, "updated_at", a->updated_at);
	json_time(j, "publish_at", a->publish_at);
	json_time(j, "published_at", a->published_at);
	json_end(j);
}

/* s made visible (one line), padded with spaces to at least width bytes. */
static void add_padded(Str *out, const char *s, size_t width)
{
	size_t start = out->len;

	visible_adds(out, s, false);
	while (out->len - start < width)
		str_addc(out, ' ');
}

/* Prints rows as they come from the database: nothing is gathered, so the memory is the same
 * for ten articles or a hundred thousand, and the first row shows at once. */
typedef struct ListOut {
	bool json;
	size_t n;
	Str row;
} ListOut;

static bool print_row(void *arg, const Article *a)
{
	ListOut *o = arg;
	str_clear(&o->row);
	if (o->json) {
		Json j;
		str_adds(&o->row, o->n ? "," : "[");
		json_init(&j, &o->row);
		json_article(&j, a, false);
	} else {
		str_addf(&o->row, "%-5lld %-9s ", (long long)a->id, state_name(a->state));
		when_local(a->updated_at, &o->row);
		str_adds(&o->row, "  ");
		add_padded(&o->row, a->author, 12);
		str_addc(&o->row, ' ');
		visible_adds(&o->row, a->title, false);
		str_addc(&o->row, '\n');
	}
	o->n++;
	return fwrite(str_cstr(&o->row), 1, o->row.len, stdout) == o->row.len;
}

/* A count for --limit or --offset: digits only. */
static bool parse_count(const char *s, int64_t *out)
{
	char *end;
	if (!s)
		return true;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (!*s || *end || v < 0 || errno == ERANGE || *s == '-' || *s == '+')
		return false;
	*out = v;
	return true;
}

int cmd_list(Cli *c, int argc, char **argv)
{
	static const char usage[] = "list [--state STATE] [--mine] [--json] [--limit N] "
				    "[--offset N] [--since TIME]";
	const char *state_s = NULL, *limit_s = NULL, *offset_s = NULL, *since_s = NULL;
	bool mine = false, as_json = false;
	ArgSpec specs[] = {{"--state", &state_s, NULL}, {"--mine", NULL, &mine},
			   {"--json", NULL, &as_json}, {"--limit", &limit_s, NULL},
			   {"--offset", &offset_s, NULL}, {"--since", &since_s, NULL}, {0}};
	ListQuery q = {.view = VIEW_ALL, .state = -1};
	ListOut o = {.row = STR_INIT};
	State st;
	Args a;

	if (!args_parse(argc, argv, specs, usage, &a))
		return EXIT_USAGE;
	if (a.npos)
		return cli_usage(usage, "'list' takes no arguments");
	if (state_s && !state_parse(state_s, &st))
		return cli_usage(usage, "invalid state '%s': use draft, review, scheduled or "
				 "published", state_s);
	if (!parse_count(limit_s, &q.limit) || (limit_s && q.limit == 0))
		return cli_usage(usage, "invalid limit '%s': give a number of articles, 1 or more",
				 limit_s);
	if (!parse_count(offset_s, &q.offset))
		return cli_usage(usage, "invalid offset '%s': give a number of articles to skip",
				 offset_s);
	if (since_s && !when_parse(since_s, when_now(), &q.since))
		return cli_usage(usage, "invalid time '%s': expected \"YYYY-MM-DD HH:MM[:SS]\" "
				 "in local time or ISO 8601 with an offset", since_s);
	q.state = state_s ? (int)st : -1;
	q.view = mine ? VIEW_MINE : VIEW_ALL;
	if (!cli_desk(c))
		return EXIT_FAIL;
	o.json = as_json;
	bool ok = desk_list_each(c->desk, &q, print_row, &o);
	if (as_json && (ok || o.n))
		fputs(o.n ? "]\n" : "[]\n", stdout);
	str_release(&o.row);
	return ok ? EXIT_OK : cli_desk_fail(c);
}

/* Loads the article named by the single positional argument. */
static int load_one(Cli *c, const Args *a, const char *usage, Article *art)
{
	int64_t id;

	if (a->npos != 1)
		return cli_usage(usage, "name one article id");
	if (!cli_parse_id(a->pos[0], &id))
		return cli_usage(usage, "invalid article id '%s'", a->pos[0]);
	if (!cli_desk(c))
		return EXIT_FAIL;
	if (!desk_get(c->desk, id, art))
		return cli_desk_fail(c);
	return EXIT_OK;
}

static void show_text(const Article *a, Str *out)
{
	Str text = STR_INIT;

	str_addf(out, "ID: %lld\nTrạng thái: %s\nTác giả (tài khoản): ", (long long)a->id,
		 state_name(a->state));
	visible_adds(out, a->author_name, false);
	str_adds(out, " (");
	visible_adds(out, a->author, false);
	str_addf(out, ")\nPhiên bản: %lld\n", (long long)a->version);
	str_adds(out, "Cập nhật: ");
	when_local(a->updated_at, out);
	if (a->publish_at) {
		str_adds(out, "\nHẹn đăng: ");
		when_local(a->publish_at, out);
	}
	if (a->published_at) {
		str_adds(out, "\nĐã đăng: ");
		when_local(a->published_at, out);
	}
	str_adds(out, "\n---\n");
	article_format(a, &text);
	visible_add(out, str_cstr(&text), text.len, true);
	str_release(&text);
}

int cmd_show(Cli *c, int argc, char **argv)
{
	static const char usage[] = "show ID [--json]";
	bool as_json = false;
	ArgSpec specs[] = {{"--json", NULL, &as_json}, {0}};
	Article art;
	Str out = STR_INIT;
	Args a;
	int rc;

	if (!args_parse(argc, argv, specs, usage, &a))
		return EXIT_USAGE;
	article_init(&art);
	rc = load_one(c, &a, usage, &art);
	if (rc == EXIT_OK) {
		if (as_json) {
			Json j;
			json_init(&j, &out);
			json_article(&j, &art, true);
			str_addc(&out, '\n');
		} else {
			show_text(&art, &out);
		}
		fwrite(str_cstr(&out), 1, out.len, stdout);
	}
	str_release(&out);
	article_release(&art);
	return rc;
}

/* States and kinds by their command-line names in English, by their labels in Vietnamese. */
static void print_event(const Event *e, Str *out)
{
	bool en = cli_language() == LANG_EN;
	const char *from = en ? state_name(e->from) : state_label(e->from, "vi");
	const char *to = en ? state_name(e->to) : state_label(e->to, "vi");

	when_local(e->at, out);
	str_adds(out, "  ");
	add_padded(out, e->who, 12);
	str_addc(out, ' ');
	if (e->is_revision)
		str_addf(out, cli_tr("revision %lld (%s)"), (long long)e->version,
			 en ? revision_kind_name(e->kind) : revision_kind_label(e->kind, "vi"));
	else if (e->created)
		str_addf(out, cli_tr("created as %s"), to);
	else
		str_addf(out, "%s -> %s", from, to);
	if (e->note[0]) {
		str_adds(out, ": ");
		visible_adds(out, e->note, false);
	}
	if (e->real_who[0]) {
		Str who = STR_INIT;
		visible_adds(&who, e->real_who, false);
		str_addf(out, cli_tr(" [by %s with --as]"), str_cstr(&who));
		str_release(&who);
	}
	str_addc(out, '\n');
}

int cmd_history(Cli *c, int argc, char **argv)
{
	static const char usage[] = "history ID";
	EventList l = {0};
	Str out = STR_INIT;
	int64_t id;

	if (argc != 2 || !cli_parse_id(argv[1], &id))
		return argc == 2 ? cli_usage(usage, "invalid article id '%s'", argv[1])
				 : cli_usage(usage, "name one article id");
	if (!cli_desk(c))
		return EXIT_FAIL;
	if (!desk_history(c->desk, id, &l))
		return cli_desk_fail(c);
	for (size_t i = 0; i < l.n; i++)
		print_event(&l.items[i], &out);
	fwrite(str_cstr(&out), 1, out.len, stdout);
	str_release(&out);
	event_list_release(&l);
	return EXIT_OK;
}

int cmd_export(Cli *c, int argc, char **argv)
{
	static const char usage[] = "export ID --format ninjs|html|md|txt [-o FILE]";
	const char *format = NULL, *file = NULL;
	ArgSpec specs[] = {{"--format", &format, NULL}, {"-o", &file, NULL},
			   {"--output", &file, NULL}, {0}};
	Article art;
	Str out = STR_INIT;
	char err[512];
	Args a;
	int rc;

	if (!args_parse(argc, argv, specs, usage, &a))
		return EXIT_USAGE;
	if (!format)
		return cli_usage(usage, "'export' needs --format");
	if (cli_remote_path(c, file, "the article comes on standard output: "
			    "'export ID --format md > file'"))
		return EXIT_USAGE;
	article_init(&art);
	rc = load_one(c, &a, usage, &art);
	if (rc != EXIT_OK)
		goto out;
	if (!desk_render(c->desk, &art, format, &out)) {
		rc = cli_usage(usage, "%s", desk_errmsg(c->desk));
		goto out;
	}
	if (file && strcmp(file, "-") != 0) {
		if (!file_write_atomic(file, str_cstr(&out), out.len, err, sizeof(err))) {
			cli_error("%s", err);
			rc = EXIT_FAIL;
		}
	} else if (isatty(STDOUT_FILENO)) {
		/* Exact bytes to a file or a pipe; on a terminal, shown, never obeyed. */
		Str shown = STR_INIT;
		visible_add(&shown, str_cstr(&out), out.len, true);
		fwrite(str_cstr(&shown), 1, shown.len, stdout);
		str_release(&shown);
	} else {
		fwrite(str_cstr(&out), 1, out.len, stdout);
	}
out:
	str_release(&out);
	article_release(&art);
	return rc;
}
