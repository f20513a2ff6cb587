#!/bin/bash
# alert.counts rests on dates: each year's counts become due when its grace
# period ends, and the rule reports the day before as the verdict's last
# valid day, so that no attestation outlives it. transparency.funding, whose
# lapse comes first in the example, is switched off in a copy of the policy
# so that the platform's earliest lapse is alert.counts'.
. "$(dirname "$0")/../../lib/tap.sh"
. "$PPREG_TOP/tests/lib/breaks.sh"
. "$PPREG_TOP/tests/lib/policy.sh"
A=alert.yaml
FUNDING_OFF='s/^severity: \{\}/severity: {transparency.funding: off}/m'

# 2026 not declared yet: its counts fall due on 2027-07-01.
policy "$FUNDING_OFF"
lapses "2026 not declared: valid until the 2026 counts are due" $A 's/  - \{year: 2026.*\n//' alert.counts 4 2027-06-30
# 2026 declared, as the example does: the 2027 counts fall due on
# 2028-07-01, after the example's HDS certificate (2028-01-31), which is
# then the earliest lapse.
make_case
expect_grep -F "   valid until 2028-01-31 (gdpr.hds-hosting" "2026 declared: alert.counts lapses after 2028-01-31"
judge_cases

# Within the grace period the previous year is not yet owed, and the
# verdict lapses on the last day of the grace period.
policy "$FUNDING_OFF"'; s/count_grace: P6M/count_grace: P11M/'
lapses "2025 missing, due on 2026-12-01: valid until 2026-11-30" $A 's/  - \{year: 2025.*\n//' alert.counts 4 2026-11-30
make_case
edit platforms/entraide-sante/$A 's/  - \{year: 2025.*\n//'
expect_no_rule alert.counts "within the grace period, 2025 is not yet owed"
judge_cases

# Due the day after the as-of date: valid until the as-of date, no later.
policy "$FUNDING_OFF"'; s/count_grace: P6M/count_grace: P10M23D/'
lapses "2025 missing, due on 2026-11-24: valid until the as-of date" $A 's/  - \{year: 2025.*\n//' alert.counts 4 2026-11-23
judge_cases

# One day less of grace and 2025 is owed on the as-of date itself.
policy "$FUNDING_OFF"'; s/count_grace: P6M/count_grace: P10M22D/'
breaks "2025 missing, due on the as-of date" $A 's/  - \{year: 2025.*\n//' alert.counts 4
judge_cases

# No year asked for: no finding, no lapse.
policy "$FUNDING_OFF"'; s/count_years: 1/count_years: 0/'
make_case
edit platforms/entraide-sante/$A 's/counts:\n(  - .*\n)*/counts: []\n/'
expect_no_rule alert.counts "count_years 0: no count owed"
expect_grep -vF "(alert.counts," "count_years 0: no lapse of alert.counts"
expect_rc 0 "count_years 0, no count: exit 0"

done_testing
