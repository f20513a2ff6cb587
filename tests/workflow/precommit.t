#!/bin/bash
# pre-commit in a checkout judges the staged content (the index), never the
# working files: a file staged compliant and then broken on disk commits; a
# file staged broken and then fixed on disk does not.
. "$(dirname "$0")/lib.sh"

make_registry
add_platform alpha beta
commit "three platforms"

run_ppreg hook install "$REG" --as-of "$AS_OF"
expect_rc 0 "install in a checkout"
[ -x "$REG/.git/hooks/pre-commit" ] && grep -q '^# installed by ppreg' "$REG/.git/hooks/pre-commit"
ok $? "it writes an executable pre-commit hook"
# gcommit MESSAGE [ARGS]: git commit with the hook; OUT is what the user sees.
gcommit() { OUT=$(git -C "$REG" commit -m "$@" 2>&1); RC=$?; }
F=platforms/alpha/registration.yaml

# Staged compliant, working file broken: the commit goes through.
touch_platform alpha
git -C "$REG" add "$F"
break_platform alpha
gcommit "staged good, working bad"
expect_rc 0 "a compliant staged file commits although the working file is broken"
has "ppreg: staged changes: ok; checked alpha" "the hook checked the staged alpha"
git -C "$REG" show HEAD:$F | grep -q cooking
ok $((! $?)) "what was committed is the staged content"

# Staged broken, working file fixed: refused.
git -C "$REG" add "$F"
fix_platform alpha
gcommit "staged bad, working good"
ok $((RC == 0)) "a broken staged file is refused although the working file is fixed"
has "$F:$BAD_LINE:" "the finding points at the staged line"
has "$BAD_RULE" "with its rule"
run_ppreg hook pre-commit "$REG" --as-of "$AS_OF"
expect_rc 1 "ppreg hook pre-commit run by hand says the same"
run_ppreg check "$REG" --worktree --as-of "$AS_OF"
expect_rc 0 "(the working files alone are compliant)"

# git commit -a stages the working files into a temporary index: judged.
touch_platform alpha "$REG" "four"
gcommit "all of it" -a
expect_rc 0 "commit -a judges the index it builds (GIT_INDEX_FILE), here compliant"
break_platform beta
gcommit "beta broken, -a" -a
ok $((RC == 0)) "commit -a of a broken working file is refused"
has "platforms/beta/registration.yaml:$BAD_LINE:" "the finding names beta"
git -C "$REG" checkout -q -- platforms/beta

# Nothing staged in the registry's platforms: nothing to judge.
echo notes >"$REG/NOTES.md"
git -C "$REG" add NOTES.md
gcommit "notes"
expect_rc 0 "a file outside platforms/ is a warning"
has "core.outside-change" "reported as such"

# Intent-to-add entries (git add -N) are not in the commit (`git write-tree`
# leaves them out): not judged as empty files, not reported at all.
add_platform zeta
echo "draft" >"$REG/DRAFT.md"
git -C "$REG" add -N platforms/zeta DRAFT.md
touch_platform beta
git -C "$REG" add platforms/beta/registration.yaml
gcommit "beta, the new platform only intended"
expect_rc 0 "intent-to-add files do not refuse the commit"
has "ok; checked beta" "the staged platform is judged"
hasnt "zeta" "an intent-to-add platform is not judged"
hasnt "DRAFT.md" "an intent-to-add file outside is not reported"
is "$(git -C "$REG" ls-tree -r --name-only HEAD | grep -c 'zeta\|DRAFT')" 0 "(Git committed neither)"
git -C "$REG" add platforms/zeta/registration.yaml
break_platform zeta
run_ppreg hook pre-commit "$REG" --as-of "$AS_OF"
expect_rc 1 "a platform with one file staged and the others intended: judged as staged"
has "checked zeta" "(zeta is judged)"
expect_rule core.missing-file "the intended files are missing from it"
expect_no_rule core.type "not empty files"
hasnt "$BAD_RULE" "the staged registration.yaml is read, not the working one"
git -C "$REG" rm -r -q --cached -f platforms/zeta DRAFT.md
rm -rf "$REG/platforms/zeta" "$REG/DRAFT.md"

# The index is read without being rewritten, and nothing is written to Git.
break_platform alpha
git -C "$REG" add "$F"
idx=$(sha256sum <"$REG/.git/index")
nobj=$(find "$REG/.git/objects" -type f | wc -l)
run_ppreg hook pre-commit "$REG" --as-of "$AS_OF"
expect_rc 1 "(a broken staged file)"
is "$(sha256sum <"$REG/.git/index")" "$idx" "the index file is untouched"
is "$(find "$REG/.git/objects" -type f | wc -l)" "$nobj" "no object is written (trees are built in memory)"
git -C "$REG" reset -q --hard

# A first commit (no HEAD yet): every staged platform is judged.
NEW=$TMP/new
mkdir -p "$NEW/platforms"
cp "$PPREG_TOP/registry/registry.yaml" "$NEW/"
cp -R "$REG/platforms/alpha" "$NEW/platforms/"
git init -q "$NEW" && git -C "$NEW" add -A
run_ppreg hook pre-commit "$NEW" --as-of "$AS_OF"
expect_rc 0 "before the first commit, the staged registry is judged"
has "checked alpha" "every staged platform"
run_ppreg hook pre-commit "$TMP" --as-of "$AS_OF"
expect_rc 2 "outside any repository: exit 2"

# A registry in a folder of a larger repository: install from that folder.
OUTER=$TMP/outer
mkdir -p "$OUTER" && git init -q "$OUTER"
cp -R "$NEW" "$OUTER/reg" && rm -rf "$OUTER/reg/.git"
git -C "$OUTER" add -A && git -C "$OUTER" commit -q -m outer --no-verify
run_ppreg hook install "$OUTER/reg" --as-of "$AS_OF"
expect_rc 0 "install from the registry's folder"
grep -q "hook pre-commit 'reg'" "$OUTER/.git/hooks/pre-commit"
ok $? "the hook names the registry's folder"
break_platform alpha "$OUTER/reg"
git -C "$OUTER" add -A
OUT=$(git -C "$OUTER" commit -m bad 2>&1); RC=$?
ok $((RC == 0)) "a broken platform in the folder is refused"
has "platforms/alpha/registration.yaml:$BAD_LINE:" "with its finding"
fix_platform alpha "$OUTER/reg"
echo "int main(void) { return 0; }" >"$OUTER/main.c"
git -C "$OUTER" add -A
OUT=$(git -C "$OUTER" commit -m "code only" 2>&1); RC=$?
expect_rc 0 "a change outside the registry folder commits"
has "nothing in the registry changed" "and is not the registry's"

done_testing
