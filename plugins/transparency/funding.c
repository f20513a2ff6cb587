/*
 * funding.c - who pays: funding declared for every year the policy asks for,
 * and industry money matched by declared links of interest (note of
 * 2026-02-16, §4.1: "hidden promotional interests").
 *
 * The industry rule compares two declarations of the same money: what the
 * service received from a health-product company (`funding`, kind
 * `industry`) and the links of interest it declares with that company
 * (`industry_links`). For each such company whose funding, all declared years
 * together, reaches the policy's threshold, the links must add up to at least
 * the money received; anything less is an interest left undeclared.
 */
#include "transparency.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Amounts are euros with cents (PPREG_T_AMOUNT: the core refuses more
 * decimals, or more cents than 64 bits hold), read and added as whole
 * cents: in binary floating point 0.01 + 8.04 + 1.95 is 9.999999999999998,
 * which would slip under a threshold of 10, and sums of large amounts lose
 * the cents the rule compares. "12.5" is printed "12.5", as declared. */
void tr_format_eur(long long cents, char out[32])
{
	unsigned long long a = cents < 0 ? 0ULL - (unsigned long long)cents : (unsigned long long)cents;
	const char *sign = cents < 0 ? "-" : "";
	if (a % 100 == 0)
		snprintf(out, 32, "%s%llu", sign, a / 100);
	else if (a % 10 == 0)
		snprintf(out, 32, "%s%llu.%llu", sign, a / 100, a % 100 / 10);
	else
		snprintf(out, 32, "%s%llu.%02llu", sign, a / 100, a % 100);
}

/* The first calendar year whose funding must be declared: the policy's
 * window, shortened for an entity created within it. An entity declared
 * created after the as-of date would empty the window and need no funding
 * at all: that date is reported, and the whole window is required, as if
 * created_on were absent. */
static int first_funding_year(ppreg_check *c, const tr_params *p)
{
	const ppreg_api *api = c->api;
	const ppreg_node *cn = api->get(api->file(c, "registration.yaml"), "legal_entity.created_on");
	int first = c->as_of.year - (int)p->funding_years;
	ppreg_date created;
	if (api->date(cn, &created) != PPREG_OK)
		return first; /* absent, or mistyped: reported by the core */
	char on[PPREG_TEXT_MAX], today[PPREG_TEXT_MAX];
	if (api->date_cmp(created, c->as_of) > 0)
		ppreg_reportf(c, "transparency.funding", cn, "the entity is declared created on %s, after the as-of date "
		              "%s: funding is required for every year of the policy's window",
		              ppreg_date_text(c, created, on), ppreg_date_text(c, c->as_of, today));
	else if (created.year > first)
		first = created.year;
	return first;
}

/* One funding entry on its own: a known kind, an amount that is not
 * negative, a named source, a year that has begun. */
static void check_funding_entry(ppreg_check *c, const ppreg_node *entry)
{
	const ppreg_api *api = c->api;
	const ppreg_node *kn = api->get(entry, "kind"), *an = api->get(entry, "amount_eur");
	const ppreg_node *yn = api->get(entry, "year");
	const char *kind = ppreg_text(c, kn);
	long long amount, year;
	char eur[32];
	if (kind && !ppreg_one_of(kind, FUNDING_KINDS))
		ppreg_reportf(c, "transparency.funding", kn, "funding kind '%.40s' is not one of revenue, public-grant, "
		              "private-grant, industry, donation, equity, loan", kind);
	if (api->amount(an, &amount) == PPREG_OK && amount < 0) {
		tr_format_eur(amount, eur);
		ppreg_reportf(c, "transparency.funding", an, "a negative amount (%s EUR)", eur);
	}
	if (api->integer(yn, &year) == PPREG_OK && year > c->as_of.year)
		ppreg_reportf(c, "transparency.funding", yn, "funding for %lld, a year after the as-of date", year);
	ppreg_require_text(c, "transparency.funding", entry, "source");
}

static int has_funding_for(const ppreg_check *c, const ppreg_node *funding, long long year)
{
	for (size_t i = 0; i < c->api->count(funding); i++) {
		long long y;
		if (c->api->integer(c->api->get(c->api->item(funding, i), "year"), &y) == PPREG_OK && y == year)
			return 1;
	}
	return 0;
}

/* The last year whose funding is due at the as-of date: the year before
 * it, once the policy's grace after that year's 31 December has passed
 * (no grace: on 1 January), else the year before that. */
static int last_due_year(const ppreg_check *c, const tr_params *p)
{
	ppreg_date end = {c->as_of.year - 1, 12, 31};
	return c->api->date_cmp(c->as_of, c->api->date_add(end, &p->funding_grace, 1)) > 0 ? c->as_of.year - 1
	                                                                                    : c->as_of.year - 2;
}

/* The lapse of the rule: the first year after the last due one that has
 * no entry becomes due the day after its 31 December plus the grace (an
 * entry for a year after the as-of year is an error already). A window of
 * 0 years asks for none. */
static void funding_lapse(ppreg_check *c, const ppreg_node *funding, const tr_params *p)
{
	int year = last_due_year(c, p) + 1;
	while (year <= c->as_of.year && has_funding_for(c, funding, year))
		year++;
	ppreg_date due = c->api->date_add((ppreg_date){year, 12, 31}, &p->funding_grace, 1);
	if (p->funding_years >= 1 && due.year <= 9999)
		ppreg_lapse(c, "transparency.funding", funding, due);
}

/* Every year of the window from max(as-of year - N, created_on year) to the
 * last due year (the last complete one, or the one before it within the
 * grace) has at least one entry. */
void tr_check_funding(ppreg_check *c, const ppreg_node *root, const tr_params *p)
{
	const ppreg_node *funding = ppreg_list(c, c->api->get(root, "funding"));
	int first = first_funding_year(c, p); /* judges created_on, funding or not */
	int last = last_due_year(c, p);
	if (!funding)
		return; /* missing or not a list: reported by the core */
	for (size_t i = 0; i < c->api->count(funding); i++)
		check_funding_entry(c, c->api->item(funding, i));
	for (int year = first; year <= last; year++)
		if (!has_funding_for(c, funding, year))
			ppreg_reportf(c, "transparency.funding", funding, "no funding declared for %d (the policy asks for each year "
			              "from %d to %d)", year, first, last);
	funding_lapse(c, funding, p);
}

/* `kind: industry` with a source: the company's name, else NULL. */
static const char *industry_source(const ppreg_check *c, const ppreg_node *entry)
{
	const char *kind = ppreg_text(c, c->api->get(entry, "kind"));
	if (!kind || strcmp(kind, "industry"))
		return NULL;
	return ppreg_text(c, c->api->get(entry, "source"));
}

/* An amount declared with a company, by a funding entry or a link. */
typedef struct {
	const char *company;
	long long cents;         /* 0 when absent, mistyped or negative */
	int valid;               /* the amount is a number >= 0 */
	const ppreg_node *at;    /* the entry's `source` (funding) */
	size_t index;
} company_amount;

static int by_company_then_index(const void *a, const void *b)
{
	const company_amount *x = a, *y = b;
	int cmp = strcmp(x->company, y->company);
	return cmp ? cmp : (x->index > y->index) - (x->index < y->index);
}

/* The entries of `list` naming a company (under `key`, for funding only
 * those of kind industry), sorted by company then position, so that each
 * company's money is one run and its first entry leads it. Sorting keeps a
 * hostile file of thousands of companies O(n log n). *out is NULL when
 * there is none; -1 when out of memory. */
static int collect_amounts(const ppreg_check *c, const ppreg_node *list, int funding,
                           company_amount **out, size_t *n_out)
{
	size_t n = c->api->count(list), m = 0;
	*out = NULL;
	*n_out = 0;
	if (!n)
		return 0;
	company_amount *v = calloc(n, sizeof *v);
	if (!v)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const ppreg_node *entry = c->api->item(list, i);
		const char *company = funding ? industry_source(c, entry) : ppreg_text(c, c->api->get(entry, "company"));
		long long amount;
		if (!company)
			continue;
		int valid = c->api->amount(c->api->get(entry, "amount_eur"), &amount) == PPREG_OK && amount >= 0;
		v[m++] = (company_amount){company, valid ? amount : 0, valid, c->api->get(entry, "source"), i};
	}
	qsort(v, m, sizeof *v, by_company_then_index);
	*out = v;
	*n_out = m;
	return 0;
}

/* The cents of the run of v[*i] (same company), advancing *i past it;
 * *valid (when not NULL) is 0 when an amount of the run is not a number
 * >= 0; *overflow is set when the sum passes what 64 bits hold. */
static long long run_total(const company_amount *v, size_t n, size_t *i, int *valid, int *overflow)
{
	size_t j = *i;
	long long total = 0;
	int all_valid = 1;
	for (; j < n && !strcmp(v[j].company, v[*i].company); j++) {
		if (__builtin_add_overflow(total, v[j].cents, &total))
			*overflow = 1;
		all_valid &= v[j].valid;
	}
	*i = j;
	if (valid)
		*valid = all_valid;
	return total;
}

/* One declared link on its own: a company, a known nature, an amount that
 * is not negative. */
static void check_link_entry(ppreg_check *c, const ppreg_node *link)
{
	const ppreg_node *nn = c->api->get(link, "nature"), *an = c->api->get(link, "amount_eur");
	const char *nature = ppreg_text(c, nn);
	long long amount;
	char eur[32];
	if (nature && !ppreg_one_of(nature, LINK_NATURES))
		ppreg_reportf(c, "transparency.industry-links", nn, "link nature '%.40s' is not one of convention, benefit, remuneration, "
		              "sponsorship, equity", nature);
	if (c->api->amount(an, &amount) == PPREG_OK && amount < 0) {
		tr_format_eur(amount, eur);
		ppreg_reportf(c, "transparency.industry-links", an, "a negative amount (%s EUR)", eur);
	}
	ppreg_require_text(c, "transparency.industry-links", link, "company");
}

static void report_undeclared(ppreg_check *c, const company_amount *first, long long received,
                              long long declared, long long threshold)
{
	char threshold_eur[32], got[PPREG_TEXT_MAX], links[PPREG_TEXT_MAX];
	tr_format_eur(threshold, threshold_eur);
	ppreg_reportf(c, "transparency.industry-links", first->at,
	              "%.120s paid %s of industry funding but links of interest are declared "
	              "for %s: declare every link at or above %s EUR", first->company,
	              ppreg_amount_text(c, received, "EUR", got), ppreg_amount_text(c, declared, "EUR", links), threshold_eur);
}

/* Each company's industry money, once it reaches the threshold, is covered
 * by the links declared with it; reported once per company, at its first
 * funding entry. Companies are matched by their exact name. Both lists are
 * sorted by company and walked together. A link whose amount is missing,
 * mistyped or negative is already a finding (the core's or
 * check_link_entry's): the company's coverage is not judged on top of it,
 * since it would only repeat that defect as "declared for 0.00 EUR". */
int tr_check_industry_links(ppreg_check *c, const ppreg_node *root, const tr_params *p)
{
	const ppreg_api *api = c->api;
	const ppreg_node *links = ppreg_list(c, api->get(root, "industry_links"));
	const ppreg_node *funding = ppreg_list(c, api->get(root, "funding"));
	company_amount *paid = NULL, *linked = NULL;
	size_t n_paid, n_linked;
	for (size_t i = 0; i < api->count(links); i++)
		check_link_entry(c, api->item(links, i));
	if (collect_amounts(c, funding, 1, &paid, &n_paid) < 0 ||
	    collect_amounts(c, links, 0, &linked, &n_linked) < 0) {
		free(paid);
		return api->fail(c, ppreg_tr(c, "out of memory"));
	}
	for (size_t i = 0, l = 0; i < n_paid;) {
		const company_amount *first = &paid[i];
		int links_valid = 1, overflow = 0;
		/* A funding amount that is missing or negative is transparency.funding's
		 * finding and counts as 0 here: it can only lower what must be linked. */
		long long received = run_total(paid, n_paid, &i, NULL, &overflow), declared = 0;
		while (l < n_linked && strcmp(linked[l].company, first->company) < 0)
			l++;
		if (l < n_linked && !strcmp(linked[l].company, first->company))
			declared = run_total(linked, n_linked, &l, &links_valid, &overflow);
		if (overflow)
			ppreg_reportf(c, "transparency.industry-links", first->at, "%.120s: the amounts declared add up to "
			              "more than 92233720368547758.07 EUR, which cannot be compared exactly", first->company);
		else if (links_valid && received >= p->link_threshold_cents && declared < received)
			report_undeclared(c, first, received, declared, p->link_threshold_cents);
	}
	free(paid);
	free(linked);
	return 0;
}
