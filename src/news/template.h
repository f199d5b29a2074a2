/*
 * template.h: the newsroom's page layout, a text file with named holes.
 *
 *	{{name}}     replaced by the value, HTML-escaped (& < > " ' become entities)
 *	{{{name}}}   replaced by the value as it is: only for the pieces of HTML toasoan builds
 *	             itself and escapes as it builds them (the names in raw_names)
 *
 * Anything else is copied as it is. A template is checked when it is loaded: a name it does
 * not know, a raw hole for a name that must be escaped, or a hole left open is an error that
 * names the file and line, so a broken layout never reaches the site.
 */
#ifndef NEWS_TEMPLATE_H
#define NEWS_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/str.h"

typedef struct TemplateVars {
	const char *const *names;     /* NULL-terminated */
	const char *const *raw_names; /* NULL-terminated: the names allowed in {{{ }}} */
} TemplateVars;

/* Checks text against vars; false with "name:line: what is wrong" in err. */
bool template_check(const char *name, const char *text, const TemplateVars *vars, char *err,
		    size_t errlen);

/* Appends text with every hole filled: values[i] belongs to vars->names[i] (NULL means ""). A
 * checked template is assumed; an unknown name expands to nothing. */
void template_expand(const char *text, const TemplateVars *vars, const char *const *values,
		     Str *out);

#endif
