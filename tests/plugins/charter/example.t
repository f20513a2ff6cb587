#!/bin/sh
# The example platform charte-incomplete: a commitment lacks the
# no-promotion clause and a partner is named by an e-mail address in
# charter.yaml and training.yaml. Every finding is a charter rule, and the
# address is never repeated in the report.
. "$(dirname "$0")/../../lib/tap.sh"
C=platforms/charte-incomplete/charter.yaml

make_registry charte-incomplete
check_reg
expect_rc 1 "charte-incomplete: exit 1"
expect_finding charter.clauses $C 6 "the no-promotion clause is missing"
expect_finding charter.pseudonymous $C 7 "a partner named by e-mail in charter.yaml"
expect_finding charter.pseudonymous platforms/charte-incomplete/training.yaml 19 "... and in training.yaml"
printf '%s\n' "$OUT" | grep -E ': (error|warning): ' | grep -vq ': charter\.'
[ $? -ne 0 ]
ok $? "charte-incomplete breaks charter rules only"
! printf '%s\n' "$OUT" | grep -q '@'
ok $? "the report does not repeat the e-mail address"

for f in json tap sarif junit; do
	check_reg --format $f
	! printf '%s\n' "$OUT" | grep -q 'claire.dupont'
	ok $? "the $f report does not repeat the e-mail address either"
done

done_testing
