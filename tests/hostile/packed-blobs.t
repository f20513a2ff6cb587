#!/bin/bash
# Blobs over the file limit in a pack, where Git stores most of a registry.
# A blob is read under a ceiling on any one allocation (core/registry/git_alloc.h):
#   - 200 MB of zeros, packed, is refused as core.limits without being
#     inflated (peak memory far below 200 MB);
#   - a blob under the limit stored as a delta of one over it trips the
#     ceiling on its base, and must still be read and judged (the size is
#     then read from the header, and the blob read again without ceiling).
# Each setup is checked first (the pack really holds that delta), so the
# test cannot pass for a reason it does not name.
. "$(dirname "$0")/../lib/tap.sh"

BIG=platforms/aidants-associes/registration.yaml     # 1.2 MB: over the 1 MiB limit
SMALL=platforms/entraide-sante/registration.yaml     # 0.9 MB: under it
next_reg reg
mkdir -p "$REG/platforms"
cp "$PPREG_TOP/registry/registry.yaml" "$REG/"
cp -R "$PPREG_TOP/registry/platforms/aidants-associes" "$PPREG_TOP/registry/platforms/entraide-sante" \
	"$REG/platforms/"
# The same comment lines after each platform's own declaration: Git stores
# the smaller file as a delta of the larger one.
seq -f '# note %06g: nothing here is read by the checks, only carried' 1 20000 >"$TMP/notes"
cat "$TMP/notes" >>"$REG/$BIG"
head -c 860000 "$TMP/notes" >>"$REG/$SMALL"
git init -q "$REG" && git -C "$REG" add -A && git -C "$REG" commit -q -m init
git -C "$REG" repack -adq --window=50 --depth=50
small_id=$(git -C "$REG" rev-parse "HEAD:$SMALL")
big_id=$(git -C "$REG" rev-parse "HEAD:$BIG")
base=$(git -C "$REG" verify-pack -v "$REG"/.git/objects/pack/*.idx | awk -v id="$small_id" '$1 == id { print $7 }')
is "$base" "$big_id" "setup: the 0.9 MB blob is stored as a delta of the 1.2 MB one"
[ "$(wc -c <"$REG/$BIG")" -gt 1048576 ] && [ "$(wc -c <"$REG/$SMALL")" -lt 1048576 ]
ok $? "setup: one blob over the 1 MiB limit, one under it"

check_reg --format text
expect_rc 1 "a blob over the limit: exit 1"
expect_finding core.limits "$BIG" 1 "the 1.2 MB blob: core.limits at line 1"
printf '%s\n' "$OUT" | grep -q "^$SMALL:.*core.limits"
ok $((!$?)) "the 0.9 MB delta of it is read: no core.limits"
printf '%s\n' "$OUT" | grep -qx "== entraide-sante: compliant"
ok $? "the 0.9 MB delta of it is judged: compliant"

# 200 MB of zeros, packed: about 200 KB in the pack.
head -c 200000000 /dev/zero >"$REG/$BIG"
git -C "$REG" add -A && git -C "$REG" commit -q -m zeros && git -C "$REG" repack -adq
[ -z "$(find "$REG/.git/objects" -path '*/objects/[0-9a-f][0-9a-f]/*' -type f)" ]
ok $? "setup: every object is in the pack"
if [ -x /usr/bin/time ]; then
	/usr/bin/time -v -o "$TMP/rusage" "$PPREG" check "$REG" --as-of "$AS_OF" >"$TMP/out" 2>"$TMP/err"
	RC=$?; OUT=$(cat "$TMP/out")
	kib=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$TMP/rusage")
	[ -n "$kib" ] && [ "$kib" -lt 150000 ]
	ok $? "200 MB of zeros, packed, is refused without being inflated (peak ${kib:-?} KiB)"
else
	check_reg
	ok 0 "# SKIP no /usr/bin/time to measure memory"
fi
expect_rc 1 "200 MB of zeros, packed: exit 1"
expect_finding core.limits "$BIG" 1 "200 MB of zeros, packed: core.limits at line 1"

done_testing
