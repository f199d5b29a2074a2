/*
 * yamldoc.c: the checked loading of one YAML document (see yamldoc.h).
 *
 * The check walks the event stream with a stack of open collections, at most
 * YAMLDOC_MAX_DEPTH deep; each open mapping keeps the keys it has seen so far, so a repeated
 * key is found at its second occurrence and named with the line of its first.
 */
#include "base/yamldoc.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/xalloc.h"
#include "base/banned.h"

typedef struct Key {
	char *text;
	size_t len, line;
} Key;

typedef struct Level {
	bool mapping;     /* a mapping (else a sequence) */
	size_t items;     /* keys and values so far: even means a key comes next */
	Key *keys;        /* the mapping's scalar keys so far */
	size_t nkeys, cap;
} Level;

typedef struct Scan {
	const char *name;
	char *err;
	size_t errlen;
	Level level[YAMLDOC_MAX_DEPTH];
	int depth;
	int documents;
} Scan;

static bool scan_fail(Scan *sc, yaml_mark_t m, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static bool scan_fail(Scan *sc, yaml_mark_t m, const char *fmt, ...)
{
	char msg[300];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	snprintf(sc->err, sc->errlen, "%s:%zu:%zu: %s", sc->name, m.line + 1, m.column + 1, msg);
	return false;
}

/* A key, value or item has arrived in the innermost collection. */
static bool add_item(Scan *sc, const yaml_event_t *ev)
{
	Level *l;

	if (sc->depth == 0)
		return true;
	l = &sc->level[sc->depth - 1];
	if (l->mapping && l->items % 2 == 0 && ev->type == YAML_SCALAR_EVENT) {
		const char *k = (const char *)ev->data.scalar.value;
		size_t len = ev->data.scalar.length;
		for (size_t i = 0; i < l->nkeys; i++)
			if (l->keys[i].len == len && memcmp(l->keys[i].text, k, len) == 0)
				return scan_fail(sc, ev->start_mark, "duplicate key '%.*s' (first at "
						 "line %zu)", (int)(len > 80 ? 80 : len), k,
						 l->keys[i].line);
		if (l->nkeys == l->cap) {
			l->cap = l->cap ? l->cap * 2 : 8;
			l->keys = xrealloc(l->keys, l->cap * sizeof(*l->keys));
		}
		l->keys[l->nkeys++] = (Key){xstrndup(k, len), len, ev->start_mark.line + 1};
	}
	l->items++;
	return true;
}

static void level_release(Level *l)
{
	for (size_t i = 0; i < l->nkeys; i++)
		free(l->keys[i].text);
	free(l->keys);
	memset(l, 0, sizeof(*l));
}

static bool scan_event(Scan *sc, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++sc->documents > 1)
			return scan_fail(sc, ev->start_mark, "a second YAML document; the file "
					 "must hold one");
		return true;
	case YAML_SCALAR_EVENT:
		if (strlen((const char *)ev->data.scalar.value) != ev->data.scalar.length)
			return scan_fail(sc, ev->start_mark, "a NUL character inside a value");
		return add_item(sc, ev);
	case YAML_ALIAS_EVENT:
		return add_item(sc, ev);
	case YAML_MAPPING_START_EVENT:
	case YAML_SEQUENCE_START_EVENT:
		if (!add_item(sc, ev))
			return false;
		if (sc->depth == YAMLDOC_MAX_DEPTH)
			return scan_fail(sc, ev->start_mark, "nested deeper than %d levels",
					 YAMLDOC_MAX_DEPTH);
		sc->level[sc->depth++].mapping = ev->type == YAML_MAPPING_START_EVENT;
		return true;
	case YAML_MAPPING_END_EVENT:
	case YAML_SEQUENCE_END_EVENT:
		if (sc->depth > 0)
			level_release(&sc->level[--sc->depth]);
		return true;
	default:
		return true;
	}
}

/* The line and column of byte off, for a NUL that libyaml would only report by offset. */
static yaml_mark_t mark_at(const char *data, size_t off)
{
	yaml_mark_t m = {off, 0, 0};
	for (size_t i = 0; i < off; i++) {
		if (data[i] == '\n') {
			m.line++;
			m.column = 0;
		} else if (((unsigned char)data[i] & 0xC0) != 0x80) {
			m.column++;
		}
	}
	return m;
}

/*
 * Where the parser gave up, and where the construct it was reading began when it says (an
 * unclosed quote is found missing at the end of the file, but it is the quote's line a
 * person must mend).
 */
static bool parse_fail(Scan *sc, const yaml_parser_t *p, const char *data, size_t len)
{
	yaml_mark_t m = p->problem_mark;
	const char *problem = p->problem ? p->problem : "malformed YAML";

	if (p->error == YAML_READER_ERROR) /* reported by byte offset only */
		m = mark_at(data, p->problem_offset < len ? p->problem_offset : len);
	else if (p->context && p->context_mark.line < p->problem_mark.line)
		return scan_fail(sc, p->context_mark, "%s at %zu:%zu, %s that starts here", problem,
				 p->problem_mark.line + 1, p->problem_mark.column + 1, p->context);
	return scan_fail(sc, m, "%s", problem);
}

static bool scan(Scan *sc, const char *data, size_t len)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	bool ok = true, done = false;
	const char *nul = memchr(data, '\0', len);

	if (len > YAMLDOC_MAX_BYTES) {
		snprintf(sc->err, sc->errlen, "%s: the file is larger than %u MiB", sc->name,
			 YAMLDOC_MAX_BYTES >> 20);
		return false;
	}
	if (nul)
		return scan_fail(sc, mark_at(data, (size_t)(nul - data)), "a NUL byte");
	if (!yaml_parser_initialize(&parser))
		fatal("out of memory");
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	while (ok && !done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			ok = parse_fail(sc, &parser, data, len);
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		ok = scan_event(sc, &ev);
		yaml_event_delete(&ev);
	}
	while (sc->depth > 0)
		level_release(&sc->level[--sc->depth]);
	yaml_parser_delete(&parser);
	return ok;
}

bool yamldoc_load(const char *name, const char *data, size_t len, yaml_document_t *doc,
		  char *err, size_t errlen)
{
	Scan sc = {.name = name, .err = err, .errlen = errlen};
	yaml_parser_t parser;
	bool ok;

	if (!scan(&sc, data, len))
		return false;
	if (!yaml_parser_initialize(&parser))
		fatal("out of memory");
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	ok = yaml_parser_load(&parser, doc);
	if (!ok)
		parse_fail(&sc, &parser, data, len);
	yaml_parser_delete(&parser);
	return ok;
}
