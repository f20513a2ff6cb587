# tests/lib/breaks.sh - "break one rule in a compliant copy" for plugin tests.
#
# breaks DESCRIPTION FILE PERL_EXPR RULE LINE [EXIT]: copies entraide-sante
# into a fresh registry, applies one edit to FILE (relative to the platform
# folder), and asserts a finding of RULE at FILE:LINE and the exit status
# (default 1).
breaks() {
	make_registry
	edit "platforms/entraide-sante/$2" "$3"
	commit
	check_reg
	expect_finding "$4" "platforms/entraide-sante/$2" "$5" "$1"
	expect_rc "${6:-1}" "$1: exit ${6:-1}"
}
# passes_clean PLUGIN RULE...: the compliant copy has none of these rules.
passes_clean() {
	make_registry
	check_reg
	expect_rc 0 "entraide-sante is compliant"
	for rule in "$@"; do expect_no_rule "$rule" "entraide-sante: no $rule"; done
}
