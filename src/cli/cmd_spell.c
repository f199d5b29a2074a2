/*
 * cmd_spell.c: the checker on the command line. The input is read whole and handed to the
 * checker as it was read, so the byte offsets it reports are offsets into the file; line and
 * column are counted here in one forward pass, since findings come sorted by offset.
 */
#include "cli/cmd_spell.h"
#include "cli/speller.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "base/json.h"
#include "base/str.h"
#include "base/utf8.h"
#include "base/visible.h"
#include "cli/args.h"
#include "spell/spell.h"
#include "base/banned.h"

#define SPELL_USAGE "spell [--json] [--style old|new|any] [FILE|-]"

/* A forward-only position counter over the input. */
typedef struct Pos {
	const char *s;
	size_t len, off, line, col;
} Pos;

/* One character of the input at p->off counted into line and column. */
static void pos_step(Pos *p)
{
	int32_t cp;
	size_t n = utf8_decode(p->s + p->off, p->len - p->off, &cp);

	if (n == 0)
		n = 1;
	if (cp == '\n') {
		p->line++;
		p->col = 1;
	} else if (!(p->off == 0 && cp == 0xFEFF) && !(cp >= 0x300 && utf8_cp_width(cp) == 0)) {
		/* a BOM and combining marks (NFD input) are no characters of their own */
		p->col++;
	}
	p->off += n;
}

/* Whole lines are skipped by their line breaks; only the last one is counted per character. */
static void pos_advance(Pos *p, size_t to)
{
	const char *nl;

	if (to > p->len)
		to = p->len;
	while (p->off < to && (nl = memchr(p->s + p->off, '\n', to - p->off))) {
		p->off = (size_t)(nl - p->s) + 1;
		p->line++;
		p->col = 1;
	}
	while (p->off < to) {
		if ((unsigned char)p->s[p->off] < 0x80) {
			p->off++;
			p->col++;
		} else {
			pos_step(p);
		}
	}
}

static void add_shown(Str *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		int32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			str_addf(out, "\\x%02X", (unsigned char)s[i]);
			i++;
		} else {
			str_add(out, s + i, n);
			i += n;
		}
	}
}

/* n in decimal, without the formatting machinery (one line per finding adds up). */
static void add_number(Str *out, size_t n)
{
	char buf[24];
	size_t k = sizeof(buf);

	do {
		buf[--k] = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	str_add(out, buf + k, sizeof(buf) - k);
}

static void print_text(const Finding *f, const Pos *p, const char *in, Str *out)
{
	add_number(out, p->line);
	str_addc(out, ':');
	add_number(out, p->col);
	str_adds(out, ": ");
	str_adds(out, severity_name(f->severity));
	str_addc(out, ' ');
	str_adds(out, finding_kind_name(f->kind));
	str_adds(out, ": ");
	add_shown(out, in + f->start, f->end - f->start);
	for (size_t k = 0; k < f->nsuggestions; k++) {
		str_adds(out, k ? ", " : " -> ");
		str_adds(out, f->suggestions[k]);
	}
	str_adds(out, " (");
	str_adds(out, f->message);
	str_adds(out, ")\n");
}

static void print_json(const Finding *f, const Pos *p, const char *in, Json *j)
{
	json_obj(j);
	json_key(j, "line");
	json_int(j, (int64_t)p->line);
	json_key(j, "column");
	json_int(j, (int64_t)p->col);
	json_key(j, "start");
	json_int(j, (int64_t)f->start);
	json_key(j, "end");
	json_int(j, (int64_t)f->end);
	json_key(j, "text");
	json_strn(j, in + f->start, f->end - f->start);
	json_key(j, "kind");
	json_str(j, finding_kind_name(f->kind));
	json_key(j, "severity");
	json_str(j, severity_name(f->severity));
	json_key(j, "message");
	json_str(j, f->message);
	json_key(j, "suggestions");
	json_arr(j);
	for (size_t k = 0; k < f->nsuggestions; k++)
		json_str(j, f->suggestions[k]);
	json_end(j);
	json_end(j);
}

/* The checker with the newsroom's words and context when a database exists. */
static Speller *open_speller(Cli *c, const char *style)
{
	char err[1024];
	bool failed = false;
	Desk *d = cli_desk_optional(c, &failed);
	Speller *sp;

	if (failed)
		return NULL;
	/* Findings speak Vietnamese unless ui.language or the locale asks for English. */
	sp = newsroom_speller(d, &c->config, style,
			      lang_code(lang_resolve(c->config.language, LANG_VI)), err, sizeof(err));
	if (!sp)
		cli_error("%s", err);
	else if (spell_status(sp))
		cli_warn("%s", spell_status(sp));
	return sp;
}

static int report(const FindingList *fl, const Str *in, bool json)
{
	Pos p = {str_cstr(in), in->len, 0, 1, 1};
	Str out = STR_INIT;
	Json j;
	int rc = EXIT_OK;

	json_init(&j, &out);
	if (json)
		json_arr(&j);
	for (size_t i = 0; i < fl->n; i++) {
		const Finding *f = &fl->items[i];
		pos_advance(&p, f->start);
		if (json)
			print_json(f, &p, str_cstr(in), &j);
		else
			print_text(f, &p, str_cstr(in), &out);
		if (f->severity != SEV_STYLE)
			rc = EXIT_FAIL;
	}
	if (json) {
		json_end(&j);
		str_addc(&out, '\n');
		fwrite(str_cstr(&out), 1, out.len, stdout);
	} else {
		/* The quoted words come from the checked text: shown, never obeyed. */
		Str shown = STR_INIT;
		visible_add(&shown, str_cstr(&out), out.len, true);
		fwrite(str_cstr(&shown), 1, shown.len, stdout);
		str_release(&shown);
	}
	str_release(&out);
	return rc;
}

int cmd_spell(Cli *c, int argc, char **argv)
{
	const char *style = NULL;
	bool json = false;
	ArgSpec specs[] = {{"--json", NULL, &json}, {"--style", &style, NULL}, {NULL, NULL, NULL}};
	Args a;
	Str in = STR_INIT;
	char err[1024];
	FindingList fl;
	Speller *sp;
	int rc;

	if (!args_parse(argc, argv, specs, SPELL_USAGE, &a))
		return EXIT_USAGE;
	if (a.npos > 1)
		return cli_usage(SPELL_USAGE, "spell takes at most one file");
	if (a.npos && cli_remote_path(c, a.pos[0], "send the text on standard input: "
				      "'spell - < file'"))
		return EXIT_USAGE;
	if (!(sp = open_speller(c, style)))
		return EXIT_USAGE;
	if (!file_read(a.npos ? a.pos[0] : "-", 256u << 20, &in, err, sizeof(err))) {
		cli_error("%s", err);
		spell_free(sp);
		return EXIT_USAGE;
	}
	finding_list_init(&fl);
	spell_check(sp, str_cstr(&in), in.len, &fl);
	rc = report(&fl, &in, json);
	finding_list_release(&fl);
	str_release(&in);
	spell_free(sp);
	return rc;
}

static int dict_list(Desk *d)
{
	char **words = NULL;
	size_t n = 0;

	if (!desk_words(d, &words, &n)) {
		cli_error("%s", desk_errmsg(d));
		return EXIT_FAIL;
	}
	for (size_t i = 0; i < n; i++) {
		Str shown = STR_INIT;
		visible_adds(&shown, words[i], false);
		printf("%s\n", str_cstr(&shown));
		str_release(&shown);
		free(words[i]);
	}
	free(words);
	return EXIT_OK;
}

static int dict_change(Desk *d, bool add, int argc, char **argv)
{
	for (int i = 2; i < argc; i++) {
		Str w = STR_INIT;
		bool ok;
		if (!utf8_nfc(argv[i], strlen(argv[i]), &w) || w.len == 0) {
			str_release(&w);
			return cli_usage("dict add|remove WORD...", "'%s' is not a word in UTF-8", argv[i]);
		}
		ok = add ? desk_word_add(d, w.s) : desk_word_remove(d, w.s);
		str_release(&w);
		if (!ok) {
			cli_error("%s", desk_errmsg(d));
			return EXIT_FAIL;
		}
	}
	return EXIT_OK;
}

int cmd_dict(Cli *c, int argc, char **argv)
{
	const char *usage = "dict add WORD... | dict remove WORD... | dict list";
	Desk *d;

	if (argc < 2)
		return cli_usage(usage, "dict needs add, remove or list");
	if (strcmp(argv[1], "list") == 0 && argc != 2)
		return cli_usage(usage, "dict list takes no words");
	if (strcmp(argv[1], "list") != 0 && strcmp(argv[1], "add") != 0 &&
	    strcmp(argv[1], "remove") != 0)
		return cli_usage(usage, "unknown dict action '%s'", argv[1]);
	if (strcmp(argv[1], "list") != 0 && argc < 3)
		return cli_usage(usage, "dict %s needs a word", argv[1]);
	if (!(d = cli_desk(c)))
		return EXIT_FAIL;
	if (strcmp(argv[1], "list") == 0)
		return dict_list(d);
	return dict_change(d, strcmp(argv[1], "add") == 0, argc, argv);
}
