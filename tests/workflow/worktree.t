#!/bin/bash
# What was read (issue 19): --worktree reads what a commit of the work tree
# would hold (.gitignore applies), a check at a revision names the work it
# could not see, and a folder inside the registry finds its root.
. "$(dirname "$0")/lib.sh"

make_registry
add_platform brouillon
printf 'platforms/brouillon/\nplatforms/entraide-sante/gdpr.yaml\nplatforms/*/notes.txt\n' >"$REG/.gitignore"
git -C "$REG" add .gitignore && git -C "$REG" commit -q -m ignore
check_reg --worktree
expect_rc 0 "--worktree: the tracked files, compliant"
hasnt "brouillon" "an ignored platform folder is not read"
has "1 platform: 1 compliant" "one platform read"
git -C "$REG" rm -q --cached platforms/entraide-sante/gdpr.yaml
git -C "$REG" commit -q -m untrack
check_reg --worktree
expect_finding core.missing-file platforms/entraide-sante/gdpr.yaml 1 \
	"an ignored, untracked file is missing, as in the commit it would make"
git -C "$REG" add -f platforms/entraide-sante/gdpr.yaml && git -C "$REG" commit -q -m force
check_reg --worktree
expect_rc 0 "a tracked file is read although .gitignore names it"
run_ppreg check "$REG" --worktree --as-of "$AS_OF" --platform brouillon
is "$RC" 2 "--platform of an ignored folder: no such platform"

# A platform of the work tree that HEAD lacks is said not judged.
next_reg reg; mkdir -p "$REG/platforms"; cp "$PPREG_TOP/registry/registry.yaml" "$REG/"
git init -q "$REG" && git -C "$REG" add -A && git -C "$REG" commit -q -m empty
add_platform nouveau
check_reg
expect_rc 0 "no platform at HEAD: exit 0"
printf '%s\n' "$ERR" | grep -q "platforms/nouveau is in the work tree but not at HEAD, and was not judged: commit it, or judge the work tree with --worktree"
ok $? "an uncommitted platform is said not judged, with what to do"
check_reg --platform nouveau
printf '%s\n' "$ERR" | grep -q "no platform 'nouveau' at HEAD: platforms/nouveau is in the work tree but not committed.*--worktree"
ok $? "--platform of an uncommitted platform says so"
check_reg --platform nouvea --worktree
printf '%s\n' "$ERR" | grep -q "did you mean 'nouveau'?"
ok $? "--platform mistyped: did you mean"

# From inside a platform folder, the registry above is found, as git does.
git -C "$REG" add -A && git -C "$REG" commit -q -m nouveau
(cd "$REG/platforms/nouveau" && "$PPREG" check --as-of "$AS_OF" --platform nouveau) >"$TMP/out" 2>&1
grep -q "^1 platform: 1 compliant" "$TMP/out"
ok $? "check from platforms/<id>/ judges the registry above it"
(cd "$REG/platforms/nouveau" && "$PPREG" check --worktree --as-of "$AS_OF") >"$TMP/out" 2>&1
grep -q "^1 platform: 1 compliant" "$TMP/out"
ok $? "and so does check --worktree"

# An empty repository, and a folder outside Git.
next_reg reg; mkdir -p "$REG/platforms"; cp "$PPREG_TOP/registry/registry.yaml" "$REG/"; git init -q "$REG"
check_reg
is "$RC" 2 "an empty repository: exit 2"
printf '%s\n' "$ERR" | grep -q "the repository has no commit yet, no HEAD to read: commit the registry.*--worktree"
ok $? "an empty repository: says to commit, or --worktree"
OUTSIDE=$(mktemp -d /tmp/ppreg-outside.XXXXXX)
cp -R "$PPREG_TOP/registry/registry.yaml" "$PPREG_TOP/registry/platforms" "$OUTSIDE/"
run_ppreg check "$OUTSIDE" --as-of "$AS_OF" --platform entraide-sante
printf '%s\n' "$RC:$ERR" | grep -q "^2:.*is in no Git repository: ppreg reads a registry from its commits.*--worktree"
ok $? "a folder outside Git: exit 2, says to commit it, or --worktree"
run_ppreg check "$OUTSIDE" --worktree --as-of "$AS_OF" --platform entraide-sante
printf '%s\n' "$RC:$ERR" | grep -q "^0:.*note: .* is in no Git repository: every file on disk was read"
ok $? "--worktree outside Git: judged, and says what was read"
run_ppreg check "$OUTSIDE/platforms" --worktree --as-of "$AS_OF" --platform entraide-sante
is "$RC" 0 "--worktree outside Git, from a folder inside: the registry above"
rm -f "$OUTSIDE/registry.yaml"
run_ppreg check "$OUTSIDE" --worktree --as-of "$AS_OF"
printf '%s\n' "$ERR" | grep -q "no registry.yaml in the folder, nor in a folder above"
ok $? "no registry.yaml outside Git: not 'at HEAD'"
rm -rf "$OUTSIDE"
done_testing
