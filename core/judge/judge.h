/*
 * judge/judge.h - judging a list of platforms: the one place that decides how
 * platforms are scheduled, so that every command (check, attest, hook) gets
 * the same results in the same order whatever the number of jobs.
 *
 * Platforms are judged in worker processes forked after the policy and the
 * plugins are loaded. A plugin that crashes, aborts, exits or loops on one
 * platform kills only its worker: the platform gets a core.plugin-error
 * finding naming the plugin and is judged again without it, a new worker
 * takes the place of the old one, and the other platforms are judged as
 * usual.
 */
#ifndef PPREG_JUDGE_H
#define PPREG_JUDGE_H

#include "judge/run.h"

typedef struct {
	long jobs;                /* workers; 0: one per core */
	unsigned timeout_seconds; /* per platform; 0: the policy's limits.plugin_seconds */
	int fail_on_plugin_error; /* a plugin failure is exit 2, not a finding */
} judge_options;

/* Called with each platform's result in the order of ids, whatever the
 * number of jobs; the result is freed when it returns. A non-zero return
 * stops the run with that status. */
typedef int (*judge_emit_fn)(void *ctx, size_t index, platform_result *res);

/* Judges ids[0..n), handing each result to emit. ERR_FAIL (exit 2) with
 * error_last() when a platform could not be judged. */
int judge_platforms_each(run *r, char *const *ids, size_t n, const judge_options *o,
                         judge_emit_fn emit, void *ctx);

/* The same into results[0..n) (caller-allocated, same order). */
int judge_platforms(run *r, char *const *ids, size_t n, const judge_options *o,
                    platform_result *results);

#endif
