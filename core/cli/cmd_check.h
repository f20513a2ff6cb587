/*
 * cli/cmd_check.h - `ppreg check`: judge the platforms of a registry, or a change.
 */
#ifndef PPREG_CMD_CHECK_H
#define PPREG_CMD_CHECK_H

/* Returns the exit status: 0, 1 or 2. */
int cmd_check(int argc, char **argv);

#endif
