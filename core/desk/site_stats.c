/*
 * desk/site_stats.c - statistics across services, drawn by ppreg as SVG
 * (site_stats.h): no script, no external asset.
 */
#include "desk/site_stats.h"
#include "desk/site.h"
#include "desk/site_html.h"
#include "base/i18n.h"
#include "base/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void tally_add(site_tally *t, const char *label, double v)
{
	size_t i = 0;
	while (i < t->n && strcmp(t->label[i], label))
		i++;
	if (i == t->n && t->n == SITE_TALLY_MAX) {
		if (!t->other)
			t->label[t->n] = xstrdup(_("other"));
		t->other = 1;
	} else if (i == t->n) {
		t->label[t->n++] = xstrdup(label);
	}
	t->value[i] += v;
}

static void tally_free(site_tally *t)
{
	for (size_t i = 0; i < t->n + (size_t)t->other; i++)
		free(t->label[i]);
}

void site_stats_free(site_stats *s)
{
	tally_free(&s->verdicts), tally_free(&s->partners), tally_free(&s->indemnity);
	tally_free(&s->domains), tally_free(&s->industry_by_year), tally_free(&s->failed_rules);
}

/* Each rule with an error on p counts once for p (findings are sorted). */
static void add_failed_rules(site_stats *s, const platform_result *p)
{
	const char *last = NULL;
	for (size_t i = 0; i < p->findings.n; i++) {
		const finding *f = &p->findings.v[i];
		if (f->severity != PPREG_SEV_ERROR || (last && !strcmp(last, f->rule)))
			continue;
		int seen = 0;
		for (size_t j = 0; j < i && !seen; j++)
			seen = p->findings.v[j].severity == PPREG_SEV_ERROR && !strcmp(p->findings.v[j].rule, f->rule);
		if (!seen)
			tally_add(&s->failed_rules, f->rule, 1);
		last = f->rule;
	}
}

/* A described number: the whole text a decimal, else -1. */
static double number_of(const char *text)
{
	char *end;
	double v = *text ? strtod(text, &end) : -1;
	return *text && !*end && isfinite(v) && v >= 0 ? v : -1;
}

/* The 5-euro band of a volunteer's hourly indemnity: "10–15". */
static void add_indemnity(site_stats *s, const char *text)
{
	double v = number_of(text);
	if (v < 0)
		return;
	char band[48];
	if (v >= 50)
		snprintf(band, sizeof band, "≥ 50");
	else
		snprintf(band, sizeof band, "%d–%d", (int)(v / 5) * 5, (int)(v / 5) * 5 + 5);
	tally_add(&s->indemnity, band, 1);
}

static void add_declared(site_stats *s, const site_described *d)
{
	for (size_t i = 0; i < d->n_partners; i++)
		if (number_of(d->partners[2 * i + 1]) > 0)
			tally_add(&s->partners, d->partners[2 * i], number_of(d->partners[2 * i + 1]));
	add_indemnity(s, d->indemnity);
	for (size_t i = 0; i < d->n_domains; i++)
		tally_add(&s->domains, d->domains[i], 1);
	for (size_t i = 0; i < d->n_industry; i++)
		if (number_of(d->industry[2 * i + 1]) > 0)
			tally_add(&s->industry_by_year, d->industry[2 * i], number_of(d->industry[2 * i + 1]) / 100);
}

void site_stats_add(site_stats *s, const platform_result *p, const site_described *d)
{
	tally_add(&s->verdicts, site_verdict_label(p->verdict), 1);
	add_failed_rules(s, p);
	add_declared(s, d);
}

/* Order of the bars: by label (years, bands) or by value, largest first. */
typedef enum { BY_LABEL, BY_VALUE } bar_order;
static const site_tally *sort_tally;
/* Labels that start with a number (years, bands) in numeric order. */
static int by_label(const void *a, const void *b)
{
	const char *x = sort_tally->label[*(const size_t *)a], *y = sort_tally->label[*(const size_t *)b];
	if (*x >= '0' && *x <= '9' && *y >= '0' && *y <= '9') {
		double u = strtod(x, NULL), v = strtod(y, NULL);
		if (u != v)
			return u < v ? -1 : 1;
	}
	return strcmp(x, y);
}
static int by_value(const void *a, const void *b)
{
	double x = sort_tally->value[*(const size_t *)a], y = sort_tally->value[*(const size_t *)b];
	return x < y ? 1 : x > y ? -1 : by_label(a, b);
}

static size_t bar_order_of(const site_tally *t, bar_order o, size_t *idx)
{
	size_t n = t->n;
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	sort_tally = t;
	qsort(idx, n, sizeof *idx, o == BY_LABEL ? by_label : by_value);
	if (t->other)
		idx[n++] = t->n; /* "other" last */
	return n;
}

static void put_value(FILE *out, double v, int money)
{
	fprintf(out, money ? "%.2f" : "%.0f", v);
}

#define CHART_W 640
#define LABEL_W 220
#define BAR_H 22
#define BAR_GAP 8

static void put_svg(FILE *out, const site_tally *t, const size_t *idx, size_t n, const char *caption, int money)
{
	double max = 0;
	for (size_t i = 0; i < n; i++)
		max = t->value[idx[i]] > max ? t->value[idx[i]] : max;
	int h = (int)n * (BAR_H + BAR_GAP) + BAR_GAP;
	fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"");
	html_text(out, caption);
	fprintf(out, "\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">\n<title>", CHART_W, h, CHART_W, h);
	html_text(out, caption);
	fputs("</title>\n", out);
	for (size_t i = 0; i < n; i++) {
		double v = t->value[idx[i]];
		int y = BAR_GAP + (int)i * (BAR_H + BAR_GAP);
		int w = max > 0 ? (int)lround(v / max * (CHART_W - LABEL_W - 90)) : 0;
		fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", LABEL_W - 6, y + 16);
		html_text(out, t->label[idx[i]]);
		fprintf(out, "</text><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>"
		        "<text x=\"%d\" y=\"%d\">", LABEL_W, y, w > 0 ? w : 1, BAR_H, SITE_BAR_COLOUR,
		        LABEL_W + (w > 0 ? w : 1) + 6, y + 16);
		put_value(out, v, money);
		fputs("</text>\n", out);
	}
	fputs("</svg>\n", out);
}

/* One chart: a figure, its caption, and the same figures as a table for
 * whoever cannot see it. At most `top` bars (0: all). */
static void put_chart(FILE *out, const site_tally *t, bar_order o, size_t top, const char *id,
                      const char *caption, const char *what, int money)
{
	size_t idx[SITE_TALLY_MAX + 1];
	size_t n = bar_order_of(t, o, idx);
	if (top && n > top)
		n = top;
	fprintf(out, "<section>\n<h2 id=\"%s\">", id);
	html_text(out, caption);
	fputs("</h2>\n", out);
	if (!n) {
		fprintf(out, "<p>%s</p>\n</section>\n", _("Nothing declared."));
		return;
	}
	fputs("<figure>\n", out);
	put_svg(out, t, idx, n, caption, money);
	fputs("<figcaption>", out);
	html_text(out, caption);
	fputs("</figcaption>\n</figure>\n", out);
	const char *cols[] = {what, money ? _("Amount (EUR)") : _("Count")};
	html_table_begin(out, caption, cols, 2);
	for (size_t i = 0; i < n; i++) {
		fputs("<tr><th scope=\"row\">", out);
		html_text(out, t->label[idx[i]]);
		fputs("</th><td>", out);
		put_value(out, t->value[idx[i]], money);
		fputs("</td></tr>\n", out);
	}
	html_table_end(out);
	fputs("</section>\n", out);
}

void site_stats_put(FILE *out, const site_stats *s)
{
	put_chart(out, &s->verdicts, BY_LABEL, 0, "verdicts", _("Services by verdict"), _("Verdict"), 0);
	put_chart(out, &s->partners, BY_VALUE, 0, "partners", _("Patient partners by status"), _("Status"), 0);
	put_chart(out, &s->indemnity, BY_LABEL, 0, "indemnity",
	          _("Services by hourly indemnity of volunteers (EUR)"), _("EUR per hour"), 0);
	put_chart(out, &s->domains, BY_VALUE, 0, "domains", _("Services by domain covered"), _("Domain"), 0);
	put_chart(out, &s->industry_by_year, BY_LABEL, 0, "industry", _("Industry money by year (EUR)"), _("Year"), 1);
	put_chart(out, &s->failed_rules, BY_VALUE, 10, "rules", _("Rules most often failed (services)"), _("Rule"), 0);
}
