/*
 * training.c - the training course specification (note of 2026-02-16, §4.1
 * "Des formations parfois incertaines": a "cahier des charges" for courses
 * of patient partners; draft L.1191-4 CSP; HAS synthesis of 2026-05-28:
 * joint training). Each course a platform declares must meet the policy's
 * specification (hours, topics, co-delivery, assessment: courses.c), and
 * every active partner of charter.yaml must hold a certification from such
 * a course (certifications.c); from fr-model 2026.2, with as many hours as
 * the domains of its missions ask, and the service says how partners get
 * funded training (missions.c).
 *
 * This file holds the descriptor (rules and the schema of training.yaml),
 * reads and checks the policy's numbers, and runs the checks.
 */
#include "training.h"

#include <stdlib.h>
#include <string.h>

static const ppreg_rule rules[] = {
	{"training.course-hours", PPREG_SEV_ERROR,
	 PPREG_N_("each course has a provider and at least the policy's minimum hours; its modules add up to no more than its total"),
	 PPREG_N_("model policy (40 hours), derived from note 2026-02-16 §4.1: « Un cahier des charges de tels enseignements [...] est devenu indispensable »; CSP L.1191-4 (draft): « Ils respectent un cahier des charges »"),
	 PPREG_N_("Name the course's provider and declare its real total hours (model: 40 at least), no fewer than the sum of "
	 "its modules' hours; a course below the minimum cannot certify partners.")},
	{"training.required-modules", PPREG_SEV_ERROR,
	 PPREG_N_("each course covers every topic the policy requires, each for at least its minimum hours"),
	 PPREG_N_("model policy (topics and hours), derived from note 2026-02-16 §4.1: « Un cahier des charges de tels enseignements [...] est devenu indispensable »; CSP L.1191-4 (draft): « Ils respectent un cahier des charges » (« les principes du partenariat en santé et les "
	 "modalités d'exercice des patients-partenaires », biais populationnels); HAS 2026-05-28: quatre domaines, "
	 "point 7 (confidentialité, secret, neutralité)"),
	 PPREG_N_("Add a module for each missing or short topic (model: partnership-principles 6 h, experiential-knowledge 6, "
	 "intervention-domains 8, confidentiality-secrecy 3, ethics-neutrality 3, role-boundaries 3, "
	 "social-vulnerability-bias 3).")},
	{"training.co-delivery", PPREG_SEV_ERROR,
	 PPREG_N_("each course is taught by at least the policy's number of patient partners and of professionals"),
	 PPREG_N_("model policy (1 and 1), derived from HAS 2026-05-28: formation conjointe, formation en équipe; note 2026-02-16 §4.1: « Un cahier des charges de tels enseignements [...] est devenu indispensable »; CSP L.1191-4 (draft): « Ils respectent un cahier des charges »"),
	 PPREG_N_("Have the course co-taught: declare trainers.patient_partners and trainers.professionals, "
	 "at least 1 each in the model policy.")},
	{"training.assessment", PPREG_SEV_ERROR,
	 PPREG_N_("each course says how learners are assessed"),
	 PPREG_N_("model policy, derived from note 2026-02-16 §4.1: « Un cahier des charges de tels enseignements [...] est devenu indispensable »; CSP L.1191-4 (draft): « Ils respectent un cahier des charges » (« acquisitions de connaissances spécifiques »)"),
	 PPREG_N_("Describe the assessment in words (e.g. written thesis and oral defence before a mixed jury).")},
	{"training.partner-certified", PPREG_SEV_ERROR,
	 PPREG_N_("every active partner of charter.yaml holds a certification from a declared course that meets the "
	 "specification, obtained on or before the as-of date; with hours_by_domain, such courses give it the hours "
	 "the domains of its missions ask"),
	 PPREG_N_("model policy, derived from note 2026-02-16 §4.1: « transparence sur les formations reçues, les certifications "
	 "obtenues », and CSP L.1191-3 (draft): formation « correspondant à leurs missions telles qu'elles figurent dans "
	 "leur déclaration d'engagement »"),
	 PPREG_N_("Record each active partner's certification {partner, course, obtained_on} from a course of this file that "
	 "meets the specification, with enough hours for the domains of its missions (model: care-pathways 60, "
	 "education 50, care-offer and research 40), or withdraw the partner until certified.")},
	{"training.funding-access", PPREG_SEV_WARNING,
	 PPREG_N_("with funding_statuses and such partners: the service says how they obtain funded training or conferences on request"),
	 PPREG_N_("CSP L.1191-3 (draft): « Sur leur demande les patients-partenaires bénévoles ou volontaires peuvent se voir "
	 "reconnaître [...] la possibilité d'accéder au financement d'une formation ou de participation à des colloques "
	 "correspondant à leurs missions »"),
	 PPREG_N_("Declare funded_training: {on_request: true, how_to_request: <how a partner asks and who decides>}.")},
};

static const ppreg_field fields[] = {
	{"courses", PPREG_T_LIST, PPREG_REQUIRED, NULL, "training.course-hours"},
	{"courses[]", PPREG_T_MAP, 0, NULL, NULL},
	{"courses[].id", PPREG_T_STRING, PPREG_REQUIRED, NULL, NULL},
	{"courses[].title", PPREG_T_STRING, PPREG_REQUIRED, NULL, NULL},
	{"courses[].provider", PPREG_T_MAP, PPREG_REQUIRED, NULL, "training.course-hours"},
	{"courses[].provider.name", PPREG_T_STRING, PPREG_REQUIRED, NULL, "training.course-hours"},
	{"courses[].provider.kind", PPREG_T_STRING, 0, NULL, NULL},
	{"courses[].hours", PPREG_T_NUMBER, PPREG_REQUIRED, NULL, "training.course-hours"},
	{"courses[].modules", PPREG_T_LIST, PPREG_REQUIRED, NULL, "training.required-modules"},
	{"courses[].modules[]", PPREG_T_MAP, 0, NULL, NULL},
	{"courses[].modules[].topic", PPREG_T_STRING, PPREG_REQUIRED, NULL, "training.required-modules"},
	{"courses[].modules[].hours", PPREG_T_NUMBER, PPREG_REQUIRED, NULL, "training.required-modules"},
	{"courses[].trainers", PPREG_T_MAP, PPREG_REQUIRED, NULL, "training.co-delivery"},
	{"courses[].trainers.patient_partners", PPREG_T_INT, PPREG_REQUIRED, NULL, "training.co-delivery"},
	{"courses[].trainers.professionals", PPREG_T_INT, PPREG_REQUIRED, NULL, "training.co-delivery"},
	{"courses[].assessment", PPREG_T_STRING, PPREG_REQUIRED, NULL, "training.assessment"},
	{"certifications", PPREG_T_LIST, PPREG_REQUIRED, NULL, "training.partner-certified"},
	{"certifications[]", PPREG_T_MAP, 0, NULL, NULL},
	{"certifications[].partner", PPREG_T_STRING, PPREG_REQUIRED, NULL, "training.partner-certified"},
	{"certifications[].course", PPREG_T_STRING, PPREG_REQUIRED, NULL, "training.partner-certified"},
	{"certifications[].obtained_on", PPREG_T_DATE, PPREG_REQUIRED, NULL, "training.partner-certified"},
	/* A field of later policies, read by its rule only when the policy
	 * switches it on (missions.c): any value here, so that under a policy
	 * that does not read it, it weighs nothing. */
	{"funded_training", PPREG_T_ANY, 0, NULL, NULL},
};

static const ppreg_schema schemas[] = {{"training.yaml", fields, sizeof fields / sizeof *fields}};

static int load_trainers(ppreg_check *c, training_policy *pol)
{
	const ppreg_node *t = c->api->get(c->params, "min_trainers");
	if (c->api->integer(c->api->get(t, "patient_partners"), &pol->min_patient_partners) != PPREG_OK ||
	    c->api->integer(c->api->get(t, "professionals"), &pol->min_professionals) != PPREG_OK ||
	    pol->min_patient_partners < 0 || pol->min_professionals < 0)
		return c->api->fail(c, ppreg_tr(c, "policy: training.params.min_trainers needs patient_partners and professionals, "
		                       "integers >= 0"));
	return 0;
}

/* The parameters 2026.2 added (docs/plugins/training.md): each absent one
 * keeps the 2026.1 reading. */
static int load_later_params(ppreg_check *c, training_policy *pol)
{
	const ppreg_api *api = c->api;
	const ppreg_node *hours = api->get(c->params, "hours_by_domain"), *statuses = api->get(c->params, "funding_statuses");
	double v;
	if (hours && api->kind(hours) != PPREG_NODE_MAP)
		return api->fail(c, ppreg_tr(c, "policy: training.params.hours_by_domain must map each domain to the hours a partner "
		                    "with missions in it needs"));
	for (size_t i = 0; hours && i < api->count(hours); i++)
		if (!api->key(hours, i) || api->number(api->item(hours, i), &v) != PPREG_OK || v < 0)
			return api->fail(c, ppreg_tr(c, "policy: training.params.hours_by_domain values must be numbers of hours >= 0"));
	if (statuses && api->kind(statuses) != PPREG_NODE_LIST)
		return api->fail(c, ppreg_tr(c, "policy: training.params.funding_statuses must be a list of partner statuses"));
	for (size_t i = 0; statuses && i < api->count(statuses); i++) {
		const char *s = ppreg_text(c, api->item(statuses, i));
		if (!s || !ppreg_one_of(s, "salaried|volunteer|benevolent"))
			return api->fail(c, ppreg_tr(c, "policy: training.params.funding_statuses lists salaried, volunteer or benevolent"));
	}
	pol->hours_by_domain = hours;
	pol->funding_statuses = statuses;
	return 0;
}

/* Reads and checks the whole `params` block: a missing or malformed number
 * stops the run (exit 2) rather than judging against a guess. */
static int load_params(ppreg_check *c, void *state)
{
	training_policy *pol = state;
	const ppreg_api *api = c->api;
	double v;
	memset(pol, 0, sizeof *pol);
	if (api->number(api->get(c->params, "min_course_hours"), &pol->min_hours) != PPREG_OK || pol->min_hours < 0)
		return api->fail(c, ppreg_tr(c, "policy: training.params.min_course_hours must be a number >= 0"));
	pol->topics = api->get(c->params, "required_topics");
	if (api->kind(pol->topics) != PPREG_NODE_MAP)
		return api->fail(c, ppreg_tr(c, "policy: training.params.required_topics must map each topic to its minimum hours"));
	for (size_t i = 0; i < api->count(pol->topics); i++)
		if (!api->key(pol->topics, i) || api->number(api->item(pol->topics, i), &v) != PPREG_OK || v < 0)
			return api->fail(c, ppreg_tr(c, "policy: training.params.required_topics values must be numbers of hours >= 0"));
	if (load_trainers(c, pol) < 0)
		return -1;
	return load_later_params(c, pol);
}

/* The policy's parameters are judged once, before any platform, so a
 * broken policy stops the run even when no platform is judged; kept for
 * the run, they are not read again for each platform. */
static int setup(ppreg_check *c, void **state)
{
	return ppreg_setup_state(c, state, sizeof(training_policy), load_params, free);
}

static int judge(ppreg_check *c, const void *state)
{
	const ppreg_api *api = c->api;
	const training_policy *pol = state;
	const ppreg_node *root = api->file(c, "training.yaml");
	if (!root)
		return 0; /* missing or unreadable: the core reported it */
	const ppreg_node *courses = api->get(root, "courses");
	size_t n = api->kind(courses) == PPREG_NODE_LIST ? api->count(courses) : 0;
	unsigned char *meets = calloc(n ? n : 1, 1);
	if (!meets)
		return api->fail(c, ppreg_tr(c, "out of memory"));
	for (size_t i = 0; i < n; i++)
		meets[i] = (unsigned char)training_check_course(c, pol, api->item(courses, i));
	int rc = training_check_certifications(c, pol, root, n ? courses : NULL, meets);
	free(meets);
	if (rc == 0 && pol->funding_statuses)
		training_check_funding(c, pol, root);
	return rc;
}

PPREG_DEFINE_PLUGIN("training", "1.1.0",
                    PPREG_N_("training: the course specification and the partners who hold it (note 2026-02-16 §4.1, draft L.1191-4 CSP)"),
                    rules, schemas, setup, judge, free); /* the state holds no pointer of its own */
