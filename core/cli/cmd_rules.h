/*
 * cli/cmd_rules.h - `ppreg rules`: the rule catalog, or one rule's source and fix.
 */
#ifndef PPREG_CMD_RULES_H
#define PPREG_CMD_RULES_H

/* Returns the exit status: 0, 1 or 2. */
int cmd_rules(int argc, char **argv);

#endif
