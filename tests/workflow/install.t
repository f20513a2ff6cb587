#!/bin/bash
# `ppreg hook install` writes where Git runs hooks from (`git rev-parse
# --git-path hooks`): core.hooksPath when set, else the common Git folder's
# hooks/, also from a linked worktree (git worktree add), whose own
# .git/worktrees/NAME/hooks Git never reads. It replaces only a hook that is
# byte for byte one ppreg writes: a hook an administrator edited is kept.
. "$(dirname "$0")/lib.sh"

make_registry
add_platform alpha
commit "two platforms"

# ---- a linked worktree ----
WT=$TMP/wt
git -C "$REG" worktree add -q -b wt-branch "$WT" 2>/dev/null
ok $? "(git worktree add)"
want=$(cd "$WT" && readlink -f "$(git rev-parse --git-path hooks)")
run_ppreg hook install "$WT" --as-of "$AS_OF"
expect_rc 0 "install in a linked worktree"
[ -x "$want/pre-commit" ]
ok $? "the hook is in the folder Git runs hooks from ($(basename "$(dirname "$want")")/hooks)"
[ ! -e "$REG/.git/worktrees/wt/hooks/pre-commit" ]
ok $? "not in the worktree's private folder, which Git never reads"
has "$want/pre-commit" "install names the file it wrote"

# Git runs it: a broken platform committed in the worktree is refused.
break_platform alpha "$WT"
git -C "$WT" add -A
OUT=$(git -C "$WT" commit -q -m "bad in the worktree" 2>&1); RC=$?
ok $((RC == 0)) "Git runs the hook in the worktree: a broken platform is refused"
has "$BAD_RULE" "with its rule"
fix_platform alpha "$WT"
touch_platform alpha "$WT"
git -C "$WT" add -A
OUT=$(git -C "$WT" commit -q -m "good in the worktree" 2>&1); RC=$?
expect_rc 0 "a compliant commit in the worktree goes through"
has "ok; checked alpha" "after the hook judged it"
rm -f "$want/pre-commit"

# core.hooksPath wins, relative to the work tree's top as Git reads it.
git -C "$REG" config core.hooksPath my-hooks
run_ppreg hook install "$REG" --as-of "$AS_OF"
expect_rc 0 "install with a relative core.hooksPath"
[ -x "$REG/my-hooks/pre-commit" ]
ok $? "the hook goes to core.hooksPath"
git -C "$REG" config --unset core.hooksPath

# ---- replacing a hook: only one ppreg wrote, unchanged ----
HOOK=$REG/.git/hooks/pre-commit
run_ppreg hook install "$REG" --as-of "$AS_OF"
expect_rc 0 "install in the main checkout"
run_ppreg hook install "$REG" --as-of "$AS_OF" --strict --format json
expect_rc 0 "a hook ppreg wrote is replaced without --force, with other options"
grep -q -- "--strict --format json" "$HOOK"
ok $? "(the new options are in)"
cp "$HOOK" "$TMP/pristine"

# refused: IN-FILE-EDIT DESCRIPTION
refused() {
	cp "$TMP/pristine" "$HOOK"
	perl -0pi -e "$1" "$HOOK"
	cp "$HOOK" "$TMP/edited"
	run_ppreg hook install "$REG" --as-of "$AS_OF"
	expect_rc 2 "install refuses to replace a hook $2"
	printf '%s\n' "$ERR" | grep -q -- "--force"
	ok $? "and says --force would"
	cmp -s "$HOOK" "$TMP/edited"
	ok $? "the edited hook is left as it was"
}
refused 's/\z/echo audit >>\/var\/log\/hooks\n/' "with a line added at the end"
refused 's/^exec /\/usr\/local\/bin\/notify\nexec /m' "with a line added before exec"
refused 's/"\$\@"/--strict "\$\@"; echo done/' "whose exec line was edited"
refused 's/^#!\/bin\/sh\n/#!\/bin\/sh\nset -e\n/' "with the mark moved off line 2"
refused 's/hook pre-commit/hook pre-commit --jobs 4/' "with an option ppreg never writes"
printf '#!/bin/sh\nexit 0\n# installed by ppreg\n' >"$HOOK"
run_ppreg hook install "$REG" --as-of "$AS_OF"
expect_rc 2 "install refuses a hook carrying the mark on another line"
run_ppreg hook install "$REG" --as-of "$AS_OF" --force
expect_rc 0 "--force replaces it"
cp "$HOOK" "$TMP/edited"
run_ppreg hook install "$REG" --as-of "$AS_OF" --policy "$PPREG_TOP/policies/fr-model-2026.2.yaml" \
	--plugin-dir "$PPREG_BUILD/plugins"
expect_rc 0 "a ppreg hook with --policy and --plugin-dir"
run_ppreg hook install "$REG" --as-of "$AS_OF"
expect_rc 0 "is replaced without --force too"
# The quoting ppreg writes (a folder and a policy with ' in their names)
# is recognised as its own.
OUTER=$TMP/outer
mkdir -p "$OUTER" && git init -q "$OUTER"
cp -R "$REG" "$OUTER/it's reg" && rm -rf "$OUTER/it's reg/.git"
cp "$PPREG_TOP/policies/fr-model-2026.2.yaml" "$TMP/o'policy.yaml"
run_ppreg hook install "$OUTER/it's reg" --as-of "$AS_OF" --policy "$TMP/o'policy.yaml"
expect_rc 0 "install from a folder whose name has a quote"
grep -qF "hook pre-commit 'it'\\''s reg' --policy" "$OUTER/.git/hooks/pre-commit"
ok $? "(the folder is quoted for sh)"
run_ppreg hook install "$OUTER/it's reg" --as-of "$AS_OF"
expect_rc 0 "and that hook is replaced without --force"

ln -s "$TMP/edited" "$TMP/link" && rm "$HOOK" && ln -s "$TMP/link" "$HOOK"
run_ppreg hook install "$REG" --as-of "$AS_OF"
expect_rc 2 "a symbolic link in the hook's place is not replaced without --force"

done_testing
