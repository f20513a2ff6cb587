# tests/plugins/registration/lib.sh - sourced by the registration tests.
#
# Each case starts from the compliant entraide-sante, edits its
# registration.yaml (and gdpr.yaml when the SIREN changes, since
# gdpr.controller repeats it), and is judged in process as of 2026-11-23
# (make_case in tests/lib/tap.sh).
. "$(dirname "$0")/../../lib/tap.sh"
P=platforms/entraide-sante
R=$P/registration.yaml

# start PERL_EXPR...: a fresh case with each expression applied to
# registration.yaml.
start() {
	make_case
	for e in "$@"; do edit "$R" "$e"; done
}
# start_repo PERL_EXPR...: the same in a Git registry, committed, for the
# cases that run ppreg with options (--strict, --policy).
start_repo() {
	make_registry
	for e in "$@"; do edit "$R" "$e"; done
	commit
}

# set_siren SIREN SIRET VAT: new identifiers in registration.yaml, and the
# same SIREN for the GDPR controller, so that only registration rules judge.
set_siren() {
	edit "$R" "s/siren: \"812345676\"/siren: $1/; s/siret: \"81234567600017\"/siret: $2/; s/vat: FR19812345676/vat: $3/"
	[ "$1" = '"812345676"' ] || edit "$P/gdpr.yaml" "s/siren: \"812345676\"/siren: $1/"
}

# judged RULE LINE DESCRIPTION [EXIT]: after an edit, RULE is reported once at
# registration.yaml:LINE, nothing else is, and the exit status is EXIT
# (default 1).
judged() {
	check_reg
	expect_finding "$1" "$R" "$2" "$3: $1 at line $2"
	expect_count -E ": (error|warning): $1: " 1 "$3: one finding"
	only_rule "$1" "$3: no other finding"
	expect_rc "${4:-1}" "$3: exit ${4:-1}"
}

# passes DESCRIPTION: after an edit, no finding at all and exit 0.
passes() {
	check_reg
	expect_count -E ': (error|warning): ' 0 "$1: no finding"
	expect_rc 0 "$1: exit 0"
}

# message TEXT DESCRIPTION: $OUT contains TEXT (a fixed string).
message() { expect_grep -F "$1" "$2"; }
