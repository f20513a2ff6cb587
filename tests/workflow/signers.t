#!/bin/bash
# Who may change what (issue 22, items 4 and 5): with authority/maintainers.yaml
# at the pushed branch's old revision, the pre-receive and update hooks refuse
# every new commit that is not signed (Git's SSH signatures, gpg.format=ssh)
# by a key allowed for every path it changes; and a push that switches the
# policy registry.yaml names is judged under the base's policy too, unless
# the authority signed it.
. "$(dirname "$0")/lib.sh"

command -v ssh-keygen >/dev/null || skip_all "ssh-keygen (openssh-client) is not installed"

# Keys: the authority, two platforms, and a stranger nobody named.
for k in authority alpha beta stranger; do
	ssh-keygen -q -t ed25519 -N '' -C "$k@test" -f "$TMP/$k"
done
fpr() { ssh-keygen -lf "$TMP/$1.pub" | cut -d' ' -f2; }

# A laxer policy, installed beside the model one: fr-model/2026.9 switches
# off the rule break_platform trips.
export PPREG_POLICY_DIR=$TMP/policies
cp -R "$PPREG_TOP/policies" "$PPREG_POLICY_DIR"
sed -e 's/^version: "2026.2"/version: "2026.9"/' -e "s/^severity: {}/severity: {$BAD_RULE: off}/" \
	"$PPREG_POLICY_DIR/fr-model-2026.2.yaml" >"$PPREG_POLICY_DIR/fr-model-2026.9.yaml"
grep -q "$BAD_RULE: off" "$PPREG_POLICY_DIR/fr-model-2026.9.yaml" || { echo "Bail out! no lax policy"; exit 1; }

# maintainers: the authority, alpha, beta; gamma is the authority's own
# platform; ghost is in no registry (not an error).
maintainers() {
	mkdir -p "$1/authority"
	{
		echo "format: ppreg/1"
		echo "authority:"
		echo "  - $(cat "$TMP/authority.pub")"
		echo "platforms:"
		for p in alpha beta; do echo "  $p:"; echo "    - $(cat "$TMP/$p.pub")"; done
		echo "  gamma: ['$(cat "$TMP/authority.pub")']"
		echo "  ghost: []"
	} >"$1/authority/maintainers.yaml"
}

make_registry
add_platform alpha beta gamma
maintainers "$REG"
commit "four platforms and their maintainers"
SRV=$TMP/srv.git
git clone -q --bare "$REG" "$SRV"
run_ppreg hook install "$SRV" --as-of "$AS_OF"
expect_rc 0 "install the pre-receive hook"
WORK=$TMP/work
git clone -q "$SRV" "$WORK"

server_head() { git -C "$SRV" rev-parse refs/heads/master; }
reset_work() { git -C "$WORK" checkout -q master && git -C "$WORK" reset -q --hard "$(server_head)"; }
# wcommit MESSAGE [KEY]: commits everything in the clone, signed by KEY's
# private key as Git signs (gpg.format=ssh), or unsigned.
wcommit() {
	git -C "$WORK" add -A
	if [ -n "${2:-}" ]; then
		git -C "$WORK" -c gpg.format=ssh -c user.signingkey="$TMP/$2" commit -S -q -m "$1"
	else
		git -C "$WORK" commit -q -m "$1"
	fi
}
push() { OUT=$(git -C "$WORK" push "$@" 2>&1); RC=$?; }
# judge [OLD [REF]]: the update hook itself on the clone's HEAD, brought to
# the server under a reference no hook judges; RC is the hook's status.
judge() {
	local new
	new=$(git -C "$WORK" rev-parse HEAD)
	git -C "$SRV" fetch -q "$WORK" "+$new:refs/pending/t"
	OUT=$(cd "$SRV" && "$PPREG" hook update "${2:-refs/heads/master}" "${1:-$(server_head)}" "$new" \
		--as-of "$AS_OF" 2>&1)
	RC=$?
	git -C "$SRV" update-ref -d refs/pending/t
}
short() { git -C "$WORK" rev-parse HEAD | cut -c1-12; }

# ---- signed by the right key: accepted ----
touch_platform alpha "$WORK" "by alpha"
wcommit "alpha: a clearer description" alpha
push origin HEAD
expect_rc 0 "alpha's change signed by alpha's key is accepted"
has "ok; checked alpha" "and judged as usual"
is "$(server_head)" "$(git -C "$WORK" rev-parse HEAD)" "the server has it"

# ---- by another platform's key: refused, naming commit, path and key ----
touch_platform alpha "$WORK" "by beta"
wcommit "alpha, signed by beta" beta
judge
expect_rc 1 "alpha's change signed by beta's key: exit 1"
has "commit $(short): REJECTED: platforms/alpha/registration.yaml: signed by a key not allowed there (ED25519 key $(fpr beta)); only platform alpha's keys in authority/maintainers.yaml may sign a change to it" \
	"the refusal names the commit, the path and the key"
before=$(server_head)
push origin HEAD
ok $((RC == 0)) "the real push is refused"
has "remote: ppreg: refs/heads/master commit $(short): REJECTED: platforms/alpha/" "the pusher sees why"
is "$(server_head)" "$before" "the server's branch did not move"

# ---- unsigned ----
reset_work
touch_platform alpha "$WORK" "unsigned"
wcommit "alpha, unsigned"
judge
expect_rc 1 "an unsigned commit: exit 1"
has "commit $(short): REJECTED: platforms/alpha/registration.yaml: the commit is not signed; only platform alpha's keys" \
	"it is refused as unsigned"

# ---- a key nobody named ----
reset_work
touch_platform alpha "$WORK" "stranger"
wcommit "alpha, by a stranger" stranger
judge
expect_rc 1 "a commit signed by a key maintainers.yaml does not name: exit 1"
has "REJECTED: platforms/alpha/registration.yaml: signed by a key maintainers.yaml does not name (ED25519 key $(fpr stranger))" \
	"the key is named"

# ---- one commit, two platforms, one platform's key ----
reset_work
touch_platform alpha "$WORK" "both"
touch_platform beta "$WORK" "both"
wcommit "alpha and beta, by alpha" alpha
judge
expect_rc 1 "a commit touching alpha and beta signed by alpha's key: exit 1"
has "commit $(short): REJECTED: platforms/beta/registration.yaml: signed by a key not allowed there (ED25519 key $(fpr alpha)); only platform beta's keys" \
	"the path alpha may not change is named"

# ---- the registry's own files are the authority's ----
reset_work
perl -0pi -e 's/^name: .*/name: Renamed registry/m' "$WORK/registry.yaml"
wcommit "registry.yaml, by alpha" alpha
judge
expect_rc 1 "registry.yaml changed with a platform's key: exit 1"
has "REJECTED: registry.yaml: signed by a key not allowed there (ED25519 key $(fpr alpha)); only the authority's keys" \
	"registry.yaml is the authority's"
reset_work
perl -0pi -e 's/^name: .*/name: Renamed registry/m' "$WORK/registry.yaml"
wcommit "registry.yaml, by the authority" authority
judge
expect_rc 0 "the same change signed by the authority's key is accepted"

# ---- a key added in the same push: the old revision's file rules ----
reset_work
awk -v k="$(cat "$TMP/stranger.pub")" '{print} /^  alpha:$/ {print "    - " k}' \
	"$WORK/authority/maintainers.yaml" >"$TMP/m" && cp "$TMP/m" "$WORK/authority/maintainers.yaml"
wcommit "maintainers: the stranger maintains alpha" authority
touch_platform alpha "$WORK" "stranger again"
wcommit "alpha, by the stranger" stranger
judge
expect_rc 1 "a key added to maintainers.yaml and used in the same push: exit 1"
has "commit $(short): REJECTED: platforms/alpha/registration.yaml: signed by a key maintainers.yaml does not name (ED25519 key $(fpr stranger))" \
	"the commit using it is refused: the old revision's maintainers.yaml rules"

# ---- a policy switch to a laxer installed policy ----
switch_and_break() {
	perl -0pi -e 's/^policy: .*/policy: fr-model\/2026.9/m' "$WORK/registry.yaml"
	break_platform gamma "$WORK"
}
reset_work
switch_and_break
wcommit "switch to fr-model/2026.9 and add a domain to gamma" authority
judge
expect_rc 0 "signed by the authority: judged under the new policy alone, accepted"
hasnt "under the base's policy" "not under the base's policy"
has "ok; checked gamma" "gamma is judged"

# The same without maintainers.yaml (no signature is checked): judged under
# both policies, so the platform the switch carries is refused.
next_reg plain
make_registry
add_platform gamma
commit "no maintainers.yaml"
PLAIN=$REG
git -C "$PLAIN" checkout -q -b side
perl -0pi -e 's/^policy: .*/policy: fr-model\/2026.9/m' "$PLAIN/registry.yaml"
break_platform gamma "$PLAIN"
git -C "$PLAIN" add -A && git -C "$PLAIN" -c gpg.format=ssh -c user.signingkey="$TMP/authority" commit -S -q -m "switch"
new=$(git -C "$PLAIN" rev-parse HEAD)
git -C "$PLAIN" update-ref refs/pending/t "$new"
git -C "$PLAIN" checkout -q master
git -C "$PLAIN" branch -q -D side
OUT=$(cd "$PLAIN" && "$PPREG" hook update refs/heads/master "$(git rev-parse master)" "$new" --as-of "$AS_OF" 2>&1)
RC=$?
expect_rc 1 "a switch to a laxer policy (no maintainers.yaml): exit 1"
has "commit ${new:0:12}, under the base's policy fr-model/2026.2: REJECTED; checked gamma" \
	"judged under the base's policy, it is refused"
has "platforms/gamma/registration.yaml:$BAD_LINE:" "with the finding the laxer policy switches off"
has "$BAD_RULE" "and its rule"
has "commit ${new:0:12}, under the policy it names: ok" "and under the policy it names too"

# A hook installed with --policy judges under that one alone.
OUT=$(cd "$PLAIN" && "$PPREG" hook update refs/heads/master "$(git rev-parse master)" "$new" --as-of "$AS_OF" \
	--policy "$PPREG_POLICY_DIR/fr-model-2026.9.yaml" 2>&1)
RC=$?
expect_rc 0 "a hook with --policy judges under its policy alone"
hasnt "under the base's policy" "not under registry.yaml's"

# Without the authority's signature where maintainers.yaml rules: refused
# for its signer, and judged under both policies.
reset_work
switch_and_break
wcommit "switch to fr-model/2026.9, by beta" beta
judge
expect_rc 1 "a policy switch not signed by the authority: exit 1"
has "REJECTED: platforms/gamma/registration.yaml: signed by a key not allowed there (ED25519 key $(fpr beta))" \
	"its signer may change neither"
has "under the base's policy fr-model/2026.2: REJECTED" "and its content is judged under the base's policy"

# ---- a new branch: the default branch's maintainers.yaml ----
reset_work
git -C "$WORK" checkout -q -b feature
touch_platform alpha "$WORK" "on a branch"
wcommit "alpha on a new branch, by beta" beta
judge 0000000000000000000000000000000000000000 refs/heads/feature
expect_rc 1 "a new branch is judged by the default branch's maintainers.yaml: exit 1"
has "refs/heads/feature commit $(short): REJECTED: platforms/alpha/registration.yaml: signed by a key not allowed there (ED25519 key $(fpr beta))" \
	"naming the commit, path and key"
git -C "$WORK" reset -q --hard HEAD~1
touch_platform alpha "$WORK" "on a branch, by alpha"
wcommit "alpha on a new branch, by alpha" alpha
push origin feature
expect_rc 0 "the new branch signed by alpha is accepted"
# A new branch that removes maintainers.yaml gains nothing either.
git -C "$WORK" rm -q -r "$WORK/authority"
touch_platform alpha "$WORK" "no more maintainers"
wcommit "alpha, and no maintainers" alpha
push origin feature:refs/heads/other
ok $((RC == 0)) "a new branch whose commit removes maintainers.yaml, signed by a platform, is refused"
has "REJECTED: authority/maintainers.yaml: signed by a key not allowed there" "authority/ is the authority's"

# ---- a merge: only the paths that differ from every parent ----
reset_work
git -C "$WORK" checkout -q -b m1
touch_platform alpha "$WORK" "merge side"
wcommit "alpha on a side" alpha
git -C "$WORK" checkout -q master
touch_platform beta "$WORK" "merge main"
wcommit "beta on main" beta
git -C "$WORK" -c gpg.format=ssh -c user.signingkey="$TMP/beta" merge -q -S --no-edit m1
judge
expect_rc 0 "a clean merge signed by beta brings no path of its own: accepted"
git -C "$WORK" reset -q --hard HEAD~1
git -C "$WORK" merge -q --no-commit m1 >/dev/null 2>&1
touch_platform alpha "$WORK" "changed in the merge"
git -C "$WORK" add -A
git -C "$WORK" -c gpg.format=ssh -c user.signingkey="$TMP/beta" commit -S -q --no-edit
judge
expect_rc 1 "a merge that changes alpha itself, signed by beta: exit 1"
has "commit $(short): REJECTED: platforms/alpha/registration.yaml: signed by a key not allowed there" \
	"the merge's own path is named"

# ---- commits another branch had already: checked all the same ----
# An administrator's branch without maintainers.yaml takes any commit; it
# cannot carry them into master.
reset_work
git -C "$WORK" checkout -q -b legacy
git -C "$WORK" rm -q -r "$WORK/authority"
wcommit "no maintainers here"
git -C "$SRV" fetch -q "$WORK" "+legacy:refs/heads/legacy"
touch_platform alpha "$WORK" "on legacy, unsigned"
wcommit "alpha, unsigned, on legacy"
push origin legacy
expect_rc 0 "legacy's base has no maintainers.yaml: its unsigned commit is accepted there"
unsigned=$(git -C "$WORK" rev-parse HEAD)
push origin legacy:master
ok $((RC == 0)) "master fast-forwarded to legacy's unsigned commits is refused"
has "refs/heads/master commit ${unsigned:0:12}: REJECTED: platforms/alpha/registration.yaml: the commit is not signed" \
	"the commit is named, though the push brings no new object"
git -C "$SRV" update-ref -d refs/heads/legacy
git -C "$WORK" checkout -q master

# ---- a branch only moves forward ----
reset_work
first=$(git -C "$SRV" rev-list --max-parents=0 refs/heads/master)
OUT=$(cd "$SRV" && "$PPREG" hook update refs/heads/master "$(server_head)" "$first" --as-of "$AS_OF" 2>&1)
RC=$?
expect_rc 1 "a rewind of master (no commit to sign, yet folders change): exit 1"
has "refs/heads/master: REJECTED: ${first:0:12} is not a descendant of $(server_head | cut -c1-12)" \
	"the rewind is named"
push --force origin "$first:refs/heads/master"
ok $((RC == 0)) "a real force-push back is refused"
push origin :refs/heads/master
ok $((RC == 0)) "deleting the default branch is refused"
has "refs/heads/master: REJECTED: the default branch of a registry with authority/maintainers.yaml is never deleted" \
	"and says why"
push origin :refs/heads/feature
expect_rc 0 "deleting another branch is accepted"

# ---- a malformed maintainers.yaml: the push cannot be judged ----
reset_work
perl -0pi -e 's/^  ghost: \[\]/  ghost: [ssh-ed25519 not-a-key]/m' "$WORK/authority/maintainers.yaml"
git -C "$WORK" add -A && git -C "$WORK" -c gpg.format=ssh -c user.signingkey="$TMP/authority" commit -S -q -m "bad key"
bad=$(git -C "$WORK" rev-parse HEAD)
touch_platform alpha "$WORK" "after a bad file"
wcommit "alpha, after" alpha
judge "$bad"
expect_rc 2 "a malformed maintainers.yaml at the base: exit 2"
has "authority/maintainers.yaml:10:" "naming the file and line"
has "key 'ssh-ed25519 not-a-key' does not parse" "and the key that does not parse"

# Other malformed files: exit 2 with file and line, never a push accepted.
malformed() { # malformed TEXT EXPECTED
	reset_work
	printf '%s\n' "$1" >"$WORK/authority/maintainers.yaml"
	git -C "$WORK" add -A && git -C "$WORK" commit -q -m "malformed"
	bad=$(git -C "$WORK" rev-parse HEAD)
	touch_platform alpha "$WORK" "after"
	wcommit "alpha, after" alpha
	judge "$bad"
	expect_rc 2 "malformed ($2): exit 2"
	has "$2" "it says: $2"
}
auth="authority: ['$(cat "$TMP/authority.pub")']"
malformed "format: ppreg/2" "authority/maintainers.yaml:1:1: expected 'format: ppreg/1'"
malformed "$(printf 'format: ppreg/1\nauthority: x')" "authority/maintainers.yaml:2:12: expected a list of SSH public keys"
malformed "$(printf 'format: ppreg/1\n%s\nplatforms:\n  Bad_Id: []' "$auth")" \
	"authority/maintainers.yaml:4:11: 'Bad_Id' is not a platform id"
malformed "$(printf 'format: ppreg/1\n%s\nowners: []' "$auth")" "authority/maintainers.yaml:3:9: unknown key"
malformed "$(printf 'format: ppreg/1\nplatforms: {}')" "'authority:' lists the authority's keys and is required"
malformed "$(printf 'format: ppreg/1\n%s\n  - [nested' "$auth")" "authority/maintainers.yaml:"
malformed "$(printf 'format: ppreg/1\nauthority: [ssh-ed25519 %s]' "$(cut -d' ' -f2 "$TMP/alpha.pub" | tr 'A-Z' 'a-z')")" \
	"does not parse as an OpenSSH public key"

done_testing
