#!/bin/sh
# The policy gives training its numbers: changing one changes the verdict at
# its boundary, and a missing or malformed one stops the run (exit 2).
. "$(dirname "$0")/../../lib/tap.sh"
T=training.yaml
P=platforms/entraide-sante

# policy PERL_EXPR: a copy of the model policy (with its charter text) in
# $TMP/pol, edited; POLICY names it.
policy() {
	rm -rf "$TMP/pol"
	cp -R "$PPREG_TOP/policies" "$TMP/pol"
	POLICY=$TMP/pol/fr-model-2026.2.yaml
	perl -0pi -e "$1" "$POLICY"
}
fails() {
	expect_rc 2 "$1: exit 2"
	printf '%s\n' "$ERR" | grep -Eq "$2"
	local s=$?
	ok $s "$1: says '$2'"
	[ $s -eq 0 ] || diag "stderr was:" "$ERR"
}

make_registry
policy 's/min_course_hours: 40/min_course_hours: 120/'
check_reg --policy "$POLICY"
expect_no_rule training.course-hours "120 hours meet a minimum of 120"
policy 's/min_course_hours: 40/min_course_hours: 120.5/'
check_reg --policy "$POLICY"
expect_finding training.course-hours $P/$T 6 "120 hours are fewer than a minimum of 120.5"
expect_finding training.partner-certified $P/$T 18 "... so the course certifies no partner"
expect_rc 1 "a stricter minimum: exit 1"

policy 's/intervention-domains: 8/intervention-domains: 16/'
check_reg --policy "$POLICY"
expect_no_rule training.required-modules "16 hours meet a topic minimum of 16"
policy 's/intervention-domains: 8/intervention-domains: 17/'
check_reg --policy "$POLICY"
expect_finding training.required-modules $P/$T 7 "16 hours are fewer than a topic minimum of 17"
policy 's/required_topics:\n/required_topics:\n        peer-support: 2\n/'
check_reg --policy "$POLICY"
expect_finding training.required-modules $P/$T 7 "a topic the policy adds is required"
printf '%s\n' "$OUT" | grep -q "peer-support is missing (2 hours)"
ok $? "the message names the policy's new topic"

policy 's/min_trainers: \{patient_partners: 1, professionals: 1\}/min_trainers: {patient_partners: 1, professionals: 5}/'
check_reg --policy "$POLICY"
expect_finding training.co-delivery $P/$T 15 "4 professionals are fewer than a policy's 5"
policy 's/min_trainers: \{patient_partners: 1, professionals: 1\}/min_trainers: {patient_partners: 3, professionals: 4}/'
check_reg --policy "$POLICY"
expect_no_rule training.co-delivery "3 and 4 trainers meet minimums of 3 and 4"

policy 's/ *min_course_hours: 40\n//'
check_reg --policy "$POLICY"
fails "no minimum hours" "training.params.min_course_hours must be a number >= 0"
policy 's/min_course_hours: 40/min_course_hours: forty/'
check_reg --policy "$POLICY"
fails "minimum hours in words" "training.params.min_course_hours must be a number >= 0"
policy 's/min_course_hours: 40/min_course_hours: -1/'
check_reg --policy "$POLICY"
fails "negative minimum hours" "training.params.min_course_hours must be a number >= 0"
policy 's/required_topics:\n(        .*\n)+/required_topics: [partnership-principles]\n/'
check_reg --policy "$POLICY"
fails "topics without hours" "required_topics must map each topic to its minimum hours"
policy 's/role-boundaries: 3/role-boundaries: three/'
check_reg --policy "$POLICY"
fails "a topic's hours in words" "required_topics values must be numbers of hours >= 0"
policy 's/ *min_trainers: .*\n//'
check_reg --policy "$POLICY"
fails "no minimum trainers" "training.params.min_trainers needs patient_partners and professionals"
policy 's/professionals: 1\}/professionals: 1.5}/'
check_reg --policy "$POLICY"
fails "a decimal number of trainers" "training.params.min_trainers needs patient_partners and professionals"

# The parameters of 2026.2: each number moves the verdict at its boundary;
# malformed, the run stops.
make_registry
policy 's/care-pathways: 60/care-pathways: 120/'
check_reg --policy "$POLICY"
expect_no_rule training.partner-certified "120 hours meet care-pathways' 120"
policy 's/care-pathways: 60/care-pathways: 120.5/'
check_reg --policy "$POLICY"
expect_finding training.partner-certified $P/$T 18 "120 hours are fewer than care-pathways' 120.5"
expect_grep -vE "^$P/$T:19:" "... pp-c3d4, in education, is not concerned"
policy 's/hours_by_domain: \{[^}]*\}/hours_by_domain: {care-pathways: -1}/'
check_reg --policy "$POLICY"
fails "negative hours for a domain" "training.params.hours_by_domain values must be numbers of hours >= 0"
policy 's/hours_by_domain: \{[^}]*\}/hours_by_domain: [care-pathways]/'
check_reg --policy "$POLICY"
fails "domains without hours" "training.params.hours_by_domain must map each domain"
policy 's/funding_statuses: \[volunteer, benevolent\]/funding_statuses: [volunteers]/'
check_reg --policy "$POLICY"
fails "a status funding_statuses does not know" "training.params.funding_statuses lists salaried, volunteer or benevolent"
policy 's/funding_statuses: \[volunteer, benevolent\]/funding_statuses: [benevolent]/'
edit $P/$T 's/funded_training:\n.*\n.*\n//'
commit
check_reg --policy "$POLICY"
expect_no_rule training.funding-access "funding_statuses without volunteer: a volunteer asks nothing"

done_testing
