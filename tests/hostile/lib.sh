# tests/hostile/lib.sh - sourced by the hostile-input tests (tests/hostile/*.t).
#
# Each case of `hostile` and `accepted` replaces one declaration file of the
# compliant example platform with hostile bytes and is judged in process
# (make_case in tests/lib/tap.sh, one runner for the whole file). The cases
# that need Git or options (packed blobs, --worktree, --format) use the one
# Git registry of the test file: `put` commits there, `measure` runs
# `ppreg check` under `timeout 20` (a hang guard only; $PPREG_TIMEOUT changes
# it, e.g. under valgrind, for the runner too) and /usr/bin/time -v, prints
# wall time and peak memory as TAP diagnostics (never asserted), and
# `restore` puts the file back. Every case must end in exit 1 (or 0 where
# the input is legal) with the documented rule, and never in a crash: no
# core.plugin-error, no sanitizer report, no signal, no timeout.
. "$(dirname "$0")/../lib/tap.sh"

EXAMPLE=$PPREG_TOP/registry/platforms/entraide-sante
DIR=platforms/entraide-sante
DECLARATIONS="registration transparency gdpr charter training"
make_registry

# measure DESC [CHECK_ARGS...]: ppreg check of $REG; sets OUT, ERR, RC.
measure() {
	local desc=$1
	shift
	RC=0
	if [ -x /usr/bin/time ]; then
		timeout "${PPREG_TIMEOUT:-20}" /usr/bin/time -v -o "$TMP/rusage" "$PPREG" check "$REG" --as-of "$AS_OF" "$@" \
			>"$TMP/out" 2>"$TMP/err" || RC=$?
		local wall kib
		wall=$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$TMP/rusage")
		kib=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$TMP/rusage")
		diag "$desc: ${wall:-?} wall, ${kib:-?} KiB peak RSS, $(wc -c <"$TMP/out") bytes of output"
	else
		local s=$(date +%s%N)
		timeout "${PPREG_TIMEOUT:-20}" "$PPREG" check "$REG" --as-of "$AS_OF" "$@" >"$TMP/out" 2>"$TMP/err" || RC=$?
		diag "$desc: $(( ($(date +%s%N) - s) / 1000000 )) ms (no /usr/bin/time for memory)"
	fi
	OUT=$(cat "$TMP/out")
	ERR=$(cat "$TMP/err")
}

# show TEXT...: diagnostics of several lines (output on a failure).
show() { printf '%s\n' "$@" | head -40 | sed 's/^/# /' >&2; }

# no_crash DESC: the run ended by itself with a verdict (0 or 1), no plugin
# died on the input and no sanitizer spoke.
no_crash() {
	if in_case; then _case_expect no-crash "$1: no crash"; return; fi
	local s=0
	case $RC in 0|1) ;; *) s=1 ;; esac
	printf '%s\n' "$OUT" | grep -q ': core.plugin-error: ' && s=1
	printf '%s\n' "$ERR" | grep -Eq 'Sanitizer|runtime error|Segmentation|Aborted' && s=1
	ok $s "$1: no crash (exit $RC)"
	[ $s -eq 0 ] || show "output was:" "$OUT" "$ERR"
}

# put FILE: stdin becomes $DIR/FILE.yaml, committed.
put() {
	in_case && case_file "$DIR/$1.yaml"
	cat >"$REG/$DIR/$1.yaml"
	commit "hostile $1"
}
restore() {
	cp "$EXAMPLE/$1.yaml" "$REG/$DIR/$1.yaml"
}

# hostile DESC FILE RULE LINE GENERATOR: GENERATOR (shell code; $E is the
# compliant file) prints FILE.yaml's new bytes. Expects exit 1 and a finding
# of RULE in that file at LINE ("-": any line) with a message, and no crash.
# Judged in process (make_case in tests/lib/tap.sh): a crash or a hang
# (over $PPREG_TIMEOUT seconds) stops the runner, which fails the test.
hostile() {
	local desc="$1 in $2.yaml" file=$2 rule=$3 line=$4 REG _case
	make_case
	E=$EXAMPLE/$file.yaml
	eval "$5" | put "$file"
	[ "$line" = - ] && line='[0-9]+'
	expect_rc 1 "$desc: exit 1"
	expect_grep -E "^$DIR/$file.yaml:$line:[0-9]+: error: $rule: .+" "$desc: $rule at line $4"
	no_crash "$desc"
}

# accepted DESC FILE GENERATOR: legal bytes; the platform stays compliant.
accepted() {
	local desc="$1 in $2.yaml" file=$2 REG _case
	make_case
	E=$EXAMPLE/$file.yaml
	eval "$3" | put "$file"
	expect_rc 0 "$desc: accepted, exit 0"
	no_crash "$desc"
}

# lines_of FILE: the number of lines of the compliant FILE.yaml.
lines_of() { wc -l <"$EXAMPLE/$1.yaml" | tr -d ' '; }
