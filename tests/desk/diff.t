#!/bin/sh
# ppreg diff A..B (issue 21, item 3): every changed field of a changed
# platform and nothing else (comments, layout, quoting, key order, list
# order and 15000 vs 15000.00 are no change), list items matched by
# identity, files and platforms added and removed, and the findings gained
# and lost when each revision is judged.
. "$(dirname "$0")/../lib/tap.sh"
P=platforms/entraide-sante
fields() { printf '%s\n' "$OUT" | grep -E '^   [a-z-]+\.yaml: '; }
paths() { printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("|".join("%s:%s:%s:%s" % (p["id"], f["file"], f["path"], f["change"]) for p in d["platforms"] for f in p["fields"]))'; }

make_registry entraide-sante formation-courte
edit $P/transparency.yaml 's/kind: industry, amount_eur: 15000/kind: industry, amount_eur: 0/'
# the same values written otherwise
edit $P/transparency.yaml 's/^ownership:\n(  - .*\n)(  - .*\n)/# holders, largest first\nownership:\n$2$1/m'
edit $P/transparency.yaml 's/holder: Claire Martin/holder: "Claire Martin"/; s/amount_eur: 30000\}/amount_eur: 30000.00}/'
edit $P/transparency.yaml 's/advertising: \{accepted: false\}/advertising:\n  accepted: false   # none/'
edit $P/registration.yaml 's/domains: \[care-pathways, education\]/domains: [education, care-pathways]/'
edit $P/gdpr.yaml "s/controller: \\{name: Entraide Santé SAS, siren: \"812345676\"\\}/controller: {siren: '812345676', name: Entraide Santé SAS}/"
commit
run_ppreg diff "$REG" HEAD~1..HEAD --as-of "$AS_OF"
expect_rc 0 "diff: exit 0"
is "$(fields)" "   transparency.yaml: funding[2025 Laboratoire Exemple SA].amount_eur 15000 -> 0" \
	"the one changed field, named by the item's identity (year source); formatting is no change"
expect_grep -F "== entraide-sante: modified, compliant -> compliant" "the platform and its verdicts"
expect_grep -vF "formation-courte" "an unchanged platform is not named"
expect_grep -F "1 platforms changed (0 added, 0 removed, 1 modified); 1 fields, 0 files; 0 findings gained, 0 lost" "the summary"

# items removed and added, a list of scalars as a set, files, findings
edit $P/transparency.yaml 's/  - \{year: 2024, source: Service revenue.*\n//'
edit $P/transparency.yaml 's/(  - \{year: 2023)/  - {year: 2022, source: BPI France, kind: public-grant, amount_eur: 1}\n$1/'
edit $P/training.yaml 's/hours: 120/hours: 20/'
edit $P/registration.yaml 's/channels: \[digital, physical\]/channels: [physical]/'
edit $P/gdpr.yaml 's/(valid_from: 2025-02-01)/$1, note: renewed/'
echo x >"$REG/$P/evidence/new.txt"
commit
run_ppreg diff "$REG" HEAD~1.. --as-of "$AS_OF"
is "$(fields | LC_ALL=C sort)" "   gdpr.yaml: hosting[hebergeur-exemple].hds_certificate.note added renewed
   registration.yaml: platform.channels[digital] removed digital
   training.yaml: courses[du-partenariat-exemple].hours 120 -> 20
   transparency.yaml: funding[2022 BPI France] added {\"year\": 2022, \"source\": \"BPI France\", \"kind\": \"public-grant\", \"amount_eur\": 1}
   transparency.yaml: funding[2024 Service revenue] removed {\"year\": 2024, \"source\": \"Service revenue\", \"kind\": \"revenue\", \"amount_eur\": 150000}" \
	"fields added, removed and changed, each once"
expect_grep -F "   evidence/new.txt: file added" "a file added"
expect_grep -F "   + $P/training.yaml:6:12: error: training.course-hours: 20 hours, fewer than the 40" "a finding gained"
expect_grep -F "   + $P/transparency.yaml:6:1: error: transparency.funding: no funding declared for 2024" "another"
expect_grep -F "== entraide-sante: modified, compliant -> non-compliant" "the verdict changes"
run_ppreg diff "$REG" HEAD~1..HEAD~0 --as-of "$AS_OF" --format json
is "$(paths | tr '|' '\n' | LC_ALL=C sort | tr '\n' '|')" "entraide-sante:gdpr.yaml:hosting[hebergeur-exemple].hds_certificate.note:added|\
entraide-sante:registration.yaml:platform.channels[digital]:removed|\
entraide-sante:training.yaml:courses[du-partenariat-exemple].hours:modified|\
entraide-sante:transparency.yaml:funding[2022 BPI France]:added|\
entraide-sante:transparency.yaml:funding[2024 Service revenue]:removed|" "the JSON names the same fields"
is "$(printf '%s' "$OUT" | python3 -c 'import json,sys; p=json.load(sys.stdin)["platforms"][0]["fields"]; f=[x for x in p if x["path"].endswith("hours")][0]; print(f["from"], f["to"], f["line_from"], f["line_to"])')" \
	"120 20 6 6" "the JSON gives values as values, with their lines"

# the reverse loses the findings
run_ppreg diff "$REG" HEAD..HEAD~1 --as-of "$AS_OF"
expect_grep -F "   - $P/training.yaml:6:12: error: training.course-hours:" "backwards, the finding is lost"

# platforms added and removed; --platform
git -C "$REG" rm -qr platforms/formation-courte
cp -R "$REG/$P" "$REG/platforms/entraide-bis"
perl -pi -e 's/id: entraide-sante/id: entraide-bis/' "$REG/platforms/entraide-bis/registration.yaml"
commit
run_ppreg diff "$REG" HEAD~1..HEAD --as-of "$AS_OF"
expect_grep -F "== entraide-bis: added, non-compliant" "a platform added, with its verdict"
expect_grep -F "== formation-courte: removed, non-compliant" "a platform removed, with the verdict it had"
expect_grep -E "^   - platforms/formation-courte/training.yaml:[0-9]+:[0-9]+: error: training.course-hours: " "its findings are lost"
expect_count -E '^   [a-z-]+\.yaml: ' 0 "no field listed for a platform added or removed"
run_ppreg diff "$REG" HEAD~1..HEAD --as-of "$AS_OF" --platform entraide-bis
expect_grep -vF "formation-courte" "--platform keeps only the platforms named"

# the registry's own files: fields, under (registry), not judged
mkdir -p "$REG/authority"
printf 'format: ppreg/1\nauthorizations:\n  - {platform: entraide-sante, number: "N-1", status: granted, granted_on: 2026-07-01}\n' \
	>"$REG/authority/authorizations.yaml"
commit
perl -pi -e 's/number: "N-1"/number: N-2/' "$REG/authority/authorizations.yaml"
edit registry.yaml 's/^name: .*/name: Autre registre/m'
commit
run_ppreg diff "$REG" HEAD~1..HEAD --as-of "$AS_OF"
is "$(printf '%s\n' "$OUT" | grep -E '^(==|   )')" "== (registry): modified
   authority/authorizations.yaml: authorizations[entraide-sante].number N-1 -> N-2
   registry.yaml: name \"Registre national des services de patients partenaires (example)\" -> \"Autre registre\"" "the authority's record and registry.yaml, field by field"

# a declaration that no longer parses: the file, and the finding that says why
edit $P/charter.yaml 's/^commitments:/commitments: [/m'
commit
run_ppreg diff "$REG" HEAD~1..HEAD --as-of "$AS_OF" --platform entraide-sante
expect_rc 0 "a broken declaration is compared, not an error"
expect_grep -F "== entraide-sante: modified, non-compliant -> invalid" "the verdict becomes invalid"
expect_grep -F "   charter.yaml: file modified" "the file is named as a whole"
expect_grep -E "^   \+ $P/charter.yaml:[0-9]+:[0-9]+: error: core.yaml-syntax: " "with the finding gained"

# nothing changed
run_ppreg diff "$REG" HEAD..HEAD --as-of "$AS_OF"
expect_grep -F "0 platforms changed" "no change, no platform"
expect_rc 0 "exit 0"

for bad in "HEAD" "..HEAD" "HEAD~1...HEAD" "HEAD~1..HEAD --rev HEAD" "nosuchrev..HEAD" "HEAD~1..HEAD --format sarif"; do
	run_ppreg diff "$REG" $bad
	expect_rc 2 "diff $bad: exit 2"
done
done_testing
