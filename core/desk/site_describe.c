/*
 * desk/site_describe.c - a service's declarations as the site needs them
 * (site_describe.h). The attachment is a list of NUL-terminated strings:
 * name, kind, authorization, volunteers' hourly indemnity, the facts'
 * HTML, then three counted lists: domains, partners by status (pairs) and
 * industry funding by year (pairs). A malformed one is never trusted: the
 * declarations are read again.
 */
#define _GNU_SOURCE /* open_memstream */
#include "desk/site_describe.h"
#include "desk/site_page.h"
#include "base/util.h"
#include "yaml/node.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void put(FILE *out, const char *s)
{
	fputs(s ? s : "", out);
	fputc('\0', out);
}

static void put_count(FILE *out, size_t n)
{
	fprintf(out, "%zu", n);
	fputc('\0', out);
}

/* The partners by status, as (status, count) pairs. */
static void put_partners(FILE *out, const site_decls *d)
{
	const ppreg_node *by = site_decl_get(d, "transparency.yaml", "patient_partners.by_status");
	size_t n = 0;
	long long k;
	for (size_t i = 0; node_kind(by) == PPREG_NODE_MAP && i < by->n; i++)
		n += node_int(by->items[i], &k) == PPREG_OK && k > 0 && k < 1000000000;
	put_count(out, n);
	for (size_t i = 0; node_kind(by) == PPREG_NODE_MAP && i < by->n; i++)
		if (node_int(by->items[i], &k) == PPREG_OK && k > 0 && k < 1000000000) {
			put(out, by->keys[i]->text);
			fprintf(out, "%lld", k);
			fputc('\0', out);
		}
}

static int industry_item(const ppreg_node *item, const char **year, long long *cents)
{
	const char *kind = site_scalar(node_get(item, "kind"));
	*year = site_scalar(node_get(item, "year"));
	return *year && kind && !strcmp(kind, "industry") &&
	       node_amount(node_get(item, "amount_eur"), cents) == PPREG_OK && *cents > 0;
}

static void put_industry(FILE *out, const site_decls *d)
{
	const ppreg_node *f = site_decl_get(d, "transparency.yaml", "funding");
	const char *year;
	long long cents;
	size_t n = 0;
	for (size_t i = 0; node_kind(f) == PPREG_NODE_LIST && i < f->n; i++)
		n += industry_item(f->items[i], &year, &cents);
	put_count(out, n);
	for (size_t i = 0; node_kind(f) == PPREG_NODE_LIST && i < f->n; i++)
		if (industry_item(f->items[i], &year, &cents)) {
			put(out, year);
			fprintf(out, "%lld", cents);
			fputc('\0', out);
		}
}

static void encode(const run *r, const site_decls *d, const char *id, platform_result *out)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	if (!m)
		return; /* the reader parses the declarations again */
	put(m, site_scalar(site_decl_get(d, "registration.yaml", "platform.name")));
	put(m, site_scalar(site_decl_get(d, "registration.yaml", "platform.kind")));
	char *auth = site_authorization_text(r, id, d);
	put(m, auth);
	free(auth);
	put(m, site_scalar(site_decl_get(d, "transparency.yaml", "patient_partners.volunteer_indemnity_eur_per_hour")));
	site_put_facts(m, d, 3);
	fputc('\0', m);
	const ppreg_node *dom = site_decl_get(d, "registration.yaml", "domains");
	size_t n = 0;
	for (size_t i = 0; node_kind(dom) == PPREG_NODE_LIST && i < dom->n; i++)
		n += site_scalar(dom->items[i]) != NULL;
	put_count(m, n);
	for (size_t i = 0; node_kind(dom) == PPREG_NODE_LIST && i < dom->n; i++)
		if (site_scalar(dom->items[i]))
			put(m, dom->items[i]->text);
	put_partners(m, d);
	put_industry(m, d);
	if (fclose(m) == 0) {
		out->attachment = (unsigned char *)buf;
		out->attachment_len = len;
	} else {
		free(buf);
	}
}

void site_describe(void *ctx, const run *r, const char *const *files, const ppreg_node *const *roots, size_t n,
                   platform_result *out)
{
	(void)ctx;
	site_decls d = {.n = n, .names = files, .roots = roots};
	free(out->attachment);
	out->attachment = NULL;
	encode(r, &d, out->id, out);
}

/* A counted list at s[*at]: `per` strings an item. 0, or -1. */
static int take_list(site_described *d, size_t *at, size_t per, const char *const **v, size_t *n)
{
	char *end;
	if (*at >= d->n)
		return -1;
	unsigned long long k = strtoull(d->s[*at], &end, 10);
	if (*end || !*d->s[*at] || k > (d->n - *at - 1) / per)
		return -1;
	*v = d->s + *at + 1;
	*n = (size_t)k;
	*at += 1 + (size_t)k * per;
	return 0;
}

static int decode(site_described *d, unsigned char *buf, size_t len)
{
	d->buf = (char *)buf;
	if (!len || buf[len - 1] != '\0')
		return -1;
	for (size_t i = 0; i < len; i++)
		d->n += buf[i] == '\0';
	d->s = xcalloc(d->n, sizeof *d->s);
	for (size_t i = 0, k = 0; i < len; i += strlen(d->buf + i) + 1)
		d->s[k++] = d->buf + i;
	if (d->n < 6)
		return -1;
	d->name = d->s[0], d->kind = d->s[1], d->auth = d->s[2], d->indemnity = d->s[3], d->facts = d->s[4];
	size_t at = 5;
	if (take_list(d, &at, 1, &d->domains, &d->n_domains) < 0 || take_list(d, &at, 2, &d->partners, &d->n_partners) < 0 ||
	    take_list(d, &at, 2, &d->industry, &d->n_industry) < 0)
		return -1;
	return at == d->n ? 0 : -1;
}

void site_described_free(site_described *d)
{
	free(d->buf);
	free(d->s);
	memset(d, 0, sizeof *d);
}

int site_described_take(site_described *d, const run *r, const char *id, platform_result *p)
{
	memset(d, 0, sizeof *d);
	unsigned char *buf = p->attachment;
	size_t len = p->attachment_len;
	p->attachment = NULL, p->attachment_len = 0;
	if (buf && decode(d, buf, len) == 0)
		return 0;
	site_described_free(d); /* and buf, which it holds */
	/* Judged elsewhere than in a worker, or not carried: read here. */
	site_decls decls = {0};
	int rc = site_decls_load((run *)r, id, &decls);
	if (rc == 0) {
		encode(r, &decls, id, p);
		buf = p->attachment, len = p->attachment_len;
		p->attachment = NULL, p->attachment_len = 0;
		rc = buf && decode(d, buf, len) == 0 ? 0 : error_set("%s: its declarations cannot be described", id);
		if (rc < 0 && !d->buf)
			free(buf);
	}
	site_decls_free(&decls);
	return rc;
}
