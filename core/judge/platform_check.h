/*
 * judge/platform_check.h - judging one platform: its files read, parsed and walked, then
 * the core's rules and each plugin through the ppreg_api table.
 */
#ifndef PPREG_PLATFORM_CHECK_H
#define PPREG_PLATFORM_CHECK_H

#include "judge/run.h"

/* Calls each plugin's setup(); part of run_open(). */
int run_setup_plugins(run *r);

/* Judges one platform. ERR_FAIL (exit 2) when it could not be judged (a
 * plugin failed, a Git object could not be read); the result is filled
 * either way and must be freed. */
int run_check_platform(run *r, const char *id, platform_result *out);
void platform_result_free(platform_result *p);

/* Appends a lapse (a copy of rule, file as display_text) to p->lapses, unsorted. */
void platform_result_add_lapse(platform_result *p, const char *rule, const char *file, unsigned line,
                               ppreg_date last_valid_day);
/* Sorts p->lapses earliest first (then file, line, rule) and drops repeats. */
void platform_result_sort_lapses(platform_result *p);

#endif
