#!/bin/bash
# check --changed on a generated registry of 2 000 platforms, every one
# non-compliant but the one the last commit changes: only that one is
# judged (a single unchanged platform read would show its error). The
# timing is scripts/bench-changed's business, not a test's.
. "$(dirname "$0")/lib.sh"

command -v python3 >/dev/null || skip_all "python3 is needed to generate the registry"
BIG=$TMP/big
"$PPREG_TOP/scripts/gen-registry" "$BIG" 2000 --broken >/dev/null
ok $? "a registry of 2000 platforms is generated"

run_ppreg check "$BIG" --as-of "$AS_OF" --changed main~1..main --format json
expect_rc 0 "the changed platform is compliant, and no other is judged"
is "$(json_ids)" "p00000" "only the changed platform is in the report"
run_ppreg check "$BIG" --as-of "$AS_OF" --platform p01999
expect_rc 1 "(an unchanged platform is indeed broken)"

# The same change pushed to a server with the hook: accepted.
git clone -q --bare "$BIG" "$TMP/srv.git"
git -C "$TMP/srv.git" update-ref refs/heads/main main~1
run_ppreg hook install "$TMP/srv.git" --as-of "$AS_OF"
git -C "$BIG" remote add srv "$TMP/srv.git"
OUT=$(git -C "$BIG" push srv main 2>&1); RC=$?
expect_rc 0 "a push changing one platform of 2000 is accepted"
has "commit $(git -C "$BIG" rev-parse main | cut -c1-12): ok; checked p00000" "after judging that platform alone"

done_testing
