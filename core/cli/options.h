/*
 * cli/options.h - what every command's option parsing shares.
 *
 * The commands are git style: each is one small file (cli/cmd_<name>.c)
 * that parses its own options with getopt_long and calls the core library,
 * and returns the process exit status: 0, 1 or 2 (docs/workflow.md).
 *
 * An option is given once. The ones that may repeat are the lists:
 * --platform (several platforms). Any other option given twice, a flag
 * included, is a usage error rather than a silent choice of the last one:
 * `--key a --key b` is a mistake to report.
 */
#ifndef PPREG_OPTIONS_H
#define PPREG_OPTIONS_H

#include "ppreg/plugin.h"
#include "base/util.h"

#include <getopt.h>

/* Prints "ppreg CMD: message" on stderr and returns 2. */
int usage_error(const char *cmd, const char *fmt, ...) PRINTF_LIKE(2, 3);

/* Stores optarg in *slot, or returns usage_error() (2) when the option was
 * given before. 0 otherwise. */
int option_once(const char *cmd, const char **slot, const char *name);

/* Sets *flag to 1, or returns usage_error() (2) when it was set before. */
int flag_once(const char *cmd, int *flag, const char *name);

/* --jobs N: 1 to 1024 platforms judged at once. `text` NULL leaves *jobs
 * as it is (the command's default). 0, or usage_error() (2). */
int option_jobs(const char *cmd, const char *text, long *jobs);

/* --as-of DATE, default today (UTC). 0, or -1 when DATE is not a date. */
int parse_as_of(const char *text, ppreg_date *out);
/* The same, or usage_error() (2) saying whether DATE is not YYYY-MM-DD or
 * a day the calendar lacks (2026-02-30). */
int option_as_of(const char *cmd, const char *text, ppreg_date *out);

/* Before a command's getopt_long loop: from its first argument, and
 * getopt's own messages off (they would say "check:", not "ppreg check:"). */
void options_reset(void);
/* When getopt_long returned '?': says which option is wrong and why (an
 * unknown one with the nearest known name), as usage_error() (2). */
int option_error(const char *cmd, const struct option *longopts, char **argv);

/* The options of a command that takes only --plugin-dir (and --help):
 * `plugins` and `rules`. 0, or usage_error() (2); *help_shown when --help
 * printed `usage_text`. optind is left on the first argument. */
int parse_plugin_dir_option(const char *cmd, const char *usage_text, int argc, char **argv,
                            const char **dir, int *help_shown);

#endif
