/*
 * yaml/node.h - the parsed declaration tree that plugins read through the API.
 *
 * Every node keeps the file, line and column it came from, so a finding can
 * point at the offending value. Nodes live in the arena of their document and
 * are read-only once parsing ends. An alias shares the anchored node (the
 * tree is a DAG); the loader counts an alias as the whole subtree it stands
 * for, so walking the tree costs at most the policy's node limit.
 */
#ifndef PPREG_NODE_H
#define PPREG_NODE_H

#include <stddef.h>
#include <string.h>
#include "ppreg/plugin.h"
#include "base/findings.h"

struct ppreg_node {
	unsigned line, column;
	/* Nodes in this subtree, aliases expanded: at most the policy's node
	 * limit, whose ceiling (policy.c, 10 000 000) fits in 32 bits. */
	unsigned weight;
	unsigned char kind;   /* ppreg_node_kind */
	unsigned char plain : 1;    /* scalar written without quotes */
	unsigned char open : 1;     /* collection still being parsed (alias cycles) */
	unsigned char null : 1;     /* a plain ~, null or empty scalar, decided once */
	unsigned char mistyped : 1; /* the schema refused it (core.type): typed reads say BADTYPE */
	const char *file;
	/* A node is a scalar or a collection, never both, so the two share
	 * their room: small nodes keep a platform's five trees in the
	 * first-level cache while the schema and the plugins walk them
	 * (docs/benchmark.md). Read `text` only after checking `kind`. */
	union {
		struct {
			const char *text; /* scalar text, NUL-terminated */
			size_t len;       /* its length: keys are compared by length first */
		};
		struct {
			size_t n;           /* list items or map pairs */
			ppreg_node **items; /* list items, or map values */
			ppreg_node **keys;  /* map keys (scalars) */
		};
	};
};

/* Whether a scalar's text is s[0..len): the length and first byte rule out
 * most keys before any call. */
static inline int node_text_is(const ppreg_node *n, const char *s, size_t len)
{
	return n->len == len && (len == 0 || (n->text[0] == s[0] && !memcmp(n->text, s, len)));
}

typedef struct {
	size_t max_bytes;
	size_t max_depth;
	size_t max_aliases;
	size_t max_nodes;
} yaml_limits;

/* Navigation and typed reads, as exported to plugins through ppreg_api. */
const ppreg_node *node_get(const ppreg_node *n, const char *path);
/* The value of one key (key[0..len), no path) of a map, or NULL. */
const ppreg_node *node_lookup(const ppreg_node *n, const char *key, size_t len);
ppreg_node_kind node_kind(const ppreg_node *n);
size_t node_count(const ppreg_node *n);
const ppreg_node *node_item(const ppreg_node *n, size_t i);
const char *node_key(const ppreg_node *n, size_t i);
void node_where(const ppreg_node *n, const char **file, unsigned *line, unsigned *column);
int node_str(const ppreg_node *n, const char **out);
int node_int(const ppreg_node *n, long long *out);
int node_number(const ppreg_node *n, double *out);
int node_amount(const ppreg_node *n, long long *cents);
int node_bool(const ppreg_node *n, int *out);
int node_date(const ppreg_node *n, ppreg_date *out);
int node_duration(const ppreg_node *n, ppreg_duration *out);

#endif
