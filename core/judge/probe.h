/*
 * judge/probe.h - every plugin's entry point, setup() and teardown() tried
 * once in a child process before the run trusts them.
 */
#ifndef PPREG_PROBE_H
#define PPREG_PROBE_H

#include "judge/run.h"

/*
 * Loads the policy's plugins, calls each one's setup() with its parameters
 * and its teardown(), in a child process under the policy's time limit,
 * with what they print sent to stderr. 0 when every plugin loads and
 * accepts the policy; otherwise -1 with error_last(): the plugin's own
 * refusal, or which plugin crashed, exited or ran out of time, and in
 * which entry point. The run then exits 2 naming it, instead of taking the
 * process that writes the report (and its exit status) down with it.
 */
int probe_plugins(run *r);

/* In the probe's child, tells the parent that `plugin` is entering a step
 * ('L' its load and entry point, 'S' setup(), 'T' teardown()), so that a
 * crash or a loop is blamed on it. Does nothing outside the probe. */
void probe_step(const run *r, char step, size_t plugin);

#endif
