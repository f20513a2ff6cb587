/*
 * plugin_api_test.c - unit tests of the plugin header's helpers over the
 * API's growth (TAP): ppreg_lapse() calls api->lapse in a core that has
 * it, and nothing in an older core whose ppreg_api ends before it (the
 * plugin judges as before and reports no lapse).
 */
#include "ppreg/plugin.h"

#include <stdio.h>
#include <string.h>

static int n, failed, calls;
static const char *got_rule;
static ppreg_date got_day;

static void ok(int cond, const char *what)
{
	printf("%sok %d - %s\n", cond ? "" : "not ", ++n, what);
	failed += !cond;
}

static void lapse(ppreg_check *c, const char *rule, const ppreg_node *at, ppreg_date last_valid_day)
{
	(void)c, (void)at;
	calls++;
	got_rule = rule;
	got_day = last_valid_day;
}

int main(void)
{
	ppreg_api api = {.size = sizeof api, .abi_version = PPREG_ABI_VERSION, .lapse = lapse};
	ppreg_check c = {.size = sizeof c, .api = &api};
	ppreg_lapse(&c, "x.rule", NULL, (ppreg_date){2028, 1, 31});
	ok(calls == 1 && got_rule && !strcmp(got_rule, "x.rule") && got_day.year == 2028 && got_day.month == 1 &&
	   got_day.day == 31, "a core with lapse: called once, with the rule and the day");

	api.size = offsetof(ppreg_api, lapse); /* a core built before lapse existed */
	ppreg_lapse(&c, "x.rule", NULL, (ppreg_date){2028, 1, 31});
	ok(calls == 1, "an older core's table, shorter than lapse: nothing is called");

	api.size = sizeof api;
	api.lapse = NULL;
	ppreg_lapse(&c, "x.rule", NULL, (ppreg_date){2028, 1, 31});
	ok(calls == 1, "a table that leaves lapse NULL: nothing is called");

	printf("1..%d\n", n);
	return failed ? 1 : 0;
}
