/*
 * desk/site_index.h - the public register: index.html with every service,
 * the same table filtered by status (status-*.html) and by domain
 * (domain-N.html, one per label of the domains chart: SITE_TALLY_MAX at
 * most) as plain links, and register.csv.
 */
#ifndef PPREG_SITE_INDEX_H
#define PPREG_SITE_INDEX_H

#include "desk/site.h"

/* Writes them from s->rows into the site being built. ERR_FAIL. */
int site_index_write(const site *s);

#endif
