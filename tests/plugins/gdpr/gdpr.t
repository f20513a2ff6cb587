#!/bin/bash
# Every gdpr.* rule but evidence (evidence.t) broken alone in a compliant copy
# of entraide-sante, asserting the rule, the line and exit 1; and the edits
# that must still pass.
. "$(dirname "$0")/../../lib/tap.sh"
. "$PPREG_TOP/tests/lib/breaks.sh"
G=gdpr.yaml
P=platforms/entraide-sante

passes_clean gdpr.controller gdpr.dpo gdpr.record-of-processing gdpr.special-categories \
	gdpr.retention gdpr.hds-hosting gdpr.transfers gdpr.dpia gdpr.breach-procedure \
	gdpr.processor-contracts gdpr.evidence

# controller
breaks "controller SIREN differs" $G 's/siren: "812345676"/siren: "552081317"/' gdpr.controller 2
breaks "controller without SIREN" $G 's/, siren: "812345676"//' gdpr.controller 2
# A blank value is the plugin's finding; a quoted empty string "" is the
# core's (core.type), so blanks are written " " or with invisible characters.
breaks "controller with a blank name" $G 's/controller: \{name: Entraide Santé SAS/controller: {name: " "/' gdpr.controller 2
# the words of every plugin for a blank value (ppreg_require_text)
expect_grep - "^$P/$G:2:[0-9]*: error: gdpr.controller: name is blank\$" "a blank name: 'name is blank'"
breaks "no controller" $G 's/controller: .*\n//' gdpr.controller 1
passes "an unquoted SIREN is the same SIREN" $G 's/siren: "812345676"/siren: 812345676/' gdpr.controller

# DPO
breaks "no DPO" $G 's/dpo: .*\n//' gdpr.dpo 1
breaks "DPO without designation reference" $G 's/, designation_reference: "DPO-123456"//' gdpr.dpo 3
breaks "DPO with an empty reference" $G 's/designation_reference: "DPO-123456"/designation_reference: " "/' gdpr.dpo 3
breaks "DPO named with a no-break space" $G 's/dpo: \{name: DPO Conseil SARL/dpo: {name: "\\u00a0"/' gdpr.dpo 3
breaks "DPO named with a zero-width no-break space" $G 's/dpo: \{name: DPO Conseil SARL/dpo: {name: "\\ufeff\\u3000"/' gdpr.dpo 3
breaks "DPO without e-mail" $G 's/email: dpo\@entraide-sante.example, //' gdpr.dpo 3
breaks "DPO e-mail is not an address" $G 's/email: dpo\@entraide-sante.example/email: dpo-entraide/' gdpr.dpo 3
breaks "DPO e-mail without a domain" $G 's/email: dpo\@entraide-sante.example/email: dpo\@localhost/' gdpr.dpo 3
# the core's reading of an e-mail address, the one of typed fields too
breaks "DPO e-mail with a hyphen-led domain label (a@-x.fr)" $G 's/email: dpo\@entraide-sante.example/email: a\@-x.fr/' gdpr.dpo 3
breaks "DPO e-mail with a one-letter top-level label" $G 's/email: dpo\@entraide-sante.example/email: dpo\@x.f/' gdpr.dpo 3

# record of processing (Art. 30)
breaks "an unknown legal basis" $G 's/legal_basis: consent/legal_basis: interest/' gdpr.record-of-processing 7
breaks "no purposes" $G 's/    purposes: .*\n//' gdpr.record-of-processing 5
breaks "empty purposes" $G 's/purposes: \[.*\]/purposes: []/' gdpr.record-of-processing 6
breaks "no legal basis" $G 's/    legal_basis: consent\n//' gdpr.record-of-processing 5
breaks "no data categories" $G 's/    data_categories: .*\n//; s/    special_categories: .*\n//' gdpr.record-of-processing 5
breaks "empty data subjects" $G 's/data_subjects: \[.*\]/data_subjects: []/' gdpr.record-of-processing 10
breaks "no recipients" $G 's/    recipients: .*\n//' gdpr.record-of-processing 5
breaks "no retention" $G 's/    retention: P2Y\n//' gdpr.record-of-processing 5
breaks "no processors" $G 's/    processors: .*\n//' gdpr.record-of-processing 5
breaks "a blank recipient" $G 's/recipients: \[partner establishments\]/recipients: [partner establishments, " "]/' gdpr.record-of-processing 11
breaks "no activity" $G 's/processing_activities:\n(    .*\n|  - .*\n)*/processing_activities: []\n/' gdpr.record-of-processing 4
breaks "two activities with one id" $G 's/(hosting:\n)/  - {id: matching, purposes: [Newsletter], legal_basis: consent, data_categories: [contact], data_subjects: [patients], recipients: [], retention: P1Y, processors: []}\n$1/' gdpr.record-of-processing 14
passes "recipients and processors may be empty" $G 's/recipients: \[partner establishments\]/recipients: []/; s/processors: \[hebergeur-exemple\]/processors: []/' gdpr.record-of-processing

# special categories (Art. 9(2))
breaks "health without special_categories" $G 's/    special_categories: .*\n//' gdpr.special-categories 5
breaks "an unknown condition" $G 's/condition: explicit-consent/condition: implied/' gdpr.special-categories 8
breaks "health without a condition" $G 's/, condition: explicit-consent//' gdpr.special-categories 8
breaks "health flagged false" $G 's/health: true/health: false/' gdpr.special-categories 8
breaks "health flagged yes" $G 's/health: true/health: yes/' gdpr.special-categories 8
breaks "special_categories without health" $G 's/health: true, //' gdpr.special-categories 8
# Categories name health in any case: Health is health data, and a capital
# letter does not waive Art. 9(2) or HDS.
breaks "a Health category without special_categories" $G 's/    special_categories: .*\n//; s/data_categories: \[identity, contact, health\]/data_categories: [identity, contact, Health]/' gdpr.special-categories 5
breaks "a HEALTH category flagged false" $G 's/health: true/health: false/; s/data_categories: \[identity, contact, health\]/data_categories: [identity, contact, HEALTH]/' gdpr.special-categories 8
breaks "a Health category and a host without HDS" $G 's/data_categories: \[identity, contact, health\]/data_categories: [identity, contact, Health]/; s/special_categories: \{health: true, /special_categories: {health: false, /; s/    hds_certificate: \{.*\n.*\n//' gdpr.hds-hosting 15
passes "a Health category with its condition and HDS" $G 's/data_categories: \[identity, contact, health\]/data_categories: [identity, contact, Health]/' gdpr.special-categories
passes "no health data, no condition" $G 's/    special_categories: .*\n//; s/data_categories: \[identity, contact, health\]/data_categories: [identity, contact]/; s/    hds_certificate: \{.*\n.*\n//' gdpr.special-categories

# retention (Art. 5(1)(e))
breaks "retention too long" $G 's/retention: P2Y/retention: P30Y/' gdpr.retention 12
breaks "retention one month too long" $G 's/retention: P2Y/retention: P241M/' gdpr.retention 12
breaks "retention not a duration" $G 's/retention: P2Y/retention: two years/' gdpr.retention 12
breaks "retention as a number" $G 's/retention: P2Y/retention: 2/' gdpr.retention 12
passes "retention at the maximum" $G 's/retention: P2Y/retention: P20Y/' gdpr.retention
passes "retention at the maximum in months" $G 's/retention: P2Y/retention: P240M/' gdpr.retention

# HDS hosting (CSP L.1111-8)
breaks "a host of health data without HDS" $G 's/    hds_certificate: \{.*\n.*\n//' gdpr.hds-hosting 15
breaks "HDS certificate expired the day before" $G 's/valid_until: 2028-01-31/valid_until: 2026-11-22/' gdpr.hds-hosting 19
breaks "HDS certificate not valid yet" $G 's/valid_from: 2025-02-01/valid_from: 2026-11-24/' gdpr.hds-hosting 19
breaks "HDS window over 3 years" $G 's/valid_until: 2028-01-31/valid_until: 2028-02-02/' gdpr.hds-hosting 19
breaks "HDS activity 7" $G 's/activities: \[1, 2, 3, 4, 5, 6\]/activities: [1, 7]/' gdpr.hds-hosting 19
breaks "HDS activity 0" $G 's/activities: \[1, 2, 3, 4, 5, 6\]/activities: [0, 1]/' gdpr.hds-hosting 19
breaks "HDS activity as text" $G 's/activities: \[1, 2, 3, 4, 5, 6\]/activities: ["1", 2]/' gdpr.hds-hosting 19
breaks "HDS activity 1.5" $G 's/activities: \[1, 2, 3, 4, 5, 6\]/activities: [1.5]/' gdpr.hds-hosting 19
breaks "HDS certificate without activities" $G 's/activities: \[1, 2, 3, 4, 5, 6\]/activities: []/' gdpr.hds-hosting 19
breaks "HDS certificate without number" $G 's/number: "HDS-2025-0815", //' gdpr.hds-hosting 18
breaks "HDS certificate with a blank certifier" $G 's/certifier: Organisme Certificateur Exemple/certifier: " "/' gdpr.hds-hosting 18
breaks "HDS certificate without valid_until" $G 's/, valid_until: 2028-01-31//' gdpr.hds-hosting 18
breaks "a second host of health data without HDS" $G 's/(transfers_outside_eea)/  - {id: sauvegarde, name: Sauvegarde SAS, countries: [FR]}\n$1/' gdpr.hds-hosting 21
passes "HDS certificate expiring on the as-of date" $G 's/valid_until: 2028-01-31/valid_until: 2026-11-23/' gdpr.hds-hosting
passes "HDS window of exactly 3 years" $G 's/valid_until: 2028-01-31/valid_until: 2028-02-01/' gdpr.hds-hosting
passes "without health data, no HDS certificate" $G 's/    special_categories: .*\n//; s/data_categories: \[identity, contact, health\]/data_categories: [identity, contact]/; s/    hds_certificate: \{.*\n.*\n//' gdpr.hds-hosting
make_case
edit $P/$G 's/hosting:\n(    .*\n|  - .*\n)*/hosting: []\n/; s/processors: \[hebergeur-exemple\]/processors: []/'
expect_finding gdpr.hds-hosting $P/$G 14 "health data and no host at all"
expect_rc 1 "no host: exit 1"

# transfers (RGPD ch. V)
breaks "a host in the US without mechanism" $G 's/countries: \[FR\]/countries: [FR, US]/' gdpr.transfers 17
breaks "a host in India under adequacy" $G 's/countries: \[FR\]/countries: [FR, IN]/; s/transfers_outside_eea: \[\]/transfers_outside_eea: [{country: IN, mechanism: adequacy}]/' gdpr.transfers 21
breaks "an unknown mechanism" $G 's/countries: \[FR\]/countries: [FR, US]/; s/transfers_outside_eea: \[\]/transfers_outside_eea: [{country: US, mechanism: contract}]/' gdpr.transfers 21
breaks "a transfer without mechanism" $G 's/countries: \[FR\]/countries: [FR, US]/; s/transfers_outside_eea: \[\]/transfers_outside_eea: [{country: US}]/' gdpr.transfers 21
breaks "a host naming no country" $G 's/countries: \[FR\]/countries: []/' gdpr.transfers 17
breaks "a host without countries" $G 's/    countries: \[FR\]\n//' gdpr.transfers 15
breaks "the other transfers do not cover this one" $G 's/countries: \[FR\]/countries: [FR, US, IN]/; s/transfers_outside_eea: \[\]/transfers_outside_eea: [{country: US, mechanism: scc}]/' gdpr.transfers 17
passes "the US with SCC" $G 's/countries: \[FR\]/countries: [FR, US]/; s/transfers_outside_eea: \[\]/transfers_outside_eea: [{country: US, mechanism: scc}]/' gdpr.transfers
passes "India with BCR" $G 's/countries: \[FR\]/countries: [FR, IN]/; s/transfers_outside_eea: \[\]/transfers_outside_eea: [{country: IN, mechanism: bcr}]/' gdpr.transfers
passes "Switzerland under adequacy" $G 's/countries: \[FR\]/countries: [FR, CH]/; s/transfers_outside_eea: \[\]/transfers_outside_eea: [{country: CH, mechanism: adequacy}]/' gdpr.transfers
passes "Norway (NO, not false) is in the EEA" $G 's/countries: \[FR\]/countries: [FR, NO, IS, LI]/' gdpr.transfers
passes "no transfers_outside_eea at all" $G 's/transfers_outside_eea: \[\]\n//' gdpr.transfers

# DPIA (Art. 35)
breaks "a DPIA one day too old" $G 's/done_on: 2026-01-15/done_on: 2023-11-22/' gdpr.dpia 22
breaks "a DPIA dated after the as-of date" $G 's/done_on: 2026-01-15/done_on: 2026-11-24/' gdpr.dpia 22
breaks "no DPIA" $G 's/dpia: .*\n//' gdpr.dpia 1
breaks "a DPIA without evidence" $G 's/dpia: \{done_on: 2026-01-15, evidence: .*\n/dpia: {done_on: 2026-01-15}\n/' gdpr.dpia 22
breaks "a DPIA without date" $G 's/dpia: \{done_on: 2026-01-15, /dpia: {/' gdpr.dpia 22
passes "a DPIA exactly 3 years old" $G 's/done_on: 2026-01-15/done_on: 2023-11-23/' gdpr.dpia

# breach procedure (Art. 33)
breaks "notification after 96 hours" $G 's/notify_authority_within_hours: 72/notify_authority_within_hours: 96/' gdpr.breach-procedure 23
breaks "notification after 72.5 hours" $G 's/notify_authority_within_hours: 72/notify_authority_within_hours: 72.5/' gdpr.breach-procedure 23
breaks "notification within 0 hours" $G 's/notify_authority_within_hours: 72/notify_authority_within_hours: 0/' gdpr.breach-procedure 23
breaks "no notification delay" $G 's/notify_authority_within_hours: 72, //' gdpr.breach-procedure 23
breaks "a breach procedure without evidence" $G 's/breach_procedure: \{notify_authority_within_hours: 72, evidence: .*\n/breach_procedure: {notify_authority_within_hours: 72}\n/' gdpr.breach-procedure 23
breaks "no breach procedure" $G 's/breach_procedure: .*\n//' gdpr.breach-procedure 1
passes "notification within 24 hours" $G 's/notify_authority_within_hours: 72/notify_authority_within_hours: 24/' gdpr.breach-procedure

# processor contracts (Art. 28)
breaks "a processor that is not a host" $G 's/processors: \[hebergeur-exemple\]/processors: [hebergeur-exemple, routeur-sms]/' gdpr.processor-contracts 13
breaks "a processor whose host has no contract" $G 's/    contract: .*\n//' gdpr.processor-contracts 13
breaks "two hosts with one id" $G 's/(transfers_outside_eea)/  - id: hebergeur-exemple\n    name: Autre SAS\n    countries: [FR]\n    hds_certificate: {number: "HDS-1", certifier: C, activities: [1], valid_from: 2025-02-01, valid_until: 2028-01-31}\n$1/' gdpr.processor-contracts 21
breaks "a host without id" $G 's/  - id: hebergeur-exemple\n    name/  - name/' gdpr.processor-contracts 15
passes "a host that is no processor needs no contract" $G 's/processors: \[hebergeur-exemple\]/processors: []/; s/    contract: .*\n//' gdpr.processor-contracts

# lapses: the last valid day of each dated fact (before the example's
# first, 2026-12-31, when 2026 funding becomes due)
lapses "an HDS certificate valid until 2026-12-15" $G 's/valid_until: 2028-01-31/valid_until: 2026-12-15/' gdpr.hds-hosting 19 2026-12-15
lapses "an HDS certificate valid until the as-of date" $G 's/valid_until: 2028-01-31/valid_until: 2026-11-23/' gdpr.hds-hosting 19 2026-11-23
lapses "a DPIA done on 2023-12-10, reviewed every P3Y" $G 's/done_on: 2026-01-15/done_on: 2023-12-10/' gdpr.dpia 22 2026-12-10
lapses "a DPIA reviewed last on 2023-11-23, valid through the as-of date" $G 's/done_on: 2026-01-15/done_on: 2023-11-23/' gdpr.dpia 22 2026-11-23
lapses "an expired HDS certificate is the lapse that ended the verdict" $G 's/valid_until: 2028-01-31/valid_until: 2026-11-22/' gdpr.hds-hosting 19 2026-11-22 1

done_testing
