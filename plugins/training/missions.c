/*
 * missions.c - what later policies ask of training from the partners'
 * missions (draft L.1191-3 CSP: training and conferences « correspondant à
 * leurs missions telles qu'elles figurent dans leur déclaration
 * d'engagement »):
 *   - with hours_by_domain, the hours a partner's certified training needs
 *     follow the domains of its missions: charter.yaml's missions are
 *     services[].id of registration.yaml, each of one domain, and the
 *     partner needs the most hours any of its domains asks
 *     (training.partner-certified, certifications.c);
 *   - with funding_statuses, a service that has such partners says how they
 *     obtain funded training on request (training.funding-access).
 * Services are sorted once by id, so that a hostile file of thousands of
 * missions and services costs O(n log n).
 */
#include "training.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	const char *id, *domain;
} service_ref;

static int by_id(const void *a, const void *b)
{
	return strcmp(((const service_ref *)a)->id, ((const service_ref *)b)->id);
}

int training_domains_load(ppreg_check *c, training_domains *d)
{
	const ppreg_api *api = c->api;
	const ppreg_node *services = ppreg_list(c, api->get(api->file(c, "registration.yaml"), "services"));
	size_t n = api->count(services), m = 0;
	service_ref *refs = calloc(n ? n : 1, sizeof *refs);
	memset(d, 0, sizeof *d);
	if (!refs)
		return api->fail(c, ppreg_tr(c, "out of memory"));
	for (size_t i = 0; i < n; i++) {
		const ppreg_node *s = api->item(services, i);
		const char *id = ppreg_text(c, api->get(s, "id")), *domain = ppreg_text(c, api->get(s, "domain"));
		if (id && domain)
			refs[m++] = (service_ref){id, domain};
	}
	qsort(refs, m, sizeof *refs, by_id);
	d->ids = calloc(m ? m : 1, sizeof *d->ids);
	d->domains = calloc(m ? m : 1, sizeof *d->domains);
	if (!d->ids || !d->domains) {
		free(refs);
		training_domains_free(d);
		return api->fail(c, ppreg_tr(c, "out of memory"));
	}
	for (size_t i = 0; i < m; i++) {
		d->ids[i] = refs[i].id;
		d->domains[i] = refs[i].domain;
	}
	d->n = m;
	free(refs);
	return 0;
}

void training_domains_free(training_domains *d)
{
	free(d->ids);
	free(d->domains);
	memset(d, 0, sizeof *d);
}

static const char *domain_of(const training_domains *d, const char *id)
{
	size_t lo = 0, hi = d->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int cmp = strcmp(d->ids[mid], id);
		if (!cmp)
			return d->domains[mid];
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* A mission that is no service, or a domain the policy gives no hours,
 * asks for none here: charter.missions and registration.domains report
 * them. */
double training_hours_needed(const ppreg_check *c, const training_policy *pol, const training_domains *d,
                             const ppreg_node *commitment, const char **domain)
{
	const ppreg_api *api = c->api;
	const ppreg_node *missions = ppreg_list(c, api->get(commitment, "missions"));
	double most = 0, h;
	*domain = NULL;
	for (size_t i = 0; i < api->count(missions); i++) {
		const char *id = ppreg_text(c, api->item(missions, i)), *dom = id ? domain_of(d, id) : NULL;
		if (dom && api->number(api->get(pol->hours_by_domain, dom), &h) == PPREG_OK && h > most) {
			most = h;
			*domain = dom;
		}
	}
	return most;
}

/* Whether some active partner has a status that may ask for funded
 * training, or a status that cannot be read (charter.signed reports it;
 * the text may then apply). */
static int has_concerned_partner(ppreg_check *c, const training_policy *pol)
{
	const ppreg_api *api = c->api;
	const ppreg_node *commitments = ppreg_list(c, api->get(api->file(c, "charter.yaml"), "commitments"));
	for (size_t i = 0; i < api->count(commitments); i++) {
		const ppreg_node *k = api->item(commitments, i);
		const char *status = ppreg_text(c, api->get(k, "status"));
		const char *kind = ppreg_text(c, api->get(k, "partner_status"));
		if (status && !strcmp(status, "active") && (!kind || ppreg_list_has(c, pol->funding_statuses, kind) ||
		                                            !ppreg_one_of(kind, "salaried|volunteer|benevolent")))
			return 1;
	}
	return 0;
}

void training_check_funding(ppreg_check *c, const training_policy *pol, const ppreg_node *root)
{
	const ppreg_api *api = c->api;
	if (!has_concerned_partner(c, pol))
		return;
	const ppreg_node *ft = api->get(root, "funded_training");
	if (api->kind(ft) == PPREG_NODE_NULL) {
		ppreg_reportf(c, "training.funding-access", ft ? ft : root, "volunteer or benevolent partners may ask for "
		              "funded training: declare funded_training {on_request: true, how_to_request}");
		return;
	}
	if (api->kind(ft) != PPREG_NODE_MAP) {
		ppreg_reportf(c, "training.funding-access", ft, "funded_training is a mapping {on_request, how_to_request}");
		return;
	}
	const ppreg_node *on = api->get(ft, "on_request"), *how = api->get(ft, "how_to_request");
	int yes = 0;
	if (api->boolean(on, &yes) != PPREG_OK || !yes)
		ppreg_reportf(c, "training.funding-access", on ? on : ft, "partners obtain funded training on request: "
		              "on_request: true");
	const char *text = ppreg_text(c, how);
	if (!text || training_unstated(text))
		ppreg_reportf(c, "training.funding-access", how ? how : ft, "funded_training does not say how a partner "
		              "asks for it (how_to_request)");
}
