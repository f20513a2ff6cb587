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

done_testing
