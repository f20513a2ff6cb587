/*
 * yaml/node.c - reading the declaration tree: navigation and typed access.
 *
 * These are the functions plugins call through ppreg_api. All accept NULL so
 * that a chain of lookups needs one test at its end, and the typed readers
 * distinguish "absent" from "present but wrong" so a plugin never reports a
 * value the schema check already reported.
 */
#include "yaml/node.h"
#include "yaml/scalar.h"

#include <string.h>

const ppreg_node *node_lookup(const ppreg_node *n, const char *key, size_t len)
{
	if (!n || n->kind != PPREG_NODE_MAP)
		return NULL;
	for (size_t i = 0; i < n->n; i++)
		if (node_text_is(n->keys[i], key, len))
			return n->items[i];
	return NULL;
}

const ppreg_node *node_get(const ppreg_node *n, const char *path)
{
	while (n && path && *path) {
		size_t len = 0;
		while (path[len] && path[len] != '.') /* paths are a few short keys */
			len++;
		n = node_lookup(n, path, len);
		path = path[len] ? path + len + 1 : NULL;
	}
	return n;
}

ppreg_node_kind node_kind(const ppreg_node *n)
{
	if (!n)
		return PPREG_NODE_NULL;
	if (n->null)
		return PPREG_NODE_NULL;
	return (ppreg_node_kind)n->kind;
}

size_t node_count(const ppreg_node *n)
{
	return n && (n->kind == PPREG_NODE_LIST || n->kind == PPREG_NODE_MAP) ? n->n : 0;
}

const ppreg_node *node_item(const ppreg_node *n, size_t i)
{
	return n && i < node_count(n) ? n->items[i] : NULL;
}

const char *node_key(const ppreg_node *n, size_t i)
{
	return n && n->kind == PPREG_NODE_MAP && i < n->n ? n->keys[i]->text : NULL;
}

void node_where(const ppreg_node *n, const char **file, unsigned *line, unsigned *column)
{
	if (file) *file = n ? n->file : NULL;
	if (line) *line = n ? n->line : 0;
	if (column) *column = n ? n->column : 0;
}

/* The scalar text of a non-null scalar, or the reason there is none. A
 * value the schema refused reads as of another type, whatever is asked of
 * it, so that a plugin never judges (and reports again) what the core
 * already reported: a country XX is not "outside the EEA". */
static int scalar_text(const ppreg_node *n, const char **text)
{
	if (node_kind(n) == PPREG_NODE_NULL)
		return PPREG_ABSENT;
	if (n->kind != PPREG_NODE_SCALAR || n->mistyped)
		return PPREG_BADTYPE;
	*text = n->text;
	return PPREG_OK;
}

int node_str(const ppreg_node *n, const char **out)
{
	const char *t;
	int rc = scalar_text(n, &t);
	if (rc)
		return rc;
	int b;
	/* A boolean is not text, and neither is a quoted "" (the schema reports
	 * it as core.type, so a plugin reading it stays silent). */
	if (scalar_bool(t, n->plain, &b) == 0 || !*t)
		return PPREG_BADTYPE;
	*out = t;
	return PPREG_OK;
}

int node_int(const ppreg_node *n, long long *out)
{
	const char *t;
	int rc = scalar_text(n, &t);
	return rc ? rc : scalar_int(t, n->plain, out) ? PPREG_BADTYPE : PPREG_OK;
}

int node_number(const ppreg_node *n, double *out)
{
	const char *t;
	int rc = scalar_text(n, &t);
	return rc ? rc : scalar_number(t, n->plain, out) ? PPREG_BADTYPE : PPREG_OK;
}

int node_amount(const ppreg_node *n, long long *cents)
{
	const char *t;
	int rc = scalar_text(n, &t);
	return rc ? rc : scalar_amount(t, n->plain, cents) ? PPREG_BADTYPE : PPREG_OK;
}

int node_bool(const ppreg_node *n, int *out)
{
	const char *t;
	int rc = scalar_text(n, &t);
	return rc ? rc : scalar_bool(t, n->plain, out) ? PPREG_BADTYPE : PPREG_OK;
}

int node_date(const ppreg_node *n, ppreg_date *out)
{
	const char *t;
	int rc = scalar_text(n, &t);
	return rc ? rc : scalar_date(t, out) ? PPREG_BADTYPE : PPREG_OK;
}

int node_duration(const ppreg_node *n, ppreg_duration *out)
{
	const char *t;
	int rc = scalar_text(n, &t);
	return rc ? rc : scalar_duration(t, out) ? PPREG_BADTYPE : PPREG_OK;
}
