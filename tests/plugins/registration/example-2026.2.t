#!/bin/sh
# domaines-hors-has declares ethics, one of the three domains the HAS left
# out (policy parameter `domains`), with a service in it, and a granted
# authorization with no term: under 2026.2 the two domain findings alone;
# under 2026.1, which requires expires_on, the authorization's finding too.
# In the registry, the authority's record (no term either) is judged
# instead of the declaration, under both policies.
. "$(dirname "$0")/../../lib/tap.sh"
R=platforms/domaines-hors-has/registration.yaml

for pol in 2026.2 2026.1; do
	CASE_ARGS="--platform domaines-hors-has --policy $PPREG_TOP/policies/fr-model-$pol.yaml"
	make_case
	expect_finding registration.domains $R 18 "$pol: ethics among the declared domains"
	expect_finding registration.domains $R 27 "$pol: a service in ethics"
	expect_count -E ': error: registration.domains: ' 2 "$pol: two domain findings"
	expect_rc 1 "$pol: non-compliant"
	judge_cases
done
CASE_ARGS="--platform domaines-hors-has"
make_case
expect_count -E ': (error|warning): ' 2 "2026.2: nothing else: no term is allowed"
judge_cases
CASE_ARGS="--platform domaines-hors-has --policy $PPREG_TOP/policies/fr-model-2026.1.yaml"
make_case
expect_finding registration.authorization $R 29 "2026.1: a granted authorization gives its expires_on"
expect_count -E ': (error|warning): ' 3 "2026.1: three findings in all"
judge_cases
CASE_ARGS=

make_registry domaines-hors-has
cp -R "$PPREG_TOP/registry/authority" "$REG/"
commit
for pol in 2026.2 2026.1; do
	check_reg --platform domaines-hors-has --policy "$PPREG_TOP/policies/fr-model-$pol.yaml"
	expect_no_rule registration.authorization "$pol: the authority's record, with no term: no finding"
	expect_finding registration.domains $R 18 "$pol: the domains still"
done

done_testing
