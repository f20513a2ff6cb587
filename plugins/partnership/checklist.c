/*
 * checklist.c - the HAS synthesis of 28 May 2026 rests a partnership on
 * three principles, "la co-décision (partage réel des choix) ; la
 * co-conduite (responsabilités et moyens partagés) ; la co-évaluation
 * (définition et analyse conjointes des résultats)", and checks them by a
 * ten-question list answered Oui, Non or En cours. Each project answers
 * the questions the policy asks, under the principle they test; a "yes"
 * files its document, hashed; "in-progress" holds while the project is
 * ongoing, not once it is completed; "no" never holds. Guidance, not law:
 * the rules are warnings unless a policy weighs them more.
 */
#include "partnership.h"
#include "evidence.h"

#include <stdio.h>
#include <string.h>

const pship_item pship_items[PSHIP_N_ITEMS] = {
	{"shared_diagnosis", CO_DECISION, PPREG_N_("is there a shared diagnosis?")},
	{"steering", CO_DECISION, PPREG_N_("does a steering body include at least one patient partner?")},
	{"deliberative_vote", CO_DECISION, PPREG_N_("do the patient partners have a deliberative vote?")},
	{"joint_minutes", CO_DECISION, PPREG_N_("are the conclusions of meetings validated by all the partners?")},
	{"roadmap", CO_CONDUCT, PPREG_N_("is a guidance document (action sheet, roadmap, roles and missions) established?")},
	{"co_led_actions", CO_CONDUCT, PPREG_N_("are meetings or actions led by a professional and a patient together?")},
	{"joint_objectives", CO_EVALUATION, PPREG_N_("are precise objectives and evaluation criteria adopted together at the start?")},
	{"joint_promotion", CO_EVALUATION, PPREG_N_("is the promotion of the results made jointly?")},
	{"results_returned", CO_EVALUATION, PPREG_N_("are the beneficiaries informed of the results?")},
};

static const char *const phase_keys[] = {"co_decision", "co_conduct", "co_evaluation"};

/* A finding under the rule of the item's principle. */
static void report_item(ppreg_check *c, pship_phase phase, const ppreg_node *at, const char *msg)
{
	if (phase == CO_DECISION)
		ppreg_reportf(c, "partnership.co-decision", at, "%s", msg);
	else if (phase == CO_CONDUCT)
		ppreg_reportf(c, "partnership.co-conduct", at, "%s", msg);
	else
		ppreg_reportf(c, "partnership.co-evaluation", at, "%s", msg);
}

/* The answer given to one item, and its document; -1 after api->fail(). */
static int check_answer(ppreg_check *c, const ppreg_node *project, const pship_item *it, const ppreg_node *item)
{
	const ppreg_api *api = c->api;
	const ppreg_node *an = api->get(item, "answer"), *ev = api->get(item, "evidence"), *at;
	const char *answer = ppreg_text(c, an), *status = ppreg_text(c, api->get(project, "status"));
	char msg[400];
	if (api->kind(an) == PPREG_NODE_NULL)
		snprintf(msg, sizeof msg, ppreg_tr(c, "%s has no answer: %s (HAS checklist)"), it->key, ppreg_tr(c, it->question));
	else if (answer && !ppreg_one_of(answer, PSHIP_ANSWERS))
		snprintf(msg, sizeof msg, ppreg_tr(c, "%s: the answer is yes, no or in-progress"), it->key);
	else if (answer && !strcmp(answer, "no"))
		snprintf(msg, sizeof msg, ppreg_tr(c, "%s answered no: %s (HAS checklist)"), it->key, ppreg_tr(c, it->question));
	else if (answer && !strcmp(answer, "in-progress") && status && !strcmp(status, "completed"))
		snprintf(msg, sizeof msg, ppreg_tr(c, "%s still in progress in a completed project: %s (HAS checklist)"), it->key,
		         ppreg_tr(c, it->question));
	else if (answer && !strcmp(answer, "yes") && api->kind(ev) == PPREG_NODE_NULL)
		snprintf(msg, sizeof msg, ppreg_tr(c, "%s answered yes without its document (evidence: {path, sha256})"), it->key);
	else
		msg[0] = '\0';
	if (msg[0])
		report_item(c, it->phase, answer ? an : item, msg);
	if (api->kind(ev) != PPREG_NODE_MAP)
		return 0; /* none, or mistyped: reported by the core */
	if (api->kind(api->get(ev, "path")) == PPREG_NODE_NULL || api->kind(api->get(ev, "sha256")) == PPREG_NODE_NULL) {
		ppreg_reportf(c, "partnership.evidence", ev, "%s: evidence gives both path and sha256", it->key);
		return 0;
	}
	int rc = evidence_judge(c, ev, &at, msg, sizeof msg);
	if (rc > 0)
		ppreg_reportf(c, "partnership.evidence", at, "%s", msg);
	return rc < 0 ? -1 : 0;
}

int pship_check_checklist(ppreg_check *c, const ppreg_node *project, const pship_params *p)
{
	const ppreg_api *api = c->api;
	for (size_t i = 0; i < PSHIP_N_ITEMS; i++) {
		const pship_item *it = &pship_items[i];
		const ppreg_node *phase = api->get(project, phase_keys[it->phase]);
		const ppreg_node *item = api->get(phase, it->key);
		char msg[300];
		if (!p->asked[i] || (api->kind(phase) != PPREG_NODE_NULL && api->kind(phase) != PPREG_NODE_MAP))
			continue; /* not asked, or mistyped: reported by the core */
		if (api->kind(item) == PPREG_NODE_MAP) {
			if (check_answer(c, project, it, item) < 0)
				return -1;
			continue;
		}
		if (api->kind(item) != PPREG_NODE_NULL)
			continue; /* mistyped: reported by the core */
		snprintf(msg, sizeof msg, ppreg_tr(c, "%s.%s is not answered: %s (HAS checklist)"), phase_keys[it->phase], it->key,
		         ppreg_tr(c, it->question));
		report_item(c, it->phase, api->kind(phase) == PPREG_NODE_MAP ? phase : project, msg);
	}
	return 0;
}
