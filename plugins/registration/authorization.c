/*
 * authorization.c - the health minister's authorization (draft L.1191-4
 * CSP: "ils font l'objet d'une autorisation du ministre chargé de la
 * santé"), judged at the as-of date.
 *
 * A granted authorization is in force from granted_on to expires_on, both
 * days included: a date equal to the as-of date is still valid. Suspended
 * and revoked authorizations are errors; a pending application (`applied`)
 * has the severity the policy gives it (model: warning), and is never
 * attested, whatever that severity.
 *
 * When the registry keeps the authority's record (authority/
 * authorizations.yaml), that record is judged instead of what the
 * platform says of itself: a platform absent from it is not authorized,
 * the record's status and dates are judged (no term is allowed: the draft
 * text sets none), and a declaration that disagrees with it is a finding.
 */
#include "registration.h"

#include <string.h>


/* The number and dates a granted authorization needs, each reported
 * missing at the authorization map: expires_on too, unless the policy makes
 * it optional (the draft text sets no term). A value of the wrong type is
 * present (the core reported it). */
static void require_granted_fields(ppreg_check *c, const ppreg_node *auth, const reg_params *p)
{
	static const char *const keys[] = {"number", "granted_on", "expires_on"};
	for (size_t i = 0; i < sizeof keys / sizeof *keys - (p->expiry_optional != 0); i++)
		if (reg_missing(c, c->api->get(auth, keys[i])))
			ppreg_reportf(c, "registration.authorization", auth, "a granted authorization gives its %s", keys[i]);
	ppreg_require_text(c, "registration.authorization", auth, "number");
}

/* The window of a granted authorization against the as-of date. */
static void check_window(ppreg_check *c, const ppreg_node *auth)
{
	const ppreg_api *api = c->api;
	const ppreg_node *gn = api->get(auth, "granted_on"), *en = api->get(auth, "expires_on");
	ppreg_date granted, expires;
	int has_granted = api->date(gn, &granted) == PPREG_OK;
	int has_expires = api->date(en, &expires) == PPREG_OK;
	char a[PPREG_TEXT_MAX], b[PPREG_TEXT_MAX];
	if (has_granted && api->date_cmp(granted, c->as_of) > 0)
		ppreg_reportf(c, "registration.authorization", gn, "granted_on %s is after the as-of date %s",
		              ppreg_date_text(c, granted, a), ppreg_date_text(c, c->as_of, b));
	if (has_granted && has_expires && api->date_cmp(expires, granted) <= 0)
		ppreg_reportf(c, "registration.authorization", en, "expires_on %s is not after granted_on %s",
		              ppreg_date_text(c, expires, a), ppreg_date_text(c, granted, b));
	else if (has_expires && api->date_cmp(expires, c->as_of) < 0)
		ppreg_reportf(c, "registration.authorization", en, "the authorization expired on %s, before the as-of date %s",
		              ppreg_date_text(c, expires, a), ppreg_date_text(c, c->as_of, b));
	if (has_expires) /* no term, no lapse */
		ppreg_lapse(c, "registration.authorization", en, expires);
}

/* The platform's own declaration against the authority's entry: the same
 * status, and for a granted one the same number. */
static void check_agreement(ppreg_check *c, const ppreg_node *auth, const ppreg_node *entry)
{
	const ppreg_api *api = c->api;
	const char *keys[] = {"status", "number"};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		const ppreg_node *mine = api->get(auth, keys[i]);
		const char *said = ppreg_text(c, mine), *kept = ppreg_text(c, api->get(entry, keys[i]));
		if (said && kept && strcmp(said, kept)) {
			const char *file;
			unsigned line;
			api->where(entry, &file, &line, NULL);
			ppreg_reportf(c, "registration.authorization", mine, "the declaration says %s '%.80s', the "
			              "authority's record (%.80s line %u) says '%.80s'", keys[i], said, file, line, kept);
		}
	}
}

/* The authority's entry, judged as the decision in force. */
static void check_record(ppreg_check *c, const ppreg_node *auth, const ppreg_node *entry)
{
	const ppreg_api *api = c->api;
	if (!entry) {
		ppreg_reportf(c, "registration.authorization", auth, "platforms/%.80s is not in the authority's record "
		              "(authority/authorizations.yaml): it is not authorized", c->platform);
		api->withhold(c, ppreg_tr(c, "the platform is not in the authority's record of authorizations"));
		return;
	}
	const ppreg_node *sn = api->get(entry, "status");
	const char *status = ppreg_text(c, sn);
	if (status && strcmp(status, "granted")) {
		ppreg_reportf(c, "registration.authorization", sn, "the authority's record says the authorization is %s",
		              status);
		api->withhold(c, ppreg_tr(c, "the authority's record does not grant the authorization"));
	} else {
		check_window(c, entry);
	}
	check_agreement(c, auth, entry);
}

void reg_check_authorization(ppreg_check *c, const ppreg_node *auth, const reg_params *p)
{
	const ppreg_node *sn = c->api->get(auth, "status"), *entry;
	const char *status = reg_text(c, sn);
	if (c->api->authority(c, "authorizations", &entry) == PPREG_OK) {
		check_record(c, auth, entry);
		return;
	}
	if (!status)
		return;
	if (!strcmp(status, "granted")) {
		require_granted_fields(c, auth, p);
		check_window(c, auth);
	} else if (!strcmp(status, "applied")) {
		c->api->withhold(c, ppreg_tr(c, "the authorization is applied for, not granted"));
		if (p->applied != PPREG_SEV_OFF)
			ppreg_reportf_sev(c, "registration.authorization", p->applied, sn,
			                  "the authorization is applied for, not granted yet");
	} else if (!strcmp(status, "suspended") || !strcmp(status, "revoked")) {
		ppreg_reportf(c, "registration.authorization", sn, "the authorization is %s", status);
	} else {
		ppreg_reportf(c, "registration.authorization", sn, "status '%.80s' is not applied, granted, suspended or revoked", status);
	}
}
