/*
 * template.c: {{name}} and {{{name}}} holes (see template.h).
 */
#include "news/template.h"

#include <stdio.h>
#include <string.h>

#include "news/render.h"
#include "base/banned.h"

static int find(const char *const *names, const char *s, size_t n)
{
	for (int i = 0; names && names[i]; i++)
		if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
			return i;
	return -1;
}

/* The hole at p ("{{" seen): sets the name span and raw; returns the byte after it, or NULL. */
static const char *hole(const char *p, const char **name, size_t *n, bool *raw)
{
	const char *close;

	*raw = p[2] == '{';
	p += *raw ? 3 : 2;
	while (*p == ' ')
		p++;
	*name = p;
	while ((*p >= 'a' && *p <= 'z') || *p == '_')
		p++;
	*n = (size_t)(p - *name);
	while (*p == ' ')
		p++;
	close = *raw ? "}}}" : "}}";
	return strncmp(p, close, strlen(close)) == 0 ? p + strlen(close) : NULL;
}

static int line_of(const char *text, const char *at)
{
	int line = 1;
	for (const char *p = text; p < at; p++)
		line += *p == '\n';
	return line;
}

bool template_check(const char *name, const char *text, const TemplateVars *vars, char *err,
		    size_t errlen)
{
	const char *p = text;

	while ((p = strstr(p, "{{"))) {
		const char *id, *end;
		size_t n;
		bool raw;
		if (!(end = hole(p, &id, &n, &raw))) {
			snprintf(err, errlen, "%s:%d: a '{{' is not closed by '%s' after a name", name,
				 line_of(text, p), p[2] == '{' ? "}}}" : "}}");
			return false;
		}
		if (find(vars->names, id, n) < 0) {
			snprintf(err, errlen, "%s:%d: unknown name '%.*s' in the template", name,
				 line_of(text, p), (int)n, id);
			return false;
		}
		if (raw && find(vars->raw_names, id, n) < 0) {
			snprintf(err, errlen, "%s:%d: '%.*s' must be escaped: write {{%.*s}}", name,
				 line_of(text, p), (int)n, id, (int)n, id);
			return false;
		}
		p = end;
	}
	return true;
}

void template_expand(const char *text, const TemplateVars *vars, const char *const *values,
		     Str *out)
{
	const char *p = text, *at;

	while ((at = strstr(p, "{{"))) {
		const char *id, *end;
		size_t n;
		bool raw;
		int i;
		str_add(out, p, (size_t)(at - p));
		if (!(end = hole(at, &id, &n, &raw))) {
			str_adds(out, "{{");
			p = at + 2;
			continue;
		}
		i = find(vars->names, id, n);
		if (i >= 0 && values[i] && raw)
			str_adds(out, values[i]);
		else if (i >= 0 && values[i])
			render_html_escape(values[i], strlen(values[i]), out);
		p = end;
	}
	str_adds(out, p);
}
