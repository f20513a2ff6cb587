#!/bin/bash
# gdpr.health-data-recipients (fr-model 2026.2, issue 18; note 2026-02-16
# §4.1): each activity that gives health data to recipients names them in
# health_data_recipients {activity, name, kind}, and none is a
# health-product company, an industry funder, a company of industry_links or
# an advertiser of transparency.yaml, names compared without case, accents,
# spacing, punctuation or legal form. Each case breaks it alone in a copy of
# entraide-sante (activity `matching`, recipients at gdpr.yaml line 11; the
# list at line 24, its entry at 25); then the same edits under 2026.1, which
# does not read them.
. "$(dirname "$0")/../../lib/tap.sh"
. "$PPREG_TOP/tests/lib/breaks.sh"
G=gdpr.yaml
T=transparency.yaml
P=platforms/entraide-sante
V1="--policy $PPREG_TOP/policies/fr-model-2026.1.yaml"
# to NAME [KIND]: the expression naming the one recipient NAME.
to() { printf 's/name: Centre Hospitalier Exemple, kind: establishment/name: "%s", kind: %s/' "$1" "${2:-other}"; }
NOLIST='s/health_data_recipients:\n.*\n//'

passes_clean gdpr.health-data-recipients

breaks "no health_data_recipients, health data given to recipients" $G "$NOLIST" gdpr.health-data-recipients 1
expect_grep -F "activity 'matching' gives health data to recipients: name them in health_data_recipients" "the message names the activity"
breaks "the activity's recipients named for another activity" $G 's/activity: matching/activity: newsletter/' \
	gdpr.health-data-recipients 11
breaks "... which is not an activity" $G 's/activity: matching/activity: newsletter/' gdpr.health-data-recipients 25
breaks "a recipient without kind" $G 's/, kind: establishment//' gdpr.health-data-recipients 25
breaks "a recipient of an unknown kind" $G 's/kind: establishment/kind: friend/' gdpr.health-data-recipients 25
breaks "a recipient with a blank name" $G 's/name: Centre Hospitalier Exemple/name: " "/' gdpr.health-data-recipients 25
breaks "a health-product company" $G "$(to 'Labo Inconnu SA' health-product-company)" gdpr.health-data-recipients 25
breaks "the industry funder, as written" $G "$(to 'Laboratoire Exemple SA')" gdpr.health-data-recipients 25
expect_grep -F "recipient 'Laboratoire Exemple SA' of health data is an industry funder of the service (transparency.yaml line 7)" \
	"the message names the match and its line"
breaks "the funder in capitals, spaced, with S.A." $G "$(to 'LABORATOIRE   EXEMPLE, S.A.')" gdpr.health-data-recipients 25
breaks "the funder with an accent and no legal form" $G "$(to 'Laboratoire Éxemple')" gdpr.health-data-recipients 25
breaks "the funder with another legal form" $G "$(to 'laboratoire exemple SAS')" gdpr.health-data-recipients 25
breaks "a second recipient, the funder" $G 's/(kind: establishment\})/$1\n  - {activity: matching, name: Laboratoire Exemple, kind: research}/' \
	gdpr.health-data-recipients 26
make_case
edit $P/$G "$(to 'Pharma Liens')"
edit $P/$T 's/(industry_links:\n)/$1  - {company: Pharma Liens SAS, nature: benefit, amount_eur: 50, date: 2025-05-05}\n/'
expect_finding gdpr.health-data-recipients $P/$G 25 "a company of industry_links only"
expect_grep -F "is a company of industry_links of the service (transparency.yaml line 11)" "... named as such"
expect_rc 1 "a company of industry_links: exit 1"
make_case
edit $P/$G "$(to 'Régie Pub Santé')"
edit $P/$T 's/advertising: \{accepted: false\}/advertising: {accepted: true, advertisers: [Regie Pub Sante SARL]}/'
expect_finding gdpr.health-data-recipients $P/$G 25 "an advertiser"
expect_rc 1 "an advertiser: exit 1"
passes "another company whose name only starts alike" $G "$(to 'Laboratoire Exemplaire SA')" gdpr.health-data-recipients
passes "a public grant's source may receive health data" $G "$(to 'BPI France' public-body)" gdpr.health-data-recipients
passes "no recipient, no list needed" $G "$NOLIST"'; s/recipients: \[partner establishments\]/recipients: []/' gdpr.health-data-recipients
passes "an activity without health data needs no named recipient" $G \
	's/(hosting:\n)/  - {id: newsletter, purposes: [News], legal_basis: consent, data_categories: [contact], data_subjects: [patients], recipients: [staff], retention: P1Y, processors: []}\n$1/' \
	gdpr.health-data-recipients

# A malformed parameter stops the run (exit 2), naming it.
judge_cases
. "$PPREG_TOP/tests/lib/policy.sh"
make_registry
for bad in 's/health_data_recipients:\n.*\n.*\n/health_data_recipients: {}\n/' \
	's/legal_form_suffixes: \[SA, /legal_form_suffixes: [[SA], /'; do
	policy_refused "$bad" 'gdpr\.params\.health_data_recipients'
done
CASE_ARGS=

# Under fr-model 2026.1 the reading does not run.
CASE_ARGS=$V1
passes "2026.1: no health_data_recipients" $G "$NOLIST" gdpr.health-data-recipients
passes "2026.1: the industry funder as recipient" $G "$(to 'Laboratoire Exemple SA')" gdpr.health-data-recipients
passes "2026.1: a health-product company" $G "$(to 'Labo Inconnu SA' health-product-company)" gdpr.health-data-recipients
judge_cases
CASE_ARGS=

done_testing
