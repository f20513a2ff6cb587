#!/bin/bash
# Every partnership.* rule (HAS synthesis of 28 May 2026) broken alone in a
# compliant copy of entraide-sante, asserting the rule and the line; the
# rules are warnings (guidance, not law), so the platform stays compliant,
# exit 0. And the edits that must still pass.
. "$(dirname "$0")/../../lib/tap.sh"
. "$PPREG_TOP/tests/lib/breaks.sh"
F=partnership.yaml
P=platforms/entraide-sante

passes_clean partnership.declared partnership.projects partnership.partners partnership.co-decision \
	partnership.co-conduct partnership.co-evaluation partnership.evidence

# warn DESCRIPTION PERL_EXPR RULE LINE: breaks, as a warning, exit 0.
warn() {
	breaks "$1" $F "$2" "$3" "$4" 0
	expect_grep -E "^$P/$F:$4:[0-9]+: warning: $3: " "$1: a warning"
}

# projects
warn "no project" 's/projects:\n(.*\n)*/projects: []\n/' partnership.projects 2
warn "no projects key" 's/projects:\n(.*\n)*//' partnership.projects 1
warn "a blank id" 's/id: parcours-oncologie/id: " "/' partnership.projects 3
warn "a blank title" 's/title: .*/title: " "/' partnership.projects 4
warn "an unknown status" 's/status: ongoing/status: paused/' partnership.projects 5
warn "no status" 's/    status: ongoing\n//' partnership.projects 3
warn "one id for two projects" 's/(  - id: parcours-oncologie\n(    .*\n)*)/$1$1/' partnership.projects 19
passes "two projects with ids of their own" $F 's/(  - id: parcours-oncologie\n((    .*\n)*))/$1  - id: parcours-ifsi\n$2/' partnership.projects

# Values of the wrong shape are the core's (core.type, an error), judged no
# further by the plugin.
breaks "a project that is a number" $F 's/(projects:\n)/$1  - 3\n/' core.type 3
breaks "projects that are a mapping" $F 's/projects:\n(.*\n)*/projects: {a: 1}\n/' core.type 2
breaks "a principle that is a list" $F 's/    co_conduct:\n(      .*\n)*/    co_conduct: [roadmap]\n/' core.type 12
breaks "an item that is a word" $F 's/steering: \{.*\}\}/steering: yes/' core.type 9
breaks "an answer that is a list" $F 's/(steering: \{answer: )yes/$1\[yes\]/' core.type 9
breaks "evidence that is a path" $F 's/(steering: \{answer: yes, evidence: )\{.*?\}/$1evidence\/x.pdf/' core.type 9
only_rule core.type "evidence that is a path: no partnership finding besides"
warn "an empty file but its format" 's/format: ppreg\/1\n(.*\n)*/format: ppreg\/1\n/' partnership.projects 1

# A file that is there but does not parse is the core's finding, not an
# absence (partnership.declared is judged in example.t).
make_case
edit $P/$F 's/status: ongoing/status: [ongoing/'
expect_rule core.yaml-syntax "a partnership.yaml that does not parse: core.yaml-syntax"
expect_no_rule partnership.declared "a partnership.yaml that does not parse is not absent"

# partners: at least the policy's 2, each active in charter.yaml
warn "one partner" 's/partners: \[pp-a1b2, pp-c3d4\]/partners: [pp-a1b2]/' partnership.partners 6
expect_grep -F "patient partners involved: 1, fewer than the 2 the policy asks" "one partner: the message gives the count"
warn "a partner named twice" 's/partners: \[pp-a1b2, pp-c3d4\]/partners: [pp-a1b2, pp-a1b2]/' partnership.partners 6
warn "a partner without a commitment" 's/partners: \[pp-a1b2, pp-c3d4\]/partners: [pp-a1b2, pp-c3d4, pp-z9y8]/' partnership.partners 6
warn "no partners" 's/    partners: .*\n//' partnership.partners 3
make_case
edit $P/charter.yaml 's/(pp-c3d4.*?status: )active/${1}withdrawn/s'
expect_finding partnership.partners $P/$F 6 "a partner whose commitment is withdrawn"
passes "the partners in another order" $F 's/partners: \[pp-a1b2, pp-c3d4\]/partners: [pp-c3d4, pp-a1b2]/' partnership.partners

# co-decision: questions 1, 3, 4, 7
warn "no shared diagnosis" 's/shared_diagnosis: \{answer: yes/shared_diagnosis: {answer: no/' partnership.co-decision 8
expect_grep -F "shared_diagnosis answered no: is there a shared diagnosis? (HAS checklist)" "the message quotes the question"
warn "steering not answered" 's/      steering: .*\n//' partnership.co-decision 7
warn "a vote answered maybe" 's/deliberative_vote: \{answer: yes/deliberative_vote: {answer: maybe/' partnership.co-decision 10
warn "a vote without its answer" 's/deliberative_vote: \{answer: yes, /deliberative_vote: {/' partnership.co-decision 10
warn "joint minutes yes without their document" 's/joint_minutes: \{answer: yes, evidence: .*\}\}/joint_minutes: {answer: yes}/' partnership.co-decision 11
warn "no co_decision at all" 's/    co_decision:\n(      .*\n)*//' partnership.co-decision 3

# co-conduct: questions 5, 6
warn "no roadmap" 's/roadmap: \{answer: yes, evidence: .*\}\}/roadmap: {answer: no}/' partnership.co-conduct 13
warn "co-led actions not answered" 's/      co_led_actions: .*\n//' partnership.co-conduct 12

# co-evaluation: questions 8, 9, 10
warn "no joint promotion" 's/joint_promotion: \{answer: yes/joint_promotion: {answer: no/' partnership.co-evaluation 17
warn "results not returned in a completed project" 's/status: ongoing/status: completed/' partnership.co-evaluation 18
warn "results_returned not answered" 's/      results_returned: .*\n//' partnership.co-evaluation 15
passes "a completed project answering every question yes" $F 's/status: ongoing/status: completed/; s/results_returned: \{answer: in-progress\}/results_returned: {answer: yes, evidence: {path: evidence\/partenariat-bilan.pdf, sha256: "ed8f113b3288420f0dc5a0943dfd50ad71fda18118a953be6183dbeed48ff920"}}/' partnership.co-evaluation
expect_no_rule partnership.evidence "the bilan filed for results_returned holds"
passes "in progress while the project is ongoing" $F 's/roadmap: \{answer: yes, evidence: .*\}\}/roadmap: {answer: in-progress}/' partnership.co-conduct

# evidence: each document filed, hashed
warn "a tampered digest" 's/shared_diagnosis: \{answer: yes, evidence: \{path: evidence\/partenariat-cadrage.pdf, sha256: "36/shared_diagnosis: {answer: yes, evidence: {path: evidence\/partenariat-cadrage.pdf, sha256: "46/' partnership.evidence 8
warn "a document not filed" 's/steering: \{answer: yes, evidence: \{path: evidence\/partenariat-cadrage.pdf/steering: {answer: yes, evidence: {path: evidence\/comite.pdf/' partnership.evidence 9
warn "a document outside evidence/" 's/roadmap: \{answer: yes, evidence: \{path: evidence\/partenariat-cadrage.pdf/roadmap: {answer: yes, evidence: {path: registration.yaml/' partnership.evidence 13
warn "a document escaping the folder" 's/roadmap: \{answer: yes, evidence: \{path: evidence\/partenariat-cadrage.pdf/roadmap: {answer: yes, evidence: {path: ..\/partenariat-alibi\/evidence\/partenariat-cadrage.pdf/' partnership.evidence 13
warn "a document without its digest" 's/(joint_objectives: \{answer: yes, evidence: \{path: evidence\/partenariat-cadrage.pdf), sha256: "[0-9a-f]*"/$1/' partnership.evidence 16

done_testing
