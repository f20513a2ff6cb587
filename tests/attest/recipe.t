#!/bin/bash
# The README's openssl-only recipe (docs/verify-with-openssl.sh, run as it
# is) accepts what ppreg verify accepts from ppreg: Ed25519 and P-256,
# URL-safe base64 without padding, several signatures with the good one
# anywhere; and refuses what it must. The README holds the same recipe.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
RECIPE=${RECIPE:-$PPREG_TOP/docs/verify-with-openssl.sh}
recipe() { sh "$RECIPE" "$@" >"$TMP/recipe.out" 2>"$TMP/recipe.err"; }
# both ENVELOPE PUB DESCRIPTION: ppreg verify and the recipe both accept it.
both() {
	run_ppreg verify "$1" --pubkey "$2" --as-of "$AS_OF"
	expect_rc 0 "$3: ppreg verify accepts it"
	recipe "$1" "$2"
	ok $? "$3: the openssl recipe accepts it"
	grep -q '"verificationResult":"PASSED"' "$TMP/recipe.out"
	ok $? "$3: and prints the statement"
}
variant() { # variant ENVELOPE OUT PYTHON (on the dict e), written compact or indented
	python3 - "$1" "$2" "$3" <<'PY'
import json, sys
e = json.load(open(sys.argv[1]))
indent = 2
exec(sys.argv[3])
open(sys.argv[2], "w").write(json.dumps(e, indent=indent) + "\n")
PY
}
make_registry
att -o "$TMP/a.json"
both "$TMP/a.json" "$K/p.pem" "ppreg's Ed25519 envelope"
run_ppreg keygen --key "$K/e.pem" --pubkey "$K/e.pub" --algorithm ecdsa-p256
run_ppreg attest "$REG" --key "$K/e.pem" --platform entraide-sante --as-of "$AS_OF" -o "$TMP/e.json"
both "$TMP/e.json" "$K/e.pub" "ppreg's ECDSA P-256 envelope"

# Unpadded URL-safe base64, for a payload whose base64 needs padding.
payload_of "$TMP/a.json" >"$TMP/st.json"
while [ $(($(wc -c <"$TMP/st.json") % 3)) -eq 0 ]; do printf ' ' >>"$TMP/st.json"; done
resign "$TMP/padded.json" "$TMP/st.json"
variant "$TMP/padded.json" "$TMP/url.json" '
t = str.maketrans("+/", "-_")
assert e["payload"].endswith("=")
e["payload"] = e["payload"].translate(t).rstrip("=")
for s in e["signatures"]: s["sig"] = s["sig"].translate(t).rstrip("=")'
both "$TMP/url.json" "$K/p.pem" "URL-safe base64 without padding"

# Several signatures: the good one first, in the middle, on one line.
BOGUS='{"keyid": "other", "sig": "'$(head -c 64 /dev/zero | openssl base64 -A)'"}'
variant "$TMP/a.json" "$TMP/first.json" "e['signatures'].append(json.loads('$BOGUS'))"
both "$TMP/first.json" "$K/p.pem" "the good signature first of two"
variant "$TMP/a.json" "$TMP/middle.json" "e['signatures'] = [json.loads('$BOGUS')] + e['signatures'] + [json.loads('$BOGUS')]"
both "$TMP/middle.json" "$K/p.pem" "the good signature second of three"
variant "$TMP/a.json" "$TMP/compact.json" "e['signatures'].append(json.loads('$BOGUS')); indent = None"
both "$TMP/compact.json" "$K/p.pem" "an envelope on one line"

# What the recipe must refuse.
variant "$TMP/a.json" "$TMP/onlybad.json" "e['signatures'] = [json.loads('$BOGUS')]"
recipe "$TMP/onlybad.json" "$K/p.pem"
is $? 1 "the recipe refuses an envelope whose only signature is wrong"
recipe "$TMP/a.json" "$K/e.pub"
is $? 1 "the recipe refuses another key"
printf '%s' "$(payload_of "$TMP/a.json")" | sed 's/"as_of":"2026-11-23"/"as_of":"2026-11-24"/' | openssl base64 -A >"$TMP/p64"
variant "$TMP/a.json" "$TMP/changed.json" "e['payload'] = open('$TMP/p64').read()"
recipe "$TMP/changed.json" "$K/p.pem"
is $? 1 "the recipe refuses a changed payload"
! grep -q . "$TMP/recipe.out"
ok $? "and prints no statement"
variant "$TMP/a.json" "$TMP/ptype.json" "e['payloadType'] = 'application/json'"
recipe "$TMP/ptype.json" "$K/p.pem"
is $? 1 "the recipe refuses another payload type"

# The README's recipe is the script's, word for word (below the `dir=` line).
awk '/^\*\*Verifying with openssl alone\*\*/ { f = 1 } f && /^```sh$/ { c = 1; next } c && /^```$/ { exit } c' \
	"$PPREG_TOP/README.md" | sed 1d >"$TMP/readme.sh"
sed '1,/^dir=/d' "$PPREG_TOP/docs/verify-with-openssl.sh" >"$TMP/script.sh"
cmp -s "$TMP/readme.sh" "$TMP/script.sh"
ok $? "the README's recipe is the script's"
[ "$(wc -l <"$TMP/readme.sh")" -gt 10 ]
ok $? "(and not empty)"
done_testing
