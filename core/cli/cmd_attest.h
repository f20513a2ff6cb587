/*
 * cli/cmd_attest.h - `ppreg attest`: judge one platform and sign its attestation.
 */
#ifndef PPREG_CMD_ATTEST_H
#define PPREG_CMD_ATTEST_H

/* Returns the exit status: 0, 1 or 2. */
int cmd_attest(int argc, char **argv);

#endif
