/*
 * schema.h - checks a declaration against the fields the plugins declare.
 *
 * The core knows no obligation, yet it owns core.unknown-field and
 * core.type: it learns the format of each file from the plugins' schemas
 * (ppreg_field tables) and applies them uniformly before any check runs.
 */
#ifndef PPREG_SCHEMA_H
#define PPREG_SCHEMA_H

#include "ppreg/plugin.h"
#include "findings.h"

typedef struct {
	const ppreg_field **v;
	size_t n, cap;
} field_set;

void field_set_add(field_set *fs, const ppreg_field *f);
void field_set_free(field_set *fs);

/* Checks `root` (the root node of one file). `fields` may be empty: then only
 * the core's own requirements (a mapping with format: ppreg/1) apply. */
void schema_check(const ppreg_node *root, const char *file, const field_set *fields,
                  finding_sink *sink);

/* Whether a scalar node satisfies a field type; writes a reason when not. */
int schema_type_ok(const ppreg_node *n, ppreg_type type, const char *values,
                   char *why, size_t why_len);

#endif
