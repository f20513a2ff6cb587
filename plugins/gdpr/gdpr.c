/*
 * gdpr.c - data protection that can be verified, not only claimed (note of
 * 2026-02-16, §4.1: services citing the GDPR "without any element to verify
 * it"; draft L.1191-4 CSP sets its obligations after the CNIL's opinion).
 *
 * The descriptor (rules, schema of gdpr.yaml), the policy's numbers, and the
 * checks of who is responsible and what is processed: controller, DPO, the
 * Art. 30 record of each processing activity, its Art. 9(2) condition for
 * health data and its retention, the DPIA and the breach procedure.
 * hosting.c checks hosts (HDS, transfers, processors) and evidence.c verifies
 * every document a claim names against its bytes at the same revision.
 *
 * The core has already checked types and required fields against the schema
 * below; values this plugin's rules own (enumerations, durations, e-mail,
 * digests) are declared as plain strings so that a wrong one is reported
 * under the rule, and typed reads that return PPREG_BADTYPE are left alone.
 */
#include "gdpr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const ppreg_rule rules[] = {
	{"gdpr.controller", PPREG_SEV_ERROR,
	 PPREG_N_("the controller's SIREN is the registration's SIREN"),
	 PPREG_N_("RGPD art. 4(7), art. 24"),
	 PPREG_N_("Name as controller the legal entity of registration.yaml, with the same SIREN.")},
	{"gdpr.dpo", PPREG_SEV_ERROR,
	 PPREG_N_("a data-protection officer is designated (large-scale health data), with contact and designation "
	  "reference"),
	 PPREG_N_("RGPD art. 37(1)(c), art. 37(7)"),
	 PPREG_N_("Designate a DPO with the CNIL and declare name, e-mail and the designation reference.")},
	{"gdpr.record-of-processing", PPREG_SEV_ERROR,
	 PPREG_N_("each processing activity has the Art. 30 fields: purposes, legal basis (Art. 6), data "
	  "categories, data subjects, recipients, retention, processors"),
	 PPREG_N_("RGPD art. 30, art. 6(1)"),
	 PPREG_N_("Complete the record of each activity; legal_basis is one of consent, contract, "
	  "legal-obligation, vital-interests, public-task, legitimate-interests.")},
	{"gdpr.special-categories", PPREG_SEV_ERROR,
	 PPREG_N_("health data names an Art. 9(2) condition"),
	 PPREG_N_("RGPD art. 9(2)"),
	 PPREG_N_("Add special_categories: {health: true, condition: "
	  "explicit-consent|vital-interests|health-care|public-interest-health|research|other}.")},
	{"gdpr.retention", PPREG_SEV_ERROR,
	 PPREG_N_("retention periods are ISO-8601 durations no longer than the policy's maximum"),
	 PPREG_N_("RGPD art. 5(1)(e); the maximum is the model policy's (20 years)"),
	 PPREG_N_("Give each retention as an ISO-8601 duration such as P2Y, within the policy's maximum (model: "
	  "P20Y).")},
	{"gdpr.hds-hosting", PPREG_SEV_ERROR,
	 PPREG_N_("every host of health data holds an HDS certificate: number, certifier, activities 1-6, a window "
	  "of at most 3 years covering the as-of date"),
	 PPREG_N_("CSP L.1111-8 (HDS), R.1111-9"),
	 PPREG_N_("Host health data with an HDS-certified host and declare its certificate: number, certifier, "
	  "activities (1 to 6), valid_from and valid_until.")},
	{"gdpr.transfers", PPREG_SEV_ERROR,
	 PPREG_N_("data leaving the EEA names a mechanism (adequacy decision listed in the policy, SCC or BCR)"),
	 PPREG_N_("RGPD ch. V art. 44-49"),
	 PPREG_N_("Declare {country, mechanism} in transfers_outside_eea for each host country outside the EEA; "
	  "adequacy only for a country with an adequacy decision, scc or bcr otherwise.")},
	{"gdpr.dpia", PPREG_SEV_ERROR,
	 PPREG_N_("a data-protection impact assessment exists, not older than the policy allows, as evidence"),
	 PPREG_N_("RGPD art. 35; the review period is the model policy's (3 years)"),
	 PPREG_N_("Carry out or review the DPIA (model: at least every 3 years) and add its document under "
	  "evidence/ with its SHA-256.")},
	{"gdpr.breach-procedure", PPREG_SEV_ERROR,
	 PPREG_N_("a breach procedure notifies the authority within 72 hours or less, as evidence"),
	 PPREG_N_("RGPD art. 33"),
	 PPREG_N_("Adopt a breach procedure notifying the CNIL within 72 hours; add it under evidence/ with its "
	  "SHA-256.")},
	{"gdpr.processor-contracts", PPREG_SEV_ERROR,
	 PPREG_N_("each processor has an Art. 28 contract as evidence"),
	 PPREG_N_("RGPD art. 28"),
	 PPREG_N_("Declare each processor as a hosting entry (by its id) with contract: {path, sha256} of the "
	  "signed Art. 28 contract.")},
	{"gdpr.health-data-recipients", PPREG_SEV_ERROR,
	 PPREG_N_("each activity giving health data to recipients names them in health_data_recipients {activity, "
	  "name, kind}; none is a health-product company, nor, names compared without case, accents, "
	  "spacing or legal form, an industry funder, a company of industry_links or an advertiser of "
	  "transparency.yaml (2026.2)"),
	 PPREG_N_("model policy, derived from note 2026-02-16 §4.1 (la dissimulation d'intérêts promotionnels; la "
	  "sécurité et l'utilisation des données collectées); RGPD art. 9, art. 30(1)(d)"),
	 PPREG_N_("List in health_data_recipients each recipient of an activity's health data as {activity, name, "
	  "kind}; stop passing health data to a health-product company, an industry funder or an "
	  "advertiser of the service.")},
	{"gdpr.evidence", PPREG_SEV_ERROR,
	 PPREG_N_("every evidence item names a file of the platform's evidence/ folder at the same revision whose "
	  "SHA-256 matches"),
	 PPREG_N_("note 2026-02-16 §4.1; RGPD art. 5(2) (accountability)"),
	 PPREG_N_("Commit the document as a regular file under evidence/ and declare its path and its `sha256sum` "
	  "digest.")},
};

static const ppreg_field fields[] = {
	{"controller", PPREG_T_MAP, PPREG_REQUIRED, NULL, "gdpr.controller"},
	{"controller.name", PPREG_T_STRING, PPREG_REQUIRED, NULL, "gdpr.controller"},
	{"controller.siren", PPREG_T_STRING, PPREG_REQUIRED, NULL, "gdpr.controller"},
	{"dpo", PPREG_T_MAP, PPREG_REQUIRED, NULL, "gdpr.dpo"},
	{"dpo.name", PPREG_T_STRING, PPREG_REQUIRED, NULL, "gdpr.dpo"},
	{"dpo.email", PPREG_T_STRING, PPREG_REQUIRED, NULL, "gdpr.dpo"},
	{"dpo.designation_reference", PPREG_T_STRING, PPREG_REQUIRED, NULL, "gdpr.dpo"},
	{"processing_activities", PPREG_T_LIST, PPREG_REQUIRED, NULL, "gdpr.record-of-processing"},
	{"processing_activities[]", PPREG_T_MAP, 0, NULL, NULL},
	{"processing_activities[].id", PPREG_T_STRING, PPREG_REQUIRED, NULL, "gdpr.record-of-processing"},
	{"processing_activities[].purposes", PPREG_T_LIST, PPREG_REQUIRED, NULL, "gdpr.record-of-processing"},
	{"processing_activities[].purposes[]", PPREG_T_STRING, 0, NULL, NULL},
	{"processing_activities[].legal_basis", PPREG_T_STRING, PPREG_REQUIRED, NULL, "gdpr.record-of-processing"},
	{"processing_activities[].special_categories", PPREG_T_MAP, 0, NULL, NULL},
	{"processing_activities[].special_categories.health", PPREG_T_ANY, PPREG_REQUIRED, NULL, "gdpr.special-categories"},
	{"processing_activities[].special_categories.condition", PPREG_T_STRING, 0, NULL, NULL},
	{"processing_activities[].data_categories", PPREG_T_LIST, PPREG_REQUIRED, NULL, "gdpr.record-of-processing"},
	{"processing_activities[].data_categories[]", PPREG_T_STRING, 0, NULL, NULL},
	{"processing_activities[].data_subjects", PPREG_T_LIST, PPREG_REQUIRED, NULL, "gdpr.record-of-processing"},
	{"processing_activities[].data_subjects[]", PPREG_T_STRING, 0, NULL, NULL},
	{"processing_activities[].recipients", PPREG_T_LIST, PPREG_REQUIRED, NULL, "gdpr.record-of-processing"},
	{"processing_activities[].recipients[]", PPREG_T_STRING, 0, NULL, NULL},
	{"processing_activities[].retention", PPREG_T_STRING, PPREG_REQUIRED, NULL, "gdpr.record-of-processing"},
	{"processing_activities[].processors", PPREG_T_LIST, PPREG_REQUIRED, NULL, "gdpr.record-of-processing"},
	{"processing_activities[].processors[]", PPREG_T_STRING, 0, NULL, NULL},
	{"hosting", PPREG_T_LIST, PPREG_REQUIRED, NULL, "gdpr.hds-hosting"},
	{"hosting[]", PPREG_T_MAP, 0, NULL, NULL},
	{"hosting[].id", PPREG_T_STRING, PPREG_REQUIRED, NULL, "gdpr.processor-contracts"},
	{"hosting[].name", PPREG_T_STRING, PPREG_REQUIRED, NULL, "gdpr.hds-hosting"},
	{"hosting[].countries", PPREG_T_LIST, PPREG_REQUIRED, NULL, "gdpr.transfers"},
	{"hosting[].countries[]", PPREG_T_COUNTRY, 0, NULL, NULL},
	{"hosting[].hds_certificate", PPREG_T_MAP, 0, NULL, NULL},
	{"hosting[].hds_certificate.number", PPREG_T_STRING, PPREG_REQUIRED, NULL, "gdpr.hds-hosting"},
	{"hosting[].hds_certificate.certifier", PPREG_T_STRING, PPREG_REQUIRED, NULL, "gdpr.hds-hosting"},
	{"hosting[].hds_certificate.activities", PPREG_T_LIST, PPREG_REQUIRED, NULL, "gdpr.hds-hosting"},
	{"hosting[].hds_certificate.activities[]", PPREG_T_ANY, 0, NULL, NULL},
	{"hosting[].hds_certificate.valid_from", PPREG_T_DATE, PPREG_REQUIRED, NULL, "gdpr.hds-hosting"},
	{"hosting[].hds_certificate.valid_until", PPREG_T_DATE, PPREG_REQUIRED, NULL, "gdpr.hds-hosting"},
	{"hosting[].contract", PPREG_T_MAP, 0, NULL, NULL},
	{"hosting[].contract.path", PPREG_T_STRING, PPREG_REQUIRED, NULL, "gdpr.evidence"},
	{"hosting[].contract.sha256", PPREG_T_STRING, PPREG_REQUIRED, NULL, "gdpr.evidence"},
	{"transfers_outside_eea", PPREG_T_LIST, 0, NULL, NULL},
	{"transfers_outside_eea[]", PPREG_T_MAP, 0, NULL, NULL},
	{"transfers_outside_eea[].country", PPREG_T_COUNTRY, PPREG_REQUIRED, NULL, "gdpr.transfers"},
	{"transfers_outside_eea[].mechanism", PPREG_T_STRING, PPREG_REQUIRED, NULL, "gdpr.transfers"},
	{"dpia", PPREG_T_MAP, PPREG_REQUIRED, NULL, "gdpr.dpia"},
	{"dpia.done_on", PPREG_T_DATE, PPREG_REQUIRED, NULL, "gdpr.dpia"},
	{"dpia.evidence", PPREG_T_MAP, PPREG_REQUIRED, NULL, "gdpr.dpia"},
	{"dpia.evidence.path", PPREG_T_STRING, PPREG_REQUIRED, NULL, "gdpr.evidence"},
	{"dpia.evidence.sha256", PPREG_T_STRING, PPREG_REQUIRED, NULL, "gdpr.evidence"},
	{"breach_procedure", PPREG_T_MAP, PPREG_REQUIRED, NULL, "gdpr.breach-procedure"},
	{"breach_procedure.notify_authority_within_hours", PPREG_T_NUMBER, PPREG_REQUIRED, NULL, "gdpr.breach-procedure"},
	{"breach_procedure.evidence", PPREG_T_MAP, PPREG_REQUIRED, NULL, "gdpr.breach-procedure"},
	{"breach_procedure.evidence.path", PPREG_T_STRING, PPREG_REQUIRED, NULL, "gdpr.evidence"},
	{"breach_procedure.evidence.sha256", PPREG_T_STRING, PPREG_REQUIRED, NULL, "gdpr.evidence"},
	{"health_data_recipients", PPREG_T_LIST, 0, NULL, NULL},
	{"health_data_recipients[]", PPREG_T_MAP, 0, NULL, NULL},
	{"health_data_recipients[].activity", PPREG_T_STRING, PPREG_REQUIRED, NULL, "gdpr.health-data-recipients"},
	{"health_data_recipients[].name", PPREG_T_STRING, PPREG_REQUIRED, NULL, "gdpr.health-data-recipients"},
	{"health_data_recipients[].kind", PPREG_T_STRING, PPREG_REQUIRED, NULL, "gdpr.health-data-recipients"},
};

static const ppreg_schema schemas[] = {{"gdpr.yaml", fields, sizeof fields / sizeof *fields}};

/* A list of ISO 3166-1 alpha-2 codes in the policy: the core's reading,
 * the one of the schema's COUNTRY fields the policy's lists are compared
 * with. */
static int is_country_list(const ppreg_check *c, const ppreg_node *list)
{
	if (!ppreg_list(c, list))
		return 0;
	for (size_t i = 0; i < c->api->count(list); i++)
		if (!c->api->country_valid(ppreg_text(c, c->api->item(list, i))))
			return 0;
	return 1;
}

/* The policy's numbers. A missing or malformed one stops the run (exit 2):
 * judging with a guessed number would make verdicts nobody decided. */
static int load_params(ppreg_check *c, void *state)
{
	gdpr_params *p = state;
	const ppreg_api *api = c->api;
	const ppreg_node *params = c->params;
	const ppreg_node *rn = api->get(params, "max_retention");
	if (!PPREG_API_HAS(api, country_valid))
		return api->fail(c, ppreg_tr(c, "gdpr needs a core that gives the text formats (ppreg_api.country_valid)"));
	if (api->duration(rn, &p->max_retention) != PPREG_OK || !(p->max_retention_text = ppreg_text(c, rn)))
		return api->fail(c, ppreg_tr(c, "policy: gdpr.params.max_retention must be an ISO-8601 duration"));
	if (api->duration(api->get(params, "max_dpia_age"), &p->max_dpia_age) != PPREG_OK)
		return api->fail(c, ppreg_tr(c, "policy: gdpr.params.max_dpia_age must be an ISO-8601 duration"));
	if (api->duration(api->get(params, "max_hds_window"), &p->max_hds_window) != PPREG_OK)
		return api->fail(c, ppreg_tr(c, "policy: gdpr.params.max_hds_window must be an ISO-8601 duration"));
	if (api->number(api->get(params, "max_breach_notification_hours"), &p->max_breach_hours) != PPREG_OK ||
	    p->max_breach_hours <= 0)
		return api->fail(c, ppreg_tr(c, "policy: gdpr.params.max_breach_notification_hours must be a number > 0"));
	p->eea = api->get(params, "eea");
	p->adequacy = api->get(params, "adequacy");
	if (!is_country_list(c, p->eea))
		return api->fail(c, ppreg_tr(c, "policy: gdpr.params.eea must be a list of ISO 3166-1 alpha-2 codes"));
	if (!is_country_list(c, p->adequacy))
		return api->fail(c, ppreg_tr(c, "policy: gdpr.params.adequacy must be a list of ISO 3166-1 alpha-2 codes"));
	const ppreg_node *hr = api->get(params, "health_data_recipients");
	p->recipient_suffixes = api->get(hr, "legal_form_suffixes");
	if (hr && !ppreg_list(c, p->recipient_suffixes))
		return api->fail(c, ppreg_tr(c, "policy: gdpr.params.health_data_recipients needs legal_form_suffixes, a list of legal forms"));
	for (size_t i = 0; i < api->count(p->recipient_suffixes); i++)
		if (!ppreg_text(c, api->item(p->recipient_suffixes, i)))
			return api->fail(c, ppreg_tr(c, "policy: gdpr.params.health_data_recipients.legal_form_suffixes lists text only"));
	return 0;
}

/* The controller is the registered legal entity; the DPO is reachable and
 * designated (a reference the CNIL gave). */
static void check_controller_and_dpo(ppreg_check *c, const ppreg_node *root)
{
	const ppreg_api *api = c->api;
	const ppreg_node *sn = api->get(root, "controller.siren"), *en = api->get(root, "dpo.email");
	const char *siren = ppreg_text(c, sn), *email = ppreg_text(c, en);
	const char *registered = ppreg_text(c, api->get(api->file(c, "registration.yaml"), "legal_entity.siren"));
	if (siren && registered && strcmp(siren, registered))
		ppreg_reportf(c, "gdpr.controller", sn, "controller SIREN %.20s is not the registration's %.20s", siren, registered);
	ppreg_require_text(c, "gdpr.controller", api->get(root, "controller"), "name");
	if (email && !api->email_valid(email))
		ppreg_reportf(c, "gdpr.dpo", en, "DPO e-mail '%.80s' is not an address", email);
	ppreg_require_text(c, "gdpr.dpo", api->get(root, "dpo"), "name");
	ppreg_require_text(c, "gdpr.dpo", api->get(root, "dpo"), "designation_reference");
}

/* The Art. 30 lists of one activity: the ones that describe what is done
 * are not empty; recipients and processors may be. No blank item. */
static void check_record_lists(ppreg_check *c, const ppreg_node *act)
{
	static const char *const lists[] = {"purposes", "data_categories", "data_subjects", "recipients", "processors"};
	for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
		const ppreg_node *l = ppreg_list(c, c->api->get(act, lists[i]));
		if (l && c->api->count(l) == 0 && i < 3)
			ppreg_reportf(c, "gdpr.record-of-processing", l, "%s lists nothing", lists[i]);
		for (size_t j = 0; j < c->api->count(l); j++) {
			const char *s = ppreg_text(c, c->api->item(l, j));
			if (s && ppreg_blank(s))
				ppreg_reportf(c, "gdpr.record-of-processing", c->api->item(l, j), "an empty item in %s", lists[i]);
		}
	}
}

/* One activity's record (Art. 30): an id of its own, the lists, a legal
 * basis among Art. 6(1)'s six. */
static void check_record(ppreg_check *c, const ppreg_node *acts, size_t i)
{
	const ppreg_api *api = c->api;
	const ppreg_node *act = api->item(acts, i), *idn = api->get(act, "id"), *bn = api->get(act, "legal_basis");
	const char *id = ppreg_text(c, idn), *basis = ppreg_text(c, bn);
	if (id && ppreg_blank(id))
		ppreg_reportf(c, "gdpr.record-of-processing", idn, "an activity without an id");
	for (size_t j = 0; id && j < i; j++) {
		const char *other = ppreg_text(c, api->get(api->item(acts, j), "id"));
		if (other && !strcmp(other, id)) {
			ppreg_reportf(c, "gdpr.record-of-processing", idn, "activity id '%.80s' is declared twice", id);
			break;
		}
	}
	if (basis && !ppreg_one_of(basis, LEGAL_BASES))
		ppreg_reportf(c, "gdpr.record-of-processing", bn, "legal basis '%.40s' is not one of art. 6(1)'s: %s", basis, LEGAL_BASES);
	check_record_lists(c, act);
}

/* Whether s is the lower-case ASCII `word` in any case. Not strcasecmp:
 * it follows the locale. */
static int equals_nocase(const char *s, const char *word)
{
	for (; *word; s++, word++) {
		char ch = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
		if (ch != *word)
			return 0;
	}
	return *s == '\0';
}

/* Whether a list of data categories names health, in any case: categories
 * are free text, and `Health` or `HEALTH` is the same data. Reading it
 * case-sensitively would waive Art. 9(2) and HDS for a capital letter; the
 * safe reading is to ask for them. */
static int lists_health(const ppreg_check *c, const ppreg_node *categories)
{
	const ppreg_node *list = ppreg_list(c, categories);
	for (size_t i = 0; i < c->api->count(list); i++) {
		const char *s = ppreg_text(c, c->api->item(list, i));
		if (s && equals_nocase(s, "health"))
			return 1;
	}
	return 0;
}

/* Health data: "health" among the data categories, or flagged as such. */
int gdpr_processes_health(const ppreg_check *c, const ppreg_node *act)
{
	int flagged;
	return lists_health(c, c->api->get(act, "data_categories")) ||
	       (c->api->boolean(c->api->get(act, "special_categories.health"), &flagged) == PPREG_OK && flagged);
}

/* Health data is processed only under a condition of Art. 9(2), declared
 * as special_categories {health: true, condition}. A condition given is
 * one of the format's, health or not. */
static void check_special_categories(ppreg_check *c, const ppreg_node *act)
{
	const ppreg_api *api = c->api;
	const ppreg_node *sc = api->get(act, "special_categories");
	const ppreg_node *hn = api->get(sc, "health"), *cn = api->get(sc, "condition");
	const char *condition = ppreg_text(c, cn), *id = ppreg_text(c, api->get(act, "id"));
	int health;
	if (api->kind(sc) != PPREG_NODE_NULL && api->kind(sc) != PPREG_NODE_MAP)
		return; /* reported by the core */
	if (api->kind(hn) != PPREG_NODE_NULL && api->boolean(hn, &health) != PPREG_OK)
		ppreg_reportf(c, "gdpr.special-categories", hn, "health must be true or false");
	if (condition && !ppreg_one_of(condition, ART9_CONDITIONS))
		ppreg_reportf(c, "gdpr.special-categories", cn, "'%.40s' is not an art. 9(2) condition: " ART9_CONDITIONS, condition);
	if (!gdpr_processes_health(c, act))
		return;
	if (api->kind(sc) == PPREG_NODE_NULL)
		ppreg_reportf(c, "gdpr.special-categories", act, "activity '%.80s' processes health data: declare special_categories "
		              "with its art. 9(2) condition", id ? id : "?");
	else if (api->boolean(hn, &health) == PPREG_OK && !health)
		ppreg_reportf(c, "gdpr.special-categories", hn, "health is among the data categories: special_categories.health is true");
	else if (api->kind(cn) == PPREG_NODE_NULL)
		ppreg_reportf(c, "gdpr.special-categories", sc, "health data without an art. 9(2) condition (condition)");
}

/* Storage limitation (Art. 5(1)(e)): a duration, no longer than the
 * policy's maximum, both counted from the as-of date (P240M = P20Y). */
static void check_retention(ppreg_check *c, const ppreg_node *act, const gdpr_params *p)
{
	const ppreg_api *api = c->api;
	const ppreg_node *rn = api->get(act, "retention");
	const char *text = ppreg_text(c, rn);
	ppreg_duration d;
	if (!text)
		return; /* missing or mistyped: reported by the core */
	if (api->parse_duration(text, &d) != PPREG_OK)
		ppreg_reportf(c, "gdpr.retention", rn, "retention '%.40s' is not an ISO-8601 duration such as P2Y", text);
	else if (api->date_cmp(api->date_add(c->as_of, &d, 1), api->date_add(c->as_of, &p->max_retention, 1)) > 0)
		ppreg_reportf(c, "gdpr.retention", rn, "retention %.40s is longer than the policy's %.40s", text, p->max_retention_text);
}

/* Every activity; 1 when one of them processes health data. */
static int check_activities(ppreg_check *c, const ppreg_node *root, const gdpr_params *p)
{
	const ppreg_node *acts = ppreg_list(c, c->api->get(root, "processing_activities"));
	int health = 0;
	if (acts && c->api->count(acts) == 0)
		ppreg_reportf(c, "gdpr.record-of-processing", acts, "the record of processing lists no activity");
	for (size_t i = 0; i < c->api->count(acts); i++) {
		const ppreg_node *act = c->api->item(acts, i);
		if (c->api->kind(act) != PPREG_NODE_MAP)
			continue; /* reported by the core */
		check_record(c, acts, i);
		check_special_categories(c, act);
		check_retention(c, act, p);
		health |= gdpr_processes_health(c, act);
	}
	return health;
}

/* The DPIA (Art. 35) is done, not after the as-of date, and reviewed at
 * least as often as the policy asks: done_on + max age >= as-of. */
static void check_dpia(ppreg_check *c, const ppreg_node *root, const gdpr_params *p)
{
	const ppreg_node *dn = c->api->get(root, "dpia.done_on");
	ppreg_date done;
	if (c->api->date(dn, &done) != PPREG_OK)
		return; /* reported by the core */
	if (c->api->date_cmp(done, c->as_of) > 0)
		ppreg_reportf(c, "gdpr.dpia", dn, "the DPIA is dated after the as-of date");
	ppreg_date last = c->api->date_add(done, &p->max_dpia_age, 1);
	if (c->api->date_cmp(done, c->as_of) <= 0 && c->api->date_cmp(last, c->as_of) < 0) {
		const char *age = ppreg_text(c, c->api->get(c->params, "max_dpia_age"));
		char on[PPREG_TEXT_MAX], until[PPREG_TEXT_MAX];
		ppreg_reportf(c, "gdpr.dpia", dn, "the DPIA done on %s is older than the policy's max_dpia_age "
		              "(%s): it held until %s; review it", ppreg_date_text(c, done, on),
		              age ? age : "?", ppreg_date_text(c, last, until));
	}
	ppreg_lapse(c, "gdpr.dpia", dn, last);
}

/* The authority hears of a breach within the policy's hours (Art. 33). */
static void check_breach(ppreg_check *c, const ppreg_node *root, const gdpr_params *p)
{
	const ppreg_node *hn = c->api->get(root, "breach_procedure.notify_authority_within_hours");
	double hours;
	if (c->api->number(hn, &hours) == PPREG_OK && (hours <= 0 || hours > p->max_breach_hours))
		ppreg_reportf(c, "gdpr.breach-procedure", hn, "the authority is notified within %g hours; the policy allows more than 0 "
		              "and at most %g", hours, p->max_breach_hours);
}

/* Every {path, sha256} of the file: hosting contracts, DPIA, breach
 * procedure. -1 after api->fail(). */
static int check_all_evidence(ppreg_check *c, const ppreg_node *root)
{
	const ppreg_api *api = c->api;
	const ppreg_node *hosting = ppreg_list(c, api->get(root, "hosting"));
	const ppreg_node *items[] = {api->get(root, "dpia.evidence"), api->get(root, "breach_procedure.evidence")};
	for (size_t i = 0; i < api->count(hosting); i++) {
		const ppreg_node *contract = api->get(api->item(hosting, i), "contract");
		if (api->kind(contract) == PPREG_NODE_MAP && gdpr_check_evidence(c, contract) < 0)
			return -1;
	}
	for (size_t i = 0; i < sizeof items / sizeof *items; i++)
		if (api->kind(items[i]) == PPREG_NODE_MAP && gdpr_check_evidence(c, items[i]) < 0)
			return -1;
	return 0;
}

/* The policy's parameters are judged once, before any platform, so a
 * broken policy stops the run even when no platform is judged; kept for
 * the run, they are not read again for each platform. */
static int setup(ppreg_check *c, void **state)
{
	return ppreg_setup_state(c, state, sizeof(gdpr_params), load_params, free);
}

static int judge(ppreg_check *c, const void *state)
{
	const gdpr_params *p = state;
	const ppreg_node *root = c->api->file(c, "gdpr.yaml");
	if (!root)
		return 0; /* missing or unreadable: reported by the core */
	check_controller_and_dpo(c, root);
	int health = check_activities(c, root, p);
	gdpr_check_hosting(c, root, p, health);
	check_dpia(c, root, p);
	check_breach(c, root, p);
	gdpr_check_recipients(c, root, p);
	return check_all_evidence(c, root);
}

PPREG_DEFINE_PLUGIN("gdpr", "1.0.0",
                    PPREG_N_("gdpr: data protection backed by verified evidence (RGPD, CSP L.1111-8; note 2026-02-16 §4.1)"),
                    rules, schemas, setup, judge, free); /* the state holds no pointer of its own */
