#!/bin/bash
# The policy gives alert its authorities, years and grace period: changing
# one changes the verdict, and a missing or malformed one stops the run
# (exit 2, naming alert.params).
. "$(dirname "$0")/../../lib/tap.sh"
. "$PPREG_TOP/tests/lib/breaks.sh"
. "$PPREG_TOP/tests/lib/policy.sh"
A=alert.yaml


# A policy that also accepts the ARS lets it pass; the model does not.
policy 's/authorities: \[minister\]/authorities: [minister, ars]/'
passes "an ARS, under a policy that names it" $A 's/authority: minister/authority: ars/' alert.authority
judge_cases
# Two years asked for: 2024 is owed too.
policy 's/count_years: 1/count_years: 2/'
breaks "2024 missing when the policy asks for two years" $A 's/  - \{year: 2024.*\n//' alert.counts 4
judge_cases
CASE_ARGS=

# Missing or malformed parameters: exit 2, naming the parameter.
make_registry
for bad in 's/      authorities: \[minister\]\n//' 's/authorities: \[minister\]/authorities: []/' \
	's/authorities: \[minister\]/authorities: minister/' 's/authorities: \[minister\]/authorities: [" "]/' \
	's/      count_years: 1\n//' 's/count_years: 1/count_years: -1/' 's/count_years: 1/count_years: 101/' \
	's/count_years: 1/count_years: one/' 's/      count_grace: P6M\n//' 's/count_grace: P6M/count_grace: 6 months/' \
	's/count_grace: P6M/count_grace: [P6M]/'; do
	policy "$bad"
	check_reg --policy "$POLICY"
	expect_rc 2 "policy edit $bad: exit 2"
	printf '%s\n' "$ERR" | grep -q 'alert\.params'
	ok $? "policy edit $bad: the message names alert.params"
done

done_testing
