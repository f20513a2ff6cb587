#!/bin/bash
# ppreg schema FILE: a declaration file's JSON Schema from the loaded
# plugins' schemas, valid draft 2020-12, that the example declarations
# pass and a mistyped one fails, for editors (docs/tools.md).
. "$(dirname "$0")/../lib/tap.sh"
make_registry
E=$PPREG_TOP/registry/platforms/entraide-sante
groups=
for f in registration transparency gdpr charter training; do
	run_ppreg schema $f.yaml "$REG"
	expect_rc 0 "schema $f.yaml: exit 0"
	printf '%s\n' "$OUT" >"$TMP/$f.json"
	groups="$groups $TMP/$f.json $E/$f.yaml --"
done
grep -q '"\$schema": "https://json-schema.org/draft/2020-12/schema"' "$TMP/charter.json"
ok $? "it names draft 2020-12"
grep -q '"description": "optional, a date YYYY-MM-DD; charter.signed' "$TMP/charter.json"
ok $? "each field's description gives its type and its rule"

# What an editor flags as one types: a wrong enum value, a mistyped date,
# an unknown key, a missing required field.
sed 's/status: active/status: paused/; s/signed_on: 2026-07-10/signed_on: juillet/; s/^charter:/chartre:/' \
	"$E/charter.yaml" >"$TMP/bad.yaml"
# Another policy, another plugin: its file and fields.
run_ppreg schema sample.yaml "$REG" --policy "$PPREG_TOP/tests/core/data/policy.yaml" --plugin-dir "$PPREG_BUILD/tests/plugins"
expect_rc 0 "schema of a third plugin's file: exit 0"
printf '%s\n' "$OUT" >"$TMP/sample.json"
printf 'format: ppreg/1\nname: x\ncolor: red\nitems: [{id: a}]\nday: "2026-01-02"\n' >"$TMP/s.yaml"
printf 'format: ppreg/1\ncolor: blue\nitems: [{}]\n' >"$TMP/s-bad.yaml"

# One Python for every validation: its start costs more than the rest.
python3 "$PPREG_TOP/tests/lib/json_schema_check.py" $groups "$TMP/charter.json" "$TMP/bad.yaml" -- \
	"$TMP/sample.json" "$TMP/s.yaml" "$TMP/s-bad.yaml" >"$TMP/v" 2>&1
[ $? -eq 77 ] && { ok 0 "# SKIP python3 jsonschema or PyYAML is not installed"; done_testing; }
grep -v -e "^$TMP/bad.yaml: " -e "^$TMP/s-bad.yaml: " "$TMP/v" >"$TMP/unexpected"
is "$(cat "$TMP/unexpected")" "" "the schemas are valid, and entraide-sante's declarations and a good sample pass them"
for want in "/commitments/0/status: 'paused' is not one of" "/commitments/0/signed_on: 'juillet' is not valid under any of the given schemas" \
	"/: Additional properties are not allowed ('chartre'" "/: 'charter' is a required property"; do
	grep -qF "$TMP/bad.yaml: $want" "$TMP/v"
	ok $? "a broken charter.yaml fails: $want"
done
is "$(grep -c "^$TMP/s-bad.yaml: " "$TMP/v")" 3 "a third plugin's schema: a bad sample fails thrice (name, color, items[].id)"

# A path ending in the file will do; a file no plugin describes is exit 2.
run_ppreg schema "platforms/x/charter.yaml" "$REG"
is "$OUT" "$(cat "$TMP/charter.json")" "schema of a path: the schema of its file name"
run_ppreg schema registry.yaml "$REG"
printf '%s\n' "$OUT" >"$TMP/registry.json"
python3 "$PPREG_TOP/tests/lib/json_schema_check.py" "$TMP/registry.json" "$REG/registry.yaml" >"$TMP/v" 2>&1
is "$?:$(cat "$TMP/v")" "0:" "schema registry.yaml: the core's fields, which the example passes"
run_ppreg schema nope.yaml "$REG"
expect_rc 2 "schema of a file no plugin describes: exit 2"
printf '%s\n' "$ERR" | grep -q "describes no file 'nope.yaml'; its files: registration.yaml transparency.yaml gdpr.yaml charter.yaml training.yaml alert.yaml partnership.yaml$"
ok $? "schema of a file no plugin describes: names the files there are"
run_ppreg schema charter.yaml "$REG" --report json
expect_rc 2 "--report json with a FILE: usage error"
run_ppreg schema --report sarif
expect_rc 2 "--report of another format: usage error"
done_testing
