/*
 * training.c - the training course specification (note of 2026-02-16, §4.1:
 * courses for patient partners are uneven and need a "cahier des charges";
 * HAS: joint training). Each declared course must meet the policy's
 * specification (hours, topics, co-delivery, assessment), and every active
 * partner of charter.yaml must hold a certification from such a course.
 */
#include "ppreg/plugin.h"

#include <stdlib.h>
#include <string.h>

#define R_HOURS "training.course-hours"
#define R_MODULES "training.required-modules"
#define R_CODELIVERY "training.co-delivery"
#define R_ASSESSMENT "training.assessment"
#define R_CERTIFIED "training.partner-certified"

#define SOURCE "CSP L.1191-4 (draft): cahier des charges; note 2026-02-16 §4.1; HAS 2026-05-28 (formation commune)"

static const ppreg_rule rules[] = {
	{R_HOURS, PPREG_SEV_ERROR, "each course has a provider and at least the policy's hours; module hours add up to no more than the total",
	 SOURCE, "Declare the provider and the course's total hours (model: 40 at least), no fewer than its modules' sum."},
	{R_MODULES, PPREG_SEV_ERROR, "each course covers every required topic for at least its minimum hours",
	 SOURCE, "Add the missing topics with their hours (see the policy's training.params.required_topics)."},
	{R_CODELIVERY, PPREG_SEV_ERROR, "each course is taught by at least one patient partner and one professional",
	 SOURCE, "Declare trainers.patient_partners and trainers.professionals, at least 1 each."},
	{R_ASSESSMENT, PPREG_SEV_ERROR, "each course says how learners are assessed",
	 SOURCE, "Describe the assessment (e.g. written work and oral defence before a mixed jury)."},
	{R_CERTIFIED, PPREG_SEV_ERROR, "every active partner holds a certification from a declared course that meets the specification, obtained by the as-of date",
	 SOURCE, "Record each active partner's certification: partner, course id, obtained_on."},
};

static const ppreg_field fields[] = {
	{"courses", PPREG_T_LIST, PPREG_REQUIRED, NULL, R_HOURS},
	{"courses[]", PPREG_T_MAP, 0, NULL, NULL},
	{"courses[].id", PPREG_T_STRING, PPREG_REQUIRED, NULL, NULL},
	{"courses[].title", PPREG_T_STRING, PPREG_REQUIRED, NULL, NULL},
	{"courses[].provider", PPREG_T_MAP, PPREG_REQUIRED, NULL, R_HOURS},
	{"courses[].provider.name", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_HOURS},
	{"courses[].provider.kind", PPREG_T_STRING, 0, NULL, NULL},
	{"courses[].hours", PPREG_T_NUMBER, PPREG_REQUIRED, NULL, R_HOURS},
	{"courses[].modules", PPREG_T_LIST, PPREG_REQUIRED, NULL, R_MODULES},
	{"courses[].modules[]", PPREG_T_MAP, 0, NULL, NULL},
	{"courses[].modules[].topic", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_MODULES},
	{"courses[].modules[].hours", PPREG_T_NUMBER, PPREG_REQUIRED, NULL, R_MODULES},
	{"courses[].trainers", PPREG_T_MAP, PPREG_REQUIRED, NULL, R_CODELIVERY},
	{"courses[].trainers.patient_partners", PPREG_T_INT, PPREG_REQUIRED, NULL, R_CODELIVERY},
	{"courses[].trainers.professionals", PPREG_T_INT, PPREG_REQUIRED, NULL, R_CODELIVERY},
	{"courses[].assessment", PPREG_T_ANY, PPREG_REQUIRED, NULL, R_ASSESSMENT},
	{"certifications", PPREG_T_LIST, PPREG_REQUIRED, NULL, R_CERTIFIED},
	{"certifications[]", PPREG_T_MAP, 0, NULL, NULL},
	{"certifications[].partner", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_CERTIFIED},
	{"certifications[].course", PPREG_T_STRING, PPREG_REQUIRED, NULL, R_CERTIFIED},
	{"certifications[].obtained_on", PPREG_T_DATE, PPREG_REQUIRED, NULL, R_CERTIFIED},
};

static const ppreg_schema schemas[] = {{"training.yaml", fields, sizeof fields / sizeof *fields}};

static double number(const ppreg_check *c, const ppreg_node *n, double fallback)
{
	double v;
	return c->api->number(n, &v) == PPREG_OK ? v : fallback;
}

/* Each check returns 1 when the course meets that part of the specification. */
static int check_hours(ppreg_check *c, const ppreg_node *course)
{
	const ppreg_api *api = c->api;
	const ppreg_node *hn = api->get(course, "hours"), *modules = api->get(course, "modules");
	double hours, min = number(c, api->get(c->params, "min_course_hours"), 0), sum = 0;
	int ok = api->kind(api->get(course, "provider.name")) != PPREG_NODE_NULL;
	if (api->number(hn, &hours) != PPREG_OK)
		return 0;
	if (hours < min) {
		ppreg_reportf(c, R_HOURS, hn, "%g hours, fewer than the %g the specification requires", hours, min);
		ok = 0;
	}
	for (size_t i = 0; i < api->count(modules); i++)
		sum += number(c, api->get(api->item(modules, i), "hours"), 0);
	if (sum > hours) {
		ppreg_reportf(c, R_HOURS, hn, "the modules add up to %g hours, more than the course's %g", sum, hours);
		ok = 0;
	}
	return ok;
}

static int check_modules(ppreg_check *c, const ppreg_node *course)
{
	const ppreg_api *api = c->api;
	const ppreg_node *topics = api->get(c->params, "required_topics");
	const ppreg_node *modules = api->get(course, "modules");
	int ok = api->kind(modules) == PPREG_NODE_LIST;
	for (size_t t = 0; ok >= 0 && t < api->count(topics); t++) {
		const char *topic = api->key(topics, t);
		double need = number(c, api->item(topics, t), 0), have = 0;
		for (size_t i = 0; i < api->count(modules); i++) {
			const ppreg_node *m = api->item(modules, i);
			const char *name = ppreg_text(c, api->get(m, "topic"));
			if (name && !strcmp(name, topic))
				have += number(c, api->get(m, "hours"), 0);
		}
		if (have < need && api->kind(modules) == PPREG_NODE_LIST) {
			if (have == 0)
				ppreg_reportf(c, R_MODULES, modules, "the topic %s is not covered (%g hours required)", topic, need);
			else
				ppreg_reportf(c, R_MODULES, modules, "the topic %s has %g hours, %g required", topic, have, need);
			ok = 0;
		}
	}
	return ok;
}

static int check_trainers(ppreg_check *c, const ppreg_node *course)
{
	static const char *kinds[] = {"patient_partners", "professionals"};
	const ppreg_api *api = c->api;
	int ok = 1;
	for (size_t i = 0; i < 2; i++) {
		const ppreg_node *n = api->get(api->get(course, "trainers"), kinds[i]);
		long long have, need;
		if (api->integer(api->get(api->get(c->params, "min_trainers"), kinds[i]), &need) != PPREG_OK)
			need = 1;
		if (api->integer(n, &have) != PPREG_OK)
			ok = 0;
		else if (have < need) {
			ppreg_reportf(c, R_CODELIVERY, n, "%lld %s among the trainers, at least %lld required",
			              have, kinds[i], need);
			ok = 0;
		}
	}
	return ok;
}

static int check_assessment(ppreg_check *c, const ppreg_node *course)
{
	const ppreg_node *n = c->api->get(course, "assessment");
	const char *s = ppreg_text(c, n);
	if (c->api->kind(n) == PPREG_NODE_NULL)
		return 0; /* missing: the core reported it under this rule */
	if (!s || strspn(s, " \t") == strlen(s)) {
		ppreg_reportf(c, R_ASSESSMENT, n, "the assessment must be described in words");
		return 0;
	}
	return 1;
}

/* Is `partner` certified by a course of `good` (ids of courses meeting the
 * specification), by the as-of date? Unknown courses are reported here. */
static int certified(ppreg_check *c, const ppreg_node *certs, const char *partner,
                     const char *const *good, size_t n_good)
{
	const ppreg_api *api = c->api;
	for (size_t i = 0; i < api->count(certs); i++) {
		const ppreg_node *cert = api->item(certs, i);
		const char *who = ppreg_text(c, api->get(cert, "partner"));
		const char *course = ppreg_text(c, api->get(cert, "course"));
		ppreg_date when;
		if (!who || strcmp(who, partner) || !course)
			continue;
		if (api->date(api->get(cert, "obtained_on"), &when) != PPREG_OK || api->date_cmp(when, c->as_of) > 0)
			continue;
		for (size_t k = 0; k < n_good; k++)
			if (good[k] && !strcmp(good[k], course))
				return 1;
	}
	return 0;
}

static void check_certifications(ppreg_check *c, const ppreg_node *root, const char *const *good,
                                 const char *const *declared, size_t n_courses)
{
	const ppreg_api *api = c->api;
	const ppreg_node *certs = api->get(root, "certifications");
	for (size_t i = 0; i < api->count(certs); i++) {
		const ppreg_node *cert = api->item(certs, i), *cn = api->get(cert, "course"), *dn = api->get(cert, "obtained_on");
		const char *course = ppreg_text(c, cn);
		ppreg_date when;
		int known = 0;
		for (size_t k = 0; course && k < n_courses; k++)
			known |= declared[k] && !strcmp(declared[k], course);
		if (course && !known)
			ppreg_reportf(c, R_CERTIFIED, cn, "certification from '%s', a course this file does not declare", course);
		if (api->date(dn, &when) == PPREG_OK && api->date_cmp(when, c->as_of) > 0)
			ppreg_reportf(c, R_CERTIFIED, dn, "certification obtained after the as-of date");
	}
	const ppreg_node *commitments = api->get(api->file(c, "charter.yaml"), "commitments");
	for (size_t i = 0; i < api->count(commitments); i++) {
		const ppreg_node *k = api->item(commitments, i);
		const char *status = ppreg_text(c, api->get(k, "status"));
		const char *partner = ppreg_text(c, api->get(k, "partner"));
		if (partner && status && !strcmp(status, "active") && !certified(c, certs, partner, good, n_courses))
			ppreg_reportf(c, R_CERTIFIED, api->kind(certs) == PPREG_NODE_LIST ? certs : root,
			              "active partner %.40s holds no certification from a course meeting the specification",
			              partner);
	}
}

static int check(ppreg_check *c)
{
	const ppreg_api *api = c->api;
	if (api->kind(api->get(c->params, "required_topics")) != PPREG_NODE_MAP ||
	    api->kind(api->get(c->params, "min_course_hours")) == PPREG_NODE_NULL)
		return api->fail(c, "policy: training.params needs min_course_hours and required_topics");
	const ppreg_node *root = api->file(c, "training.yaml");
	if (!root)
		return 0;
	const ppreg_node *courses = api->get(root, "courses");
	size_t n = api->count(courses);
	const char **good = calloc(n ? n : 1, sizeof *good), **declared = calloc(n ? n : 1, sizeof *declared);
	if (!good || !declared) {
		free(good);
		free(declared);
		return api->fail(c, "out of memory");
	}
	for (size_t i = 0; i < n; i++) {
		const ppreg_node *course = api->item(courses, i);
		int ok = check_hours(c, course);
		ok &= check_modules(c, course);
		ok &= check_trainers(c, course);
		ok &= check_assessment(c, course);
		declared[i] = ppreg_text(c, api->get(course, "id"));
		good[i] = ok ? declared[i] : NULL;
	}
	check_certifications(c, root, good, declared, n);
	free(good);
	free(declared);
	return 0;
}

static const ppreg_plugin plugin = {
	PPREG_ABI_VERSION, sizeof(ppreg_plugin), "training", "1.0.0",
	"training: the course specification and the partners who hold it (note §4.1)",
	rules, sizeof rules / sizeof *rules, schemas, 1, check,
};

PPREG_EXPORT const ppreg_plugin *ppreg_plugin_entry(unsigned core_abi)
{
	(void)core_abi;
	return &plugin;
}
