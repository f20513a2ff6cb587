/*
 * cli/cmd_hook.h - `ppreg hook`: ppreg run by Git, and installing the hook.
 */
#ifndef PPREG_CMD_HOOK_H
#define PPREG_CMD_HOOK_H

/* Returns the exit status: 0, 1 or 2. */
int cmd_hook(int argc, char **argv);

#endif
