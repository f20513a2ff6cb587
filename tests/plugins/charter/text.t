#!/bin/sh
# The official charter text says what the draft articles say, and every copy
# of its digest follows the text: the policy, each example platform's
# charter.yaml and the fuzz seeds. The draft L.1191-5 (annex of the note of
# 2026-02-16) has the right of alert exercised with the establishment, a
# copy to the regional health agency, and, for the services of L.1191-4,
# with the minister *instead*: article 6 quotes it rather than paraphrasing.
. "$(dirname "$0")/../../lib/tap.sh"
TEXT=$PPREG_TOP/policies/charters/2026-1.md
POLICY=$PPREG_TOP/policies/fr-model-2026.2.yaml

# The text with its line breaks folded, so a sentence can be searched whole.
flat=$(tr '\n' ' ' <"$TEXT" | tr -s ' ')
article6=$(printf '%s' "$flat" | sed -n 's/.*## Article 6\(.*\)## Signature.*/\1/p')

case $article6 in
*"S'agissant des services visés à l'article L. 1191-4 ce droit d'alerte s'exerce auprès du ministre chargé de la santé."*) s=0 ;;
*) s=1 ;;
esac
ok $s "article 6 quotes L.1191-5: for the services of L.1191-4 the alert goes to the minister"
case $article6 in
*"dispose d'un droit d'alerte auprès de l'établissement ou du service concerné. Il adresse également une copie de sa réclamation à l'agence régionale de santé territorialement compétente."*) s=0 ;;
*) s=1 ;;
esac
ok $s "article 6 quotes L.1191-5: the establishment, a copy to the ARS"
case $article6 in
*"et, pour les services"*) s=1 ;;
*) s=0 ;;
esac
ok $s "article 6 no longer adds the minister to the establishment for those services"

digest=$(sha256sum "$TEXT" | cut -d' ' -f1)
grep -q "sha256: \"$digest\"" "$POLICY"
ok $? "the policy lists the text's digest $digest"
for f in "$PPREG_TOP"/registry/platforms/*/charter.yaml; do
	grep -q "^charter: {version: \"2026-1\", sha256: \"$digest\"}" "$f"
	ok $? "$(basename "$(dirname "$f")") declares the text's digest"
done
stale=$(grep -rl 'charter: {version' "$PPREG_TOP/fuzz/corpus" | xargs grep -L "$digest")
is "$stale" "" "every fuzz seed with a charter declares the text's digest"

done_testing
