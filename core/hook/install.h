/*
 * hook/install.h - `ppreg hook install`, and the options of `ppreg hook`:
 * parsed in cli/cmd_hook.c, written again by hook/install.c into the hook it
 * installs, so that Git runs the hook with the options it was installed with.
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
	int files;               /* pre-commit --files: the arguments are files */
	ptrvec also;             /* platforms judged besides the changed ones */
	int also_registry_yaml;  /* and registry.yaml */
} hook_options;

/* `ppreg hook install [PATH]`: writes the hook into the repository at the
 * first of o->args (default .) and sets *installed to its file (free it).
 * 0, or ERR_FAIL with error_last(). */
int hook_install(const hook_options *o, char **installed);

#endif
