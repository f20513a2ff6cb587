#!/bin/bash
# What attest puts in the statement, and what it refuses to sign: names JSON
# cannot carry faithfully, a malformed SOURCE_DATE_EPOCH, an ambiguous
# command line, a validity past the calendar or the policy's maximum.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
# field ENVELOPE PYTHON-EXPR: a value of the statement (dict s).
field() { payload_of "$1" | python3 -c 'import json,sys; s=json.load(sys.stdin); print(eval(sys.argv[1]))' "$2"; }

# A file name that is not UTF-8 cannot be named in JSON: exit 2, nothing
# written, instead of an entry silently missing from inputAttestations.
make_registry
printf x >"$REG/platforms/entraide-sante/evidence/bad$(printf '\377')name.pdf"
commit "a file name that is not UTF-8"
att -o "$TMP/bad.json"
expect_rc 2 "a platform with a file name that is not UTF-8: exit 2"
expect_err "platforms/entraide-sante/evidence/bad\\?name.pdf: a file name that is not UTF-8" "a non-UTF-8 file name"
test ! -e "$TMP/bad.json"
ok $? "nothing is written"
make_registry
printf x >"$REG/platforms/entraide-sante/evidence/santé.pdf"
commit "a UTF-8 file name"
att -o "$TMP/utf8.json"
expect_rc 0 "a UTF-8 file name is attested"
is "$(field "$TMP/utf8.json" 'len(s["predicate"]["inputAttestations"])')" \
	"$(git -C "$REG" ls-files platforms/entraide-sante | wc -l)" "every file is in inputAttestations"

# resourceUri: a file:// URI of the registry's real path, whatever PATH was
# given (".", a relative path), percent-encoded.
next_reg 'with space'; mkdir -p "$REG"
cp -R "$PPREG_TOP/registry/registry.yaml" "$PPREG_TOP/registry/platforms" "$REG/"
git init -q "$REG" && git -C "$REG" add -A && git -C "$REG" commit -q -m init
real=$(cd "$REG" && pwd -P | sed 's/ /%20/g')
(cd "$REG" && "$PPREG" attest . --key "$K/k.pem" --platform entraide-sante --as-of "$AS_OF" -o "$TMP/dot.json")
is "$(field "$TMP/dot.json" 's["predicate"]["resourceUri"]')" "file://$real#platforms/entraide-sante" \
	"attest . gives the registry's real path as a file:// URI"
(cd "$REG/platforms" && "$PPREG" attest .. --key "$K/k.pem" --platform entraide-sante --as-of "$AS_OF" -o "$TMP/dotdot.json")
is "$(field "$TMP/dotdot.json" 's["predicate"]["resourceUri"]')" "file://$real#platforms/entraide-sante" \
	"attest .. gives the same URI"

# SOURCE_DATE_EPOCH: seconds from 0 to 9999-12-31T23:59:59Z, or exit 2.
make_registry
SOURCE_DATE_EPOCH=1700000000 att -o "$TMP/e.json"
expect_rc 0 "SOURCE_DATE_EPOCH=1700000000"
is "$(field "$TMP/e.json" 's["predicate"]["timeVerified"]')" 2023-11-14T22:13:20Z "fixes timeVerified"
SOURCE_DATE_EPOCH=253402300799 att -o "$TMP/e.json"
is "$(field "$TMP/e.json" 's["predicate"]["timeVerified"]')" 9999-12-31T23:59:59Z "the last second of 9999"
for bad in abc 99999999999999999 253402300800 -1 1e3 ' 5' 5x 0x10 '+5'; do
	SOURCE_DATE_EPOCH=$bad att -o "$TMP/e.json"
	expect_rc 2 "SOURCE_DATE_EPOCH='$bad': exit 2"
	expect_err "SOURCE_DATE_EPOCH .* is not a number of seconds from 0 to 253402300799" "SOURCE_DATE_EPOCH='$bad'"
done

# One value per option: --platform A --platform B signed B alone.
make_registry entraide-sante sante-revoquee
run_ppreg attest "$REG" --key "$K/k.pem" --platform sante-revoquee --platform entraide-sante --as-of "$AS_OF"
expect_rc 2 "--platform given twice: exit 2"
expect_err "--platform given twice" "--platform given twice"
is "$OUT" "" "and nothing is signed"
run_ppreg attest "$REG" --key "$K/k.pem" --key "$K/k.pem" --platform entraide-sante --as-of "$AS_OF"
expect_rc 2 "--key given twice: exit 2"

# --valid-for: an end past 9999-12-31 is refused, not clamped or ignored.
make_registry
att --valid-for P1Y999999W
expect_rc 2 "--valid-for P1Y999999W: exit 2"
expect_err "--valid-for P1Y999999W goes past 9999-12-31" "--valid-for P1Y999999W"
att --valid-for P1Y999999W999999D
expect_rc 2 "--valid-for P1Y999999W999999D: exit 2"
expect_err "goes past 9999-12-31" "--valid-for P1Y999999W999999D"
att --valid-for P3Y1D
expect_rc 2 "--valid-for P3Y1D, past the policy's P3Y: exit 2"
expect_err "exceeds the policy's maximum P3Y" "--valid-for P3Y1D"
att --valid-for P3Y -o "$TMP/3y.json"
expect_rc 0 "--valid-for P3Y, the policy's maximum"
is "$(field "$TMP/3y.json" 's["predicate"]["ppreg"]["valid_until"]')" 2027-06-30 \
   "valid until 2027-06-30: the example's first lapse (2026 funding due after the grace) ends it first"
att --valid-for PT1H
expect_rc 2 "--valid-for PT1H ends the day it starts: exit 2"
done_testing
