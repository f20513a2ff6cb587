/*
 * cli/commands.h - the subcommands, git style: each is one small file
 * (cmd_<name>.c) that parses its own options and calls the core library.
 * Each returns the process exit status: 0, 1 or 2 (spec/cli.md).
 */
#ifndef PPREG_COMMANDS_H
#define PPREG_COMMANDS_H

#include "ppreg/plugin.h"
#include "base/util.h"

int cmd_check(int argc, char **argv);
int cmd_plugins(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_hook(int argc, char **argv);
int cmd_keygen(int argc, char **argv);
int cmd_attest(int argc, char **argv);
int cmd_verify(int argc, char **argv);

/* Shared option parsing: --as-of DATE (default today, UTC). 0 or -1. */
int parse_as_of(const char *text, ppreg_date *out);
/* Prints "ppreg CMD: message" on stderr and returns 2. */
int usage_error(const char *cmd, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* Stores optarg in *slot, or returns usage_error() when the option was
 * given before: `--platform A --platform B` is a mistake to report, not a
 * choice to make silently. */
int option_once(const char *cmd, const char **slot, const char *name);

#endif
