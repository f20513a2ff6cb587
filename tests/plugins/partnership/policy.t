#!/bin/bash
# The policy gives partnership its numbers and its checklist, weighs its
# warnings: changing
# one changes the verdict, and a missing or malformed one stops the run
# (exit 2, naming the parameter).
. "$(dirname "$0")/../../lib/tap.sh"
. "$PPREG_TOP/tests/lib/breaks.sh"
. "$PPREG_TOP/tests/lib/policy.sh"
F=partnership.yaml


policy 's/min_partners: 2/min_partners: 3/'
make_case
expect_finding partnership.partners platforms/entraide-sante/$F 6 "two partners when the policy asks three"
expect_rc 0 "two partners when the policy asks three: a warning, exit 0"
judge_cases
policy 's/checklist: \[shared_diagnosis, steering, deliberative_vote, /checklist: [shared_diagnosis, steering, /'
passes "no vote, under a policy that does not ask" $F 's/deliberative_vote: \{answer: yes/deliberative_vote: {answer: no/' partnership.co-decision
judge_cases
# A policy may weigh guidance as law.
policy 's/^severity: \{\}/severity: {partnership.co-decision: error}/m'
breaks "no vote, as an error under a policy that says so" $F 's/deliberative_vote: \{answer: yes/deliberative_vote: {answer: no/' partnership.co-decision 10 1
judge_cases
CASE_ARGS=

# Missing or malformed parameters: exit 2, naming the parameter.
make_registry
for bad in 's/      min_partners: 2\n//' 's/min_partners: 2/min_partners: 0/' 's/min_partners: 2/min_partners: two/' \
	's/      checklist: .*\n.*\n//' 's/checklist: \[shared_diagnosis, /checklist: [shared_diagnosis, shared_diagnosis, /' \
	's/checklist: \[shared_diagnosis, /checklist: [diagnosis, /' 's/checklist: \[shared_diagnosis, /checklist: [shared-diagnosis, /'; do
	policy "$bad"
	check_reg --policy "$POLICY"
	expect_rc 2 "policy edit $bad: exit 2"
	printf '%s\n' "$ERR" | grep -q 'partnership\.params'
	ok $? "policy edit $bad: the message names partnership.params"
done
done_testing
