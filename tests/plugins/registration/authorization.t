#!/bin/sh
# registration.authorization at the as-of date 2026-11-23: granted and in
# force passes (a date equal to the as-of date included); expired, revoked,
# suspended, granted in the future or incomplete is an error at its line;
# applied is a warning by the policy's params.authorization_applied (exit 0,
# exit 1 under --strict), which the policy may raise, switch off, and must
# give (exit 2 otherwise).
. "$(dirname "$0")/lib.sh"
AUTH='authorization: {status: granted, number: "DGS-PP-2026-0042", granted_on: 2026-07-01, expires_on: 2029-06-30}'

make_case
check_reg
expect_no_rule registration.authorization "entraide-sante: granted 2026-07-01, expires 2029-06-30"

# Statuses
start 's/status: granted/status: revoked/'
judged registration.authorization 26 "revoked"
message "the authorization is revoked" "the message says revoked"
start 's/status: granted/status: suspended/'
judged registration.authorization 26 "suspended"
start 's/status: granted/status: pending/'
judged registration.authorization 26 "status 'pending'"
start 's/status: granted, //'
judged registration.authorization 26 "no status, at authorization"
start 's/authorization: .*\n//'
judged registration.authorization 1 "no authorization, at the top of the file"

# applied: a warning under the model policy
start_repo 's/status: granted, number: "DGS-PP-2026-0042", granted_on: 2026-07-01, expires_on: 2029-06-30/status: applied/'
judged registration.authorization 26 "applied" 0
expect_grep - "^$R:26:[0-9]*: warning: registration.authorization: " "applied is reported as a warning"
check_reg --strict
expect_rc 1 "--strict makes the warning fail: exit 1"
expect_finding registration.authorization "$R" 26 "--strict still reports it at line 26"

# Granted: the window against the as-of date
start 's/expires_on: 2029-06-30/expires_on: 2026-11-22/'
judged registration.authorization 26 "expired the day before the as-of date"
message "the authorization expired on 2026-11-22, before the as-of date 2026-11-23" "the message gives both dates"
start 's/expires_on: 2029-06-30/expires_on: 2026-11-23/'
passes "expiring on the as-of date is still valid"
start 's/granted_on: 2026-07-01/granted_on: 2026-11-24/'
judged registration.authorization 26 "granted the day after the as-of date"
message "granted_on 2026-11-24 is after the as-of date 2026-11-23" "the message gives both dates"
start 's/granted_on: 2026-07-01/granted_on: 2026-11-23/'
passes "granted on the as-of date"
start 's/granted_on: 2026-07-01, expires_on: 2029-06-30/granted_on: 2026-11-23, expires_on: 2026-11-23/'
judged registration.authorization 26 "expiring the day it was granted (the as-of date)"
message "expires_on 2026-11-23 is not after granted_on 2026-11-23" "the message gives both dates"
start 's/granted_on: 2026-07-01, expires_on: 2029-06-30/granted_on: 2026-07-01, expires_on: 2026-06-30/'
judged registration.authorization 26 "expiring before it was granted (one finding, not two)"

# Granted: what it must give
start 's/number: "DGS-PP-2026-0042", //'
judged registration.authorization 26 "granted without number"
message "a granted authorization gives its number" "the message names the number"
start 's/number: "DGS-PP-2026-0042"/number: "  "/'
judged registration.authorization 26 "granted with a blank number"
# 2026.2 (authorization_expiry: optional): the draft text sets no term;
# under 2026.1 expires_on is required (readings.t).
start 's/, expires_on: 2029-06-30//'
passes "granted without expires_on"
start 's/granted_on: 2026-07-01, //'
judged registration.authorization 26 "granted without granted_on"
start 's/expires_on: 2029-06-30/expires_on: 2029-02-30/'
check_reg
expect_finding core.type "$R" 26 "an impossible date is core.type"
expect_no_rule registration.authorization "an impossible date is not reported twice"

# The finding points at the value: the same authorization as a block mapping.
block='authorization:\n  status: granted\n  number: "DGS-PP-2026-0042"\n  granted_on: 2026-07-01\n  expires_on: 2029-06-30'
start "s/^authorization: .*/$block/m"
passes "the block form of the example"
start "s/^authorization: .*/$block/m" 's/expires_on: 2029-06-30/expires_on: 2025-12-31/'
judged registration.authorization 30 "expired, at expires_on"
start "s/^authorization: .*/$block/m" 's/granted_on: 2026-07-01/granted_on: 2027-01-01/'
judged registration.authorization 29 "granted in the future, at granted_on"
start "s/^authorization: .*/$block/m" 's/status: granted/status: revoked/'
judged registration.authorization 27 "revoked, at status"
start "s/^authorization: .*/$block/m" 's/  number: "DGS-PP-2026-0042"\n//'
judged registration.authorization 26 "no number, at authorization"

# The policy's severity for applied, and its absence.
policy() {
	rm -rf "$TMP/pol"
	cp -R "$PPREG_TOP/policies" "$TMP/pol"
	POLICY=$TMP/pol/fr-model-2026.2.yaml
	perl -0pi -e "$1" "$POLICY"
}
start_repo 's/status: granted, number: "DGS-PP-2026-0042", granted_on: 2026-07-01, expires_on: 2029-06-30/status: applied/'
policy 's/authorization_applied: warning/authorization_applied: error/'
check_reg --policy "$POLICY"
expect_grep - "^$R:26:[0-9]*: error: registration.authorization: " "authorization_applied: error makes applied an error"
expect_rc 1 "authorization_applied: error: exit 1"
policy 's/authorization_applied: warning/authorization_applied: off/'
check_reg --policy "$POLICY" --strict
expect_no_rule registration.authorization "authorization_applied: off reports nothing"
expect_rc 0 "authorization_applied: off: exit 0, even with --strict"
start_repo 's/status: granted/status: revoked/'
check_reg --policy "$POLICY"
expect_finding registration.authorization "$R" 26 "authorization_applied: off leaves revoked an error"
expect_rc 1 "authorization_applied: off, revoked: exit 1"
for bad in 's/authorization_applied: warning/authorization_applied: notice/' \
	's/authorization_applied: warning/authorization_applied: [warning]/' \
	's/    params:\n      authorization_applied: warning\n(      .*\n)*//'; do
	policy "$bad"
	check_reg --policy "$POLICY"
	expect_rc 2 "policy edit $bad: exit 2"
	printf '%s\n' "$ERR" | grep -q 'registration.params.authorization_applied'
	ok $? "policy edit $bad: the message names the parameter"
done

# lapses: a granted authorization is valid through expires_on (the text
# report's "valid until" line, before the example's 2026-12-31)
for day in 2026-12-01 2026-11-23; do
	start "s/expires_on: 2029-06-30/expires_on: $day/"
	expect_grep -F "   valid until $day (registration.authorization, $R:26)" "expires_on $day: valid until $day"
	expect_rc 0 "expires_on $day: exit 0"
done
start 's/, expires_on: 2029-06-30//'
expect_grep -vF "(registration.authorization, " "an authorization with no expires_on sets no lapse"

done_testing
