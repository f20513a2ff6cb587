/*
 * desk/fields.c - declarations compared as values, field by field (fields.h).
 *
 * Every level is a merge of two sorted lists of keyed children (a map's
 * keys, a list's identities or values), so hostile lists of many items
 * cost n log n, not n squared.
 */
#include "desk/fields.h"
#include "report/report.h"
#include "yaml/scalar.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Identity keys of list items, tried in order (fields.h). */
static const char *const identities[][3] = {
	{"id"}, {"platform"}, {"partner"}, {"partner", "course"}, {"company"}, {"company", "date"},
	{"year", "source"}, {"holder"}, {"service"}, {"topic"}, {"country"}, {"payload_sha256"},
	{"name"}, {"number"},
};

typedef enum { V_NULL, V_BOOL, V_NUMBER, V_TEXT, V_LIST, V_MAP } value_kind;

static value_kind kind_of(const ppreg_node *n)
{
	int b;
	switch (node_kind(n)) {
	case PPREG_NODE_LIST: return V_LIST;
	case PPREG_NODE_MAP: return V_MAP;
	case PPREG_NODE_SCALAR: break;
	default: return V_NULL;
	}
	if (scalar_bool(n->text, n->plain, &b) == 0)
		return V_BOOL;
	return scalar_number(n->text, n->plain, NULL) == 0 ? V_NUMBER : V_TEXT;
}

/* A plain decimal without its redundant zeros: 015000.50 is 15000.5. */
static char *canonical_number(const char *s)
{
	int neg = *s == '-';
	s += neg;
	while (*s == '0' && isdigit((unsigned char)s[1]))
		s++;
	const char *dot = strchr(s, '.');
	size_t ilen = dot ? (size_t)(dot - s) : strlen(s), flen = dot ? strlen(dot + 1) : 0;
	while (flen && dot[flen] == '0')
		flen--;
	if (ilen == 1 && *s == '0' && !flen)
		neg = 0;
	return xasprintf("%s%.*s%s%.*s", neg ? "-" : "", (int)ilen, s, flen ? "." : "", (int)flen, dot ? dot + 1 : "");
}

/* A scalar's value as a key: its kind, then its canonical text. */
static char *value_key(const ppreg_node *n)
{
	value_kind k = kind_of(n);
	if (k == V_NUMBER) {
		char *num = canonical_number(n->text), *key = xasprintf("%c%s", '0' + k, num);
		free(num);
		return key;
	}
	return xasprintf("%c%s", '0' + k, k == V_NULL ? "" : n->text);
}

json_t *fields_node_json(const ppreg_node *n)
{
	value_kind k = kind_of(n);
	json_t *j;
	switch (k) {
	case V_NULL: return json_null();
	case V_BOOL: return json_boolean(n->text[0] == 't');
	case V_TEXT: return report_json_text(n->text);
	case V_NUMBER: {
		errno = 0;
		long long v = strchr(n->text, '.') ? 0 : strtoll(n->text, NULL, 10);
		return strchr(n->text, '.') || errno ? json_real(strtod(n->text, NULL)) : json_integer(v);
	}
	case V_LIST:
		j = json_array();
		for (size_t i = 0; j && i < n->n; i++)
			json_array_append_new(j, fields_node_json(n->items[i]));
		return j;
	default:
		j = json_object();
		for (size_t i = 0; j && i < n->n; i++) {
			char *key = report_clean_text(n->keys[i]->text, 0);
			json_object_set_new(j, key, fields_node_json(n->items[i]));
			free(key);
		}
		return j;
	}
}

/* Text shown bare: what YAML would read back as the same text. */
static int bare_word(const char *s)
{
	if (!*s || scalar_is_null(s, 1) || scalar_number(s, 1, NULL) == 0 || !strcmp(s, "true") || !strcmp(s, "false"))
		return 0;
	for (const char *p = s; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr("_-./@+", *p))
			return 0;
	return 1;
}

char *fields_node_text(const ppreg_node *n)
{
	value_kind k = kind_of(n);
	if (k == V_NULL)
		return xstrdup("null");
	if (k == V_NUMBER)
		return canonical_number(n->text);
	if (k == V_BOOL || (k == V_TEXT && bare_word(n->text)))
		return xstrdup(n->text);
	json_t *j = fields_node_json(n);
	char *text = j ? json_dumps(j, JSON_PRESERVE_ORDER | JSON_ENCODE_ANY) : NULL;
	json_decref(j);
	if (!text)
		return xstrdup("?");
	char *copy = xstrdup(text);
	free(text);
	return copy;
}

const char *field_change_name(field_change_kind k)
{
	return k == FIELD_ADDED ? "added" : k == FIELD_REMOVED ? "removed" : "modified";
}

static void add_change(field_changes *out, const char *file, const char *path, const ppreg_node *a,
                       const ppreg_node *b)
{
	if (out->n == out->cap) {
		out->cap = out->cap ? 2 * out->cap : 16;
		out->v = xrealloc(out->v, out->cap * sizeof *out->v);
	}
	out->v[out->n++] = (field_change){xstrdup(file), xstrdup(path),
		!a ? FIELD_ADDED : !b ? FIELD_REMOVED : FIELD_MODIFIED,
		a ? fields_node_json(a) : NULL, b ? fields_node_json(b) : NULL,
		a ? fields_node_text(a) : NULL, b ? fields_node_text(b) : NULL, a ? a->line : 0, b ? b->line : 0};
}

void field_changes_free(field_changes *c)
{
	for (size_t i = 0; i < c->n; i++) {
		field_change *f = &c->v[i];
		free(f->file), free(f->path), free(f->from_text), free(f->to_text);
		json_decref(f->from), json_decref(f->to);
	}
	free(c->v);
	*c = (field_changes){0};
}

/* One child of a map or list: what it is matched by, and its path. */
typedef struct {
	char *key, *path;
	const ppreg_node *node;
	size_t pos;
} child;

typedef struct {
	child *v;
	size_t n;
} children;

static void push_child(children *c, char *key, char *path, const ppreg_node *node)
{
	c->v = xrealloc(c->v, (c->n + 1) * sizeof *c->v);
	c->v[c->n] = (child){key, path, node, c->n};
	c->n++;
}

static int child_cmp(const void *x, const void *y)
{
	const child *a = x, *b = y;
	int c = strcmp(a->key, b->key);
	return c ? c : (a->pos > b->pos) - (a->pos < b->pos);
}

static void free_children(children *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i].key), free(c->v[i].path);
	free(c->v);
}

static void diff_node(const ppreg_node *a, const ppreg_node *b, const char *file, const char *path,
                      field_changes *out);

/* Pairs the children by key: a pair is compared, the others are removed
 * or added. Consumes both lists. */
static void merge(children *ca, children *cb, const char *file, field_changes *out)
{
	if (ca->n > 1)
		qsort(ca->v, ca->n, sizeof *ca->v, child_cmp);
	if (cb->n > 1)
		qsort(cb->v, cb->n, sizeof *cb->v, child_cmp);
	size_t i = 0, j = 0;
	while (i < ca->n || j < cb->n) {
		int c = i == ca->n ? 1 : j == cb->n ? -1 : strcmp(ca->v[i].key, cb->v[j].key);
		if (c == 0)
			diff_node(ca->v[i].node, cb->v[j].node, file, cb->v[j].path, out), i++, j++;
		else if (c < 0)
			add_change(out, file, ca->v[i].path, ca->v[i].node, NULL), i++;
		else
			add_change(out, file, cb->v[j].path, NULL, cb->v[j].node), j++;
	}
	free_children(ca), free_children(cb);
}

static void map_children(const ppreg_node *m, const char *path, children *out)
{
	for (size_t i = 0; i < m->n; i++) {
		const char *k = m->keys[i]->text;
		push_child(out, xstrdup(k), *path ? xasprintf("%s.%s", path, k) : xstrdup(k), m->items[i]);
	}
}

static int is_scalar(value_kind k)
{
	return k != V_LIST && k != V_MAP;
}

static int all_scalars(const ppreg_node *l)
{
	for (size_t i = 0; i < l->n; i++)
		if (!is_scalar(kind_of(l->items[i])))
			return 0;
	return 1;
}

/* The identity of a list item under key set `id`, as a key (NULL when an
 * item lacks one of the keys or holds no scalar there) and as shown. */
static char *identity(const ppreg_node *item, const char *const *id, char **shown)
{
	char *key = xstrdup(""), *text = xstrdup("");
	for (size_t k = 0; k < 3 && id[k]; k++) {
		const ppreg_node *v = node_lookup(item, id[k], strlen(id[k]));
		value_kind vk = v ? kind_of(v) : V_NULL;
		if (node_kind(item) != PPREG_NODE_MAP || vk == V_NULL || !is_scalar(vk)) {
			free(key), free(text);
			return NULL;
		}
		char *vkey = value_key(v), *nk = xasprintf("%s%s\x1f", key, vkey);
		char *nt = xasprintf("%s%s%s", text, k ? " " : "", v->text);
		free(vkey), free(key), free(text);
		key = nk, text = nt;
	}
	if (shown)
		*shown = text;
	else
		free(text);
	return key;
}

/* Whether every item of l has an identity under `id`, each once. */
static int identifies(const ppreg_node *l, const char *const *id)
{
	children c = {0};
	int ok = 1;
	for (size_t i = 0; ok && i < l->n; i++) {
		char *key = identity(l->items[i], id, NULL);
		if (key)
			push_child(&c, key, NULL, NULL);
		ok = key != NULL;
	}
	if (ok && c.n > 1) {
		qsort(c.v, c.n, sizeof *c.v, child_cmp);
		for (size_t i = 1; ok && i < c.n; i++)
			ok = strcmp(c.v[i - 1].key, c.v[i].key) != 0;
	}
	free_children(&c);
	return ok;
}

/* How the items of two lists are matched: a scalar's value (-2), an
 * identity (its index in `identities`), or the position (-1). */
static int list_matching(const ppreg_node *a, const ppreg_node *b)
{
	if (all_scalars(a) && all_scalars(b))
		return -2;
	for (size_t i = 0; i < sizeof identities / sizeof *identities; i++)
		if (identifies(a, identities[i]) && identifies(b, identities[i]))
			return (int)i;
	return -1;
}

static void list_children(const ppreg_node *l, const char *path, int how, children *out)
{
	for (size_t i = 0; i < l->n; i++) {
		const ppreg_node *item = l->items[i];
		char *shown = NULL, *key;
		if (how == -2) {
			key = value_key(item);
			shown = kind_of(item) == V_NULL ? xstrdup("null") : xstrdup(item->text);
		} else if (how >= 0) {
			key = identity(item, identities[how], &shown);
		} else {
			key = xasprintf("%020zu", i);
			shown = xasprintf("#%zu", i + 1);
		}
		push_child(out, key, xasprintf("%s[%s]", path, shown), item);
		free(shown);
	}
}

static void diff_node(const ppreg_node *a, const ppreg_node *b, const char *file, const char *path,
                      field_changes *out)
{
	value_kind ka = kind_of(a), kb = kind_of(b);
	children ca = {0}, cb = {0};
	if (ka != kb) {
		add_change(out, file, path, a, b);
	} else if (ka == V_MAP) {
		map_children(a, path, &ca), map_children(b, path, &cb);
		merge(&ca, &cb, file, out);
	} else if (ka == V_LIST) {
		int how = list_matching(a, b);
		list_children(a, path, how, &ca), list_children(b, path, how, &cb);
		merge(&ca, &cb, file, out);
	} else if (ka != V_NULL) {
		char *x = value_key(a), *y = value_key(b);
		if (strcmp(x, y))
			add_change(out, file, path, a, b);
		free(x), free(y);
	}
}

void fields_diff(const ppreg_node *a, const ppreg_node *b, const char *file, field_changes *out)
{
	if (!a || !b)
		add_change(out, file, "", a, b);
	else
		diff_node(a, b, file, "", out);
}
