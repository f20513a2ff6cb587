/*
 * cli/options.h - what every command's option parsing shares.
 *
 * The commands are git style: each is one small file (cli/cmd_<name>.c)
 * that parses its own options with getopt_long and calls the core library,
 * and returns the process exit status: 0, 1 or 2 (docs/workflow.md).

 */
#ifndef PPREG_OPTIONS_H
#define PPREG_OPTIONS_H

#include "ppreg/plugin.h"
#include "base/util.h"

/* Prints "ppreg CMD: message" on stderr and returns 2. */
int usage_error(const char *cmd, const char *fmt, ...) PRINTF_LIKE(2, 3);

/* Stores optarg in *slot, or returns usage_error() (2) when the option was
 * given before. 0 otherwise. */
int option_once(const char *cmd, const char **slot, const char *name);

/* --as-of DATE, default today (UTC). 0, or -1 when DATE is not a date. */
int parse_as_of(const char *text, ppreg_date *out);

/* The options of a command that takes only --plugin-dir (and --help):
 * `plugins` and `rules`. 0, or usage_error() (2); *help_shown when --help
 * printed `usage_text`. optind is left on the first argument. */
int parse_plugin_dir_option(const char *cmd, const char *usage_text, int argc, char **argv,
                            const char **dir, int *help_shown);

#endif
