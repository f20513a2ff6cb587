/*
 * yaml/loader.c - libyaml events into a position-keeping tree, under limits.
 *
 * Declarations are hostile input. The loader therefore works on libyaml's
 * event stream (never yaml_parser_load, which builds an unbounded tree) and
 * stops at the first limit crossed: file size and encoding before parsing,
 * then nesting depth, alias count and node count (an alias counts as the
 * whole subtree it repeats, so a "billion laughs" file stops after a few
 * events). Duplicate keys are found when a mapping closes, by sorting its
 * keys, so a mapping of 100 000 keys costs n log n, not n squared.
 *
 * A document that is not well-formed, too large, wrongly encoded or
 * ambiguous is not returned at all: no plugin may judge what we could not
 * read for certain.
 */
#include "yaml/node.h"
#include "base/i18n.h"
#include "yaml/scalar.h"
#include "base/utf8.h"
#include "yaml/loader.h"
#include "yaml/comments.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* A bump allocator: documents are freed whole. */
typedef struct arena_block {
	struct arena_block *next;
	size_t used, cap;
	unsigned char data[];
} arena_block;

struct ydoc {
	arena_block *blocks;
	char *file;
	ppreg_node *root;
	yaml_comments comments;
};

static void *arena_alloc(ydoc *d, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	arena_block *b = d->blocks;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > 65536 ? n : 65536;
		b = xmalloc(sizeof *b + cap);
		b->cap = cap;
		b->used = 0;
		b->next = d->blocks;
		d->blocks = b;
	}
	void *p = b->data + b->used;
	b->used += n;
	return p;
}

/* An open collection. Its children so far are the top of the loader's
 * `kids` stack from `base` on (for a map: key, value, key, value...), so
 * that building a tree costs no allocation per collection. */
typedef struct {
	ppreg_node *node;
	size_t base;
} frame;

typedef struct {
	const char *name;
	ppreg_node *node;
} anchor;

typedef struct {
	ydoc *doc;
	const yaml_limits *limits;
	finding_sink *sink;
	frame *stack;
	size_t depth, cap;
	ptrvec kids;         /* children of the open collections, innermost last */
	ptrvec scratch;      /* reused by check_duplicates */
	anchor *anchors;
	size_t n_anchors, cap_anchors;
	size_t nodes, aliases, documents;
	int failed;  /* a finding that makes the document unusable */
} loader;

/* libyaml's own messages, translated where they are printed (parse_error) */
static const char *const libyaml_messages[] __attribute__((unused)) = {
	N_("did not find expected key"), N_("mapping values are not allowed in this context"),
	N_("found character that cannot start any token"), N_("did not find expected '-' indicator"),
	N_("could not find expected ':'"), N_("found unexpected end of stream"),
	N_("did not find expected node content"), N_("found undefined tag handle"),
	N_("found a tab character that violates indentation"), N_("found unknown escape character"),
	N_("found a tab character where an indentation space is expected"),
	N_("did not find expected ',' or ']'"), N_("did not find expected ',' or '}'"),
	N_("block sequence entries are not allowed in this context"),
	N_("found duplicate anchor; first occurrence"), N_("control characters are not allowed"),
	N_("invalid leading UTF-8 octet"), N_("invalid trailing UTF-8 octet"),
	N_("incomplete UTF-8 octet sequence"), N_("invalid Unicode character"),
	N_("while parsing a block mapping"), N_("while parsing a block collection"),
	N_("while parsing a flow mapping"), N_("while parsing a flow sequence"),
	N_("while parsing a node"), N_("while scanning a simple key"),
	N_("while scanning a quoted scalar"), N_("while scanning a plain scalar"),
	N_("while scanning a block scalar"), N_("while scanning an anchor"), N_("while scanning an alias"),
	N_("while scanning a tag"), N_("while scanning a directive"),
};

static int fail(loader *l, const char *rule, const yaml_mark_t *m, const char *fmt, ...) PRINTF_LIKE(4, 5);
static int fail(loader *l, const char *rule, const yaml_mark_t *m, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	sink_addv(l->sink, rule, PPREG_SEV_ERROR, l->doc->file,
	          (unsigned)m->line + 1, (unsigned)m->column + 1, msg);
	l->failed = 1;
	return -1;
}

static void note(loader *l, const char *rule, const ppreg_node *n, const char *fmt, ...) PRINTF_LIKE(4, 5);
static void note(loader *l, const char *rule, const ppreg_node *n, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	sink_addv(l->sink, rule, PPREG_SEV_ERROR, l->doc->file, n->line, n->column, msg);
}

static ppreg_node *new_node(loader *l, int kind, const yaml_mark_t *m)
{
	ppreg_node *n = arena_alloc(l->doc, sizeof *n);
	memset(n, 0, sizeof *n);
	n->kind = (unsigned char)kind;
	n->line = (unsigned)m->line + 1;
	n->column = (unsigned)m->column + 1;
	n->file = l->doc->file;
	n->weight = 1;
	return n;
}

static int count_nodes(loader *l, size_t weight, const yaml_mark_t *m)
{
	l->nodes += weight;
	if (l->nodes > l->limits->max_nodes) {
		return fail(l, "core.limits", m, _("more than %zu nodes (aliases expanded)"), l->limits->max_nodes);
	}
	return 0;
}

static int add_anchor(loader *l, const yaml_char_t *name, ppreg_node *n)
{
	if (!name)
		return 0;
	if (l->n_anchors == l->cap_anchors) {
		l->cap_anchors = l->cap_anchors ? l->cap_anchors * 2 : 16;
		l->anchors = xrealloc(l->anchors, l->cap_anchors * sizeof *l->anchors);
	}
	size_t len = strlen((const char *)name);
	char *copy = arena_alloc(l->doc, len + 1);
	memcpy(copy, name, len + 1);
	l->anchors[l->n_anchors++] = (anchor){copy, n};
	return 0;
}

/* Latest definition wins, as YAML says an anchor may be redefined. */
static ppreg_node *find_anchor(loader *l, const yaml_char_t *name)
{
	for (size_t i = l->n_anchors; i-- > 0;)
		if (!strcmp(l->anchors[i].name, (const char *)name))
			return l->anchors[i].node;
	return NULL;
}

/* Keys are strings: a collection, null, boolean or number as a key, or a
 * merge key, would be read differently by different YAML libraries. */
static int check_key(loader *l, ppreg_node *k)
{
	if (k->kind != PPREG_NODE_SCALAR) {
		note(l, "core.type", k, _("a mapping key must be a string"));
		return -1;
	}
	if (!k->plain)
		return 0; /* a quoted key is a string */
	switch (k->text[0]) { /* what null, booleans, numbers and << start with */
	case '\0': case '~': case 'n': case 'N': case 't': case 'f': case '-': case '<':
	case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
		break;
	default:
		return 0; /* most keys: a word */
	}
	long long i;
	int b;
	if (k->text[0] == '<' && !strcmp(k->text, "<<")) {
		note(l, "core.type", k, _("merge keys (<<) are not part of the format"));
		return -1;
	}
	if (scalar_is_null(k->text, k->plain) || scalar_bool(k->text, k->plain, &b) == 0 ||
	    scalar_int(k->text, k->plain, &i) == 0 || scalar_number(k->text, k->plain, NULL) == 0) {
		note(l, "core.type", k, _("mapping key '%s' is not a string"), k->text);
		return -1;
	}
	return 0;
}

/* Attaches a finished node to the collection being built, or makes it root. */
static void attach(loader *l, ppreg_node *n)
{
	if (l->depth == 0) {
		l->doc->root = n;
		return;
	}
	frame *f = &l->stack[l->depth - 1];
	if (f->node->kind == PPREG_NODE_MAP && (l->kids.n - f->base) % 2 == 1) {
		/* A value. A block mapping or list "starts" on the line after its
		 * key; people (and findings about a missing field) point at the key. */
		const ppreg_node *key = l->kids.v[l->kids.n - 1];
		if (n->kind != PPREG_NODE_SCALAR && !n->open && n->weight && n->line > key->line) {
			n->line = key->line;
			n->column = key->column;
		}
	}
	ptrvec_push(&l->kids, n);
	f->node->weight += n->weight;
}

static int push(loader *l, ppreg_node *n, const yaml_mark_t *m)
{
	if (l->depth >= l->limits->max_depth) {
		return fail(l, "core.limits", m, _("nesting deeper than %zu levels"), l->limits->max_depth);
	}
	if (l->depth == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->stack = xrealloc(l->stack, l->cap * sizeof *l->stack);
	}
	l->stack[l->depth++] = (frame){n, l->kids.n};
	n->open = 1;
	return 0;
}

static int key_cmp(const void *a, const void *b)
{
	const ppreg_node *x = *(ppreg_node *const *)a, *y = *(ppreg_node *const *)b;
	int c = strcmp(x->text, y->text);
	if (c) return c;
	return x->line != y->line ? (x->line < y->line ? -1 : 1) : (x->column < y->column ? -1 : 1);
}

/* A repeated key, reported at the later one. */
static void report_duplicate(loader *l, const ppreg_node *first, const ppreg_node *again)
{
	char msg[256];
	snprintf(msg, sizeof msg, _("duplicate key '%.80s' (first at line %u)"), again->text, first->line);
	sink_addv(l->sink, "core.duplicate-key", PPREG_SEV_ERROR, l->doc->file, again->line, again->column, msg);
	l->failed = 1;
}

/* Most mappings have a handful of keys: compared pairwise; larger ones
 * are sorted, so 100 000 keys cost n log n, not n squared. */
#define SMALL_MAP 8

static void check_duplicates(loader *l, ppreg_node *map)
{
	if (map->n < 2)
		return;
	if (map->n <= SMALL_MAP) {
		for (size_t i = 1; i < map->n; i++)
			for (size_t j = 0; j < i; j++)
				if (node_text_is(map->keys[i], map->keys[j]->text, map->keys[j]->len)) {
					report_duplicate(l, map->keys[j], map->keys[i]);
					break;
				}
		return;
	}
	if (l->scratch.cap < map->n) {
		l->scratch.cap = map->n;
		l->scratch.v = xrealloc(l->scratch.v, map->n * sizeof *l->scratch.v);
	}
	ppreg_node **sorted = (ppreg_node **)l->scratch.v;
	memcpy(sorted, map->keys, map->n * sizeof *sorted);
	qsort(sorted, map->n, sizeof *sorted, key_cmp);
	for (size_t i = 1; i < map->n; i++)
		if (!strcmp(sorted[i]->text, sorted[i - 1]->text))
			report_duplicate(l, sorted[i - 1], sorted[i]);
}

/* Closes the innermost collection: moves its children into the arena. */
static void pop(loader *l)
{
	frame *f = &l->stack[--l->depth];
	ppreg_node *n = f->node;
	size_t m = l->kids.n - f->base;
	ppreg_node **kids = m ? (ppreg_node **)l->kids.v + f->base : NULL;
	n->open = 0;
	if (n->kind == PPREG_NODE_LIST) {
		n->n = m;
		n->items = arena_alloc(l->doc, (m ? m : 1) * sizeof *n->items);
		if (m)
			memcpy(n->items, kids, m * sizeof *n->items);
	} else {
		/* pairs whose key is not a string are dropped (already reported) */
		size_t pairs = m / 2, kept = 0;
		n->items = arena_alloc(l->doc, (pairs ? pairs : 1) * sizeof *n->items);
		n->keys = arena_alloc(l->doc, (pairs ? pairs : 1) * sizeof *n->keys);
		for (size_t i = 0; i < pairs; i++) {
			if (check_key(l, kids[2 * i]) == 0) {
				n->keys[kept] = kids[2 * i];
				n->items[kept++] = kids[2 * i + 1];
			}
		}
		n->n = kept;
		check_duplicates(l, n);
	}
	l->kids.n = f->base;
	attach(l, n);
}

static int on_scalar(loader *l, yaml_event_t *ev)
{
	ppreg_node *n = new_node(l, PPREG_NODE_SCALAR, &ev->start_mark);
	size_t len = ev->data.scalar.length;
	const char *v = (const char *)ev->data.scalar.value;
	/* The input is valid UTF-8 without NUL (check_bytes); only the escapes
	 * of a double-quoted scalar ("\0", "\xff") can make a value that is not. */
	if (ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE &&
	    (memchr(v, '\0', len) || utf8_first_invalid((const unsigned char *)v, len) != (size_t)-1))
		return fail(l, "core.encoding", &ev->start_mark, _("a scalar holds a NUL or invalid UTF-8"));
	char *text = arena_alloc(l->doc, len + 1);
	memcpy(text, v, len);
	text[len] = '\0';
	n->text = text;
	n->len = len;
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	n->null = scalar_is_null(n->text, n->plain) != 0;
	if (ev->data.scalar.tag)
		note(l, "core.type", n, _("YAML tag '%.60s' is not part of the format"), (const char *)ev->data.scalar.tag);
	if (count_nodes(l, 1, &ev->start_mark) < 0)
		return -1;
	add_anchor(l, ev->data.scalar.anchor, n);
	attach(l, n);
	return 0;
}

static int on_collection_start(loader *l, yaml_event_t *ev, int kind)
{
	ppreg_node *n = new_node(l, kind, &ev->start_mark);
	const yaml_char_t *tag = kind == PPREG_NODE_LIST ? ev->data.sequence_start.tag
	                                                 : ev->data.mapping_start.tag;
	const yaml_char_t *name = kind == PPREG_NODE_LIST ? ev->data.sequence_start.anchor
	                                                  : ev->data.mapping_start.anchor;
	if (tag)
		note(l, "core.type", n, _("YAML tag '%.60s' is not part of the format"), (const char *)tag);
	if (count_nodes(l, 1, &ev->start_mark) < 0 || push(l, n, &ev->start_mark) < 0)
		return -1;
	add_anchor(l, name, n);
	return 0;
}

static int on_alias(loader *l, yaml_event_t *ev)
{
	if (++l->aliases > l->limits->max_aliases) {
		return fail(l, "core.limits", &ev->start_mark, _("more than %zu aliases"), l->limits->max_aliases);
	}
	ppreg_node *target = find_anchor(l, ev->data.alias.anchor);
	if (!target)
		return fail(l, "core.yaml-syntax", &ev->start_mark, _("alias to an unknown anchor '%.60s'"),
		            (const char *)ev->data.alias.anchor);
	if (target->open)
		return fail(l, "core.yaml-syntax", &ev->start_mark, _("alias '%.60s' refers to itself"),
		            (const char *)ev->data.alias.anchor);
	if (count_nodes(l, target->weight, &ev->start_mark) < 0)
		return -1;
	attach(l, target);
	return 0;
}

static int on_event(loader *l, yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++l->documents > 1)
			return fail(l, "core.yaml-syntax", &ev->start_mark,
			            _("more than one YAML document in the file"));
		return 0;
	case YAML_SCALAR_EVENT:
		return on_scalar(l, ev);
	case YAML_SEQUENCE_START_EVENT:
		return on_collection_start(l, ev, PPREG_NODE_LIST);
	case YAML_MAPPING_START_EVENT:
		return on_collection_start(l, ev, PPREG_NODE_MAP);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		if (l->depth)
			pop(l);
		return 0;
	case YAML_ALIAS_EVENT:
		return on_alias(l, ev);
	default:
		return 0;
	}
}

/* Line and column (1-based) of a byte offset, for encoding errors. */
static void offset_position(const unsigned char *data, size_t off, unsigned *line, unsigned *col)
{
	*line = 1, *col = 1;
	for (size_t i = 0; i < off; i++) {
		if (data[i] == '\n')
			(*line)++, *col = 1;
		else if ((data[i] & 0xc0) != 0x80)
			(*col)++;
	}
}

static int check_bytes(loader *l, const unsigned char *data, size_t len)
{
	if (len > l->limits->max_bytes) {
		sink_add(l->sink, "core.limits", PPREG_SEV_ERROR, l->doc->file, 1, 1,
		         _("file is %zu bytes, more than the policy's %zu"), len, l->limits->max_bytes);
		return -1;
	}
	size_t bad = utf8_first_invalid(data, len);
	if (bad != (size_t)-1) {
		unsigned line, col;
		offset_position(data, bad, &line, &col);
		sink_add(l->sink, "core.encoding", PPREG_SEV_ERROR, l->doc->file, line, col,
		         data[bad] ? _("invalid UTF-8 byte 0x%02x") : _("NUL byte 0x%02x"), (unsigned)data[bad]);
		return -1;
	}
	return 0;
}

/* libyaml's reader refuses characters YAML forbids (C0 controls but tab
 * and newlines, DEL, C1, U+FFFE) with a byte offset and no mark, so their
 * position is computed from the offset; every other error has a mark. */
static void report_parse_error(loader *l, const yaml_parser_t *parser, const unsigned char *input)
{
	if (parser->error == YAML_READER_ERROR) {
		unsigned line, col;
		offset_position(input, parser->problem_offset, &line, &col);
		yaml_mark_t m = {0, line - 1, col - 1};
		fail(l, "core.encoding", &m, "%s (U+%04X)", parser->problem ? _(parser->problem)
		     : _("a character YAML does not allow"), (unsigned)parser->problem_value);
		return;
	}
	char msg[300];
	snprintf(msg, sizeof msg, "%s%s%s", parser->problem ? _(parser->problem) : _("syntax error"),
	         parser->context ? " " : "", parser->context ? _(parser->context) : "");
	fail(l, "core.yaml-syntax", &parser->problem_mark, "%s", msg);
}

static void parse_events(loader *l, const unsigned char *data, size_t len)
{
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		yaml_mark_t m = {0, 0, 0};
		fail(l, "core.yaml-syntax", &m, _("cannot initialise the YAML parser"));
		return;
	}
	size_t skipped = 0;
	if (len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3)) /* a UTF-8 BOM is allowed, not content */
		skipped = 3;
	yaml_parser_set_input_string(&parser, data + skipped, len - skipped);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	comments_init(&l->doc->comments, data + skipped, len - skipped);
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			report_parse_error(l, &parser, data + skipped);
			break;
		}
		comments_on_event(&l->doc->comments, &ev);
		int done = ev.type == YAML_STREAM_END_EVENT;
		int rc = on_event(l, &ev);
		yaml_event_delete(&ev);
		if (done || rc < 0)
			break;
	}
	yaml_parser_delete(&parser);
	l->doc->comments.data = NULL; /* the text was copied; the bytes are the caller's */
}

ydoc *ydoc_parse(const char *file, const unsigned char *data, size_t len,
                 const yaml_limits *limits, finding_sink *sink)
{
	ydoc *doc = xcalloc(1, sizeof *doc);
	doc->file = xstrdup(file);
	loader l = {.doc = doc, .limits = limits, .sink = sink};
	if (check_bytes(&l, data, len) < 0)
		l.failed = 1;
	else
		parse_events(&l, data, len);
	free(l.kids.v);
	free(l.scratch.v);
	free(l.stack);
	free(l.anchors);
	if (l.failed) {
		ydoc_free(doc);
		return NULL;
	}
	return doc;
}

const ppreg_node *ydoc_root(const ydoc *doc)
{
	return doc ? doc->root : NULL;
}

const char *ydoc_comment(const ydoc *doc, size_t i, unsigned *line, unsigned *column)
{
	return doc ? comments_get(&doc->comments, i, line, column) : NULL;
}

const char *ydoc_file(const ydoc *doc)
{
	return doc ? doc->file : NULL;
}

void ydoc_free(ydoc *doc)
{
	if (!doc)
		return;
	while (doc->blocks) {
		arena_block *next = doc->blocks->next;
		free(doc->blocks);
		doc->blocks = next;
	}
	comments_free(&doc->comments);
	free(doc->file);
	free(doc);
}
