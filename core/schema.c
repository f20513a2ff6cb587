/*
 * schema.c - the walk that gives core.type, core.unknown-field and missing
 * required fields, with the plugins' ppreg_field tables as the grammar.
 *
 * A field's path names map keys joined by "." and list items by "[]". The
 * walk builds the same path for every node it meets and looks it up: no
 * entry means an unknown field (not descended into), an entry of type ANY
 * accepts anything below it. Required fields are checked when their parent
 * map is met, so a missing parent is reported once, not for every child.
 */
#include "schema.h"
#include "node.h"
#include "scalar.h"

#include <stdlib.h>
#include <string.h>

#define FORMAT_VALUE "ppreg/1"

void field_set_add(field_set *fs, const ppreg_field *f)
{
	if (fs->n == fs->cap) {
		fs->cap = fs->cap ? fs->cap * 2 : 32;
		fs->v = xrealloc(fs->v, fs->cap * sizeof *fs->v);
	}
	fs->v[fs->n++] = f;
}

void field_set_free(field_set *fs)
{
	free(fs->v);
	fs->v = NULL;
	fs->n = fs->cap = 0;
}

static const ppreg_field *find_field(const field_set *fs, const char *path)
{
	for (size_t i = 0; i < fs->n; i++)
		if (!strcmp(fs->v[i]->path, path))
			return fs->v[i];
	return NULL;
}

static const char *type_name(ppreg_type t)
{
	static const char *names[] = {"a value", "a string", "an integer", "a number",
		"true or false", "a date YYYY-MM-DD", "an ISO-8601 duration (e.g. P3Y)",
		"one of", "an http(s) URL", "an e-mail address", "an ISO 3166-1 alpha-2 country code",
		"a SHA-256 (64 lowercase hex digits)", "a list", "a mapping"};
	return (unsigned)t < sizeof names / sizeof *names ? names[t] : "a value";
}

static int scalar_type_ok(const ppreg_node *n, ppreg_type type, const char *values)
{
	const char *t = n->text;
	long long i;
	double d;
	int b;
	ppreg_date date;
	ppreg_duration dur;
	switch (type) {
	case PPREG_T_STRING: return scalar_bool(t, n->plain, &b) != 0 && *t;
	case PPREG_T_INT: return scalar_int(t, n->plain, &i) == 0;
	case PPREG_T_NUMBER: return scalar_number(t, n->plain, &d) == 0;
	case PPREG_T_BOOL: return scalar_bool(t, n->plain, &b) == 0;
	case PPREG_T_DATE: return scalar_date(t, &date) == 0;
	case PPREG_T_DURATION: return scalar_duration(t, &dur) == 0;
	case PPREG_T_ENUM: return values && scalar_enum(t, values) == 0;
	case PPREG_T_URL: return scalar_url(t) == 0;
	case PPREG_T_EMAIL: return scalar_email(t) == 0;
	case PPREG_T_COUNTRY: return scalar_country(t) == 0;
	case PPREG_T_SHA256: return scalar_sha256(t) == 0;
	default: return 1;
	}
}

int schema_type_ok(const ppreg_node *n, ppreg_type type, const char *values,
                   char *why, size_t why_len)
{
	int ok;
	if (type == PPREG_T_ANY)
		return 1;
	if (type == PPREG_T_LIST)
		ok = n->kind == PPREG_NODE_LIST;
	else if (type == PPREG_T_MAP)
		ok = n->kind == PPREG_NODE_MAP;
	else
		ok = n->kind == PPREG_NODE_SCALAR && scalar_type_ok(n, type, values);
	if (!ok) {
		const char *got = n->kind == PPREG_NODE_LIST ? "a list" :
		                  n->kind == PPREG_NODE_MAP ? "a mapping" : n->text;
		if (type == PPREG_T_ENUM)
			snprintf(why, why_len, "expected one of %s, got '%.60s'", values ? values : "?", got);
		else if (n->kind == PPREG_NODE_SCALAR && !*n->text)
			snprintf(why, why_len, "expected %s, got an empty value", type_name(type));
		else
			snprintf(why, why_len, "expected %s, got '%.60s'", type_name(type), got);
	}
	return ok;
}

typedef struct {
	const char *file;
	const field_set *fields;
	finding_sink *sink;
} walk_ctx;

static void walk(walk_ctx *w, const ppreg_node *n, const char *path);

/* The path of a child: "a" + "b" = "a.b"; -1 when too long to be known. */
static int child_path(char *out, size_t cap, const char *parent, const char *key)
{
	int len = snprintf(out, cap, "%s%s%s", parent, *parent ? "." : "", key);
	return len < 0 || (size_t)len >= cap ? -1 : 0;
}

static void check_value(walk_ctx *w, const ppreg_node *v, const ppreg_field *f, const char *path)
{
	char why[256];
	if (node_kind(v) == PPREG_NODE_NULL)
		return; /* absent: the required check of the parent handles it */
	if (!schema_type_ok(v, f->type, f->values, why, sizeof why)) {
		sink_add(w->sink, "core.type", PPREG_SEV_ERROR, w->file, v->line, v->column,
		         "%s: %s", path, why);
		return;
	}
	if (f->type != PPREG_T_ANY && (v->kind == PPREG_NODE_MAP || v->kind == PPREG_NODE_LIST))
		walk(w, v, path);
}

/* Is `field` a direct key of the map at `parent`? */
static int is_child_of(const char *field, const char *parent, const char **name)
{
	size_t pl = strlen(parent);
	if (pl) {
		if (strncmp(field, parent, pl) || field[pl] != '.')
			return 0;
		field += pl + 1;
	}
	if (strchr(field, '.') || strchr(field, '['))
		return 0;
	*name = field;
	return 1;
}

static void check_required(walk_ctx *w, const ppreg_node *map, const char *path)
{
	for (size_t i = 0; i < w->fields->n; i++) {
		const ppreg_field *f = w->fields->v[i];
		const char *name;
		if (!(f->flags & PPREG_REQUIRED) || !is_child_of(f->path, path, &name))
			continue;
		if (node_kind(node_get(map, name)) != PPREG_NODE_NULL)
			continue;
		sink_add(w->sink, f->rule ? f->rule : "core.type", PPREG_SEV_ERROR, w->file,
		         map->line, map->column, "missing required field '%s'", f->path);
	}
}

static void walk_map(walk_ctx *w, const ppreg_node *n, const char *path)
{
	char sub[512];
	for (size_t i = 0; i < n->n; i++) {
		const ppreg_node *k = n->keys[i];
		if (!*path && !strcmp(k->text, "format"))
			continue; /* the core's own, checked in schema_check */
		const ppreg_field *f = child_path(sub, sizeof sub, path, k->text) ? NULL : find_field(w->fields, sub);
		if (!f) {
			sink_add(w->sink, "core.unknown-field", PPREG_SEV_WARNING, w->file, k->line, k->column,
			         "unknown field '%.80s'%s%.200s", k->text, *path ? " in " : "", path);
			continue;
		}
		check_value(w, n->items[i], f, sub);
	}
	check_required(w, n, path);
}

static void walk_list(walk_ctx *w, const ppreg_node *n, const char *path)
{
	char sub[512];
	if (snprintf(sub, sizeof sub, "%s[]", path) >= (int)sizeof sub)
		return;
	const ppreg_field *f = find_field(w->fields, sub);
	if (!f)
		return; /* items not described: any value */
	for (size_t i = 0; i < n->n; i++)
		check_value(w, n->items[i], f, sub);
}

static void walk(walk_ctx *w, const ppreg_node *n, const char *path)
{
	if (n->kind == PPREG_NODE_MAP)
		walk_map(w, n, path);
	else if (n->kind == PPREG_NODE_LIST)
		walk_list(w, n, path);
}

void schema_check(const ppreg_node *root, const char *file, const field_set *fields,
                  finding_sink *sink)
{
	if (!root || root->kind != PPREG_NODE_MAP) {
		sink_add(sink, "core.type", PPREG_SEV_ERROR, file, root ? root->line : 1,
		         root ? root->column : 1, "a declaration is a mapping that starts with 'format: %s'",
		         FORMAT_VALUE);
		return;
	}
	const ppreg_node *fmt = node_get(root, "format");
	const char *text;
	if (node_str(fmt, &text) != PPREG_OK || strcmp(text, FORMAT_VALUE))
		sink_add(sink, "core.type", PPREG_SEV_ERROR, file, fmt ? fmt->line : root->line,
		         fmt ? fmt->column : root->column, "expected 'format: %s'", FORMAT_VALUE);
	if (fields->n == 0)
		return; /* no plugin describes this file: only the format is known */
	walk_ctx w = {file, fields, sink};
	walk(&w, root, "");
}
