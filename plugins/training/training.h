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
} training_policy;

/* courses.c: judges one course under course-hours, required-modules,
 * co-delivery and assessment. Returns 1 when it meets the whole
 * specification, 0 when it does not or could not be read. */
int training_check_course(ppreg_check *c, const training_policy *pol, const ppreg_node *course);

/* certifications.c: training.partner-certified. `meets[i]` says whether the
 * i-th course of `courses` meets the specification. */
int training_check_certifications(ppreg_check *c, const ppreg_node *root, const ppreg_node *courses,
                                  const unsigned char *meets);

#endif /* PPREG_TRAINING_H */
