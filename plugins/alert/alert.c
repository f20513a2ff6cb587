/*
 * alert.c - the right of alert of draft article L.1191-5 CSP: a user who had
 * recourse to a patient partner and has grounds to complain alerts the
 * establishment or service concerned, and, "s'agissant des services visés à
 * l'article L. 1191-4", the right is exercised with the minister for health.
 *
 * The descriptor (rules, schema of alert.yaml), the policy's parameters, the
 * authority the alerts go to and the procedure filed as evidence; counts.c
 * checks the yearly counts of alerts received and passed on.
 * transparency.alert-channel keeps judging what users are shown (where, and
 * the authority's name as text); this plugin judges the channel behind it.
 */
#include "alert.h"
#include "evidence.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const ppreg_rule rules[] = {
	{"alert.authority", PPREG_SEV_ERROR,
	 PPREG_N_("alerts go to an authority the policy names (model: the minister for health; "
	 "an ARS alone does not pass)"),
	 PPREG_N_("CSP L.1191-5 (draft): « S'agissant des services visés à l'article L. 1191-4 ce droit "
	 "d'alerte s'exerce auprès du ministre chargé de la santé »; policy `authorities`"),
	 PPREG_N_("Pass every alert on to the minister for health and declare authority: minister (one of the policy's "
	 "authorities); the copy an establishment's user sends to the ARS does not replace it for these services.")},
	{"alert.procedure", PPREG_SEV_ERROR,
	 PPREG_N_("the service's procedure for receiving alerts and passing them on is filed as "
	 "evidence whose SHA-256 matches"),
	 PPREG_N_("CSP L.1191-5 (draft): « dispose d'un droit d'alerte auprès de l'établissement ou du "
	 "service concerné » (the modalities are left to an order: « Un arrêté du ministre chargé de la santé précise "
	 "les modalités de ce droit d'alerte »); model policy, derived from it; evidence as note 2026-02-16 §4.1"),
	 PPREG_N_("Write down how the service receives alerts and passes them on, commit the document as a regular file under "
	 "evidence/ and declare procedure: {path, sha256} with its `sha256sum` digest.")},
	{"alert.counts", PPREG_SEV_ERROR,
	 PPREG_N_("the alerts received and passed on are counted for every year the policy asks "
	 "for (model: the previous year, due by 30 June)"),
	 PPREG_N_("model policy, derived from CSP L.1191-5 (draft) (« droit d'alerte "
	 "auprès de l'établissement ou du service concerné »; « s'exerce auprès du ministre chargé de la santé »): the "
	 "text asks for no count; policy `count_years`, `count_grace`"),
	 PPREG_N_("Add {year, received, passed_on} to counts for each year the policy asks for, once each, passed_on not more "
	 "than received.")},
};

static const ppreg_field fields[] = {
	{"authority", PPREG_T_STRING, PPREG_REQUIRED, NULL, "alert.authority"},
	{"copies_to", PPREG_T_LIST, 0, NULL, NULL},
	{"copies_to[]", PPREG_T_STRING, 0, NULL, NULL},
	{"procedure", PPREG_T_MAP, PPREG_REQUIRED, NULL, "alert.procedure"},
	{"procedure.path", PPREG_T_STRING, PPREG_REQUIRED, NULL, "alert.procedure"},
	{"procedure.sha256", PPREG_T_STRING, PPREG_REQUIRED, NULL, "alert.procedure"},
	{"counts", PPREG_T_LIST, PPREG_REQUIRED, NULL, "alert.counts"},
	{"counts[]", PPREG_T_MAP, 0, NULL, NULL},
	{"counts[].year", PPREG_T_INT, PPREG_REQUIRED, NULL, "alert.counts"},
	{"counts[].received", PPREG_T_INT, PPREG_REQUIRED, NULL, "alert.counts"},
	{"counts[].passed_on", PPREG_T_INT, PPREG_REQUIRED, NULL, "alert.counts"},
};

static const ppreg_schema schemas[] = {{"alert.yaml", fields, sizeof fields / sizeof *fields}};

/* A non-empty list of names, none blank. */
static int is_name_list(const ppreg_check *c, const ppreg_node *list)
{
	if (!ppreg_list(c, list) || c->api->count(list) == 0)
		return 0;
	for (size_t i = 0; i < c->api->count(list); i++) {
		const char *s = ppreg_text(c, c->api->item(list, i));
		if (!s || ppreg_blank(s))
			return 0;
	}
	return 1;
}

/* The policy's parameters. A missing or malformed one stops the run (exit
 * 2): judging with a guessed value would make verdicts nobody decided. */
static int load_params(ppreg_check *c, void *state)
{
	alert_params *p = state;
	const ppreg_api *api = c->api;
	const ppreg_node *gn = api->get(c->params, "count_grace");
	if (!PPREG_API_HAS(api, lapse))
		return api->fail(c, ppreg_tr(c, "alert needs a core that keeps lapse dates (ppreg_api.lapse)"));
	p->authorities = api->get(c->params, "authorities");
	if (!is_name_list(c, p->authorities))
		return api->fail(c, ppreg_tr(c, "policy: alert.params.authorities must be a non-empty list of authority names"));
	if (api->integer(api->get(c->params, "count_years"), &p->count_years) != PPREG_OK || p->count_years < 0 ||
	    p->count_years > 100)
		return api->fail(c, ppreg_tr(c, "policy: alert.params.count_years must be an integer from 0 to 100"));
	if (api->duration(gn, &p->count_grace) != PPREG_OK || !(p->count_grace_text = ppreg_text(c, gn)))
		return api->fail(c, ppreg_tr(c, "policy: alert.params.count_grace must be an ISO-8601 duration"));
	return 0;
}

/* The authority is one of the policy's values, written as the policy
 * writes it: "ars" names the regional agency, which for a service of
 * L.1191-4 receives at most a copy (copies_to, not judged but for
 * blanks): the ARS alone does not pass. */
static void check_authority(ppreg_check *c, const ppreg_node *root, const alert_params *p)
{
	const ppreg_node *an = c->api->get(root, "authority");
	const char *authority = ppreg_text(c, an), *accepted = ppreg_text(c, c->api->item(p->authorities, 0));
	size_t n = c->api->count(p->authorities);
	const ppreg_node *copies = ppreg_list(c, c->api->get(root, "copies_to"));
	for (size_t i = 0; i < c->api->count(copies); i++) {
		const char *s = ppreg_text(c, c->api->item(copies, i));
		if (s && ppreg_blank(s))
			ppreg_reportf(c, "alert.authority", c->api->item(copies, i), "an empty item in copies_to");
	}
	if (!authority)
		return; /* missing or mistyped: reported by the core */
	if (ppreg_blank(authority))
		ppreg_reportf(c, "alert.authority", an, "authority is blank");
	else if (!ppreg_list_has(c, p->authorities, authority))
		ppreg_reportf(c, "alert.authority", an, "alerts go to '%.40s', not to an authority the policy names (%.40s%s): "
		              "for a service of L.1191-4 the right of alert is exercised with the minister for health",
		              authority, accepted, n > 1 ? ", ..." : "");
}

/* The procedure is a document of the folder with the declared digest. */
static int check_procedure(ppreg_check *c, const ppreg_node *root)
{
	const ppreg_node *item = c->api->get(root, "procedure"), *at;
	char msg[400];
	if (c->api->kind(item) != PPREG_NODE_MAP)
		return 0; /* missing or mistyped: reported by the core */
	int rc = evidence_judge(c, item, &at, msg, sizeof msg);
	if (rc > 0)
		ppreg_reportf(c, "alert.procedure", at, "the procedure for alerts: %s", msg);
	return rc < 0 ? -1 : 0;
}

static int setup(ppreg_check *c, void **state)
{
	return ppreg_setup_state(c, state, sizeof(alert_params), load_params, free);
}

static int judge(ppreg_check *c, const void *state)
{
	const alert_params *p = state;
	const ppreg_node *root = c->api->file(c, "alert.yaml");
	if (!root)
		return 0; /* missing or unreadable: reported by the core */
	check_authority(c, root, p);
	alert_check_counts(c, root, p);
	return check_procedure(c, root);
}

PPREG_DEFINE_PLUGIN("alert", "1.0.0",
                    PPREG_N_("alert: the right of alert, its authority, procedure and yearly counts (CSP L.1191-5, draft)"),
                    rules, schemas, setup, judge, free); /* the state's nodes belong to the policy */
