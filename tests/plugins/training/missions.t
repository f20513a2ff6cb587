#!/bin/sh
# The readings fr-model 2026.2 switches on (issue 18), each broken alone in
# a copy of the compliant entraide-sante: training.partner-certified with
# hours_by_domain (the hours a partner's certified courses give follow the
# domains of its missions) and training.funding-access (a warning). Then
# the same edits under 2026.1, where these readings do not run.
# entraide-sante: pp-a1b2 (charter.yaml line 4, a volunteer) has a mission
# in care-pathways (60 hours in the model), pp-c3d4 (line 7, salaried) one
# in education (50); both hold the 120-hour course, training.yaml lines 18
# and 19; funded_training is at lines 20-22.
. "$(dirname "$0")/../../lib/tap.sh"
. "$PPREG_TOP/tests/lib/breaks.sh"
T=training.yaml
C=charter.yaml
P=platforms/entraide-sante
# course HOURS: the course cut to the specification's minimum topics (32
# hours of modules) and HOURS in all; it still meets the specification.
course() {
	printf '%s' "s/hours: 120/hours: $1/; s/(topic: [a-z-]+, hours: )6\\}/\${1}3}/g; "
	printf '%s' 's/(topic: (?:partnership-principles|experiential-knowledge), hours: )12/${1}6/g; '
	printf '%s' 's/(topic: intervention-domains, hours: )16/${1}8/'
}

passes_clean training.partner-certified training.funding-access

# training.partner-certified: hours by the domains of the missions
breaks "a 40-hour course for missions in care-pathways and education" $T "$(course 40)" training.partner-certified 18
expect_finding training.partner-certified $P/$T 19 "... and for the partner in education"
expect_grep - "training.partner-certified: the active partner pp-a1b2 (charter.yaml line 4) has missions in care-pathways, which asks for 60 hours of training; the courses that certify it give 40$" \
	"the message gives the domain, the hours it asks and those certified"
expect_no_rule training.course-hours "... the course itself meets the specification"
make_case
edit $P/$T "$(course 50)"
expect_finding training.partner-certified $P/$T 18 "50 hours are fewer than care-pathways' 60"
expect_grep -vE "^$P/$T:19:[0-9]+: error: training.partner-certified" "50 hours are enough for education's 50"
passes "a 60-hour course is enough for both" $T "$(course 60)" training.partner-certified
make_case
edit $P/$T "$(course 40)"
edit $P/$C 's/missions: \[accompagnement-oncologie\]/missions: [interventions-ifsi, accompagnement-oncologie]/'
expect_grep - "pp-a1b2 (charter.yaml line 4) has missions in care-pathways, which asks for 60 hours" \
	"several missions: the most demanding domain counts"
# Two courses that meet the specification add up; a second certification
# from the same course does not.
make_case
edit $P/$T "$(course 40); s/^certifications:/  - id: module-oncologie\n    title: Accompagnement en oncologie\n    provider: {name: Université Exemple}\n    hours: 40\n    modules:\n      - {topic: partnership-principles, hours: 6}\n      - {topic: experiential-knowledge, hours: 6}\n      - {topic: intervention-domains, hours: 8}\n      - {topic: confidentiality-secrecy, hours: 3}\n      - {topic: ethics-neutrality, hours: 3}\n      - {topic: role-boundaries, hours: 3}\n      - {topic: social-vulnerability-bias, hours: 3}\n    trainers: {patient_partners: 1, professionals: 1}\n    assessment: Oral examination\ncertifications:/m; s/(  - \\{partner: pp-a1b2, course: du-partenariat-exemple, obtained_on: 2025-06-30\\}\n)/\$1  - {partner: pp-a1b2, course: module-oncologie, obtained_on: 2026-01-15}\n/"
expect_grep -vE "error: training.partner-certified: the active partner pp-a1b2" "40 + 40 hours of two courses meet care-pathways' 60"
expect_finding training.partner-certified $P/$T 34 "... while pp-c3d4, certified by one of them, is still short"
make_case
edit $P/$T "$(course 40); s/(  - \\{partner: pp-a1b2, course: du-partenariat-exemple, obtained_on: 2025-06-30\\}\n)/\$1\$1/"
expect_grep - "pp-a1b2 (charter.yaml line 4) has missions in care-pathways, which asks for 60 hours of training; the courses that certify it give 40$" \
	"the same course certified twice gives its hours once"
make_case
edit $P/$C 's/missions: \[accompagnement-oncologie\]/missions: [ateliers-cuisine]/'
edit $P/$T "$(course 40)"
expect_grep -vE "error: training.partner-certified: the active partner pp-a1b2" "a mission that is no service asks for no hours (charter.missions reports it)"
expect_finding training.partner-certified $P/$T 19 "... while pp-c3d4 is still short"
# The policy may make the rule a warning (its severity map).
judge_cases
rm -rf "$TMP/pol" && cp -R "$PPREG_TOP/policies" "$TMP/pol"
perl -0pi -e 's/^severity: \{\}/severity: {training.partner-certified: warning}/m' "$TMP/pol/fr-model-2026.2.yaml"
CASE_ARGS="--policy $TMP/pol/fr-model-2026.2.yaml"
make_case
edit $P/$T "$(course 40)"
expect_grep -E "^$P/$T:18:[0-9]+: warning: training.partner-certified: " "a policy making the rule a warning: a warning at the same line"
expect_rc 0 "... and the platform compliant: exit 0"
judge_cases
CASE_ARGS=

# training.funding-access (a warning: L.1191-3 says "peuvent")
breaks "no funded_training" $T 's/funded_training:\n.*\n.*\n//' training.funding-access 1 0
expect_grep -E "^$P/$T:1:[0-9]+: warning: training.funding-access: " "... a warning, at the top of the file"
breaks "an empty funded_training" $T 's/funded_training:\n.*\n.*\n/funded_training:\n/' training.funding-access 20 0
breaks "funded training not on request" $T 's/on_request: true/on_request: false/' training.funding-access 21 0
breaks "on_request in words" $T 's/on_request: true/on_request: sometimes/' training.funding-access 21 0
breaks "no way to ask" $T 's/  how_to_request: .*\n//' training.funding-access 20 0
breaks "a way to ask that says nothing" $T 's/how_to_request: .*/how_to_request: n\/a/' training.funding-access 22 0
breaks "funded_training as a text" $T 's/funded_training:\n.*\n.*\n/funded_training: on request\n/' training.funding-access 20 0
make_case
edit $P/$T 's/funded_training:\n.*\n.*\n//'
edit $P/$C 's/partner_status: volunteer/partner_status: salaried/'
edit $P/transparency.yaml 's/salaried: 1, volunteer: 1/salaried: 2, volunteer: 0/'
expect_no_rule training.funding-access "only salaried partners: no funded training asked"
make_case
edit $P/$T 's/funded_training:\n.*\n.*\n//'
edit $P/$C 's/partner_status: volunteer/partner_status: benevolent/'
edit $P/transparency.yaml 's/volunteer: 1, benevolent: 0/volunteer: 0, benevolent: 1/'
expect_finding training.funding-access $P/$T 1 "a benevolent partner may ask too"

# Under fr-model 2026.1 neither reading runs.
judge_cases
CASE_ARGS="--policy $PPREG_TOP/policies/fr-model-2026.1.yaml"
make_case
edit $P/$T "$(course 40)"
expect_no_rule training.partner-certified "2026.1: one course meeting the specification is enough, whatever the missions"
expect_rc 0 "2026.1: a 40-hour course: exit 0"
make_case
edit $P/$T 's/funded_training:\n.*\n.*\n//'
expect_no_rule training.funding-access "2026.1: no funded training asked"
expect_rc 0 "2026.1: no funded_training: exit 0"
make_case
edit $P/$T 's/on_request: true/on_request: sometimes/'
expect_no_rule training.funding-access "2026.1: funded_training is not read"
expect_no_rule core.type "2026.1: ... nor typed"
judge_cases
CASE_ARGS=

done_testing
