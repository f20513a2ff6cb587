/*
 * desk/site_stats.h - the statistics of stats.html, added up platform by
 * platform as they are judged (nothing per platform is kept), and drawn
 * as SVG bar charts, each followed by its figures in a table.
 */
#ifndef PPREG_SITE_STATS_H
#define PPREG_SITE_STATS_H

#include "desk/site_describe.h"
#include "judge/run.h"

#include <stdio.h>

/* Values by label; past SITE_TALLY_MAX labels, the rest go to one
 * "other" bar, so a hostile registry cannot make a chart of 10 000 bars. */
#define SITE_TALLY_MAX 40
typedef struct {
	char *label[SITE_TALLY_MAX + 1];
	double value[SITE_TALLY_MAX + 1];
	size_t n;
	int other;    /* label[n] is "other" */
} site_tally;

typedef struct {
	site_tally verdicts, partners, indemnity, domains, industry_by_year, failed_rules;
} site_stats;

/* Adds one judged platform and what it declares. */
void site_stats_add(site_stats *s, const platform_result *p, const site_described *d);
void site_stats_free(site_stats *s);

/* The charts and tables of stats.html (its <main> content). */
void site_stats_put(FILE *out, const site_stats *s);

/* The fill of every chart's bars, which the browser test looks for. */
#define SITE_BAR_COLOUR "#1f6fb2"

#endif
