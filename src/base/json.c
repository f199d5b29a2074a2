/*
 * json.c: the JSON writer. Escapes control characters, quotes and backslashes, and replaces
 * invalid UTF-8 with U+FFFD; U+2028 and U+2029 are escaped so the output is also safe inside
 * a script element.
 */
#include "base/json.h"

#include <math.h>
#include <string.h>

#include "base/utf8.h"
#include "base/visible.h"
#include "base/xalloc.h"
#include "base/banned.h"

void json_init(Json *j, Str *out)
{
	memset(j, 0, sizeof(*j));
	j->out = out;
	j->first[0] = true;
}

static void indent(Json *j)
{
	str_addc(j->out, '\n');
	for (int i = 0; i < j->depth; i++)
		str_adds(j->out, "  ");
}

static void before_value(Json *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (!j->first[j->depth])
		str_addc(j->out, ',');
	if (j->pretty && j->depth > 0)
		indent(j);
	j->first[j->depth] = false;
}

static void open(Json *j, char c)
{
	before_value(j);
	if (j->depth >= JSON_MAX_DEPTH)
		fatal("json nested deeper than %d", JSON_MAX_DEPTH);
	str_addc(j->out, c);
	j->closer[j->depth] = c == '{' ? '}' : ']';
	j->depth++;
	j->first[j->depth] = true;
}

void json_obj(Json *j)
{
	open(j, '{');
}

void json_arr(Json *j)
{
	open(j, '[');
}

void json_end(Json *j)
{
	bool empty = j->first[j->depth];

	if (j->depth == 0)
		fatal("json_end without an open object");
	j->depth--;
	if (j->pretty && !empty)
		indent(j);
	str_addc(j->out, j->closer[j->depth]);
}

void json_key(Json *j, const char *key)
{
	before_value(j);
	json_quote(j->out, key, strlen(key));
	str_addc(j->out, ':');
	if (j->pretty)
		str_addc(j->out, ' ');
	j->after_key = true;
}

/* A \u escape, as a surrogate pair above the BMP: hidden characters never reach a terminal
 * raw, even when someone prints the JSON. */
static void add_escape(Str *out, int32_t cp)
{
	if (cp > 0xFFFF) {
		cp -= 0x10000;
		str_addf(out, "\\u%04x\\u%04x", (unsigned)(0xD800 + (cp >> 10)),
			 (unsigned)(0xDC00 + (cp & 0x3FF)));
	} else {
		str_addf(out, "\\u%04x", (unsigned)cp);
	}
}

void json_quote(Str *out, const char *s, size_t len)
{
	size_t i = 0;

	str_addc(out, '"');
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		int32_t cp;
		size_t n;

		if (c >= 0x80) {
			n = utf8_decode(s + i, len - i, &cp);
			if (n == 0) {
				str_adds(out, "\\ufffd");
				i++;
			} else if (visible_hidden(cp)) {
				add_escape(out, cp);
				i += n;
			} else {
				str_add(out, s + i, n);
				i += n;
			}
			continue;
		}
		i++;
		switch (c) {
		case '"': str_adds(out, "\\\""); break;
		case '\\': str_adds(out, "\\\\"); break;
		case '\n': str_adds(out, "\\n"); break;
		case '\r': str_adds(out, "\\r"); break;
		case '\t': str_adds(out, "\\t"); break;
		case '<': str_adds(out, "\\u003c"); break;
		default:
			if (c < 0x20 || c == 0x7F)
				str_addf(out, "\\u%04x", c);
			else
				str_addc(out, (char)c);
		}
	}
	str_addc(out, '"');
}

void json_strn(Json *j, const char *s, size_t len)
{
	before_value(j);
	json_quote(j->out, s, len);
}

void json_str(Json *j, const char *s)
{
	if (!s) {
		json_null(j);
		return;
	}
	json_strn(j, s, strlen(s));
}

void json_int(Json *j, int64_t v)
{
	before_value(j);
	str_addf(j->out, "%lld", (long long)v);
}

void json_double(Json *j, double v)
{
	before_value(j);
	if (!isfinite(v))
		str_adds(j->out, "null");
	else
		str_addf(j->out, "%.17g", v);
}

void json_bool(Json *j, bool v)
{
	before_value(j);
	str_adds(j->out, v ? "true" : "false");
}

void json_null(Json *j)
{
	before_value(j);
	str_adds(j->out, "null");
}
