/*
 * partnership.c - the HAS synthesis « Partenariat en santé et patients
 * partenaires » (28 May 2026) as a plugin: each partnership project a
 * service runs with its patient partners is declared in partnership.yaml,
 * with at least the policy's number of partners and the HAS checklist
 * answered under its three principles, every "yes" backed by a hashed
 * document. The synthesis is guidance, not law (draft L.1191-1 leaves the
 * conduct of partnerships to a HAS "référentiel de bonnes pratiques"):
 * every rule is a warning by default, and the file itself is optional
 * (the descriptor's optional_files), its absence a warning of this plugin.
 *
 * The descriptor, the policy's parameters, the file, the projects and
 * their partners; checklist.c judges the answers.
 */
#include "partnership.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HAS "HAS, synthèse « Partenariat en santé et patients partenaires », 28 May 2026 (guidance)"

static const ppreg_rule rules[] = {
	{"partnership.declared", PPREG_SEV_WARNING,
	 PPREG_N_("the service declares its partnership projects in partnership.yaml"),
	 PPREG_N_("HAS, synthèse « Partenariat en santé et patients partenaires », 28 May 2026 (guidance), point 9: « Le partenariat en santé et le déploiement des patients partenaires doivent être visibles et "
	 "lisibles »; CSP L.1191-1 (draft): « Un référentiel de bonnes pratiques de la Haute autorité de santé détermine "
	 "les conditions relatives à la conduite opérationnelle de ces partenariats »"),
	 PPREG_N_("Add partnership.yaml listing the projects run with patient partners (docs/plugins/partnership.md).")},
	{"partnership.projects", PPREG_SEV_WARNING,
	 PPREG_N_("at least one project, each with an id of its own, a title and a "
	 "status (ongoing or completed)"),
	 PPREG_N_("HAS, synthèse « Partenariat en santé et patients partenaires », 28 May 2026 (guidance): « mode projet »; « document de cadrage »"),
	 PPREG_N_("List each project once under projects with id, title and status: ongoing or completed.")},
	{"partnership.partners", PPREG_SEV_WARNING,
	 PPREG_N_("each project involves at least the policy's number of patient "
	 "partners (model: 2), each an active partner of charter.yaml"),
	 PPREG_N_("HAS, synthèse « Partenariat en santé et patients partenaires », 28 May 2026 (guidance), check-list: « Y a-t-il au moins 2 "
	 "patients partenaires impliqués ? »; « nombre suffisant d'usagers »; policy `min_partners`"),
	 PPREG_N_("List under partners the pseudonyms of the project's patient partners, each with an active commitment in "
	 "charter.yaml, as many as the policy asks.")},
	{"partnership.co-decision", PPREG_SEV_WARNING,
	 PPREG_N_("co-decision: shared diagnosis, steering with partners, deliberative "
	 "vote, conclusions validated by all, answered yes with a document"),
	 PPREG_N_("HAS, synthèse « Partenariat en santé et patients partenaires », 28 May 2026 (guidance): « la co-décision (partage réel des "
	 "choix) »; check-list questions 1, 3, 4, 7; CSP L.1191-2 (draft): « Ils sont associés au pilotage des "
	 "partenariats qui les concernent »; policy `checklist`"),
	 PPREG_N_("Answer each co_decision item yes with its document (evidence: {path, sha256}); in-progress only while the "
	 "project is ongoing.")},
	{"partnership.co-conduct", PPREG_SEV_WARNING,
	 PPREG_N_("co-conduct: a guidance document (roadmap, roles and missions) and "
	 "actions led by a professional and a patient together, answered yes with a document"),
	 PPREG_N_("HAS, synthèse « Partenariat en santé et patients partenaires », 28 May 2026 (guidance): « la co-conduite "
	 "(responsabilités et moyens partagés) »; check-list questions 5, 6; policy `checklist`"),
	 PPREG_N_("Answer each co_conduct item yes with its document (evidence: {path, sha256}); in-progress only while the "
	 "project is ongoing.")},
	{"partnership.co-evaluation", PPREG_SEV_WARNING,
	 PPREG_N_("co-evaluation: objectives and criteria adopted together, joint "
	 "promotion, results returned to those concerned, answered yes with a document"),
	 PPREG_N_("HAS, synthèse « Partenariat en santé et patients partenaires », 28 May 2026 (guidance): « la co-évaluation "
	 "(définition et analyse conjointes des résultats) »; check-list questions 8, 9, 10; policy `checklist`"),
	 PPREG_N_("Answer each co_evaluation item yes with its document (evidence: {path, sha256}); in-progress only while the "
	 "project is ongoing.")},
	{"partnership.evidence", PPREG_SEV_WARNING,
	 PPREG_N_("every document a checklist answer names is a file of the platform's "
	 "evidence/ folder at the same revision whose SHA-256 matches"),
	 PPREG_N_("HAS, synthèse « Partenariat en santé et patients partenaires », 28 May 2026 (guidance): « document de cadrage, pilotage "
	 "représentatif, évaluation, restitution »; evidence as note 2026-02-16 §4.1"),
	 PPREG_N_("Commit the document as a regular file under evidence/ and declare its path and its `sha256sum` digest.")},
};

/* No field is PPREG_REQUIRED: the core reports a missing required field as
 * an error, and a missing answer is no graver than a wrong one; the plugin
 * reports what is missing under its rules, as warnings. */
static const ppreg_field fields[] = {
	{"projects", PPREG_T_LIST, 0, NULL, "partnership.projects"},
	{"projects[]", PPREG_T_MAP, 0, NULL, NULL},
	{"projects[].id", PPREG_T_STRING, 0, NULL, "partnership.projects"},
	{"projects[].title", PPREG_T_STRING, 0, NULL, "partnership.projects"},
	{"projects[].status", PPREG_T_STRING, 0, NULL, "partnership.projects"},
	{"projects[].partners", PPREG_T_LIST, 0, NULL, "partnership.partners"},
	{"projects[].partners[]", PPREG_T_STRING, 0, NULL, NULL},
	{"projects[].co_decision", PPREG_T_MAP, 0, NULL, NULL},
	{"projects[].co_decision.shared_diagnosis", PPREG_T_MAP, 0, NULL, NULL},
	{"projects[].co_decision.shared_diagnosis.answer", PPREG_T_STRING, 0, NULL, "partnership.co-decision"},
	{"projects[].co_decision.shared_diagnosis.evidence", PPREG_T_MAP, 0, NULL, NULL},
	{"projects[].co_decision.shared_diagnosis.evidence.path", PPREG_T_STRING, 0, NULL, "partnership.evidence"},
	{"projects[].co_decision.shared_diagnosis.evidence.sha256", PPREG_T_STRING, 0, NULL, "partnership.evidence"},
	{"projects[].co_decision.steering", PPREG_T_MAP, 0, NULL, NULL},
	{"projects[].co_decision.steering.answer", PPREG_T_STRING, 0, NULL, "partnership.co-decision"},
	{"projects[].co_decision.steering.evidence", PPREG_T_MAP, 0, NULL, NULL},
	{"projects[].co_decision.steering.evidence.path", PPREG_T_STRING, 0, NULL, "partnership.evidence"},
	{"projects[].co_decision.steering.evidence.sha256", PPREG_T_STRING, 0, NULL, "partnership.evidence"},
	{"projects[].co_decision.deliberative_vote", PPREG_T_MAP, 0, NULL, NULL},
	{"projects[].co_decision.deliberative_vote.answer", PPREG_T_STRING, 0, NULL, "partnership.co-decision"},
	{"projects[].co_decision.deliberative_vote.evidence", PPREG_T_MAP, 0, NULL, NULL},
	{"projects[].co_decision.deliberative_vote.evidence.path", PPREG_T_STRING, 0, NULL, "partnership.evidence"},
	{"projects[].co_decision.deliberative_vote.evidence.sha256", PPREG_T_STRING, 0, NULL, "partnership.evidence"},
	{"projects[].co_decision.joint_minutes", PPREG_T_MAP, 0, NULL, NULL},
	{"projects[].co_decision.joint_minutes.answer", PPREG_T_STRING, 0, NULL, "partnership.co-decision"},
	{"projects[].co_decision.joint_minutes.evidence", PPREG_T_MAP, 0, NULL, NULL},
	{"projects[].co_decision.joint_minutes.evidence.path", PPREG_T_STRING, 0, NULL, "partnership.evidence"},
	{"projects[].co_decision.joint_minutes.evidence.sha256", PPREG_T_STRING, 0, NULL, "partnership.evidence"},
	{"projects[].co_conduct", PPREG_T_MAP, 0, NULL, NULL},
	{"projects[].co_conduct.roadmap", PPREG_T_MAP, 0, NULL, NULL},
	{"projects[].co_conduct.roadmap.answer", PPREG_T_STRING, 0, NULL, "partnership.co-conduct"},
	{"projects[].co_conduct.roadmap.evidence", PPREG_T_MAP, 0, NULL, NULL},
	{"projects[].co_conduct.roadmap.evidence.path", PPREG_T_STRING, 0, NULL, "partnership.evidence"},
	{"projects[].co_conduct.roadmap.evidence.sha256", PPREG_T_STRING, 0, NULL, "partnership.evidence"},
	{"projects[].co_conduct.co_led_actions", PPREG_T_MAP, 0, NULL, NULL},
	{"projects[].co_conduct.co_led_actions.answer", PPREG_T_STRING, 0, NULL, "partnership.co-conduct"},
	{"projects[].co_conduct.co_led_actions.evidence", PPREG_T_MAP, 0, NULL, NULL},
	{"projects[].co_conduct.co_led_actions.evidence.path", PPREG_T_STRING, 0, NULL, "partnership.evidence"},
	{"projects[].co_conduct.co_led_actions.evidence.sha256", PPREG_T_STRING, 0, NULL, "partnership.evidence"},
	{"projects[].co_evaluation", PPREG_T_MAP, 0, NULL, NULL},
	{"projects[].co_evaluation.joint_objectives", PPREG_T_MAP, 0, NULL, NULL},
	{"projects[].co_evaluation.joint_objectives.answer", PPREG_T_STRING, 0, NULL, "partnership.co-evaluation"},
	{"projects[].co_evaluation.joint_objectives.evidence", PPREG_T_MAP, 0, NULL, NULL},
	{"projects[].co_evaluation.joint_objectives.evidence.path", PPREG_T_STRING, 0, NULL, "partnership.evidence"},
	{"projects[].co_evaluation.joint_objectives.evidence.sha256", PPREG_T_STRING, 0, NULL, "partnership.evidence"},
	{"projects[].co_evaluation.joint_promotion", PPREG_T_MAP, 0, NULL, NULL},
	{"projects[].co_evaluation.joint_promotion.answer", PPREG_T_STRING, 0, NULL, "partnership.co-evaluation"},
	{"projects[].co_evaluation.joint_promotion.evidence", PPREG_T_MAP, 0, NULL, NULL},
	{"projects[].co_evaluation.joint_promotion.evidence.path", PPREG_T_STRING, 0, NULL, "partnership.evidence"},
	{"projects[].co_evaluation.joint_promotion.evidence.sha256", PPREG_T_STRING, 0, NULL, "partnership.evidence"},
	{"projects[].co_evaluation.results_returned", PPREG_T_MAP, 0, NULL, NULL},
	{"projects[].co_evaluation.results_returned.answer", PPREG_T_STRING, 0, NULL, "partnership.co-evaluation"},
	{"projects[].co_evaluation.results_returned.evidence", PPREG_T_MAP, 0, NULL, NULL},
	{"projects[].co_evaluation.results_returned.evidence.path", PPREG_T_STRING, 0, NULL, "partnership.evidence"},
	{"projects[].co_evaluation.results_returned.evidence.sha256", PPREG_T_STRING, 0, NULL, "partnership.evidence"},
};

static const ppreg_schema schemas[] = {{"partnership.yaml", fields, sizeof fields / sizeof *fields}};

/* The policy's `checklist`: item keys, each known and named once. */
static int load_checklist(ppreg_check *c, pship_params *p)
{
	const ppreg_node *list = ppreg_list(c, c->api->get(c->params, "checklist"));
	if (!list)
		return c->api->fail(c, ppreg_tr(c, "policy: partnership.params.checklist must be a list of checklist items"));
	for (size_t i = 0; i < c->api->count(list); i++) {
		const char *s = ppreg_text(c, c->api->item(list, i));
		size_t k = 0;
		while (s && k < PSHIP_N_ITEMS && strcmp(s, pship_items[k].key))
			k++;
		if (!s || k == PSHIP_N_ITEMS || p->asked[k])
			return c->api->fail(c, ppreg_tr(c, "policy: partnership.params.checklist names an unknown item, or one twice "
			                    "(shared_diagnosis, steering, deliberative_vote, joint_minutes, roadmap, "
			                    "co_led_actions, joint_objectives, joint_promotion, results_returned)"));
		p->asked[k] = 1;
	}
	return 0;
}

/* The policy's parameters. A missing or malformed one stops the run (exit
 * 2): judging with a guessed value would make verdicts nobody decided. */
static int load_params(ppreg_check *c, void *state)
{
	pship_params *p = state;
	if (c->api->integer(c->api->get(c->params, "min_partners"), &p->min_partners) != PPREG_OK ||
	    p->min_partners < 1 || p->min_partners > 1000)
		return c->api->fail(c, ppreg_tr(c, "policy: partnership.params.min_partners must be an integer from 1 to 1000"));
	return load_checklist(c, p);
}

/* Whether one of the first `before` items of `list` is the string `s`. */
static int named_before(const ppreg_check *c, const ppreg_node *list, size_t before, const char *s)
{
	for (size_t j = 0; j < before; j++) {
		const char *t = ppreg_text(c, c->api->item(list, j));
		if (t && !strcmp(t, s))
			return 1;
	}
	return 0;
}

/* Whether charter.yaml holds an active commitment of `partner`. */
static int is_active_partner(ppreg_check *c, const char *partner)
{
	const ppreg_node *list = ppreg_list(c, c->api->get(c->api->file(c, "charter.yaml"), "commitments"));
	for (size_t i = 0; i < c->api->count(list); i++) {
		const ppreg_node *cm = c->api->item(list, i);
		const char *who = ppreg_text(c, c->api->get(cm, "partner"));
		const char *status = ppreg_text(c, c->api->get(cm, "status"));
		if (who && status && !strcmp(who, partner) && !strcmp(status, "active"))
			return 1;
	}
	return 0;
}

/* The project's partners: active in charter.yaml, named once, as many as
 * the policy asks. A charter that did not parse names nobody: its own
 * findings say why, and this rule stays silent. */
static void check_partners(ppreg_check *c, const ppreg_node *project, const pship_params *p)
{
	const ppreg_node *list = ppreg_list(c, c->api->get(project, "partners"));
	int charter = c->api->file(c, "charter.yaml") != NULL;
	long long distinct = 0;
	if (c->api->kind(c->api->get(project, "partners")) == PPREG_NODE_NULL)
		ppreg_reportf(c, "partnership.partners", project, "a project without partners (the pseudonyms of its patient "
		              "partners)");
	if (!list)
		return; /* missing, or mistyped: reported by the core */
	for (size_t i = 0; i < c->api->count(list); i++) {
		const ppreg_node *n = c->api->item(list, i);
		const char *who = ppreg_text(c, n);
		if (!who)
			continue; /* mistyped: reported by the core */
		if (named_before(c, list, i, who)) {
			ppreg_reportf(c, "partnership.partners", n, "a partner is named twice");
			continue;
		}
		distinct++;
		if (charter && !is_active_partner(c, who))
			ppreg_reportf(c, "partnership.partners", n, "%s has no active commitment in charter.yaml",
			              text_echo_safe(who) ? who : ppreg_tr(c, "this partner"));
	}
	if (distinct < p->min_partners)
		ppreg_reportf(c, "partnership.partners", list, "patient partners involved: %lld, fewer than the %lld the "
		              "policy asks (HAS checklist: are at least 2 patient partners involved?)", distinct,
		              p->min_partners);
}

/* One project: an id of its own, a title, a status. */
static void check_project(ppreg_check *c, const ppreg_node *projects, size_t i)
{
	const ppreg_api *api = c->api;
	const ppreg_node *project = api->item(projects, i), *idn = api->get(project, "id");
	const ppreg_node *sn = api->get(project, "status");
	const char *id = ppreg_text(c, idn), *status = ppreg_text(c, sn);
	static const char *const keys[] = {"id", "title", "status"};
	for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
		if (api->kind(api->get(project, keys[k])) == PPREG_NODE_NULL)
			ppreg_reportf(c, "partnership.projects", project, "a project without %s", keys[k]);
	ppreg_require_text(c, "partnership.projects", project, "id");
	ppreg_require_text(c, "partnership.projects", project, "title");
	for (size_t j = 0; id && !ppreg_blank(id) && j < i; j++) {
		const char *other = ppreg_text(c, api->get(api->item(projects, j), "id"));
		if (other && !strcmp(other, id)) {
			ppreg_reportf(c, "partnership.projects", idn, "project id '%.80s' is declared twice", id);
			break;
		}
	}
	if (status && !ppreg_one_of(status, PSHIP_STATUSES))
		ppreg_reportf(c, "partnership.projects", sn, "status '%.40s' is not ongoing or completed", status);
}

/* The file is optional: its absence is this plugin's finding. A file that
 * is there but could not be read is the core's (core.yaml-syntax,
 * core.tree-entry...). */
static void check_declared(ppreg_check *c)
{
	char hex[65];
	/* at the file's place, as core.missing-file says of a required one */
	if (c->api->file_sha256(c, "partnership.yaml", hex) == PPREG_ABSENT)
		c->api->report_at(c, "partnership.declared", PPREG_SEV_DEFAULT, "partnership.yaml", 1, 1,
		                  ppreg_tr(c, "no partnership.yaml: the service declares no partnership project with its "
		                              "patient partners (HAS synthesis of 28 May 2026)"));
}

static int setup(ppreg_check *c, void **state)
{
	return ppreg_setup_state(c, state, sizeof(pship_params), load_params, free);
}

static int judge(ppreg_check *c, const void *state)
{
	const pship_params *p = state;
	const ppreg_node *root = c->api->file(c, "partnership.yaml");
	const ppreg_node *projects = ppreg_list(c, c->api->get(root, "projects"));
	if (!root) {
		check_declared(c);
		return 0;
	}
	if (c->api->kind(c->api->get(root, "projects")) == PPREG_NODE_NULL)
		ppreg_reportf(c, "partnership.projects", root, "partnership.yaml lists no projects (projects)");
	if (projects && c->api->count(projects) == 0)
		ppreg_reportf(c, "partnership.projects", projects, "no project is listed");
	for (size_t i = 0; i < c->api->count(projects); i++) {
		const ppreg_node *project = c->api->item(projects, i);
		if (c->api->kind(project) != PPREG_NODE_MAP)
			continue; /* reported by the core */
		check_project(c, projects, i);
		check_partners(c, project, p);
		if (pship_check_checklist(c, project, p) < 0)
			return -1;
	}
	return 0;
}

/* A platform may lack partnership.yaml: partnership.declared says so. */
static const char *const optional[] = {"partnership.yaml", NULL};

PPREG_DEFINE_PLUGIN_OPTIONAL("partnership", "1.0.0",
                             "partnership: projects run with patient partners, by the HAS checklist (HAS synthesis of "
                             "28 May 2026)",
                             rules, schemas, optional, setup, judge, free); /* the state holds no pointer */
