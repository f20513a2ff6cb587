/*
 * report/json_schema.h - the JSON Schema (draft 2020-12) of `check --format
 * json`.
 */
#ifndef PPREG_REPORT_JSON_SCHEMA_H
#define PPREG_REPORT_JSON_SCHEMA_H

/* The schema's JSON text, ending with a newline. */
const char *report_json_schema(void);

#endif
