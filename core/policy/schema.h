/*
 * policy/schema.h - checks a declaration against the fields the plugins declare.
 *
 * The core knows no obligation, yet it owns core.unknown-field and
 * core.type: it learns the format of each file from the plugins' schemas
 * (ppreg_field tables) and applies them uniformly before any check runs.
 */
#ifndef PPREG_SCHEMA_H
#define PPREG_SCHEMA_H

#include "ppreg/plugin.h"
#include "base/findings.h"

typedef struct {
	const ppreg_field **v;
	size_t n, cap;
} field_set;

void field_set_add(field_set *fs, const ppreg_field *f);
void field_set_free(field_set *fs);

/* The fields of one declaration file, compiled for the walk; built once per
 * run and read-only after, so forked workers share it. */
typedef struct schema schema;
typedef struct schema_node schema_node;
schema *schema_compile(const field_set *fields);
void schema_free(schema *s);

/* The compiled tree, also read by the exporters (schema_export.h): one
 * node per path segment, map keys in `children` (sorted for the walk's
 * binary search), list items in `items`. `order` is the rank of the first
 * field whose path passes through the node: the plugins' declaration
 * order, which a template follows. */
struct schema_node {
	const ppreg_field *field;   /* NULL: a path no plugin declares */
	char *name;                 /* the key ("" for the root, "[]" for items) */
	size_t name_len;
	char *path;                 /* "a.b[].c", for messages */
	schema_node **children;     /* map keys, sorted once compiled (by_name) */
	size_t n_children, cap;
	size_t n_required;          /* children whose field is required */
	schema_node *items;         /* the "[]" child */
	size_t order;
};
const schema_node *schema_root(const schema *s);
size_t schema_n_fields(const schema *s);

/* "a date YYYY-MM-DD": a type as a message names it. */
const char *schema_type_name(ppreg_type t);

/* Checks `root` (the root node of one file). With no field, only the core's
 * own requirements (a mapping with format: ppreg/1) apply. */
void schema_check_compiled(const ppreg_node *root, const char *file, const schema *s, finding_sink *sink);

/* The same, compiling `fields` for one document (registry.yaml, fuzzing). */
void schema_check(const ppreg_node *root, const char *file, const field_set *fields,
                  finding_sink *sink);

/* Whether a scalar node satisfies a field type; writes a reason when not. */
int schema_type_ok(const ppreg_node *n, ppreg_type type, const char *values,
                   char *why, size_t why_len);

#endif
