/*
 * cli/cmd_diff.h - `ppreg diff`: what changed between two revisions of a
 * registry, or what a draft policy would change.
 */
#ifndef PPREG_CMD_DIFF_H
#define PPREG_CMD_DIFF_H

/* Returns the exit status: 0 compared, 2 nothing could be compared. */
int cmd_diff(int argc, char **argv);

#endif
