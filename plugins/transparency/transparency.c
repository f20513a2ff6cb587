/*
 * transparency.c - who pays, who gains (draft L.1191-4 CSP transparency;
 * note of 2026-02-16 §4.1: hidden promotional interests of the
 * health-product industry). Ownership, funding for each required year,
 * industry links that account for all industry money, public backers,
 * partner counts that match the signed commitments, volunteer indemnities
 * within the policy's bounds (L.1191-3), prices, no regulated act, the right
 * of alert (L.1191-5) and advertising.
 */
#include "ppreg/plugin.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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

#define SRC "CSP L.1191-4 (draft): transparency; note 2026-02-16 §4.1"

static const ppreg_rule rules[] = {
	{R_OWN, PPREG_SEV_ERROR, "holders with kinds; shares of a commercial entity sum to 100 % (±0.01)", SRC,
	 "List every holder with its kind and share; shares must add up to 100."},
	{R_FUND, PPREG_SEV_ERROR, "every funding source of each of the policy's last N years: kind, amount in euros >= 0", SRC,
	 "Declare at least one funding entry for each complete year the policy requires."},
	{R_IND, PPREG_SEV_ERROR, "links with health-product companies at or above the threshold are declared; no industry money without a link",
	 SRC "; CSP L.1453-1 (transparence des liens d'intérêts)",
	 "Declare each industry link (company, nature, amount, date) covering the industry funding received."},
	{R_PUB, PPREG_SEV_ERROR, "public bodies that support the service, and how", SRC,
	 "Give each public backer's name, kind and the support it gives."},
	{R_PP, PPREG_SEV_ERROR, "partner counts by status add up to the total, which equals the active commitments of charter.yaml",
	 SRC "; CSP L.1191-3 (draft)", "Recount partners by status; the total must equal the active commitments."},
	{R_VOL, PPREG_SEV_ERROR, "with volunteers: the hourly indemnity lies within the policy's bounds and a yearly cap of hours is declared",
	 "CSP L.1191-3 (draft): indemnités des volontaires", "Set volunteer_indemnity_eur_per_hour within the bounds and max_indemnified_hours_per_year."},
	{R_PRICE, PPREG_SEV_ERROR, "each service says what it costs and who pays", SRC,
	 "Add a pricing entry (price_eur, payer) for every service of registration.yaml."},
	{R_NOSUB, PPREG_SEV_ERROR, "partners perform no regulated professional act (regulated_acts: false)",
	 SRC "; HAS 2026: no substitution for health professionals", "Declare regulated_acts: false, and make it true in practice."},
	{R_ALERT, PPREG_SEV_ERROR, "the right of alert is shown to users: an https URL and the authority it goes to",
	 "CSP L.1191-5 (draft): droit d'alerte", "Publish the right of alert and give its URL and the authority (the health minister)."},
	{R_ADV, PPREG_SEV_ERROR, "advertising accepted or not; when accepted, the advertisers", SRC,
	 "Declare advertising.accepted, and the advertisers when it is true."},
};

static const ppreg_field fields[] = {
	{"ownership", PPREG_T_LIST, 0, NULL, NULL},
	{"ownership[]", PPREG_T_MAP, 0, NULL, NULL},
	{"ownership[].holder", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_OWN},
	{"ownership[].kind", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_OWN},
	{"ownership[].share_percent", PPREG_T_NUMBER, PPREG_REQUIRED, NULL, R_OWN},
	{"funding", PPREG_T_LIST, PPREG_REQUIRED, NULL, R_FUND},
	{"funding[]", PPREG_T_MAP, 0, NULL, NULL},
	{"funding[].year", PPREG_T_INT, PPREG_REQUIRED, NULL, R_FUND},
	{"funding[].source", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_FUND},
	{"funding[].kind", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_FUND},
	{"funding[].amount_eur", PPREG_T_NUMBER, PPREG_REQUIRED, NULL, R_FUND},
	{"industry_links", PPREG_T_LIST, 0, NULL, NULL},
	{"industry_links[]", PPREG_T_MAP, 0, NULL, NULL},
	{"industry_links[].company", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_IND},
	{"industry_links[].nature", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_IND},
	{"industry_links[].amount_eur", PPREG_T_NUMBER, PPREG_REQUIRED, NULL, R_IND},
	{"industry_links[].date", PPREG_T_DATE, PPREG_REQUIRED, NULL, R_IND},
	{"industry_links[].purpose", PPREG_T_STRING, 0, NULL, NULL},
	{"public_backers", PPREG_T_LIST, 0, NULL, NULL},
	{"public_backers[]", PPREG_T_MAP, 0, NULL, NULL},
	{"public_backers[].name", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_PUB},
	{"public_backers[].kind", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_PUB},
	{"public_backers[].support", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_PUB},
	{"patient_partners", PPREG_T_MAP, PPREG_REQUIRED, NULL, R_PP},
	{"patient_partners.total", PPREG_T_INT, PPREG_REQUIRED, NULL, R_PP},
	{"patient_partners.by_status", PPREG_T_MAP, PPREG_REQUIRED, NULL, R_PP},
	{"patient_partners.by_status.salaried", PPREG_T_INT, PPREG_REQUIRED, NULL, R_PP},
	{"patient_partners.by_status.volunteer", PPREG_T_INT, PPREG_REQUIRED, NULL, R_PP},
	{"patient_partners.by_status.benevolent", PPREG_T_INT, PPREG_REQUIRED, NULL, R_PP},
	{"patient_partners.volunteer_indemnity_eur_per_hour", PPREG_T_NUMBER, 0, NULL, NULL},
	{"patient_partners.max_indemnified_hours_per_year", PPREG_T_INT, 0, NULL, NULL},
	{"pricing", PPREG_T_LIST, PPREG_REQUIRED, NULL, R_PRICE},
	{"pricing[]", PPREG_T_MAP, 0, NULL, NULL},
	{"pricing[].service", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_PRICE},
	{"pricing[].price_eur", PPREG_T_NUMBER, PPREG_REQUIRED, NULL, R_PRICE},
	{"pricing[].payer", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_PRICE},
	{"pricing[].note", PPREG_T_STRING, 0, NULL, NULL},
	{"pricing[].unit", PPREG_T_STRING, 0, NULL, NULL},
	{"regulated_acts", PPREG_T_ANY, PPREG_REQUIRED, NULL, R_NOSUB},
	{"alert_channel", PPREG_T_MAP, PPREG_REQUIRED, NULL, R_ALERT},
	{"alert_channel.shown_at", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_ALERT},
	{"alert_channel.authority", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_ALERT},
	{"advertising", PPREG_T_MAP, PPREG_REQUIRED, NULL, R_ADV},
	{"advertising.accepted", PPREG_T_ANY, PPREG_REQUIRED, NULL, R_ADV},
	{"advertising.advertisers", PPREG_T_LIST, 0, NULL, NULL},
	{"advertising.advertisers[]", PPREG_T_ANY, 0, NULL, NULL},
};

static const ppreg_schema schemas[] = {{"transparency.yaml", fields, sizeof fields / sizeof *fields}};

static int one_of(const char *s, const char *const *set)
{
	for (; s && *set; set++)
		if (!strcmp(s, *set))
			return 1;
	return 0;
}

static double num(const ppreg_check *c, const ppreg_node *n, double fallback)
{
	double v;
	return c->api->number(n, &v) == PPREG_OK ? v : fallback;
}

static double param(const ppreg_check *c, const char *path)
{
	return num(c, c->api->get(c->params, path), NAN);
}

static void check_ownership(ppreg_check *c, const ppreg_node *root)
{
	const ppreg_api *api = c->api;
	const ppreg_node *own = api->get(root, "ownership");
	const char *kind = ppreg_text(c, api->get(api->file(c, "registration.yaml"), "platform.kind"));
	double sum = 0, tol = param(c, "ownership_tolerance_percent");
	if (isnan(tol))
		tol = 0.01;
	for (size_t i = 0; i < api->count(own); i++) {
		const ppreg_node *s = api->get(api->item(own, i), "share_percent");
		double v = num(c, s, 0);
		if (v < 0 || v > 100)
			ppreg_reportf(c, R_OWN, s, "a share of %g %% is not between 0 and 100", v);
		sum += v;
	}
	if (!kind || strcmp(kind, "commercial"))
		return;
	if (api->count(own) == 0)
		ppreg_reportf(c, R_OWN, own ? own : root, "a commercial service declares its ownership");
	else if (fabs(sum - 100) > tol)
		ppreg_reportf(c, R_OWN, own, "shares add up to %g %%, not 100 %%", sum);
}

static void check_funding(ppreg_check *c, const ppreg_node *root)
{
	static const char *const kinds[] = {"revenue", "public-grant", "private-grant", "industry",
		"donation", "equity", "loan", NULL};
	const ppreg_api *api = c->api;
	const ppreg_node *funding = api->get(root, "funding");
	double years = param(c, "funding_years");
	ppreg_date created;
	int first = c->as_of.year - (isnan(years) ? 3 : (int)years);
	if (api->date(api->get(api->file(c, "registration.yaml"), "legal_entity.created_on"), &created) == PPREG_OK &&
	    created.year > first)
		first = created.year;
	for (size_t i = 0; i < api->count(funding); i++) {
		const ppreg_node *f = api->item(funding, i), *kn = api->get(f, "kind"), *an = api->get(f, "amount_eur");
		const char *k = ppreg_text(c, kn);
		if (k && !one_of(k, kinds))
			ppreg_reportf(c, R_FUND, kn, "funding kind '%s' is not one of revenue, public-grant, private-grant, industry, donation, equity, loan", k);
		if (num(c, an, 0) < 0)
			ppreg_reportf(c, R_FUND, an, "a negative amount");
	}
	for (int y = first; y < c->as_of.year; y++) {
		int found = 0;
		for (size_t i = 0; i < api->count(funding) && !found; i++) {
			long long fy;
			found = api->integer(api->get(api->item(funding, i), "year"), &fy) == PPREG_OK && fy == y;
		}
		if (!found && funding)
			ppreg_reportf(c, R_FUND, funding, "no funding declared for %d", y);
	}
}

/* Sum of one company's declared links. */
static double links_for(const ppreg_check *c, const ppreg_node *links, const char *company)
{
	double sum = 0;
	for (size_t i = 0; i < c->api->count(links); i++) {
		const ppreg_node *l = c->api->item(links, i);
		const char *who = ppreg_text(c, c->api->get(l, "company"));
		if (who && !strcmp(who, company))
			sum += num(c, c->api->get(l, "amount_eur"), 0);
	}
	return sum;
}

static void check_industry(ppreg_check *c, const ppreg_node *root)
{
	static const char *const natures[] = {"convention", "benefit", "remuneration", "sponsorship", "equity", NULL};
	const ppreg_api *api = c->api;
	const ppreg_node *links = api->get(root, "industry_links"), *funding = api->get(root, "funding");
	double threshold = param(c, "industry_link_threshold_eur");
	if (isnan(threshold))
		threshold = 10;
	for (size_t i = 0; i < api->count(links); i++) {
		const ppreg_node *l = api->item(links, i), *nn = api->get(l, "nature"), *an = api->get(l, "amount_eur");
		const char *nature = ppreg_text(c, nn);
		if (nature && !one_of(nature, natures))
			ppreg_reportf(c, R_IND, nn, "nature '%s' is not convention, benefit, remuneration, sponsorship or equity", nature);
		if (num(c, an, 0) < 0)
			ppreg_reportf(c, R_IND, an, "a negative amount");
	}
	/* All years together: the industry money from each company must be
	 * matched by declared links; each source is checked once. */
	for (size_t i = 0; i < api->count(funding); i++) {
		const ppreg_node *f = api->item(funding, i);
		const char *kind = ppreg_text(c, api->get(f, "kind")), *source = ppreg_text(c, api->get(f, "source"));
		if (!kind || strcmp(kind, "industry") || !source)
			continue;
		int seen = 0;
		double received = 0;
		for (size_t j = 0; j < api->count(funding); j++) {
			const ppreg_node *g = api->item(funding, j);
			const char *k2 = ppreg_text(c, api->get(g, "kind")), *s2 = ppreg_text(c, api->get(g, "source"));
			if (k2 && s2 && !strcmp(k2, "industry") && !strcmp(s2, source)) {
				seen |= j < i;
				received += num(c, api->get(g, "amount_eur"), 0);
			}
		}
		double declared = links_for(c, links, source);
		if (!seen && received >= threshold && declared < received)
			ppreg_reportf(c, R_IND, api->get(f, "source"),
			              "industry funding from %s (%g EUR) has declared links for only %g EUR: a hidden interest",
			              source, received, declared);
	}
}

static void check_partners(ppreg_check *c, const ppreg_node *root)
{
	const ppreg_api *api = c->api;
	const ppreg_node *pp = api->get(root, "patient_partners"), *tn = api->get(pp, "total");
	long long total, s, v, b;
	if (api->integer(tn, &total) != PPREG_OK || api->integer(api->get(pp, "by_status.salaried"), &s) ||
	    api->integer(api->get(pp, "by_status.volunteer"), &v) || api->integer(api->get(pp, "by_status.benevolent"), &b))
		return;
	if (s < 0 || v < 0 || b < 0 || s + v + b != total)
		ppreg_reportf(c, R_PP, tn, "%lld salaried + %lld volunteer + %lld benevolent is not the total %lld", s, v, b, total);
	const ppreg_node *commitments = api->get(api->file(c, "charter.yaml"), "commitments");
	if (!commitments)
		return;
	long long active = 0;
	for (size_t i = 0; i < api->count(commitments); i++) {
		const char *st = ppreg_text(c, api->get(api->item(commitments, i), "status"));
		active += st && !strcmp(st, "active");
	}
	if (active != total)
		ppreg_reportf(c, R_PP, tn, "total %lld differs from the %lld active commitments of charter.yaml", total, active);
	if (v <= 0)
		return;
	const ppreg_node *in = api->get(pp, "volunteer_indemnity_eur_per_hour");
	double rate, lo = param(c, "volunteer_indemnity_eur_per_hour.min"), hi = param(c, "volunteer_indemnity_eur_per_hour.max");
	if (api->number(in, &rate) != PPREG_OK)
		ppreg_reportf(c, R_VOL, api->kind(in) == PPREG_NODE_NULL ? pp : in, "volunteers need volunteer_indemnity_eur_per_hour");
	else if ((!isnan(lo) && rate < lo) || (!isnan(hi) && rate > hi))
		ppreg_reportf(c, R_VOL, in, "%g EUR per hour is outside the policy's %g to %g", rate, lo, hi);
	long long cap;
	const ppreg_node *cn = api->get(pp, "max_indemnified_hours_per_year");
	if (api->integer(cn, &cap) != PPREG_OK)
		ppreg_reportf(c, R_VOL, api->kind(cn) == PPREG_NODE_NULL ? pp : cn, "volunteers need max_indemnified_hours_per_year");
	else if (cap <= 0)
		ppreg_reportf(c, R_VOL, cn, "the yearly cap of hours must be positive");
}

static void check_pricing(ppreg_check *c, const ppreg_node *root)
{
	const ppreg_api *api = c->api;
	const ppreg_node *pricing = api->get(root, "pricing");
	const ppreg_node *services = api->get(api->file(c, "registration.yaml"), "services");
	for (size_t i = 0; i < api->count(pricing); i++) {
		const ppreg_node *p = api->item(pricing, i), *sn = api->get(p, "service"), *pn = api->get(p, "price_eur");
		const char *svc = ppreg_text(c, sn);
		int known = 0;
		for (size_t j = 0; svc && j < api->count(services); j++) {
			const char *id = ppreg_text(c, api->get(api->item(services, j), "id"));
			known |= id && !strcmp(id, svc);
		}
		if (svc && services && !known)
			ppreg_reportf(c, R_PRICE, sn, "service '%s' is not declared in registration.yaml", svc);
		if (num(c, pn, 0) < 0)
			ppreg_reportf(c, R_PRICE, pn, "a negative price");
	}
	for (size_t j = 0; j < api->count(services); j++) {
		const ppreg_node *idn = api->get(api->item(services, j), "id");
		const char *id = ppreg_text(c, idn);
		int priced = 0;
		for (size_t i = 0; id && i < api->count(pricing); i++) {
			const char *svc = ppreg_text(c, api->get(api->item(pricing, i), "service"));
			priced |= svc && !strcmp(svc, id);
		}
		if (id && pricing && !priced)
			ppreg_reportf(c, R_PRICE, pricing, "service '%s' has no price and payer", id);
	}
}

static void check_statements(ppreg_check *c, const ppreg_node *root)
{
	const ppreg_api *api = c->api;
	const ppreg_node *ra = api->get(root, "regulated_acts"), *url = api->get(root, "alert_channel.shown_at");
	const ppreg_node *acc = api->get(root, "advertising.accepted");
	int b;
	if (api->kind(ra) != PPREG_NODE_NULL && (api->boolean(ra, &b) != PPREG_OK || b))
		ppreg_reportf(c, R_NOSUB, ra, "regulated_acts must be false: partners perform no regulated act");
	const char *u = ppreg_text(c, url);
	if (u && (strncmp(u, "https://", 8) || strlen(u) < 12 || strpbrk(u, " \t")))
		ppreg_reportf(c, R_ALERT, url, "'%.60s' is not an https:// address", u);
	if (api->kind(acc) == PPREG_NODE_NULL)
		return;
	if (api->boolean(acc, &b) != PPREG_OK)
		ppreg_reportf(c, R_ADV, acc, "accepted must be true or false");
	else if (b && api->count(api->get(root, "advertising.advertisers")) == 0)
		ppreg_reportf(c, R_ADV, acc, "advertising is accepted: list the advertisers");
}

static int check(ppreg_check *c)
{
	const ppreg_node *root = c->api->file(c, "transparency.yaml");
	if (!root)
		return 0;
	check_ownership(c, root);
	check_funding(c, root);
	check_industry(c, root);
	check_partners(c, root);
	check_pricing(c, root);
	check_statements(c, root);
	return 0;
}

static const ppreg_plugin plugin = {
	PPREG_ABI_VERSION, sizeof(ppreg_plugin), "transparency", "1.0.0",
	"transparency: who pays, who gains (L.1191-4, note §4.1)",
	rules, sizeof rules / sizeof *rules, schemas, 1, check,
};

PPREG_EXPORT const ppreg_plugin *ppreg_plugin_entry(unsigned core_abi)
{
	(void)core_abi;
	return &plugin;
}
