#!/bin/sh
# Every training.* rule broken alone in a copy of the compliant entraide-sante,
# asserting the rule id, its line and exit 1; the passing case; and the
# readings of the specification (topics added up, other topics allowed,
# withdrawn partners, the as-of boundary).
. "$(dirname "$0")/../../lib/tap.sh"
. "$PPREG_TOP/tests/lib/breaks.sh"
T=training.yaml
P=platforms/entraide-sante

# no_echo TEXT DESCRIPTION: no line of the last report repeats TEXT.
no_echo() {
	expect_grep -vF "$1" "$2"
}
# count_rule RULE N DESCRIPTION: the last report has N findings of RULE.
count_rule() {
	expect_count -E ": (error|warning): $1: " "$2" "$3"
}

passes_clean training.course-hours training.required-modules training.co-delivery \
	training.assessment training.partner-certified

# training.course-hours
breaks "a 20-hour course" $T 's/hours: 120/hours: 20/' training.course-hours 6
expect_grep - "training.course-hours: 20 hours, fewer than the 40 the specification requires" "the message gives the hours and the policy's minimum"
breaks "modules adding up to more than the total" $T 's/hours: 120/hours: 60/' training.course-hours 6
expect_grep - "the modules add up to 64 hours, more than the course's 60" "the message gives the modules' sum"
breaks "no provider" $T 's/    provider: \{name: Université Exemple, kind: university\}\n//' training.course-hours 3
breaks "a provider without a name" $T 's/provider: \{name: Université Exemple, /provider: {/' training.course-hours 5
breaks "a provider with a blank name" $T 's/name: Université Exemple/name: " "/' training.course-hours 5
breaks "a provider named by no-break, ideographic and zero-width spaces" $T \
	's/name: Université Exemple/name: "\\u00a0\\u3000\\u200b"/' training.course-hours 5
breaks "a provider named n/a" $T 's/name: Université Exemple/name: n\/a/' training.course-hours 5
breaks "a provider named NÉANT" $T 's/name: Université Exemple/name: NÉANT/' training.course-hours 5
breaks "a provider named -" $T 's/name: Université Exemple/name: "-"/' training.course-hours 5
expect_grep - "training.course-hours: the course's provider has no name" "the message says the provider has no name"
breaks "no total hours" $T 's/    hours: 120\n//' training.course-hours 3
breaks "a module of negative hours" $T 's/\{topic: social-vulnerability-bias, hours: 6\}/{topic: social-vulnerability-bias, hours: -6}/' \
	training.course-hours 14
make_case
edit $P/$T 's/hours: 120/hours: 64/'
expect_no_rule training.course-hours "a total equal to the modules' sum is enough"

# training.required-modules
breaks "a module without hours" $T 's/\{topic: role-boundaries, hours: 6\}/{topic: role-boundaries}/' \
	training.required-modules 13
count_rule training.required-modules 1 "a module without hours is one finding, not one more for its topic"
expect_finding training.partner-certified $P/$T 18 "... and the course certifies no partner"
breaks "a module without topic" $T 's/\{topic: role-boundaries, hours: 6\}/{hours: 6}/' training.required-modules 13
count_rule training.required-modules 1 "a module without topic is one finding, not one more for the topic it lacks"
expect_finding training.partner-certified $P/$T 18 "... and the course certifies no partner"
breaks "a module of 0 hours" $T 's/\{topic: role-boundaries, hours: 6\}/{topic: role-boundaries, hours: 0}/' \
	training.required-modules 7
expect_grep - "training.required-modules: the modules fall short of the specification: role-boundaries has 0 hours of 3$" "a topic taught for 0 hours has 0 hours of 3, it is not missing"
breaks "a module of -6 hours" $T 's/\{topic: role-boundaries, hours: 6\}/{topic: role-boundaries, hours: -6}/' \
	training.course-hours 13
expect_finding training.required-modules $P/$T 7 "... and its topic falls short"
expect_grep - "role-boundaries has 0 hours of 3$" "a topic taught for -6 hours has 0 hours of 3"
breaks "a topic missing" $T 's/      - \{topic: role-boundaries, hours: 6\}\n//' training.required-modules 7
expect_grep - "training.required-modules: the modules fall short of the specification: role-boundaries is missing (3 hours)$" "the message names the missing topic and its hours"
breaks "a topic too short" $T 's/\{topic: intervention-domains, hours: 16\}/{topic: intervention-domains, hours: 7.5}/' \
	training.required-modules 7
expect_grep - "intervention-domains has 7.5 hours of 8" "the message gives the hours and the minimum"
# one topic over two modules: their hours add up
make_case
edit $P/$T 's/\{topic: intervention-domains, hours: 16\}/{topic: intervention-domains, hours: 5}\n      - {topic: intervention-domains, hours: 3}/'
expect_no_rule training.required-modules "5 and 3 hours of one topic meet its minimum of 8"
breaks "one topic over two modules, short" $T \
	's/\{topic: intervention-domains, hours: 16\}/{topic: intervention-domains, hours: 4}\n      - {topic: intervention-domains, hours: 3}/' \
	training.required-modules 7
expect_grep - "intervention-domains has 7 hours of 8" "4 and 3 hours of one topic are 7 hours of 8"
breaks "a misspelt topic" $T 's/topic: ethics-neutrality,/topic: ethic-neutrality,/' training.required-modules 7
breaks "no module at all" $T 's/    modules:\n(      - .*\n)+/    modules: []\n/' training.required-modules 7
breaks "no modules key" $T 's/    modules:\n(      - .*\n)+//' training.required-modules 3
make_case
edit $P/$T 's/      - \{topic: intervention-domains, hours: 16\}\n/      - {topic: intervention-domains, hours: 4}\n      - {topic: intervention-domains, hours: 4}\n      - {topic: art-therapy, hours: 10}\n/'
expect_no_rule training.required-modules "4 + 4 hours of one topic make its 8; another topic is allowed"
expect_rc 0 "modules split and a topic of the course's own: exit 0"

# training.co-delivery
breaks "no patient partner among the trainers" $T 's/patient_partners: 3/patient_partners: 0/' training.co-delivery 15
breaks "no professional among the trainers" $T 's/professionals: 4/professionals: 0/' training.co-delivery 15
breaks "a negative count of trainers" $T 's/professionals: 4/professionals: -1/' training.co-delivery 15
breaks "no trainers" $T 's/    trainers: .*\n//' training.co-delivery 3
breaks "trainers without professionals" $T 's/, professionals: 4//' training.co-delivery 15

# training.assessment
breaks "no assessment" $T 's/    assessment: .*\n//' training.assessment 3
breaks "a blank assessment" $T 's/assessment: .*/assessment: " "/' training.assessment 16
breaks "an assessment that says none" $T 's/assessment: .*/assessment: None./' training.assessment 16
breaks "an assessment that says néant" $T 's/assessment: .*/assessment: néant/' training.assessment 16
breaks "an assessment that says NÉANT." $T 's/assessment: .*/assessment: NÉANT./' training.assessment 16
breaks "an assessment that says TBD" $T 's/assessment: .*/assessment: TBD/' training.assessment 16
breaks "an assessment that says ?" $T 's/assessment: .*/assessment: "?"/' training.assessment 16
breaks "an assessment of ideographic spaces" $T 's/assessment: .*/assessment: "\\u3000\\u3000"/' training.assessment 16
breaks "an assessment of no-break spaces around n/a" $T 's/assessment: .*/assessment: "\\u00a0n\/a\\u00a0"/' \
	training.assessment 16
make_case
edit $P/$T 's/assessment: .*/assessment: Non-graded oral defence/; s/name: Université Exemple/name: Néant Formation/'
expect_no_rule training.assessment "an assessment that only starts with a placeholder word is described"
expect_no_rule training.course-hours "... and so is such a provider name"
make_case
edit $P/$T 's/assessment: .*/assessment: [thesis, oral]/'
expect_finding core.type $P/$T 16 "an assessment as a list is a type error"
expect_no_rule training.assessment "... and not a second finding"

# training.partner-certified
breaks "a certification from an undeclared course" $T 's/\{partner: pp-c3d4, course: du-partenariat-exemple/{partner: pp-c3d4, course: du-inconnu/' \
	training.partner-certified 19
expect_count - "training.partner-certified" 1 "the undeclared course is one finding, not one more for its partner"
expect_grep - "training.partner-certified: certification from course 'du-inconnu', which training.yaml does not declare" "a course id with an id's shape is named"
breaks "an e-mail address as the course of a certification" $T \
	's/\{partner: pp-c3d4, course: du-partenariat-exemple/{partner: pp-c3d4, course: jean.dupont\@example.org/' \
	training.partner-certified 19
no_echo "jean.dupont" "training.partner-certified does not repeat an e-mail address given as the course"
expect_finding charter.pseudonymous $P/$T 19 "... which charter.pseudonymous reports"
breaks "a phone number as the id of a course below the specification" $T \
	's/id: du-partenariat-exemple/id: "06 12 34 56 78"/; s/course: du-partenariat-exemple/course: "06 12 34 56 78"/g; s/hours: 120/hours: 30/' \
	training.partner-certified 18
no_echo "06 12 34 56 78" "training.partner-certified does not repeat a phone number given as a course id"
make_case
edit $P/charter.yaml 's/partner: pp-c3d4/partner: 06-12-34-56-78/'
expect_finding training.partner-certified $P/$T 17 "an active partner named by a phone number holds no certification"
no_echo "06-12-34-56-78" "... and the phone number, which has the shape of a pseudonym, is not repeated"
expect_grep - "the active partner (charter.yaml line 7) holds no certification$" "... the message points at its line in charter.yaml instead"
breaks "an active partner without certification" $T 's/  - \{partner: pp-c3d4, .*\n//' training.partner-certified 17
expect_grep - "the active partner pp-c3d4 (charter.yaml line 7) holds no certification$" "the message names the partner and its line in charter.yaml"
breaks "no certification at all" $T 's/certifications:\n(  - .*\n)+/certifications: []\n/' training.partner-certified 17
breaks "a certification obtained after the as-of date" $T 's/obtained_on: 2026-06-30/obtained_on: 2026-11-24/' \
	training.partner-certified 19
breaks "a course below the specification" $T 's/hours: 120/hours: 30/' training.partner-certified 18
expect_finding training.partner-certified $P/$T 19 "... for each partner it certified"
expect_finding training.course-hours $P/$T 6 "... and the course's own finding"
breaks "a certification of another partner only" $T 's/partner: pp-c3d4, course/partner: pp-e5f6, course/' \
	training.partner-certified 17
make_case
edit $P/$T 's/obtained_on: 2026-06-30/obtained_on: 2026-11-23/'
expect_no_rule training.partner-certified "a certification obtained on the as-of date counts"
make_case
edit $P/$T 's/  - \{partner: pp-c3d4, .*\n//'
edit $P/charter.yaml 's/partner: pp-c3d4, status: active/partner: pp-c3d4, status: withdrawn/'
edit $P/transparency.yaml 's/total: 2/total: 1/; s/salaried: 1, volunteer: 1/salaried: 0, volunteer: 1/'
expect_no_rule training.partner-certified "a withdrawn partner needs no certification"
expect_rc 0 "a withdrawn partner without certification: exit 0"

# Two courses: a certification from the one that meets the specification is enough.
make_case
edit $P/$T 's/certifications:\n/  - id: initiation-courte\n    title: Initiation\n    provider: {name: Organisme Exemple}\n    hours: 10\n    modules: [{topic: partnership-principles, hours: 10}]\n    trainers: {patient_partners: 1, professionals: 1}\n    assessment: Quiz\ncertifications:\n  - {partner: pp-c3d4, course: initiation-courte, obtained_on: 2024-01-10}\n/'
expect_finding training.course-hours $P/$T 20 "the short second course is reported"
expect_no_rule training.partner-certified "pp-c3d4 also holds the good course's certification"

done_testing
