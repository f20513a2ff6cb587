/*
 * desk/site_page.h - a service's page for the reviewer (services/ID.html)
 * and its row of the register, from its verdict and its declarations.
 */
#ifndef PPREG_SITE_PAGE_H
#define PPREG_SITE_PAGE_H

#include "desk/site.h"
#include "desk/site_describe.h"
#include "desk/site_facts.h"

/* Fills `row` from p and what its declarations say. */
void site_row_fill(site *s, const platform_result *p, const site_described *dd, site_row *row);

/* Writes services/<row->page> in the site being built. ERR_FAIL. */
int site_page_write(const site *s, const platform_result *p, const site_described *dd, const site_row *row,
                    size_t index);

/* "granted DGS-PP-2026-0042 until 2029-06-30 (authority's record)": the
 * authority's record of platform `id` where it keeps one, else what the
 * platform declares. */
char *site_authorization_text(const run *r, const char *id, const site_decls *d);

/* A link to attestation `a` (its copy under root/attestations/) and the
 * command that verifies it. */
void site_put_attestation(FILE *out, const site *s, const site_attestation *a, const char *root);

#endif
