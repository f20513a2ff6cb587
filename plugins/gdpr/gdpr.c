/*
 * gdpr.c - data protection that can be verified, not only claimed (note of
 * 2026-02-16, §4.1: GDPR claims "without any element to verify them").
 * Controller, DPO, the Art. 30 record, Art. 9(2) conditions, retention,
 * health-data hosting (HDS), transfers outside the EEA, DPIA, breach
 * procedure, Art. 28 contracts; and every evidence item is checked against
 * the bytes of the file it names, at the same revision.
 */
#include "ppreg/plugin.h"

#include <string.h>

#define R_CTRL "gdpr.controller"
#define R_DPO "gdpr.dpo"
#define R_REC "gdpr.record-of-processing"
#define R_SPECIAL "gdpr.special-categories"
#define R_RET "gdpr.retention"
#define R_HDS "gdpr.hds-hosting"
#define R_TRANSFER "gdpr.transfers"
#define R_DPIA "gdpr.dpia"
#define R_BREACH "gdpr.breach-procedure"
#define R_PROC "gdpr.processor-contracts"
#define R_EVID "gdpr.evidence"

static const ppreg_rule rules[] = {
	{R_CTRL, PPREG_SEV_ERROR, "the controller's SIREN is the registration's SIREN", "RGPD art. 4(7), art. 24",
	 "Name as controller the legal entity of registration.yaml, with the same SIREN."},
	{R_DPO, PPREG_SEV_ERROR, "a data-protection officer is designated, with contact and designation reference",
	 "RGPD art. 37(1)(c) (large-scale health data), art. 37(7)", "Designate a DPO with the CNIL and give name, e-mail and the designation reference."},
	{R_REC, PPREG_SEV_ERROR, "each processing activity has the Art. 30 fields: purposes, legal basis, data categories, subjects, recipients, retention, processors",
	 "RGPD art. 30, art. 6", "Complete the record of processing for each activity; legal_basis is one of the six of art. 6."},
	{R_SPECIAL, PPREG_SEV_ERROR, "health data names an Art. 9(2) condition", "RGPD art. 9(2)",
	 "Add special_categories: {health: true, condition: explicit-consent|vital-interests|health-care|public-interest-health|research|other}."},
	{R_RET, PPREG_SEV_ERROR, "retention periods are ISO-8601 durations no longer than the policy's maximum", "RGPD art. 5(1)(e)",
	 "Give the retention as a duration such as P2Y, within the policy's maximum (model: P20Y)."},
	{R_HDS, PPREG_SEV_ERROR, "every host of health data holds an HDS certificate valid at the as-of date (window of at most 3 years)",
	 "CSP L.1111-8 (hébergement de données de santé)", "Host health data with an HDS-certified host and declare its certificate: number, certifier, activities 1-6, validity."},
	{R_TRANSFER, PPREG_SEV_ERROR, "data leaving the EEA names a mechanism (adequacy listed in the policy, SCC or BCR)", "RGPD ch. V, art. 44-49",
	 "Declare {country, mechanism} in transfers_outside_eea for each host country outside the EEA."},
	{R_DPIA, PPREG_SEV_ERROR, "a data-protection impact assessment exists, not older than the policy allows, as evidence", "RGPD art. 35",
	 "Carry out (or review) the DPIA and add its document under evidence/ with its SHA-256."},
	{R_BREACH, PPREG_SEV_ERROR, "a breach procedure notifies the authority within 72 hours or less", "RGPD art. 33",
	 "Adopt a breach procedure notifying the CNIL within 72 hours; add it as evidence."},
	{R_PROC, PPREG_SEV_ERROR, "each processor has an Art. 28 contract as evidence", "RGPD art. 28",
	 "List each processor as a hosting entry with a contract: {path, sha256}."},
	{R_EVID, PPREG_SEV_ERROR, "every evidence item names a file of the platform's evidence/ folder whose SHA-256 matches",
	 "note 2026-02-16 §4.1 (claims without any element to verify them)",
	 "Commit the document under evidence/ and declare its path and `sha256sum` digest."},
};

static const ppreg_field fields[] = {
	{"controller", PPREG_T_MAP, PPREG_REQUIRED, NULL, R_CTRL},
	{"controller.name", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_CTRL},
	{"controller.siren", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_CTRL},
	{"dpo", PPREG_T_MAP, PPREG_REQUIRED, NULL, R_DPO},
	{"dpo.name", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_DPO},
	{"dpo.email", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_DPO},
	{"dpo.designation_reference", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_DPO},
	{"processing_activities", PPREG_T_LIST, PPREG_REQUIRED, NULL, R_REC},
	{"processing_activities[]", PPREG_T_MAP, 0, NULL, NULL},
	{"processing_activities[].id", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_REC},
	{"processing_activities[].purposes", PPREG_T_LIST, PPREG_REQUIRED, NULL, R_REC},
	{"processing_activities[].purposes[]", PPREG_T_STRING, 0, NULL, NULL},
	{"processing_activities[].legal_basis", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_REC},
	{"processing_activities[].special_categories", PPREG_T_MAP, 0, NULL, NULL},
	{"processing_activities[].special_categories.health", PPREG_T_ANY, PPREG_REQUIRED, NULL, R_SPECIAL},
	{"processing_activities[].special_categories.condition", PPREG_T_STRING, 0, NULL, NULL},
	{"processing_activities[].data_categories", PPREG_T_LIST, PPREG_REQUIRED, NULL, R_REC},
	{"processing_activities[].data_categories[]", PPREG_T_STRING, 0, NULL, NULL},
	{"processing_activities[].data_subjects", PPREG_T_LIST, PPREG_REQUIRED, NULL, R_REC},
	{"processing_activities[].data_subjects[]", PPREG_T_STRING, 0, NULL, NULL},
	{"processing_activities[].recipients", PPREG_T_LIST, PPREG_REQUIRED, NULL, R_REC},
	{"processing_activities[].recipients[]", PPREG_T_STRING, 0, NULL, NULL},
	{"processing_activities[].retention", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_REC},
	{"processing_activities[].processors", PPREG_T_LIST, PPREG_REQUIRED, NULL, R_REC},
	{"processing_activities[].processors[]", PPREG_T_STRING, 0, NULL, NULL},
	{"hosting", PPREG_T_LIST, PPREG_REQUIRED, NULL, R_HDS},
	{"hosting[]", PPREG_T_MAP, 0, NULL, NULL},
	{"hosting[].id", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_HDS},
	{"hosting[].name", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_HDS},
	{"hosting[].countries", PPREG_T_LIST, PPREG_REQUIRED, NULL, R_TRANSFER},
	{"hosting[].countries[]", PPREG_T_COUNTRY, 0, NULL, NULL},
	{"hosting[].hds_certificate", PPREG_T_MAP, 0, NULL, NULL},
	{"hosting[].hds_certificate.number", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_HDS},
	{"hosting[].hds_certificate.certifier", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_HDS},
	{"hosting[].hds_certificate.activities", PPREG_T_LIST, PPREG_REQUIRED, NULL, R_HDS},
	{"hosting[].hds_certificate.activities[]", PPREG_T_ANY, 0, NULL, NULL},
	{"hosting[].hds_certificate.valid_from", PPREG_T_DATE, PPREG_REQUIRED, NULL, R_HDS},
	{"hosting[].hds_certificate.valid_until", PPREG_T_DATE, PPREG_REQUIRED, NULL, R_HDS},
	{"hosting[].contract", PPREG_T_MAP, 0, NULL, NULL},
	{"hosting[].contract.path", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_EVID},
	{"hosting[].contract.sha256", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_EVID},
	{"transfers_outside_eea", PPREG_T_LIST, 0, NULL, NULL},
	{"transfers_outside_eea[]", PPREG_T_MAP, 0, NULL, NULL},
	{"transfers_outside_eea[].country", PPREG_T_COUNTRY, PPREG_REQUIRED, NULL, R_TRANSFER},
	{"transfers_outside_eea[].mechanism", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_TRANSFER},
	{"dpia", PPREG_T_MAP, PPREG_REQUIRED, NULL, R_DPIA},
	{"dpia.done_on", PPREG_T_DATE, PPREG_REQUIRED, NULL, R_DPIA},
	{"dpia.evidence", PPREG_T_MAP, PPREG_REQUIRED, NULL, R_DPIA},
	{"dpia.evidence.path", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_EVID},
	{"dpia.evidence.sha256", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_EVID},
	{"breach_procedure", PPREG_T_MAP, PPREG_REQUIRED, NULL, R_BREACH},
	{"breach_procedure.notify_authority_within_hours", PPREG_T_NUMBER, PPREG_REQUIRED, NULL, R_BREACH},
	{"breach_procedure.evidence", PPREG_T_MAP, PPREG_REQUIRED, NULL, R_BREACH},
	{"breach_procedure.evidence.path", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_EVID},
	{"breach_procedure.evidence.sha256", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_EVID},
};

static const ppreg_schema schemas[] = {{"gdpr.yaml", fields, sizeof fields / sizeof *fields}};

static int one_of(const char *s, const char *const *set)
{
	for (; s && *set; set++)
		if (!strcmp(s, *set))
			return 1;
	return 0;
}

static int list_has(const ppreg_check *c, const ppreg_node *list, const char *s)
{
	for (size_t i = 0; s && i < c->api->count(list); i++) {
		const char *t = ppreg_text(c, c->api->item(list, i));
		if (t && !strcmp(t, s))
			return 1;
	}
	return 0;
}

/* An evidence item {path, sha256}: the file must be in evidence/, a regular
 * file of the folder at the same revision, and give that digest. */
static void check_evidence(ppreg_check *c, const ppreg_node *item)
{
	const ppreg_api *api = c->api;
	const ppreg_node *pn = api->get(item, "path"), *dn = api->get(item, "sha256");
	const char *path = ppreg_text(c, pn), *want = ppreg_text(c, dn);
	char hex[65];
	if (!path || !want)
		return;
	if (strncmp(path, "evidence/", 9)) {
		ppreg_reportf(c, R_EVID, pn, "'%.80s' is not inside evidence/", path);
		return;
	}
	switch (api->file_sha256(c, path, hex)) {
	case PPREG_OK:
		if (strlen(want) != 64 || strspn(want, "0123456789abcdef") != 64)
			ppreg_reportf(c, R_EVID, dn, "sha256 must be 64 lowercase hex digits");
		else if (strcmp(hex, want))
			ppreg_reportf(c, R_EVID, dn, "%.80s has SHA-256 %s, not the one declared: the document changed", path, hex);
		return;
	case PPREG_ABSENT:
		ppreg_reportf(c, R_EVID, pn, "%.80s is not in the platform folder: a claim without a document", path);
		return;
	case PPREG_SYMLINK:
		ppreg_reportf(c, R_EVID, pn, "%.80s is a link or not a regular file; it is not followed", path);
		return;
	case PPREG_ESCAPES:
		ppreg_reportf(c, R_EVID, pn, "'%.80s' leaves the platform folder", path);
		return;
	default:
		ppreg_reportf(c, R_EVID, pn, "%.80s cannot be read", path);
	}
}

static void check_identity(ppreg_check *c, const ppreg_node *root)
{
	const ppreg_api *api = c->api;
	const ppreg_node *sn = api->get(root, "controller.siren"), *en = api->get(root, "dpo.email");
	const char *siren = ppreg_text(c, sn), *email = ppreg_text(c, en);
	const char *reg = ppreg_text(c, api->get(api->file(c, "registration.yaml"), "legal_entity.siren"));
	if (siren && reg && strcmp(siren, reg))
		ppreg_reportf(c, R_CTRL, sn, "controller SIREN %s is not the registration's %s", siren, reg);
	const char *at = email ? strchr(email, '@') : NULL;
	if (email && (!at || at == email || !strchr(at + 1, '.') || strpbrk(email, " <>,;")))
		ppreg_reportf(c, R_DPO, en, "DPO e-mail '%.60s' is not a valid address", email);
}

static int duration_within(const ppreg_check *c, const ppreg_duration *d, const ppreg_duration *max)
{
	ppreg_date a = c->api->date_add(c->as_of, d, 1), b = c->api->date_add(c->as_of, max, 1);
	return c->api->date_cmp(a, b) <= 0;
}

static int check_activity(ppreg_check *c, const ppreg_node *act, const ppreg_duration *max_ret)
{
	static const char *const bases[] = {"consent", "contract", "legal-obligation", "vital-interests",
		"public-task", "legitimate-interests", NULL};
	static const char *const conditions[] = {"explicit-consent", "vital-interests", "health-care",
		"public-interest-health", "research", "other", NULL};
	const ppreg_api *api = c->api;
	const ppreg_node *bn = api->get(act, "legal_basis"), *rn = api->get(act, "retention");
	const char *basis = ppreg_text(c, bn), *ret = ppreg_text(c, rn);
	if (basis && !one_of(basis, bases))
		ppreg_reportf(c, R_REC, bn, "legal basis '%s' is not one of art. 6's six", basis);
	static const char *const lists[] = {"purposes", "data_categories", "data_subjects"};
	for (size_t i = 0; i < 3; i++) {
		const ppreg_node *l = api->get(act, lists[i]);
		if (api->kind(l) == PPREG_NODE_LIST && api->count(l) == 0)
			ppreg_reportf(c, R_REC, l, "%s must not be empty", lists[i]);
	}
	ppreg_duration d;
	if (ret && api->parse_duration(ret, &d) != PPREG_OK)
		ppreg_reportf(c, R_RET, rn, "retention '%.40s' is not an ISO-8601 duration such as P2Y", ret);
	else if (ret && !duration_within(c, &d, max_ret))
		ppreg_reportf(c, R_RET, rn, "retention %s is longer than the policy allows", ret);
	int health = list_has(c, api->get(act, "data_categories"), "health");
	const ppreg_node *sc = api->get(act, "special_categories");
	const ppreg_node *cn = api->get(sc, "condition");
	const char *cond = ppreg_text(c, cn);
	int flag = 0;
	if (!health)
		return 0;
	if (api->kind(sc) == PPREG_NODE_NULL || api->boolean(api->get(sc, "health"), &flag) != PPREG_OK || !flag)
		ppreg_reportf(c, R_SPECIAL, sc ? sc : act, "health data needs special_categories with health: true and an art. 9(2) condition");
	else if (!cond || !one_of(cond, conditions))
		ppreg_reportf(c, R_SPECIAL, cn ? cn : sc, "'%s' is not an art. 9(2) condition", cond ? cond : "(none)");
	return 1;
}

static void check_certificate(ppreg_check *c, const ppreg_node *host, const ppreg_duration *max_window)
{
	const ppreg_api *api = c->api;
	const ppreg_node *cert = api->get(host, "hds_certificate");
	const char *name = ppreg_text(c, api->get(host, "id"));
	if (api->kind(cert) == PPREG_NODE_NULL) {
		ppreg_reportf(c, R_HDS, host, "host %s stores health data without an HDS certificate", name ? name : "?");
		return;
	}
	const ppreg_node *acts = api->get(cert, "activities");
	for (size_t i = 0; i < api->count(acts); i++) {
		long long a;
		if (api->integer(api->item(acts, i), &a) != PPREG_OK || a < 1 || a > 6)
			ppreg_reportf(c, R_HDS, api->item(acts, i), "HDS activities are integers 1 to 6");
	}
	if (api->kind(acts) == PPREG_NODE_LIST && api->count(acts) == 0)
		ppreg_reportf(c, R_HDS, acts, "the certificate lists no activity");
	ppreg_date from, until;
	const ppreg_node *un = api->get(cert, "valid_until");
	if (api->date(api->get(cert, "valid_from"), &from) != PPREG_OK || api->date(un, &until) != PPREG_OK)
		return;
	if (api->date_cmp(from, c->as_of) > 0 || api->date_cmp(until, c->as_of) < 0)
		ppreg_reportf(c, R_HDS, un, "the HDS certificate is not valid at the as-of date");
	else if (api->date_cmp(until, api->date_add(from, max_window, 1)) > 0)
		ppreg_reportf(c, R_HDS, un, "a certificate window longer than the policy's maximum");
}

static void check_transfers(ppreg_check *c, const ppreg_node *root, const ppreg_node *host)
{
	const ppreg_api *api = c->api;
	const ppreg_node *countries = api->get(host, "countries"), *transfers = api->get(root, "transfers_outside_eea");
	for (size_t i = 0; i < api->count(countries); i++) {
		const ppreg_node *cn = api->item(countries, i);
		const char *country = ppreg_text(c, cn);
		if (!country || list_has(c, api->get(c->params, "eea"), country))
			continue;
		const char *mech = NULL;
		for (size_t j = 0; j < api->count(transfers) && !mech; j++) {
			const ppreg_node *t = api->item(transfers, j);
			const char *tc = ppreg_text(c, api->get(t, "country"));
			if (tc && !strcmp(tc, country))
				mech = ppreg_text(c, api->get(t, "mechanism"));
		}
		if (!mech)
			ppreg_reportf(c, R_TRANSFER, cn, "data hosted in %s, outside the EEA, with no transfer mechanism declared", country);
		else if (strcmp(mech, "adequacy") && strcmp(mech, "scc") && strcmp(mech, "bcr"))
			ppreg_reportf(c, R_TRANSFER, cn, "mechanism '%s' for %s is not adequacy, scc or bcr", mech, country);
		else if (!strcmp(mech, "adequacy") && !list_has(c, api->get(c->params, "adequacy"), country))
			ppreg_reportf(c, R_TRANSFER, cn, "%s has no adequacy decision in the policy's list", country);
	}
}

static void check_processors(ppreg_check *c, const ppreg_node *root)
{
	const ppreg_api *api = c->api;
	const ppreg_node *acts = api->get(root, "processing_activities"), *hosting = api->get(root, "hosting");
	for (size_t i = 0; i < api->count(acts); i++) {
		const ppreg_node *procs = api->get(api->item(acts, i), "processors");
		for (size_t j = 0; j < api->count(procs); j++) {
			const char *p = ppreg_text(c, api->item(procs, j));
			int ok = 0;
			for (size_t k = 0; p && k < api->count(hosting) && !ok; k++) {
				const ppreg_node *h = api->item(hosting, k);
				const char *id = ppreg_text(c, api->get(h, "id"));
				ok = id && !strcmp(id, p) && api->kind(api->get(h, "contract")) == PPREG_NODE_MAP;
			}
			if (p && !ok)
				ppreg_reportf(c, R_PROC, api->item(procs, j), "processor %s has no Art. 28 contract (a hosting entry with a contract)", p);
		}
	}
}

static int params(ppreg_check *c, ppreg_duration *ret, ppreg_duration *dpia, ppreg_duration *hds, double *hours)
{
	const ppreg_api *api = c->api;
	if (api->duration(api->get(c->params, "max_retention"), ret) != PPREG_OK ||
	    api->duration(api->get(c->params, "max_dpia_age"), dpia) != PPREG_OK ||
	    api->duration(api->get(c->params, "max_hds_window"), hds) != PPREG_OK ||
	    api->number(api->get(c->params, "max_breach_notification_hours"), hours) != PPREG_OK ||
	    api->kind(api->get(c->params, "eea")) != PPREG_NODE_LIST)
		return api->fail(c, "policy: gdpr.params needs max_retention, max_dpia_age, max_hds_window, "
		                    "max_breach_notification_hours, eea and adequacy");
	return 0;
}

static void check_dpia_breach(ppreg_check *c, const ppreg_node *root, const ppreg_duration *max_age, double max_hours)
{
	const ppreg_api *api = c->api;
	const ppreg_node *dn = api->get(root, "dpia.done_on"), *hn = api->get(root, "breach_procedure.notify_authority_within_hours");
	ppreg_date done;
	double hours;
	if (api->date(dn, &done) == PPREG_OK) {
		if (api->date_cmp(done, c->as_of) > 0)
			ppreg_reportf(c, R_DPIA, dn, "the DPIA is dated after the as-of date");
		else if (api->date_cmp(api->date_add(done, max_age, 1), c->as_of) < 0)
			ppreg_reportf(c, R_DPIA, dn, "the DPIA is older than the policy allows; review it");
	}
	if (api->number(hn, &hours) == PPREG_OK && (hours > max_hours || hours <= 0))
		ppreg_reportf(c, R_BREACH, hn, "the authority is notified within %g hours, more than %g", hours, max_hours);
	if (api->kind(api->get(root, "dpia.evidence")) == PPREG_NODE_MAP)
		check_evidence(c, api->get(root, "dpia.evidence"));
	if (api->kind(api->get(root, "breach_procedure.evidence")) == PPREG_NODE_MAP)
		check_evidence(c, api->get(root, "breach_procedure.evidence"));
}

static int check(ppreg_check *c)
{
	const ppreg_api *api = c->api;
	ppreg_duration max_ret, max_dpia, max_hds;
	double max_hours;
	if (params(c, &max_ret, &max_dpia, &max_hds, &max_hours) < 0)
		return -1;
	const ppreg_node *root = api->file(c, "gdpr.yaml");
	if (!root)
		return 0;
	check_identity(c, root);
	const ppreg_node *acts = api->get(root, "processing_activities"), *hosting = api->get(root, "hosting");
	int health = 0;
	for (size_t i = 0; i < api->count(acts); i++)
		health |= check_activity(c, api->item(acts, i), &max_ret);
	for (size_t i = 0; i < api->count(hosting); i++) {
		const ppreg_node *h = api->item(hosting, i);
		if (health)
			check_certificate(c, h, &max_hds);
		check_transfers(c, root, h);
		if (api->kind(api->get(h, "contract")) == PPREG_NODE_MAP)
			check_evidence(c, api->get(h, "contract"));
	}
	check_processors(c, root);
	check_dpia_breach(c, root, &max_dpia, max_hours);
	return 0;
}

static const ppreg_plugin plugin = {
	PPREG_ABI_VERSION, sizeof(ppreg_plugin), "gdpr", "1.0.0",
	"gdpr: data protection backed by evidence (RGPD, CSP L.1111-8; note §4.1)",
	rules, sizeof rules / sizeof *rules, schemas, 1, check,
};

PPREG_EXPORT const ppreg_plugin *ppreg_plugin_entry(unsigned core_abi)
{
	(void)core_abi;
	return &plugin;
}
