/*
 * desk/fields.h - what changed between two versions of a declaration, field
 * by field, as values: formatting, comments, quoting and the order of a
 * mapping's keys are no change.
 *
 * Scalars are compared as ppreg reads them: null (`~`, `null`, empty),
 * booleans (`true`, `false`), plain numbers by their decimal value (`15000`,
 * `15000.00`), everything else as text, quoted or not (`"2026-1"` and
 * `2026-1`). Lists of mappings are matched by identity, not position: the
 * first key set of desk/fields.c's `identities` whose keys every item of
 * both versions holds as scalars, each value once per version (`id`,
 * `platform`, `partner`, `partner`+`course`, `company`, `company`+`date`,
 * `year`+`source`, `holder`, `service`, `topic`, `country`,
 * `payload_sha256`, `name`, `number`); an item's identity is its values
 * joined by spaces (`funding[2025 Laboratoire Exemple SA]`), so changing one
 * of them removes the item and adds another. Lists of scalars are sets of
 * values (`domains[research]` added); other lists are matched by position,
 * from 1 (`modules[#2]`).
 */
#ifndef PPREG_DESK_FIELDS_H
#define PPREG_DESK_FIELDS_H

#include "yaml/node.h"

#include <jansson.h>

typedef enum { FIELD_MODIFIED, FIELD_ADDED, FIELD_REMOVED } field_change_kind;

typedef struct {
	char *file;               /* as the caller named it */
	char *path;               /* funding[2025 Laboratoire Exemple SA].amount_eur; "" the document */
	field_change_kind kind;
	json_t *from, *to;        /* the values; NULL for the side that has none */
	char *from_text, *to_text;/* the same as one line of text, or NULL */
	unsigned from_line, to_line;
} field_change;

typedef struct {
	field_change *v;
	size_t n, cap;
} field_changes;

/* Appends the changes from `a` to `b` (either may be NULL: a file added
 * or removed is one change of its whole document) to `out`. */
void fields_diff(const ppreg_node *a, const ppreg_node *b, const char *file, field_changes *out);
void field_changes_free(field_changes *c);
const char *field_change_name(field_change_kind k);

/* A node as JSON (scalars typed as above), and as one line of text:
 * numbers and simple words bare, other text JSON-quoted, collections as
 * compact JSON. New objects / malloc'd. */
json_t *fields_node_json(const ppreg_node *n);
char *fields_node_text(const ppreg_node *n);

#endif
