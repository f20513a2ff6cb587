#!/bin/bash
# The policy gives gdpr its numbers and lists: changing one changes the
# verdict, and a missing or malformed one stops the run (exit 2).
. "$(dirname "$0")/../../lib/tap.sh"
G=gdpr.yaml
P=platforms/entraide-sante

# policy PERL_EXPR: a copy of the model policy (with its charter text) in
# $TMP/pol, edited; POLICY names it.
policy() {
	rm -rf "$TMP/pol"
	cp -R "$PPREG_TOP/policies" "$TMP/pol"
	POLICY=$TMP/pol/fr-model-2026.2.yaml
	perl -0pi -e "$1" "$POLICY"
}

make_registry
policy 's/max_retention: P20Y/max_retention: P18M/'
check_reg --policy "$POLICY"
expect_finding gdpr.retention $P/$G 12 "P2Y is longer than a policy maximum of P18M"
printf '%s\n' "$OUT" | grep -q 'P18M'
ok $? "the message names the policy's maximum"

policy 's/max_dpia_age: P3Y/max_dpia_age: P6M/'
check_reg --policy "$POLICY"
expect_finding gdpr.dpia $P/$G 22 "a DPIA of 2026-01-15 is older than P6M"

policy 's/max_hds_window: P3Y/max_hds_window: P2Y/'
check_reg --policy "$POLICY"
expect_finding gdpr.hds-hosting $P/$G 19 "a three-year certificate is longer than a P2Y window"

policy 's/max_breach_notification_hours: 72/max_breach_notification_hours: 48/'
check_reg --policy "$POLICY"
expect_finding gdpr.breach-procedure $P/$G 23 "72 hours is more than a policy's 48"
expect_rc 1 "stricter policy: exit 1"

# The adequacy list and the EEA list come from the policy.
make_registry
edit $P/$G 's/countries: \[FR\]/countries: [FR, CH]/; s/transfers_outside_eea: \[\]/transfers_outside_eea: [{country: CH, mechanism: adequacy}]/'
commit
policy 's/adequacy: \[AD, AR, CA, CH, /adequacy: [AD, AR, CA, /'
check_reg --policy "$POLICY"
expect_finding gdpr.transfers $P/$G 21 "Switzerland under adequacy, off the policy's list"
policy 's/eea: \[AT, /eea: [CH, AT, /'
edit $P/$G 's/transfers_outside_eea: \[.*\]/transfers_outside_eea: []/'
commit
check_reg --policy "$POLICY"
expect_no_rule gdpr.transfers "a country the policy puts in the EEA needs no transfer entry"

# Missing or malformed parameters: exit 2, naming the parameter.
make_registry
for bad in 's/      max_retention: P20Y\n//' 's/max_retention: P20Y/max_retention: 20 years/' \
	's/      max_dpia_age: P3Y\n//' 's/max_hds_window: P3Y/max_hds_window: 3/' \
	's/max_breach_notification_hours: 72/max_breach_notification_hours: 0/' \
	's/      eea: .*\n//' 's/adequacy: \[AD, /adequacy: [ad, /' 's/adequacy: \[.*\]/adequacy: US/' \
	's/eea: \[AT, /eea: [EL, AT, /' 's/adequacy: \[AD, /adequacy: [UK, /'; do
	policy "$bad"
	check_reg --policy "$POLICY"
	expect_rc 2 "policy edit $bad: exit 2"
	printf '%s\n' "$ERR" | grep -q 'gdpr.params'
	ok $? "policy edit $bad: the message names gdpr.params"
done

done_testing
