#!/bin/bash
# ppreg site: the register's rows are check's verdicts, every page type is
# valid HTML, and the site a reader sees is the old one or the new one.
. "$(dirname "$0")/lib.sh"
example_registry
site "$TMP/site"
expect_rc 1 "the example registry has non-compliant services: exit 1, as check"
for f in index.html stats.html register.csv register.json services/entraide-sante.html \
	status-compliant.html domain-1.html; do
	[ -s "$TMP/site/$f" ]; ok $? "$f is written"
done
# The site is French by default (public information): check in French.
check_reg --format json --lang fr
printf '%s' "$OUT" >"$TMP/check.json"
# Every key of check's object of each platform, and the summary, equal.
python3 -c 'import json,sys; c,s=(json.load(open(f)) for f in sys.argv[1:])
sys.exit(any(a[k]!=b.get(k) for a,b in zip(c["platforms"],s["platforms"]) for k in a) or c["summary"]!=s["summary"])' \
	"$TMP/check.json" "$TMP/site/register.json"
ok $? "register.json: every key of each platform of check, and the summary"
# register.csv: one row per service, its verdict check's.
got=$(python3 -c 'import csv,sys; print(" ".join(r["id"]+"="+r["verdict"] for r in csv.DictReader(open(sys.argv[1]))))' \
	"$TMP/site/register.csv")
want=$(python3 -c 'import json,sys; print(" ".join(p["id"]+"="+p["verdict"] for p in json.load(open(sys.argv[1]))["platforms"]))' \
	"$TMP/check.json")
is "$got" "$want" "register.csv: every service with check's verdict"
# index.html: the authority's record, not what a platform says of itself.
grep -q 'revoked DGS-PP-2025-0007 jusqu&#39;au 2028-02-29' "$TMP/site/index.html"
ok $? "index.html: sante-revoquee's authorization is the authority's (revoked)"
grep -q "absent du registre de l&#39;autorité" "$TMP/site/index.html"
ok $? "index.html: aidants-associes is not in the authority's record"
grep -q 'href="status-non-compliant.html"' "$TMP/site/index.html" && grep -q 'href="domain-1.html"' "$TMP/site/index.html"
ok $? "index.html: filters by status and domain are plain links"
compliant=$("$PPREG" check "$REG" --as-of "$AS_OF" --format json |
	python3 -c 'import json,sys; print(sum(p["verdict"] == "compliant" for p in json.load(sys.stdin)["platforms"]))')
is "$(grep -c '<tr><th scope="row"><a href="services/' "$TMP/site/status-compliant.html")" "$compliant" \
	"status-compliant.html: one row per compliant service ($compliant), as check says"
# A service's page: a finding with file:line, its legal source and fix,
# under its obligation.
P=$TMP/site/services/pairs-invalides.html
grep -q '<h3>registration</h3>' "$P" && grep -q 'platforms/pairs-invalides/registration.yaml:13:10' "$P"
ok $? "service page: registration.siret under its obligation, with file:line:column"
rule=$("$PPREG" rules --lang fr registration.siret | sed -n 's/^  legal source: *//p' | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/'"'"'/\&#39;/g')
grep -qF "$rule" "$P"
ok $? "service page: the rule's legal source ($rule)"
P=$TMP/site/services/entraide-sante.html
grep -q '<th scope="row">2025</th><td>225000.00</td><td>15000.00</td>' "$P"
ok $? "service page: funding by year, and industry money (2025: 225000.00, 15000.00)"
grep -q 'HDS-2025-0815' "$P" && grep -q '812345676' "$P"
ok $? "service page: the HDS certificate and the legal entity's SIREN"
grep -q '<code>evidence/aipd-2026.pdf</code></td><td><code>34709e6eae5baa74b656ebab6a3c715e4f26a4e250a763c27ca51e0410378525</code>' "$P"
ok $? "service page: the evidence files with their SHA-256"
grep -q "Le verdict vaut jusqu'au <strong>30 juin 2027</strong>" "$P"
ok $? "service page: the date its verdict lapses, in French prose"
grep -q '<td>the example registry</td>' "$P"
ok $? "service page: its last commits"
is "$(grep -c '<svg' "$TMP/site/stats.html")" 6 "stats.html: six charts"
grep -q '<th scope="row">transparency.funding</th>\|<th scope="row">registration.authorization</th>' "$TMP/site/stats.html"
ok $? "stats.html: the rules most often failed"
if has_tidy; then
	for f in index.html stats.html services/entraide-sante.html services/declaration-cassee.html; do
		tidy_clean "$TMP/site/$f" "$f"
	done
else
	for f in 1 2 3 4; do ok 0 "# SKIP tidy is not installed"; done
fi
grep -q '<html lang="fr">' "$TMP/site/index.html" && grep -q '<h1>Registre public des services de patients partenaires</h1>' "$TMP/site/index.html"
ok $? "index.html: French by default, lang=fr"

# French whatever the locale; English with --lang en, whatever the locale.
for env in LANG=C LANG=en_US.UTF-8 LANGUAGE=en; do
	env $env "$PPREG" site "$REG" --as-of "$AS_OF" -o "$TMP/site-$env" >/dev/null 2>&1
	grep -q '<html lang="fr">' "$TMP/site-$env/index.html" && grep -q 'Registre public' "$TMP/site-$env/index.html"
	ok $? "$env: the site is still French"
done
LANG=fr_FR.UTF-8 "$PPREG" site "$REG" --as-of "$AS_OF" -o "$TMP/site-en" --lang en >/dev/null 2>&1
grep -q '<html lang="en">' "$TMP/site-en/index.html" &&
	grep -q 'The verdict holds until <strong>2027-06-30</strong>' "$TMP/site-en/services/entraide-sante.html"
ok $? "LANG=fr_FR.UTF-8 --lang en: the site is English"
"$PPREG" check "$REG" --as-of "$AS_OF" --format json --lang en >"$TMP/check-en.json"
python3 -c 'import json,sys; c,s=(json.load(open(f)) for f in sys.argv[1:])
sys.exit(any(a[k]!=b.get(k) for a,b in zip(c["platforms"],s["platforms"]) for k in a) or c["summary"]!=s["summary"])' \
	"$TMP/check-en.json" "$TMP/site-en/register.json"
ok $? "--lang en: register.json is check's in English"

# Usage: -o is required, --lang is fr or en, an option is given once.
run_ppreg site "$REG"
expect_rc 2 "no -o: exit 2"
site "$TMP/x" --lang de
expect_rc 2 "--lang de: exit 2"
site "$TMP/x" --lang en --lang fr
expect_rc 2 "--lang twice: exit 2"

# A folder that is not a site ppreg wrote is never replaced.
mkdir -p "$TMP/notes" && echo keep >"$TMP/notes/keep.txt"
site "$TMP/notes"
expect_rc 2 "-o a folder that is not a site: exit 2"
is "$(cat "$TMP/notes/keep.txt")" keep "-o a folder that is not a site: left as it was"

# A failure halfway leaves the old site whole and nothing beside it: the
# last platform's declaration cannot be read.
(cd "$TMP/site" && find . -type f | sort | xargs sha256sum) >"$TMP/before"
OID=$(git -C "$REG" rev-parse HEAD:platforms/transparence-cachee/transparency.yaml)
printf 'not a zlib stream\n' >"$TMP/bad" && chmod u+w "$REG/.git/objects/${OID:0:2}/${OID:2}" &&
	cp "$TMP/bad" "$REG/.git/objects/${OID:0:2}/${OID:2}"
site "$TMP/site"
expect_rc 2 "an object that cannot be read: exit 2"
(cd "$TMP/site" && find . -type f | sort | xargs sha256sum) >"$TMP/after"
cmp -s "$TMP/before" "$TMP/after"
ok $? "an object that cannot be read: the old site is whole"
is "$(ls -A "$TMP" | grep -c 'ppreg-site')" 0 "an object that cannot be read: no temporary folder left"
done_testing
