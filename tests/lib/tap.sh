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
AS_OF=2026-11-23
export GIT_AUTHOR_NAME=ppreg-test GIT_AUTHOR_EMAIL=test@ppreg.invalid
export GIT_COMMITTER_NAME=ppreg-test GIT_COMMITTER_EMAIL=test@ppreg.invalid
export GIT_CONFIG_NOSYSTEM=1 HOME=${TMPDIR:-/tmp}
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
}
# edit FILE PERL_EXPR: rewrites a file of $REG in place (perl -0pi), e.g.
#   edit platforms/entraide-sante/registration.yaml 's/812345676/123456789/g'
edit() { perl -0pi -e "$2" "$REG/$1"; }
commit() { git -C "$REG" add -A && git -C "$REG" commit -q --allow-empty -m "${1:-change}"; }

# run_ppreg ARGS...: runs build/ppreg; sets OUT (stdout), ERR (stderr), RC.
run_ppreg() {
	"$PPREG" "$@" >"$TMP/out" 2>"$TMP/err"; RC=$?
	OUT=$(cat "$TMP/out"); ERR=$(cat "$TMP/err")
}
# check_reg [ARGS...]: ppreg check of $REG, as of $AS_OF unless ARGS give --as-of.
check_reg() {
	case " $* " in
	*" --as-of "*) run_ppreg check "$REG" "$@" ;;
	*) run_ppreg check "$REG" --as-of "$AS_OF" "$@" ;;
	esac
}

expect_rc() { is "$RC" "$1" "${2:-exit status $1}"; }
# expect_finding RULE FILE LINE [DESC]: a text finding FILE:LINE:COL: sev: RULE:
expect_finding() {
	printf '%s\n' "$OUT" | grep -Eq "^$2:$3:[0-9]+: (error|warning): $1: "
	local s=$?
	ok $s "${4:-$1 at $2:$3}"
	[ $s -eq 0 ] || diag "output was:" "$OUT" "$ERR"
}
# expect_rule RULE [DESC]: a finding of RULE anywhere.
expect_rule() {
	printf '%s\n' "$OUT" | grep -Eq ": (error|warning): $1: "
	local s=$?
	ok $s "${2:-finding $1}"
	[ $s -eq 0 ] || diag "output was:" "$OUT" "$ERR"
}
expect_no_rule() {
	! printf '%s\n' "$OUT" | grep -Eq ": (error|warning): $1: "
	local s=$?
	ok $s "${2:-no finding $1}"
	[ $s -eq 0 ] || diag "output was:" "$OUT"
}
done_testing() { echo "1..$_tap_n"; [ $_tap_failed -eq 0 ]; exit $?; }
