/*
 * transparency.h - what the files of the transparency plugin share: the
 * rule ids, the policy's numbers (read once per platform by transparency.c)
 * and a few helpers over the public API. funding.c checks the money (funding
 * years, industry links); transparency.c everything else and the descriptor.
 */
#ifndef PPREG_TRANSPARENCY_H
#define PPREG_TRANSPARENCY_H

#include "ppreg/plugin.h"

#define R_OWN "transparency.ownership"
#define R_FUND "transparency.funding"
#define R_IND "transparency.industry-links"
#define R_PUB "transparency.public-backers"
#define R_PP "transparency.patient-partners"
#define R_VOL "transparency.volunteer-indemnity"
#define R_PRICE "transparency.pricing"
#define R_NOSUB "transparency.no-substitution"
#define R_ALERT "transparency.alert-channel"
#define R_ADV "transparency.advertising"

/* The format's enumerations this plugin owns, as "a|b|c". */
#define FUNDING_KINDS "revenue|public-grant|private-grant|industry|donation|equity|loan"
#define LINK_NATURES "convention|benefit|remuneration|sponsorship|equity"

/* The policy's `params` for transparency, checked before any platform. */
typedef struct {
	long long funding_years;        /* complete calendar years before the as-of year */
	double link_threshold_eur;      /* industry money from this amount needs links */
	double indemnity_min_eur;       /* volunteer indemnity per hour, bounds included */
	double indemnity_max_eur;
	double share_tolerance_percent; /* |sum of shares - 100| allowed */
} tr_params;

void tr_check_funding(ppreg_check *c, const ppreg_node *root, const tr_params *p);
int tr_check_industry_links(ppreg_check *c, const ppreg_node *root, const tr_params *p);

#endif /* PPREG_TRANSPARENCY_H */
