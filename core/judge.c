/*
 * judge.c - runs run_check_platform() over a list of platforms.
 */
#include "judge.h"

int judge_platforms(run *r, char *const *ids, size_t n, const judge_options *o,
                    platform_result *results)
{
	(void)o;
	for (size_t i = 0; i < n; i++)
		if (run_check_platform(r, ids[i], &results[i]) < 0) {
			for (size_t j = i + 1; j < n; j++) /* leave every result freeable */
				results[j] = (platform_result){0};
			return -1;
		}
	return 0;
}
