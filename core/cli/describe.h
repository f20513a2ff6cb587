/*
 * cli/describe.h - what `init` and `schema` share: the registry's policy and
 * its plugins, loaded to describe the declaration files rather than judge.
 */
#ifndef PPREG_CLI_DESCRIBE_H
#define PPREG_CLI_DESCRIBE_H

#include "judge/run.h"

typedef struct {
	const char *registry_path; /* default "." */
	const char *policy_file;   /* --policy, or NULL: the one registry.yaml names */
	const char *plugin_dir;    /* --plugin-dir, or NULL */
} describe_options;

/* Opens the registry's working files with its policy and plugins: 0, or
 * usage_error() (2) naming the command and why. */
int describe_open(run **out, const char *cmd, const describe_options *o);

/* One declaration file (or registry.yaml) as a YAML template (as_json 0)
 * or a JSON Schema (as_json 1); malloc'd, NULL with error_last(). */
char *describe_file(const run *r, const char *file, int as_json);

#endif
