/*
 * cli/cmd_plugins.h - `ppreg plugins`: the plugins of the plugin directory.
 */
#ifndef PPREG_CMD_PLUGINS_H
#define PPREG_CMD_PLUGINS_H

/* Returns the exit status: 0, 1 or 2. */
int cmd_plugins(int argc, char **argv);

#endif
