/*
 * policy/schema_export.h - a declaration file's format, as the plugins'
 * schemas give it, written for people and for editors: the commented YAML
 * template `ppreg init` starts a platform with, and the JSON Schema
 * `ppreg schema` gives editors (yaml-language-server) to check as one types.
 *
 * Both are derived from the compiled schema (schema.h), never written by
 * hand, so a field a plugin adds appears in them with no change here.
 */
#ifndef PPREG_SCHEMA_EXPORT_H
#define PPREG_SCHEMA_EXPORT_H

#include "policy/schema.h"

typedef struct {
	const char *file;    /* "charter.yaml" */
	const char *policy;  /* "fr-model/2026.2", for the title */
	/* A rule's one-line summary, or NULL: comments and descriptions
	 * name what each field is checked for. */
	const char *(*rule_summary)(const void *ctx, const char *rule);
	const void *ctx;
} schema_export;

/* The YAML of a new declaration: `format: ppreg/1`, then every required
 * field with an empty value to fill, its type and rule in a comment above
 * it, a list of mappings with one item; optional fields as comments.
 * malloc'd; NULL with error_last() when memory runs out. */
char *schema_template(const schema *s, const schema_export *x);

/* The JSON Schema (draft 2020-12) of the file, as indented JSON text.
 * malloc'd; NULL with error_last(). */
char *schema_json(const schema *s, const schema_export *x);

#endif
