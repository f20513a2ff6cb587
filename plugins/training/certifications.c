/*
 * certifications.c - training.partner-certified: every active partner of
 * charter.yaml holds a certification {partner, course, obtained_on} from a
 * course of training.yaml that meets the specification, obtained on or
 * before the as-of date.
 *
 * Findings, each at its own line:
 *   - a certification naming a course this file does not declare (at its
 *     course) or obtained after the as-of date (at its date), whoever holds it;
 *   - an active partner with no certification at all (at `certifications`);
 *   - an active partner whose certifications come only from courses that do
 *     not meet the specification (at the first such certification's course).
 * A partner whose only certifications were already reported for the two
 * first reasons is not reported again. A partner or course id is repeated
 * in a message only when it cannot be personal data (looks_pseudonymous,
 * text_echo_safe): charter.pseudonymous reports such values without
 * repeating them, and this rule must not undo that.
 *
 * Courses and certifications are sorted once and searched, so a hostile
 * file with thousands of partners costs O(n log n), not O(n^2).
 */
#include "training.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	const char *id;
	unsigned char meets;
	double hours;     /* its declared hours, read when it meets the specification */
	size_t counted;   /* the last partner (1-based) whose hours counted it */
} course_ref;

typedef struct {
	const char *partner;
	const ppreg_node *cert;
	size_t index;
} cert_ref;

static int course_by_id(const void *a, const void *b)
{
	return strcmp(((const course_ref *)a)->id, ((const course_ref *)b)->id);
}

static int cert_by_partner(const void *a, const void *b)
{
	const cert_ref *x = a, *y = b;
	int cmp = strcmp(x->partner, y->partner);
	return cmp ? cmp : (x->index > y->index) - (x->index < y->index);
}

/* The declared courses by id. A course id declared twice is ambiguous: a
 * certification from it counts only when every course of that id meets the
 * specification. */
static course_ref *sort_courses(const ppreg_check *c, const ppreg_node *courses, const unsigned char *meets,
                                size_t *out_n)
{
	const ppreg_api *api = c->api;
	size_t n = api->count(courses), m = 0;
	course_ref *refs = calloc(n ? n : 1, sizeof *refs);
	if (!refs)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		const ppreg_node *course = api->item(courses, i);
		const char *id = ppreg_text(c, api->get(course, "id"));
		double hours = 0;
		if (meets[i] && api->number(api->get(course, "hours"), &hours) != PPREG_OK)
			hours = 0;
		if (id)
			refs[m++] = (course_ref){id, meets[i], hours, 0};
	}
	qsort(refs, m, sizeof *refs, course_by_id);
	for (size_t i = 1; i < m; i++)
		if (!strcmp(refs[i].id, refs[i - 1].id))
			refs[i].meets = refs[i - 1].meets = refs[i].meets && refs[i - 1].meets;
	for (size_t i = m; i-- > 1;) /* spread a failure back through a run of equal ids */
		if (!strcmp(refs[i].id, refs[i - 1].id))
			refs[i - 1].meets = refs[i].meets;
	*out_n = m;
	return refs;
}

static course_ref *find_course(course_ref *refs, size_t n, const char *id)
{
	course_ref key = {id, 0, 0, 0};
	return id && n ? bsearch(&key, refs, n, sizeof *refs, course_by_id) : NULL;
}

/* The certifications sorted by partner; each one naming an unknown course
 * or dated after the as-of date is reported here. */
static cert_ref *sort_certs(ppreg_check *c, const ppreg_node *certs, course_ref *courses,
                            size_t n_courses, size_t *out_n)
{
	const ppreg_api *api = c->api;
	size_t n = api->count(certs), m = 0;
	cert_ref *refs = calloc(n ? n : 1, sizeof *refs);
	if (!refs)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		const ppreg_node *cert = api->item(certs, i), *cn = api->get(cert, "course");
		const ppreg_node *dn = api->get(cert, "obtained_on");
		const char *course = ppreg_text(c, cn), *partner = ppreg_text(c, api->get(cert, "partner"));
		ppreg_date when;
		if (course && !find_course(courses, n_courses, course) && text_echo_safe(course))
			ppreg_reportf(c, "training.partner-certified", cn, "certification from course '%s', which training.yaml does "
			              "not declare", course);
		else if (course && !find_course(courses, n_courses, course)) /* may be personal data */
			ppreg_reportf(c, "training.partner-certified", cn, "certification from a course that training.yaml does not declare");
		char day[PPREG_TEXT_MAX];
		if (api->date(dn, &when) == PPREG_OK && api->date_cmp(when, c->as_of) > 0)
			ppreg_reportf(c, "training.partner-certified", dn, "certification obtained on %s, after the as-of date",
			              ppreg_date_text(c, when, day));
		if (partner)
			refs[m++] = (cert_ref){partner, cert, i};
	}
	qsort(refs, m, sizeof *refs, cert_by_partner);
	*out_n = m;
	return refs;
}

/* A partner id fit to print: the shape of a pseudonym (an id slug, text.h,
 * with a digit and a hyphen) and no contact detail ("06-12-34-56-78" has
 * that shape). Anything else may be a name: the message points at its line
 * in charter.yaml instead. */
static int looks_pseudonymous(const char *id)
{
	return text_echo_safe(id) && strpbrk(id, "0123456789") && strchr(id, '-');
}

/* What judging one partner needs beyond its certifications. */
typedef struct {
	const training_policy *pol;
	const training_domains *domains;  /* with hours_by_domain only */
	const ppreg_node *certs_node;
	course_ref *courses;
	size_t n_courses, partner;        /* partner: 1-based, for course_ref.counted */
} partner_ctx;

/* "the active partner pp-a1b2 (charter.yaml line 4)", the id written only
 * when it looks like a pseudonym. */
static void partner_words(const ppreg_check *c, const ppreg_node *partner_node, char *who, size_t size)
{
	const char *id = ppreg_text(c, partner_node), *file = NULL;
	unsigned line = 0, column = 0;
	c->api->where(partner_node, &file, &line, &column);
	snprintf(who, size, ppreg_tr(c, "the active partner %s%s(charter.yaml line %u)"),
	         looks_pseudonymous(id) ? id : "", looks_pseudonymous(id) ? " " : "", line);
}

/* With hours_by_domain: the hours of the distinct courses that meet the
 * specification and certify the partner must reach what its missions'
 * domains ask. Reported at the first such certification's course. */
static void check_partner_hours(ppreg_check *c, const partner_ctx *x, const ppreg_node *commitment,
                                double have, const ppreg_node *at)
{
	const char *domain;
	double need = training_hours_needed(c, x->pol, x->domains, commitment, &domain);
	if (have >= need)
		return;
	char who[120];
	partner_words(c, c->api->get(commitment, "partner"), who, sizeof who);
	ppreg_reportf(c, "training.partner-certified", at, "%s has missions in %.60s, which asks for %g hours of "
	              "training; the courses that certify it give %g", who, domain, need, have);
}

/* Judges one active partner against its certifications [first, last). */
static void check_partner(ppreg_check *c, const partner_ctx *x, const ppreg_node *commitment,
                          const cert_ref *first, const cert_ref *last)
{
	const ppreg_api *api = c->api;
	const ppreg_node *below_spec = NULL, *certified = NULL;
	double hours = 0;
	for (const cert_ref *r = first; r < last; r++) {
		const ppreg_node *cn = api->get(r->cert, "course");
		course_ref *course = find_course(x->courses, x->n_courses, ppreg_text(c, cn));
		ppreg_date when;
		if (!course || api->date(api->get(r->cert, "obtained_on"), &when) != PPREG_OK ||
		    api->date_cmp(when, c->as_of) > 0)
			continue;
		if (course->meets && !x->pol->hours_by_domain)
			return;
		if (course->meets && course->counted != x->partner) {
			course->counted = x->partner; /* a course certifies its hours once */
			hours += course->hours;
			certified = certified ? certified : cn;
		}
		if (!course->meets && !below_spec)
			below_spec = cn;
	}
	if (certified) {
		check_partner_hours(c, x, commitment, hours, certified);
		return;
	}
	if (!below_spec && first != last)
		return; /* none counts (undeclared course, later date): reported by sort_certs */
	/* The partner as the message names it, written only now: nearly every
	 * active partner holds a certification that meets the specification. */
	char who[120];
	partner_words(c, api->get(commitment, "partner"), who, sizeof who);
	const char *course_id = below_spec ? ppreg_text(c, below_spec) : NULL;
	if (below_spec && text_echo_safe(course_id))
		ppreg_reportf(c, "training.partner-certified", below_spec, "course '%s' does not meet the specification (see its "
		              "findings): %s holds no certification from a course that does", course_id, who);
	else if (below_spec) /* an id that may be personal data */
		ppreg_reportf(c, "training.partner-certified", below_spec, "the course does not meet the specification (see its "
		              "findings): %s holds no certification from a course that does", who);
	else if (first == last)
		ppreg_reportf(c, "training.partner-certified", x->certs_node, "%s holds no certification", who);
}

static void check_active_partners(ppreg_check *c, partner_ctx *x, const cert_ref *certs, size_t n_certs)
{
	const ppreg_api *api = c->api;
	const ppreg_node *commitments = api->get(api->file(c, "charter.yaml"), "commitments");
	for (size_t i = 0; i < api->count(commitments); i++) {
		const ppreg_node *k = api->item(commitments, i), *pn = api->get(k, "partner");
		const char *status = ppreg_text(c, api->get(k, "status")), *partner = ppreg_text(c, pn);
		if (!partner || !status || strcmp(status, "active"))
			continue;
		size_t lo = 0, hi = n_certs;
		while (lo < hi) { /* the first certification of this partner */
			size_t mid = lo + (hi - lo) / 2;
			if (strcmp(certs[mid].partner, partner) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		size_t end = lo;
		while (end < n_certs && !strcmp(certs[end].partner, partner))
			end++;
		x->partner = i + 1;
		check_partner(c, x, k, certs + lo, certs + end);
	}
}

int training_check_certifications(ppreg_check *c, const training_policy *pol, const ppreg_node *root,
                                  const ppreg_node *courses, const unsigned char *meets)
{
	const ppreg_api *api = c->api;
	const ppreg_node *certs = api->get(root, "certifications");
	size_t n_courses = 0, n_certs = 0;
	training_domains domains = {NULL, NULL, 0};
	if (pol->hours_by_domain && api->kind(certs) == PPREG_NODE_LIST && training_domains_load(c, &domains) < 0)
		return -1;
	course_ref *course_refs = sort_courses(c, courses, meets, &n_courses);
	cert_ref *cert_refs = course_refs && api->kind(certs) == PPREG_NODE_LIST ?
	                      sort_certs(c, certs, course_refs, n_courses, &n_certs) : NULL;
	int rc = 0;
	if (!course_refs || (api->kind(certs) == PPREG_NODE_LIST && !cert_refs)) {
		rc = api->fail(c, ppreg_tr(c, "out of memory"));
	} else if (api->kind(certs) == PPREG_NODE_LIST) {
		partner_ctx x = {pol, &domains, certs, course_refs, n_courses, 0};
		check_active_partners(c, &x, cert_refs, n_certs);
	}
	training_domains_free(&domains);
	free(cert_refs);
	free(course_refs);
	return rc;
}
