#!/bin/bash
# The largest lists the limits let through (1 MiB, 100 000 nodes), one file
# at a time: thousands of services, commitments, certifications, funding
# entries, industry links, processing activities and hosts. They are legal
# YAML, so the plugins judge them: each run must end with a verdict, no
# crash, inside the 20 s guard. Times and memory are diagnostics: they show
# which checks grow faster than the input (docs/hostile-input.md).
. "$(dirname "$0")/lib.sh"

# big DESC FILE GENERATOR: measure and check that nothing crashed.
big() {
	E=$EXAMPLE/$2.yaml
	eval "$3" | put "$2"
	measure "$1 in $2.yaml ($(wc -c <"$REG/$DIR/$2.yaml") bytes)"
	no_crash "$1 in $2.yaml"
	printf '%s\n' "$OUT" | grep -q ': error: core.limits: '
	[ $? -ne 0 ]
	ok $? "$1 in $2.yaml: within the limits (the plugins judged it)"
	restore "$2"
}

big "12 000 services" registration \
	"sed '/^services:/,\$d' \"\$E\"; echo services:; seq 1 12000 | sed 's/.*/  - {id: s&, domain: education, description: d}/'; sed -n '/^authorization/,\$p' \"\$E\""
big "4 000 commitments" charter \
	"sed '/^commitments:/,\$d' \"\$E\"; echo commitments:; seq -w 1 4000 | sed 's/.*/  - {partner: pp-&, status: active, charter_version: \"2026-1\", signed_on: 2026-07-10, clauses: [confidentiality, professional-secrecy, neutrality, no-substitution, no-promotion, alert-right]}/'"
big "12 000 certifications" training \
	"sed '/^certifications:/,\$d' \"\$E\"; echo certifications:; seq 1 12000 | sed 's/.*/  - {partner: pp-a&, course: du-partenariat-exemple, obtained_on: 2025-06-30}/'"
big "8 000 industry links" transparency \
	"awk '/^industry_links:/{print; for(i=1;i<=8000;i++) printf \"  - {company: C%d, nature: gift, amount_eur: 1, date: 2025-03-14, purpose: p}\\n\", i; next} /^  - \\{company|^     purpose/{next} {print}' \"\$E\""
big "3 500 processing activities" gdpr \
	"awk '/^processing_activities:/{print; for(i=1;i<=3500;i++) printf \"  - {id: p%d, purposes: [x], legal_basis: consent, special_categories: {health: true, condition: explicit-consent}, data_categories: [health], data_subjects: [patients], recipients: [r], retention: P2Y, processors: [hebergeur-exemple]}\\n\", i; skip=1; next} /^hosting:/{skip=0} skip{next} {print}' \"\$E\""
big "4 000 hosts" gdpr \
	"awk '/^hosting:/{print; for(i=1;i<=4000;i++) printf \"  - {id: h%d, name: n, countries: [FR, DE, US], contract: {path: evidence/contrat-art28-hebergeur.pdf, sha256: \\\"774d7e474038e1f2fe54dce3dfbc9af6d8ef015a187890cf81c9e88c7316f822\\\"}}\\n\", i; next} {print}' \"\$E\""
big "2 000 industry funding entries" transparency \
	"awk '/^funding:/{print; for(i=1;i<=2000;i++) printf \"  - {year: 2025, source: S%d, kind: industry, amount_eur: 1}\\n\", i; skip=1; next} /^industry_links:/{skip=0} skip{next} {print}' \"\$E\""

# 10 000 industry funding entries, each from its own company: the
# transparency plugin once compared every entry with every other (n^2, 7 s
# in a release build, 30 s under ASan, where plugin_seconds turned it into
# core.plugin-error); it now sorts them by company (n log n).
E=$EXAMPLE/transparency.yaml
awk '/^funding:/{print; for(i=1;i<=10000;i++) printf "  - {year: 2025, source: S%d, kind: industry, amount_eur: 1}\n", i; skip=1; next} /^industry_links:/{skip=0} skip{next} {print}' "$E" | put transparency
measure "10 000 industry funding entries in transparency.yaml"
s=0
case $RC in 0|1) ;; *) s=1 ;; esac
printf '%s\n' "$OUT" | grep -q ': core.plugin-error: ' && s=1
ok $s "10 000 industry funding entries: judged inside the guard, no plugin-error (exit $RC)"
restore transparency
commit restore

done_testing
