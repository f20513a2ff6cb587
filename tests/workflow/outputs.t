#!/bin/bash
# Several reports from one run, -o, --quiet, colour, and the document a run
# that cannot be judged still writes (issue 19).
. "$(dirname "$0")/lib.sh"

make_registry
add_platform autre
break_platform autre
commit

# One run, three reports: each format to its file or stdout, judged once.
check_reg --format sarif="$TMP/r.sarif" --format junit="$TMP/r.xml" --format text
expect_rc 1 "three reports: exit 1 for the error"
has "== autre: non-compliant" "the text goes to stdout"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); r=d["runs"][0]["results"]
assert [x["ruleId"] for x in r] == [sys.argv[2]], r' "$TMP/r.sarif" "$BAD_RULE"
ok $? "the SARIF file holds the one finding"
grep -q "<testsuite name=\"autre\" tests=\"[0-9]*\" failures=\"1\"" "$TMP/r.xml"
ok $? "the JUnit file holds the failing suite"

# -o: the report bound for stdout goes to the file, written whole.
check_reg --format json -o "$TMP/r.json"
is "$RC:$OUT" "1:" "-o: exit 1 and nothing on stdout"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMP/r.json"
ok $? "-o: the file is a whole JSON document"
echo before >"$TMP/keep.txt"
check_reg -o "$TMP/keep.txt" --rev no-such-rev
is "$RC:$(cat "$TMP/keep.txt")" "2:before" "-o: a run that fails leaves the text file as it was"
check_reg --format sarif=a --format json=a
expect_rc 2 "two reports to one file: exit 2"
check_reg --format sarif=x.sarif -o y
expect_rc 2 "-o with no report bound for stdout: exit 2"

# --quiet: the findings alone.
check_reg --quiet
is "$RC:$(printf '%s\n' "$OUT" | grep -vc ": error: $BAD_RULE: ")" "1:0" "--quiet: only finding lines"
expect_count -F ": error: $BAD_RULE: " 1 "--quiet: the finding is there"

# Colour on a terminal only; NO_COLOR wins. CLICOLOR_FORCE stands for the terminal.
check_reg
hasnt $'\033[' "no colour into a pipe"
CLICOLOR_FORCE=1 run_ppreg check "$REG" --as-of "$AS_OF"
has $'\033[1;31merror\033[0m' "CLICOLOR_FORCE: the severity in colour"
has $'== autre: \033[1;31mnon-compliant' "and the verdict"
CLICOLOR_FORCE=1 NO_COLOR=1 run_ppreg check "$REG" --as-of "$AS_OF"
hasnt $'\033[' "NO_COLOR: no colour"
CLICOLOR_FORCE=1 run_ppreg check "$REG" --as-of "$AS_OF" -o "$TMP/c.txt"
! grep -q $'\033' "$TMP/c.txt"
ok $? "no colour into a file"

# Exit 2 still writes a valid document that says the run failed and why.
check_reg --format sarif --rev no-such-rev
python3 -c 'import json,sys; d=json.load(sys.stdin); inv=d["runs"][0]["invocations"][0]
assert inv["executionSuccessful"] is False
assert "no-such-rev" in inv["toolExecutionNotifications"][0]["message"]["text"]' <<<"$OUT"
ok $? "SARIF on exit 2: executionSuccessful false, with the reason"
expect_rc 2 "SARIF on exit 2: exit 2"
SCHEMA=$PPREG_TOP/../shared/data/sarif-schema-2.1.0.json
if [ -f "$SCHEMA" ] && python3 -c 'import jsonschema' 2>/dev/null; then
	printf '%s' "$OUT" >"$TMP/fail.sarif"
	python3 -c 'import json, sys, jsonschema
jsonschema.Draft4Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))' "$SCHEMA" "$TMP/fail.sarif"
	ok $? "and it is valid against the SARIF 2.1.0 schema"
else
	ok 0 "# SKIP no ../shared/data/sarif-schema-2.1.0.json or python3-jsonschema"
fi
check_reg --format junit --rev no-such-rev
has '<testsuites name="ppreg" tests="1" failures="0" errors="1">' "JUnit on exit 2: one test in error"
has "no-such-rev" "JUnit on exit 2: the reason"
check_reg --format github --rev no-such-rev
has "::error title=ppreg::" "GitHub on exit 2: an error annotation with the reason"
check_reg --format sarif="$TMP/f.sarif" --format text --rev no-such-rev
grep -q '"executionSuccessful": false' "$TMP/f.sarif"
is "$RC:$OUT:$?" "2::0" "SARIF file on exit 2 written, nothing on stdout for text"
done_testing
