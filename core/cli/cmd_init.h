/*
 * cli/cmd_init.h - `ppreg init`: a new platform folder to fill in, from the plugins' schemas.
 */
#ifndef PPREG_CMD_INIT_H
#define PPREG_CMD_INIT_H

/* Returns the exit status: 0, 1 or 2. */
int cmd_init(int argc, char **argv);

#endif
