/*
 * theme.c: themes as a table of slot styles, read from YAML with libyaml's document API.
 *
 * A Theme is a plain value: one ThemeStyle per Slot. Loading starts from the built-in
 * default and overrides what the file names; any error puts the default back, so a caller
 * always holds a complete theme. Marks from libyaml (0-based) are reported 1-based.
 */
#include "tui/theme.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "base/file.h"
#include "base/xalloc.h"
#include "base/str.h"
#include "base/yamldoc.h"
#include "base/banned.h"

typedef struct SlotDefault {
	const char *key, *fg, *bg;
	unsigned attrs, mono;
} SlotDefault;

static const SlotDefault defaults[SLOT_COUNT] = {
#define X(e, key, fg, bg, attrs, mono) [e] = {key, fg, bg, attrs, mono},
	SLOT_LIST(X)
#undef X
};

static const char *const color_names[16] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
	"bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue",
	"bright-magenta", "bright-cyan", "bright-white",
};

static const struct {
	const char *name;
	unsigned bit;
} attr_names[] = {
	{"bold", ATTR_BOLD}, {"underline", ATTR_UNDERLINE}, {"reverse", ATTR_REVERSE},
	{"dim", ATTR_DIM},   {"italic", ATTR_ITALIC},
};

bool theme_color_parse(const char *s, ThemeColor *out)
{
	if (strcmp(s, "default") == 0) {
		*out = (ThemeColor){COLOR_DEFAULT, 0};
		return true;
	}
	for (int i = 0; i < 16; i++)
		if (strcmp(s, color_names[i]) == 0) {
			*out = (ThemeColor){COLOR_INDEX, (uint32_t)i};
			return true;
		}
	char *end;
	if (s[0] == '#' && strlen(s) == 7) {
		unsigned long v = strtoul(s + 1, &end, 16);
		if (*end != '\0' || strspn(s + 1, "0123456789abcdefABCDEF") != 6)
			return false;
		*out = (ThemeColor){COLOR_RGB, (uint32_t)v};
		return true;
	}
	if (s[0] >= '0' && s[0] <= '9') {
		unsigned long v = strtoul(s, &end, 10);
		if (*end != '\0' || v > 255)
			return false;
		*out = (ThemeColor){COLOR_INDEX, (uint32_t)v};
		return true;
	}
	return false;
}

static void style_default(ThemeStyle *st, const SlotDefault *d)
{
	if (!theme_color_parse(d->fg, &st->fg) || !theme_color_parse(d->bg, &st->bg))
		abort(); /* the built-in table is broken: a compile-time fact, caught by the tests */
	st->attrs = d->attrs;
}

void theme_default(Theme *t)
{
	memset(t, 0, sizeof *t);
	snprintf(t->name, sizeof t->name, "default");
	for (int i = 0; i < SLOT_COUNT; i++)
		style_default(&t->slot[i], &defaults[i]);
}

void theme_mono(Theme *t)
{
	memset(t, 0, sizeof *t);
	snprintf(t->name, sizeof t->name, "mono");
	for (int i = 0; i < SLOT_COUNT; i++)
		t->slot[i].attrs = defaults[i].mono;
}

const char *theme_slot_key(Slot s)
{
	return (s >= 0 && s < SLOT_COUNT) ? defaults[s].key : NULL;
}

/* Parsing state: the document, the file name for messages, the error buffer. */
typedef struct Parse {
	yaml_document_t *doc;
	const char *file;
	char *err;
	size_t errlen;
} Parse;

static bool fail_at(Parse *p, yaml_node_t *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static bool fail_at(Parse *p, yaml_node_t *n, const char *fmt, ...)
{
	int line = n ? (int)n->start_mark.line + 1 : 1, col = n ? (int)n->start_mark.column + 1 : 1;
	char msg[200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(p->err, p->errlen, "%s:%d:%d: %s", p->file, line, col, msg);
	return false;
}

static const char *scalar(yaml_node_t *n)
{
	return (n && n->type == YAML_SCALAR_NODE) ? (const char *)n->data.scalar.value : NULL;
}

static bool parse_attrs(Parse *p, yaml_node_t *n, unsigned *attrs)
{
	if (n->type != YAML_SEQUENCE_NODE)
		return fail_at(p, n, "%s", "attrs must be a list such as [bold, underline]");
	*attrs = 0;
	for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top;
	     it++) {
		yaml_node_t *item = yaml_document_get_node(p->doc, *it);
		const char *s = scalar(item);
		size_t i = 0;
		for (; s && i < sizeof attr_names / sizeof attr_names[0]; i++)
			if (strcmp(s, attr_names[i].name) == 0)
				break;
		if (!s || i == sizeof attr_names / sizeof attr_names[0])
			return fail_at(p, item, "unknown attribute '%s' (bold, underline, reverse, dim, italic)",
				       s ? s : "?");
		*attrs |= attr_names[i].bit;
	}
	return true;
}

static bool parse_style(Parse *p, yaml_node_t *n, ThemeStyle *st)
{
	if (n->type != YAML_MAPPING_NODE)
		return fail_at(p, n, "%s", "a slot must be a mapping such as {fg: red, bg: default}");
	for (yaml_node_pair_t *pr = n->data.mapping.pairs.start; pr < n->data.mapping.pairs.top;
	     pr++) {
		yaml_node_t *k = yaml_document_get_node(p->doc, pr->key);
		yaml_node_t *v = yaml_document_get_node(p->doc, pr->value);
		const char *key = scalar(k);
		if (key && strcmp(key, "attrs") == 0) {
			if (!parse_attrs(p, v, &st->attrs))
				return false;
			continue;
		}
		ThemeColor *c = key && strcmp(key, "fg") == 0 ? &st->fg
			      : key && strcmp(key, "bg") == 0 ? &st->bg : NULL;
		if (!c)
			return fail_at(p, k, "unknown key '%s' (fg, bg, attrs)", key ? key : "?");
		const char *val = scalar(v);
		if (!val || !theme_color_parse(val, c))
			return fail_at(p, v, "bad colour '%s' (default, a name, 0-255 or #rrggbb)",
				       val ? val : "?");
	}
	return true;
}

static bool parse_slots(Parse *p, yaml_node_t *n, Theme *t)
{
	if (n->type != YAML_MAPPING_NODE)
		return fail_at(p, n, "%s", "slots must be a mapping of slot names");
	for (yaml_node_pair_t *pr = n->data.mapping.pairs.start; pr < n->data.mapping.pairs.top;
	     pr++) {
		yaml_node_t *k = yaml_document_get_node(p->doc, pr->key);
		const char *key = scalar(k);
		int s = 0;
		while (key && s < SLOT_COUNT && strcmp(key, defaults[s].key) != 0)
			s++;
		if (!key || s == SLOT_COUNT)
			return fail_at(p, k, "unknown slot '%s'", key ? key : "?");
		if (!parse_style(p, yaml_document_get_node(p->doc, pr->value), &t->slot[s]))
			return false;
	}
	return true;
}

static bool parse_root(Parse *p, yaml_node_t *root, Theme *t)
{
	if (!root || root->type != YAML_MAPPING_NODE)
		return fail_at(p, root, "%s", "a theme must be a mapping with 'name' and 'slots'");
	for (yaml_node_pair_t *pr = root->data.mapping.pairs.start;
	     pr < root->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = yaml_document_get_node(p->doc, pr->key);
		yaml_node_t *v = yaml_document_get_node(p->doc, pr->value);
		const char *key = scalar(k);
		if (key && strcmp(key, "name") == 0) {
			if (!scalar(v))
				return fail_at(p, v, "'name' must be a single value");
			snprintf(t->name, sizeof t->name, "%s", scalar(v));
		} else if (key && strcmp(key, "slots") == 0) {
			if (!parse_slots(p, v, t))
				return false;
		} else {
			return fail_at(p, k, "unknown key '%s' (name, slots)", key ? key : "?");
		}
	}
	return true;
}

bool theme_parse(Theme *t, const char *text, size_t len, const char *file, char *err,
		 size_t errlen)
{
	yaml_document_t doc;
	Parse p = {&doc, file, err, errlen};
	bool ok = false;

	theme_default(t);
	if (!yamldoc_load(file, text, len, &doc, err, errlen))
		return false;
	ok = parse_root(&p, yaml_document_get_root_node(&doc), t);
	yaml_document_delete(&doc);
	if (!ok)
		theme_default(t);
	return ok;
}

bool theme_load(Theme *t, const char *path, char *err, size_t errlen)
{
	Str s = STR_INIT;
	bool ok = file_read(path, YAMLDOC_MAX_BYTES, &s, err, errlen) &&
		  theme_parse(t, str_cstr(&s), s.len, path, err, errlen);
	if (!ok)
		theme_default(t);
	str_release(&s);
	return ok;
}

static bool color_same(ThemeColor a, ThemeColor b)
{
	return a.kind == b.kind && (a.kind == COLOR_DEFAULT || a.value == b.value);
}

bool theme_equal(const Theme *a, const Theme *b, char *why, size_t whylen)
{
	for (int i = 0; i < SLOT_COUNT; i++) {
		const ThemeStyle *x = &a->slot[i], *y = &b->slot[i];
		if (!color_same(x->fg, y->fg) || !color_same(x->bg, y->bg) || x->attrs != y->attrs) {
			snprintf(why, whylen, "slot '%s' differs", defaults[i].key);
			return false;
		}
	}
	return true;
}

/* The xterm palette: 16 basic colours, a 6x6x6 cube, 24 greys. */
static const uint32_t basic_rgb[16] = {
	0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
	0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
};
static const int cube_steps[6] = {0, 95, 135, 175, 215, 255};

static uint32_t index_rgb(int i)
{
	if (i < 16)
		return basic_rgb[i];
	if (i < 232) {
		i -= 16;
		return (uint32_t)(cube_steps[i / 36] << 16 | cube_steps[(i / 6) % 6] << 8 |
				  cube_steps[i % 6]);
	}
	int g = 8 + (i - 232) * 10;
	return (uint32_t)(g << 16 | g << 8 | g);
}

int32_t theme_color_rgb(ThemeColor c)
{
	if (c.kind == COLOR_DEFAULT)
		return -1;
	return (int32_t)(c.kind == COLOR_RGB ? c.value : index_rgb((int)c.value));
}

static long dist2(uint32_t a, uint32_t b)
{
	long dr = (long)(a >> 16 & 0xff) - (long)(b >> 16 & 0xff);
	long dg = (long)(a >> 8 & 0xff) - (long)(b >> 8 & 0xff);
	long db = (long)(a & 0xff) - (long)(b & 0xff);
	return dr * dr * 3 + dg * dg * 4 + db * db * 2;
}

static int nearest(uint32_t rgb, int from, int to)
{
	int best = from;
	long bestd = -1;
	for (int i = from; i < to; i++) {
		long d = dist2(rgb, index_rgb(i));
		if (bestd < 0 || d < bestd) {
			bestd = d;
			best = i;
		}
	}
	return best;
}

int theme_color_256(ThemeColor c)
{
	if (c.kind == COLOR_DEFAULT)
		return -1;
	if (c.kind == COLOR_INDEX)
		return (int)c.value;
	return nearest(c.value, 16, 256);
}

int theme_color_8(ThemeColor c)
{
	if (c.kind == COLOR_DEFAULT)
		return -1;
	if (c.kind == COLOR_INDEX && c.value < 16)
		return (int)c.value % 8;
	/* The 8 colours as terminals commonly show them (dim basic set). */
	return nearest((uint32_t)theme_color_rgb(c), 0, 8);
}
