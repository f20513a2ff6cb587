#!/bin/bash
# check --changed BASE..HEAD: exactly the platforms whose folders differ are
# judged (added, modified, renamed); a deleted one is reported removed;
# registry.yaml is checked when it changed; a file outside platforms/ is a
# core.outside-change finding that a policy can make an error.
. "$(dirname "$0")/lib.sh"

make_registry
add_platform alpha beta gamma
commit "four platforms"
c0=$(git -C "$REG" rev-parse HEAD)

break_platform alpha
commit "alpha breaks"
c1=$(git -C "$REG" rev-parse HEAD)
check_reg --changed "$c0..$c1"
expect_rc 1 "a change that breaks a platform exits 1"
expect_finding $BAD_RULE platforms/alpha/registration.yaml $BAD_LINE "the finding of the changed platform"
has "== alpha: non-compliant" "the changed platform is said to be checked"
hasnt "== beta" "an unchanged platform is not checked"
hasnt "== entraide-sante" "nor the example"
check_reg --changed "$c0..$c1" --format json
is "$(json_ids)" "alpha" "JSON lists only the changed platform"
check_reg --changed "$c0..HEAD"
expect_rc 1 "BASE..HEAD with HEAD spelled out"
check_reg --changed "$c0.."
expect_rc 1 "an empty HEAD is HEAD"
check_reg --changed "$c0...$c1"
expect_rc 1 "BASE...HEAD compares with the merge base"
check_reg --changed "$c1..$c1"
expect_rc 0 "an empty range checks nothing"
has "0 platforms" "and says so"

# An unchanged platform is not read at all: a broken one does not matter.
printf 'format: ppreg/1\n: [\n' >"$REG/platforms/gamma/gdpr.yaml"
commit "gamma broken"
fix_platform alpha
commit "alpha fixed"
check_reg --changed HEAD~1..HEAD
expect_rc 0 "fixing alpha: compliant, although gamma (unchanged) is broken"
has "== alpha: compliant" "alpha was checked"
hasnt "gamma" "gamma was not read"
check_reg --changed HEAD~2..HEAD
expect_rc 1 "a range over both commits checks both"
expect_rule core.yaml-syntax "gamma's syntax error is found then"

# Renames: the new id is checked, the old one reported removed.
git -C "$REG" mv platforms/beta platforms/delta
perl -0pi -e 's/^  id: beta$/  id: delta/m' "$REG/platforms/delta/registration.yaml"
commit "beta becomes delta"
check_reg --changed HEAD~1..HEAD
expect_rc 0 "a rename of a compliant platform is compliant"
has "== delta: compliant" "the new name is checked"
has "== beta: removed" "the old name is reported removed"
check_reg --changed HEAD~1..HEAD --format json
is "$(json_ids)" "delta" "JSON: the renamed platform is checked"
is "$(json_removed)" "beta" "JSON: the old name is removed"

git -C "$REG" mv platforms/delta platforms/epsilon
commit "a rename that forgets the id"
check_reg --changed HEAD~1..HEAD
expect_rc 1 "a rename that breaks the platform is caught"
expect_rule registration.id-matches-folder "the renamed folder no longer matches its id"
git -C "$REG" mv platforms/epsilon platforms/delta
commit "undo"

# Deletion: reported, not checked, compliant.
git -C "$REG" rm -q -r platforms/gamma
commit "gamma leaves"
check_reg --changed HEAD~1..HEAD
expect_rc 0 "a deletion alone is compliant"
has "== gamma: removed" "the deleted platform is reported removed"
hasnt "== gamma: non-compliant" "and not checked"
check_reg --changed HEAD~1..HEAD --format json
is "$(json_ids)" "" "JSON: nothing checked"
is "$(json_removed)" "gamma" "JSON: gamma removed"

# registry.yaml is checked when it changed.
printf 'motto: open\n' >>"$REG/registry.yaml"
commit "registry.yaml grows a key"
check_reg --changed HEAD~1..HEAD
expect_rc 0 "an unknown key in registry.yaml is a warning"
expect_finding core.unknown-field registry.yaml 5 "registry.yaml is checked when it changed"
has "== (registry): compliant" "under the registry's own entry"
perl -0pi -e 's/^name: .*\n//m' "$REG/registry.yaml"
commit "registry.yaml loses its name"
check_reg --changed HEAD~1..HEAD
expect_rc 1 "registry.yaml without a name is an error"
expect_rule core.type "the missing name is reported"
git -C "$REG" checkout -q "$c0" -- registry.yaml
commit "registry.yaml restored"

# A change outside platforms/ and registry.yaml: a warning, or an error by policy.
echo "notes" >"$REG/NOTES.md"
mkdir -p "$REG/docs" && echo "doc" >"$REG/docs/a.md"
commit "files outside platforms/"
check_reg --changed HEAD~1..HEAD
expect_rc 0 "an outside change is a warning by default"
expect_finding core.outside-change NOTES.md 1 "a file at the top is reported"
expect_finding core.outside-change docs/a.md 1 "a file in a folder is reported by its path"
cp -R "$PPREG_TOP/policies" "$TMP/policies"
perl -0pi -e 's/^severity: \{\}/severity: {core.outside-change: error}/m' "$TMP/policies/fr-model-2026.2.yaml"
check_reg --changed HEAD~1..HEAD --policy "$TMP/policies/fr-model-2026.2.yaml"
expect_rc 1 "a policy can make an outside change an error"
printf '%s\n' "$OUT" | grep -q "NOTES.md:1:1: error: core.outside-change"
ok $? "the finding is then an error"

# A platform added and one modified in the same range, with --strict.
add_platform zeta
touch_platform alpha
commit "zeta arrives, alpha changes"
check_reg --changed HEAD~1..HEAD --format json
is "$(json_ids)" "alpha zeta" "added and modified platforms, sorted"

# Usage errors exit 2.
check_reg --changed nonsense
expect_rc 2 "--changed without .. is a usage error"
check_reg --changed "no-such-rev..HEAD"
expect_rc 2 "an unknown BASE exits 2"
check_reg --changed "HEAD~1..HEAD" --rev HEAD
expect_rc 2 "--changed excludes --rev"
check_reg --changed "HEAD~1..HEAD" --worktree
expect_rc 2 "--changed excludes --worktree"

# A registry inside a folder of a larger repository: changes outside that
# folder are not the registry's; locations keep the folder.
OUTER=$TMP/outer
mkdir -p "$OUTER" && git init -q "$OUTER"
cp -R "$REG" "$OUTER/reg" && rm -rf "$OUTER/reg/.git"
git -C "$OUTER" add -A && git -C "$OUTER" commit -q -m outer
echo "code" >"$OUTER/main.c"
break_platform alpha "$OUTER/reg"
git -C "$OUTER" add -A && git -C "$OUTER" commit -q -m "alpha and code"
run_ppreg check "$OUTER/reg" --as-of "$AS_OF" --changed HEAD~1..HEAD
expect_rc 1 "a registry in a folder: the changed platform is judged"
hasnt "main.c" "a file outside the registry folder is not the registry's"
run_ppreg check "$OUTER/reg" --as-of "$AS_OF" --changed HEAD~1..HEAD --format github
has "::error file=reg/platforms/alpha/registration.yaml,line=$BAD_LINE," "annotations name the file from the repository's root"

done_testing
