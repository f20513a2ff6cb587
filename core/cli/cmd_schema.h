/*
 * cli/cmd_schema.h - `ppreg schema`: the JSON Schema of a declaration file, or of check's JSON.
 */
#ifndef PPREG_CMD_SCHEMA_H
#define PPREG_CMD_SCHEMA_H

/* Returns the exit status: 0, 1 or 2. */
int cmd_schema(int argc, char **argv);

#endif
