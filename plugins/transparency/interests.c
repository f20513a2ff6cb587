/*
 * interests.c - the readings fr-model 2026.2 switches on about partners:
 * travel and stay expenses of volunteer and benevolent partners reimbursed
 * on the basis draft L.1191-3 names (decree 2006-781), and each active
 * partner's own links of interest published under its pseudonym (note of
 * 2026-02-16, §4.1: promotional interests hidden behind partners). A policy
 * without their parameters runs neither (docs/policies.md).
 */
#include "transparency.h"
#include "text.h"

#include <string.h>

/* A list of non-blank strings in the policy, each among `allowed` ("a|b")
 * when it is not NULL; `nonempty` when it may not be empty. */
static int is_word_list(const ppreg_check *c, const ppreg_node *list, const char *allowed, int nonempty)
{
	if (!ppreg_list(c, list) || (nonempty && c->api->count(list) == 0))
		return 0;
	for (size_t i = 0; i < c->api->count(list); i++) {
		const char *s = ppreg_text(c, c->api->item(list, i));
		if (!s || ppreg_blank(s) || (allowed && !ppreg_one_of(s, allowed)))
			return 0;
	}
	return 1;
}

/* A boolean parameter; absent is false. -1 when it is not a boolean. */
static int load_flag(ppreg_check *c, const char *key, int *out)
{
	const ppreg_node *n = c->api->get(c->params, key);
	*out = 0;
	return !n || c->api->boolean(n, out) == PPREG_OK ? 0 : -1;
}

int tr_load_new_params(ppreg_check *c, tr_params *p)
{
	const ppreg_api *api = c->api;
	const ppreg_node *grace = api->get(c->params, "funding_grace");
	ppreg_date end = {2001, 12, 31}, next = {2002, 12, 30};
	memset(&p->funding_grace, 0, sizeof p->funding_grace);
	if (grace && (api->duration(grace, &p->funding_grace) != PPREG_OK ||
	              api->date_cmp(api->date_add(end, &p->funding_grace, 1), next) > 0))
		return api->fail(c, ppreg_tr(c, "policy: transparency.params.funding_grace must be an ISO-8601 duration shorter than a year"));
	p->travel = api->get(c->params, "travel_expenses");
	if (p->travel && (!is_word_list(c, api->get(p->travel, "statuses"), "salaried|volunteer|benevolent", 1) ||
	                  !is_word_list(c, api->get(p->travel, "bases"), NULL, 1) ||
	                  !is_word_list(c, api->get(p->travel, "covers"), NULL, 0)))
		return api->fail(c, ppreg_tr(c, "policy: transparency.params.travel_expenses needs {statuses: [salaried|volunteer|"
		                    "benevolent...], bases: [...], covers: [...]}, non-empty statuses and bases"));
	if (load_flag(c, "require_partner_interests", &p->require_partner_interests) < 0)
		return api->fail(c, ppreg_tr(c, "policy: transparency.params.require_partner_interests must be true or false"));
	if (load_flag(c, "require_public_backers", &p->require_public_backers) < 0)
		return api->fail(c, ppreg_tr(c, "policy: transparency.params.require_public_backers must be true or false"));
	return 0;
}

/* The partners of the statuses the policy names, from by_status. */
static long long partners_of(const ppreg_check *c, const ppreg_node *root, const ppreg_node *statuses)
{
	long long sum = 0, n;
	for (size_t i = 0; i < c->api->count(statuses); i++) {
		const ppreg_node *by = c->api->get(root, "patient_partners.by_status");
		const char *status = ppreg_text(c, c->api->item(statuses, i));
		if (c->api->integer(c->api->get(by, status), &n) == PPREG_OK && n > 0 && n < 1000000000)
			sum += n;
	}
	return sum;
}

/* L.1191-3: volunteer and benevolent partners have their travel and stay
 * expenses paid under decree 2006-781. Declared as travel_expenses {basis,
 * covers}; asked only when the service has partners of those statuses. */
void tr_check_travel_expenses(ppreg_check *c, const ppreg_node *root, const tr_params *p)
{
	const ppreg_api *api = c->api;
	const ppreg_node *te = api->get(root, "travel_expenses"), *bn = api->get(te, "basis");
	const ppreg_node *covers = api->get(te, "covers"), *wanted = api->get(p->travel, "covers");
	long long partners = p->travel ? partners_of(c, root, api->get(p->travel, "statuses")) : 0;
	if (partners == 0)
		return;
	if (api->kind(te) != PPREG_NODE_MAP) {
		if (api->kind(te) == PPREG_NODE_NULL)
			ppreg_reportf(c, "transparency.travel-expenses", root, "partners whose travel expenses the service pays: %lld; "
			              "declare travel_expenses {basis, covers}", partners);
		return; /* another type: reported by the core */
	}
	const char *basis = ppreg_text(c, bn);
	if (api->kind(bn) == PPREG_NODE_NULL)
		ppreg_reportf(c, "transparency.travel-expenses", te, "travel_expenses gives its basis (model: decret-2006-781)");
	else if (basis && !ppreg_list_has(c, api->get(p->travel, "bases"), basis))
		ppreg_reportf(c, "transparency.travel-expenses", bn, "basis '%.60s' is not one the policy accepts (model: "
		              "decret-2006-781, the civil servants' travel expenses)", basis);
	for (size_t i = 0; i < api->count(wanted); i++) {
		const char *what = ppreg_text(c, api->item(wanted, i));
		if (what && !ppreg_list_has(c, covers, what))
			ppreg_reportf(c, "transparency.travel-expenses", api->kind(covers) == PPREG_NODE_LIST ? covers : te,
			              "travel_expenses.covers does not list %.40s", what);
	}
}

/* The commitment of charter.yaml whose partner is `who`, or NULL. */
static const ppreg_node *commitment_of(const ppreg_check *c, const ppreg_node *commitments, const char *who)
{
	for (size_t i = 0; i < c->api->count(commitments); i++) {
		const ppreg_node *k = c->api->item(commitments, i);
		const char *partner = ppreg_text(c, c->api->get(k, "partner"));
		if (partner && !strcmp(partner, who))
			return k;
	}
	return NULL;
}

/* The entry of partner_interests among items [0, end) naming `who`, or NULL. */
static const ppreg_node *interests_of(const ppreg_check *c, const ppreg_node *list, size_t end, const char *who)
{
	for (size_t i = 0; i < end; i++) {
		const char *partner = ppreg_text(c, c->api->get(c->api->item(list, i), "partner"));
		if (partner && !strcmp(partner, who))
			return c->api->item(list, i);
	}
	return NULL;
}

/* One of a partner's links: a company, a nature of the format, an amount
 * that is not negative, a date not after the as-of date. */
static void check_partner_link(ppreg_check *c, const ppreg_node *link)
{
	const ppreg_api *api = c->api;
	const ppreg_node *nn = api->get(link, "nature"), *an = api->get(link, "amount_eur"), *dn = api->get(link, "date");
	const char *nature = ppreg_text(c, nn);
	long long cents;
	ppreg_date d;
	ppreg_require_text(c, "transparency.partner-interests", link, "company");
	if (nature && !ppreg_one_of(nature, LINK_NATURES))
		ppreg_reportf(c, "transparency.partner-interests", nn, "link nature '%.40s' is not one of " LINK_NATURES, nature);
	if (api->amount(an, &cents) == PPREG_OK && cents < 0)
		ppreg_reportf(c, "transparency.partner-interests", an, "a negative amount");
	if (api->date(dn, &d) == PPREG_OK && api->date_cmp(d, c->as_of) > 0)
		ppreg_reportf(c, "transparency.partner-interests", dn, "a link dated after the as-of date");
}

/* One entry {partner, links}: a partner of charter.yaml, once, with its
 * links (an empty list: none). */
static void check_interest_entry(ppreg_check *c, const ppreg_node *list, size_t i, const ppreg_node *commitments)
{
	const ppreg_api *api = c->api;
	const ppreg_node *entry = api->item(list, i), *pn = api->get(entry, "partner");
	const ppreg_node *links = ppreg_list(c, api->get(entry, "links"));
	const char *who = ppreg_text(c, pn);
	if (who && commitments && !commitment_of(c, commitments, who))
		ppreg_reportf(c, "transparency.partner-interests", pn, "%.80s is not a partner of charter.yaml",
		              text_echo_safe(who) ? who : ppreg_tr(c, "this partner"));
	else if (who && interests_of(c, list, i, who))
		ppreg_reportf(c, "transparency.partner-interests", pn, "the partner's interests are declared twice");
	if (api->kind(entry) == PPREG_NODE_MAP && api->kind(api->get(entry, "links")) == PPREG_NODE_NULL)
		ppreg_reportf(c, "transparency.partner-interests", entry, "the entry gives links (an empty list: none)");
	for (size_t j = 0; j < api->count(links); j++)
		check_partner_link(c, api->item(links, j));
}

/* Every active partner of charter.yaml has its entry in partner_interests,
 * under its pseudonym: a platform cannot hide a company's interest behind
 * the partners it pays. */
void tr_check_partner_interests(ppreg_check *c, const ppreg_node *root, const tr_params *p)
{
	const ppreg_api *api = c->api;
	const ppreg_node *pi = api->get(root, "partner_interests"), *list = ppreg_list(c, pi);
	const ppreg_node *commitments = ppreg_list(c, api->get(api->file(c, "charter.yaml"), "commitments"));
	if (!p->require_partner_interests)
		return;
	if (api->kind(pi) == PPREG_NODE_NULL) {
		ppreg_reportf(c, "transparency.partner-interests", root, "declare partner_interests: each active partner's links "
		              "of interest, under its pseudonym");
		return;
	}
	for (size_t i = 0; i < api->count(list); i++)
		check_interest_entry(c, list, i, commitments);
	for (size_t i = 0; list && i < api->count(commitments); i++) {
		const ppreg_node *k = api->item(commitments, i);
		const char *who = ppreg_text(c, api->get(k, "partner")), *status = ppreg_text(c, api->get(k, "status"));
		unsigned line;
		if (!who || !status || strcmp(status, "active") || interests_of(c, list, api->count(list), who))
			continue;
		api->where(k, NULL, &line, NULL);
		ppreg_reportf(c, "transparency.partner-interests", list, "the active partner %.80s (charter.yaml line %u) "
		              "declares no links of interest",
		              /* TRANSLATORS: stands for a pseudonym that cannot be echoed */
		              text_echo_safe(who) ? who : ppreg_tr(c, "named"), line);
	}
}
