/*
 * cli/cmd_keygen.h - `ppreg keygen`: a key pair for signing attestations.
 */
#ifndef PPREG_CMD_KEYGEN_H
#define PPREG_CMD_KEYGEN_H

/* Returns the exit status: 0, 1 or 2. */
int cmd_keygen(int argc, char **argv);

#endif
