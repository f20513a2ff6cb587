/*
 * desk/site_facts.h - what a service declares, as the site shows it: the
 * declaration files parsed again in the process that writes the pages
 * (the judge's workers keep their trees), read generically so that a field
 * a plugin adds appears without a change here.
 */
#ifndef PPREG_SITE_FACTS_H
#define PPREG_SITE_FACTS_H

#include "judge/run.h"
#include "yaml/loader.h"

#include <stdio.h>

typedef struct {
	size_t n;
	const char *const *names;        /* the policy's declaration files */
	const ppreg_node *const *roots;  /* NULL when missing or unreadable */
	ydoc **docs;                     /* what site_decls_load parsed (owned), or NULL */
	const ppreg_node **owned_roots;
} site_decls;

/* Reads and parses the declaration files of platform `id` at the run's
 * revision, under the policy's limits. A file that is missing, too large
 * or not valid YAML is left NULL (the verdict says why); ERR_FAIL only
 * when the registry cannot be read. Free with site_decls_free either way. */
int site_decls_load(run *r, const char *id, site_decls *d);
void site_decls_free(site_decls *d);

/* The node at `path` (dotted keys) of a declaration file, or NULL. */
const ppreg_node *site_decl_get(const site_decls *d, const char *file, const char *path);
/* Its text when it is a scalar, else NULL. */
const char *site_scalar(const ppreg_node *n);

/* The declared text a page shows at most: aliases repeat a text without
 * counting its length against the policy's node limit, so a 1 MiB
 * declaration could otherwise make gigabytes of HTML. */
#define SITE_FACTS_MAX_TEXT ((size_t)16 << 20)

/* Any declared value as HTML: a scalar as text, a list of scalars joined,
 * a list of maps as a table (`caption` names it), a map as a definition
 * list; `depth` levels at most below it, and *budget bytes of text (then
 * "…"), which it decreases. */
void site_put_node(FILE *out, const ppreg_node *n, const char *caption, int depth, size_t *budget);

/* An amount in cents as euros with two decimals. */
void site_put_eur(FILE *out, long long cents);

/* The facts a reviewer checks, a section each, then every other field of
 * each declaration file: the service page's "Declared facts". `h` is the
 * level of its headings (2: <h2>). */
void site_put_facts(FILE *out, const site_decls *d, int h);

#endif
