# tests/lib/breaks.sh - "break one rule in a compliant copy" for plugin tests,
# judged in process (make_case in tap.sh).
#
# breaks DESCRIPTION FILE PERL_EXPR RULE LINE [EXIT]: applies one edit to
# FILE (relative to the platform folder) of entraide-sante, and asserts a
# finding of RULE at FILE:LINE and the exit status (default 1).
breaks() {
	make_case
	edit "platforms/entraide-sante/$2" "$3"
	expect_finding "$4" "platforms/entraide-sante/$2" "$5" "$1"
	expect_rc "${6:-1}" "$1: exit ${6:-1}"
}
# passes DESCRIPTION FILE PERL_EXPR RULE: the edit leaves RULE silent and the
# platform compliant.
passes() {
	make_case
	edit "platforms/entraide-sante/$2" "$3"
	expect_no_rule "$4" "$1"
	expect_rc 0 "$1: exit 0"
}
# passes_clean RULE...: the compliant copy has none of these rules.
passes_clean() {
	make_case
	expect_rc 0 "entraide-sante is compliant"
	for rule in "$@"; do expect_no_rule "$rule" "entraide-sante: no $rule"; done
}
# lapses DESCRIPTION FILE PERL_EXPR RULE LINE DAY [EXIT]: after the edit, the
# platform's earliest lapse (the text report's "valid until" line) is DAY,
# set by RULE at FILE:LINE; the exit status is EXIT (default 0).
lapses() {
	make_case
	edit "platforms/entraide-sante/$2" "$3"
	expect_grep -F "   valid until $6 ($4, platforms/entraide-sante/$2:$5)" "$1: valid until $6, set by $4"
	expect_count -F "   valid until " 1 "$1: one valid until line"
	expect_rc "${7:-0}" "$1: exit ${7:-0}"
}
