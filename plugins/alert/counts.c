/*
 * counts.c - how many alerts a service received and passed on, year by
 * year. The text asks for no count; the model policy does, so that a
 * regulator sees whether the channel lives. A year's counts are due once
 * the year is over and the policy's grace period has run (the model: six
 * months, until 30 June), for the policy's number of years before the
 * as-of year, none before the year the entity was created.
 */
#include "alert.h"

#include <stdio.h>
#include <string.h>

/* The first day on which the counts of `year` are due: 1 January of the
 * next year plus the grace period. */
static ppreg_date due_on(const ppreg_check *c, const alert_params *p, int year)
{
	return c->api->date_add((ppreg_date){year + 1, 1, 1}, &p->count_grace, 1);
}

static int year_of(const ppreg_check *c, const ppreg_node *entry, long long *year)
{
	return c->api->integer(c->api->get(entry, "year"), year) == PPREG_OK;
}

/* The entry for `year` before position `before` (SIZE_MAX: any), or NULL. */
static const ppreg_node *entry_for(const ppreg_check *c, const ppreg_node *counts, long long year, size_t before)
{
	for (size_t i = 0; i < c->api->count(counts) && i < before; i++) {
		long long y;
		if (year_of(c, c->api->item(counts, i), &y) && y == year)
			return c->api->item(counts, i);
	}
	return NULL;
}

/* One entry on its own: a year of the era that has begun, declared once, counts that
 * are not negative, no more passed on than received. */
static void check_entry(ppreg_check *c, const ppreg_node *counts, size_t i)
{
	const ppreg_api *api = c->api;
	const ppreg_node *entry = api->item(counts, i), *yn = api->get(entry, "year");
	const ppreg_node *rn = api->get(entry, "received"), *pn = api->get(entry, "passed_on");
	long long year, received, passed;
	int has_r = api->integer(rn, &received) == PPREG_OK, has_p = api->integer(pn, &passed) == PPREG_OK;
	if (year_of(c, entry, &year) && year < 1)
		ppreg_reportf(c, "alert.counts", yn, "%lld is not a year", year);
	else if (year_of(c, entry, &year) && year > c->as_of.year)
		ppreg_reportf(c, "alert.counts", yn, "counts for %lld, a year after the as-of date", year);
	else if (year_of(c, entry, &year) && entry_for(c, counts, year, i))
		ppreg_reportf(c, "alert.counts", yn, "the counts of %lld are declared twice", year);
	if (has_r && received < 0)
		ppreg_reportf(c, "alert.counts", rn, "a negative count of alerts received (%lld)", received);
	if (has_p && passed < 0)
		ppreg_reportf(c, "alert.counts", pn, "a negative count of alerts passed on (%lld)", passed);
	else if (has_r && has_p && received >= 0 && passed > received)
		ppreg_reportf(c, "alert.counts", pn, "%lld alerts passed on, more than the %lld received", passed, received);
}

/* The first year of the window: the policy's years before the as-of year,
 * none before the entity's creation (registration.yaml, when it says; a
 * creation after the as-of date is transparency.funding's finding, and
 * the whole window is then asked for). */
static int first_year(ppreg_check *c, const alert_params *p)
{
	const ppreg_node *cn = c->api->get(c->api->file(c, "registration.yaml"), "legal_entity.created_on");
	int first = c->as_of.year - (int)p->count_years;
	ppreg_date created;
	if (c->api->date(cn, &created) == PPREG_OK && c->api->date_cmp(created, c->as_of) <= 0 && created.year > first)
		first = created.year;
	return first;
}

/* The lapse of the rule: the day before the counts of the first year not
 * declared and not yet due become due. */
static void counts_lapse(ppreg_check *c, const ppreg_node *counts, const alert_params *p)
{
	ppreg_duration day = {0, 0, 0, 1, 0, 0, 0};
	for (int year = c->as_of.year - 1; p->count_years >= 1 && year <= 9998; year++) {
		ppreg_date due = due_on(c, p, year);
		if (c->api->date_cmp(due, c->as_of) > 0 && !entry_for(c, counts, year, (size_t)-1)) {
			ppreg_lapse(c, "alert.counts", counts, c->api->date_add(due, &day, -1));
			return;
		}
	}
}

void alert_check_counts(ppreg_check *c, const ppreg_node *root, const alert_params *p)
{
	const ppreg_node *counts = ppreg_list(c, c->api->get(root, "counts"));
	if (!counts)
		return; /* missing or not a list: reported by the core */
	for (size_t i = 0; i < c->api->count(counts); i++)
		if (c->api->kind(c->api->item(counts, i)) == PPREG_NODE_MAP)
			check_entry(c, counts, i);
	int first = first_year(c, p);
	for (int year = first; year < c->as_of.year; year++) {
		ppreg_date due = due_on(c, p, year);
		char day[PPREG_TEXT_MAX];
		if (c->api->date_cmp(due, c->as_of) <= 0 && !entry_for(c, counts, year, (size_t)-1))
			ppreg_reportf(c, "alert.counts", counts, "no counts of alerts declared for %d, due since %s "
			              "(the policy asks for each year since %d, %s after its end)", year,
			              ppreg_date_text(c, due, day), first, p->count_grace_text);
	}
	counts_lapse(c, counts, p);
}
