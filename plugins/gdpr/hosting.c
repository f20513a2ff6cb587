/*
 * hosting.c - where the data lives and who holds it for the service.
 *
 * Three rules read the `hosting` list: when any activity processes health
 * data, every host holds a health-data-hosting (HDS) certificate valid at
 * the as-of date (CSP L.1111-8); every host country outside the EEA has a
 * transfer entry with a mechanism, adequacy only for the countries the policy
 * lists (RGPD ch. V); every processor an activity names is a host with an
 * Art. 28 contract. The contract document itself is verified by evidence.c.
 */
#include "gdpr.h"

#include <stdio.h>
#include <string.h>

/* HDS activities are numbered 1 to 6 (CSP R.1111-9); at least one. */
static void check_activities(ppreg_check *c, const ppreg_node *cert)
{
	const ppreg_node *acts = ppreg_list(c, c->api->get(cert, "activities"));
	if (!acts)
		return; /* missing or not a list: reported by the core */
	if (c->api->count(acts) == 0)
		ppreg_reportf(c, "gdpr.hds-hosting", acts, "the certificate lists no HDS activity");
	for (size_t i = 0; i < c->api->count(acts); i++) {
		const ppreg_node *a = c->api->item(acts, i);
		long long n;
		if (c->api->integer(a, &n) != PPREG_OK || n < 1 || n > 6)
			ppreg_reportf(c, "gdpr.hds-hosting", a, "HDS activities are the integers 1 to 6");
	}
}

/* valid_from <= as-of <= valid_until, over a window no longer than the
 * policy allows (a certificate is issued for 3 years). */
static void check_validity(ppreg_check *c, const ppreg_node *cert, const gdpr_params *p)
{
	const ppreg_api *api = c->api;
	const ppreg_node *fn = api->get(cert, "valid_from"), *un = api->get(cert, "valid_until");
	ppreg_date from, until;
	char a[PPREG_TEXT_MAX], b[PPREG_TEXT_MAX];
	if (api->date(fn, &from) != PPREG_OK || api->date(un, &until) != PPREG_OK)
		return; /* reported by the core */
	if (api->date_cmp(from, c->as_of) > 0)
		ppreg_reportf(c, "gdpr.hds-hosting", fn, "the HDS certificate is valid only from %s, after the as-of date %s",
		              ppreg_date_text(c, from, a), ppreg_date_text(c, c->as_of, b));
	else if (api->date_cmp(until, c->as_of) < 0)
		ppreg_reportf(c, "gdpr.hds-hosting", un, "the HDS certificate expired on %s, before the as-of date %s",
		              ppreg_date_text(c, until, a), ppreg_date_text(c, c->as_of, b));
	ppreg_lapse(c, "gdpr.hds-hosting", un, until);
	if (api->date_cmp(until, api->date_add(from, &p->max_hds_window, 1)) > 0)
		ppreg_reportf(c, "gdpr.hds-hosting", un, "a validity window from %s to %s is longer than the policy allows",
		              ppreg_date_text(c, from, a), ppreg_date_text(c, until, b));
}

/* A host of health data and its certificate. */
static void check_certificate(ppreg_check *c, const ppreg_node *host, const gdpr_params *p)
{
	const ppreg_node *cert = c->api->get(host, "hds_certificate");
	const char *id = ppreg_text(c, c->api->get(host, "id"));
	if (c->api->kind(cert) == PPREG_NODE_NULL) {
		ppreg_reportf(c, "gdpr.hds-hosting", host, "host '%.80s' keeps health data without an HDS certificate "
		              "(hds_certificate)", id ? id : "?");
		return;
	}
	if (c->api->kind(cert) != PPREG_NODE_MAP)
		return; /* reported by the core */
	ppreg_require_text(c, "gdpr.hds-hosting", cert, "number");
	ppreg_require_text(c, "gdpr.hds-hosting", cert, "certifier");
	check_activities(c, cert);
	check_validity(c, cert, p);
}

/* The entry of transfers_outside_eea for `country`, or NULL. A country
 * the core's type refused reads as NULL (ppreg_text: not a string), so XX
 * is its core.type alone, never also "outside the EEA". */
static const ppreg_node *transfer_for(const ppreg_check *c, const ppreg_node *transfers, const char *country)
{
	for (size_t i = 0; i < c->api->count(transfers); i++) {
		const ppreg_node *t = c->api->item(transfers, i);
		const char *tc = ppreg_text(c, c->api->get(t, "country"));
		if (tc && !strcmp(tc, country))
			return t;
	}
	return NULL;
}

/* Every country a host keeps data in is named, and each one outside the
 * EEA has its entry in transfers_outside_eea. */
static void check_host_countries(ppreg_check *c, const ppreg_node *host, const ppreg_node *transfers,
                                 const gdpr_params *p)
{
	const ppreg_node *countries = ppreg_list(c, c->api->get(host, "countries"));
	const char *id = ppreg_text(c, c->api->get(host, "id"));
	if (!countries)
		return; /* missing or not a list: reported by the core */
	if (c->api->count(countries) == 0)
		ppreg_reportf(c, "gdpr.transfers", countries, "host '%.80s' names no country where it keeps data",
		              id ? id : "?");
	for (size_t i = 0; i < c->api->count(countries); i++) {
		const ppreg_node *cn = c->api->item(countries, i);
		const char *country = ppreg_text(c, cn);
		if (country && !ppreg_list_has(c, p->eea, country) && !transfer_for(c, transfers, country))
			ppreg_reportf(c, "gdpr.transfers", cn, "data hosted in %.8s, outside the EEA, without a transfer "
			              "mechanism in transfers_outside_eea", country);
	}
}

/* Each transfer names a mechanism of chapter V; adequacy only for a
 * country with an adequacy decision on the policy's list. */
static void check_transfer_entries(ppreg_check *c, const ppreg_node *transfers, const gdpr_params *p)
{
	for (size_t i = 0; i < c->api->count(transfers); i++) {
		const ppreg_node *t = c->api->item(transfers, i), *mn = c->api->get(t, "mechanism");
		const char *mechanism = ppreg_text(c, mn), *country = ppreg_text(c, c->api->get(t, "country"));
		if (!mechanism)
			continue; /* missing or mistyped: reported by the core */
		if (!ppreg_one_of(mechanism, TRANSFER_MECHANISMS))
			ppreg_reportf(c, "gdpr.transfers", mn, "transfer mechanism '%.40s' is not adequacy, scc or bcr", mechanism);
		else if (!strcmp(mechanism, "adequacy") && country && !ppreg_list_has(c, p->adequacy, country))
			ppreg_reportf(c, "gdpr.transfers", mn, "%.8s has no adequacy decision on the policy's list: use scc or bcr",
			              country);
	}
}

/* The hosting entry whose id is `id` among items [0, end), or NULL. */
static const ppreg_node *host_named(const ppreg_check *c, const ppreg_node *hosting, size_t end, const char *id)
{
	for (size_t i = 0; i < end && i < c->api->count(hosting); i++) {
		const ppreg_node *h = c->api->item(hosting, i);
		const char *hid = ppreg_text(c, c->api->get(h, "id"));
		if (hid && !strcmp(hid, id))
			return h;
	}
	return NULL;
}

/* Processors are named by hosting id: an id used twice would make the
 * contract that covers a processor ambiguous. */
static void check_host_ids(ppreg_check *c, const ppreg_node *hosting)
{
	for (size_t i = 0; i < c->api->count(hosting); i++) {
		const ppreg_node *idn = c->api->get(c->api->item(hosting, i), "id");
		const char *id = ppreg_text(c, idn);
		if (id && ppreg_blank(id))
			ppreg_reportf(c, "gdpr.processor-contracts", idn, "a host without an id");
		else if (id && host_named(c, hosting, i, id))
			ppreg_reportf(c, "gdpr.processor-contracts", idn, "hosting id '%.80s' is declared twice", id);
	}
}

/* Every processor an activity names is a hosting entry with a contract. */
static void check_processors(ppreg_check *c, const ppreg_node *root, const ppreg_node *hosting)
{
	const ppreg_api *api = c->api;
	const ppreg_node *acts = ppreg_list(c, api->get(root, "processing_activities"));
	for (size_t i = 0; i < api->count(acts); i++) {
		const ppreg_node *procs = ppreg_list(c, api->get(api->item(acts, i), "processors"));
		for (size_t j = 0; j < api->count(procs); j++) {
			const ppreg_node *pn = api->item(procs, j);
			const char *name = ppreg_text(c, pn);
			const ppreg_node *host = name ? host_named(c, hosting, api->count(hosting), name) : NULL;
			if (!name)
				continue;
			if (!host)
				ppreg_reportf(c, "gdpr.processor-contracts", pn, "processor '%.80s' is not a hosting entry: declare it with its "
				              "Art. 28 contract", name);
			else if (api->kind(api->get(host, "contract")) == PPREG_NODE_NULL)
				ppreg_reportf(c, "gdpr.processor-contracts", pn, "processor '%.80s' has no Art. 28 contract (hosting[].contract)", name);
		}
	}
}

void gdpr_check_hosting(ppreg_check *c, const ppreg_node *root, const gdpr_params *p, int health)
{
	const ppreg_api *api = c->api;
	const ppreg_node *hosting = ppreg_list(c, api->get(root, "hosting"));
	const ppreg_node *transfers = ppreg_list(c, api->get(root, "transfers_outside_eea"));
	if (health && hosting && api->count(hosting) == 0)
		ppreg_reportf(c, "gdpr.hds-hosting", hosting, "health data is processed but no host is declared");
	for (size_t i = 0; i < api->count(hosting); i++) {
		const ppreg_node *host = api->item(hosting, i);
		if (api->kind(host) != PPREG_NODE_MAP)
			continue; /* reported by the core */
		if (health)
			check_certificate(c, host, p);
		check_host_countries(c, host, transfers, p);
	}
	check_transfer_entries(c, transfers, p);
	check_host_ids(c, hosting);
	check_processors(c, root, hosting);
}
