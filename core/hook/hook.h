/*
 * hook/hook.h - what the files of `ppreg hook` share: its options, parsed in
 * cmd_hook.c, which hook_install.c writes again into the hook it installs.
 * Nothing outside core/cli/cmd_hook.c and core/hook/ includes it.
 */
#ifndef PPREG_HOOK_H
#define PPREG_HOOK_H

#include "judge/run.h"

typedef struct {
	run_options run;
	const char *as_of_text;  /* as given, for install */
	const char *format;
	long jobs;
	const char *hook;        /* install --hook */
	int force;
	ptrvec args;             /* positional arguments after the subcommand */
} hook_options;

/* `ppreg hook install [PATH]`: writes the hook into the repository at the
 * first of o->args (default .). Returns the exit status, 0 or 2. */
int hook_install(const hook_options *o);

#endif
