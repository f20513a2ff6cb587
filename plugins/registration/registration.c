/*
 * registration.c - the registration obligation of draft article L.1191-4
 * CSP: who the service is (identity, legal entity, identifiers), what it does
 * (kind, channels, the HAS domains of its services), how to reach it, and
 * whether the health minister authorised it.
 *
 * The core has already checked types against the schema below; values a rule
 * owns (identifiers, enumerations the rules name) are declared as strings
 * there so that a wrong one is reported under its rule, not core.type.
 */
#include "ppreg/plugin.h"
#include "identifiers.h"

#include <string.h>

#define R_ID "registration.id-matches-folder"
#define R_SIREN "registration.siren"
#define R_SIRET "registration.siret"
#define R_VAT "registration.vat"
#define R_RNA "registration.rna"
#define R_KIND "registration.kind"
#define R_DOMAINS "registration.domains"
#define R_CONTACT "registration.contact"
#define R_AUTH "registration.authorization"

#define SOURCE "CSP art. L.1191-4 (draft, annex of the 2026-02-16 note): registration"

static const ppreg_rule rules[] = {
	{R_ID, PPREG_SEV_ERROR, "platform.id equals the folder name and is a valid slug",
	 SOURCE, "Set platform.id to the folder name ([a-z0-9][a-z0-9-]{1,62}), or rename the folder."},
	{R_SIREN, PPREG_SEV_ERROR, "SIREN: 9 digits with a valid Luhn checksum (La Poste's 356000000 valid)",
	 SOURCE "; INSEE répertoire SIRENE", "Copy the SIREN from the Kbis or the INSEE notice, quoted: siren: \"552081317\"."},
	{R_SIRET, PPREG_SEV_ERROR, "SIRET: 14 digits, starts with the SIREN, Luhn checksum (La Poste: digit sum multiple of 5)",
	 SOURCE "; INSEE répertoire SIRENE", "Give the SIRET of the establishment that runs the service, quoted."},
	{R_VAT, PPREG_SEV_ERROR, "VAT number, when given: FR + key + SIREN, key = (12 + 3 x (SIREN mod 97)) mod 97",
	 SOURCE "; CGI art. 286 ter", "Correct the VAT number or remove it; it is optional."},
	{R_RNA, PPREG_SEV_ERROR, "an association-1901 gives its RNA number, W followed by 9 digits",
	 SOURCE "; loi du 1er juillet 1901, décret 2009-1369", "Add legal_entity.rna from the association's récépissé de déclaration."},
	{R_KIND, PPREG_SEV_ERROR, "kind commercial or non-commercial; channels a non-empty subset of digital, physical; a digital service has an https website",
	 SOURCE " (commercial or non-commercial services, digital ones included)",
	 "Set platform.kind, list platform.channels once each, and give an https:// website for a digital service."},
	{R_DOMAINS, PPREG_SEV_ERROR, "declared domains are a non-empty subset of the four HAS domains; every service names one of them",
	 SOURCE "; HAS 2026 synthesis: the four domains of intervention",
	 "Use care-pathways, care-offer, education or research; give each service a domain listed in domains."},
	{R_CONTACT, PPREG_SEV_ERROR, "a legal representative, a postal address (5-digit postcode, ISO country) and a valid e-mail",
	 SOURCE, "Complete legal_entity.legal_representative, legal_entity.address and contact.email."},
	{R_AUTH, PPREG_SEV_ERROR, "authorization applied, granted, suspended or revoked; granted needs number and dates in force at the as-of date",
	 "CSP art. L.1191-4 (draft): authorisation by the health minister",
	 "Declare the minister's decision: status, number, granted_on and expires_on; renew before expiry."},
};

static const ppreg_field fields[] = {
	{"platform", PPREG_T_MAP, PPREG_REQUIRED, NULL, R_ID},
	{"platform.id", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_ID},
	{"platform.name", PPREG_T_STRING, PPREG_REQUIRED, NULL, NULL},
	{"platform.kind", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_KIND},
	{"platform.channels", PPREG_T_LIST, PPREG_REQUIRED, NULL, R_KIND},
	{"platform.channels[]", PPREG_T_STRING, 0, NULL, NULL},
	{"platform.website", PPREG_T_STRING, 0, NULL, NULL},
	{"legal_entity", PPREG_T_MAP, PPREG_REQUIRED, NULL, NULL},
	{"legal_entity.name", PPREG_T_STRING, PPREG_REQUIRED, NULL, NULL},
	{"legal_entity.form", PPREG_T_ENUM, PPREG_REQUIRED,
	 "SA|SAS|SASU|SARL|EURL|SCIC|SCOP|association-1901|fondation|GIP|etablissement-public|mutuelle|other", NULL},
	{"legal_entity.created_on", PPREG_T_DATE, 0, NULL, NULL},
	{"legal_entity.siren", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_SIREN},
	{"legal_entity.siret", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_SIRET},
	{"legal_entity.vat", PPREG_T_STRING, 0, NULL, NULL},
	{"legal_entity.rna", PPREG_T_STRING, 0, NULL, NULL},
	{"legal_entity.address", PPREG_T_MAP, PPREG_REQUIRED, NULL, R_CONTACT},
	{"legal_entity.address.street", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_CONTACT},
	{"legal_entity.address.postal_code", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_CONTACT},
	{"legal_entity.address.city", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_CONTACT},
	{"legal_entity.address.country", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_CONTACT},
	{"legal_entity.legal_representative", PPREG_T_MAP, PPREG_REQUIRED, NULL, R_CONTACT},
	{"legal_entity.legal_representative.name", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_CONTACT},
	{"legal_entity.legal_representative.role", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_CONTACT},
	{"contact", PPREG_T_MAP, PPREG_REQUIRED, NULL, R_CONTACT},
	{"contact.email", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_CONTACT},
	{"domains", PPREG_T_LIST, PPREG_REQUIRED, NULL, R_DOMAINS},
	{"domains[]", PPREG_T_STRING, 0, NULL, NULL},
	{"services", PPREG_T_LIST, PPREG_REQUIRED, NULL, R_DOMAINS},
	{"services[]", PPREG_T_MAP, 0, NULL, NULL},
	{"services[].id", PPREG_T_STRING, PPREG_REQUIRED, NULL, NULL},
	{"services[].domain", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_DOMAINS},
	{"services[].description", PPREG_T_STRING, PPREG_REQUIRED, NULL, NULL},
	{"authorization", PPREG_T_MAP, PPREG_REQUIRED, NULL, R_AUTH},
	{"authorization.status", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_AUTH},
	{"authorization.number", PPREG_T_STRING, 0, NULL, NULL},
	{"authorization.granted_on", PPREG_T_DATE, 0, NULL, NULL},
	{"authorization.expires_on", PPREG_T_DATE, 0, NULL, NULL},
};

static const ppreg_schema schemas[] = {{"registration.yaml", fields, sizeof fields / sizeof *fields}};

static int one_of(const char *s, const char *const *set)
{
	for (; s && *set; set++)
		if (!strcmp(s, *set))
			return 1;
	return 0;
}

static int slug_ok(const char *s)
{
	size_t n = strlen(s);
	return n >= 2 && n <= 63 && s[0] != '-' &&
	       strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

static void check_id(ppreg_check *c, const ppreg_node *root)
{
	const ppreg_node *n = c->api->get(root, "platform.id");
	const char *id = ppreg_text(c, n);
	if (!id)
		return;
	if (!slug_ok(id))
		ppreg_reportf(c, R_ID, n, "platform.id '%s' is not a slug [a-z0-9][a-z0-9-]{1,62}", id);
	else if (strcmp(id, c->platform))
		ppreg_reportf(c, R_ID, n, "platform.id '%s' differs from its folder platforms/%s", id, c->platform);
	else if (!slug_ok(c->platform))
		ppreg_reportf(c, R_ID, n, "the folder name is not a valid slug");
}

static void check_identifiers(ppreg_check *c, const ppreg_node *entity)
{
	const ppreg_api *api = c->api;
	const ppreg_node *sn = api->get(entity, "siren"), *tn = api->get(entity, "siret");
	const ppreg_node *vn = api->get(entity, "vat");
	const char *siren = ppreg_text(c, sn), *siret = ppreg_text(c, tn), *vat = ppreg_text(c, vn);
	int siren_ok = siren && siren_valid(siren);
	if (siren && !siren_ok)
		ppreg_reportf(c, R_SIREN, sn, "SIREN '%s' is not 9 digits with a valid checksum", siren);
	if (siret && !siret_valid(siret, NULL))
		ppreg_reportf(c, R_SIRET, tn, "SIRET '%s' is not 14 digits with a valid checksum", siret);
	else if (siret && siren && strncmp(siret, siren, 9))
		ppreg_reportf(c, R_SIRET, tn, "SIRET '%s' does not start with the SIREN %s", siret, siren);
	if (vat && !(siren_ok && vat_valid(vat, siren))) {
		if (siren_ok)
			ppreg_reportf(c, R_VAT, vn, "VAT number '%s' is not FR%02d%s", vat, vat_key(siren), siren);
		else
			ppreg_reportf(c, R_VAT, vn, "VAT number '%s' cannot match an invalid SIREN", vat);
	}
	const ppreg_node *rn = api->get(entity, "rna");
	const char *form = ppreg_text(c, api->get(entity, "form")), *rna = ppreg_text(c, rn);
	if (form && !strcmp(form, "association-1901") && api->kind(rn) == PPREG_NODE_NULL)
		ppreg_reportf(c, R_RNA, entity, "an association-1901 must give its RNA number (legal_entity.rna)");
	else if (rna && !rna_valid(rna))
		ppreg_reportf(c, R_RNA, rn, "RNA number '%s' is not W followed by 9 digits", rna);
}

/* A list of strings, each from `allowed`, once each; returns how many. */
static size_t check_subset(ppreg_check *c, const char *rule, const ppreg_node *list,
                           const char *const *allowed, const char *what)
{
	size_t n = c->api->count(list);
	for (size_t i = 0; i < n; i++) {
		const ppreg_node *item = c->api->item(list, i);
		const char *s = ppreg_text(c, item);
		if (!s)
			continue;
		if (!one_of(s, allowed))
			ppreg_reportf(c, rule, item, "'%s' is not a %s", s, what);
		for (size_t j = 0; j < i; j++) {
			const char *t = ppreg_text(c, c->api->item(list, j));
			if (t && !strcmp(s, t))
				ppreg_reportf(c, rule, item, "%s '%s' is listed twice", what, s);
		}
	}
	if (c->api->kind(list) == PPREG_NODE_LIST && n == 0)
		ppreg_reportf(c, rule, list, "the list of %ss is empty", what);
	return n;
}

static int list_has(const ppreg_check *c, const ppreg_node *list, const char *s)
{
	for (size_t i = 0; i < c->api->count(list); i++) {
		const char *t = ppreg_text(c, c->api->item(list, i));
		if (t && !strcmp(t, s))
			return 1;
	}
	return 0;
}

static void check_kind(ppreg_check *c, const ppreg_node *platform)
{
	static const char *const kinds[] = {"commercial", "non-commercial", NULL};
	static const char *const channels[] = {"digital", "physical", NULL};
	const ppreg_api *api = c->api;
	const ppreg_node *kn = api->get(platform, "kind"), *ch = api->get(platform, "channels");
	const char *kind = ppreg_text(c, kn);
	if (kind && !one_of(kind, kinds))
		ppreg_reportf(c, R_KIND, kn, "kind '%s' is neither commercial nor non-commercial", kind);
	check_subset(c, R_KIND, ch, channels, "channel");
	if (!list_has(c, ch, "digital"))
		return;
	const ppreg_node *wn = api->get(platform, "website");
	const char *site = ppreg_text(c, wn);
	if (api->kind(wn) == PPREG_NODE_NULL)
		ppreg_reportf(c, R_KIND, platform, "a digital service must give its website (platform.website)");
	else if (site && (strncmp(site, "https://", 8) || strlen(site) < 12 || strpbrk(site, " \t")))
		ppreg_reportf(c, R_KIND, wn, "website '%s' is not an https:// address", site);
}

static void check_domains(ppreg_check *c, const ppreg_node *root)
{
	static const char *const domains[] = {"care-pathways", "care-offer", "education", "research", NULL};
	const ppreg_api *api = c->api;
	const ppreg_node *declared = api->get(root, "domains"), *services = api->get(root, "services");
	check_subset(c, R_DOMAINS, declared, domains, "HAS domain");
	for (size_t i = 0; i < api->count(services); i++) {
		const ppreg_node *dn = api->get(api->item(services, i), "domain");
		const char *d = ppreg_text(c, dn);
		if (d && !list_has(c, declared, d))
			ppreg_reportf(c, R_DOMAINS, dn, "service domain '%s' is not one of the declared domains", d);
	}
	if (api->kind(services) == PPREG_NODE_LIST && api->count(services) == 0)
		ppreg_reportf(c, R_DOMAINS, services, "no service is declared");
}

static int is_email(const char *s)
{
	const char *at = strchr(s, '@');
	return at && at != s && !strchr(at + 1, '@') && strchr(at + 1, '.') &&
	       at[1] != '.' && s[strlen(s) - 1] != '.' && !strpbrk(s, " \t<>,;");
}

static void check_contact(ppreg_check *c, const ppreg_node *root)
{
	const ppreg_api *api = c->api;
	const ppreg_node *pc = api->get(root, "legal_entity.address.postal_code");
	const ppreg_node *cc = api->get(root, "legal_entity.address.country");
	const ppreg_node *em = api->get(root, "contact.email");
	const char *postal = ppreg_text(c, pc), *country = ppreg_text(c, cc), *email = ppreg_text(c, em);
	if (postal && (strlen(postal) != 5 || strspn(postal, "0123456789") != 5))
		ppreg_reportf(c, R_CONTACT, pc, "postal code '%s' is not 5 digits", postal);
	if (country && (strlen(country) != 2 || strspn(country, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != 2))
		ppreg_reportf(c, R_CONTACT, cc, "country '%s' is not an ISO 3166-1 alpha-2 code", country);
	if (email && !is_email(email))
		ppreg_reportf(c, R_CONTACT, em, "e-mail '%s' is not a valid address", email);
}

static int severity_param(ppreg_check *c, const char *name, ppreg_severity *out)
{
	const char *s = ppreg_text(c, c->api->get(c->params, name));
	if (!s) {
		*out = PPREG_SEV_WARNING;
		return 0;
	}
	if (!strcmp(s, "error")) *out = PPREG_SEV_ERROR;
	else if (!strcmp(s, "warning")) *out = PPREG_SEV_WARNING;
	else if (!strcmp(s, "off")) *out = PPREG_SEV_OFF;
	else return c->api->fail(c, "policy: registration.params.authorization_applied must be error, warning or off");
	return 0;
}

static void check_granted(ppreg_check *c, const ppreg_node *auth)
{
	const ppreg_api *api = c->api;
	const ppreg_node *gn = api->get(auth, "granted_on"), *en = api->get(auth, "expires_on");
	ppreg_date granted, expires;
	int has_g = api->date(gn, &granted) == PPREG_OK, has_e = api->date(en, &expires) == PPREG_OK;
	if (api->kind(api->get(auth, "number")) == PPREG_NODE_NULL)
		ppreg_reportf(c, R_AUTH, auth, "a granted authorization gives its number");
	if (api->kind(gn) == PPREG_NODE_NULL || api->kind(en) == PPREG_NODE_NULL)
		ppreg_reportf(c, R_AUTH, auth, "a granted authorization gives granted_on and expires_on");
	if (has_g && api->date_cmp(granted, c->as_of) > 0)
		ppreg_reportf(c, R_AUTH, gn, "granted_on %04d-%02d-%02d is after the as-of date",
		              granted.year, granted.month, granted.day);
	if (has_g && has_e && api->date_cmp(expires, granted) <= 0)
		ppreg_reportf(c, R_AUTH, en, "expires_on is not after granted_on");
	else if (has_e && api->date_cmp(expires, c->as_of) < 0)
		ppreg_reportf(c, R_AUTH, en, "the authorization expired on %04d-%02d-%02d",
		              expires.year, expires.month, expires.day);
}

static int check_authorization(ppreg_check *c, const ppreg_node *root)
{
	const ppreg_node *auth = c->api->get(root, "authorization");
	const ppreg_node *sn = c->api->get(auth, "status");
	const char *status = ppreg_text(c, sn);
	ppreg_severity applied = PPREG_SEV_WARNING;
	if (severity_param(c, "authorization_applied", &applied) < 0)
		return -1;
	if (!status)
		return 0;
	if (!strcmp(status, "granted"))
		check_granted(c, auth);
	else if (!strcmp(status, "applied")) {
		if (applied != PPREG_SEV_OFF)
			ppreg_reportf_sev(c, R_AUTH, applied, sn, "the authorization is applied for, not granted yet");
	} else if (!strcmp(status, "suspended") || !strcmp(status, "revoked"))
		ppreg_reportf(c, R_AUTH, sn, "the authorization is %s", status);
	else
		ppreg_reportf(c, R_AUTH, sn, "status '%s' is not applied, granted, suspended or revoked", status);
	return 0;
}

static int check(ppreg_check *c)
{
	const ppreg_node *root = c->api->file(c, "registration.yaml");
	if (!root)
		return 0; /* missing or unreadable: the core reported it */
	check_id(c, root);
	check_identifiers(c, c->api->get(root, "legal_entity"));
	check_kind(c, c->api->get(root, "platform"));
	check_domains(c, root);
	check_contact(c, root);
	return check_authorization(c, root);
}

static const ppreg_plugin plugin = {
	PPREG_ABI_VERSION, sizeof(ppreg_plugin), "registration", "1.0.0",
	"registration: identity, identifiers, kind, domains, contact, authorization (L.1191-4)",
	rules, sizeof rules / sizeof *rules, schemas, 1, check,
};

PPREG_EXPORT const ppreg_plugin *ppreg_plugin_entry(unsigned core_abi)
{
	(void)core_abi;
	return &plugin;
}
