/*
 * transparency.c - who pays, who gains (draft L.1191-4 CSP: transparency
 * obligations; note of 2026-02-16, §4.1: hidden promotional interests).
 *
 * The descriptor (rules, schema of transparency.yaml), the policy's numbers,
 * and the checks that are not about money: ownership, public backers, the
 * partner counts against the active commitments of charter.yaml, volunteer
 * indemnities within the policy's bounds (draft L.1191-3), a price and a
 * payer for every service of registration.yaml, no regulated professional
 * act, the right of alert (draft L.1191-5) and advertising. funding.c checks
 * the funding years and the industry links.
 *
 * The core has already checked types and required fields against the schema
 * below; values this plugin's rules own (enumerations, URLs, booleans of a
 * rule) are declared as plain strings or ANY so that a wrong one is reported
 * under the rule, and typed reads that return PPREG_BADTYPE are left alone.
 */
#include "transparency.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static const ppreg_rule rules[] = {
	{"transparency.ownership", PPREG_SEV_ERROR,
	 PPREG_N_("holders with kinds; shares of a commercial entity sum to 100 % (±0.01)"),
	 PPREG_N_("CSP L.1191-4 (draft): obligations d'enregistrement et de transparence établies par arrêté; note "
	  "2026-02-16 §4.1"),
	 PPREG_N_("List every holder with its kind and share (ownership is required for a commercial service); the "
	  "shares must add up to 100.")},
	{"transparency.funding", PPREG_SEV_ERROR,
	 PPREG_N_("every funding source of each of the policy's last N years: kind, amount in euros >= 0; the "
	  "previous year only once the policy's grace period after its end has passed"),
	 PPREG_N_("model policy, derived from CSP L.1191-4 (draft): obligations d'enregistrement et de "
	  "transparence établies par arrêté (the number of years, and the grace for the accounts of the "
	  "previous year, are the model's)"),
	 PPREG_N_("Declare at least one funding entry (year, source, kind, amount_eur >= 0) for each complete "
	  "calendar year the policy requires (model: the 3 years before the as-of date, or since "
	  "created_on; under 2026.2 the previous year by 30 June).")},
	{"transparency.industry-links", PPREG_SEV_ERROR,
	 PPREG_N_("links with health-product companies at or above the threshold are declared with nature, amount, "
	  "date; no industry money without a matching link"),
	 PPREG_N_("model policy, derived from CSP L.1191-4 (draft): obligations d'enregistrement et de "
	  "transparence établies par arrêté and note 2026-02-16 §4.1 (la dissimulation d'intérêts "
	  "promotionnels); the 10 EUR threshold mirrors CSP L.1453-1 and D.1453-1, which bind "
	  "health-product companies (their declarations of benefits), not services"),
	 PPREG_N_("Declare in industry_links, under the company's exact name, links (nature, amount_eur, date) "
	  "adding up to the industry funding received from it.")},
	{"transparency.public-backers", PPREG_SEV_ERROR,
	 PPREG_N_("public bodies that support the service (universities, regional health agencies) and how; under "
	  "2026.2 the list is given, empty when there is none"),
	 PPREG_N_("CSP L.1191-4 (draft): obligations d'enregistrement et de transparence établies par arrêté; note "
	  "2026-02-16 §4.1 (plateformes initiées ou soutenues par des établissements publics "
	  "d'enseignement supérieur et des agences régionales de santé)"),
	 PPREG_N_("Give each public backer's name, kind and the support it gives; write public_backers: [] when "
	  "there is none.")},
	{"transparency.patient-partners", PPREG_SEV_ERROR,
	 PPREG_N_("partner counts by status add up to the total, which equals the active commitments of "
	  "charter.yaml"),
	 PPREG_N_("CSP L.1191-4 (draft): obligations d'enregistrement et de transparence établies par arrêté; CSP "
	  "L.1191-3 (draft): salariés, volontaires, bénévoles"),
	 PPREG_N_("Recount partners by status (salaried, volunteer, benevolent); the total must equal the active "
	  "commitments of charter.yaml.")},
	{"transparency.volunteer-indemnity", PPREG_SEV_ERROR,
	 PPREG_N_("with volunteers: the hourly indemnity lies within the policy's bounds and a yearly cap of hours "
	  "is declared"),
	 PPREG_N_("CSP L.1191-3 (draft): indemnités des volontaires, between bounds a joint order of the ministers "
	  "of health and budget sets (model policy: 10 to 25 EUR), a yearly number of hours the service "
	  "sets"),
	 PPREG_N_("Declare volunteer_indemnity_eur_per_hour within the policy's bounds (model: 10 to 25 EUR) and "
	  "max_indemnified_hours_per_year.")},
	{"transparency.pricing", PPREG_SEV_ERROR,
	 PPREG_N_("each service of registration.yaml says what it costs and who pays"),
	 PPREG_N_("model policy, derived from CSP L.1191-4 (draft): obligations d'enregistrement et de "
	  "transparence établies par arrêté (services marchands ou non marchands)"),
	 PPREG_N_("Add one pricing entry (service, price_eur >= 0, payer) for every service of registration.yaml.")},
	{"transparency.no-substitution", PPREG_SEV_ERROR,
	 PPREG_N_("partners perform no regulated professional act (regulated_acts: false)"),
	 PPREG_N_("note 2026-02-16 §4.1 (remplacer des professionnels de santé ?); CSP L.1191-4 (draft): "
	  "obligations d'enregistrement et de transparence établies par arrêté"),
	 PPREG_N_("Declare regulated_acts: false, and make it true in practice: partners do not replace health "
	  "professionals.")},
	{"transparency.alert-channel", PPREG_SEV_ERROR,
	 PPREG_N_("the right of alert is shown to users: the https URL where it is shown and the authority it goes "
	  "to"),
	 PPREG_N_("CSP L.1191-5 (draft): droit d'alerte; CSP L.1191-4 (draft): obligations d'enregistrement et de "
	  "transparence établies par arrêté"),
	 PPREG_N_("Show the right of alert to users and declare its https URL and the authority (the health "
	  "minister).")},
	{"transparency.advertising", PPREG_SEV_ERROR,
	 PPREG_N_("advertising accepted or not; when accepted, the advertisers"),
	 PPREG_N_("model policy, derived from note 2026-02-16 §4.1 (la dissimulation d'intérêts promotionnels) and "
	  "CSP L.1191-4 (draft): obligations d'enregistrement et de transparence établies par arrêté"),
	 PPREG_N_("Declare advertising.accepted (true or false) and, when true, the non-empty list of advertisers.")},
	{"transparency.travel-expenses", PPREG_SEV_ERROR,
	 PPREG_N_("with volunteer or benevolent partners (the policy's statuses): travel_expenses gives a basis "
	  "the policy accepts and covers what it lists (2026.2)"),
	 PPREG_N_("CSP L.1191-3 (draft): frais de déplacement et de séjour des bénévoles et volontaires pris en "
	  "charge dans le cadre du décret n° 2006-781"),
	 PPREG_N_("Declare travel_expenses: {basis: decret-2006-781, covers: [travel, stay]} and reimburse on that "
	  "basis.")},
	{"transparency.partner-interests", PPREG_SEV_ERROR,
	 PPREG_N_("each active partner of charter.yaml declares its own links of interest under its pseudonym "
	  "(links: [] for none); each link has company, nature, amount, date (2026.2)"),
	 PPREG_N_("model policy, derived from note 2026-02-16 §4.1 (la dissimulation d'intérêts promotionnels)"),
	 PPREG_N_("Add to partner_interests one entry {partner: <pseudonym>, links: [...]} per active partner, "
	  "each link {company, nature, amount_eur, date}; links: [] when it has none.")},
};

static const ppreg_field fields[] = {
	{"ownership", PPREG_T_LIST, 0, NULL, NULL},
	{"ownership[]", PPREG_T_MAP, 0, NULL, NULL},
	{"ownership[].holder", PPREG_T_STRING, PPREG_REQUIRED, NULL, "transparency.ownership"},
	{"ownership[].kind", PPREG_T_STRING, PPREG_REQUIRED, NULL, "transparency.ownership"},
	{"ownership[].share_percent", PPREG_T_NUMBER, PPREG_REQUIRED, NULL, "transparency.ownership"},
	{"funding", PPREG_T_LIST, PPREG_REQUIRED, NULL, "transparency.funding"},
	{"funding[]", PPREG_T_MAP, 0, NULL, NULL},
	{"funding[].year", PPREG_T_INT, PPREG_REQUIRED, NULL, "transparency.funding"},
	{"funding[].source", PPREG_T_STRING, PPREG_REQUIRED, NULL, "transparency.funding"},
	{"funding[].kind", PPREG_T_STRING, PPREG_REQUIRED, NULL, "transparency.funding"},
	{"funding[].amount_eur", PPREG_T_AMOUNT, PPREG_REQUIRED, NULL, "transparency.funding"},
	{"industry_links", PPREG_T_LIST, 0, NULL, NULL},
	{"industry_links[]", PPREG_T_MAP, 0, NULL, NULL},
	{"industry_links[].company", PPREG_T_STRING, PPREG_REQUIRED, NULL, "transparency.industry-links"},
	{"industry_links[].nature", PPREG_T_STRING, PPREG_REQUIRED, NULL, "transparency.industry-links"},
	{"industry_links[].amount_eur", PPREG_T_AMOUNT, PPREG_REQUIRED, NULL, "transparency.industry-links"},
	{"industry_links[].date", PPREG_T_DATE, PPREG_REQUIRED, NULL, "transparency.industry-links"},
	{"industry_links[].purpose", PPREG_T_STRING, 0, NULL, NULL},
	{"public_backers", PPREG_T_LIST, 0, NULL, NULL},
	{"public_backers[]", PPREG_T_MAP, 0, NULL, NULL},
	{"public_backers[].name", PPREG_T_STRING, PPREG_REQUIRED, NULL, "transparency.public-backers"},
	{"public_backers[].kind", PPREG_T_STRING, PPREG_REQUIRED, NULL, "transparency.public-backers"},
	{"public_backers[].support", PPREG_T_STRING, PPREG_REQUIRED, NULL, "transparency.public-backers"},
	{"patient_partners", PPREG_T_MAP, PPREG_REQUIRED, NULL, "transparency.patient-partners"},
	{"patient_partners.total", PPREG_T_INT, PPREG_REQUIRED, NULL, "transparency.patient-partners"},
	{"patient_partners.by_status", PPREG_T_MAP, PPREG_REQUIRED, NULL, "transparency.patient-partners"},
	{"patient_partners.by_status.salaried", PPREG_T_INT, PPREG_REQUIRED, NULL, "transparency.patient-partners"},
	{"patient_partners.by_status.volunteer", PPREG_T_INT, PPREG_REQUIRED, NULL, "transparency.patient-partners"},
	{"patient_partners.by_status.benevolent", PPREG_T_INT, PPREG_REQUIRED, NULL, "transparency.patient-partners"},
	{"patient_partners.volunteer_indemnity_eur_per_hour", PPREG_T_AMOUNT, 0, NULL, NULL},
	{"patient_partners.max_indemnified_hours_per_year", PPREG_T_INT, 0, NULL, NULL},
	{"pricing", PPREG_T_LIST, PPREG_REQUIRED, NULL, "transparency.pricing"},
	{"pricing[]", PPREG_T_MAP, 0, NULL, NULL},
	{"pricing[].service", PPREG_T_STRING, PPREG_REQUIRED, NULL, "transparency.pricing"},
	{"pricing[].price_eur", PPREG_T_AMOUNT, PPREG_REQUIRED, NULL, "transparency.pricing"},
	{"pricing[].payer", PPREG_T_STRING, PPREG_REQUIRED, NULL, "transparency.pricing"},
	{"pricing[].note", PPREG_T_STRING, 0, NULL, NULL},
	{"pricing[].unit", PPREG_T_STRING, 0, NULL, NULL},
	{"regulated_acts", PPREG_T_ANY, PPREG_REQUIRED, NULL, "transparency.no-substitution"},
	{"alert_channel", PPREG_T_MAP, PPREG_REQUIRED, NULL, "transparency.alert-channel"},
	{"alert_channel.shown_at", PPREG_T_STRING, PPREG_REQUIRED, NULL, "transparency.alert-channel"},
	{"alert_channel.authority", PPREG_T_STRING, PPREG_REQUIRED, NULL, "transparency.alert-channel"},
	{"advertising", PPREG_T_MAP, PPREG_REQUIRED, NULL, "transparency.advertising"},
	{"advertising.accepted", PPREG_T_ANY, PPREG_REQUIRED, NULL, "transparency.advertising"},
	{"advertising.advertisers", PPREG_T_LIST, 0, NULL, NULL},
	{"advertising.advertisers[]", PPREG_T_STRING, 0, NULL, NULL},
	{"travel_expenses", PPREG_T_MAP, 0, NULL, NULL},
	{"travel_expenses.basis", PPREG_T_STRING, 0, NULL, NULL},
	{"travel_expenses.covers", PPREG_T_LIST, 0, NULL, NULL},
	{"travel_expenses.covers[]", PPREG_T_STRING, 0, NULL, NULL},
	{"partner_interests", PPREG_T_LIST, 0, NULL, NULL},
	{"partner_interests[]", PPREG_T_MAP, 0, NULL, NULL},
	{"partner_interests[].partner", PPREG_T_STRING, PPREG_REQUIRED, NULL, "transparency.partner-interests"},
	{"partner_interests[].links", PPREG_T_LIST, 0, NULL, NULL},
	{"partner_interests[].links[]", PPREG_T_MAP, 0, NULL, NULL},
	{"partner_interests[].links[].company", PPREG_T_STRING, PPREG_REQUIRED, NULL, "transparency.partner-interests"},
	{"partner_interests[].links[].nature", PPREG_T_STRING, PPREG_REQUIRED, NULL, "transparency.partner-interests"},
	{"partner_interests[].links[].amount_eur", PPREG_T_AMOUNT, PPREG_REQUIRED, NULL, "transparency.partner-interests"},
	{"partner_interests[].links[].date", PPREG_T_DATE, PPREG_REQUIRED, NULL, "transparency.partner-interests"},
};

static const ppreg_schema schemas[] = {{"transparency.yaml", fields, sizeof fields / sizeof *fields}};

/* Hours in a leap year: no yearly cap can be larger. */
#define HOURS_IN_YEAR 8784
/* The policy's numbers. A missing or impossible one stops the run (exit 2):
 * judging with a guessed number would make verdicts nobody decided. */
static int load_params(ppreg_check *c, void *state)
{
	tr_params *p = state;
	const ppreg_api *api = c->api;
	const ppreg_node *params = c->params;
	if (!PPREG_API_HAS(api, amount))
		return api->fail(c, ppreg_tr(c, "transparency needs a core that reads amounts in cents (ppreg_api.amount)"));
	if (api->integer(api->get(params, "funding_years"), &p->funding_years) != PPREG_OK ||
	    p->funding_years < 0 || p->funding_years > 100)
		return api->fail(c, ppreg_tr(c, "policy: transparency.params.funding_years must be an integer from 0 to 100"));
	if (api->amount(api->get(params, "industry_link_threshold_eur"), &p->link_threshold_cents) != PPREG_OK ||
	    p->link_threshold_cents < 0)
		return api->fail(c, ppreg_tr(c, "policy: transparency.params.industry_link_threshold_eur must be an amount >= 0, "
		                 "exact to the cent"));
	if (api->number(api->get(params, "volunteer_indemnity_eur_per_hour.min"), &p->indemnity_min_eur) != PPREG_OK ||
	    api->number(api->get(params, "volunteer_indemnity_eur_per_hour.max"), &p->indemnity_max_eur) != PPREG_OK ||
	    p->indemnity_min_eur < 0 || p->indemnity_min_eur > p->indemnity_max_eur)
		return api->fail(c, ppreg_tr(c, "policy: transparency.params.volunteer_indemnity_eur_per_hour needs numbers "
		                    "{min, max} with 0 <= min <= max"));
	if (api->number(api->get(params, "ownership_tolerance_percent"), &p->share_tolerance_percent) != PPREG_OK ||
	    p->share_tolerance_percent < 0 || p->share_tolerance_percent >= 100)
		return api->fail(c, ppreg_tr(c, "policy: transparency.params.ownership_tolerance_percent must be a number from 0 "
		                    "to less than 100"));
	return tr_load_new_params(c, p);
}

static int is_commercial(ppreg_check *c)
{
	const ppreg_node *reg = c->api->file(c, "registration.yaml");
	const char *kind = ppreg_text(c, c->api->get(reg, "platform.kind"));
	return kind && !strcmp(kind, "commercial");
}

/* Shares are summed in millionths of a percent, as integers: in binary
 * floating point 33.33 * 3 lies 0.010000000000005 away from 100, which a
 * tolerance of 0.01 would refuse. A share written with up to six decimals
 * is exact; a share is at most 100, so 10^8 units, and the sum of the
 * core's 100 000 nodes stays far within 64 bits. */
#define SHARE_UNITS 1000000.0

static long long share_units(double percent)
{
	return llround(percent * SHARE_UNITS);
}

/* A sum of shares (never negative) as a decimal with no trailing zero
 * ("99.99"): %g would round 99.999999 to 100. */
static const char *share_text(long long units, char out[32])
{
	long long one = (long long)SHARE_UNITS;
	int len = snprintf(out, 32, "%lld.%06lld", units / one, units % one);
	while (len > 0 && out[len - 1] == '0')
		out[--len] = '\0';
	if (len > 0 && out[len - 1] == '.')
		out[--len] = '\0';
	return out;
}

/* Who owns the service: each holder named, with a kind and a share in
 * (0, 100]. A commercial entity must declare owners whose shares account
 * for all of its capital; the sum is judged only when every share is a
 * number within (0, 100] (a mistyped one is the core's finding, one out of
 * range already this rule's: one defect, one finding). */
static void check_ownership(ppreg_check *c, const ppreg_node *root, const tr_params *p)
{
	const ppreg_api *api = c->api;
	const ppreg_node *own = api->get(root, "ownership"), *list = ppreg_list(c, own);
	long long sum = 0;
	int complete = 1;
	for (size_t i = 0; i < api->count(list); i++) {
		const ppreg_node *holder = api->item(list, i), *sn = api->get(holder, "share_percent");
		double share;
		ppreg_require_text(c, "transparency.ownership", holder, "holder");
		ppreg_require_text(c, "transparency.ownership", holder, "kind");
		if (api->number(sn, &share) != PPREG_OK) {
			complete = 0;
			continue;
		}
		if (share <= 0 || share > 100) {
			ppreg_reportf(c, "transparency.ownership", sn, "a share of %g %% is not more than 0 and at most 100", share);
			complete = 0;
			continue;
		}
		sum += share_units(share);
	}
	if (!is_commercial(c))
		return;
	char text[32];
	if (api->kind(own) == PPREG_NODE_NULL)
		ppreg_reportf(c, "transparency.ownership", root, "a commercial service declares its ownership (ownership:)");
	else if (list && api->count(list) == 0)
		ppreg_reportf(c, "transparency.ownership", own, "a commercial service lists the holders of its capital");
	else if (list && complete && llabs(sum - share_units(100)) > share_units(p->share_tolerance_percent))
		ppreg_reportf(c, "transparency.ownership", own, "shares add up to %s %%, not 100 %% (tolerance ± %g %%)",
		              share_text(sum, text), p->share_tolerance_percent);
}

/* Public bodies that back the service are named, with their kind and what
 * they give. */
static void check_public_backers(ppreg_check *c, const ppreg_node *root, const tr_params *p)
{
	const ppreg_node *backers = ppreg_list(c, c->api->get(root, "public_backers"));
	if (p->require_public_backers && c->api->kind(c->api->get(root, "public_backers")) == PPREG_NODE_NULL)
		ppreg_reportf(c, "transparency.public-backers", root, "declare public_backers, an empty list when no public "
		              "body backs the service: leaving it out is not silence");
	for (size_t i = 0; i < c->api->count(backers); i++) {
		const ppreg_node *b = c->api->item(backers, i);
		ppreg_require_text(c, "transparency.public-backers", b, "name");
		ppreg_require_text(c, "transparency.public-backers", b, "kind");
		ppreg_require_text(c, "transparency.public-backers", b, "support");
	}
}

/* The active commitments of charter.yaml, or -1 when that file or its list
 * is missing (the core or the charter plugin says so). */
static long long active_commitments(ppreg_check *c)
{
	const ppreg_api *api = c->api;
	const ppreg_node *list = ppreg_list(c, api->get(api->file(c, "charter.yaml"), "commitments"));
	long long active = 0;
	if (!list)
		return -1;
	for (size_t i = 0; i < api->count(list); i++) {
		const char *status = ppreg_text(c, api->get(api->item(list, i), "status"));
		active += status && !strcmp(status, "active");
	}
	return active;
}

/* Salaried + volunteer + benevolent, or -1 when a count is not a number
 * or is negative (reported here); LLONG_MAX when the sum overflows, which
 * is more than any total. */
static long long sum_by_status(ppreg_check *c, const ppreg_node *by_status, long long counts[3])
{
	static const char *const statuses[] = {"salaried", "volunteer", "benevolent"};
	long long sum = 0;
	int complete = 1;
	for (size_t i = 0; i < 3; i++) {
		const ppreg_node *n = c->api->get(by_status, statuses[i]);
		if (c->api->integer(n, &counts[i]) != PPREG_OK) {
			complete = 0;
		} else if (counts[i] < 0) {
			ppreg_reportf(c, "transparency.patient-partners", n, "a negative count of %s partners", statuses[i]);
			complete = 0;
		} else {
			sum = counts[i] > LLONG_MAX - sum ? LLONG_MAX : sum + counts[i];
		}
	}
	return complete ? sum : -1;
}

/* The partners counted by status are the partners of the total, and they
 * are the people who signed an active commitment in charter.yaml: the same
 * people, counted in two files. Both findings are at the total. */
static void check_partners(ppreg_check *c, const ppreg_node *root)
{
	const ppreg_api *api = c->api;
	const ppreg_node *pp = api->get(root, "patient_partners"), *tn = api->get(pp, "total");
	long long total, counts[3] = {0, 0, 0};
	long long sum = sum_by_status(c, api->get(pp, "by_status"), counts);
	if (api->integer(tn, &total) != PPREG_OK)
		return;
	if (total < 0) {
		ppreg_reportf(c, "transparency.patient-partners", tn, "a negative total of partners");
		return;
	}
	if (sum == LLONG_MAX && total != LLONG_MAX)
		ppreg_reportf(c, "transparency.patient-partners", tn, "the counts by status add up to more than the total %lld", total);
	else if (sum >= 0 && sum != total)
		ppreg_reportf(c, "transparency.patient-partners", tn, "%lld salaried + %lld volunteer + %lld benevolent make %lld, not the "
		              "total %lld", counts[0], counts[1], counts[2], sum, total);
	long long active = active_commitments(c);
	if (active >= 0 && active != total)
		ppreg_reportf(c, "transparency.patient-partners", tn, "total %lld differs from the %lld active commitment%s of charter.yaml",
		              total, active, active == 1 ? "" : "s");
}

/* Volunteers are indemnified by the hour within bounds an order sets (the
 * policy's numbers), up to a yearly number of hours the service fixes
 * (draft L.1191-3). Asked only when there are volunteers. */
static void check_volunteers(ppreg_check *c, const ppreg_node *root, const tr_params *p)
{
	const ppreg_api *api = c->api;
	const ppreg_node *pp = api->get(root, "patient_partners");
	const ppreg_node *rn = api->get(pp, "volunteer_indemnity_eur_per_hour");
	const ppreg_node *hn = api->get(pp, "max_indemnified_hours_per_year");
	long long volunteers, hours;
	double rate;
	if (api->integer(api->get(pp, "by_status.volunteer"), &volunteers) != PPREG_OK || volunteers <= 0)
		return;
	int rc = api->number(rn, &rate);
	if (rc == PPREG_ABSENT)
		ppreg_reportf(c, "transparency.volunteer-indemnity", pp, "%lld volunteer%s: declare volunteer_indemnity_eur_per_hour", volunteers,
		              volunteers == 1 ? "" : "s");
	else if (rc == PPREG_OK && (rate < p->indemnity_min_eur || rate > p->indemnity_max_eur))
		ppreg_reportf(c, "transparency.volunteer-indemnity", rn, "%g EUR per hour is outside the policy's bounds, %g to %g EUR", rate,
		              p->indemnity_min_eur, p->indemnity_max_eur);
	rc = api->integer(hn, &hours);
	if (rc == PPREG_ABSENT)
		ppreg_reportf(c, "transparency.volunteer-indemnity", pp, "%lld volunteer%s: declare max_indemnified_hours_per_year", volunteers,
		              volunteers == 1 ? "" : "s");
	else if (rc == PPREG_OK && (hours <= 0 || hours > HOURS_IN_YEAR))
		ppreg_reportf(c, "transparency.volunteer-indemnity", hn, "a yearly cap of %lld hours is not between 1 and %d", hours, HOURS_IN_YEAR);
}

/* The first pricing entry of `service` among items [0, end), or NULL. */
static const ppreg_node *price_of(const ppreg_check *c, const ppreg_node *pricing, size_t end, const char *service)
{
	for (size_t i = 0; i < end && i < c->api->count(pricing); i++) {
		const ppreg_node *entry = c->api->item(pricing, i);
		const char *s = ppreg_text(c, c->api->get(entry, "service"));
		if (s && !strcmp(s, service))
			return entry;
	}
	return NULL;
}

static int declares_service(const ppreg_check *c, const ppreg_node *services, const char *id)
{
	for (size_t i = 0; i < c->api->count(services); i++) {
		const char *s = ppreg_text(c, c->api->get(c->api->item(services, i), "id"));
		if (s && !strcmp(s, id))
			return 1;
	}
	return 0;
}

/* One pricing entry: a service registration.yaml declares, priced once,
 * a price that is not negative, a payer. */
static void check_price_entry(ppreg_check *c, const ppreg_node *pricing, size_t i, const ppreg_node *services)
{
	const ppreg_api *api = c->api;
	const ppreg_node *entry = api->item(pricing, i), *sn = api->get(entry, "service");
	const ppreg_node *pn = api->get(entry, "price_eur");
	const char *service = ppreg_text(c, sn);
	double price;
	if (service && services && !declares_service(c, services, service))
		ppreg_reportf(c, "transparency.pricing", sn, "service '%.80s' is not declared in registration.yaml", service);
	if (service && price_of(c, pricing, i, service))
		ppreg_reportf(c, "transparency.pricing", sn, "service '%.80s' is priced more than once", service);
	if (api->number(pn, &price) == PPREG_OK && price < 0)
		ppreg_reportf(c, "transparency.pricing", pn, "a negative price (%g EUR)", price);
	ppreg_require_text(c, "transparency.pricing", entry, "payer");
}

/* Every service of registration.yaml says what it costs and who pays. */
static void check_pricing(ppreg_check *c, const ppreg_node *root)
{
	const ppreg_api *api = c->api;
	const ppreg_node *pricing = ppreg_list(c, api->get(root, "pricing"));
	const ppreg_node *services = ppreg_list(c, api->get(api->file(c, "registration.yaml"), "services"));
	if (!pricing)
		return; /* missing or not a list: reported by the core */
	for (size_t i = 0; i < api->count(pricing); i++)
		check_price_entry(c, pricing, i, services);
	for (size_t i = 0; i < api->count(services); i++) {
		const char *id = ppreg_text(c, api->get(api->item(services, i), "id"));
		if (id && !price_of(c, pricing, api->count(pricing), id))
			ppreg_reportf(c, "transparency.pricing", pricing, "service '%.80s' of registration.yaml has no price and payer", id);
	}
}

/* Partners perform no regulated professional act: the declaration is the
 * boolean false, nothing that merely reads like it. */
static void check_no_substitution(ppreg_check *c, const ppreg_node *root)
{
	const ppreg_node *n = c->api->get(root, "regulated_acts");
	int acts;
	if (c->api->kind(n) == PPREG_NODE_NULL)
		return; /* missing: reported by the core */
	if (c->api->boolean(n, &acts) != PPREG_OK)
		ppreg_reportf(c, "transparency.no-substitution", n, "regulated_acts must be the boolean false");
	else if (acts)
		ppreg_reportf(c, "transparency.no-substitution", n, "partners perform regulated professional acts: a patient partner never "
		              "replaces a health professional");
}

/* The right of alert (draft L.1191-5) is shown to users at an https
 * address, and names the authority it goes to. */
static void check_alert_channel(ppreg_check *c, const ppreg_node *root)
{
	const ppreg_node *alert = c->api->get(root, "alert_channel"), *un = c->api->get(alert, "shown_at");
	const char *url = ppreg_text(c, un);
	if (url && c->api->url_scheme(url) != PPREG_URL_HTTPS)
		ppreg_reportf(c, "transparency.alert-channel", un, "'%.80s' is not an https:// address where users see the right of alert", url);
	ppreg_require_text(c, "transparency.alert-channel", alert, "authority");
}

/* Advertising accepted or not, as a boolean; when accepted, who advertises. */
static void check_advertising(ppreg_check *c, const ppreg_node *root)
{
	const ppreg_api *api = c->api;
	const ppreg_node *adv = api->get(root, "advertising"), *an = api->get(adv, "accepted");
	const ppreg_node *advertisers = api->get(adv, "advertisers");
	int accepted;
	if (api->kind(an) == PPREG_NODE_NULL)
		return; /* missing: reported by the core */
	if (api->boolean(an, &accepted) != PPREG_OK) {
		ppreg_reportf(c, "transparency.advertising", an, "accepted must be true or false");
		return;
	}
	if (!accepted)
		return;
	if (api->kind(advertisers) == PPREG_NODE_NULL ||
	    (api->kind(advertisers) == PPREG_NODE_LIST && api->count(advertisers) == 0))
		ppreg_reportf(c, "transparency.advertising", an, "advertising is accepted: list the advertisers");
	for (size_t i = 0; i < api->count(ppreg_list(c, advertisers)); i++) {
		const char *name = ppreg_text(c, api->item(advertisers, i));
		if (name && ppreg_blank(name))
			ppreg_reportf(c, "transparency.advertising", api->item(advertisers, i), "an advertiser without a name");
	}
}

/* The policy's numbers are judged once, before any platform, so a broken
 * policy stops the run even when no platform is judged; kept for the run,
 * they are not read again for each platform. */
static int setup(ppreg_check *c, void **state)
{
	return ppreg_setup_state(c, state, sizeof(tr_params), load_params, free);
}

static int judge(ppreg_check *c, const void *state)
{
	const tr_params *p = state;
	const ppreg_node *root = c->api->file(c, "transparency.yaml");
	if (!root)
		return 0; /* missing or unreadable: reported by the core */
	check_ownership(c, root, p);
	tr_check_funding(c, root, p);
	if (tr_check_industry_links(c, root, p) < 0)
		return -1;
	check_public_backers(c, root, p);
	check_partners(c, root);
	check_volunteers(c, root, p);
	check_pricing(c, root);
	check_no_substitution(c, root);
	check_alert_channel(c, root);
	check_advertising(c, root);
	tr_check_travel_expenses(c, root, p);
	tr_check_partner_interests(c, root, p);
	return 0;
}

PPREG_DEFINE_PLUGIN("transparency", "1.0.0",
                    PPREG_N_("transparency: who pays, who gains (draft L.1191-4 CSP, note 2026-02-16 §4.1)"),
                    rules, schemas, setup, judge, free); /* the state holds no pointer of its own */
