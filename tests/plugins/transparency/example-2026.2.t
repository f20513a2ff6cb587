#!/bin/bash
# The example platforms that break the readings of 2026.2 in transparency
# and gdpr (issue 18), each exactly as meant and nothing else, and under
# 2026.1, which does not have those readings, judged as before:
# - interets-caches hides pp-c3d4's links of interest, leaves public_backers
#   out and passes health data to its industry funder, written
#   "LABORATOIRE EXEMPLE, S.A." (compliant under 2026.1);
# - frais-non-rembourses pays travel on a flat basis of its own, without
#   stays, and has not declared 2025's funding after 30 June (under 2026.1:
#   the funding finding alone).
. "$(dirname "$0")/../../lib/tap.sh"
V1="--policy $PPREG_TOP/policies/fr-model-2026.1.yaml"

P=platforms/interets-caches
CASE_ARGS="--platform interets-caches"
make_case
expect_finding transparency.partner-interests $P/transparency.yaml 25 "interets-caches: pp-c3d4's interests not declared"
expect_finding transparency.public-backers $P/transparency.yaml 1 "interets-caches: no public_backers"
expect_finding gdpr.health-data-recipients $P/gdpr.yaml 26 "interets-caches: health data to the industry funder"
expect_count -E ': (error|warning): ' 3 "interets-caches: three findings in all"
expect_rc 1 "interets-caches is non-compliant"
judge_cases
CASE_ARGS="--platform interets-caches $V1"
make_case
expect_grep -vE ': (error|warning): ' "interets-caches under 2026.1: no finding"
expect_rc 0 "interets-caches under 2026.1: compliant"
judge_cases

P=platforms/frais-non-rembourses
CASE_ARGS="--platform frais-non-rembourses"
make_case
expect_finding transparency.travel-expenses $P/transparency.yaml 24 "frais-non-rembourses: a flat basis of its own"
expect_count -E ': error: transparency.travel-expenses: ' 2 "frais-non-rembourses: the basis and the stays"
expect_finding transparency.funding $P/transparency.yaml 5 "frais-non-rembourses: 2025 not declared after 30 June"
expect_count -E ': (error|warning): ' 3 "frais-non-rembourses: three findings in all"
expect_rc 1 "frais-non-rembourses is non-compliant"
judge_cases
CASE_ARGS="--platform frais-non-rembourses $V1"
make_case
expect_finding transparency.funding $P/transparency.yaml 5 "frais-non-rembourses under 2026.1: 2025 not declared"
expect_count -E ': (error|warning): ' 1 "frais-non-rembourses under 2026.1: that finding alone"
expect_rc 1 "frais-non-rembourses under 2026.1: non-compliant"
judge_cases
CASE_ARGS=

done_testing
