/*
 * cmd_import.c: `import`, one article per file, from a few files to a newsroom's whole archive.
 *
 * Two passes keep memory flat however many files there are. The first reads and checks every
 * file (encoding, UTF-8, size, binary, header, the desk's text rules) and keeps only a small
 * record per file; by default one bad file imports nothing. The second reads the good files
 * again and stores them in batches, one write transaction each, so that others keep working
 * between batches and an interruption (SIGINT, SIGTERM, SIGHUP) leaves whole batches: the
 * batch in progress is rolled back, the ids of committed batches have been printed, and the
 * message says which file was next. Standard input ("-") cannot be read twice, so its article
 * is the one kept from the first pass.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "base/str.h"
#include "base/xalloc.h"
#include "cli/args.h"
#include "cli/cmds.h"
#include "cli/progress.h"
#include "news/import.h"
#include "base/banned.h"

#define IMPORT_USAGE "import [--encoding auto|NAME] [--glob PATTERNS] [--skip-bad] [--json] " \
	"[--as LOGIN] [--state draft|review|published] FILE|FOLDER..."

/* Files stored per write transaction: short enough for others' writes to get in between. */
#define IMPORT_BATCH 200

/* Set by the signal handler; the only way a handler can talk to the loop. */
static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	interrupted = sig;
}

typedef enum { FILE_GOOD, FILE_BAD, FILE_DONE } FileState;

typedef struct Record {
	FileState state;
	int64_t id;          /* once stored */
	char encoding[16];   /* as detected */
	char *err;           /* why it is bad; owned */
	char *note;          /* what reading it changed (a conversion, a repair); owned */
} Record;

typedef struct Import {
	Cli *c;
	ImportList files;
	Record *rec;
	ImportOptions opt;
	ImportPlan plan;
	bool skip_bad, json;
	Article from_stdin;  /* "-" read in the first pass (when have_stdin) */
	bool have_stdin;
	size_t bad, done, batches;
	size_t stopped_at;   /* index of the file not imported when stopped, or files.n */
	int64_t *ids;        /* ids committed, in order */
	Progress bar;
} Import;

static void say_bad(Import *im, size_t i, const char *err)
{
	im->rec[i].state = FILE_BAD;
	im->rec[i].err = xstrdup(err);
	im->bad++;
	progress_clear(&im->bar);
	cli_error("%s", err);
}

/* Reads file i into a (fresh); false with the reason in info when it is bad. */
static bool read_one(Import *im, size_t i, Article *a, ImportInfo *info)
{
	const char *path = im->files.paths[i];
	ImportOptions opt = im->opt;

	/* The second time, a legacy encoding detected the first time is not guessed again. */
	if (im->rec[i].encoding[0] && strcmp(im->rec[i].encoding, "utf-8") != 0)
		opt.encoding = im->rec[i].encoding;
	if (strcmp(path, "-") == 0 && im->have_stdin) {
		article_release(a);
		article_copy(a, &im->from_stdin);
		return true;
	}
	if (!import_file(path, &opt, a, info))
		return false;
	if (!desk_import_check(im->c->desk, &im->plan, a)) {
		snprintf(info->err, sizeof(info->err), "'%s': %s", path, desk_errmsg(im->c->desk));
		return false;
	}
	return true;
}

static void check_all(Import *im)
{
	progress_start(&im->bar, "checking", im->files.n);
	for (size_t i = 0; i < im->files.n && !interrupted; i++) {
		ImportInfo info;
		Article a;
		bool ok;

		article_init(&a);
		info.encoding[0] = '\0';
		ok = read_one(im, i, &a, &info);
		snprintf(im->rec[i].encoding, sizeof(im->rec[i].encoding), "%s", info.encoding);
		if (!ok) {
			if (!interrupted) /* a read cut short by the signal is not a bad file */
				say_bad(im, i, info.err);
		} else {
			if (info.note[0] && im->json) {
				free(im->rec[i].note); /* said in the report, not on the way */
				im->rec[i].note = xstrdup(info.note);
			} else if (info.note[0]) {
				progress_clear(&im->bar);
				fprintf(stderr, "toasoan: %s\n", info.note);
			}
			if (strcmp(im->files.paths[i], "-") == 0 && !im->have_stdin) {
				article_copy(&im->from_stdin, &a);
				im->have_stdin = true;
			}
		}
		article_release(&a);
		progress_step(&im->bar, i + 1);
	}
	progress_clear(&im->bar);
}

/* Commits the open batch and prints its ids (one a line, unless the report is JSON). */
static bool commit_batch(Import *im, size_t from, size_t to)
{
	if (!desk_import_commit(im->c->desk)) {
		progress_clear(&im->bar);
		cli_error("%s", desk_errmsg(im->c->desk));
		return false;
	}
	im->batches++;
	for (size_t i = from; i < to; i++) {
		if (im->rec[i].state != FILE_GOOD)
			continue;
		im->rec[i].state = FILE_DONE;
		im->ids[im->done++] = im->rec[i].id;
		if (!im->json)
			printf("%lld\n", (long long)im->rec[i].id);
	}
	fflush(stdout);
	return true;
}

/*
 * Stores file i in the open batch. A file that has become bad since it was checked is
 * skipped with --skip-bad (true); otherwise false, and the batch has been rolled back.
 */
static bool store_one(Import *im, size_t i)
{
	ImportInfo info;
	Article a;
	bool ok;

	article_init(&a);
	ok = read_one(im, i, &a, &info);
	if (!ok && interrupted) {
		desk_import_abort(im->c->desk);
	} else if (!ok) {
		say_bad(im, i, info.err);
		if (im->skip_bad) {
			article_release(&a);
			return true;
		}
		desk_import_abort(im->c->desk);
	} else if ((ok = desk_import_add(im->c->desk, &im->plan, &a))) {
		im->rec[i].id = a.id;
	} else {
		progress_clear(&im->bar);
		cli_error("'%s': %s", im->files.paths[i], desk_errmsg(im->c->desk));
	}
	article_release(&a);
	return ok;
}

/* The second pass: the good files, in batches. Sets stopped_at when it stops early. */
static bool import_all(Import *im)
{
	size_t first = 0, n = 0, total = im->files.n - im->bad, seen = 0;
	bool open = false;

	progress_start(&im->bar, "importing", total);
	for (size_t i = 0; i < im->files.n; i++) {
		if (im->rec[i].state != FILE_GOOD)
			continue;
		if (interrupted) {
			if (open)
				desk_import_abort(im->c->desk);
			im->stopped_at = open ? first : i;
			return false;
		}
		if (!open && !desk_import_begin(im->c->desk, &im->plan)) {
			progress_clear(&im->bar);
			cli_error("%s", desk_errmsg(im->c->desk));
			im->stopped_at = i;
			return false;
		}
		if (!open)
			first = i;
		open = true;
		if (!store_one(im, i)) {
			im->stopped_at = first; /* the batch was rolled back whole */
			return false;
		}
		progress_step(&im->bar, ++seen);
		if (++n % IMPORT_BATCH == 0) {
			open = false;
			if (!commit_batch(im, first, i + 1)) {
				im->stopped_at = first;
				return false;
			}
		}
	}
	if (open && !commit_batch(im, first, im->files.n)) {
		im->stopped_at = first;
		return false;
	}
	return true;
}

static void print_json(const Import *im)
{
	Str out = STR_INIT;
	Json j;

	json_init(&j, &out);
	json_arr(&j);
	for (size_t i = 0; i < im->files.n; i++) {
		const Record *r = &im->rec[i];
		json_obj(&j);
		json_key(&j, "file");
		json_str(&j, im->files.paths[i]);
		json_key(&j, "id");
		if (r->state == FILE_DONE)
			json_int(&j, r->id);
		else
			json_null(&j);
		json_key(&j, "encoding");
		json_str(&j, r->encoding[0] ? r->encoding : NULL);
		json_key(&j, "error");
		json_str(&j, r->err ? r->err : r->state == FILE_DONE ? NULL : "not imported");
		json_key(&j, "note");
		json_str(&j, r->note);
		json_end(&j);
	}
	json_end(&j);
	str_addc(&out, '\n');
	fwrite(str_cstr(&out), 1, out.len, stdout);
	str_release(&out);
}

/* Where an import that did not finish stopped, and what is in the database. */
static void say_stopped(const Import *im)
{
	const char *why = interrupted ? "interrupted" : "stopped";

	if (im->done == 0)
		cli_error("%s before '%s' (file %zu of %zu); nothing was imported", why,
			  im->files.paths[im->stopped_at], im->stopped_at + 1, im->files.n);
	else
		cli_error("%s before '%s' (file %zu of %zu); %zu article%s in %zu whole batch%s "
			  "were imported (ids %lld to %lld), nothing from that file on",
			  why, im->files.paths[im->stopped_at], im->stopped_at + 1, im->files.n,
			  im->done, im->done == 1 ? "" : "s", im->batches,
			  im->batches == 1 ? "" : "es", (long long)im->ids[0],
			  (long long)im->ids[im->done - 1]);
}

static void list_skipped(const Import *im)
{
	cli_warn("%zu of %zu file%s skipped:", im->bad, im->files.n,
		 im->files.n == 1 ? " was" : "s were");
	for (size_t i = 0; i < im->files.n; i++)
		if (im->rec[i].state == FILE_BAD)
			fprintf(stderr, "  %s\n", im->rec[i].err);
}

static void catch_signals(bool on)
{
	struct sigaction sa;
	int sigs[] = {SIGINT, SIGTERM, SIGHUP};

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on ? on_signal : SIG_DFL;
	sa.sa_flags = SA_RESETHAND; /* a second signal ends the program: batches still hold */
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
}

/* Parses the options into im; returns EXIT_OK or the usage error's code. */
static int parse(Import *im, int argc, char **argv, Args *a, const char **patterns)
{
	const char *state = "draft";
	ArgSpec specs[] = {{"--encoding", &im->opt.encoding, NULL}, {"--glob", patterns, NULL},
			   {"--skip-bad", NULL, &im->skip_bad}, {"--json", NULL, &im->json},
			   {"--as", &im->plan.writer, NULL}, {"--state", &state, NULL}, {0}};

	if (!args_parse(argc, argv, specs, IMPORT_USAGE, a))
		return EXIT_USAGE;
	if (a->npos == 0)
		return cli_usage(IMPORT_USAGE, "name at least one file or folder");
	if (!import_encoding_known(im->opt.encoding))
		return cli_usage(IMPORT_USAGE, "unknown encoding '%s'", im->opt.encoding);
	if (*patterns && !**patterns)
		return cli_usage(IMPORT_USAGE, "'--glob' needs a pattern such as '*.txt'");
	if (!state_parse(state, &im->plan.state))
		return cli_usage(IMPORT_USAGE, "invalid state '%s': use draft, review or published",
				 state);
	return EXIT_OK;
}

/* After the check: whether to go on, saying why not. */
static bool go_on(Import *im)
{
	if (interrupted) {
		cli_error("interrupted while checking the files; nothing was imported");
		return false;
	}
	if (im->bad && !im->skip_bad) {
		cli_error("%zu of %zu file%s cannot be imported; nothing was imported (--skip-bad "
			  "imports the others)", im->bad, im->files.n, im->files.n == 1 ? "" : "s");
		return false;
	}
	return true;
}

static int run(Import *im)
{
	bool finished = false;

	im->rec = xcalloc(im->files.n, sizeof(*im->rec));
	im->ids = xcalloc(im->files.n, sizeof(*im->ids));
	im->stopped_at = im->files.n;
	check_all(im);
	if (go_on(im)) {
		finished = import_all(im);
		progress_clear(&im->bar);
		if (!finished)
			say_stopped(im);
	}
	if (im->plan.state == STATE_PUBLISHED && im->done &&
	    !desk_import_publish(im->c->desk, im->ids, im->done)) {
		cli_error("%s", desk_errmsg(im->c->desk));
		finished = false;
	}
	if (im->json)
		print_json(im);
	if (im->bad && im->skip_bad && finished)
		list_skipped(im);
	return finished && !im->bad ? EXIT_OK : EXIT_FAIL;
}

int cmd_import(Cli *c, int argc, char **argv)
{
	Import im = {.c = c, .opt = {"auto", NULL}, .plan = {NULL, STATE_DRAFT}};
	const char *patterns = NULL;
	Args a;
	int rc;

	memset(&im.from_stdin, 0, sizeof(im.from_stdin));
	if ((rc = parse(&im, argc, argv, &a, &patterns)) != EXIT_OK)
		return rc;
	for (int i = 0; i < a.npos; i++)
		if (cli_remote_path(c, a.pos[i], "send the file on standard input: "
				    "'import - < file'"))
			return EXIT_USAGE;
	if (!cli_desk(c))
		return EXIT_FAIL;
	if (!desk_import_plan(c->desk, &im.plan))
		return cli_desk_fail(c);
	import_list_gather(&im.files, a.pos, (size_t)a.npos, patterns);
	if (im.files.n == 0) {
		cli_error("no files to import: the folders hold no file matching '%s'",
			  patterns ? patterns : "*.txt,*.md");
		rc = EXIT_FAIL;
	} else {
		interrupted = 0;
		catch_signals(true);
		rc = run(&im);
		catch_signals(false);
	}
	for (size_t i = 0; im.rec && i < im.files.n; i++) {
		free(im.rec[i].err);
		free(im.rec[i].note);
	}
	free(im.rec);
	free(im.ids);
	if (im.have_stdin)
		article_release(&im.from_stdin);
	import_list_release(&im.files);
	return rc;
}
