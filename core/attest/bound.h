/*
 * attest/bound.h - how long an attestation may say a platform is compliant:
 * never past the first lapse of a dated fact its verdict rests on
 * (platform_result.lapses), so that no attestation verifies on a day when
 * `check --as-of` that day of the attested commit fails.
 */
#ifndef PPREG_ATTEST_BOUND_H
#define PPREG_ATTEST_BOUND_H

#include "judge/run.h"

/* What set an attestation's valid_until (predicate.ppreg.valid_until_reason). */
#define BOUND_REQUESTED "requested"
#define BOUND_LAPSE "lapse"

/* Bounds *until (as_of + the requested validity, within the policy's
 * maximum) by the platform's earliest lapse, and returns which of the two
 * set it. ERR_FAIL when that lapse is before as_of: the verdict has no day
 * left to attest. */
int attest_bound(const platform_result *p, ppreg_date as_of, ppreg_date *until, const char **reason);

#endif
