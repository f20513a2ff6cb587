/*
 * cli/cmd_inspect.h - `ppreg inspect`: an attestation's statement, read for people or as JSON.
 */
#ifndef PPREG_CMD_INSPECT_H
#define PPREG_CMD_INSPECT_H

/* Returns the exit status: 0, 1 or 2. */
int cmd_inspect(int argc, char **argv);

#endif
