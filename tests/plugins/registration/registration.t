#!/bin/bash
# Every registration.* rule, each broken alone in a copy of the compliant
# entraide-sante, asserting the rule id and its line; and the passing case.
. "$(dirname "$0")/../../lib/tap.sh"
R=platforms/entraide-sante/registration.yaml

# breaks DESCRIPTION PERL_EXPR RULE LINE [EXIT]: one edit, one finding.
breaks() {
	make_registry
	edit "$R" "$2"
	commit
	check_reg
	expect_finding "$3" "$R" "$4" "$1"
	expect_rc "${5:-1}" "$1: exit ${5:-1}"
}

make_registry
check_reg
expect_rc 0 "entraide-sante is compliant"
for rule in id-matches-folder siren siret vat rna kind domains contact authorization; do
	expect_no_rule "registration.$rule" "entraide-sante: no registration.$rule"
done

breaks "id differs from folder" 's/id: entraide-sante/id: entraide-autre/' registration.id-matches-folder 3
breaks "id is not a slug" 's/id: entraide-sante/id: Entraide_Sante/' registration.id-matches-folder 3
breaks "id missing" 's/  id: entraide-sante\n//' registration.id-matches-folder 2
breaks "SIREN checksum" 's/siren: "812345676"/siren: "123456789"/' registration.siren 12
breaks "SIREN 8 digits" 's/siren: "812345676"/siren: "81234567"/' registration.siren 12
breaks "SIREN missing" 's/  siren: "812345676"\n//' registration.siren 8
breaks "SIRET checksum" 's/siret: "81234567600017"/siret: "73282932000079"/' registration.siret 13
breaks "SIRET of another SIREN" 's/siret: "81234567600017"/siret: "55208131766522"/' registration.siret 13
breaks "VAT key" 's/vat: FR19812345676/vat: FR20812345676/' registration.vat 14
breaks "VAT of another SIREN" 's/vat: FR19812345676/vat: FR03552081317/' registration.vat 14
breaks "association without RNA" 's/form: SAS/form: association-1901/' registration.rna 8
breaks "RNA malformed" 's/form: SAS/form: association-1901\n  rna: W12345/' registration.rna 11
breaks "kind unknown" 's/kind: commercial/kind: lucratif/' registration.kind 5
breaks "no channel" 's/channels: \[digital, physical\]/channels: []/' registration.kind 6
breaks "unknown channel" 's/channels: \[digital, physical\]/channels: [digital, postal]/' registration.kind 6
breaks "digital without https" 's|website: https://|website: http://|' registration.kind 7
breaks "digital without website" 's|  website: https://entraide-sante.example\n||' registration.kind 2
breaks "unknown domain" 's/domains: \[care-pathways, education\]/domains: [care-pathways, education, marketing]/' registration.domains 18
breaks "no domain" 's/domains: \[care-pathways, education\]/domains: []/' registration.domains 18
breaks "service outside the domains" 's/domain: education/domain: research/' registration.domains 24
breaks "postcode" 's/postal_code: "75002"/postal_code: "7502"/' registration.contact 15
breaks "e-mail" 's/email: contact\@entraide-sante.example/email: contact-at-entraide/' registration.contact 17
breaks "no legal representative" 's/  legal_representative: .*\n//' registration.contact 8
breaks "country" 's/country: FR/country: France/' registration.contact 15
breaks "expired" 's/expires_on: 2029-06-30/expires_on: 2026-11-22/' registration.authorization 26
breaks "revoked" 's/status: granted/status: revoked/' registration.authorization 26
breaks "suspended" 's/status: granted/status: suspended/' registration.authorization 26
breaks "granted in the future" 's/granted_on: 2026-07-01/granted_on: 2026-11-24/' registration.authorization 26
breaks "granted without number" 's/number: "DGS-PP-2026-0042", //' registration.authorization 26
breaks "unknown status" 's/status: granted/status: pending/' registration.authorization 26
breaks "applied is a warning" 's/status: granted/status: applied/' registration.authorization 26 0
printf '%s\n' "$OUT" | grep -q ": warning: registration.authorization:"
ok $? "applied is reported as a warning"
check_reg --strict
expect_rc 1 "--strict makes applied fail"

make_registry
edit "$R" 's/expires_on: 2029-06-30/expires_on: 2026-11-23/'
commit
check_reg
expect_rc 0 "an expiry equal to the as-of date is still valid"
make_registry
edit "$R" 's/granted_on: 2026-07-01/granted_on: 2026-11-23/'
commit
check_reg
expect_rc 0 "a grant dated the as-of date is valid"

make_registry
edit "$R" 's/siren: "812345676"/siren: "356000000"/; s/siret: "81234567600017"/siret: "35600000049837"/; s/vat: FR19812345676/vat: FR55356000000/'
commit
check_reg
expect_no_rule registration.siren "La Poste's SIREN is valid"
expect_no_rule registration.siret "La Poste's SIRET is valid by the digit sum"

make_registry
edit "$R" 's/form: SAS/form: association-1901\n  rna: W751234567/'
commit
check_reg
expect_no_rule registration.rna "an association with an RNA number passes"

make_registry
edit "$R" 's/siren: "812345676"/siren: 812345676/'
commit
check_reg
expect_no_rule registration.siren "an unquoted SIREN is read as its digits"

done_testing
