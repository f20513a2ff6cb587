#!/bin/bash
# The registry's server: a bare repository with `ppreg hook install`'s
# pre-receive hook, and a clone that pushes to it with real `git push`.
# Every commit a push brings is judged (not only the tip); a rejected push
# leaves the server as it was; creations, deletions and tags are handled.
. "$(dirname "$0")/lib.sh"

make_registry
add_platform alpha beta
commit "three platforms"
SRV=$TMP/srv.git
git clone -q --bare "$REG" "$SRV"

run_ppreg hook install "$SRV" --as-of "$AS_OF"
expect_rc 0 "install in a bare repository"
[ -x "$SRV/hooks/pre-receive" ] && grep -q '^# installed by ppreg' "$SRV/hooks/pre-receive"
ok $? "it writes an executable pre-receive hook marked as ppreg's"
grep -qF "$PPREG" "$SRV/hooks/pre-receive" || grep -qF "$(readlink -f "$PPREG")" "$SRV/hooks/pre-receive"
ok $? "the hook runs this ppreg by its absolute path"

WORK=$TMP/work
git clone -q "$SRV" "$WORK"
server_head() { git -C "$SRV" rev-parse HEAD; }
# push ARGS...: git push from the clone; OUT is what the pusher sees.
push() { OUT=$(git -C "$WORK" push "$@" 2>&1); RC=$?; }
wcommit() { git -C "$WORK" add -A && git -C "$WORK" commit -q -m "$1"; }
objects() { find "$SRV" -type f ! -name '*.lock' ! -name 'FETCH_HEAD' | sort | xargs sha256sum; }

# A compliant change is accepted.
touch_platform alpha "$WORK"
wcommit "alpha: a clearer description"
push origin HEAD
expect_rc 0 "a compliant change is accepted"
has "remote: ppreg: " "the pusher sees ppreg's line"
has "ok; checked alpha" "it says which platform it checked"
is "$(server_head)" "$(git -C "$WORK" rev-parse HEAD)" "the server has the new commit"

# A non-compliant change is rejected, with the rule id shown to the pusher.
before=$(server_head)
state=$(objects)
break_platform beta "$WORK"
wcommit "beta: a domain HAS does not define"
push origin HEAD
ok $((RC == 0)) "a non-compliant change is rejected"
has "remote: platforms/beta/registration.yaml:$BAD_LINE:" "the pusher sees the file and line"
has "$BAD_RULE" "and the rule id"
has "pre-receive hook declined" "Git reports the hook's refusal"
is "$(server_head)" "$before" "the server's branch did not move"
is "$(objects)" "$state" "a rejected push leaves no file behind on the server"

# Several commits, the middle one bad: rejected although the tip is fine.
git -C "$WORK" reset -q --hard origin/HEAD 2>/dev/null || git -C "$WORK" reset -q --hard "$before"
touch_platform alpha "$WORK" "one"
wcommit "good 1"
break_platform alpha "$WORK"
wcommit "bad 2"
bad=$(git -C "$WORK" rev-parse HEAD)
fix_platform alpha "$WORK"
wcommit "good 3, fixing 2"
push origin HEAD
ok $((RC == 0)) "a push whose middle commit is bad is rejected"
has "commit ${bad:0:12}: REJECTED" "the bad commit is named"
has "$BAD_RULE" "with its rule"
is "$(server_head)" "$before" "nothing of the push is accepted"
has "pushing again cannot pass. Rewrite the history" "a later fix: the pusher is told to rewrite the history"
has "git rebase -i ${before:0:12}" "and how, from the server's commit"
hasnt "fix the findings above" "not to push again as it is"
run_ppreg check "$WORK" --as-of "$AS_OF"
expect_rc 0 "(the tip alone is compliant)"
git -C "$WORK" reset -q --soft "$before" && wcommit "squashed"
push origin HEAD:refs/heads/squashed
expect_rc 0 "the advice followed (squashed), the push is accepted"
git -C "$SRV" update-ref -d refs/heads/squashed

# The same history without the bad commit is accepted, every commit judged.
git -C "$WORK" reset -q --hard "$before"
touch_platform alpha "$WORK" "two"
wcommit "good a"
touch_platform beta "$WORK" "three"
wcommit "good b"
push origin HEAD
expect_rc 0 "a push of several good commits is accepted"
n=$(printf '%s\n' "$OUT" | grep -c "remote: ppreg: .* commit [0-9a-f]*: ok")
is "$n" 2 "each of the two commits was judged"
before=$(server_head)

# A new branch: its new commits are judged; an existing commit is accepted.
push origin HEAD:refs/heads/copy
expect_rc 0 "a new branch at a known commit is accepted"
has "no new commit to check" "with nothing new to judge"
break_platform alpha "$WORK"
wcommit "bad on a branch"
push origin HEAD:refs/heads/feature
ok $((RC == 0)) "a new branch bringing a bad commit is rejected"
has "$BAD_RULE" "the pusher sees why"
git -C "$SRV" rev-parse -q --verify refs/heads/feature >/dev/null
ok $((! $?)) "the branch was not created"

# A tag on a bad commit brings it too; a tag on a good one is accepted.
git -C "$WORK" tag -a -m "bad release" v-bad HEAD
push origin refs/tags/v-bad
ok $((RC == 0)) "an annotated tag of a bad new commit is rejected"
git -C "$WORK" tag -a -m "release" v1 "$before"
push origin refs/tags/v1
expect_rc 0 "an annotated tag of an accepted commit is accepted"

# Deleting a branch is accepted.
push origin --delete copy
expect_rc 0 "deleting a branch is accepted"
has "deleted; nothing to check" "and said so"
git -C "$SRV" rev-parse -q --verify refs/heads/copy >/dev/null
ok $((! $?)) "the branch is gone"

# A deleted platform is reported removed, and accepted.
git -C "$WORK" reset -q --hard "$before"
git -C "$WORK" rm -q -r platforms/beta
wcommit "beta leaves"
push origin HEAD
expect_rc 0 "removing a platform is accepted"
has "removed beta" "and reported"

# A first push to an empty server: every commit of the history is judged,
# the root one with every platform it has.
EMPTY=$TMP/empty.git
git init -q --bare "$EMPTY"
run_ppreg hook install "$EMPTY" --as-of "$AS_OF"
push "$EMPTY" "$before:refs/heads/main"
expect_rc 0 "a first push of a compliant history is accepted"
has "ok; checked entraide-sante" "the root commit checks the platforms it has"
n=$(printf '%s\n' "$OUT" | grep -c "remote: ppreg: refs/heads/main commit [0-9a-f]*: ok")
is "$n" "$(git -C "$WORK" rev-list --count "$before")" "every commit of the history is judged"
git -C "$WORK" checkout -q -b broken-history "$(git -C "$WORK" rev-list --max-parents=0 HEAD)"
break_platform entraide-sante "$WORK"
wcommit "bad from the start"
push "$EMPTY" HEAD:refs/heads/other
ok $((RC == 0)) "a new branch with a bad commit on an old root is rejected"
git -C "$WORK" checkout -q -

# Only branches and tags hold states of the registry. Other references
# (notes, review references) are accepted without being judged, and said so.
git -C "$WORK" notes add -m "reviewed by the authority" HEAD
push origin refs/notes/commits
expect_rc 0 "pushing refs/notes/commits is accepted"
has "refs/notes/commits: not a branch or tag; accepted without judging" "and said so"
git -C "$SRV" rev-parse -q --verify refs/notes/commits >/dev/null
ok $? "the notes are on the server"
# What such a reference brings is still judged when a branch takes it.
break_platform alpha "$WORK"
wcommit "bad, for review"
push origin HEAD:refs/review/1
expect_rc 0 "a bad commit pushed to a review reference is accepted unjudged"
push origin HEAD:refs/heads/reviewed
ok $((RC == 0)) "the same commit pushed to a branch is judged, and rejected"
has "$BAD_RULE" "with its rule"
git -C "$SRV" rev-parse -q --verify refs/heads/reviewed >/dev/null
ok $((! $?)) "the branch was not created"
git -C "$WORK" tag -a -m "tagging the reviewed commit" v-review HEAD
push origin refs/tags/v-review
ok $((RC == 0)) "a tag of it is judged too, and rejected"
git -C "$WORK" reset -q --hard HEAD~1

# The hook as Git calls it, directly: bad input rejects with exit 2.
(cd "$SRV" && echo "not an update" | "$PPREG" hook pre-receive --as-of "$AS_OF") >/dev/null 2>&1
is $? 2 "a malformed update line exits 2"
(cd "$SRV" && printf '' | "$PPREG" hook pre-receive --as-of "$AS_OF") >/dev/null 2>&1
is $? 0 "no update: nothing to judge, accepted"
zero=0000000000000000000000000000000000000000
printf '%s %s refs/heads/elsewhere\n' "$zero" "$before" | "$PPREG" hook pre-receive "$SRV" --as-of "$AS_OF" >/dev/null 2>&1
is $? 0 "run by hand on a repository PATH: a known commit is accepted"

# The update hook: one reference at a time.
run_ppreg hook install "$SRV" --hook update --as-of "$AS_OF"
expect_rc 0 "install --hook update"
rm "$SRV/hooks/pre-receive"
break_platform alpha "$WORK"
wcommit "bad again"
push origin HEAD
ok $((RC == 0)) "the update hook rejects a bad commit"
has "$BAD_RULE" "and names the rule"
git -C "$WORK" notes add -f -m "seen again" HEAD~1 2>/dev/null
push origin refs/notes/commits
expect_rc 0 "the update hook accepts notes too, without judging them"
has "not a branch or tag" "and says so"

# install refuses a hook it did not write, unless --force.
printf '#!/bin/sh\nexit 0\n' >"$SRV/hooks/pre-receive"
run_ppreg hook install "$SRV" --as-of "$AS_OF"
expect_rc 2 "install refuses to replace a foreign hook"
grep -q '^exit 0' "$SRV/hooks/pre-receive"
ok $? "which is left as it was"
run_ppreg hook install "$SRV" --as-of "$AS_OF" --force
expect_rc 0 "--force replaces it"
run_ppreg hook install "$SRV" --as-of "$AS_OF"
expect_rc 0 "a hook ppreg wrote is replaced without --force"

done_testing
