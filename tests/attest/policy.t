#!/bin/bash
# The policy's attestation block bounds what attest signs: a malformed
# block stops every command at policy load (exit 2), never lifts the bound.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
POL=$PPREG_TOP/policies/fr-model-2026.2.yaml
# policy NAME PERL: a copy of the shipped policy changed by PERL.
policy() {
	mkdir -p "$TMP/pol/charters"
	cp "$PPREG_TOP"/policies/charters/* "$TMP/pol/charters/"
	perl -0pe "$2" "$POL" >"$TMP/pol/$1.yaml"
	PF=$TMP/pol/$1.yaml
}
make_registry
bad_policy() { # bad_policy NAME PERL REASON
	policy "$1" "$2"
	att --policy "$PF" --valid-for P999Y -o "$TMP/$1.json"
	expect_rc 2 "$1: attest exit 2"
	expect_err "policy .*$1.yaml:[0-9]+: $3" "$1"
	test ! -e "$TMP/$1.json"
	ok $? "$1: nothing is signed"
	check_reg --policy "$PF"
	expect_rc 2 "$1: check exit 2 too (policy load)"
}
bad_policy max-3y 's/max_valid_for: P3Y/max_valid_for: 3Y/' "attestation.max_valid_for must be an ISO-8601 duration"
bad_policy max-list 's/max_valid_for: P3Y/max_valid_for: [P3Y]/' "attestation.max_valid_for must be an ISO-8601 duration"
bad_policy max-empty 's/max_valid_for: P3Y/max_valid_for:/' "attestation.max_valid_for must be an ISO-8601 duration"
bad_policy default-bad 's/default_valid_for: P1Y/default_valid_for: one year/' \
	"attestation.default_valid_for must be an ISO-8601 duration"
bad_policy typo 's/max_valid_for:/max_valid_fro:/' "attestation.max_valid_fro is not a setting"
bad_policy not-map 's/attestation:\n.*\n.*\n.*\n/attestation: P3Y\n/' "'attestation' must be a mapping"
bad_policy level-list 's/verified_level: (\S+)/verified_level: [$1]/' "attestation.verified_level must be a non-empty string"

# No max_valid_for: the default validity is also the maximum.
policy no-max 's/  max_valid_for: P3Y\n//'
att --policy "$PF" --valid-for P2Y
expect_rc 2 "without max_valid_for, --valid-for past default_valid_for: exit 2"
expect_err "exceeds the policy's maximum P1Y" "without max_valid_for"
att --policy "$PF" --valid-for P6M
expect_rc 0 "without max_valid_for, a shorter --valid-for is signed"
# No attestation block at all: P1Y, at most P1Y, level PPREG_COMPLIANT
# (the funding rule off: its lapse, 2026-12-31, would end it first).
policy no-block 's/attestation:\n.*\n.*\n.*\n//; s/^severity: \{\}/severity: {transparency.funding: off}/m'
att --policy "$PF" -o "$TMP/nb.json"
expect_rc 0 "without an attestation block, attest signs for the default P1Y"
payload_of "$TMP/nb.json" | grep -q '"valid_until":"2027-11-23"'
ok $? "valid until as-of + P1Y"
payload_of "$TMP/nb.json" | grep -q '"verifiedLevels":\["PPREG_COMPLIANT"\]'
ok $? "the verified level is PPREG_COMPLIANT"
att --policy "$PF" --valid-for P1Y1D
expect_rc 2 "without an attestation block, P1Y is the maximum"
# A default past the maximum is refused when it is used.
policy default-past 's/default_valid_for: P1Y/default_valid_for: P4Y/'
att --policy "$PF"
expect_rc 2 "a default_valid_for past max_valid_for: exit 2"
expect_err "exceeds the policy's maximum P3Y" "a default past the maximum"
done_testing
