/*
 * cli/cmd_verify.h - `ppreg verify`: check an attestation offline.
 */
#ifndef PPREG_CMD_VERIFY_H
#define PPREG_CMD_VERIFY_H

/* Returns the exit status: 0, 1 or 2. */
int cmd_verify(int argc, char **argv);

#endif
