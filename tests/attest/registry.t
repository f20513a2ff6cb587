#!/bin/bash
# verify --registry: exit 2 when the registry cannot be judged, exit 1 only
# when it can and disagrees (commit not in it, digests, policy digest).
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
make_registry
GOOD=$REG
att -o "$TMP/a.json"
expect_rc 0 "attest"
ver "$TMP/a.json" --registry "$GOOD"
expect_rc 0 "verify against the registry"
printf 'x\n' >"$REG/NOTES.txt"
commit "later, elsewhere"
ver "$TMP/a.json" --registry "$GOOD"
expect_rc 0 "still valid once the registry has moved on elsewhere: the attested commit is read"
edit platforms/entraide-sante/training.yaml 's/$/\n/'
commit "later, the platform"
ver "$TMP/a.json" --registry "$GOOD"
expect_rc 1 "the platform's folder changed since: exit 1"
expect_err "superseded: platforms/entraide-sante at the registry's HEAD \([0-9a-f]{12}\) is another folder than the attested one" \
	"the platform's folder changed since"

# cannot_judge DESCRIPTION REGEX [verify args]: exit 2 with that reason.
cannot_judge() {
	local d=$1 re=$2; shift 2
	ver "$TMP/a.json" "$@"
	expect_rc 2 "$d: exit 2"
	expect_err "$re" "$d"
}
cannot_judge "--registry /nonexistent" "not a folder" --registry /nonexistent
mkdir -p "$TMP/plain"
cannot_judge "--registry a folder that is no repository" "repository" --registry "$TMP/plain"
next_reg norepo; git init -q "$REG"; echo x >"$REG/x"; git -C "$REG" add x; git -C "$REG" commit -q -m x
cannot_judge "--registry a repository without registry.yaml" "not a ppreg registry" --registry "$REG"
cannot_judge "... even with --policy" "not a ppreg registry" --registry "$REG" \
	--policy "$PPREG_TOP/policies/fr-model-2026.2.yaml"
next_reg empty; git init -q "$REG"
cannot_judge "--registry an empty repository" "HEAD|reference" --registry "$REG"
cannot_judge "--policy missing" "cannot read policy" --registry "$GOOD" --policy "$TMP/none.yaml"
mkdir -p "$TMP/pol"; printf 'format: ppreg/1\nid: [unclosed\n' >"$TMP/pol/bad.yaml"
cannot_judge "--policy unparsable" "policy .*bad.yaml" --registry "$GOOD" --policy "$TMP/pol/bad.yaml"
mkdir -p "$TMP/noplugins"
cannot_judge "--plugin-dir with no plugins" "plugin" --registry "$GOOD" --plugin-dir "$TMP/noplugins"

# Exit 1: the commit is not in the registry (another history of the same
# files), even when a ref is named like the attested commit id: the id is
# looked up exactly, never resolved as a revision.
C=$(payload_of "$TMP/a.json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["subject"][0]["digest"]["gitCommit"])')
GIT_COMMITTER_DATE='2020-01-01T00:00:00Z' GIT_AUTHOR_DATE='2020-01-01T00:00:00Z' make_registry
rejects "$TMP/a.json" "commit $C is not in the registry" "a commit of another history" --registry "$REG"
git -C "$REG" update-ref "refs/heads/$C" HEAD
git -C "$REG" update-ref "refs/tags/$C" HEAD
rejects "$TMP/a.json" "commit $C is not in the registry" "a branch and a tag named like the commit" --registry "$REG"

# The attestation file must be a regular file: a FIFO is exit 2 at once.
mkfifo "$TMP/fifo.json"
timeout 10 "$PPREG" verify "$TMP/fifo.json" --pubkey "$K/p.pem" --as-of "$AS_OF" >"$TMP/out" 2>"$TMP/err"
RC=$?; ERR=$(cat "$TMP/err")
expect_rc 2 "a FIFO as ATTESTATION: exit 2, no hang"
expect_err "not a regular file" "a FIFO as ATTESTATION"
run_ppreg verify "$TMP/a.json" --pubkey "$K/p.pem" --pubkey "$K/p.pem"
expect_rc 2 "--pubkey given twice: exit 2"
expect_err "given twice" "--pubkey given twice"
done_testing
