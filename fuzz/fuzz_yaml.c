/*
 * fuzz_yaml.c - fuzz target for the declaration loader: ydoc_parse under the
 * policy's limits (or tight ones, to reach every limit often), then
 * schema_check against the real plugins' fields for one declaration file,
 * then every typed read on every node, the way a plugin would walk it.
 *
 * Input: byte 0 picks the file (its low bits) and the limits (bit 7); the
 * rest is the file's bytes.
 */
#include "fuzz_env.h"
#include "yaml/node.h"
#include "policy/schema.h"
#include "yaml/loader.h"

#include <stdlib.h>
#include <string.h>

/* Reads every node the way plugins do; an alias is walked as often as it
 * is used, which the loader's node limit bounds. The nesting limit applies
 * to the text, so an alias can put a nested anchor under a nested key: the
 * tree a plugin walks is at most max_depth * (max_aliases + 1) deep. */
static size_t walk(const ppreg_node *n, size_t depth, const yaml_limits *lim)
{
	if (depth > lim->max_depth * (lim->max_aliases + 1))
		__builtin_trap(); /* the loader let a deeper tree through */
	const char *s, *file;
	long long i;
	double d;
	int b;
	unsigned line, col;
	ppreg_date date;
	ppreg_duration dur;
	size_t seen = 1;
	node_where(n, &file, &line, &col);
	(void)node_str(n, &s);
	(void)node_int(n, &i);
	(void)node_number(n, &d);
	(void)node_bool(n, &b);
	(void)node_date(n, &date);
	(void)node_duration(n, &dur);
	for (size_t k = 0; k < node_count(n); k++) {
		/* get() finds every key but the ones a dotted path cannot name
		 * ("", "a.b"); only small maps are tried: get() is linear. */
		const char *key = node_key(n, k);
		if (key && *key && !strchr(key, '.') && node_count(n) <= 256 && node_get(n, key) == NULL)
			__builtin_trap();
		seen += walk(node_item(n, k), depth + 1, lim);
	}
	return seen;
}

/* The comments the loader kept: each on one line of the file, placed at a
 * real line and column, and their text together no longer than the file. */
static void check_comments(const ydoc *doc, size_t len)
{
	const char *text;
	unsigned line, col;
	size_t total = 0;
	for (size_t i = 0; (text = ydoc_comment(doc, i, &line, &col)) != NULL; i++) {
		if (line == 0 || col == 0 || strchr(text, '\n') || strchr(text, '\r'))
			__builtin_trap();
		total += strlen(text) + 1; /* and its '#' */
	}
	if (total > len)
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const yaml_limits tight = {4096, 6, 4, 300};
	run *r = fuzz_env_run();
	if (size < 1)
		return 0;
	size_t which = data[0] & 7;
	const char *name = which < r->pol->n_files ? r->pol->files[which] : "registry.yaml";
	const yaml_limits *limits = data[0] & 0x80 ? &tight : &r->pol->limits;
	char file[128];
	snprintf(file, sizeof file, "platforms/%s/%s", FUZZ_PLATFORM, name);

	finding_list fl = {0};
	finding_sink sink = {.list = &fl};
	ydoc *doc = ydoc_parse(file, data + 1, size - 1, limits, &sink);
	if (doc) {
		field_set fs = run_fields_for(r, name);
		schema_check(ydoc_root(doc), file, &fs, &sink);
		field_set_free(&fs);
		if (ydoc_root(doc) && walk(ydoc_root(doc), 0, limits) > limits->max_nodes + 1)
			__builtin_trap(); /* more nodes reachable than the limit allows */
		check_comments(doc, size - 1);
	} else if (fl.n == 0) {
		__builtin_trap(); /* refused without saying why */
	}
	for (size_t i = 0; i < fl.n; i++)
		if (!fl.v[i].rule || !fl.v[i].message || fl.v[i].line == 0)
			__builtin_trap();
	findings_sort(&fl);
	findings_free(&fl);
	ydoc_free(doc);
	return 0;
}
