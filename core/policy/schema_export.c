/*
 * policy/schema_export.c - the template and the JSON Schema of a
 * declaration file, walked from the compiled schema tree.
 *
 * A template's empty values are YAML nulls: the file parses, and a check
 * of it reports each required field still empty on its own line, under the
 * rule that owns it, until the author fills it in.
 */
#include "policy/schema_export.h"
#include "base/i18n.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define FORMAT_LINE "format: ppreg/1"

static int by_order(const void *a, const void *b)
{
	size_t x = (*(const schema_node *const *)a)->order, y = (*(const schema_node *const *)b)->order;
	return x < y ? -1 : x > y;
}

/* A node's map keys in the order the plugins declared them. */
static const schema_node **ordered(const schema_node *n)
{
	const schema_node **v = xcalloc(n->n_children + 1, sizeof *v);
	memcpy(v, n->children, n->n_children * sizeof *v);
	qsort(v, n->n_children, sizeof *v, by_order);
	return v;
}

static int is_required(const schema_node *n)
{
	return n->field && (n->field->flags & PPREG_REQUIRED);
}

/* A mapping to descend into: declared one, or a path's undeclared parent. */
static int is_map(const schema_node *n)
{
	return !n->field || n->field->type == PPREG_T_MAP;
}

/* A list whose items are mappings with keys of their own. */
static int is_list_of_maps(const schema_node *n)
{
	return n->field && n->field->type == PPREG_T_LIST && n->items && n->items->n_children;
}

/* "one of a|b|c", "a date YYYY-MM-DD", "a list of strings"... */
static void put_type(FILE *out, const schema_node *n)
{
	const ppreg_field *f = n->field;
	if (!f) {
		fputs(schema_type_name(PPREG_T_MAP), out);
		return;
	}
	fputs(schema_type_name(f->type), out);
	if (f->type == PPREG_T_ENUM)
		fprintf(out, " %s", f->values ? f->values : "");
	if (f->type == PPREG_T_LIST && n->items && n->items->field && !n->items->n_children) {
		fputs(_(", each item "), out);
		put_type(out, n->items);
	}
}

/* "required, a date YYYY-MM-DD; charter.renewal: what it checks", the
 * summary left out when `brief`. */
static void put_description(FILE *out, const schema_node *n, const schema_export *x, int brief)
{
	fputs(is_required(n) ? _("required, ") : _("optional, "), out);
	put_type(out, n);
	const char *rule = n->field ? n->field->rule : NULL;
	const char *summary = rule && x->rule_summary && !brief ? x->rule_summary(x->ctx, rule) : NULL;
	if (rule)
		fprintf(out, "; %s%s%s", rule, summary ? ": " : "", summary ? summary : "");
}

typedef struct {
	FILE *out;
	const schema_export *x;
	ptrvec rules_told;  /* rules whose summary a comment above gave */
} template_ctx;

/* Whether a comment above already gave the summary of this field's rule:
 * many fields share one rule, its summary is said once. */
static int told(template_ctx *t, const schema_node *c)
{
	const char *rule = c->field ? c->field->rule : NULL;
	if (!rule)
		return 1;
	for (size_t i = 0; i < t->rules_told.n; i++)
		if (!strcmp(t->rules_told.v[i], rule))
			return 1;
	ptrvec_push(&t->rules_told, (void *)rule);
	return 0;
}

static void template_keys(template_ctx *t, const schema_node *n, int indent, int commented);

/* One key: its description above it, then the key, then what it holds.
 * An optional key and all below it are commented out. */
static void template_key(template_ctx *t, const schema_node *c, int indent, int commented)
{
	commented = commented || !is_required(c);
	const char *hash = commented ? "# " : "";
	fprintf(t->out, "%s%*s# ", hash, indent, "");
	put_description(t->out, c, t->x, told(t, c));
	fprintf(t->out, "\n%s%*s%s:\n", hash, indent, "", c->name);
	if (is_map(c)) {
		template_keys(t, c, indent + 2, commented);
	} else if (is_list_of_maps(c)) {
		fprintf(t->out, "%s%*s- # %s\n", hash, indent + 2, "", _("one item; repeat it for each"));
		template_keys(t, c->items, indent + 4, commented);
	}
}

static void template_keys(template_ctx *t, const schema_node *n, int indent, int commented)
{
	const schema_node **v = ordered(n);
	for (size_t i = 0; i < n->n_children; i++)
		if (v[i]->field || v[i]->n_children)
			template_key(t, v[i], indent, commented);
	free(v);
}

char *schema_template(const schema *s, const schema_export *x)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	if (!out)
		return error_set(_("cannot write the template: out of memory")), NULL;
	template_ctx t = {out, x, {0}};
	fputs(FORMAT_LINE "\n", out);
	template_keys(&t, schema_root(s), 0, 0);
	free(t.rules_told.v);
	if (fclose(out) != 0) {
		free(text);
		return error_set(_("cannot write the template: out of memory")), NULL;
	}
	return text;
}

static json_t *node_json(const schema_node *n, const schema_export *x);

/* Scalars as an editor reads YAML: a string field takes numbers too ("75001"
 * keeps its text), a date is a string, never a timestamp. */
static json_t *scalar_json(const ppreg_field *f)
{
	switch (f->type) {
	case PPREG_T_STRING: return json_pack("{s:[s,s], s:i}", "type", "string", "number", "minLength", 1);
	case PPREG_T_INT: return json_pack("{s:s}", "type", "integer");
	case PPREG_T_NUMBER: return json_pack("{s:s}", "type", "number");
	case PPREG_T_AMOUNT: return json_pack("{s:s}", "type", "number");
	case PPREG_T_BOOL: return json_pack("{s:s}", "type", "boolean");
	case PPREG_T_DATE:
		return json_pack("{s:s, s:s, s:s}", "type", "string", "format", "date",
		                 "pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
	case PPREG_T_DURATION:
		return json_pack("{s:s, s:s}", "type", "string", "pattern", "^P([0-9]+[YMWD])*(T([0-9]+[HMS])+)?$");
	case PPREG_T_URL:
		return json_pack("{s:s, s:s, s:s}", "type", "string", "format", "uri",
		                 "pattern", "^[Hh][Tt][Tt][Pp][Ss]?://[^/?#\\s]+\\.[^/?#\\s]+");
	case PPREG_T_EMAIL: return json_pack("{s:s, s:s}", "type", "string", "format", "email");
	case PPREG_T_COUNTRY: return json_pack("{s:s, s:s}", "type", "string", "pattern", "^[A-Z]{2}$");
	case PPREG_T_SHA256: return json_pack("{s:s, s:s}", "type", "string", "pattern", "^[0-9a-f]{64}$");
	default: return json_object(); /* PPREG_T_ANY: anything */
	}
}

static json_t *enum_json(const char *values)
{
	json_t *a = json_array();
	for (const char *p = values ? values : ""; a && *p;) {
		size_t n = strcspn(p, "|");
		json_array_append_new(a, json_stringn(p, n));
		p += n + (p[n] == '|');
	}
	return json_pack("{s:o}", "enum", a);
}

static json_t *object_json(const schema_node *n, const schema_export *x)
{
	json_t *props = json_object(), *required = json_array();
	if (!*n->name) { /* the root: the core's own key first */
		json_object_set_new(props, "format", json_pack("{s:s}", "const", "ppreg/1"));
		json_array_append_new(required, json_string("format"));
	}
	const schema_node **v = ordered(n);
	for (size_t i = 0; i < n->n_children; i++) {
		json_t *p = node_json(v[i], x);
		if (!is_required(v[i]) && p) /* an optional key may be left empty */
			p = json_pack("{s:[{s:s}, o]}", "anyOf", "type", "null", p);
		json_object_set_new(props, v[i]->name, p);
		if (is_required(v[i]))
			json_array_append_new(required, json_string(v[i]->name));
	}
	free(v);
	return json_pack("{s:s, s:o, s:o, s:b}", "type", "object", "properties", props, "required", required,
	                 "additionalProperties", 0);
}

static json_t *node_json(const schema_node *n, const schema_export *x)
{
	const ppreg_field *f = n->field;
	json_t *j;
	if (is_map(n))
		j = object_json(n, x);
	else if (f->type == PPREG_T_LIST && n->items && n->items->field)
		j = json_pack("{s:s, s:o}", "type", "array", "items", node_json(n->items, x));
	else if (f->type == PPREG_T_LIST)
		j = json_pack("{s:s}", "type", "array");
	else if (f->type == PPREG_T_ENUM)
		j = enum_json(f->values);
	else
		j = scalar_json(f);
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	if (out) {
		put_description(out, n, x, 0);
		if (fclose(out) == 0 && j)
			json_object_set_new(j, "description", json_string(text));
	}
	free(text);
	return j;
}

char *schema_json(const schema *s, const schema_export *x)
{
	json_t *root = object_json(schema_root(s), x);
	char *title = xasprintf("ppreg %s (policy %s)", x->file, x->policy);
	json_t *head = json_pack("{s:s, s:s, s:s}", "$schema", "https://json-schema.org/draft/2020-12/schema",
	                         "title", title, "description",
	                         _("A file of a ppreg registry, as ppreg and the policy's plugins read it."));
	free(title);
	char *text = NULL;
	if (head && root && json_object_update(head, root) == 0)
		text = json_dumps(head, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(head);
	json_decref(root);
	if (!text)
		error_set(_("cannot build the JSON Schema of %s: out of memory"), x->file);
	return text;
}
