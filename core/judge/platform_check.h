/*
 * judge/platform_check.h - judging one platform: its files read, parsed and walked, then
 * the core's rules and each plugin through the ppreg_api table.
 */
#ifndef PPREG_PLATFORM_CHECK_H
#define PPREG_PLATFORM_CHECK_H

#include "judge/run.h"

/* Calls each plugin's setup(); part of run_open(). */
int run_setup_plugins(run *r);

/* Judges one platform. -1 (exit 2) when a plugin could not judge it; the
 * result is filled either way and must be freed. */
int run_check_platform(run *r, const char *id, platform_result *out);
void platform_result_free(platform_result *p);

#endif
