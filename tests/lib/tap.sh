# tests/lib/tap.sh - sourced by every shell test (*.t) run by prove.
#
# Gives a TAP plan and assertions, and builds throw-away Git registries from
# the example registry so that end-to-end tests judge real commits, the way
# ppreg reads them in production. Every registry lives in a temporary folder
# removed on exit.
set -u

PPREG_TOP=$(cd "$(dirname "$0")" && while [ ! -f include/ppreg/plugin.h ]; do
	[ "$PWD" = / ] && exit 1; cd ..; done; pwd)
PPREG_BUILD=${PPREG_BUILD:-$PPREG_TOP/build}
PPREG=${PPREG:-$PPREG_BUILD/ppreg}
PPREG_RULE_TEST=${PPREG_RULE_TEST:-$PPREG_BUILD/tests/rule_test}
AS_OF=2026-11-23
export GIT_AUTHOR_NAME=ppreg-test GIT_AUTHOR_EMAIL=test@ppreg.invalid
export GIT_COMMITTER_NAME=ppreg-test GIT_COMMITTER_EMAIL=test@ppreg.invalid
export GIT_CONFIG_NOSYSTEM=1 HOME=${TMPDIR:-/tmp}
# ppreg speaks English in the tests whatever the caller's locale (LANGUAGE
# outranks LANG and LC_MESSAGES); tests/core/i18n.t asks for French.
export LANGUAGE=en
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ppreg-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

_tap_n=0
_tap_failed=0
_tap_reg=0
# next_reg: a fresh, unique registry folder name (POSIX sh has no $RANDOM).
next_reg() { _tap_reg=$((_tap_reg + 1)); REG=$TMP/$1.$_tap_reg; }
plan() { echo "1..$1"; }
skip_all() { echo "1..0 # SKIP $*"; exit 0; }
diag() { printf '# %s\n' "$@" >&2; }

# ok STATUS DESCRIPTION: passes when STATUS is 0.
ok() {
	_tap_n=$((_tap_n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $_tap_n - $2"
	else echo "not ok $_tap_n - $2"; _tap_failed=$((_tap_failed + 1)); fi
}
is() { # is GOT WANT DESCRIPTION
	[ "$1" = "$2" ]; local s=$?
	ok $s "$3"
	[ $s -eq 0 ] || diag "got:  '$1'" "want: '$2'"
}

# make_registry [PLATFORM...]: a fresh Git registry in $REG with registry.yaml
# and the named platforms copied from registry/ (default: entraide-sante),
# committed once.
make_registry() {
	next_reg reg
	mkdir -p "$REG/platforms"
	cp "$PPREG_TOP/registry/registry.yaml" "$REG/"
	[ $# -eq 0 ] && set -- entraide-sante
	for p in "$@"; do cp -R "$PPREG_TOP/registry/platforms/$p" "$REG/platforms/"; done
	git init -q "$REG" && git -C "$REG" add -A && git -C "$REG" commit -q -m init
	_case=
}
# make_case: a case judged in process (tests/lib/rule_test.c) instead of a
# Git registry: $REG is a folder mirroring registry/ where `edit` and
# `case_file` put the files that differ from the example registry; the rest
# is entraide-sante as it is. `commit` and `check_reg` (without arguments)
# do nothing, and the expect_* below are recorded, judged together by
# done_testing, with the same patterns as against ppreg's text output.
# What needs Git, another platform or options stays on make_registry.
# CASE_EXAMPLE is the registry the cases start from (default registry/),
# CASE_ARGS rule_test's options for it (--platform, --policy, --plugin-dir).
# The cases judge what the platforms declare: the example's authority/
# record is left out of their copy (tests/attest/authority.t judges it).
CASE_EXAMPLE=$PPREG_TOP/registry
CASE_ARGS=
make_case() {
	next_reg case
	_case=$REG
	printf 'case\t%s\n' "$REG" >>"$TMP/cases"
}
in_case() { [ -n "${_case:-}" ] && [ "$_case" = "$REG" ]; }
# case_file PATH: PATH (relative to the registry) of this case replaces the
# example's; its bytes are what is in $REG/PATH when the cases are judged.
case_file() {
	[ -d "$REG/${1%/*}" ] || mkdir -p "$REG/${1%/*}"
	printf 'file\t%s\n' "$1" >>"$TMP/cases"
}
_case_expect() { printf '%s' "$1"; shift; printf '\t%s' "$@"; printf '\n'; } >>"$TMP/cases"

# edit FILE PERL_EXPR: rewrites a file of $REG in place (perl -0pi), e.g.
#   edit platforms/entraide-sante/registration.yaml 's/812345676/123456789/g'
# An edit that changes nothing is a failed test: the pattern no longer
# matches the example, and the case would pass without testing anything.
edit() {
	if in_case && [ ! -e "$REG/$1" ]; then
		case_file "$1"
		cp "$CASE_EXAMPLE/$1" "$REG/$1"
	fi
	perl -0pi -e '$ppreg_before = $_;' -e "$2" -e ';$ppreg_changed ||= $_ ne $ppreg_before;
		END { $? ||= !$ppreg_changed }' "$REG/$1" && return 0
	ok 1 "edit $1 with '$2' changes the file"
}
commit() {
	in_case && return 0
	git -C "$REG" add -A && git -C "$REG" commit -q --allow-empty -m "${1:-change}"
}

# run_ppreg ARGS...: runs build/ppreg; sets OUT (stdout), ERR (stderr), RC.
run_ppreg() {
	"$PPREG" "$@" >"$TMP/out" 2>"$TMP/err"; RC=$?
	OUT=$(cat "$TMP/out"); ERR=$(cat "$TMP/err")
}
# check_reg [ARGS...]: ppreg check of $REG, as of $AS_OF unless ARGS give --as-of.
check_reg() {
	if in_case; then
		[ $# -eq 0 ] || ok 1 "check_reg $*: a case of make_case takes no options"
		return 0
	fi
	case " $* " in
	*" --as-of "*) run_ppreg check "$REG" "$@" ;;
	*) run_ppreg check "$REG" --as-of "$AS_OF" "$@" ;;
	esac
}

# expect_grep OPTS PATTERN DESC: a line of the output matches PATTERN, as
# `grep -q OPTS`: OPTS is "-" (a basic expression) or letters of E
# (extended), F (fixed string) and v (no line matches), e.g. -E or -vF.
expect_grep() {
	if in_case; then _case_expect grep "$1" "$2" "$3"; return; fi
	local opts=${1#-} s
	opts=${opts%v}
	printf '%s\n' "$OUT" | grep -q ${opts:+-$opts} -- "$2"
	s=$?
	case $1 in *v) s=$((!s)) ;; esac
	ok $s "$3"
	[ $s -eq 0 ] || diag "output was:" "$OUT" "$ERR"
}
# expect_count OPTS PATTERN N DESC: exactly N lines match PATTERN.
expect_count() {
	if in_case; then _case_expect count "$1" "$2" "$3" "$4"; return; fi
	local opts=${1#-}
	is "$(printf '%s\n' "$OUT" | grep -c ${opts:+-$opts} -- "$2")" "$3" "$4"
}
expect_rc() {
	if in_case; then _case_expect rc "$1" "${2:-exit status $1}"; return; fi
	is "$RC" "$1" "${2:-exit status $1}"
}
# expect_finding RULE FILE LINE [DESC]: a text finding FILE:LINE:COL: sev: RULE:
expect_finding() { expect_grep -E "^$2:$3:[0-9]+: (error|warning): $1: " "${4:-$1 at $2:$3}"; }
# expect_rule RULE [DESC]: a finding of RULE anywhere.
expect_rule() { expect_grep -E ": (error|warning): $1: " "${2:-finding $1}"; }
expect_no_rule() { expect_grep -vE ": (error|warning): $1: " "${2:-no finding $1}"; }
# only_rule RULE DESC: every finding of the output is of RULE.
only_rule() {
	if in_case; then _case_expect only-rule "$1" "$2"; return; fi
	local others
	others=$(printf '%s\n' "$OUT" | grep -E ': (error|warning): ' | grep -v ": $1: ")
	[ -z "$others" ]
	local s=$?
	ok $s "$2"
	[ $s -eq 0 ] || diag "other findings:" "$others"
}

# judge_cases: runs rule_test once on every case recorded since the last
# call, over a scratch copy of $CASE_EXAMPLE, and numbers its
# results. A runner that stops early (a crash, a hang) or exits non-zero
# (a sanitizer's report at exit) fails the test.
judge_cases() {
	[ -s "$TMP/cases" ] || return 0
	local scratch=$TMP/scratch want got=0 rc line
	[ -d "$scratch" ] || { cp -R "$CASE_EXAMPLE" "$scratch" && rm -rf "$scratch/authority"; }
	want=$(grep -Evc '^(case|file)	' "$TMP/cases")
	"$PPREG_RULE_TEST" $CASE_ARGS "$scratch" "$CASE_EXAMPLE" "$TMP/cases" >"$TMP/judged"
	rc=$?
	while IFS= read -r line; do
		case $line in
		"ok - "*) ok 0 "${line#ok - }"; got=$((got + 1)) ;;
		"not ok - "*) ok 1 "${line#not ok - }"; got=$((got + 1)) ;;
		*) printf '%s\n' "$line" >&2 ;;
		esac
	done <"$TMP/judged"
	[ "$got" -eq "$want" ] && [ "$rc" -eq 0 ] ||
		ok 1 "rule_test judged $got of $want assertions (exit $rc)"
	: >"$TMP/cases"
}
done_testing() { judge_cases; echo "1..$_tap_n"; [ $_tap_failed -eq 0 ]; exit $?; }
