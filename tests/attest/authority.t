#!/bin/bash
# The authority's record (authority/authorizations.yaml, revocations.yaml):
# judged instead of what a platform says of itself; a platform it does not
# grant is never attested, nor is one only applied for; an attestation it
# revokes, or whose platform has changed since, no longer verifies.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
A=authority/authorizations.yaml
record() { # record ENTRY...: authority/authorizations.yaml with these entries
	mkdir -p "$REG/authority"
	{ printf 'format: ppreg/1\nauthorizations:\n'; for e in "$@"; do printf '  - %s\n' "$e"; done; } >"$REG/$A"
	commit "the authority's record"
}
GRANTED='{platform: entraide-sante, number: "DGS-PP-2026-0042", status: granted, granted_on: 2026-07-01}'

make_registry
record "$GRANTED"
check_reg
expect_rc 0 "granted by the record, with no term: compliant"
expect_no_rule registration.authorization "granted by the record: no finding"
expect_no_rule core.authority-record "a record of the registry's platforms only: no core.authority-record"
att -o "$TMP/a.json"
expect_rc 0 "granted by the record: attested"

# The record's term is a lapse like a declared one, reported at the record.
record '{platform: entraide-sante, number: "DGS-PP-2026-0042", status: granted, granted_on: 2026-07-01, expires_on: 2026-12-15}'
run_ppreg check "$REG" --as-of "$AS_OF" --format json
printf '%s\n' "$OUT" | grep -q '"valid_until": "2026-12-15"'
ok $? "a term in the record sets the platform's valid_until"
printf '%s\n' "$OUT" | grep -A4 '"valid_until_set_by"' | grep -q '"file": "authority/authorizations.yaml"'
ok $? "... set by the record's line"
record "$GRANTED"

record '{platform: autre-service, number: "X-1", status: granted, granted_on: 2026-01-01}'
check_reg
expect_rc 1 "absent from the record: exit 1"
expect_grep -F "registration.authorization: platforms/entraide-sante is not in the authority's record (authority/authorizations.yaml): it is not authorized" \
	"absent from the record: not authorized, whatever the declaration says"
expect_finding core.authority-record "$A" 3 "an id the registry does not hold: core.authority-record at its line"

record '{platform: entraide-sante, number: "DGS-PP-2026-0042", status: revoked, granted_on: 2026-07-01}'
run_ppreg check "$REG" --as-of "$AS_OF" --changed HEAD~1..HEAD
expect_rc 1 "a change of the record alone (--changed): exit 1"
printf '%s\n' "$OUT" | grep -q '^== entraide-sante: non-compliant$'
ok $? "a change of the record alone (--changed): the platforms are judged again"
check_reg
expect_rc 1 "revoked by the record: exit 1"
expect_finding registration.authorization "$A" 3 "revoked by the record: reported at the record's line"
expect_grep -F "the declaration says status 'granted', the authority's record ($A line 3) says 'revoked'" \
	"the declaration that disagrees is a finding too"
att -o "$TMP/r.json"
expect_rc 1 "revoked by the record: not attested"

record '{platform: entraide-sante, number: "DGS-PP-2026-9999", status: granted, granted_on: 2026-07-01, expires_on: 2026-10-31}'
check_reg
expect_rc 1 "a record that expired, and another number: exit 1"
expect_grep -F "the authorization expired on 2026-10-31, before the as-of date 2026-11-23" "the record's term is judged"
expect_grep -F "the declaration says number 'DGS-PP-2026-0042', the authority's record ($A line 3) says 'DGS-PP-2026-9999'" \
	"a number that disagrees is a finding"

# Without a record, a platform only applied for is compliant (a warning),
# and never attested, whatever the policy makes of the warning.
make_registry
edit platforms/entraide-sante/registration.yaml 's/authorization: \{status: granted, [^}]*\}/authorization: {status: applied}/'
commit "applied"
check_reg
expect_rc 0 "applied for, without a record: compliant (a warning)"
att -o "$TMP/applied.json"
expect_rc 1 "applied for: not attested"
expect_err "^ppreg attest: platforms/entraide-sante: the authorization is applied for, not granted: nothing signed$" \
	"applied for: says why"
[ ! -e "$TMP/applied.json" ]
ok $? "applied for: nothing written"

# A record that cannot be read: the registry cannot be judged (exit 2).
make_registry
mkdir -p "$REG/authority"
for bad in 'format: ppreg/1\nauthorizations:\n  - {platform: entraide-sante, status: maybe, number: "1", granted_on: 2026-01-01}\n' \
           'format: ppreg/1\nauthorizations: [unclosed\n' \
           'format: ppreg/1\nauthorizations: []\nextra: 1\n'; do
	printf "$bad" >"$REG/$A"
	commit "bad record"
	check_reg
	expect_rc 2 "a malformed record: exit 2"
	printf '%s\n' "$ERR" | grep -Eq "^ppreg check: $A:[0-9]+:[0-9]+: core\.[a-z-]+: .*the authority's record cannot be read"
	ok $? "a malformed record: one line naming the file, line and rule"
	is "$OUT" "" "a malformed record: no report"
done

# Revoked by the authority after it was signed: verify --registry refuses it.
make_registry
att -o "$TMP/v.json"
expect_rc 0 "attested"
payload=$(payload_of "$TMP/v.json" | openssl dgst -sha256 -r | cut -c1-64)
mkdir -p "$REG/authority"
printf 'format: ppreg/1\nrevocations:\n  - {payload_sha256: %s, revoked_on: 2026-11-30, reason: "signed in error"}\n' \
	"$payload" >"$REG/authority/revocations.yaml"
commit "revoked"
ver "$TMP/v.json" --registry "$REG"
expect_rc 1 "a revoked attestation: exit 1"
expect_err "revoked by the authority on 2026-11-30: signed in error" "a revoked attestation: says when and why"
ver "$TMP/v.json"
expect_rc 0 "without --registry, the signature alone still verifies"
done_testing
