#!/bin/sh
# registration.kind and registration.domains: kind, channels and website;
# the HAS domains declared and the domain of each service. Each defect, made
# alone in a copy of the compliant entraide-sante, is reported once under
# its rule at its line, with exit 1.
. "$(dirname "$0")/lib.sh"

make_case
check_reg
expect_no_rule registration.kind "entraide-sante: no registration.kind"
expect_no_rule registration.domains "entraide-sante: no registration.domains"

# registration.kind: kind
start 's/kind: commercial/kind: lucratif/'
judged registration.kind 5 "kind 'lucratif'"
start 's/kind: commercial/kind: Commercial/'
judged registration.kind 5 "kind with a capital"
start 's/  kind: commercial\n//'
judged registration.kind 2 "kind missing, at platform"
start 's/kind: commercial/kind: non-commercial/'
passes "non-commercial"

# registration.kind: channels
start 's/channels: \[digital, physical\]/channels: []/'
judged registration.kind 6 "no channel"
start 's/channels: \[digital, physical\]/channels: [digital, postal]/'
judged registration.kind 6 "channel 'postal'"
start 's/channels: \[digital, physical\]/channels: [digital, physical, digital]/'
judged registration.kind 6 "a channel listed twice"
message "channel 'digital' is listed twice" "the message names the channel"
start 's/  channels: \[digital, physical\]\n//'
judged registration.kind 2 "channels missing, at platform"
start 's/channels: \[digital, physical\]/channels: {main: postal}/' 's|website: https://|website: http://|'
check_reg
expect_finding core.type "$R" 6 "channels as a mapping is core.type"
expect_no_rule registration.kind "a mapping of channels is not walked as a list"

# registration.kind: website
start 's|website: https://|website: http://|'
judged registration.kind 7 "digital service on http"
message "does not use https" "the message says https"
start 's|  website: https://entraide-sante.example\n||'
judged registration.kind 2 "digital service without website, at platform"
start 's|website: https://entraide-sante.example|website: entraide-sante.example|'
judged registration.kind 7 "website without scheme"
# the core's reading of a web address, the one of typed fields too
start 's|website: https://entraide-sante.example|website: https://a..b|'
judged registration.kind 7 "website with an empty host label (https://a..b)"
message "website 'https://a..b' is not a web address" "the message names the website"
start 's|website: https://entraide-sante.example|website: "https://entraide sante.example"|'
judged registration.kind 7 "website with a space"
start 's/channels: \[digital, physical\]/channels: [physical]/' 's|  website: https://entraide-sante.example\n||'
passes "a physical-only service needs no website"
start 's/channels: \[digital, physical\]/channels: [physical]/' 's|website: https://|website: http://|'
passes "a physical-only service may show an http website"
start 's/channels: \[digital, physical\]/channels: [physical]/' 's|website: https://entraide-sante.example|website: not a url|'
judged registration.kind 7 "any website given is a web address"
start 's/channels: \[digital, physical\]/channels: [digital]/'
passes "a digital-only service"
start 's|website: https://entraide-sante.example|website: "https://entraide-sante.example:8443/accueil?lang=fr"|'
passes "a website with port, path and query"

# registration.domains: the declared domains
start 's/domains: \[care-pathways, education\]/domains: [care-pathways, education, marketing]/'
judged registration.domains 18 "domain 'marketing'"
message "'marketing' is not a HAS domain" "the message names the domain"
start 's/domains: \[care-pathways, education\]/domains: []/'
judged registration.domains 18 "no domain"
start 's/domains: \[care-pathways, education\]/domains: [care-pathways, education, care-pathways]/'
judged registration.domains 18 "a domain listed twice"
start 's/domains: \[care-pathways, education\]\n//'
check_reg
expect_finding registration.domains "$R" 1 "domains missing, at the top of the file"
only_rule registration.domains "domains missing: no other finding"
expect_rc 1 "domains missing: exit 1"
start 's/domains: \[care-pathways, education\]/domains: [care-pathways, education, care-offer, research]/'
passes "all four HAS domains"

# registration.domains: each service's domain
start 's/domain: education/domain: research/'
judged registration.domains 24 "a service in a HAS domain not declared"
message "service domain 'research' is not among the declared domains (care-pathways, education)" \
	"the message lists the declared domains"
start 's/domain: education/domain: formation/'
judged registration.domains 24 "a service in a domain HAS does not define"
start 's/    domain: education\n//'
judged registration.domains 23 "a service without domain, at the service"
start 's/domains: \[care-pathways, education\]/domains: [care-pathways, education, marketing]/' \
	's/domain: education/domain: marketing/'
check_reg
expect_finding registration.domains "$R" 18 "declared 'marketing': at the list"
expect_finding registration.domains "$R" 24 "a service in 'marketing': at the service"
start 's/services:\n(.*\n){6}/services: []\n/'
check_reg
expect_finding registration.domains "$R" 19 "no service declared"
expect_rc 1 "no service: exit 1"

done_testing
