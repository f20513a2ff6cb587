/*
 * transparency.h - what the files of the transparency plugin share: the
 * policy's numbers (read once per run by transparency.c's setup)
 * and a few helpers over the public API. funding.c checks the money (funding
 * years, industry links); transparency.c everything else and the descriptor.
 */
#ifndef PPREG_TRANSPARENCY_H
#define PPREG_TRANSPARENCY_H

#include "ppreg/plugin.h"

/* The format's enumerations this plugin owns, as "a|b|c". */
#define FUNDING_KINDS "revenue|public-grant|private-grant|industry|donation|equity|loan"
#define LINK_NATURES "convention|benefit|remuneration|sponsorship|equity"

/* The policy's `params` for transparency, checked before any platform. */
typedef struct {
	long long funding_years;        /* complete calendar years before the as-of year */
	long long link_threshold_cents; /* industry money from this amount needs links */
	double indemnity_min_eur;       /* volunteer indemnity per hour, bounds included */
	double indemnity_max_eur;
	double share_tolerance_percent; /* |sum of shares - 100| allowed */
	/* Readings a policy switches on (absent: those of 2026.1). */
	ppreg_duration funding_grace;   /* the previous year is due on 31 Dec + this */
	const ppreg_node *travel;       /* travel_expenses {statuses, bases, covers}, or NULL */
	int require_partner_interests;  /* partner_interests lists every active partner */
	int require_public_backers;     /* public_backers is given, even empty */
} tr_params;

/* interests.c: the readings of 2026.2 on partners (L.1191-3 travel
 * expenses; note §4.1, the partners' own links of interest) and their
 * parameters. */
int tr_load_new_params(ppreg_check *c, tr_params *p);
void tr_check_travel_expenses(ppreg_check *c, const ppreg_node *root, const tr_params *p);
void tr_check_partner_interests(ppreg_check *c, const ppreg_node *root, const tr_params *p);

void tr_check_funding(ppreg_check *c, const ppreg_node *root, const tr_params *p);
int tr_check_industry_links(ppreg_check *c, const ppreg_node *root, const tr_params *p);

/* An amount in cents as euros, as a declaration writes it: "15000",
 * "12.5", "-0.05". */
void tr_format_eur(long long cents, char out[32]);

#endif /* PPREG_TRANSPARENCY_H */
