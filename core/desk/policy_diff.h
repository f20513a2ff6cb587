/*
 * desk/policy_diff.h - what a draft policy would change: the registry at one
 * revision judged under two policies, and for each platform whose verdict
 * or rules differ, the rules whose findings appear, disappear or change
 * severity (a rule's severity on a platform: the highest of its findings).
 *
 * Platforms are judged in slices under one policy then the other, so the
 * memory holds a slice's verdicts and the rows, not the registry's.
 */
#ifndef PPREG_DESK_POLICY_DIFF_H
#define PPREG_DESK_POLICY_DIFF_H

#include "judge/judge.h"

#include <stdio.h>

typedef struct {
	char *rule;
	int from, to;   /* highest severity of its findings; PPREG_SEV_OFF: none */
} rule_delta;

typedef struct {
	char *id;
	verdict from, to;
	rule_delta *rules;
	size_t n_rules;
} policy_row;

typedef struct {
	policy_row *v;
	size_t n;
	size_t platforms, verdicts_changed;
} policy_diff;

/* Judges ids[0..n) under both runs (same registry and revision, two
 * policies) and keeps the platforms that differ. ERR_FAIL (exit 2) with
 * error_last(); `out` must be freed either way. */
int policy_diff_run(run *a, run *b, char *const *ids, size_t n, const judge_options *jo, policy_diff *out);
void policy_diff_free(policy_diff *d);

int policy_diff_write_text(FILE *out, const policy_diff *d, const run *a, const run *b);
int policy_diff_write_json(FILE *out, const policy_diff *d, const run *a, const run *b, const char *registry_path);

#endif
