#!/bin/sh
# The example platform formation-courte declares a 20-hour course taught
# without professionals: every finding is a training rule, and its partners
# hold no certification from a course meeting the specification.
. "$(dirname "$0")/../../lib/tap.sh"
T=platforms/formation-courte/training.yaml

make_registry formation-courte
check_reg
expect_rc 1 "formation-courte: exit 1"
expect_finding training.course-hours $T 6 "a 20-hour course"
expect_finding training.required-modules $T 7 "topics short of their hours"
expect_finding training.co-delivery $T 15 "no professional among the trainers"
expect_finding training.partner-certified $T 18 "pp-a1b2 certified by that course only"
expect_finding training.partner-certified $T 19 "pp-c3d4 certified by that course only"
printf '%s\n' "$OUT" | grep -E ': (error|warning): ' | grep -vq ': training\.'
[ $? -ne 0 ]
ok $? "formation-courte breaks training rules only"

# formation-disproportionnee: a 40-hour course that meets the
# specification, too short for the partners' missions under 2026.2 (60
# hours for care-pathways, 50 for education), and no funded_training.
F=platforms/formation-disproportionnee
make_registry formation-disproportionnee
check_reg
expect_rc 1 "formation-disproportionnee: exit 1"
expect_finding training.partner-certified $F/training.yaml 18 "pp-a1b2, care-pathways: 40 hours of 60"
expect_finding training.partner-certified $F/training.yaml 19 "pp-c3d4, education: 40 hours of 50"
expect_grep -E "^$F/training.yaml:1:[0-9]+: warning: training.funding-access: " "no funded_training: a warning"
expect_no_rule training.course-hours "the course meets the specification"
printf '%s\n' "$OUT" | grep -E ': (error|warning): ' | grep -vq ': training\.'
[ $? -ne 0 ]
ok $? "formation-disproportionnee breaks training rules only"
check_reg --policy "$PPREG_TOP/policies/fr-model-2026.1.yaml"
expect_rc 0 "formation-disproportionnee under fr-model 2026.1: exit 0, as before these readings"
expect_no_rule 'training\.[a-z-]+' "... with no training finding"

done_testing
