# tests/lib/policy.sh - judging under other numbers than the model's.
#
# policy PERL_EXPR: a copy of the model policy 2026.2 (with its charter
# texts) in $TMP/pol, edited by PERL_EXPR (perl -0pi); POLICY names it, for
# `check_reg --policy "$POLICY"`, and the cases of make_case recorded from
# now on are judged under it (CASE_ARGS; judge_cases first to close the
# cases recorded before).
policy() {
	rm -rf "$TMP/pol"
	cp -R "$PPREG_TOP/policies" "$TMP/pol"
	POLICY=$TMP/pol/fr-model-2026.2.yaml
	perl -0pi -e "$1" "$POLICY"
	CASE_ARGS="--policy $POLICY"
}
# policy_refused PERL_EXPR MESSAGE_REGEX: in a registry of make_registry,
# the model policy edited by PERL_EXPR stops the run (exit 2) with a
# message matching MESSAGE_REGEX (grep -E), which names the parameter.
policy_refused() {
	policy "$1"
	check_reg --policy "$POLICY"
	expect_rc 2 "policy edit $1: exit 2"
	printf '%s\n' "$ERR" | grep -Eq "$2"
	ok $? "policy edit $1: the message names the parameter"
}
