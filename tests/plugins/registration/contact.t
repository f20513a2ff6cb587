#!/bin/sh
# registration.contact: legal representative, postal address (5-digit
# postcode, ISO 3166-1 country) and e-mail. Each defect, made alone in a copy
# of the compliant entraide-sante, is reported once at its line, exit 1.
. "$(dirname "$0")/lib.sh"

make_case
check_reg
expect_no_rule registration.contact "entraide-sante: no registration.contact"

# The postal address
start 's/postal_code: "75002"/postal_code: "7502"/'
judged registration.contact 15 "postcode of 4 digits"
message "postal code '7502' is not 5 digits" "the message names the postcode"
start 's/postal_code: "75002"/postal_code: "2A004"/'
judged registration.contact 15 "postcode with a letter"
start 's/postal_code: "75002"/postal_code: 75002/'
passes "an unquoted postcode is read as its digits"
start 's/postal_code: "75002"/postal_code: 01000/'
passes "an unquoted postcode keeps its leading zero"
start 's/country: FR/country: France/'
judged registration.contact 15 "country 'France'"
start 's/country: FR/country: UK/'
judged registration.contact 15 "country 'UK' (not an ISO code)"
start 's/country: FR/country: fr/'
judged registration.contact 15 "country in lower case"
start 's/country: FR/country: BE/'
passes "an address in Belgium"
start 's/street: 12 rue de la Paix/street: "  "/'
judged registration.contact 15 "blank street"
start 's/, city: Paris//'
judged registration.contact 15 "no city"
start 's/  address: \{.*\}\n//'
judged registration.contact 8 "no address, at legal_entity"

# The legal representative
start 's/  legal_representative: .*\n//'
judged registration.contact 8 "no legal representative, at legal_entity"
start 's/\{name: Claire Martin, role: Présidente\}/{name: Claire Martin}/'
judged registration.contact 16 "a representative without role"
start 's/name: Claire Martin, role/name: " ", role/'
judged registration.contact 16 "a blank representative name"

# The e-mail address
start 's/email: contact\@entraide-sante.example/email: contact-at-entraide/'
judged registration.contact 17 "e-mail without @"
message "e-mail 'contact-at-entraide' is not an address" "the message names the address"
start 's/email: contact\@entraide-sante.example/email: contact\@entraide-sante/'
judged registration.contact 17 "e-mail without a top-level domain"
start 's/email: contact\@entraide-sante.example/email: "contact\@entraide sante.example"/'
judged registration.contact 17 "e-mail with a space"
# the core's reading of an e-mail address, the one of typed fields too
start 's/email: contact\@entraide-sante.example/email: a\@-x.fr/'
judged registration.contact 17 "e-mail with a hyphen-led domain label (a@-x.fr)"
message "e-mail 'a@-x.fr' is not an address" "the message names the address"
start 's/contact: \{email: contact\@entraide-sante.example\}/contact: {}/'
judged registration.contact 17 "no e-mail, at contact"
start 's/contact: \{email: contact\@entraide-sante.example\}\n//'
judged registration.contact 1 "no contact, at the top of the file"
start 's/email: contact\@entraide-sante.example/email: accueil.patients+pp\@mail.entraide-sante.fr/'
passes "a dotted, tagged address on a subdomain"

done_testing
