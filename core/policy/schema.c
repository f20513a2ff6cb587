/*
 * policy/schema.c - the walk that gives core.type, core.unknown-field and missing
 * required fields, with the plugins' ppreg_field tables as the grammar.
 *
 * A field's path names map keys joined by "." and list items by "[]". The
 * fields of one declaration file are compiled once per run into a tree of
 * path segments (schema_compile), which the walk follows beside the
 * document: a key with no node is an unknown field (not descended into), a
 * field of type ANY accepts anything below it. Required fields are checked
 * when their parent map is met, so a missing parent is reported once, not
 * for every child.
 */
#include "policy/schema.h"
#include "base/i18n.h"
#include "yaml/node.h"
#include "yaml/scalar.h"
#include "base/i18n.h"
#include "base/suggest.h"

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

const char *schema_type_name(ppreg_type t)
{
	static const char *names[] = {N_("a value"), N_("a string"), N_("an integer"), N_("a number"),
		N_("true or false"), N_("a date YYYY-MM-DD"), N_("an ISO-8601 duration (e.g. P3Y)"),
		N_("one of"), N_("an http(s) URL"), N_("an e-mail address"), N_("an ISO 3166-1 alpha-2 country code"),
		N_("a SHA-256 (64 lowercase hex digits)"), N_("a list"), N_("a mapping"),
		N_("an amount exact to the cent (a number with at most two decimals)")};
	return _((unsigned)t < sizeof names / sizeof *names ? names[t] : names[0]);
}

static int scalar_type_ok(const ppreg_node *n, ppreg_type type, const char *values)
{
	const char *t = n->text;
	long long i;
	int b;
	ppreg_date date;
	ppreg_duration dur;
	switch (type) {
	case PPREG_T_STRING: return scalar_bool(t, n->plain, &b) != 0 && *t;
	case PPREG_T_INT: return scalar_int(t, n->plain, &i) == 0;
	case PPREG_T_NUMBER: return scalar_number(t, n->plain, NULL) == 0;
	case PPREG_T_BOOL: return scalar_bool(t, n->plain, &b) == 0;
	case PPREG_T_DATE: return scalar_date(t, &date) == 0;
	case PPREG_T_DURATION: return scalar_duration(t, &dur) == 0;
	case PPREG_T_ENUM: return values && scalar_enum(t, values) == 0;
	case PPREG_T_URL: return scalar_url(t) > 0;
	case PPREG_T_EMAIL: return scalar_email(t) == 0;
	case PPREG_T_COUNTRY: return scalar_country(t) == 0;
	case PPREG_T_SHA256: return scalar_sha256(t) == 0;
	case PPREG_T_AMOUNT: return scalar_amount(t, n->plain, NULL) == 0;
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
		const char *got = n->kind == PPREG_NODE_LIST ? _("a list") :
		                  n->kind == PPREG_NODE_MAP ? _("a mapping") : n->text;
		if (type == PPREG_T_ENUM)
			snprintf(why, why_len, _("expected one of %s, got '%.60s'"), values ? values : "?", got);
		else if (n->kind == PPREG_NODE_SCALAR && !*n->text)
			snprintf(why, why_len, _("expected %s, got an empty string"),
			         type == PPREG_T_STRING ? _("a non-empty string") : schema_type_name(type));
		else
			snprintf(why, why_len, _("expected %s, got '%.60s'"), schema_type_name(type), got);
	}
	return ok;
}

/*
 * The compiled schema: the fields' paths as a tree, one node per path
 * segment, children sorted by key (length first), the "[]" segment apart.
 * Walking a document and this tree together costs one binary search per
 * key, with no path string built (paths are kept for messages only).
 */
struct schema {
	schema_node *root;
	size_t n_fields;
};

static schema_node *new_schema_node(const schema_node *parent, const char *name, size_t len, size_t order)
{
	schema_node *n = xcalloc(1, sizeof *n);
	n->order = order;
	n->name = xstrndup(name, len);
	n->name_len = len;
	if (!parent)
		n->path = xstrdup("");
	else if (!strcmp(n->name, "[]"))
		n->path = xasprintf("%s[]", parent->path);
	else
		n->path = xasprintf("%s%s%s", parent->path, *parent->path ? "." : "", n->name);
	return n;
}

/* Children are ordered by length, then bytes: find_child compares a key's
 * length first, which settles most steps without reading either text. */
static int key_order(const char *a, size_t a_len, const schema_node *b)
{
	if (a_len != b->name_len)
		return a_len < b->name_len ? -1 : 1;
	return memcmp(a, b->name, a_len);
}

/* The child of n named name[0..len), created when absent. */
static schema_node *child_for(schema_node *n, const char *name, size_t len, size_t order)
{
	if (len == 2 && !memcmp(name, "[]", 2))
		return n->items ? n->items : (n->items = new_schema_node(n, name, len, order));
	for (size_t i = 0; i < n->n_children; i++)
		if (key_order(name, len, n->children[i]) == 0)
			return n->children[i];
	if (n->n_children == n->cap) {
		n->cap = n->cap ? n->cap * 2 : 4;
		n->children = xrealloc(n->children, n->cap * sizeof *n->children);
	}
	return n->children[n->n_children++] = new_schema_node(n, name, len, order);
}

/* "a.b[].c" is the segments a, b, [], c. */
static void add_field(schema_node *root, const ppreg_field *f, size_t order)
{
	schema_node *n = root;
	for (const char *p = f->path; *p;) {
		size_t len = strcspn(p, ".[");
		if (len == 0 && !strncmp(p, "[]", 2))
			len = 2;
		else if (len == 0) { /* a stray '.' or '[': the path cannot be walked */
			return;
		}
		n = child_for(n, p, len, order);
		p += len;
		if (*p == '.')
			p++;
	}
	if (n != root && !n->field)
		n->field = f; /* the first plugin to declare a path owns it */
}

static int by_name(const void *a, const void *b)
{
	const schema_node *x = *(schema_node *const *)a;
	return key_order(x->name, x->name_len, *(schema_node *const *)b);
}

static int is_required(const schema_node *n)
{
	return n->field && (n->field->flags & PPREG_REQUIRED);
}

static void sort_tree(schema_node *n)
{
	if (n->n_children > 1)
		qsort(n->children, n->n_children, sizeof *n->children, by_name);
	for (size_t i = 0; i < n->n_children; i++) {
		n->n_required += is_required(n->children[i]);
		sort_tree(n->children[i]);
	}
	if (n->items)
		sort_tree(n->items);
}

schema *schema_compile(const field_set *fields)
{
	schema *s = xcalloc(1, sizeof *s);
	s->root = new_schema_node(NULL, "", 0, 0);
	s->n_fields = fields->n;
	for (size_t i = 0; i < fields->n; i++)
		add_field(s->root, fields->v[i], i);
	sort_tree(s->root);
	return s;
}

static void free_tree(schema_node *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->n_children; i++)
		free_tree(n->children[i]);
	free_tree(n->items);
	free(n->children);
	free(n->name);
	free(n->path);
	free(n);
}

const schema_node *schema_root(const schema *s)
{
	return s->root;
}

size_t schema_n_fields(const schema *s)
{
	return s->n_fields;
}

void schema_free(schema *s)
{
	if (!s)
		return;
	free_tree(s->root);
	free(s);
}

static const schema_node *find_child(const schema_node *n, const ppreg_node *key)
{
	size_t lo = 0, hi = n->n_children;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = key_order(key->text, key->len, n->children[mid]);
		if (c == 0)
			return n->children[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

typedef struct {
	const char *file;
	finding_sink *sink;
} walk_ctx;

static void walk(walk_ctx *w, const ppreg_node *n, const schema_node *sn);

/* One value against its field. A null map value is judged by the required
 * check of its map (optional: absent); a null list item has no such check
 * and is reported here: a list of holders, hosts or clauses with an empty
 * entry would otherwise pass as a list of one more. */
static void check_value(walk_ctx *w, const ppreg_node *v, const schema_node *sn, int list_item)
{
	char why[256];
	const ppreg_field *f = sn->field;
	if (node_kind(v) == PPREG_NODE_NULL) {
		if (list_item && f->type != PPREG_T_ANY)
			sink_add(w->sink, "core.type", PPREG_SEV_ERROR, w->file, v->line, v->column,
			         _("%s: expected %s%s%s, got an empty item"), sn->path, schema_type_name(f->type),
			         f->type == PPREG_T_ENUM ? " " : "", f->type == PPREG_T_ENUM && f->values ? f->values : "");
		return;
	}
	if (!schema_type_ok(v, f->type, f->values, why, sizeof why)) {
		sink_add(w->sink, "core.type", PPREG_SEV_ERROR, w->file, v->line, v->column,
		         _("%s: %s"), sn->path, why);
		((ppreg_node *)v)->mistyped = 1; /* the walk owns the tree it was given */
		return;
	}
	if (f->type != PPREG_T_ANY && (v->kind == PPREG_NODE_MAP || v->kind == PPREG_NODE_LIST))
		walk(w, v, sn);
}

/* Required keys of a map: missing, reported at the map; present with an
 * empty value (`dpo: ~`), reported at that value, on the key's line. */
static void check_required(walk_ctx *w, const ppreg_node *map, const schema_node *sn)
{
	for (size_t i = 0; i < sn->n_children; i++) {
		const ppreg_field *f = sn->children[i]->field;
		if (!is_required(sn->children[i]))
			continue;
		const ppreg_node *v = node_get(map, sn->children[i]->name);
		if (v && node_kind(v) != PPREG_NODE_NULL)
			continue;
		const ppreg_node *at = v ? v : map;
		sink_add(w->sink, f->rule ? f->rule : "core.type", PPREG_SEV_ERROR, w->file, at->line, at->column,
		         v ? _("required field '%s' is empty") : _("missing required field '%s'"), f->path);
	}
}

/* The required keys are counted as the map's keys are met (keys are
 * unique, a document with a repeated key is never walked): when all are
 * there with a value, as in nearly every map, none is looked up again. */

/* core.unknown-field, with the field the key probably meant (a typo, or
 * `share` for `share_percent`). */
static void unknown_field(walk_ctx *w, const schema_node *sn, const ppreg_node *k)
{
	suggestion sg;
	suggest_init(&sg, k->text);
	for (size_t i = 0; i < sn->n_children; i++)
		if (sn->children[i]->field)
			suggest_offer(&sg, sn->children[i]->name);
	const char *near = suggest_best(&sg);
	/* whole sentences, so that a translator can order them */
	sink_add(w->sink, "core.unknown-field", PPREG_SEV_WARNING, w->file, k->line, k->column,
	         *sn->path ? (near ? _("unknown field '%.80s' in %.200s; did you mean '%.80s'?")
	                           : _("unknown field '%.80s' in %.200s%.0s"))
	                   : (near ? _("unknown field '%.80s'%.0s; did you mean '%.80s'?")
	                           : _("unknown field '%.80s'%.0s%.0s")),
	         k->text, sn->path, near ? near : "");
}

static void walk_map(walk_ctx *w, const ppreg_node *n, const schema_node *sn)
{
	size_t required = 0;
	for (size_t i = 0; i < n->n; i++) {
		const ppreg_node *k = n->keys[i];
		if (!sn->field && node_text_is(k, "format", 6))
			continue; /* the root's format: the core's own, checked in schema_check */
		const schema_node *child = find_child(sn, k);
		if (!child || !child->field) {
			unknown_field(w, sn, k);
			continue;
		}
		required += is_required(child) && node_kind(n->items[i]) != PPREG_NODE_NULL;
		check_value(w, n->items[i], child, 0);
	}
	if (required < sn->n_required)
		check_required(w, n, sn);
}

static void walk_list(walk_ctx *w, const ppreg_node *n, const schema_node *sn)
{
	if (!sn->items || !sn->items->field)
		return; /* items not described: any value */
	for (size_t i = 0; i < n->n; i++)
		check_value(w, n->items[i], sn->items, 1);
}

static void walk(walk_ctx *w, const ppreg_node *n, const schema_node *sn)
{
	if (n->kind == PPREG_NODE_MAP)
		walk_map(w, n, sn);
	else if (n->kind == PPREG_NODE_LIST)
		walk_list(w, n, sn);
}

void schema_check_compiled(const ppreg_node *root, const char *file, const schema *s, finding_sink *sink)
{
	if (!root || root->kind != PPREG_NODE_MAP) {
		sink_add(sink, "core.type", PPREG_SEV_ERROR, file, root ? root->line : 1,
		         root ? root->column : 1, _("a declaration is a mapping that starts with 'format: %s'"),
		         FORMAT_VALUE);
		return;
	}
	const ppreg_node *fmt = node_get(root, "format");
	const char *text;
	if (node_str(fmt, &text) != PPREG_OK || strcmp(text, FORMAT_VALUE))
		sink_add(sink, "core.type", PPREG_SEV_ERROR, file, fmt ? fmt->line : root->line,
		         fmt ? fmt->column : root->column, _("expected 'format: %s'"), FORMAT_VALUE);
	if (s->n_fields == 0)
		return; /* no plugin describes this file: only the format is known */
	walk_ctx w = {file, sink};
	walk(&w, root, s->root);
}

void schema_check(const ppreg_node *root, const char *file, const field_set *fields,
                  finding_sink *sink)
{
	schema *s = schema_compile(fields);
	schema_check_compiled(root, file, s, sink);
	schema_free(s);
}
