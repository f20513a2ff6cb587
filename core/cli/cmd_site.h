/*
 * cli/cmd_site.h - `ppreg site`: the registry as a static site (docs/site.md).
 */
#ifndef PPREG_CMD_SITE_H
#define PPREG_CMD_SITE_H

/* Returns the exit status: 0, 1 or 2. */
int cmd_site(int argc, char **argv);

#endif
