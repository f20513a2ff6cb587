/*
 * report/json.h - the JSON format's pieces other outputs repeat: a
 * platform's object, as `check --format json` lists it, is also a row of
 * the site's register.json, so the two cannot tell different verdicts.
 */
#ifndef PPREG_REPORT_JSON_H
#define PPREG_REPORT_JSON_H

#include "judge/run.h"

#include <jansson.h>

/* {"id", "verdict", "errors", "warnings", ["valid_until",
 * "valid_until_set_by"], "findings"}: a new json_t *, or NULL. */
json_t *report_json_platform(const platform_result *p);

#endif
