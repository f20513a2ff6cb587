#!/bin/bash
# ppreg inspect ATTESTATION: the statement for a person and as JSON, with
# its lapses and warnings; "NOT VERIFIED" unless --pubkey verifies it, and
# what the file says printed safely, since anyone can write such a file.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
make_registry
att -o "$TMP/a.json"
expect_rc 0 "attest"
C=$(git -C "$REG" rev-parse HEAD)

run_ppreg inspect "$TMP/a.json"
expect_rc 0 "inspect: exit 0"
is "$(printf '%s\n' "$OUT" | sed -n 2p)" \
	"signature:     NOT VERIFIED (no --pubkey given); what follows is what the file claims" \
	"inspect without a key: says first that nothing was verified"
expect_grep -x "subject:       platforms/entraide-sante" "the platform"
expect_grep -x "commit:        $C" "the commit"
expect_grep -x "as of:         $AS_OF" "the as-of date"
expect_grep -x "valid until:   2027-06-30" "the end of validity"
expect_grep -x "because:       lapse" "what set it"
expect_grep -x "  2027-06-30  transparency.funding  platforms/entraide-sante/transparency.yaml:5" "the first lapse, with its file and line"
expect_grep -x "  2028-01-31  gdpr.hds-hosting  platforms/entraide-sante/gdpr.yaml:19" "a later lapse"
expect_grep -x "warnings:      none" "no warnings"
expect_grep -E "^  [0-9a-f]{64}  platforms/entraide-sante/charter.yaml$" "the files and their digests"

run_ppreg inspect "$TMP/a.json" --pubkey "$K/p.pem"
expect_rc 0 "inspect --pubkey, the signer's key: exit 0"
expect_grep -x "signature:     verified with the given public key" "inspect --pubkey: verified"
"$PPREG" keygen --key "$TMP/other.pem" --pubkey "$TMP/other.pub" >/dev/null
run_ppreg inspect "$TMP/a.json" --pubkey "$TMP/other.pub"
expect_rc 1 "inspect --pubkey, another key: exit 1"
expect_grep -F "signature:     DOES NOT VERIFY with the given public key" "inspect --pubkey, another key: says so"

# JSON: the statement as signed, and what was verified.
run_ppreg inspect "$TMP/a.json" --format json
expect_rc 0 "inspect --format json: exit 0"
printf '%s\n' "$OUT" >"$TMP/i.json"
payload_of "$TMP/a.json" >"$TMP/statement.json"
python3 -c '
import json, sys
i = json.load(open(sys.argv[1])); s = json.load(open(sys.argv[2]))
assert i["statement"] == s, "statement differs"
assert i["signature"] == {"checked": False, "verified": False, "keyids": [i["signature"]["keyids"][0]]}, i["signature"]
assert i["payloadType"] == "application/vnd.in-toto+json"
assert i["statement"]["predicate"]["ppreg"]["lapses"][0]["rule"] == "transparency.funding"' "$TMP/i.json" "$TMP/statement.json"
ok $? "inspect --format json: the statement as signed, signature not checked"

# Warnings, and text from the file made safe to print: a terminal escape
# in a warning's message is not passed through.
restate "$TMP/a.json" "$TMP/w.json" "s['predicate']['ppreg']['warnings'] = [{'rule': 'core.unknown-field', 'file': 'platforms/entraide-sante/gdpr.yaml', 'line': 3, 'message': 'unknown \x1b[2J field'}]"
run_ppreg inspect "$TMP/w.json"
expect_grep -F "  core.unknown-field  platforms/entraide-sante/gdpr.yaml:3  unknown ?[2J field" "a warning, its escape character replaced"
printf '%s' "$OUT" | grep -q "$(printf '\033')"
is "$?" 1 "no escape character reaches the terminal"

# What cannot be read as an attestation.
printf '{}' >"$TMP/empty.json"
run_ppreg inspect "$TMP/empty.json"
expect_rc 2 "not an envelope: exit 2"
printf '%s\n' "$ERR" | grep -q "^ppreg inspect: .*empty.json: not an attestation: "
ok $? "not an envelope: says so"
run_ppreg inspect "$TMP/none.json"
expect_rc 2 "a missing file: exit 2"
run_ppreg inspect "$TMP/a.json" --format xml
expect_rc 2 "an unknown format: exit 2"
run_ppreg inspect "$TMP/a.json" --pubkey "$TMP/none.pub"
expect_rc 2 "a missing key: exit 2"
done_testing
