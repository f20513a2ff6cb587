/*
 * desk/site_facts.c - declared facts read from the declaration trees
 * (site_facts.h).
 */
#include "desk/site_facts.h"
#include "desk/site_html.h"
#include "base/i18n.h"
#include "base/util.h"
#include "registry/registry.h"
#include "yaml/node.h"

#include <stdlib.h>
#include <string.h>

int site_decls_load(run *r, const char *id, site_decls *d)
{
	platform_tree *t = NULL;
	finding_list ignored = {0};
	finding_sink sink = {&ignored, NULL, 0, 0};
	d->n = r->pol->n_files;
	d->names = (const char *const *)r->pol->files;
	d->docs = xcalloc(d->n ? d->n : 1, sizeof *d->docs);
	d->owned_roots = xcalloc(d->n ? d->n : 1, sizeof *d->owned_roots);
	d->roots = d->owned_roots;
	int rc = registry_platform(r->reg, id, &t);
	if (rc == PPREG_ABSENT || (rc == 0 && (t->kind != ENTRY_DIR || t->truncated)))
		rc = 0; /* not a folder that can be read: the verdict says so */
	else
		for (size_t i = 0; rc == 0 && i < d->n; i++) {
			const platform_entry *e = platform_find(t, d->names[i]);
			unsigned char *data = NULL;
			size_t len = 0;
			int got = e ? registry_read_entry(r->reg, t, e, r->pol->limits.max_bytes, &data, &len) : PPREG_ABSENT;
			if (got == ERR_FAIL)
				rc = ERR_FAIL;
			if (got == 0) {
				char *file = xasprintf("platforms/%s/%s", id, d->names[i]);
				d->docs[i] = ydoc_parse(file, data, len, &r->pol->limits, &sink);
				d->owned_roots[i] = ydoc_root(d->docs[i]);
				free(file);
			}
			free(data);
		}
	findings_free(&ignored);
	platform_tree_free(t);
	return rc;
}

void site_decls_free(site_decls *d)
{
	for (size_t i = 0; d->docs && i < d->n; i++)
		ydoc_free(d->docs[i]);
	free(d->docs);
	free(d->owned_roots);
	memset(d, 0, sizeof *d);
}

static const ppreg_node *decl_root(const site_decls *d, const char *file)
{
	for (size_t i = 0; i < d->n; i++)
		if (!strcmp(d->names[i], file))
			return d->roots[i];
	return NULL;
}

const ppreg_node *site_decl_get(const site_decls *d, const char *file, const char *path)
{
	return node_get(decl_root(d, file), path);
}

const char *site_scalar(const ppreg_node *n)
{
	return n && n->kind == PPREG_NODE_SCALAR && !n->null ? n->text : NULL;
}

static int all_scalars(const ppreg_node *n)
{
	for (size_t i = 0; i < n->n; i++)
		if (node_kind(n->items[i]) == PPREG_NODE_LIST || node_kind(n->items[i]) == PPREG_NODE_MAP)
			return 0;
	return 1;
}

static int all_maps(const ppreg_node *n)
{
	for (size_t i = 0; i < n->n; i++)
		if (node_kind(n->items[i]) != PPREG_NODE_MAP)
			return 0;
	return n->n > 0;
}

/* The keys of a list of maps, first seen first: a table's columns. */
#define MAX_COLUMNS 24
static size_t columns_of(const ppreg_node *list, const char **cols)
{
	size_t n = 0;
	for (size_t i = 0; i < list->n; i++) {
		const ppreg_node *m = list->items[i];
		for (size_t k = 0; k < m->n && n < MAX_COLUMNS; k++) {
			const char *key = m->keys[k]->text;
			size_t c = 0;
			while (c < n && strcmp(cols[c], key))
				c++;
			if (c == n)
				cols[n++] = key;
		}
	}
	return n;
}

static void put_table(FILE *out, const ppreg_node *list, const char *caption, int depth, size_t *budget)
{
	const char *cols[MAX_COLUMNS];
	size_t n = columns_of(list, cols), width = 0;
	for (size_t c = 0; c < n; c++)
		width += strlen(cols[c]);
	if (width >= *budget) {
		*budget = 0;
		fputs("…", out);
		return;
	}
	*budget -= width;
	html_table_begin(out, caption, cols, n);
	for (size_t i = 0; i < list->n; i++) {
		fputs("<tr>", out);
		for (size_t c = 0; c < n; c++) {
			fputs("<td>", out);
			site_put_node(out, node_lookup(list->items[i], cols[c], strlen(cols[c])), cols[c], depth - 1, budget);
			fputs("</td>", out);
		}
		fputs("</tr>\n", out);
	}
	html_table_end(out);
}

void site_put_node(FILE *out, const ppreg_node *n, const char *caption, int depth, size_t *budget)
{
	ppreg_node_kind k = node_kind(n);
	if (k == PPREG_NODE_NULL) {
		fputs(n ? "—" : "", out);
	} else if (k == PPREG_NODE_SCALAR && n->len >= *budget) {
		*budget = 0;
		fputs("…", out);
	} else if (k == PPREG_NODE_SCALAR) {
		*budget -= n->len;
		html_text(out, n->text);
	} else if (depth <= 0 || !*budget) {
		fputs("…", out);
	} else if (k == PPREG_NODE_LIST && !n->n) {
		fputs("—", out);
	} else if (k == PPREG_NODE_LIST && all_scalars(n)) {
		for (size_t i = 0; i < n->n; i++) {
			fputs(i ? ", " : "", out);
			site_put_node(out, n->items[i], caption, depth - 1, budget);
		}
	} else if (k == PPREG_NODE_LIST && all_maps(n)) {
		put_table(out, n, caption, depth, budget);
	} else if (k == PPREG_NODE_LIST) {
		fputs("<ol>", out);
		for (size_t i = 0; i < n->n; i++) {
			fputs("<li>", out);
			site_put_node(out, n->items[i], caption, depth - 1, budget);
			fputs("</li>", out);
		}
		fputs("</ol>\n", out);
	} else {
		fputs("<dl>", out);
		for (size_t i = 0; i < n->n && n->keys[i]->len < *budget; i++) {
			*budget -= n->keys[i]->len;
			fputs("<dt>", out);
			html_text(out, n->keys[i]->text);
			fputs("</dt><dd>", out);
			site_put_node(out, n->items[i], n->keys[i]->text, depth - 1, budget);
			fputs("</dd>", out);
		}
		fputs("</dl>\n", out);
	}
}

void site_put_eur(FILE *out, long long cents)
{
	unsigned long long u = cents < 0 ? 0ULL - (unsigned long long)cents : (unsigned long long)cents;
	fprintf(out, "%s%llu.%02llu", cents < 0 ? "-" : "", u / 100, u % 100);
}

/* Funding by year, in all and from industry: what HAS point 9 asks a
 * reader to see at once. Years as declared, in the declaration's order
 * of first appearance. */
#define MAX_YEARS 64
static void put_funding_by_year(FILE *out, const site_decls *d, int h)
{
	const ppreg_node *f = site_decl_get(d, "transparency.yaml", "funding");
	const char *years[MAX_YEARS];
	long long total[MAX_YEARS] = {0}, industry[MAX_YEARS] = {0};
	size_t n = 0;
	for (size_t i = 0; i < node_count(f) && node_kind(f) == PPREG_NODE_LIST; i++) {
		const char *y = site_scalar(node_get(f->items[i], "year")), *kind = site_scalar(node_get(f->items[i], "kind"));
		long long cents;
		if (!y || node_amount(node_get(f->items[i], "amount_eur"), &cents) != PPREG_OK)
			continue;
		size_t k = 0;
		while (k < n && strcmp(years[k], y))
			k++;
		if (k == n && n == MAX_YEARS)
			continue;
		if (k == n)
			years[n++] = y;
		total[k] += cents;
		if (kind && !strcmp(kind, "industry"))
			industry[k] += cents;
	}
	if (!n)
		return;
	const char *cols[] = {_("Year"), _("Funding (EUR)"), _("From industry (EUR)")};
	fprintf(out, "<h%d>%s</h%d>\n", h, _("Funding by year"), h);
	html_table_begin(out, _("Funding by year, and the part from industry"), cols, 3);
	for (size_t k = 0; k < n; k++) {
		fputs("<tr><th scope=\"row\">", out);
		html_text(out, years[k]);
		fputs("</th><td>", out);
		site_put_eur(out, total[k]);
		fputs("</td><td>", out);
		site_put_eur(out, industry[k]);
		fputs("</td></tr>\n", out);
	}
	html_table_end(out);
}

/* The facts a reviewer checks first, where the format puts them. A key
 * absent from a declaration is left out; one added later shows under
 * "Other declared fields". */
static const struct {
	const char *heading;
	const char *file;
	const char *keys[4];
	void (*extra)(FILE *out, const site_decls *d, int h); /* what is computed from them */
} sections[] = {
	{N_("Legal entity"), "registration.yaml", {"platform", "legal_entity", "contact"}, NULL},
	{N_("Domains and services"), "registration.yaml", {"domains", "services"}, NULL},
	{N_("Authorization, as declared"), "registration.yaml", {"authorization"}, NULL},
	{N_("Ownership and funding"), "transparency.yaml", {"ownership", "funding", "public_backers"}, put_funding_by_year},
	{N_("Industry links"), "transparency.yaml", {"industry_links"}, NULL},
	{N_("Patient partners"), "transparency.yaml", {"patient_partners", "regulated_acts"}, NULL},
	{N_("Hosting and HDS certificates"), "gdpr.yaml", {"hosting", "transfers_outside_eea"}, NULL},
	{N_("Charter"), "charter.yaml", {"charter", "commitments"}, NULL},
	{N_("Training"), "training.yaml", {"courses", "certifications"}, NULL},
};
#define N_SECTIONS (sizeof sections / sizeof *sections)

static int shown_in_section(const char *file, const char *key)
{
	if (!strcmp(key, "format"))
		return 1;
	for (size_t s = 0; s < N_SECTIONS; s++)
		for (size_t k = 0; k < 4 && sections[s].keys[k]; k++)
			if (!strcmp(sections[s].file, file) && !strcmp(sections[s].keys[k], key))
				return 1;
	return 0;
}

static void put_field(FILE *out, const char *file, const char *key, const ppreg_node *v, int h, size_t *budget)
{
	fprintf(out, "<h%d><code>", h);
	html_text(out, file);
	fputs(": ", out);
	html_text(out, key);
	fprintf(out, "</code></h%d>\n<div>", h);
	site_put_node(out, v, key, 6, budget);
	fputs("</div>\n", out);
}

void site_put_facts(FILE *out, const site_decls *d, int h)
{
	size_t budget = SITE_FACTS_MAX_TEXT;
	for (size_t s = 0; s < N_SECTIONS; s++) {
		fprintf(out, "<section>\n<h%d>%s</h%d>\n", h, _(sections[s].heading), h);
		int any = 0;
		for (size_t k = 0; k < 4 && sections[s].keys[k]; k++) {
			const ppreg_node *v = site_decl_get(d, sections[s].file, sections[s].keys[k]);
			if (v) {
				put_field(out, sections[s].file, sections[s].keys[k], v, h + 1, &budget);
				any = 1;
			}
		}
		if (sections[s].extra)
			sections[s].extra(out, d, h + 1);
		if (!any)
			fprintf(out, "<p>%s</p>\n", _("Not declared, or not readable."));
		fputs("</section>\n", out);
	}
	fprintf(out, "<section>\n<h%d>%s</h%d>\n", h, _("Other declared fields"), h);
	for (size_t i = 0; i < d->n; i++) {
		const ppreg_node *root = d->roots[i];
		for (size_t k = 0; node_kind(root) == PPREG_NODE_MAP && k < root->n; k++)
			if (!shown_in_section(d->names[i], root->keys[k]->text))
				put_field(out, d->names[i], root->keys[k]->text, root->items[k], h + 1, &budget);
	}
	fputs("</section>\n", out);
}
