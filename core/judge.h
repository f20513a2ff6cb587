/*
 * judge.h - judging a list of platforms: the one place that decides how
 * platforms are scheduled (in order, in parallel, isolated), so that every
 * command (check, attest, hook) gets the same results in the same order.
 */
#ifndef PPREG_JUDGE_H
#define PPREG_JUDGE_H

#include "run.h"

typedef struct {
	long jobs;   /* 0: one per core */
} judge_options;

/* Judges ids[0..n) into results[0..n) (caller-allocated, same order).
 * -1 (exit 2) with error_last() when a platform could not be judged. */
int judge_platforms(run *r, char *const *ids, size_t n, const judge_options *o,
                    platform_result *results);

#endif
