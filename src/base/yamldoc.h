/*
 * yamldoc.h: one YAML document from a settings file (the config, a theme), with the limits
 * every such file has.
 *
 * libyaml accepts more than a settings file should hold and spends quadratic time on deep
 * nesting. Before the document is built, its events are read once and the file is refused,
 * with name:line:column, when it is larger than YAMLDOC_MAX_BYTES, nests deeper than
 * YAMLDOC_MAX_DEPTH, holds a second document, repeats a key in one mapping, or has a NUL
 * anywhere (a raw byte or a "\0" escape inside a value).
 */
#ifndef BASE_YAMLDOC_H
#define BASE_YAMLDOC_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#define YAMLDOC_MAX_BYTES (1u << 20)
#define YAMLDOC_MAX_DEPTH 32

/*
 * Loads the document in data (len bytes; name is the file, for messages) into doc, which the
 * caller frees with yaml_document_delete. Returns false with "name:line:column: what" in err
 * (doc untouched). An empty file gives a document without a root node.
 */
bool yamldoc_load(const char *name, const char *data, size_t len, yaml_document_t *doc,
		  char *err, size_t errlen);

#endif
