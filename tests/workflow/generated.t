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

# The pack is the one a clone would give (objects in the order a walk of
# the newest tree meets them, which is the order ppreg reads them), not
# fast-import's order of generation, unless --import-order is asked for.
pack_order() { git --git-dir "$1" show-index <"$(ls "$1"/objects/pack/pack-*.idx)" | sort -n | cut -d' ' -f2; }
is "$(value pack "$TMP/info")" repacked "gen_registry says it repacked"
is "$(ls "$GEN"/objects/pack/*.pack | wc -l)" 1 "into one pack"
git clone -q --bare --no-local "$GEN" "$TMP/clone"
ok $? "the registry can be cloned"
pack_order "$GEN" >"$TMP/order-gen"
pack_order "$TMP/clone" >"$TMP/order-clone"
cmp -s "$TMP/order-gen" "$TMP/order-clone"
ok $? "its pack holds the objects in the order of a clone's"
"$BIN/gen_registry" -n 200 --fault-percent 20 --import-order --charter "$PPREG_TOP/policies/charters/2026-1.md" \
	"$TMP/gen-import" >"$TMP/info-import"
is "$(value pack "$TMP/info-import")" import-order "--import-order keeps fast-import's pack"
pack_order "$TMP/gen-import" >"$TMP/order-import"
# (repack leaves out the evidence variants no platform took)
is "$(comm -13 <(sort "$TMP/order-import") <(sort "$TMP/order-gen") | wc -l)" 0 "with the same objects"
! cmp -s "$TMP/order-import" "$TMP/order-gen"
ok $? "in another order"
# A repack that fails stops the generator with one line naming the step.
mkdir -p "$TMP/fakegit"
printf '#!/bin/sh\nfor a; do [ "$a" = repack ] && exit 1; done\nexec %s "$@"\n' "$(command -v git)" >"$TMP/fakegit/git"
chmod +x "$TMP/fakegit/git"
PATH="$TMP/fakegit:$PATH" "$BIN/gen_registry" -n 10 --charter "$PPREG_TOP/policies/charters/2026-1.md" \
	"$TMP/gen-fail" >/dev/null 2>"$TMP/gen-fail.err"
is $? 2 "a failed repack: gen_registry exits 2"
is "$(cat "$TMP/gen-fail.err")" "gen_registry: git repack failed" "and says which git step failed"

done_testing
