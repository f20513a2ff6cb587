#!/bin/sh
# The test library itself (tap.sh): an edit that changes nothing fails the
# test, in a Git registry and in a case judged in process; the in-process
# runner (rule_test) passes and fails assertions as ppreg's output would,
# and a runner that stops early fails the test.
. "$(dirname "$0")/tap.sh"

# child BODY: runs BODY as a test file sourcing tap.sh (its $0 in tests/lib,
# where tap.sh finds the project); sets OUT (TAP and diagnostics) and RC.
child() {
	OUT=$(sh -c ". \"\$(dirname \"\$0\")/tap.sh\"
$1
done_testing" "$PPREG_TOP/tests/lib/child.t" 2>&1)
	RC=$?
}
G=platforms/entraide-sante/gdpr.yaml
OLD_DPIA="s/done_on: 2026-01-15/done_on: 2023-11-22/"

child "make_case; edit $G 's/no such text/x/'"
expect_rc 1 "an edit that changes nothing in a case fails the test"
expect_grep -F "not ok 1 - edit $G with 's/no such text/x/' changes the file" "... and says which edit"
child "make_registry; edit $G 's/no such text/x/'"
expect_rc 1 "an edit that changes nothing in a Git registry fails the test"
child "make_registry; edit $G '$OLD_DPIA'; ok 0 edited"
expect_rc 0 "an edit that changes the file passes"

child "make_case; edit $G '$OLD_DPIA'; expect_finding gdpr.dpia $G 22 found; expect_rc 1 'exit 1'"
expect_rc 0 "a case with its finding and exit status passes"
expect_grep - "^ok 1 - found$" "... the finding asserted"
expect_grep - "^ok 2 - exit 1$" "... and the exit status"
child "make_case; edit $G '$OLD_DPIA'; expect_no_rule gdpr.dpia 'no dpia'; expect_rc 0 'exit 0'"
expect_rc 1 "a case whose rule fires, asserted silent, fails the test"
expect_grep - "^not ok 1 - no dpia$" "... at the rule's assertion"
expect_grep - "^not ok 2 - exit 0$" "... and at the exit status"
expect_grep -F "gdpr.yaml:22:" "... with the report as diagnostics"
child "make_case; expect_grep -E '(' 'a broken pattern'"
expect_rc 1 "a runner that stops early fails the test"
expect_grep -F "not ok 1 - rule_test judged 0 of 1 assertions (exit 2)" "... and says how many it judged"

done_testing
