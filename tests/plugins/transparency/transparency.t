#!/bin/bash
# Every transparency.* rule broken alone in a compliant copy, with its line.
. "$(dirname "$0")/../../lib/tap.sh"
. "$PPREG_TOP/tests/lib/breaks.sh"
T=transparency.yaml

passes_clean transparency.ownership transparency.funding transparency.industry-links \
	transparency.public-backers transparency.patient-partners transparency.volunteer-indemnity \
	transparency.pricing transparency.no-substitution transparency.alert-channel transparency.advertising

breaks "shares do not add up" $T 's/share_percent: 40/share_percent: 30/' transparency.ownership 2
breaks "a commercial service without ownership" $T 's/ownership:\n.*\n.*\n//' transparency.ownership 1
breaks "a holder without kind" $T 's/holder: Claire Martin, kind: natural-person, /holder: Claire Martin, /' transparency.ownership 3
breaks "a year without funding" $T 's/  - \{year: 2024, source: Service revenue.*\n//' transparency.funding 5
breaks "an unknown funding kind" $T 's/kind: public-grant/kind: gift/' transparency.funding 9
breaks "a negative amount" $T 's/amount_eur: 30000/amount_eur: -30000/' transparency.funding 9
breaks "industry money without a link" $T 's/industry_links:\n.*\n.*\n//' transparency.industry-links 7
breaks "a link below the money received" $T 's/sponsorship, amount_eur: 15000/sponsorship, amount_eur: 5000/' transparency.industry-links 7
breaks "a link of unknown nature" $T 's/nature: sponsorship/nature: gift/' transparency.industry-links 11
breaks "a backer without support" $T 's/, support: Co-design of the training course//' transparency.public-backers 14
breaks "counts do not add up" $T 's/benevolent: 0/benevolent: 1/' transparency.patient-partners 16
breaks "total differs from the commitments" $T 's/total: 2/total: 3/; s/benevolent: 0/benevolent: 1/' transparency.patient-partners 16
breaks "indemnity above the bound" $T 's/volunteer_indemnity_eur_per_hour: 15/volunteer_indemnity_eur_per_hour: 30/' transparency.volunteer-indemnity 18
breaks "indemnity below the bound" $T 's/volunteer_indemnity_eur_per_hour: 15/volunteer_indemnity_eur_per_hour: 5/' transparency.volunteer-indemnity 18
breaks "no yearly cap" $T 's/  max_indemnified_hours_per_year: 200\n//' transparency.volunteer-indemnity 15
breaks "a service without price" $T 's/  - \{service: interventions-ifsi.*\n//' transparency.pricing 20
breaks "a price without payer" $T 's/, payer: school//' transparency.pricing 22
breaks "regulated acts" $T 's/regulated_acts: false/regulated_acts: true/' transparency.no-substitution 23
breaks "no alert channel URL" $T 's/shown_at: https:\/\/entraide-sante.example\/alerte, //' transparency.alert-channel 24
breaks "alert channel over http" $T 's/shown_at: https:/shown_at: http:/' transparency.alert-channel 24
breaks "advertising without advertisers" $T 's/accepted: false/accepted: true/' transparency.advertising 25

make_registry
edit platforms/entraide-sante/$T 's/accepted: false\}/accepted: true, advertisers: [Annonceur SA]}/'
commit
check_reg
expect_no_rule transparency.advertising "advertising accepted with advertisers passes"
make_registry
edit platforms/entraide-sante/$T 's/funding:\n/funding:\n  - {year: 2025, source: Petit Labo, kind: industry, amount_eur: 9}\n/'
commit
check_reg
expect_no_rule transparency.industry-links "industry money below the threshold needs no link"
make_registry
edit platforms/entraide-sante/registration.yaml 's/  siren:/  created_on: 2024-04-02\n  siren:/'
edit platforms/entraide-sante/$T 's/  - \{year: 2023, source: BPI France.*\n//'
commit
check_reg
expect_no_rule transparency.funding "funding is required only since created_on"

done_testing
