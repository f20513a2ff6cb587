/*
 * desk/expiring.h - the dated facts that lapse soon, or have lapsed: every
 * lapse the plugins report (ppreg_api.lapse: an authorization's end, an HDS
 * certificate's, the DPIA's age, a commitment's renewal, the year whose
 * funding becomes due), read from the verdicts of a run, never judged here.
 *
 * Dates are inclusive, as everywhere: a lapse date is the last day its fact
 * holds. With as-of D and window W, a fact is listed when its last valid day
 * L is on or before D + W (the window's last day included): `lapsed` when
 * L < D (it no longer holds on D), else `lapses` (it still holds on D and
 * stops holding on L + 1, inside the window).
 */
#ifndef PPREG_EXPIRING_H
#define PPREG_EXPIRING_H

#include "judge/run.h"

#include <stdio.h>

typedef struct {
	char *platform;
	lapse fact;    /* rule, file, line, last_valid_day (copies) */
	int lapsed;    /* last_valid_day < as-of */
} expiring_row;

typedef struct {
	ppreg_date as_of, until;   /* until = as-of + window, the window's last day */
	const char *within;        /* the window as given ("P90D") */
	expiring_row *rows;
	size_t n, cap;
	size_t n_lapsed;
	size_t platforms;          /* platforms read */
} expiring_list;

/* Adds p's lapses that fall on or before e->until: what the memory keeps
 * of a platform, so a run over the whole registry holds only its rows. */
void expiring_add(expiring_list *e, const platform_result *p);
/* Sorts the rows by date, then platform, file, line, rule. */
void expiring_sort(expiring_list *e);
void expiring_free(expiring_list *e);

/* The rows as text (one line each, then a summary) or as one JSON
 * document. 0, or ERR_FAIL when the output cannot be written. */
int expiring_write_text(FILE *out, const expiring_list *e, const run *r);
int expiring_write_json(FILE *out, const expiring_list *e, const run *r, const char *registry_path);

#endif
