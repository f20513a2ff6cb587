#!/bin/bash
# Every gdpr.* rule broken alone in a compliant copy, with its line; and
# evidence that is tampered, missing, outside evidence/, escaping or a link.
. "$(dirname "$0")/../../lib/tap.sh"
. "$PPREG_TOP/tests/lib/breaks.sh"
G=gdpr.yaml

passes_clean gdpr.controller gdpr.dpo gdpr.record-of-processing gdpr.special-categories \
	gdpr.retention gdpr.hds-hosting gdpr.transfers gdpr.dpia gdpr.breach-procedure \
	gdpr.processor-contracts gdpr.evidence

breaks "controller SIREN differs" $G 's/siren: "812345676"/siren: "552081317"/' gdpr.controller 2
breaks "no DPO" $G 's/dpo: .*\n//' gdpr.dpo 1
breaks "DPO without reference" $G 's/, designation_reference: "DPO-123456"//' gdpr.dpo 3
breaks "DPO e-mail" $G 's/email: dpo\@entraide-sante.example/email: dpo-entraide/' gdpr.dpo 3
breaks "unknown legal basis" $G 's/legal_basis: consent/legal_basis: interest/' gdpr.record-of-processing 7
breaks "no purposes" $G 's/    purposes: .*\n//' gdpr.record-of-processing 5
breaks "health without a condition" $G 's/    special_categories: .*\n//' gdpr.special-categories 5
breaks "an unknown condition" $G 's/condition: explicit-consent/condition: implied/' gdpr.special-categories 8
breaks "retention too long" $G 's/retention: P2Y/retention: P30Y/' gdpr.retention 12
breaks "retention not a duration" $G 's/retention: P2Y/retention: two years/' gdpr.retention 12
breaks "host without HDS" $G 's/    hds_certificate: \{.*\n.*\n//' gdpr.hds-hosting 15
breaks "HDS expired" $G 's/valid_until: 2028-01-31/valid_until: 2026-11-22/' gdpr.hds-hosting 19
breaks "HDS window over 3 years" $G 's/valid_until: 2028-01-31/valid_until: 2028-02-02/' gdpr.hds-hosting 19
breaks "HDS activity 7" $G 's/activities: \[1, 2, 3, 4, 5, 6\]/activities: [1, 7]/' gdpr.hds-hosting 19
breaks "transfer without mechanism" $G 's/countries: \[FR\]/countries: [FR, US]/' gdpr.transfers 17
breaks "adequacy for a country without one" $G 's/countries: \[FR\]/countries: [FR, IN]/; s/transfers_outside_eea: \[\]/transfers_outside_eea: [{country: IN, mechanism: adequacy}]/' gdpr.transfers 17
breaks "DPIA too old" $G 's/done_on: 2026-01-15/done_on: 2023-01-15/' gdpr.dpia 22
breaks "no DPIA" $G 's/dpia: .*\n//' gdpr.dpia 1
breaks "breach over 72 hours" $G 's/notify_authority_within_hours: 72/notify_authority_within_hours: 96/' gdpr.breach-procedure 23
breaks "processor without contract" $G 's/processors: \[hebergeur-exemple\]/processors: [hebergeur-exemple, routeur-sms]/' gdpr.processor-contracts 13
breaks "tampered digest" $G 's/sha256: "3470/sha256: "4470/' gdpr.evidence 22
breaks "missing evidence file" $G 's/aipd-2026.pdf/aipd-2025.pdf/' gdpr.evidence 22
breaks "evidence outside evidence/" $G 's/path: evidence\/aipd-2026.pdf/path: registration.yaml/' gdpr.evidence 22
breaks "evidence escaping the folder" $G 's/path: evidence\/aipd-2026.pdf/path: evidence\/..\/..\/sante-revoquee\/evidence\/aipd-2026.pdf/' gdpr.evidence 22
breaks "evidence by absolute path" $G 's/path: evidence\/aipd-2026.pdf/path: \/etc\/passwd/' gdpr.evidence 22

# The document itself changed after its digest was declared.
make_registry
printf 'altered\n' >>"$REG/platforms/entraide-sante/evidence/aipd-2026.pdf"
commit
check_reg
expect_finding gdpr.evidence platforms/entraide-sante/$G 22 "an altered document is caught"
expect_rc 1 "altered document: exit 1"

# A symlinked evidence file is never followed, even to the right bytes.
make_registry
e=$REG/platforms/entraide-sante/evidence
mv "$e/aipd-2026.pdf" "$TMP/aipd-2026.pdf" && ln -s "$TMP/aipd-2026.pdf" "$e/aipd-2026.pdf"
commit
check_reg
expect_finding gdpr.evidence platforms/entraide-sante/$G 22 "a symlinked evidence file is caught"
expect_rule core.tree-entry "and the link itself is a tree-entry finding"

# Without health data, no HDS certificate is needed.
make_registry
edit platforms/entraide-sante/$G 's/    special_categories: .*\n//; s/data_categories: \[identity, contact, health\]/data_categories: [identity, contact]/; s/    hds_certificate: \{.*\n.*\n//'
commit
check_reg
expect_no_rule gdpr.hds-hosting "no health data, no HDS requirement"

make_registry
edit platforms/entraide-sante/$G 's/countries: \[FR\]/countries: [FR, CH]/; s/transfers_outside_eea: \[\]/transfers_outside_eea: [{country: CH, mechanism: adequacy}]/'
commit
check_reg
expect_no_rule gdpr.transfers "Switzerland with adequacy passes"
make_registry
edit platforms/entraide-sante/$G 's/countries: \[FR\]/countries: [FR, "NO"]/'
commit
check_reg
expect_no_rule gdpr.transfers "Norway is in the EEA"

done_testing
