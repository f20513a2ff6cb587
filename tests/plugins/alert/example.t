#!/bin/bash
# The example platforms that break the right of alert, each exactly as
# meant and nothing else: alerte-ars-seule sends its alerts to the ARS
# alone; alertes-non-comptees files no procedure and no count for 2025.
# Under 2026.1, which has no alert plugin, both are judged as before.
. "$(dirname "$0")/../../lib/tap.sh"
A=alert.yaml

CASE_ARGS="--platform alerte-ars-seule"
make_case
expect_finding alert.authority platforms/alerte-ars-seule/$A 2 "alerte-ars-seule: an ARS alone"
only_rule alert.authority "alerte-ars-seule: no other finding"
expect_rc 1 "alerte-ars-seule is non-compliant"
judge_cases

CASE_ARGS="--platform alertes-non-comptees"
make_case
expect_finding alert.procedure platforms/alertes-non-comptees/$A 3 "alertes-non-comptees: a procedure not filed"
expect_finding alert.counts platforms/alertes-non-comptees/$A 4 "alertes-non-comptees: no count for 2025"
expect_count -E ': (error|warning): ' 2 "alertes-non-comptees: two findings in all"
expect_rc 1 "alertes-non-comptees is non-compliant"
judge_cases

for p in alerte-ars-seule alertes-non-comptees; do
	CASE_ARGS="--platform $p --policy $PPREG_TOP/policies/fr-model-2026.1.yaml"
	make_case
	expect_rc 0 "$p under 2026.1: compliant, as before alert.yaml"
	expect_grep -vE ': (error|warning): ' "$p under 2026.1: no finding"
	judge_cases
done

done_testing
