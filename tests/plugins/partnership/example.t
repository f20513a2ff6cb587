#!/bin/bash
# The example platforms of the partnership plugin, each exactly as meant:
# partenariat-alibi's project is an alibi (warnings only: it stays
# compliant); partenariat-absent has no partnership.yaml, the policy's
# optional file: a warning of the plugin, not core.missing-file. Under
# 2026.1, which has no partnership plugin, both are judged as before.
. "$(dirname "$0")/../../lib/tap.sh"
F=partnership.yaml
A=platforms/partenariat-alibi/$F

CASE_ARGS="--platform partenariat-alibi"
make_case
expect_finding partnership.partners $A 8 "alibi: one partner"
expect_finding partnership.co-decision $A 12 "alibi: no deliberative vote"
expect_finding partnership.co-conduct $A 15 "alibi: a roadmap without its document"
expect_finding partnership.evidence $A 19 "alibi: a bilan that is not the one filed"
expect_finding partnership.co-evaluation $A 20 "alibi: results never returned in a completed project"
expect_finding partnership.projects $A 21 "alibi: one id for two projects"
expect_count -E ': (error|warning): ' 6 "alibi: six findings in all"
expect_count -E ': error: ' 0 "alibi: all warnings"
expect_rc 0 "alibi: compliant, with warnings"
judge_cases

CASE_ARGS="--platform partenariat-absent"
make_case
expect_grep -E '^platforms/partenariat-absent/partnership\.yaml:1:1: warning: partnership\.declared: ' \
	"absent: a warning at the missing file's place, as core.missing-file"
expect_no_rule core.missing-file "absent: an optional file is no core.missing-file"
expect_count -E ': (error|warning): ' 1 "absent: one finding in all"
expect_rc 0 "absent: compliant, with a warning"
judge_cases

for p in partenariat-alibi partenariat-absent; do
	CASE_ARGS="--platform $p --policy $PPREG_TOP/policies/fr-model-2026.1.yaml"
	make_case
	expect_rc 0 "$p under 2026.1: compliant"
	expect_grep -vE ': (error|warning): ' "$p under 2026.1: no finding, as before partnership.yaml"
	judge_cases
done

done_testing
