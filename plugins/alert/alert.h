/*
 * alert.h - what the files of the alert plugin share: the policy's
 * parameters, read once per run by alert.c's setup. alert.c holds the
 * descriptor, the authority and the procedure; counts.c the yearly counts.
 */
#ifndef PPREG_ALERT_H
#define PPREG_ALERT_H

#include "ppreg/plugin.h"

/* The policy's `params` for alert, checked before any platform. */
typedef struct {
	const ppreg_node *authorities; /* the values of `authority` that pass */
	long long count_years;         /* complete years before the as-of year whose counts are due */
	ppreg_duration count_grace;    /* after a year ends, the time its counts may still be declared in */
	const char *count_grace_text;  /* as the policy writes it, for messages */
} alert_params;

/* counts.c: every year the policy asks for has its counts; reports the
 * rule's lapse. */
void alert_check_counts(ppreg_check *c, const ppreg_node *root, const alert_params *p);

#endif /* PPREG_ALERT_H */
