/*
 * charter.c - the signed commitment declaration (draft L.1191-3 CSP, HAS
 * point 8): the charter a platform adopts must be the official text the
 * policy lists, every active partner signs its current version with every
 * required clause and renews it in time, and the public registry names
 * partners only by pseudonym.
 *
 * The official text is trusted only through digests: the platform declares
 * the SHA-256 of the text it adopted, the policy lists the digest of the
 * official text, and the text shipped beside the policy must give that same
 * digest, so an edited charter cannot pass unnoticed at either end.
 */
#include "ppreg/plugin.h"

#include <regex.h>
#include <stdlib.h>
#include <string.h>

#define R_OFFICIAL "charter.official-version"
#define R_CLAUSES "charter.clauses"
#define R_SIGNED "charter.signed"
#define R_RENEWAL "charter.renewal"
#define R_PSEUDO "charter.pseudonymous"
#define R_UNIQUE "charter.unique"

#define SOURCE "CSP art. L.1191-3 (draft): déclaration d'engagement type; HAS 2026-05-28 points 7-8"

static const ppreg_rule rules[] = {
	{R_OFFICIAL, PPREG_SEV_ERROR, "the charter adopted is one the policy lists, by version and SHA-256 of its official text",
	 SOURCE, "Adopt the official text (policies/charters/<version>.md) and declare its version and SHA-256."},
	{R_CLAUSES, PPREG_SEV_ERROR, "each active commitment covers every clause the policy requires",
	 SOURCE, "List every required clause (confidentiality, professional-secrecy, neutrality, no-substitution, no-promotion, alert-right) in each commitment."},
	{R_SIGNED, PPREG_SEV_ERROR, "each active partner signed the current version, on or after its effective date, not after the as-of date",
	 SOURCE, "Have the partner sign the current charter version and record charter_version and signed_on."},
	{R_RENEWAL, PPREG_SEV_ERROR, "no signature is older than the policy's renewal period",
	 SOURCE, "Have the partner sign again; the model policy asks for a renewal every 3 years."},
	{R_PSEUDO, PPREG_SEV_ERROR, "partners appear under pseudonyms; no name, e-mail or phone of a partner in charter.yaml or training.yaml",
	 SOURCE "; RGPD art. 5(1)(c) (minimisation) for a public registry", "Replace names and contact details by pseudonyms such as pp-a1b2."},
	{R_UNIQUE, PPREG_SEV_ERROR, "no partner appears twice among the commitments",
	 SOURCE, "Keep one commitment per partner; record a renewal by updating it."},
};

static const ppreg_field fields[] = {
	{"charter", PPREG_T_MAP, PPREG_REQUIRED, NULL, R_OFFICIAL},
	{"charter.version", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_OFFICIAL},
	{"charter.sha256", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_OFFICIAL},
	{"commitments", PPREG_T_LIST, PPREG_REQUIRED, NULL, R_SIGNED},
	{"commitments[]", PPREG_T_MAP, 0, NULL, NULL},
	{"commitments[].partner", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_PSEUDO},
	{"commitments[].status", PPREG_T_ENUM, PPREG_REQUIRED, "active|withdrawn", NULL},
	{"commitments[].charter_version", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_SIGNED},
	{"commitments[].signed_on", PPREG_T_DATE, PPREG_REQUIRED, NULL, R_SIGNED},
	{"commitments[].clauses", PPREG_T_LIST, PPREG_REQUIRED, NULL, R_CLAUSES},
	{"commitments[].clauses[]", PPREG_T_STRING, 0, NULL, NULL},
};

static const ppreg_schema schemas[] = {{"charter.yaml", fields, sizeof fields / sizeof *fields}};

static int is_active(const ppreg_check *c, const ppreg_node *commitment)
{
	const char *s = ppreg_text(c, c->api->get(commitment, "status"));
	return s && !strcmp(s, "active");
}

/* The policy's entry for a charter version, or NULL. */
static const ppreg_node *policy_charter(const ppreg_check *c, const char *version)
{
	const ppreg_node *list = c->api->get(c->params, "charters");
	for (size_t i = 0; version && i < c->api->count(list); i++) {
		const char *v = ppreg_text(c, c->api->get(c->api->item(list, i), "version"));
		if (v && !strcmp(v, version))
			return c->api->item(list, i);
	}
	return NULL;
}

static void check_official(ppreg_check *c, const ppreg_node *charter)
{
	const ppreg_api *api = c->api;
	const ppreg_node *vn = api->get(charter, "version"), *dn = api->get(charter, "sha256");
	const char *version = ppreg_text(c, vn), *digest = ppreg_text(c, dn);
	if (!version || !digest)
		return;
	const ppreg_node *official = policy_charter(c, version);
	if (!official) {
		ppreg_reportf(c, R_OFFICIAL, vn, "charter version '%s' is not one the policy lists", version);
		return;
	}
	const char *listed = ppreg_text(c, api->get(official, "sha256"));
	const char *text = ppreg_text(c, api->get(official, "text"));
	char actual[65];
	if (listed && strcmp(digest, listed))
		ppreg_reportf(c, R_OFFICIAL, dn, "SHA-256 %.64s is not the official text's %s", digest, listed);
	if (!text || api->policy_file_sha256(c, text, actual) != PPREG_OK)
		ppreg_reportf(c, R_OFFICIAL, vn, "the official text of version %s (%s) is missing beside the policy",
		              version, text ? text : "no path");
	else if (!listed || strcmp(actual, listed))
		ppreg_reportf(c, R_OFFICIAL, dn, "the official text %s has been edited: its SHA-256 is %s, the policy lists %s",
		              text, actual, listed ? listed : "none");
}

static void check_clauses(ppreg_check *c, const ppreg_node *commitment)
{
	const ppreg_api *api = c->api;
	const ppreg_node *required = api->get(c->params, "required_clauses");
	const ppreg_node *clauses = api->get(commitment, "clauses");
	if (api->kind(clauses) != PPREG_NODE_LIST)
		return;
	for (size_t i = 0; i < api->count(required); i++) {
		const char *want = ppreg_text(c, api->item(required, i));
		int found = 0;
		for (size_t j = 0; want && j < api->count(clauses) && !found; j++) {
			const char *have = ppreg_text(c, api->item(clauses, j));
			found = have && !strcmp(have, want);
		}
		if (want && !found)
			ppreg_reportf(c, R_CLAUSES, clauses, "the commitment of %s lacks the clause '%s'",
			              ppreg_text(c, api->get(commitment, "partner")) ? ppreg_text(c, api->get(commitment, "partner")) : "?", want);
	}
}

static void check_signature(ppreg_check *c, const ppreg_node *commitment, const ppreg_duration *renewal)
{
	const ppreg_api *api = c->api;
	const char *current = ppreg_text(c, api->get(c->params, "current_version"));
	const ppreg_node *vn = api->get(commitment, "charter_version"), *sn = api->get(commitment, "signed_on");
	const char *version = ppreg_text(c, vn);
	ppreg_date signed_on, effective;
	if (version && current && strcmp(version, current))
		ppreg_reportf(c, R_SIGNED, vn, "signed version %s, not the current %s", version, current);
	if (api->date(sn, &signed_on) != PPREG_OK)
		return;
	if (api->date_cmp(signed_on, c->as_of) > 0)
		ppreg_reportf(c, R_SIGNED, sn, "signed after the as-of date");
	else if (api->date(api->get(policy_charter(c, version), "effective_on"), &effective) == PPREG_OK &&
	         api->date_cmp(signed_on, effective) < 0)
		ppreg_reportf(c, R_SIGNED, sn, "signed before version %s took effect (%04d-%02d-%02d)",
		              version, effective.year, effective.month, effective.day);
	if (api->date_cmp(api->date_add(signed_on, renewal, 1), c->as_of) < 0)
		ppreg_reportf(c, R_RENEWAL, sn, "signature older than the renewal period; it must be renewed");
}

/* An e-mail address or phone number inside a scalar: partners must not be
 * reachable from a public registry. Digests are skipped. */
static const char *contact_kind(const char *s)
{
	const char *at = strchr(s, '@');
	if (at && at != s && strchr(at + 1, '.'))
		return "an e-mail address";
	for (const char *p = s; *p; p++) {
		if (*p != '+' && *p != '0')
			continue;
		if (p > s && (p[-1] >= '0' && p[-1] <= '9'))
			continue;
		size_t digits = 0;
		const char *q = p + (*p == '+');
		for (; *q && strchr("0123456789 .-()", *q); q++)
			digits += *q >= '0' && *q <= '9';
		if (digits >= 10 || (*p == '+' && digits >= 9))
			return "a phone number";
	}
	return NULL;
}

/* Walks every scalar of a document (depth is bounded by the core's limits). */
static void scan_contacts(ppreg_check *c, const ppreg_node *n, const char *key)
{
	const ppreg_api *api = c->api;
	if (api->kind(n) == PPREG_NODE_SCALAR) {
		const char *s = ppreg_text(c, n), *what = s && !(key && !strcmp(key, "sha256")) ? contact_kind(s) : NULL;
		if (what)
			ppreg_reportf(c, R_PSEUDO, n, "%s in a public registry ('%.40s'); use pseudonyms", what, s);
		return;
	}
	for (size_t i = 0; i < api->count(n); i++)
		scan_contacts(c, api->item(n, i), api->kind(n) == PPREG_NODE_MAP ? api->key(n, i) : key);
}

static int check_partners(ppreg_check *c, const ppreg_node *commitments)
{
	const ppreg_api *api = c->api;
	const char *pattern = ppreg_text(c, api->get(c->params, "pseudonym_pattern"));
	regex_t re;
	if (!pattern || regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB) != 0)
		return api->fail(c, "policy: charter.params.pseudonym_pattern is missing or not a regular expression");
	for (size_t i = 0; i < api->count(commitments); i++) {
		const ppreg_node *pn = api->get(api->item(commitments, i), "partner");
		const char *id = ppreg_text(c, pn);
		if (!id)
			continue;
		if (regexec(&re, id, 0, NULL, 0) != 0)
			ppreg_reportf(c, R_PSEUDO, pn, "partner '%.40s' is not a pseudonym matching %s", id, pattern);
		for (size_t j = 0; j < i; j++) {
			const char *other = ppreg_text(c, api->get(api->item(commitments, j), "partner"));
			if (other && !strcmp(other, id)) {
				ppreg_reportf(c, R_UNIQUE, pn, "partner %.40s already has a commitment", id);
				break;
			}
		}
	}
	regfree(&re);
	return 0;
}

static int check(ppreg_check *c)
{
	const ppreg_api *api = c->api;
	ppreg_duration renewal;
	if (api->duration(api->get(c->params, "renewal"), &renewal) != PPREG_OK ||
	    !ppreg_text(c, api->get(c->params, "current_version")) ||
	    api->kind(api->get(c->params, "charters")) != PPREG_NODE_LIST)
		return api->fail(c, "policy: charter.params needs renewal, current_version and charters");
	const ppreg_node *root = api->file(c, "charter.yaml");
	if (root) {
		const ppreg_node *commitments = api->get(root, "commitments");
		check_official(c, api->get(root, "charter"));
		for (size_t i = 0; i < api->count(commitments); i++) {
			const ppreg_node *k = api->item(commitments, i);
			if (!is_active(c, k))
				continue;
			check_clauses(c, k);
			check_signature(c, k, &renewal);
		}
		if (check_partners(c, commitments) < 0)
			return -1;
		scan_contacts(c, root, NULL);
	}
	scan_contacts(c, api->file(c, "training.yaml"), NULL);
	return 0;
}

static const ppreg_plugin plugin = {
	PPREG_ABI_VERSION, sizeof(ppreg_plugin), "charter", "1.0.0",
	"charter: the signed commitment declaration of each patient partner (L.1191-3)",
	rules, sizeof rules / sizeof *rules, schemas, 1, check,
};

PPREG_EXPORT const ppreg_plugin *ppreg_plugin_entry(unsigned core_abi)
{
	(void)core_abi;
	return &plugin;
}
