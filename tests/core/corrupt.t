#!/bin/bash
# A corrupt Git object is a failure, not an answer: whichever object of the
# registry cannot be read (a platform folder's tree, a declaration, a piece
# of evidence a plugin hashes, the platforms/ tree, registry.yaml), the run
# exits 2 with one line naming the path, the object and libgit2's own
# message. It never reads as "no platform", as a missing file or folder,
# or as a verdict on what was not read (base/error.h).
. "$(dirname "$0")/../lib/tap.sh"

make_registry
P=platforms/entraide-sante

# corrupt PATH: the loose object of PATH at HEAD overwritten with bytes
# that are not zlib; sets OID. restore puts the object back.
corrupt() {
	OID=$(git -C "$REG" rev-parse "HEAD:$1")
	OBJ=$REG/.git/objects/${OID:0:2}/${OID:2}
	cp "$OBJ" "$TMP/saved"
	chmod u+w "$OBJ" && printf 'not a zlib stream\n' >"$OBJ"
}
restore() { cp "$TMP/saved" "$OBJ"; }

# fails DESC PATH [CHECK_ARGS...]: exit 2, nothing judged on stdout, and
# one line on stderr naming PATH, its object and libgit2's inflate error.
fails() {
	local desc=$1 path=$2
	shift 2
	check_reg "$@"
	expect_rc 2 "$desc: exit 2"
	is "$ERR" "ppreg check: $path (object $OID): failed to inflate loose object" "$desc: the real cause"
	is "$OUT" "" "$desc: no verdict on stdout"
}

corrupt $P
fails "a platform's tree object" $P
fails "a platform's tree object, --platform" $P --platform entraide-sante
restore

corrupt $P/gdpr.yaml
fails "a declaration's blob" $P/gdpr.yaml
restore

corrupt $P/evidence
fails "a subfolder's tree object" $P/evidence
restore

# read by the gdpr plugin through file_sha256(): the plugin is told
# PPREG_ERROR, the run is stopped with the registry's message
corrupt $P/evidence/aipd-2026.pdf
fails "a blob a plugin hashes" $P/evidence/aipd-2026.pdf
restore

corrupt platforms
fails "the platforms/ tree object" platforms
restore

corrupt registry.yaml
fails "registry.yaml's blob" registry.yaml
restore

# --changed reads the platforms that differ from the base
edit $P/registration.yaml 's/\z/# a comment\n/'
commit
corrupt $P
fails "a changed platform's tree object, --changed" $P --changed HEAD~1..HEAD
restore

check_reg
expect_rc 0 "with every object restored: exit 0"
is "$(printf '%s\n' "$OUT" | head -1)" "== entraide-sante: compliant" "with every object restored: compliant"

done_testing
