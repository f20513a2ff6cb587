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
		const char *id = ppreg_text(c, api->get(api->item(courses, i), "id"));
		if (id)
			refs[m++] = (course_ref){id, meets[i]};
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

static const course_ref *find_course(const course_ref *refs, size_t n, const char *id)
{
	course_ref key = {id, 0};
	return id && n ? bsearch(&key, refs, n, sizeof *refs, course_by_id) : NULL;
}

/* The certifications sorted by partner; each one naming an unknown course
 * or dated after the as-of date is reported here. */
static cert_ref *sort_certs(ppreg_check *c, const ppreg_node *certs, const course_ref *courses,
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
		if (api->date(dn, &when) == PPREG_OK && api->date_cmp(when, c->as_of) > 0)
			ppreg_reportf(c, "training.partner-certified", dn, "certification obtained on %04d-%02d-%02d, after the as-of date",
			              when.year, when.month, when.day);
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

/* Judges one active partner against its certifications [first, last). */
static void check_partner(ppreg_check *c, const ppreg_node *certs_node, const ppreg_node *partner_node,
                          const cert_ref *first, const cert_ref *last, const course_ref *courses, size_t n_courses)
{
	const ppreg_api *api = c->api;
	const ppreg_node *below_spec = NULL;
	for (const cert_ref *r = first; r < last; r++) {
		const ppreg_node *cn = api->get(r->cert, "course");
		const course_ref *course = find_course(courses, n_courses, ppreg_text(c, cn));
		ppreg_date when;
		if (!course || api->date(api->get(r->cert, "obtained_on"), &when) != PPREG_OK ||
		    api->date_cmp(when, c->as_of) > 0)
			continue;
		if (course->meets)
			return;
		if (!below_spec)
			below_spec = cn;
	}
	if (!below_spec && first != last)
		return; /* none counts (undeclared course, later date): reported by sort_certs */
	/* The partner as the message names it, written only now: nearly every
	 * active partner holds a certification that meets the specification. */
	const char *id = ppreg_text(c, partner_node);
	char who[120];
	unsigned line = 0, column = 0;
	const char *file = NULL;
	api->where(partner_node, &file, &line, &column);
	snprintf(who, sizeof who, "the active partner %s%s(charter.yaml line %u)",
	         looks_pseudonymous(id) ? id : "", looks_pseudonymous(id) ? " " : "", line);
	const char *course_id = below_spec ? ppreg_text(c, below_spec) : NULL;
	if (below_spec && text_echo_safe(course_id))
		ppreg_reportf(c, "training.partner-certified", below_spec, "course '%s' does not meet the specification (see its "
		              "findings): %s holds no certification from a course that does", course_id, who);
	else if (below_spec) /* an id that may be personal data */
		ppreg_reportf(c, "training.partner-certified", below_spec, "the course does not meet the specification (see its "
		              "findings): %s holds no certification from a course that does", who);
	else if (first == last)
		ppreg_reportf(c, "training.partner-certified", certs_node, "%s holds no certification", who);
}

static void check_active_partners(ppreg_check *c, const ppreg_node *certs_node, const cert_ref *certs,
                                  size_t n_certs, const course_ref *courses, size_t n_courses)
{
	const ppreg_api *api = c->api;
	const ppreg_node *commitments = api->get(api->file(c, "charter.yaml"), "commitments");
	for (size_t i = 0; i < api->count(commitments); i++) {
		const ppreg_node *k = api->item(commitments, i), *pn = api->get(k, "partner");
		const char *status = ppreg_text(c, api->get(k, "status")), *partner = ppreg_text(c, pn);
		if (!partner || !status || strcmp(status, "active"))
			continue;
		cert_ref key = {partner, NULL, 0};
		size_t lo = 0, hi = n_certs;
		while (lo < hi) { /* the first certification of this partner */
			size_t mid = lo + (hi - lo) / 2;
			if (strcmp(certs[mid].partner, key.partner) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		size_t end = lo;
		while (end < n_certs && !strcmp(certs[end].partner, partner))
			end++;
		check_partner(c, certs_node, pn, certs + lo, certs + end, courses, n_courses);
	}
}

int training_check_certifications(ppreg_check *c, const ppreg_node *root, const ppreg_node *courses,
                                  const unsigned char *meets)
{
	const ppreg_api *api = c->api;
	const ppreg_node *certs = api->get(root, "certifications");
	size_t n_courses = 0, n_certs = 0;
	course_ref *course_refs = sort_courses(c, courses, meets, &n_courses);
	cert_ref *cert_refs = course_refs && api->kind(certs) == PPREG_NODE_LIST ?
	                      sort_certs(c, certs, course_refs, n_courses, &n_certs) : NULL;
	int rc = 0;
	if (!course_refs || (api->kind(certs) == PPREG_NODE_LIST && !cert_refs))
		rc = api->fail(c, "out of memory");
	else if (api->kind(certs) == PPREG_NODE_LIST)
		check_active_partners(c, certs, cert_refs, n_certs, course_refs, n_courses);
	free(cert_refs);
	free(course_refs);
	return rc;
}
