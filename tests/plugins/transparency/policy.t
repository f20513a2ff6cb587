#!/bin/bash
# The policy gives transparency its numbers: changing one changes the verdict,
# and a missing or impossible one stops the run (exit 2) instead of guessing.
. "$(dirname "$0")/../../lib/tap.sh"
T=transparency.yaml
P=platforms/entraide-sante

# policy PERL_EXPR: a copy of the model policy (with its charter text) in
# $TMP/pol, edited; POLICY names it.
policy() {
	rm -rf "$TMP/pol"
	cp -R "$PPREG_TOP/policies" "$TMP/pol"
	POLICY=$TMP/pol/fr-model-2026.2.yaml
	perl -0pi -e "$1" "$POLICY"
}

# The threshold: 15000 EUR of unlinked industry money passes under a 20000 EUR one.
make_registry
edit $P/$T 's/industry_links:\n.*\n.*\n//'
commit
policy 's/industry_link_threshold_eur: 10/industry_link_threshold_eur: 20000/'
check_reg --policy "$POLICY"
expect_no_rule transparency.industry-links "below a raised threshold, no link is needed"
expect_rc 0 "raised threshold: exit 0"
policy 's/industry_link_threshold_eur: 10/industry_link_threshold_eur: 15000/'
check_reg --policy "$POLICY"
expect_finding transparency.industry-links $P/$T 7 "a threshold equal to the money still asks for the link"

# The indemnity bounds.
make_registry
policy 's/volunteer_indemnity_eur_per_hour: \{min: 10, max: 25\}/volunteer_indemnity_eur_per_hour: {min: 16, max: 25}/'
check_reg --policy "$POLICY"
expect_finding transparency.volunteer-indemnity $P/$T 18 "15 EUR is below a policy minimum of 16"
expect_rc 1 "raised minimum: exit 1"

# The funding window.
make_registry
edit $P/$T 's/  - \{year: 2023, source: BPI France.*\n//'
commit
policy 's/funding_years: 3/funding_years: 2/'
check_reg --policy "$POLICY"
expect_no_rule transparency.funding "a two-year window does not ask for 2023"
policy 's/funding_years: 3/funding_years: 4/'
check_reg --policy "$POLICY"
expect_finding transparency.funding $P/$T 5 "a four-year window asks for 2022 and 2023"
printf '%s\n' "$OUT" | grep -q 'no funding declared for 2022'
ok $? "the message names the missing year"

# The ownership tolerance.
make_registry
edit $P/$T 's/share_percent: 40/share_percent: 40.5/'
commit
policy 's/ownership_tolerance_percent: 0.01/ownership_tolerance_percent: 1/'
check_reg --policy "$POLICY"
expect_no_rule transparency.ownership "100.5 % within a 1 % tolerance"

# Missing or impossible parameters: exit 2, naming the parameter.
make_registry
for bad in 's/      funding_years: 3\n//' 's/funding_years: 3/funding_years: three/' \
	's/industry_link_threshold_eur: 10/industry_link_threshold_eur: -1/' \
	's/\{min: 10, max: 25\}/{min: 30, max: 25}/' 's/\{min: 10, max: 25\}/{min: 10}/' \
	's/      ownership_tolerance_percent: 0.01\n//'; do
	policy "$bad"
	check_reg --policy "$POLICY"
	expect_rc 2 "policy edit $bad: exit 2"
	printf '%s\n' "$ERR" | grep -q 'transparency.params'
	ok $? "policy edit $bad: the message names transparency.params"
done

done_testing
