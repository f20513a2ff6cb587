#!/bin/bash
# What under platforms/ is a platform, the same for a full check (at a
# revision and with --worktree), --changed and the hooks: every entry but a
# regular file. A file directly under platforms/ (platforms/NOTES.txt) is
# not a platform: a full check does not judge it, a change to it is a
# core.outside-change finding. A symbolic link or a submodule there is a
# platform entry that is not a folder: core.tree-entry, an error.
. "$(dirname "$0")/lib.sh"

make_registry
add_platform alpha beta
commit "three platforms"
c0=$(git -C "$REG" rev-parse HEAD)

# ---- a regular file directly under platforms/ ----
echo "notes" >"$REG/platforms/NOTES.txt"
printf '#!/bin/sh\n' >"$REG/platforms/tool" && chmod +x "$REG/platforms/tool"
commit "notes and a script under platforms/"
check_reg
expect_rc 0 "full check: a file under platforms/ is not a platform"
expect_no_rule core.tree-entry "no core.tree-entry for it"
has "3 platforms:" "the summary counts the three folders only"
hasnt "NOTES.txt" "the file is not named"
check_reg --worktree
expect_rc 0 "--worktree: the same"
has "3 platforms:" "(three platforms on disk too)"
check_reg --platform NOTES.txt
expect_rc 1 "naming it with --platform: not a folder, as asked"
expect_rule core.tree-entry "(core.tree-entry)"

check_reg --changed "$c0..HEAD"
expect_rc 0 "--changed: a file under platforms/ is an outside change, a warning"
expect_finding core.outside-change platforms/NOTES.txt 1 "platforms/NOTES.txt is core.outside-change"
expect_finding core.outside-change platforms/tool 1 "an executable file too"
expect_no_rule core.tree-entry "no core.tree-entry"
hasnt "== NOTES.txt" "it is not judged as a platform"
has "0 platforms:" "no platform counted"
check_reg --changed "$c0..HEAD" --format json
is "$(json_ids)" "(registry)" "JSON: only the registry entry"
cp -R "$PPREG_TOP/policies" "$TMP/policies"
perl -0pi -e 's/^severity: \{\}/severity: {core.outside-change: error}/m' "$TMP/policies/fr-model-2026.2.yaml"
check_reg --changed "$c0..HEAD" --policy "$TMP/policies/fr-model-2026.2.yaml"
expect_rc 1 "a policy can make it an error"
printf '%s\n' "$OUT" | grep -q "^platforms/NOTES.txt:1:1: error: core.outside-change"
ok $? "(the finding is then an error)"

echo "more" >>"$REG/platforms/NOTES.txt"
commit "notes grow"
check_reg --changed HEAD~1..HEAD
expect_rc 0 "modifying it: an outside change"
expect_finding core.outside-change platforms/NOTES.txt 1 "(named)"
git -C "$REG" rm -q platforms/NOTES.txt platforms/tool
commit "notes go"
check_reg --changed HEAD~1..HEAD
expect_rc 0 "deleting it: an outside change"
expect_finding core.outside-change platforms/NOTES.txt 1 "(named)"
hasnt "removed" "not a platform removed"

# A platform folder replaced by a file of the same name: the platform is
# removed (a deletion alone is compliant) and the file is an outside change.
git -C "$REG" rm -q -r platforms/beta
echo "gone" >"$REG/platforms/beta"
commit "beta becomes a file"
check_reg --changed HEAD~1..HEAD
expect_rc 0 "a folder replaced by a file"
has "== beta: removed" "the platform is removed"
expect_finding core.outside-change platforms/beta 1 "the file is an outside change"
check_reg
expect_rc 0 "and a full check no longer judges it"
git -C "$REG" rm -q platforms/beta
git -C "$REG" checkout -q "$c0" -- platforms/beta
commit "beta is back"
c1=$(git -C "$REG" rev-parse HEAD)

# ---- a symbolic link or a submodule: platform entries, not folders ----
ln -s alpha "$REG/platforms/omega"
commit "a link named like a platform"
check_reg --changed "$c1..HEAD"
expect_rc 1 "--changed: a symbolic link under platforms/ is an error"
expect_finding core.tree-entry platforms/omega 1 "core.tree-entry"
check_reg
expect_rc 1 "full check: the same"
expect_finding core.tree-entry platforms/omega 1 "core.tree-entry"
check_reg --worktree
expect_rc 1 "--worktree: the same"
expect_finding core.tree-entry platforms/omega 1 "core.tree-entry"
ln -s NOTES "$REG/platforms/NOTES.md"
commit "a link with a file's name"
check_reg --changed HEAD~1..HEAD
expect_rc 1 "a link is a platform entry whatever its name"
expect_finding core.tree-entry platforms/NOTES.md 1 "core.tree-entry"
git -C "$REG" rm -q platforms/omega platforms/NOTES.md
commit "links go"

git -C "$REG" update-index --add --cacheinfo "160000,$c0,platforms/sub"
git -C "$REG" commit -q -m "a submodule under platforms/"
check_reg --changed HEAD~1..HEAD
expect_rc 1 "--changed: a submodule under platforms/ is an error"
expect_finding core.tree-entry platforms/sub 1 "core.tree-entry"
check_reg
expect_rc 1 "full check: the same"
expect_finding core.tree-entry platforms/sub 1 "core.tree-entry"
git -C "$REG" rm -q --cached platforms/sub
commit "submodule goes"

# ---- the hooks judge the same way ----
# (on a branch without the links and the submodule, which a push would bring)
git -C "$REG" checkout -q -b notes "$c1"
run_ppreg hook install "$REG" --as-of "$AS_OF"
echo "notes" >"$REG/platforms/NOTES.txt"
git -C "$REG" add platforms/NOTES.txt
OUT=$(git -C "$REG" commit -m "notes again" 2>&1); RC=$?
expect_rc 0 "pre-commit: a file under platforms/ commits, with a warning"
has "platforms/NOTES.txt:1:1: warning: core.outside-change" "(the warning)"
SRV=$TMP/srv.git
git init -q --bare "$SRV"
run_ppreg hook install "$SRV" --as-of "$AS_OF"
OUT=$(git -C "$REG" push "$SRV" HEAD:refs/heads/main 2>&1); RC=$?
expect_rc 0 "pre-receive: a push bringing it is accepted"
hasnt "core.tree-entry" "without core.tree-entry"

done_testing
