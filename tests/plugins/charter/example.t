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

# engagements-incomplets breaks the readings of 2026.2 only: a benevolent
# partner counted as a volunteer in transparency.yaml, a mission that is no
# service, a commitment the service did not countersign.
E=platforms/engagements-incomplets
make_registry engagements-incomplets
check_reg
expect_rc 1 "engagements-incomplets: exit 1"
expect_finding charter.signed $E/transparency.yaml 17 "partner_status counts that disagree with by_status"
expect_finding charter.missions $E/charter.yaml 5 "a mission that is no service of registration.yaml"
expect_finding charter.joint-signature $E/charter.yaml 7 "a commitment without countersignature"
printf '%s\n' "$OUT" | grep -E ': (error|warning): ' | grep -vq ': charter\.'
[ $? -ne 0 ]
ok $? "engagements-incomplets breaks charter rules only"
check_reg --policy "$PPREG_TOP/policies/fr-model-2026.1.yaml"
expect_rc 0 "engagements-incomplets under fr-model 2026.1: exit 0, as before these readings"
expect_no_rule 'charter\.[a-z-]+' "... with no charter finding"

done_testing
