#!/bin/bash
# ppreg site --attestations DIR: an attestation of the content judged is
# linked from the register with the command that verifies it, copied into
# the site, and listed beside the commit it names; one that is not an
# attestation (or no longer holds) is left out and named.
. "$(dirname "$0")/lib.sh"
example_registry
mkdir -p "$TMP/keys" "$TMP/att"
"$PPREG" keygen --key "$TMP/keys/k.pem" --pubkey "$TMP/keys/p.pem" >/dev/null
run_ppreg attest "$REG" --key "$TMP/keys/k.pem" --platform entraide-sante --as-of "$AS_OF" -o "$TMP/att/entraide.json"
expect_rc 0 "entraide-sante is attested"
echo '{"not": "an envelope"}' >"$TMP/att/broken.json"
site "$TMP/site" --attestations "$TMP/att"
expect_rc 1 "a site with attestations: exit 1, as check"
printf '%s\n' "$ERR" | grep -q 'broken.json : écartée : '
ok $? "an envelope that cannot be read is named on stderr"
cmp -s "$TMP/att/entraide.json" "$TMP/site/attestations/entraide.json"
ok $? "the envelope is copied into the site"
[ ! -e "$TMP/site/attestations/broken.json" ]; ok $? "the broken one is not"
grep -q '<a href="attestations/entraide.json">entraide.json</a>' "$TMP/site/index.html"
ok $? "index.html links the attestation"
is "$(grep -o 'attestations/entraide.json' "$TMP/site/index.html" | wc -l)" 2 "only entraide-sante's row has it (link and command)"
cmd=$(sed -n 's/.*<code>\(ppreg verify attestations\/entraide.json[^<]*\)<\/code>.*/\1/p' "$TMP/site/index.html" | head -1)
is "$cmd" "ppreg verify attestations/entraide.json --pubkey PUB --platform entraide-sante --registry $REG" \
	"index.html: the command that verifies it"
# the command as printed, PUB being the authority's public key
cd "$TMP/site" && run_ppreg $(printf '%s' "${cmd#ppreg }" | sed "s|PUB|$TMP/keys/p.pem|") --as-of "$AS_OF"
cd "$TMP"
expect_rc 0 "the command, run in the site's folder, verifies the copy"
grep -q '<td>the example registry</td><td><a href="../attestations/entraide.json">' "$TMP/site/services/entraide-sante.html"
ok $? "the service page lists the attestation beside the commit it names"
! grep -q 'attestations/entraide.json' "$TMP/site/services/charte-incomplete.html"
ok $? "another service's page does not"

# A later commit changes entraide-sante: the attestation no longer names
# its content, so the register shows none; its page lists both commits,
# newest first, the attestation beside the older one; --rev reads the old.
perl -0pi -e 's/Co-taught sessions/Co-taught classes/' "$REG/platforms/entraide-sante/registration.yaml"
git -C "$REG" commit -q -am "entraide-sante: a service described again"
site "$TMP/site" --attestations "$TMP/att"
! grep -q 'href="attestations/entraide.json"' "$TMP/site/index.html"
ok $? "a later content: the register shows no attestation for it"
is "$(grep -o '<td>entraide-sante: a service described again</td>\|<td>the example registry</td>' \
	"$TMP/site/services/entraide-sante.html" | tr '\n' '|')" \
	"<td>entraide-sante: a service described again</td>|<td>the example registry</td>|" \
	"its page lists both commits, newest first"
grep -q '<td>the example registry</td><td><a href="../attestations/entraide.json">' "$TMP/site/services/entraide-sante.html"
ok $? "the attestation stays beside the commit it names"
is "$(grep -c '<td>entraide-sante: a service' "$TMP/site/services/charte-incomplete.html")" 0 \
	"a service the commit did not change does not list it"
site "$TMP/site" --attestations "$TMP/att" --rev HEAD~1
grep -q 'href="attestations/entraide.json"' "$TMP/site/index.html"
ok $? "--rev HEAD~1: the site of the attested commit links the attestation again"
done_testing
