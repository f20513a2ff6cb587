/*
 * registration.c - the registration obligation of the draft article
 * L.1191-4 CSP (annex of the policy note of 2026-02-16): who the service is
 * (identity, legal entity, identifiers), what it does (kind, channels, the
 * HAS domains of its services), how to reach it, and whether the health
 * minister authorised it.
 *
 * This file holds the descriptor (rules, the schema of registration.yaml),
 * the policy's parameter and check(); the checks live in identity.c,
 * activity.c, contact.c and authorization.c.
 *
 * The core has already checked types and required fields against the schema
 * below. Values a rule owns (identifiers, the enumerations and formats the
 * rules name) are declared as plain strings so that a wrong one is reported
 * under its rule, not as core.type; the conditional requirements (website,
 * RNA, the dates of a granted authorization) are checked here.
 */
#include "registration.h"
#include "formats.h"

#include <stdlib.h>
#include <string.h>

static const ppreg_rule rules[] = {
	{"registration.id-matches-folder", PPREG_SEV_ERROR,
	 PPREG_N_("platform.id equals the folder name and is a valid slug"),
	 PPREG_N_("CSP art. L.1191-4 (draft, annex of the 2026-02-16 note): registration"),
	 PPREG_N_("Set platform.id to the name of the platform's folder, a slug matching ^[a-z0-9][a-z0-9-]{1,62}$ "
	  "(or rename the folder to the id).")},
	{"registration.siren", PPREG_SEV_ERROR,
	 PPREG_N_("SIREN: 9 digits, Luhn checksum; La Poste's 356000000 is valid"),
	 PPREG_N_("CSP art. L.1191-4 (draft, annex of the 2026-02-16 note): registration; INSEE, répertoire SIRENE"),
	 PPREG_N_("Copy the 9-digit SIREN from the Kbis extract or the INSEE notice, quoted: siren: \"552081317\".")},
	{"registration.siret", PPREG_SEV_ERROR,
	 PPREG_N_("SIRET: 14 digits, starts with the SIREN, Luhn checksum (La Poste's SIRETs: digit sum a multiple "
	  "of 5)"),
	 PPREG_N_("CSP art. L.1191-4 (draft, annex of the 2026-02-16 note): registration; INSEE, répertoire SIRENE"),
	 PPREG_N_("Give the 14-digit SIRET of the establishment that runs the service, quoted; its first 9 digits "
	  "are the SIREN.")},
	{"registration.vat", PPREG_SEV_ERROR,
	 PPREG_N_("VAT number, when given: FR + 2-digit key + SIREN, key = (12 + 3 x (SIREN mod 97)) mod 97"),
	 PPREG_N_("CSP art. L.1191-4 (draft, annex of the 2026-02-16 note): registration; CGI art. 286 ter (numéro "
	  "de TVA intracommunautaire)"),
	 PPREG_N_("Copy the intra-EU VAT number from the tax notice (FR, the key, then the SIREN, no spaces), or "
	  "remove it: it is optional.")},
	{"registration.rna", PPREG_SEV_ERROR,
	 PPREG_N_("an association-1901 gives its RNA number, W followed by 9 digits"),
	 PPREG_N_("CSP art. L.1191-4 (draft, annex of the 2026-02-16 note): registration; loi du 1er juillet 1901; "
	  "arrêté du 14 octobre 2009 portant création du répertoire national des associations"),
	 PPREG_N_("Add legal_entity.rna, the W number of the association's receipt of declaration (récépissé).")},
	{"registration.kind", PPREG_SEV_ERROR,
	 PPREG_N_("kind commercial or non-commercial; channels a non-empty subset of digital, physical; a digital "
	  "service has an https website"),
	 PPREG_N_("CSP art. L.1191-4 (draft, annex of the 2026-02-16 note): registration (services marchands ou "
	  "non marchands, y compris numériques)"),
	 PPREG_N_("Set platform.kind to commercial or non-commercial, list each channel (digital, physical) once, "
	  "and give a digital service's https:// address in platform.website.")},
	{"registration.domains", PPREG_SEV_ERROR,
	 PPREG_N_("declared domains are a non-empty subset of the policy's closed list (model: the four the HAS "
	  "keeps); every service names one of the declared domains"),
	 PPREG_N_("CSP art. L.1191-4 (draft, annex of the 2026-02-16 note): registration; model policy, derived "
	  "from the HAS synthesis of 2026-05-28, which keeps four of seven domains of intervention "
	  "(parcours, offre de soins, enseignement et formation, recherche)"),
	 PPREG_N_("Declare domains among the policy's list (model: care-pathways, care-offer, education and "
	  "research), each once, and give every service one of them as its domain.")},
	{"registration.contact", PPREG_SEV_ERROR,
	 PPREG_N_("a legal representative, a postal address (5-digit postcode, ISO country code) and a valid e-mail"),
	 PPREG_N_("CSP art. L.1191-4 (draft, annex of the 2026-02-16 note): registration"),
	 PPREG_N_("Give legal_entity.legal_representative {name, role}, legal_entity.address {street, postal_code "
	  "(5 digits, quoted), city, country (ISO 3166-1 alpha-2)} and contact.email.")},
	{"registration.authorization", PPREG_SEV_ERROR,
	 PPREG_N_("authorization applied, granted, suspended or revoked; granted needs number and granted_on not "
	  "after the as-of date, and expires_on, when given or when the policy requires it (2026.1; the "
	  "draft text sets no term), not before the as-of date; applied is a warning"),
	 PPREG_N_("CSP art. L.1191-4 (draft, annex of the 2026-02-16 note): autorisation du ministre chargé de la "
	  "santé (no term set; a required expires_on is a model-policy choice)"),
	 PPREG_N_("Declare the health minister's decision: status, and for a granted authorization its number, "
	  "granted_on and, when it has a term (or the policy requires one), expires_on; apply for renewal "
	  "before it expires.")},
};

#define FORMS "SA|SAS|SASU|SARL|EURL|SCIC|SCOP|association-1901|fondation|GIP|etablissement-public|mutuelle|other"

static const ppreg_field fields[] = {
	{"platform", PPREG_T_MAP, PPREG_REQUIRED, NULL, "registration.id-matches-folder"},
	{"platform.id", PPREG_T_STRING, PPREG_REQUIRED, NULL, "registration.id-matches-folder"},
	{"platform.name", PPREG_T_STRING, PPREG_REQUIRED, NULL, NULL},
	{"platform.kind", PPREG_T_STRING, PPREG_REQUIRED, NULL, "registration.kind"},
	{"platform.channels", PPREG_T_LIST, PPREG_REQUIRED, NULL, "registration.kind"},
	{"platform.channels[]", PPREG_T_STRING, 0, NULL, NULL},
	{"platform.website", PPREG_T_STRING, 0, NULL, NULL},
	{"legal_entity", PPREG_T_MAP, PPREG_REQUIRED, NULL, "registration.siren"},
	{"legal_entity.name", PPREG_T_STRING, PPREG_REQUIRED, NULL, NULL},
	{"legal_entity.form", PPREG_T_ENUM, PPREG_REQUIRED, FORMS, NULL},
	{"legal_entity.created_on", PPREG_T_DATE, 0, NULL, NULL},
	{"legal_entity.siren", PPREG_T_STRING, PPREG_REQUIRED, NULL, "registration.siren"},
	{"legal_entity.siret", PPREG_T_STRING, PPREG_REQUIRED, NULL, "registration.siret"},
	{"legal_entity.vat", PPREG_T_STRING, 0, NULL, NULL},
	{"legal_entity.rna", PPREG_T_STRING, 0, NULL, NULL},
	{"legal_entity.address", PPREG_T_MAP, PPREG_REQUIRED, NULL, "registration.contact"},
	{"legal_entity.address.street", PPREG_T_STRING, PPREG_REQUIRED, NULL, "registration.contact"},
	{"legal_entity.address.postal_code", PPREG_T_STRING, PPREG_REQUIRED, NULL, "registration.contact"},
	{"legal_entity.address.city", PPREG_T_STRING, PPREG_REQUIRED, NULL, "registration.contact"},
	{"legal_entity.address.country", PPREG_T_STRING, PPREG_REQUIRED, NULL, "registration.contact"},
	{"legal_entity.legal_representative", PPREG_T_MAP, PPREG_REQUIRED, NULL, "registration.contact"},
	{"legal_entity.legal_representative.name", PPREG_T_STRING, PPREG_REQUIRED, NULL, "registration.contact"},
	{"legal_entity.legal_representative.role", PPREG_T_STRING, PPREG_REQUIRED, NULL, "registration.contact"},
	{"contact", PPREG_T_MAP, PPREG_REQUIRED, NULL, "registration.contact"},
	{"contact.email", PPREG_T_STRING, PPREG_REQUIRED, NULL, "registration.contact"},
	{"domains", PPREG_T_LIST, PPREG_REQUIRED, NULL, "registration.domains"},
	{"domains[]", PPREG_T_STRING, 0, NULL, NULL},
	{"services", PPREG_T_LIST, PPREG_REQUIRED, NULL, "registration.domains"},
	{"services[]", PPREG_T_MAP, 0, NULL, NULL},
	{"services[].id", PPREG_T_STRING, PPREG_REQUIRED, NULL, NULL},
	{"services[].domain", PPREG_T_STRING, PPREG_REQUIRED, NULL, "registration.domains"},
	{"services[].description", PPREG_T_STRING, PPREG_REQUIRED, NULL, NULL},
	{"authorization", PPREG_T_MAP, PPREG_REQUIRED, NULL, "registration.authorization"},
	{"authorization.status", PPREG_T_STRING, PPREG_REQUIRED, NULL, "registration.authorization"},
	{"authorization.number", PPREG_T_STRING, 0, NULL, NULL},
	{"authorization.granted_on", PPREG_T_DATE, 0, NULL, NULL},
	{"authorization.expires_on", PPREG_T_DATE, 0, NULL, NULL},
};

static const ppreg_schema schemas[] = {{"registration.yaml", fields, sizeof fields / sizeof *fields}};

const char *reg_text(const ppreg_check *c, const ppreg_node *n)
{
	const char *s = ppreg_text(c, n);
	return s && *s ? s : NULL;
}

int reg_missing(const ppreg_check *c, const ppreg_node *n)
{
	return c->api->kind(n) == PPREG_NODE_NULL; /* kind(NULL) is NULL too */
}

/* authorization_expiry: `required` (absent: the reading of 2026.1) or
 * `optional` (the draft text sets no term to the authorization). */
static int load_expiry(ppreg_check *c, reg_params *p)
{
	const ppreg_node *n = c->api->get(c->params, "authorization_expiry");
	const char *s = ppreg_text(c, n);
	if (!n || (s && !strcmp(s, "required")))
		p->expiry_optional = 0;
	else if (s && !strcmp(s, "optional"))
		p->expiry_optional = 1;
	else
		return c->api->fail(c, ppreg_tr(c, "policy: registration.params.authorization_expiry must be required or optional"));
	return 0;
}

/* domains: the closed list of domains a service may declare (absent: the
 * four of the HAS synthesis, as before the parameter existed). */
static int load_domains(ppreg_check *c, reg_params *p)
{
	static const char *const has_domains[] = {"care-pathways", "care-offer", "education", "research"};
	const ppreg_api *api = c->api;
	const ppreg_node *n = api->get(c->params, "domains"), *list = ppreg_list(c, n);
	if (!n) {
		for (p->n_domains = 0; p->n_domains < sizeof has_domains / sizeof *has_domains; p->n_domains++)
			p->domains[p->n_domains] = has_domains[p->n_domains];
		return 0;
	}
	if (!list || api->count(list) == 0 || api->count(list) > REG_MAX_DOMAINS)
		return api->fail(c, ppreg_tr(c, "policy: registration.params.domains must be a list of 1 to 32 domain names"));
	for (size_t i = 0; i < api->count(list); i++) {
		const char *d = ppreg_text(c, api->item(list, i));
		if (!d || ppreg_blank(d) || reg_index_of(d, p->domains, i) >= 0)
			return api->fail(c, ppreg_tr(c, "policy: registration.params.domains must list distinct, non-blank names"));
		p->domains[p->n_domains++] = d;
	}
	return 0;
}

/* The policy's parameter. A missing or unknown one stops the run (exit 2):
 * a severity nobody decided would make verdicts nobody decided. */
static int load_params(ppreg_check *c, void *state)
{
	reg_params *p = state;
	if (!PPREG_API_HAS(c->api, withhold))
		return c->api->fail(c, ppreg_tr(c, "registration needs a core that reads the authority's record (ppreg_api.withhold)"));
	if (!PPREG_API_HAS(c->api, country_valid))
		return c->api->fail(c, ppreg_tr(c, "registration needs a core that gives the text formats (ppreg_api.country_valid)"));
	const char *s = ppreg_text(c, c->api->get(c->params, "authorization_applied"));
	if (s && !strcmp(s, "error"))
		p->applied = PPREG_SEV_ERROR;
	else if (s && !strcmp(s, "warning"))
		p->applied = PPREG_SEV_WARNING;
	else if (s && !strcmp(s, "off"))
		p->applied = PPREG_SEV_OFF;
	else
		return c->api->fail(c, ppreg_tr(c, "policy: registration.params.authorization_applied must be error, "
		                       "warning or off"));
	return load_expiry(c, p) < 0 ? -1 : load_domains(c, p);
}

/* The policy's parameter is judged once, before any platform, so a broken
 * policy stops the run even when no platform is judged; kept for the run,
 * it is not read again for each platform. */
static int setup(ppreg_check *c, void **state)
{
	return ppreg_setup_state(c, state, sizeof(reg_params), load_params, free);
}

static int judge(ppreg_check *c, const void *state)
{
	const ppreg_api *api = c->api;
	const reg_params *p = state;
	const ppreg_node *root = api->file(c, "registration.yaml");
	if (!root)
		return 0; /* missing or unreadable: the core reported it */
	reg_check_id(c, root);
	reg_check_identifiers(c, api->get(root, "legal_entity"));
	reg_check_kind(c, api->get(root, "platform"));
	reg_check_domains(c, root, p);
	reg_check_contact(c, root);
	reg_check_authorization(c, api->get(root, "authorization"), p);
	return 0;
}

PPREG_DEFINE_PLUGIN("registration", "1.0.0",
                    PPREG_N_("registration (draft L.1191-4 CSP): identity, identifiers, kind, HAS domains, contact, authorization"),
                    rules, schemas, setup, judge, free); /* the state holds no pointer of its own */
