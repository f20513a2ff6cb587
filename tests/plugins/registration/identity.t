#!/bin/sh
# registration.id-matches-folder, .siren, .siret, .vat and .rna: the compliant
# example passes; each defect, made alone in a copy of it, is reported once
# under its rule at its line, with exit 1; values that look wrong but are
# valid (La Poste, an unquoted SIREN, no VAT number) pass.
. "$(dirname "$0")/lib.sh"

make_case
passes "entraide-sante as docs/format.md quotes it"

# registration.id-matches-folder
start 's/id: entraide-sante/id: entraide-autre/'
judged registration.id-matches-folder 3 "id of another folder"
message "platform.id 'entraide-autre' differs from its folder platforms/entraide-sante" "the message names both"
start 's/id: entraide-sante/id: Entraide_Sante/'
judged registration.id-matches-folder 3 "id that is not a slug"
start 's/  id: entraide-sante\n//'
judged registration.id-matches-folder 2 "id missing, at platform"
make_registry
mv "$REG/$P" "$REG/platforms/Entraide_Sante"
edit platforms/Entraide_Sante/registration.yaml 's/id: entraide-sante/id: Entraide_Sante/'
commit
check_reg
expect_finding registration.id-matches-folder platforms/Entraide_Sante/registration.yaml 3 "a folder that is not an id, named by its id"
expect_count -E ": (error|warning): registration.id-matches-folder: " 1 "a folder that is not an id: one finding"

# registration.siren (the GDPR controller follows, so only the SIREN is wrong)
make_case
set_siren '"123456789"' '"12345678900015"' FR32123456789
judged registration.siren 12 "SIREN 123456789, Luhn fails"
message "SIREN '123456789' fails its Luhn checksum" "the message says checksum"
make_case
set_siren '"81234567"' '"81234567600017"' FR19812345676
judged registration.siren 12 "SIREN of 8 digits"
message "is not 9 digits" "the message says 9 digits"
make_case
set_siren '"81234567X"' '"81234567600017"' FR19812345676
judged registration.siren 12 "SIREN with a letter"
start 's/  siren: "812345676"\n//'
check_reg
expect_finding registration.siren "$R" 8 "SIREN missing, at legal_entity"
expect_rc 1 "SIREN missing: exit 1"
start 's/siren: "812345676"/siren: ""/'
check_reg
expect_finding core.type "$R" 12 "an empty SIREN is core.type"
expect_no_rule registration.siren "an empty SIREN is not reported twice"
start 's/siren: "812345676"/siren: 812345676/'
passes "an unquoted SIREN is read as its digits"
make_case
set_siren '"356000000"' '"35600000049837"' FR39356000000
passes "La Poste: SIREN 356000000, SIRET 35600000049837 by its digit sum, VAT FR39356000000"
make_case
set_siren '"552081317"' '"55208131766522"' FR03552081317
passes "EDF: SIREN 552081317, SIRET 55208131766522, VAT FR03552081317"

# registration.siret
start 's/siret: "81234567600017"/siret: "81234567600018"/'
judged registration.siret 13 "SIRET whose Luhn fails"
message "SIRET '81234567600018' fails its Luhn checksum" "the message says checksum"
start 's/siret: "81234567600017"/siret: "55208131766522"/'
judged registration.siret 13 "SIRET of another SIREN (EDF's)"
message "does not start with the SIREN '812345676'" "the message names the SIREN"
start 's/siret: "81234567600017"/siret: "8123456760001"/'
judged registration.siret 13 "SIRET of 13 digits"
start 's/siret: "81234567600017"/siret: "73282932000079"/'
judged registration.siret 13 "SIRET 73282932000079"
make_case
set_siren '"356000000"' '"35600000049838"' FR39356000000
judged registration.siret 13 "La Poste SIRET whose digit sum is not a multiple of 5"
message "digit sum is not a multiple of 5" "the message names the digit sum"
make_case
set_siren '"812345676"' '"81234567600055"' FR19812345676
judged registration.siret 13 "outside La Poste, a digit sum multiple of 5 is no excuse"
start 's/  siret: "81234567600017"\n//'
judged registration.siret 8 "SIRET missing, at legal_entity"

# registration.vat
start 's/vat: FR19812345676/vat: FR20812345676/'
judged registration.vat 14 "VAT key 20 instead of 19"
message "the key of SIREN 812345676 is 19 (FR19812345676)" "the message gives the right number"
start 's/vat: FR19812345676/vat: FR03552081317/'
judged registration.vat 14 "VAT number of another SIREN (EDF's)"
start 's/vat: FR19812345676/vat: "FR 19 812345676"/'
judged registration.vat 14 "VAT number with spaces"
start 's/vat: FR19812345676/vat: DE19812345676/'
judged registration.vat 14 "VAT number that is not French"
start 's/  vat: FR19812345676\n//'
passes "no VAT number (optional)"
make_case
set_siren '"123456789"' '"12345678900015"' FR32123456789
check_reg
expect_no_rule registration.vat "a VAT number consistent with an invalid SIREN is not a second finding"
expect_no_rule registration.siret "a SIRET consistent with an invalid SIREN is not a second finding"

# registration.rna
start 's/form: SAS/form: association-1901/'
judged registration.rna 8 "association-1901 without RNA number, at legal_entity"
start 's/form: SAS/form: association-1901\n  rna: W12345/'
judged registration.rna 11 "RNA number of 5 digits"
start 's/form: SAS/form: association-1901\n  rna: "X751234567"/'
judged registration.rna 11 "RNA number without W"
start 's/form: SAS/form: association-1901\n  rna: W751234567/'
passes "association-1901 with its RNA number"
start 's/form: SAS/form: SAS\n  rna: W7512/'
judged registration.rna 11 "a malformed RNA number is judged whatever the form"
start 's/form: SAS/form: fondation/'
passes "a fondation needs no RNA number"

done_testing
