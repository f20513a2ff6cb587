#!/bin/bash
# Every transparency.* rule broken alone in a compliant copy of entraide-sante,
# asserting the rule, the line and exit 1; and the edits that must still pass.
. "$(dirname "$0")/../../lib/tap.sh"
. "$PPREG_TOP/tests/lib/breaks.sh"
T=transparency.yaml
P=platforms/entraide-sante

passes_clean transparency.ownership transparency.funding transparency.industry-links \
	transparency.public-backers transparency.patient-partners transparency.volunteer-indemnity \
	transparency.pricing transparency.no-substitution transparency.alert-channel transparency.advertising

# ownership
breaks "shares add up to 90" $T 's/share_percent: 40/share_percent: 30/' transparency.ownership 2
breaks "shares add up to 100.02" $T 's/share_percent: 40/share_percent: 40.02/' transparency.ownership 2
passes "shares add up to 100.01 (within the tolerance)" $T 's/share_percent: 40/share_percent: 40.01/' transparency.ownership
# The sum is exact for shares written with cents: in binary floating point
# 33.33 * 3 is 99.99000000000001 away from 100 by 0.010000000000005.
passes "three shares of 33.33 (99.99, within the tolerance)" $T 's/share_percent: 60/share_percent: 33.33/; s/share_percent: 40\}/share_percent: 33.33}\n  - {holder: Tiers, kind: fund, share_percent: 33.33}/' transparency.ownership
passes "33.34 + 33.34 + 33.33 (100.01, within the tolerance)" $T 's/share_percent: 60/share_percent: 33.34/; s/share_percent: 40\}/share_percent: 33.34}\n  - {holder: Tiers, kind: fund, share_percent: 33.33}/' transparency.ownership
passes "a single holder of 99.99 (within the tolerance)" $T 's/  - \{holder: Fonds.*\n//; s/share_percent: 60/share_percent: 99.99/' transparency.ownership
breaks "three shares of 33.32 (99.96)" $T 's/share_percent: 60/share_percent: 33.32/; s/share_percent: 40\}/share_percent: 33.32}\n  - {holder: Tiers, kind: fund, share_percent: 33.32}/' transparency.ownership 2
breaks "a single holder of 99.98" $T 's/  - \{holder: Fonds.*\n//; s/share_percent: 60/share_percent: 99.98/' transparency.ownership 2
expect_grep - 'shares add up to 99.98 %, not 100 % (tolerance ± 0.01 %)' "the message gives the sum and the policy's tolerance"
# One defect, one finding: a share out of (0, 100] is reported, and the sum
# it spoils is not reported again.
make_case
edit $P/$T 's/share_percent: 60/share_percent: 160/'
expect_finding transparency.ownership $P/$T 3 "a share of 160 %"
expect_count - 'transparency.ownership' 1 "a share of 160 % is one finding, not also a wrong sum"
breaks "a commercial service without ownership" $T 's/ownership:\n.*\n.*\n//' transparency.ownership 1
breaks "a commercial service with no holder" $T 's/ownership:\n.*\n.*\n/ownership: []\n/' transparency.ownership 2
breaks "a holder without kind" $T 's/holder: Claire Martin, kind: natural-person, /holder: Claire Martin, /' transparency.ownership 3
breaks "a holder without a name" $T 's/holder: Claire Martin/holder: " "/' transparency.ownership 3
breaks "a share of 0 %" $T 's/share_percent: 60/share_percent: 100/; s/share_percent: 40/share_percent: 0/' transparency.ownership 4
make_case
edit $P/registration.yaml 's/kind: commercial/kind: non-commercial/'
edit $P/$T 's/ownership:\n.*\n.*\n//'
expect_no_rule transparency.ownership "a non-commercial service needs no ownership"
expect_rc 0 "non-commercial without ownership: exit 0"

# funding
breaks "a year without funding" $T 's/  - \{year: 2024, source: Service revenue.*\n//' transparency.funding 5
breaks "the oldest year of the window without funding" $T 's/  - \{year: 2023, source: BPI France.*\n//' transparency.funding 5
breaks "no funding at all" $T 's/funding:\n(  - .*\n){4}/funding: []\n/; s/industry_links:\n.*\n.*\n//' transparency.funding 5
breaks "an unknown funding kind" $T 's/kind: public-grant/kind: gift/' transparency.funding 9
breaks "a negative amount" $T 's/amount_eur: 30000/amount_eur: -30000/' transparency.funding 9
breaks "a funding entry without amount" $T 's/, amount_eur: 30000//' transparency.funding 9
# A blank value is the plugin's finding; a quoted empty string "" is the
# core's (core.type), so blanks are written " " or with invisible characters.
breaks "a funding entry with a blank source" $T 's/source: BPI France/source: " "/' transparency.funding 9
# the words of every plugin for a blank value (ppreg_require_text)
expect_grep - "^$P/$T:9:[0-9]*: error: transparency.funding: source is blank\$" "a blank source: 'source is blank'"
breaks "funding for a year after the as-of date" $T 's/year: 2023, source: BPI/year: 2027, source: BPI/; s/(year: 2024.*\n)/$1  - {year: 2023, source: Service revenue, kind: revenue, amount_eur: 1}\n/' transparency.funding 10
passes "a year before the window is not required" $T 's/(year: 2023.*\n)/$1  - {year: 2019, source: Service revenue, kind: revenue, amount_eur: 1}\n/' transparency.funding
make_case
edit $P/registration.yaml 's/  siren:/  created_on: 2024-04-02\n  siren:/'
edit $P/$T 's/  - \{year: 2023, source: BPI France.*\n//'
expect_no_rule transparency.funding "funding is required only since created_on"
expect_rc 0 "created in 2024 without 2023 funding: exit 0"
make_case
edit $P/registration.yaml 's/  siren:/  created_on: 2024-04-02\n  siren:/'
edit $P/$T 's/  - \{year: 2024, source: Service revenue.*\n//'
expect_finding transparency.funding $P/$T 5 "created in 2024, 2024 is still required"
expect_rc 1 "created in 2024 without 2024 funding: exit 1"
# An entity declared created after the as-of date does not empty the window:
# the date is reported, and every year of the window is still required.
breaks "created_on after the as-of date" registration.yaml 's/  siren:/  created_on: 2099-01-01\n  siren:/' transparency.funding 12
expect_grep - 'declared created on 2099-01-01, after the as-of date 2026-11-23' "created_on after the as-of date: the message says so"
breaks "created_on the day after the as-of date" registration.yaml 's/  siren:/  created_on: 2026-11-24\n  siren:/' transparency.funding 12
make_case
edit $P/registration.yaml 's/  siren:/  created_on: 2099-01-01\n  siren:/'
edit $P/$T 's/funding:\n(  - .*\n){4}/funding: []\n/; s/industry_links:\n.*\n.*\n//'
expect_finding transparency.funding $P/registration.yaml 12 "created in 2099, no funding: the date"
expect_finding transparency.funding $P/$T 5 "created in 2099, no funding: the window is still required"
expect_grep - 'no funding declared for 2023 (the policy asks for each year from 2023 to 2025)' "created in 2099: the whole window, 2023 to 2025"
expect_rc 1 "created in 2099 without funding: exit 1"
make_case
edit $P/registration.yaml 's/  siren:/  created_on: 2026-11-23\n  siren:/'
edit $P/$T 's/  - \{year: 2023, source: BPI France.*\n//; s/  - \{year: 2024, source: Service revenue.*\n//'
expect_no_rule transparency.funding "created on the as-of date: no complete year to declare"
expect_rc 0 "created on the as-of date: exit 0"

# industry links
breaks "industry money without a link" $T 's/industry_links:\n.*\n.*\n//' transparency.industry-links 7
breaks "a link below the money received" $T 's/sponsorship, amount_eur: 15000/sponsorship, amount_eur: 14999.5/' transparency.industry-links 7
breaks "a link under another company name" $T 's/company: Laboratoire Exemple SA/company: Laboratoire Exemple/' transparency.industry-links 7
breaks "industry money over two years counts together" $T 's/(year: 2024, source: Service revenue.*\n)/$1  - {year: 2024, source: Laboratoire Exemple SA, kind: industry, amount_eur: 5000}\n/' transparency.industry-links 7
breaks "industry money at the threshold needs a link" $T 's/funding:\n/funding:\n  - {year: 2025, source: Petit Labo, kind: industry, amount_eur: 10}\n/' transparency.industry-links 6
breaks "a link of unknown nature" $T 's/nature: sponsorship/nature: gift/' transparency.industry-links 11
breaks "a link with a negative amount" $T 's/(industry_links:\n)/$1  - {company: Autre Labo, nature: benefit, amount_eur: -5, date: 2025-01-02}\n/' transparency.industry-links 11
breaks "a link without date" $T 's/amount_eur: 15000, date: 2025-03-14,/amount_eur: 15000,/' transparency.industry-links 11
# Money is compared in cents: 0.01 + 8.04 + 1.95 is 9.999999999999998 in
# binary floating point, but 10.00 EUR, at the threshold.
breaks "10.00 EUR split over three years reaches the threshold" $T 's/funding:\n/funding:\n  - {year: 2025, source: Petit Labo, kind: industry, amount_eur: 0.01}\n  - {year: 2024, source: Petit Labo, kind: industry, amount_eur: 8.04}\n  - {year: 2023, source: Petit Labo, kind: industry, amount_eur: 1.95}\n/' transparency.industry-links 6
expect_grep - 'Petit Labo paid 10.00 EUR of industry funding but links of interest are declared for 0.00 EUR' "10.00 EUR split over three years: the message gives the sum in cents"
passes "10.00 EUR split over three years, linked as 0.01 + 8.04 + 1.95" $T 's/funding:\n/funding:\n  - {year: 2025, source: Petit Labo, kind: industry, amount_eur: 10}\n/; s/(industry_links:\n)/$1  - {company: Petit Labo, nature: benefit, amount_eur: 0.01, date: 2025-01-02}\n  - {company: Petit Labo, nature: benefit, amount_eur: 8.04, date: 2025-02-02}\n  - {company: Petit Labo, nature: benefit, amount_eur: 1.95, date: 2025-03-02}\n/' transparency.industry-links
breaks "a link one cent short" $T 's/sponsorship, amount_eur: 15000/sponsorship, amount_eur: 14999.99/' transparency.industry-links 7
passes "9.99 EUR split over two years stays below the threshold" $T 's/funding:\n/funding:\n  - {year: 2025, source: Petit Labo, kind: industry, amount_eur: 8.04}\n  - {year: 2024, source: Petit Labo, kind: industry, amount_eur: 1.95}\n/' transparency.industry-links
# One defect, one finding: a link whose amount is missing or negative is
# reported at the link, and the company's coverage is not judged on top.
for amount in '' 'amount_eur: -15000, '; do
	make_case
	edit $P/$T "s/amount_eur: 15000, date: 2025-03-14,/${amount}date: 2025-03-14,/"
	expect_finding transparency.industry-links $P/$T 11 "a link with '${amount:-no amount}': at the link"
	expect_count - 'transparency.industry-links' 1 "a link with '${amount:-no amount}': one finding, not also 'declared for 0.00 EUR'"
	expect_rc 1 "a link with '${amount:-no amount}': exit 1"
done
passes "industry money below the threshold needs no link" $T 's/funding:\n/funding:\n  - {year: 2025, source: Petit Labo, kind: industry, amount_eur: 9.99}\n/' transparency.industry-links
passes "two links add up to the money received" $T 's/amount_eur: 15000, date: 2025-03-14,/amount_eur: 10000, date: 2025-03-14,/; s/(industry_links:\n)/$1  - {company: Laboratoire Exemple SA, nature: convention, amount_eur: 5000, date: 2025-05-02}\n/' transparency.industry-links
make_case
edit $P/$T 's/(year: 2024, source: Service revenue.*\n)/$1  - {year: 2024, source: Laboratoire Exemple SA, kind: industry, amount_eur: 5000}\n/'
expect_count - 'transparency.industry-links' 1 "a company paying in two years is reported once"
# Companies are matched by name whatever their order: a covered company
# listed after an uncovered one stays covered, and only the uncovered one
# is reported, at its own first entry.
make_case
edit $P/$T 's/funding:\n/funding:\n  - {year: 2025, source: Zeta Labo, kind: industry, amount_eur: 40}\n  - {year: 2024, source: Alpha Labo, kind: industry, amount_eur: 30}\n/; s/(industry_links:\n)/$1  - {company: Alpha Labo, nature: benefit, amount_eur: 30, date: 2024-02-01}\n/'
expect_finding transparency.industry-links $P/$T 6 "interleaved companies: the uncovered one at its line"
expect_count - 'transparency.industry-links' 1 "interleaved companies: only the uncovered one is reported"
expect_grep - 'Zeta Labo paid 40.00 EUR' "interleaved companies: the message names Zeta Labo and its amount"

# public backers
breaks "a backer without support" $T 's/, support: Co-design of the training course//' transparency.public-backers 14
breaks "a backer with a blank name" $T 's/name: Université Exemple/name: " "/' transparency.public-backers 14
breaks "a backer named with a zero-width space" $T 's/name: Université Exemple/name: "\\u200b"/' transparency.public-backers 14
# 2026.2 (require_public_backers): the list is given, empty when there is
# none; 2026.1 leaves it optional (tests/plugins/transparency/readings.t).
breaks "no public_backers under 2026.2" $T 's/public_backers:\n.*\n//' transparency.public-backers 1
passes "public_backers: [] (no public backer at all)" $T 's/public_backers:\n.*\n/public_backers: []\n/' transparency.public-backers

# patient partners
breaks "counts do not add up" $T 's/benevolent: 0/benevolent: 1/' transparency.patient-partners 16
breaks "a negative count" $T 's/salaried: 1, volunteer: 1/salaried: -1, volunteer: 3/' transparency.patient-partners 17
breaks "counts adding up past 2^63" $T 's/salaried: 1, volunteer: 1/salaried: 9223372036854775807, volunteer: 1/' transparency.patient-partners 16
breaks "total differs from the commitments" $T 's/total: 2/total: 3/; s/benevolent: 0/benevolent: 1/' transparency.patient-partners 16
breaks "no total" $T 's/  total: 2\n//' transparency.patient-partners 15
make_case
edit $P/charter.yaml 's/partner: pp-c3d4, status: active/partner: pp-c3d4, status: withdrawn/'
expect_finding transparency.patient-partners $P/$T 16 "a withdrawn commitment no longer counts"
expect_rc 1 "two partners, one active commitment: exit 1"
make_case
edit $P/$T 's/total: 2/total: 1/; s/salaried: 1/salaried: 0/'
edit $P/charter.yaml 's/partner: pp-c3d4, status: active/partner: pp-c3d4, status: withdrawn/'
expect_no_rule transparency.patient-partners "one partner, one active commitment"

# volunteer indemnity
breaks "indemnity above the bound" $T 's/volunteer_indemnity_eur_per_hour: 15/volunteer_indemnity_eur_per_hour: 25.01/' transparency.volunteer-indemnity 18
breaks "indemnity below the bound" $T 's/volunteer_indemnity_eur_per_hour: 15/volunteer_indemnity_eur_per_hour: 9.99/' transparency.volunteer-indemnity 18
breaks "no indemnity" $T 's/  volunteer_indemnity_eur_per_hour: 15\n//' transparency.volunteer-indemnity 15
breaks "no yearly cap" $T 's/  max_indemnified_hours_per_year: 200\n//' transparency.volunteer-indemnity 15
breaks "a yearly cap of 0 hours" $T 's/max_indemnified_hours_per_year: 200/max_indemnified_hours_per_year: 0/' transparency.volunteer-indemnity 19
passes "an indemnity at the lower bound" $T 's/volunteer_indemnity_eur_per_hour: 15/volunteer_indemnity_eur_per_hour: 10/' transparency.volunteer-indemnity
passes "an indemnity at the upper bound" $T 's/volunteer_indemnity_eur_per_hour: 15/volunteer_indemnity_eur_per_hour: 25/' transparency.volunteer-indemnity
make_case # charter.yaml gives the same statuses (charter.signed)
edit $P/$T 's/salaried: 1, volunteer: 1/salaried: 2, volunteer: 0/; s/  volunteer_indemnity.*\n  max_indemnified.*\n//'
edit $P/charter.yaml 's/partner_status: volunteer/partner_status: salaried/'
expect_no_rule transparency.volunteer-indemnity "no volunteer, no indemnity"
expect_rc 0 "no volunteer, no indemnity: exit 0"

# pricing
breaks "a service without price" $T 's/  - \{service: interventions-ifsi.*\n//' transparency.pricing 20
breaks "a price without payer" $T 's/, payer: school//' transparency.pricing 22
breaks "a price with an empty payer" $T 's/payer: school/payer: " "/' transparency.pricing 22
breaks "a negative price" $T 's/price_eur: 90/price_eur: -90/' transparency.pricing 22
breaks "a price for an undeclared service" $T 's/(interventions-ifsi.*\n)/$1  - {service: teleconsultation, price_eur: 30, payer: patient}\n/' transparency.pricing 23
breaks "a service priced twice" $T 's/(interventions-ifsi.*\n)/$1  - {service: interventions-ifsi, price_eur: 80, payer: school}\n/' transparency.pricing 23
make_case
edit $P/registration.yaml 's/(    description: Co-taught sessions in nursing schools.\n)/$1  - id: ateliers-aidants\n    domain: education\n    description: Workshops for carers.\n/'
expect_finding transparency.pricing $P/$T 20 "a service added to registration.yaml needs a price"
expect_rc 1 "an unpriced service of registration.yaml: exit 1"

# no substitution
breaks "regulated acts" $T 's/regulated_acts: false/regulated_acts: true/' transparency.no-substitution 23
breaks "regulated acts as the text \"false\"" $T 's/regulated_acts: false/regulated_acts: "false"/' transparency.no-substitution 23
# Booleans are true and false, in lower case (docs/format.md): YAML 1.2's
# core schema also reads False and FALSE, the format does not.
breaks "regulated acts as False (capitalised)" $T 's/regulated_acts: false/regulated_acts: False/' transparency.no-substitution 23
breaks "regulated acts as FALSE" $T 's/regulated_acts: false/regulated_acts: FALSE/' transparency.no-substitution 23
breaks "regulated acts as no (YAML 1.1)" $T 's/regulated_acts: false/regulated_acts: no/' transparency.no-substitution 23
breaks "no regulated_acts" $T 's/regulated_acts: false\n//' transparency.no-substitution 1

# alert channel
breaks "no alert channel URL" $T 's/shown_at: https:\/\/entraide-sante.example\/alerte, //' transparency.alert-channel 24
breaks "alert channel over http" $T 's/shown_at: https:/shown_at: http:/' transparency.alert-channel 24
breaks "alert channel URL without host" $T 's/shown_at: https:\/\/entraide-sante.example\/alerte/shown_at: "https:\/\/\/alerte"/' transparency.alert-channel 24
# the core's reading of a web address, the one of typed fields too
breaks "alert channel URL with an empty host label (https://a..b)" $T 's/shown_at: https:\/\/entraide-sante.example\/alerte/shown_at: "https:\/\/a..b"/' transparency.alert-channel 24
breaks "alert channel URL with a host of one label" $T 's/shown_at: https:\/\/entraide-sante.example\/alerte/shown_at: "https:\/\/localhost\/alerte"/' transparency.alert-channel 24
passes "alert channel URL with an upper-case scheme (RFC 3986: case-insensitive)" $T 's/shown_at: https:/shown_at: HTTPS:/' transparency.alert-channel
passes "alert channel URL with a mixed-case scheme" $T 's/shown_at: https:/shown_at: hTtPs:/' transparency.alert-channel
breaks "alert channel over HTTP in capitals" $T 's/shown_at: https:/shown_at: HTTP:/' transparency.alert-channel 24
breaks "alert channel over httpsx:" $T 's/shown_at: https:/shown_at: httpsx:/' transparency.alert-channel 24
# A value the core typed wrong is the core's alone: an authority that is a
# list is core.type, not also "authority is empty".
make_case
edit $P/$T 's/authority: Ministère chargé de la santé/authority: [a]/'
expect_finding core.type $P/$T 24 "an authority that is a list: core.type"
expect_no_rule transparency.alert-channel "an authority that is a list: no transparency.alert-channel"
breaks "alert channel without authority" $T 's/, authority: Ministère chargé de la santé//' transparency.alert-channel 24
breaks "alert channel with a blank authority" $T 's/authority: Ministère chargé de la santé/authority: "  "/' transparency.alert-channel 24
breaks "alert channel with an authority of no-break spaces" $T 's/authority: Ministère chargé de la santé/authority: "\\u00a0\\u202f"/' transparency.alert-channel 24
breaks "no alert channel" $T 's/alert_channel: .*\n//' transparency.alert-channel 1

# advertising
breaks "advertising without advertisers" $T 's/accepted: false/accepted: true/' transparency.advertising 25
breaks "advertising with an empty list" $T 's/accepted: false\}/accepted: true, advertisers: []}/' transparency.advertising 25
breaks "advertising accepted as False (capitalised)" $T 's/accepted: false/accepted: False/' transparency.advertising 25
breaks "advertising accepted as yes" $T 's/accepted: false/accepted: yes/' transparency.advertising 25
breaks "no advertising statement" $T 's/advertising: .*\n//' transparency.advertising 1
passes "advertising accepted with advertisers" $T 's/accepted: false\}/accepted: true, advertisers: [Annonceur SA]}/' transparency.advertising

# lapses: under 2026.2 a year becomes due after the grace (P6M) that
# follows its 31 December; the verdict holds until the end of the grace of
# the first year not declared (under 2026.1, the 31 December: readings.t).
make_case
expect_grep -F "   valid until 2027-06-30 (transparency.funding, $P/$T:5)" "2026 not declared: valid until 2027-06-30"
# (the HDS certificate, valid until 2028-01-31, moved past it, and the
# alert counts of 2027, due on the same day, off)
judge_cases
. "$PPREG_TOP/tests/lib/policy.sh"
policy 's/^severity: \{\}/severity: {alert.counts: off}/m'
make_case
edit $P/$T 's/(funding:\n)/$1  - {year: 2026, source: Service revenue, kind: revenue, amount_eur: 9000}\n/'
edit $P/gdpr.yaml 's/valid_from: 2025-02-01, valid_until: 2028-01-31/valid_from: 2026-01-01, valid_until: 2028-12-31/'
expect_grep -F "   valid until 2028-06-30 (transparency.funding, $P/$T:5)" "2026 declared: 2027 is next due, after 2028-06-30"
expect_rc 0 "2026 declared: exit 0"

done_testing
