#!/bin/bash
# The readings fr-model 2026.2 switches on in transparency (issue 18), each
# broken alone in a copy of the compliant entraide-sante, asserting the rule,
# its line and the exit status; then the same edits under 2026.1, judged as
# before:
# - transparency.funding: the previous year is due after funding_grace
#   (P6M: by 30 June), and the lapse follows;
# - transparency.travel-expenses (L.1191-3, decree 2006-781);
# - transparency.partner-interests (note 2026-02-16 §4.1);
# - transparency.public-backers: the list is given, even empty.
# entraide-sante: funding at line 5, public_backers 13, travel_expenses 26,
# partner_interests 27 (pp-a1b2 28, pp-c3d4 29-30).
. "$(dirname "$0")/../../lib/tap.sh"
. "$PPREG_TOP/tests/lib/breaks.sh"
. "$PPREG_TOP/tests/lib/policy.sh"
T=transparency.yaml
C=charter.yaml
P=platforms/entraide-sante
V1="--policy $PPREG_TOP/policies/fr-model-2026.1.yaml"
NO2025='s/  - \{year: 2025.*\n//g'
SALARIED='s/partner_status: volunteer/partner_status: salaried/'

passes_clean transparency.funding transparency.travel-expenses transparency.partner-interests transparency.public-backers

# transparency.funding: the grace. As of 2026-11-23 the grace of 2025 is over.
breaks "2025 not declared, its grace over" $T "$NO2025" transparency.funding 5
expect_grep -F "no funding declared for 2025 (the policy asks for each year from 2023 to 2025)" "the message names the year"
# Within the grace, the previous year may be missing; its last day is valid.
judge_cases
policy 's/funding_grace: P6M/funding_grace: P10M23D/'
lapses "2025 not declared, the grace ends on the as-of date" $T "$NO2025" transparency.funding 5 2026-11-23
expect_no_rule transparency.funding "within the grace, 2025 may be missing"
judge_cases
policy 's/funding_grace: P6M/funding_grace: P10M22D/'
breaks "2025 not declared, the grace ended the day before" $T "$NO2025" transparency.funding 5
judge_cases
CASE_ARGS=
# ... and 2025 declared, 2026 not: valid until 30 June 2027.
make_case
expect_grep -F "   valid until 2027-06-30 (transparency.funding, $P/$T:5)" "2026 becomes due after 2027-06-30"
# The model's 30 June, at the real dates.
make_registry
edit $P/$T "$NO2025"
commit
check_reg --as-of 2026-07-01 --platform entraide-sante
expect_finding transparency.funding $P/$T 5 "as of 2026-07-01, 2025 is due"
check_reg --as-of 2026-06-30 --platform entraide-sante
expect_no_rule transparency.funding "as of 2026-06-30, 2025 may still be missing"
expect_grep -F "   valid until 2026-06-30 (transparency.funding, $P/$T:5)" "as of 2026-06-30: valid until that day"

# transparency.travel-expenses
breaks "no travel_expenses, with a volunteer" $T 's/travel_expenses: .*\n//' transparency.travel-expenses 1
expect_grep -F "transparency.travel-expenses: partners whose travel expenses the service pays: 1;" "the message counts the partners"
breaks "a basis other than decree 2006-781" $T 's/basis: decret-2006-781/basis: forfait-maison/' transparency.travel-expenses 26
breaks "no basis" $T 's/basis: decret-2006-781, //' transparency.travel-expenses 26
breaks "stays not covered" $T 's/covers: \[travel, stay\]/covers: [travel]/' transparency.travel-expenses 26
expect_grep -F "travel_expenses.covers does not list stay" "the message names what is not covered"
breaks "a benevolent partner needs it too" $T \
	's/travel_expenses: .*\n//; s/salaried: 1, volunteer: 1, benevolent: 0/salaried: 1, volunteer: 0, benevolent: 1/' transparency.travel-expenses 1
make_case
edit $P/$T 's/travel_expenses: .*\n//; s/salaried: 1, volunteer: 1/salaried: 2, volunteer: 0/'
edit $P/$C "$SALARIED"
expect_no_rule transparency.travel-expenses "salaried partners only: no travel_expenses needed"
expect_rc 0 "salaried partners only: exit 0"
passes "covers listing more than the policy asks" $T 's/covers: \[travel, stay\]/covers: [travel, stay, meals]/' transparency.travel-expenses

# transparency.partner-interests
breaks "no partner_interests" $T 's/partner_interests:\n(  .*\n)*//' transparency.partner-interests 1
breaks "an active partner without its entry" $T 's/  - partner: pp-c3d4\n.*\n//' transparency.partner-interests 27
expect_grep -F "the active partner pp-c3d4 (charter.yaml line 7) declares no links of interest" "the message names the partner and its commitment"
breaks "an entry for a partner charter.yaml does not know" $T 's/  - \{partner: pp-a1b2, links: \[\]\}/  - {partner: pp-a1b2, links: []}\n  - {partner: pp-zz99, links: []}/' \
	transparency.partner-interests 29
breaks "an entry for a partner named unsafely" $T 's/\{partner: pp-a1b2, links: \[\]\}/{partner: Jean Dupont, links: []}/' \
	transparency.partner-interests 28
expect_grep -F "transparency.partner-interests: this partner is not a partner of charter.yaml" "an unsafe name is not echoed"
breaks "a partner declared twice" $T 's/  - \{partner: pp-a1b2, links: \[\]\}/  - {partner: pp-a1b2, links: []}\n  - {partner: pp-a1b2, links: []}/' \
	transparency.partner-interests 29
breaks "an entry without links" $T 's/\{partner: pp-a1b2, links: \[\]\}/{partner: pp-a1b2}/' transparency.partner-interests 28
breaks "a link of an unknown nature" $T 's/nature: benefit/nature: gift/' transparency.partner-interests 30
breaks "a link without amount" $T 's/, amount_eur: 120//' transparency.partner-interests 30
breaks "a link dated after the as-of date" $T 's/date: 2025-10-02/date: 2026-12-02/' transparency.partner-interests 30
passes "a partner's links under its pseudonym" $T \
	's/\{partner: pp-a1b2, links: \[\]\}/{partner: pp-a1b2, links: [{company: Lab B, nature: remuneration, amount_eur: 300, date: 2026-02-01}]}/' \
	transparency.partner-interests
make_case
edit $P/$C 's/pp-c3d4, status: active/pp-c3d4, status: withdrawn/'
edit $P/$T 's/  - partner: pp-c3d4\n.*\n//; s/total: 2/total: 1/; s/salaried: 1/salaried: 0/'
expect_no_rule transparency.partner-interests "a withdrawn partner needs no entry"
expect_rc 0 "a withdrawn partner without entry: exit 0"

# transparency.public-backers: given, even empty
breaks "no public_backers" $T 's/public_backers:\n.*\n//' transparency.public-backers 1
expect_grep -F "declare public_backers, an empty list when no public body backs the service" "the message says how to declare none"
passes "public_backers: []" $T 's/public_backers:\n.*\n/public_backers: []\n/' transparency.public-backers

# A malformed parameter of these readings stops the run (exit 2), naming it.
judge_cases
CASE_ARGS=
make_registry
for bad in 's/funding_grace: P6M/funding_grace: P1Y/' 's/funding_grace: P6M/funding_grace: soon/' \
	's/statuses: \[volunteer, benevolent\]/statuses: [trainee]/' 's/bases: \[decret-2006-781\]/bases: []/' \
	's/require_partner_interests: true/require_partner_interests: "yes"/' \
	's/require_public_backers: true/require_public_backers: 1/'; do
	policy_refused "$bad" 'transparency\.params\.(funding_grace|travel_expenses|require_partner_interests|require_public_backers)'
done
# In French, the words standing for a name that is not echoed are French.
edit $P/$T 's/\{partner: pp-a1b2, links: \[\]\}/{partner: Jean Dupont, links: []}/'
edit $P/$C 's/partner: pp-a1b2/partner: Marie Curie/'
commit
check_reg --platform entraide-sante --lang fr
expect_grep -F "transparency.partner-interests: ce patient partenaire n'est pas un patient partenaire de charter.yaml" \
	"fr: an unechoed entry is « ce patient partenaire »"
expect_grep -F "transparency.partner-interests: le patient partenaire actif désigné (charter.yaml, ligne 4)" \
	"fr: an unechoed active partner is « désigné »"
CASE_ARGS=

# Under fr-model 2026.1 none of these readings runs: judged as before.
judge_cases
CASE_ARGS=$V1
breaks "2026.1: 2025 not declared" $T "$NO2025" transparency.funding 5
make_case
expect_grep -F "   valid until 2026-12-31 (transparency.funding, $P/$T:5)" "2026.1: 2026 becomes due on 2027-01-01"
passes "2026.1: no travel_expenses" $T 's/travel_expenses: .*\n//' transparency.travel-expenses
passes "2026.1: travel_expenses is not read" $T 's/basis: decret-2006-781/basis: forfait-maison/' transparency.travel-expenses
passes "2026.1: no partner_interests" $T 's/partner_interests:\n(  .*\n)*//' transparency.partner-interests
passes "2026.1: partner_interests is not read" $T 's/nature: benefit/nature: gift/' transparency.partner-interests
passes "2026.1: no public_backers" $T 's/public_backers:\n.*\n//' transparency.public-backers
judge_cases
CASE_ARGS=

done_testing
