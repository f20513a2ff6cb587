#!/bin/bash
# An attestation names every file of the folder by its digest. A file that
# cannot be read to be hashed (here: over the 256 MiB a file may have) stops
# the attestation with exit 2 and no output, instead of a content digest
# that silently leaves it out.
. "$(dirname "$0")/../lib/tap.sh"
K=$TMP/keys; mkdir -p "$K"
run_ppreg keygen --key "$K/k.pem" --pubkey "$K/p.pem"
expect_rc 0 "keygen"

make_registry
# 257 MiB of zeros: a few hundred KB once compressed in Git.
head -c $((257 << 20)) /dev/zero >"$REG/platforms/entraide-sante/evidence/huge.bin"
commit
run_ppreg attest "$REG" --key "$K/k.pem" --platform entraide-sante --as-of "$AS_OF" -o "$TMP/a.json"
expect_rc 2 "a file too large to be hashed: exit 2"
printf '%s\n' "$ERR" | grep -q "platforms/entraide-sante/evidence/huge.bin: .* more than the .* a file may have to be attested"
ok $? "the reason names the file"
[ ! -e "$TMP/a.json" ] && [ -z "$(ls "$TMP" | grep '^a\.json')" ]
ok $? "nothing is written"
check_reg
expect_rc 0 "ppreg check judges the platform (no evidence names the file)"

done_testing
