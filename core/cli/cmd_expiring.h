/*
 * cli/cmd_expiring.h - `ppreg expiring`: the dated facts that lapse within a
 * window, and those that have lapsed.
 */
#ifndef PPREG_CMD_EXPIRING_H
#define PPREG_CMD_EXPIRING_H

/* Returns the exit status: 0 nothing lapses by the window's end, 1 a fact
 * has lapsed or lapses inside it, 2 nothing could be read. */
int cmd_expiring(int argc, char **argv);

#endif
