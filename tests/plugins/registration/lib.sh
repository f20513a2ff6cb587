# tests/plugins/registration/lib.sh - sourced by the registration tests.
#
# Each case starts from a fresh registry holding the compliant entraide-sante,
# edits its registration.yaml (and gdpr.yaml when the SIREN changes, since
# gdpr.controller repeats it), commits, and runs ppreg check as of 2026-11-23.
. "$(dirname "$0")/../../lib/tap.sh"
P=platforms/entraide-sante
R=$P/registration.yaml

# start PERL_EXPR...: a fresh registry with each expression applied to
# registration.yaml, committed.
start() {
	make_registry
	for e in "$@"; do edit "$R" "$e"; done
	commit
}

# set_siren SIREN SIRET VAT: new identifiers in registration.yaml, and the
# same SIREN for the GDPR controller, so that only registration rules judge.
set_siren() {
	edit "$R" "s/siren: \"812345676\"/siren: $1/; s/siret: \"81234567600017\"/siret: $2/; s/vat: FR19812345676/vat: $3/"
	edit "$P/gdpr.yaml" "s/siren: \"812345676\"/siren: $1/"
}

# only_rule RULE DESCRIPTION: every finding of $OUT is of RULE.
only_rule() {
	others=$(printf '%s\n' "$OUT" | grep -E ': (error|warning): ' | grep -v ": $1: ")
	[ -z "$others" ]
	s=$?
	ok $s "$2"
	[ $s -eq 0 ] || diag "other findings:" "$others"
}

# count_rule RULE: how many findings of RULE $OUT holds.
count_rule() {
	printf '%s\n' "$OUT" | grep -cE ": (error|warning): $1: "
}

# judged RULE LINE DESCRIPTION [EXIT]: after an edit, RULE is reported once at
# registration.yaml:LINE, nothing else is, and the exit status is EXIT
# (default 1).
judged() {
	check_reg
	expect_finding "$1" "$R" "$2" "$3: $1 at line $2"
	is "$(count_rule "$1")" 1 "$3: one finding"
	only_rule "$1" "$3: no other finding"
	expect_rc "${4:-1}" "$3: exit ${4:-1}"
}

# passes DESCRIPTION: after an edit, no finding at all and exit 0.
passes() {
	check_reg
	is "$(printf '%s\n' "$OUT" | grep -cE ': (error|warning): ')" 0 "$1: no finding"
	expect_rc 0 "$1: exit 0"
	[ "$RC" = 0 ] || diag "output was:" "$OUT" "$ERR"
}

# message TEXT DESCRIPTION: $OUT contains TEXT (a fixed string).
message() {
	printf '%s\n' "$OUT" | grep -qF -- "$1"
	s=$?
	ok $s "$2"
	[ $s -eq 0 ] || diag "output was:" "$OUT"
}
