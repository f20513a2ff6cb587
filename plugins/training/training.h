/*
 * training.h - what the files of the training plugin share: the policy's
 * numbers once read and checked (training.c), the course
 * checks (courses.c) and the partners' certifications (certifications.c).
 */
#ifndef PPREG_TRAINING_H
#define PPREG_TRAINING_H

#include "ppreg/plugin.h"
/* The text helpers the charter plugin uses too (plugins/lib): one detector
 * of contact details and one folding for both plugins. */
#include "text.h"

/* The plugin's `params` block: the course specification ("cahier des
 * charges") of the model policy. `topics` maps each required topic to its
 * minimum hours; its values were checked to be numbers >= 0. */
typedef struct {
	double min_hours;
	const ppreg_node *topics;
	long long min_patient_partners, min_professionals;
	/* Readings of later policies, off (NULL) when their parameter is
	 * absent: the hours a partner's training needs by the domain of its
	 * missions (a map domain -> hours >= 0), and the partner statuses
	 * that may ask for funded training (a list). */
	const ppreg_node *hours_by_domain;
	const ppreg_node *funding_statuses;
} training_policy;

/* courses.c: judges one course under course-hours, required-modules,
 * co-delivery and assessment. Returns 1 when it meets the whole
 * specification, 0 when it does not or could not be read. */
int training_check_course(ppreg_check *c, const training_policy *pol, const ppreg_node *course);

/* courses.c: whether a text says nothing: blank (ppreg_blank) or a
 * placeholder ("n/a", "néant", "-"), the one test of provider.name,
 * assessment and funded_training.how_to_request. */
int training_unstated(const char *s);

/* certifications.c: training.partner-certified. `meets[i]` says whether the
 * i-th course of `courses` meets the specification. */
int training_check_certifications(ppreg_check *c, const training_policy *pol, const ppreg_node *root,
                                  const ppreg_node *courses, const unsigned char *meets);

/* missions.c: the hours of training the active partner of `commitment`
 * needs under hours_by_domain: the most that a domain of its missions asks
 * (0: none asked), the domain in *domain. `domains` was filled by
 * training_domains_load. */
typedef struct {
	const char **ids, **domains; /* services[].id and its domain, sorted by id */
	size_t n;
} training_domains;
int training_domains_load(ppreg_check *c, training_domains *d);
void training_domains_free(training_domains *d);
double training_hours_needed(const ppreg_check *c, const training_policy *pol, const training_domains *d,
                             const ppreg_node *commitment, const char **domain);

/* missions.c: training.funding-access, with funding_statuses. */
void training_check_funding(ppreg_check *c, const training_policy *pol, const ppreg_node *root);

#endif /* PPREG_TRAINING_H */
