#!/bin/bash
# --platform names one folder of platforms/, with --worktree as in Git: an
# id that climbs out (../../outside/x), or "." and "..", is no platform.
. "$(dirname "$0")/../lib/tap.sh"
make_registry entraide-sante
mkdir -p "$TMP/outside/x"
cp -R "$REG/platforms/entraide-sante/." "$TMP/outside/x/"
up=$(realpath --relative-to="$REG/platforms" "$TMP/outside/x")
for id in "$up" . .. "entraide-sante/../entraide-sante"; do
	for how in --worktree ""; do
		run_ppreg check "$REG" --as-of "$AS_OF" --platform "$id" $how
		expect_rc 2 "--platform '$id' ${how:-(Git)}: exit 2"
		printf '%s\n' "$ERR" | grep -q "no platform '"
		ok $? "--platform '$id' ${how:-(Git)}: no such platform"
		is "$OUT" "" "--platform '$id' ${how:-(Git)}: nothing judged"
	done
done
run_ppreg check "$REG" --as-of "$AS_OF" --platform entraide-sante --worktree
expect_rc 0 "--platform entraide-sante --worktree: judged"
done_testing
