/*
 * charter.c - the signed commitment declaration (draft L.1191-3 CSP, HAS
 * synthesis of 2026-05-28 points 7-8): the charter a platform adopts must be
 * the official text the policy lists, every active partner signs its current
 * version with every required clause and renews it in time, and the public
 * registry names partners only by pseudonym. Policies from fr-model 2026.2
 * switch on more (load_later_params): only the statuses L.1191-3 names must
 * sign, each commitment lists its missions, the service countersigns.
 *
 * This file holds the descriptor (rules and the schema of charter.yaml),
 * reads and checks the policy's parameters, and runs the checks of
 * commitments.c and pseudonyms.c.
 *
 * The official text is trusted only through digests: the platform declares
 * the SHA-256 of the text it adopted and must give the one the policy lists;
 * the policy's digest must in turn be that of the text shipped beside it.
 * A platform declaring another digest is a finding. A policy whose own text
 * does not match is not the platform's fault: the run stops (exit 2) with
 * "policy charter text digest mismatch", as for any broken policy.
 */
#include "charter.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const ppreg_rule rules[] = {
	{"charter.official-version", PPREG_SEV_ERROR,
	 PPREG_N_("the charter adopted is one the policy lists, identified by version and the SHA-256 of its official text"),
	 PPREG_N_("CSP L.1191-3 (draft): déclaration d'engagement type arrêtée par le ministre; model policy text charters/2026-1.md until that order, derived "
	 "from it and HAS 2026-05-28 points 7-8"),
	 PPREG_N_("Adopt the official text unchanged (policies/charters/<version>.md) and declare its version and "
	 "the SHA-256 the policy lists for it (sha256sum of the text's bytes).")},
	{"charter.clauses", PPREG_SEV_ERROR,
	 PPREG_N_("each active commitment covers every clause the policy requires"),
	 PPREG_N_("model policy clauses, derived from CSP L.1191-3 (draft): « les règles auxquelles ils s'astreignent dans "
	 "l'exercice de leurs missions »; L.1191-2, L.1191-5 (draft); HAS 2026-05-28 point 7 (confidentialité, secret "
	 "professionnel, neutralité); note 2026-02-16 §4.1 (substitution, intérêts promotionnels)"),
	 PPREG_N_("List every required clause in each active commitment (model: confidentiality, professional-secrecy, "
	 "neutrality, no-substitution, no-promotion, alert-right), after the partner signed those articles.")},
	{"charter.signed", PPREG_SEV_ERROR,
	 PPREG_N_("each active partner who must sign (the policy's signing_statuses; without them, every one) signed the "
	 "current charter version, on or after its effective date and not after the as-of date; with signing_statuses, "
	 "each commitment gives partner_status and the active ones agree with transparency.yaml's by_status"),
	 PPREG_N_("CSP L.1191-3 (draft): « Les patients-partenaires bénévoles ou volontaires [...] doivent signer une déclaration d'engagement type arrêtée par le ou les ministres concernés »; model policy (2026.1): every active partner signs"),
	 PPREG_N_("Have the partner sign the current version, then record charter_version and the real signed_on; "
	 "give partner_status (salaried, volunteer, benevolent) and count the active partners of each status in "
	 "transparency.yaml's patient_partners.by_status; a partner who stopped is recorded as status: withdrawn.")},
	{"charter.renewal", PPREG_SEV_ERROR,
	 PPREG_N_("no active partner's signature is older than the policy's renewal period"),
	 PPREG_N_("model policy (renewal P3Y), derived from CSP L.1191-3 (draft): « Les patients-partenaires bénévoles ou volontaires [...] doivent signer une déclaration d'engagement type arrêtée par le ou les ministres concernés »; as charter 2026-1, "
	 "Signature, words it: « signée de nouveau au moins tous les trois ans et à chaque nouvelle version du texte »"),
	 PPREG_N_("Have the partner sign the charter again and record the new signed_on.")},
	{"charter.pseudonymous", PPREG_SEV_ERROR,
	 PPREG_N_("partners appear under pseudonyms: no name, e-mail address or phone number of a partner in charter.yaml or training.yaml"),
	 PPREG_N_("RGPD art. 5(1)(c) (minimisation) and art. 9 (health data) in a public registry; CSP L.1110-4; "
	 "model policy pattern, derived from them and charter 2026-1, Signature (pseudonymat)"),
	 PPREG_N_("Name each partner by a pseudonym matching the policy's pattern (model: pp- and 4 to 32 of a-z0-9, "
	 "e.g. pp-a1b2) and remove names, e-mail addresses and phone numbers; keep the key to pseudonyms off the registry.")},
	{"charter.unique", PPREG_SEV_ERROR,
	 PPREG_N_("no partner has two commitments"),
	 PPREG_N_("CSP L.1191-3 (draft): déclaration d'engagement type (one declaration per partner); CSP L.1191-4 (draft): obligations de transparence"),
	 PPREG_N_("Keep one commitment per partner: record a renewal by updating charter_version and signed_on, "
	 "a departure by status: withdrawn.")},
	{"charter.missions", PPREG_SEV_ERROR,
	 PPREG_N_("with require_missions: each active commitment lists the partner's missions, each a service id of registration.yaml"),
	 PPREG_N_("CSP L.1191-3 (draft): la déclaration d'engagement précise « les règles auxquelles ils s'astreignent dans "
	 "l'exercice de leurs missions », missions « telles qu'elles figurent dans leur déclaration d'engagement »"),
	 PPREG_N_("List in missions the services[].id of registration.yaml the partner works in, e.g. "
	 "missions: [accompagnement-oncologie].")},
	{"charter.joint-signature", PPREG_SEV_ERROR,
	 PPREG_N_("with require_countersignature: each signed active commitment is countersigned for the service (signatory, "
	 "signed_on), not after the as-of date and renewed within the renewal period"),
	 PPREG_N_("HAS 2026-05-28 point 8: « signature commune d'une charte d'engagement dans le partenariat »; renewal: "
	 "model policy, as charter.renewal"),
	 PPREG_N_("Have the service's representative countersign the commitment and record "
	 "countersignature: {signatory: <name>, role: <role>, signed_on: <date>}; countersign it again at each renewal.")},
};

static const ppreg_field fields[] = {
	{"charter", PPREG_T_MAP, PPREG_REQUIRED, NULL, "charter.official-version"},
	{"charter.version", PPREG_T_STRING, PPREG_REQUIRED, NULL, "charter.official-version"},
	{"charter.sha256", PPREG_T_STRING, PPREG_REQUIRED, NULL, "charter.official-version"},
	{"commitments", PPREG_T_LIST, PPREG_REQUIRED, NULL, "charter.signed"},
	{"commitments[]", PPREG_T_MAP, 0, NULL, NULL},
	{"commitments[].partner", PPREG_T_STRING, PPREG_REQUIRED, NULL, "charter.pseudonymous"},
	{"commitments[].status", PPREG_T_ENUM, PPREG_REQUIRED, "active|withdrawn", NULL},
	/* Required of a partner who must sign only, which the policy decides:
	 * the plugin reports them missing (commitments.c), as the core did. */
	{"commitments[].charter_version", PPREG_T_STRING, 0, NULL, "charter.signed"},
	{"commitments[].signed_on", PPREG_T_DATE, 0, NULL, "charter.signed"},
	{"commitments[].clauses", PPREG_T_LIST, 0, NULL, "charter.clauses"},
	{"commitments[].clauses[]", PPREG_T_STRING, 0, NULL, NULL},
	/* Fields of later policies, read by their rules only when the policy
	 * switches them on: any value here, so that under a policy that does
	 * not read them they weigh nothing (partners.c, countersign.c). */
	{"commitments[].partner_status", PPREG_T_ANY, 0, NULL, NULL},
	{"commitments[].missions", PPREG_T_ANY, 0, NULL, NULL},
	{"commitments[].countersignature", PPREG_T_ANY, 0, NULL, NULL},
};

static const ppreg_schema schemas[] = {{"charter.yaml", fields, sizeof fields / sizeof *fields}};

/* A policy failure: formatted, prefixed by the caller, exit 2. */
static int policy_fail(ppreg_check *c, const char *fmt, ...) PPREG_PRINTF(2, 3);
static int policy_fail(ppreg_check *c, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return c->api->fail(c, msg);
}

static int is_sha256_hex(const char *s)
{
	size_t n = 0;
	for (; s[n]; n++)
		if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f')))
			return 0;
	return n == 64;
}

const ppreg_node *charter_policy_entry(const ppreg_check *c, const charter_policy *pol, const char *version)
{
	for (size_t i = 0; version && i < c->api->count(pol->charters); i++) {
		const ppreg_node *entry = c->api->item(pol->charters, i);
		const char *v = ppreg_text(c, c->api->get(entry, "version"));
		if (v && !strcmp(v, version))
			return entry;
	}
	return NULL;
}

/* The official text shipped beside the policy must have the digest the
 * policy lists: otherwise the policy itself is broken (edited text, wrong
 * digest, missing file) and no platform can be judged against it. */
static int verify_official_text(ppreg_check *c, const char *version, const char *text, const char *listed)
{
	char actual[65];
	if (!PPREG_API_HAS(c->api, policy_file_sha256))
		return c->api->fail(c, ppreg_tr(c, "this core cannot read the charter text beside the policy (no policy_file_sha256)"));
	switch (c->api->policy_file_sha256(c, text, actual)) {
	case PPREG_OK:
		if (strcmp(actual, listed))
			return policy_fail(c, ppreg_tr(c, "policy charter text digest mismatch: %s (version %s) has SHA-256 %s, "
			                   "charter.params.charters lists %s"), text, version, actual, listed);
		return 0;
	case PPREG_ABSENT:
		return policy_fail(c, ppreg_tr(c, "policy: charter text %s (version %s) is missing beside the policy"), text, version);
	case PPREG_SYMLINK:
	case PPREG_ESCAPES:
		return policy_fail(c, ppreg_tr(c, "policy: charter.params.charters text '%.80s' must be a regular file "
		                   "inside the policy's folder"), text);
	default:
		return policy_fail(c, ppreg_tr(c, "cannot read the charter text %s beside the policy"), text);
	}
}

/* Every listed charter is well formed and its text intact, each version
 * once; the current version is one of them. */
static int load_charters(ppreg_check *c, charter_policy *pol)
{
	const ppreg_api *api = c->api;
	pol->charters = api->get(c->params, "charters");
	pol->current_version = ppreg_text(c, api->get(c->params, "current_version"));
	if (api->kind(pol->charters) != PPREG_NODE_LIST || api->count(pol->charters) == 0)
		return api->fail(c, ppreg_tr(c, "policy: charter.params.charters must be a non-empty list of "
		                    "{version, text, effective_on, sha256}"));
	for (size_t i = 0; i < api->count(pol->charters); i++) {
		const ppreg_node *entry = api->item(pol->charters, i);
		const char *version = ppreg_text(c, api->get(entry, "version"));
		const char *text = ppreg_text(c, api->get(entry, "text"));
		const char *sha = ppreg_text(c, api->get(entry, "sha256"));
		ppreg_date effective;
		if (!version || !text || !sha || !is_sha256_hex(sha) ||
		    api->date(api->get(entry, "effective_on"), &effective) != PPREG_OK)
			return policy_fail(c, ppreg_tr(c, "policy: charter.params.charters[%zu] needs version, text, "
			                   "effective_on (a date) and sha256 (64 lowercase hex digits)"), i);
		if (charter_policy_entry(c, pol, version) != entry)
			return policy_fail(c, ppreg_tr(c, "policy: charter.params.charters lists version %.40s twice"), version);
		if (verify_official_text(c, version, text, sha) < 0)
			return -1;
	}
	if (!pol->current_version)
		return api->fail(c, ppreg_tr(c, "policy: charter.params.current_version is missing"));
	pol->current = charter_policy_entry(c, pol, pol->current_version);
	if (!pol->current)
		return policy_fail(c, ppreg_tr(c, "policy: charter.params.current_version %.40s is not in charter.params.charters"),
		                   pol->current_version);
	return api->date(api->get(pol->current, "effective_on"), &pol->current_effective) == PPREG_OK ? 0 : -1;
}

/* The required clauses, also as an array of texts: each commitment's
 * clauses are then read once through the API, not once per clause. */
static int load_clauses(ppreg_check *c, charter_policy *pol)
{
	const ppreg_api *api = c->api;
	const ppreg_node *required = api->get(c->params, "required_clauses");
	if (api->kind(required) != PPREG_NODE_LIST || api->count(required) == 0)
		return api->fail(c, ppreg_tr(c, "policy: charter.params.required_clauses must be a non-empty list of clause ids"));
	pol->n_required = api->count(required);
	pol->required_texts = calloc(pol->n_required, sizeof *pol->required_texts);
	pol->clause_seen = calloc(pol->n_required, 1);
	if (!pol->required_texts || !pol->clause_seen)
		return api->fail(c, ppreg_tr(c, "out of memory"));
	for (size_t i = 0; i < pol->n_required; i++)
		if (!(pol->required_texts[i] = ppreg_text(c, api->item(required, i))))
			return policy_fail(c, ppreg_tr(c, "policy: charter.params.required_clauses[%zu] is not a clause id"), i);
	return 0;
}

/* A switch of a later policy: absent is off, the reading of the policies
 * that did not have it. */
static int load_switch(ppreg_check *c, const char *name, int *on)
{
	const ppreg_node *n = c->api->get(c->params, name);
	*on = 0;
	if (!n)
		return 0;
	if (c->api->boolean(n, on) != PPREG_OK)
		return policy_fail(c, ppreg_tr(c, "policy: charter.params.%s must be true or false"), name);
	return 0;
}

/* The parameters 2026.2 added (docs/plugins/charter.md): each absent one
 * keeps the 2026.1 reading. */
static int load_later_params(ppreg_check *c, charter_policy *pol)
{
	const ppreg_api *api = c->api;
	const ppreg_node *statuses = api->get(c->params, "signing_statuses");
	if (statuses) {
		if (api->kind(statuses) != PPREG_NODE_LIST)
			return api->fail(c, ppreg_tr(c, "policy: charter.params.signing_statuses must be a list of partner statuses "
			                    "(salaried, volunteer, benevolent)"));
		for (size_t i = 0; i < api->count(statuses); i++) {
			const char *s = ppreg_text(c, api->item(statuses, i));
			if (!s || !ppreg_one_of(s, CHARTER_STATUSES))
				return policy_fail(c, ppreg_tr(c, "policy: charter.params.signing_statuses[%zu] is not one of salaried, "
				                   "volunteer, benevolent"), i);
		}
		pol->signing_statuses = statuses;
	}
	if (load_switch(c, "require_missions", &pol->missions) < 0)
		return -1;
	return load_switch(c, "require_countersignature", &pol->joint_signature);
}

/* Reads and checks the whole `params` block; on success the caller owns
 * pol->pseudonym and frees it with regfree(). */
static int load_params(ppreg_check *c, void *state)
{
	charter_policy *pol = state;
	const ppreg_api *api = c->api;
	memset(pol, 0, sizeof *pol);
	if (api->kind(c->params) != PPREG_NODE_MAP)
		return api->fail(c, ppreg_tr(c, "policy: the charter plugin needs its params block"));
	if (load_charters(c, pol) < 0 || load_clauses(c, pol) < 0)
		return -1;
	pol->renewal_text = ppreg_text(c, api->get(c->params, "renewal"));
	if (api->duration(api->get(c->params, "renewal"), &pol->renewal) != PPREG_OK || !pol->renewal_text)
		return api->fail(c, ppreg_tr(c, "policy: charter.params.renewal must be an ISO-8601 duration (model: P3Y)"));
	pol->pattern = ppreg_text(c, api->get(c->params, "pseudonym_pattern"));
	if (!pol->pattern || regcomp(&pol->pseudonym, pol->pattern, REG_EXTENDED | REG_NOSUB) != 0)
		return api->fail(c, ppreg_tr(c, "policy: charter.params.pseudonym_pattern must be a POSIX extended regular expression"));
	pol->compiled = 1;
	if (!(pol->memo = calloc(CHARTER_MEMO_SLOTS, sizeof *pol->memo)))
		return api->fail(c, ppreg_tr(c, "out of memory"));
	return load_later_params(c, pol);
}

static void teardown(void *state)
{
	charter_policy *pol = state;
	if (!pol)
		return;
	if (pol->compiled)
		regfree(&pol->pseudonym);
	free(pol->required_texts);
	free(pol->clause_seen);
	free(pol->memo);
	free(pol);
}

/* The policy is read, its official texts hashed and the pseudonym pattern
 * compiled once per run: the same for every platform. */
static int setup(ppreg_check *c, void **state)
{
	return ppreg_setup_state(c, state, sizeof(charter_policy), load_params, teardown);
}

static int judge(ppreg_check *c, const void *state)
{
	const ppreg_api *api = c->api;
	const charter_policy *pol = state;
	int rc = 0;
	const ppreg_node *root = api->file(c, "charter.yaml");
	charter_services sv = {NULL, 0, 0};
	if (root && pol->missions && charter_services_load(c, &sv) < 0)
		return -1;
	if (root) {
		const ppreg_node *commitments = api->get(root, "commitments");
		charter_check_official(c, pol, api->get(root, "charter"));
		if (api->kind(commitments) == PPREG_NODE_LIST)
			for (size_t i = 0; i < api->count(commitments); i++)
				charter_check_commitment(c, pol, &sv, api->item(commitments, i));
		if (pol->signing_statuses && api->kind(commitments) == PPREG_NODE_LIST)
			charter_check_statuses(c, pol, commitments);
		charter_check_pseudonyms(c, pol, root, "commitments");
		free(sv.ids);
		rc = charter_check_unique(c, pol, commitments);
		if (rc == 0)
			charter_check_comments(c, "charter.yaml");
	}
	const ppreg_node *training = api->file(c, "training.yaml");
	if (rc == 0 && training) {
		charter_check_pseudonyms(c, pol, training, "certifications");
		charter_check_comments(c, "training.yaml");
	}
	return rc;
}

PPREG_DEFINE_PLUGIN("charter", "1.1.0",
                    PPREG_N_("charter: the signed commitment declaration of each patient partner (draft L.1191-3 CSP, HAS point 8)"),
                    rules, schemas, setup, judge, teardown);
