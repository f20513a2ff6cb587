#!/bin/bash
# The benchmark's tools (bench/): a generated registry is judged as its
# generator planted it (each faulty platform breaks its rule, every other
# platform is compliant, for any --jobs), and the floor reads what it says
# it reads (the five declaration files, and with --evidence the evidence
# documents too). scripts/bench relies on both; it measures, this checks.
. "$(dirname "$0")/lib.sh"

BIN=$(dirname "$PPREG")/bench
[ -x "$BIN/gen_registry" ] && [ -x "$BIN/floor" ] || skip_all "bench/ is not built next to $PPREG"
GEN=$TMP/gen
"$BIN/gen_registry" -n 200 --fault-percent 20 --charter "$PPREG_TOP/policies/charters/2026-1.md" \
	--manifest "$TMP/faults" "$GEN" >"$TMP/info"
ok $? "gen_registry writes a registry of 200 platforms"
faults=$(wc -l <"$TMP/faults")
[ "$faults" -ge 20 ]
ok $? "with faults planted ($faults)"

for jobs in 1 2; do
	run_ppreg check "$GEN" --as-of 2026-11-23 --jobs $jobs
	expect_rc 1 "--jobs $jobs: the faulty platforms make the run exit 1"
	missed=0
	while IFS=$'\t' read -r id fault rule; do
		printf '%s\n' "$OUT" | grep -Eq "^platforms/$id/[^:]*:[0-9]+:[0-9]+: (error|warning): $rule: " ||
			{ missed=$((missed + 1)); diag "$id ($fault) does not break $rule"; }
	done <"$TMP/faults"
	is "$missed" 0 "--jobs $jobs: each planted fault is found with its rule"
	compliant=$(printf '%s\n' "$OUT" | grep -c '^== .*: compliant$')
	is "$compliant" $((200 - faults)) "--jobs $jobs: every other platform is compliant"
done

"$BIN/floor" "$GEN" >"$TMP/floor"
ok $? "the floor reads the registry"
"$BIN/floor" --evidence "$GEN" >"$TMP/floor-evidence"
ok $? "the floor reads it with --evidence"
value() { sed -n "s/^$1 //p" "$2"; }
is "$(value platforms "$TMP/floor")" 200 "the floor reads 200 platforms"
# What the floor must read, counted from the commit: the declaration files
# (a fault may remove one) and the documents under evidence/.
declarations=$(git -C "$GEN" ls-tree -r --name-only HEAD | grep -c '^platforms/[^/]*/[a-z]*\.yaml$')
evidence=$(git -C "$GEN" ls-tree -r --name-only HEAD | grep -c '^platforms/[^/]*/evidence/')
is "$(value files "$TMP/floor")" "$declarations" "the floor reads every declaration file ($declarations)"
is "$(value files "$TMP/floor-evidence")" $((declarations + evidence)) "--evidence reads the evidence documents too ($evidence)"
is "$(value events "$TMP/floor-evidence")" "$(value events "$TMP/floor")" "and parses only the declarations"
"$BIN/floor" --no-such-option "$GEN" >/dev/null 2>&1
is $? 2 "the floor refuses an unknown option"

done_testing
