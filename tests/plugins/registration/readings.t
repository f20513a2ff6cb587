#!/bin/sh
# The readings fr-model 2026.2 switches on in registration (issue 18), each
# broken alone in a copy of the compliant entraide-sante, asserting the rule
# and its line; then the same edits under 2026.1, judged as before:
# - registration.authorization: the draft text sets no term, so expires_on
#   is optional (authorization_expiry: optional); when given, it is judged
#   and sets the lapse;
# - registration.domains: the closed list is the policy's `domains` (the
#   four the HAS keeps of seven); a policy may shorten it.
. "$(dirname "$0")/lib.sh"
V1="--policy $PPREG_TOP/policies/fr-model-2026.1.yaml"
. "$PPREG_TOP/tests/lib/policy.sh"

# 2026.2: expires_on optional
start 's/, expires_on: 2029-06-30//'
passes "2026.2: granted without expires_on"
expect_grep -vF "(registration.authorization, " "2026.2: no expires_on, no lapse"
start 's/expires_on: 2029-06-30/expires_on: 2026-11-22/'
judged registration.authorization 26 "2026.2: an expires_on given is still judged"
start 's/expires_on: 2029-06-30/expires_on: 2026-12-01/'
expect_grep -F "   valid until 2026-12-01 (registration.authorization, $R:26)" "2026.2: an expires_on given sets the lapse"
start 's/, expires_on: 2029-06-30//' 's/number: "DGS-PP-2026-0042", //'
judged registration.authorization 26 "2026.2: a granted authorization still gives its number"

# 2026.2: the policy's list of domains
start 's/domains: \[care-pathways, education\]/domains: [care-pathways, education, ethics]/'
judged registration.domains 18 "2026.2: ethics, one of the three domains the HAS left out"
message "'ethics' is not a HAS domain" "the message names the domain"
start 's/domains: \[care-pathways, education\]/domains: [care-pathways, education, care-offer, research]/'
passes "2026.2: the four domains the HAS keeps"
start 's/    domain: education/    domain: peer-support/'
judged registration.domains 24 "2026.2: a service in a domain outside the list"
judge_cases
policy 's/domains: \[care-pathways, care-offer, education, research\]/domains: [care-pathways, care-offer, research]/'
start
check_reg
expect_finding registration.domains "$R" 18 "a policy without education: the declared education is refused"
expect_finding registration.domains "$R" 24 "... and the service in it"
only_rule registration.domains "a policy without education: no other finding"
expect_rc 1 "a policy without education: exit 1"
start 's/domains: \[care-pathways, education\]/domains: [care-pathways]/' 's/    domain: education/    domain: care-pathways/'
passes "a policy without education: a platform without it passes"
judge_cases
make_registry
for bad in 's/domains: \[care-pathways, care-offer, education, research\]/domains: []/' \
	's/domains: \[care-pathways, care-offer, education, research\]/domains: [research, research]/' \
	's/domains: \[care-pathways, care-offer, education, research\]/domains: research/' \
	's/authorization_expiry: optional/authorization_expiry: sometimes/'; do
	policy_refused "$bad" 'registration\.params\.(domains|authorization_expiry)'
done

# Under fr-model 2026.1 neither reading runs: judged as before.
CASE_ARGS=$V1
start 's/, expires_on: 2029-06-30//'
judged registration.authorization 26 "2026.1: granted without expires_on"
message "a granted authorization gives its expires_on" "2026.1: the message names expires_on"
start 's/domains: \[care-pathways, education\]/domains: [care-pathways, education, ethics]/'
judged registration.domains 18 "2026.1: ethics is not a HAS domain"
start 's/domains: \[care-pathways, education\]/domains: [care-pathways, education, care-offer, research]/'
passes "2026.1: the four HAS domains"
judge_cases
CASE_ARGS=

done_testing
