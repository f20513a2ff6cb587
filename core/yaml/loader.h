/*
 * yaml/loader.h - parsing one declaration file into a tree of nodes that keep their
 * line and column, under the policy's limits (libyaml underneath).
 */
#ifndef PPREG_LOADER_H
#define PPREG_LOADER_H

#include "yaml/node.h"

typedef struct ydoc ydoc;

/*
 * Parses one declaration file. Problems are findings (core.yaml-syntax,
 * core.limits, core.encoding, core.duplicate-key, core.type for tags and
 * non-string keys) added to `sink`. Returns the document, or NULL when it
 * cannot be trusted at all (then at least one error finding was added).
 */
ydoc *ydoc_parse(const char *file, const unsigned char *data, size_t len,
                 const yaml_limits *limits, finding_sink *sink);
const ppreg_node *ydoc_root(const ydoc *doc);
const char *ydoc_file(const ydoc *doc);
/* The i-th comment of the file, its text after the '#', with the line and
 * column of the '#' (yaml/comments.h); NULL past the last one. */
const char *ydoc_comment(const ydoc *doc, size_t i, unsigned *line, unsigned *column);
void ydoc_free(ydoc *doc);

#endif
