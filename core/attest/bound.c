/*
 * attest/bound.c - an attestation's validity bounded by the platform's lapses.
 */
#include "attest/bound.h"
#include "base/i18n.h"
#include "yaml/date.h"

int attest_bound(const platform_result *p, ppreg_date as_of, ppreg_date *until, const char **reason)
{
	*reason = BOUND_REQUESTED;
	if (!p->n_lapses || date_cmp(p->lapses[0].last_valid_day, *until) >= 0)
		return 0;
	const lapse *l = &p->lapses[0];
	char day[11];
	date_format(l->last_valid_day, day);
	if (date_cmp(l->last_valid_day, as_of) < 0)
		return error_set(_("%s (%s:%u) lapsed on %s, before the as-of date: nothing to attest"), l->rule, l->file,
		                 l->line, day);
	*until = l->last_valid_day;
	*reason = BOUND_LAPSE;
	return 0;
}
