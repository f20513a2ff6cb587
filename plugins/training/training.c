/*
 * training.c - the training course specification (note of 2026-02-16, §4.1
 * "Des formations parfois incertaines": a "cahier des charges" for courses
 * of patient partners; draft L.1191-4 CSP; HAS synthesis of 2026-05-28:
 * joint training). Each course a platform declares must meet the policy's
 * specification (hours, topics, co-delivery, assessment: courses.c), and
 * every active partner of charter.yaml must hold a certification from such
 * a course (certifications.c).
 *
 * This file holds the descriptor (rules and the schema of training.yaml),
 * reads and checks the policy's numbers, and runs the checks.
 */
#include "training.h"

#include <stdlib.h>
#include <string.h>

#define SOURCE_SPEC "CSP L.1191-4 (draft): cahier des charges; note 2026-02-16 §4.1: cahier des charges des formations"

static const ppreg_rule rules[] = {
	{"training.course-hours", PPREG_SEV_ERROR,
	 "each course has a provider and at least the policy's minimum hours; its modules add up to no more than its total",
	 SOURCE_SPEC,
	 "Name the course's provider and declare its real total hours (model: 40 at least), no fewer than the sum of "
	 "its modules' hours; a course below the minimum cannot certify partners."},
	{"training.required-modules", PPREG_SEV_ERROR,
	 "each course covers every topic the policy requires, each for at least its minimum hours",
	 SOURCE_SPEC " (principes du partenariat, biais populationnels); HAS 2026-05-28: quatre domaines, "
	 "point 7 (confidentialité, secret, neutralité)",
	 "Add a module for each missing or short topic (model: partnership-principles 6 h, experiential-knowledge 6, "
	 "intervention-domains 8, confidentiality-secrecy 3, ethics-neutrality 3, role-boundaries 3, "
	 "social-vulnerability-bias 3)."},
	{"training.co-delivery", PPREG_SEV_ERROR,
	 "each course is taught by at least the policy's number of patient partners and of professionals",
	 "HAS 2026-05-28: formation conjointe, formation en équipe; " SOURCE_SPEC,
	 "Have the course co-taught: declare trainers.patient_partners and trainers.professionals, "
	 "at least 1 each in the model policy."},
	{"training.assessment", PPREG_SEV_ERROR,
	 "each course says how learners are assessed",
	 SOURCE_SPEC " (acquisitions de connaissances vérifiables)",
	 "Describe the assessment in words (e.g. written thesis and oral defence before a mixed jury)."},
	{"training.partner-certified", PPREG_SEV_ERROR,
	 "every active partner of charter.yaml holds a certification from a declared course that meets the "
	 "specification, obtained on or before the as-of date",
	 "note 2026-02-16 §4.1: transparence sur les formations reçues et les certifications obtenues; "
	 "CSP L.1191-4 (draft)",
	 "Record each active partner's certification {partner, course, obtained_on} from a course of this file that "
	 "meets the specification, or withdraw the partner until certified."},
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
};

static const ppreg_schema schemas[] = {{"training.yaml", fields, sizeof fields / sizeof *fields}};

static int load_trainers(ppreg_check *c, training_policy *pol)
{
	const ppreg_node *t = c->api->get(c->params, "min_trainers");
	if (c->api->integer(c->api->get(t, "patient_partners"), &pol->min_patient_partners) != PPREG_OK ||
	    c->api->integer(c->api->get(t, "professionals"), &pol->min_professionals) != PPREG_OK ||
	    pol->min_patient_partners < 0 || pol->min_professionals < 0)
		return c->api->fail(c, "policy: training.params.min_trainers needs patient_partners and professionals, "
		                       "integers >= 0");
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
		return api->fail(c, "policy: training.params.min_course_hours must be a number >= 0");
	pol->topics = api->get(c->params, "required_topics");
	if (api->kind(pol->topics) != PPREG_NODE_MAP)
		return api->fail(c, "policy: training.params.required_topics must map each topic to its minimum hours");
	for (size_t i = 0; i < api->count(pol->topics); i++)
		if (!api->key(pol->topics, i) || api->number(api->item(pol->topics, i), &v) != PPREG_OK || v < 0)
			return api->fail(c, "policy: training.params.required_topics values must be numbers of hours >= 0");
	return load_trainers(c, pol);
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
		return api->fail(c, "out of memory");
	for (size_t i = 0; i < n; i++)
		meets[i] = (unsigned char)training_check_course(c, pol, api->item(courses, i));
	int rc = training_check_certifications(c, root, n ? courses : NULL, meets);
	free(meets);
	return rc;
}

PPREG_DEFINE_PLUGIN("training", "1.0.0",
                    "training: the course specification and the partners who hold it (note 2026-02-16 §4.1, draft L.1191-4 CSP)",
                    rules, schemas, setup, judge, free); /* the state holds no pointer of its own */
