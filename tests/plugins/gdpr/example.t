#!/bin/bash
# The example platform donnees-non-prouvees claims what it cannot show: an SMS
# router in the US keeps health data without HDS certificate, transfer
# mechanism or Art. 28 contract, and its breach procedure was edited after its
# digest was declared. Exactly those four findings, none from another plugin.
. "$(dirname "$0")/../../lib/tap.sh"
P=platforms/donnees-non-prouvees
G=$P/gdpr.yaml

make_registry donnees-non-prouvees
check_reg
expect_rc 1 "donnees-non-prouvees is non-compliant"
expect_finding gdpr.processor-contracts $G 13 "a processor without contract"
expect_finding gdpr.hds-hosting $G 21 "a host of health data without HDS"
expect_finding gdpr.transfers $G 23 "US hosting without mechanism"
expect_finding gdpr.evidence $G 26 "an edited breach procedure"
n=$(printf '%s\n' "$OUT" | grep -c ': error: ')
is "$n" 4 "four errors in all"
printf '%s\n' "$OUT" | grep ': \(error\|warning\): ' | grep -qv ': gdpr\.'
is $? 1 "no finding outside gdpr.*"

done_testing
