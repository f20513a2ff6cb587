/*
 * desk/site_describe.h - what the site needs of a service's declarations,
 * made where the service was judged (a worker, through run.describe, with
 * the trees the judge parsed) and carried to the process that writes the
 * site with its result: the register's columns, the figures of the
 * statistics, and the "Declared facts" of its page as HTML. The
 * declarations are then read and parsed once, as by check.
 */
#ifndef PPREG_SITE_DESCRIBE_H
#define PPREG_SITE_DESCRIBE_H

#include "desk/site_facts.h"
#include "judge/run.h"

/* run_describe_fn: out->attachment made of the declarations. */
void site_describe(void *ctx, const run *r, const char *const *files, const ppreg_node *const *roots, size_t n,
                   platform_result *out);

/* An attachment read back: every string points into `buf`. */
typedef struct {
	char *buf;
	const char **s;
	size_t n;
	const char *name, *kind, *auth, *indemnity, *facts; /* "" when none */
	const char *const *domains;
	size_t n_domains;
	const char *const *partners;  /* pairs: status, count */
	size_t n_partners;
	const char *const *industry;  /* pairs: year, euros in cents */
	size_t n_industry;
} site_described;

/* Takes p's attachment (p keeps none), or, when it has none or it is
 * malformed, reads the declarations of platform `id` again here
 * (site_decls_load). 0, or ERR_FAIL when they cannot be read. Free d
 * either way. */
int site_described_take(site_described *d, const run *r, const char *id, platform_result *p);
void site_described_free(site_described *d);

#endif
