#!/bin/bash
# Every training.* rule broken alone in a compliant copy, with its line.
. "$(dirname "$0")/../../lib/tap.sh"
. "$PPREG_TOP/tests/lib/breaks.sh"
T=training.yaml

passes_clean training.course-hours training.required-modules training.co-delivery \
	training.assessment training.partner-certified

breaks "too few hours" $T 's/hours: 120/hours: 20/' training.course-hours 6
breaks "modules exceed the total" $T 's/hours: 120/hours: 60/' training.course-hours 6
breaks "no provider" $T 's/    provider: \{name: Université Exemple, kind: university\}\n//' training.course-hours 3
breaks "a topic missing" $T 's/      - \{topic: role-boundaries, hours: 6\}\n//' training.required-modules 7
breaks "a topic too short" $T 's/\{topic: intervention-domains, hours: 16\}/{topic: intervention-domains, hours: 4}/' training.required-modules 7
breaks "no patient partner trainer" $T 's/patient_partners: 3/patient_partners: 0/' training.co-delivery 15
breaks "no professional trainer" $T 's/professionals: 4/professionals: 0/' training.co-delivery 15
breaks "no assessment" $T 's/    assessment: .*\n//' training.assessment 3
breaks "a blank assessment" $T 's/assessment: .*/assessment: " "/' training.assessment 16
breaks "an unknown course" $T 's/\{partner: pp-c3d4, course: du-partenariat-exemple/{partner: pp-c3d4, course: du-inconnu/' training.partner-certified 19
breaks "an uncertified active partner" $T 's/  - \{partner: pp-c3d4, .*\n//' training.partner-certified 17
breaks "certified after the as-of date" $T 's/obtained_on: 2026-06-30/obtained_on: 2026-12-30/' training.partner-certified 19
breaks "certified by a course below the specification" $T 's/hours: 120/hours: 30/' training.partner-certified 17

done_testing
