#!/bin/sh
# The readings fr-model 2026.2 switches on (issue 18), each broken alone in
# a copy of the compliant entraide-sante, asserting the rule, its line and
# the exit status: charter.signed with signing_statuses (partner_status,
# only volunteers and benevolent partners must sign, the counts of
# transparency.yaml), charter.missions and charter.joint-signature. Then
# the same edits under 2026.1, where these readings do not run.
# entraide-sante: pp-a1b2 (lines 4-6) is a volunteer, pp-c3d4 (7-9) salaried;
# line 5 holds pp-a1b2's missions and countersignature.
. "$(dirname "$0")/../../lib/tap.sh"
. "$PPREG_TOP/tests/lib/breaks.sh"
C=charter.yaml
P=platforms/entraide-sante
T=transparency.yaml
# Unsign EXPR: pp-c3d4 (salaried) without signature, clauses or countersignature.
UNSIGN='s/charter_version: "2026-1", signed_on: 2026-08-02, //; s/, countersignature: \{[^}]*2026-08-03\},\n     clauses: \[[^]]*\]\}/}/'

passes_clean charter.signed charter.missions charter.joint-signature

# charter.signed: partner_status
breaks "a commitment without partner_status" $C 's/ partner_status: volunteer,//' charter.signed 4
expect_grep - "charter.signed: the commitment of pp-a1b2 does not give partner_status" "the message names the partner and the field"
breaks "an empty partner_status" $C 's/partner_status: volunteer/partner_status: ~/' charter.signed 4
breaks "a partner_status outside the three statuses" $C 's/partner_status: volunteer/partner_status: trainee/' charter.signed 4
breaks "a withdrawn commitment gives partner_status too" $C 's/ partner_status: salaried,//; s/pp-c3d4, status: active/pp-c3d4, status: withdrawn/' \
	charter.signed 7
# ... counted as transparency.yaml counts them
make_case
edit $P/$C 's/partner_status: volunteer/partner_status: benevolent/'
expect_finding charter.signed $P/$T 17 "a volunteer declared benevolent in charter.yaml: reported at by_status in transparency.yaml"
expect_count -E ": error: charter.signed: " 2 "... once for each status whose counts differ"
expect_rc 1 "a volunteer declared benevolent in charter.yaml: exit 1"
expect_grep - "charter.signed: patient_partners.by_status.volunteer is 1, but charter.yaml has 0 active commitments with partner_status volunteer$" \
	"the message gives the declared count and charter.yaml's"
expect_grep - "by_status.benevolent is 0, but charter.yaml has 1 active commitment with partner_status benevolent (line 4)$" \
	"... and the lines of the commitments it counts"
make_case
edit $P/$C 's/partner_status: volunteer/partner_status: benevolent/'
edit $P/$T 's/volunteer: 1, benevolent: 0/volunteer: 0, benevolent: 1/'
expect_no_rule charter.signed "a benevolent partner counted as one in both files"
expect_rc 0 "a benevolent partner counted in both files: exit 0"
make_case
edit $P/$C 's/pp-c3d4, status: active/pp-c3d4, status: withdrawn/'
edit $P/$T 's/total: 2/total: 1/; s/salaried: 1/salaried: 0/'
expect_no_rule charter.signed "a withdrawn partner is not counted"
expect_rc 0 "a withdrawn salaried partner: exit 0"
# ... and only the statuses of signing_statuses must sign
breaks "a volunteer who did not sign" $C 's/charter_version: "2026-1", signed_on: 2026-07-10, //' charter.signed 4
expect_grep - "charter.signed: missing required field 'commitments\[\].signed_on'" "the message names the missing field"
breaks "a volunteer's signature left empty" $C 's/signed_on: 2026-07-10,/signed_on: ~,/' charter.signed 4
breaks "a volunteer without clauses" $C 's/,\n     clauses: \[[^]]*\]\}\n  - \{partner: pp-c3d4/}\n  - {partner: pp-c3d4/' \
	charter.clauses 4
passes "a salaried partner need not sign" $C "$UNSIGN" charter.signed
make_case
edit $P/$C "$UNSIGN"
expect_no_rule charter.clauses "... nor list clauses"
expect_no_rule charter.joint-signature "... nor be countersigned"
make_case
edit $P/$C "$UNSIGN; s/partner_status: salaried/partner_status: benevolent/"
edit $P/$T 's/salaried: 1, volunteer: 1, benevolent: 0/salaried: 0, volunteer: 1, benevolent: 1/'
expect_finding charter.signed $P/$C 7 "a benevolent partner must sign"
breaks "a salaried partner's recorded signature is still judged" $C 's/signed_on: 2026-08-02/signed_on: 2026-11-24/' \
	charter.signed 7

# charter.missions
breaks "a commitment without missions" $C 's/     missions: \[accompagnement-oncologie\], /     /' charter.missions 4
expect_grep - "charter.missions: the commitment of pp-a1b2 lists no missions" "the message names the partner"
breaks "an empty list of missions" $C 's/missions: \[accompagnement-oncologie\]/missions: []/' charter.missions 5
breaks "missions as a string" $C 's/missions: \[accompagnement-oncologie\]/missions: accompagnement-oncologie/' \
	charter.missions 5
breaks "a mission that is no service of registration.yaml" $C \
	's/missions: \[accompagnement-oncologie\]/missions: [accompagnement-oncologie, ateliers-cuisine]/' charter.missions 5
expect_grep - "charter.missions: mission 'ateliers-cuisine' is not a service of registration.yaml$" "the message names the mission"
breaks "a mission naming an e-mail address" $C \
	's/missions: \[accompagnement-oncologie\]/missions: [jean.dupont\@example.org]/' charter.missions 5
no_echo() { expect_grep -vF "$1" "$2"; }
no_echo "jean.dupont" "the mission's e-mail address is not repeated"
passes "two missions, both services" $C \
	's/missions: \[accompagnement-oncologie\]/missions: [accompagnement-oncologie, interventions-ifsi]/' charter.missions
make_case
edit $P/$C 's/     missions: \[interventions-ifsi\], /     /; s/pp-c3d4, status: active/pp-c3d4, status: withdrawn/'
edit $P/$T 's/total: 2/total: 1/; s/salaried: 1/salaried: 0/'
expect_no_rule charter.missions "a withdrawn partner lists no missions"
expect_rc 0 "a withdrawn partner without missions: exit 0"

# charter.joint-signature
breaks "a commitment without countersignature" $C 's/, countersignature: \{[^}]*\}//' charter.joint-signature 4
expect_grep - "charter.joint-signature: the commitment of pp-a1b2 is not countersigned for the service" "the message names the partner"
breaks "a countersignature without signatory" $C 's/signatory: Claire Martin, role: Présidente, //' charter.joint-signature 5
breaks "a blank signatory" $C 's/signatory: Claire Martin/signatory: " "/' charter.joint-signature 5
breaks "a countersignature without date" $C 's/, signed_on: 2026-07-15//' charter.joint-signature 5
breaks "a countersignature dated in words" $C 's/signed_on: 2026-07-15/signed_on: mid-July/' charter.joint-signature 5
breaks "countersigned after the as-of date" $C 's/signed_on: 2026-07-15/signed_on: 2026-11-24/' charter.joint-signature 5
breaks "countersigned before the current version took effect" $C 's/signed_on: 2026-07-15/signed_on: 2026-05-31/' \
	charter.joint-signature 5
breaks "a countersignature that is a text" $C 's/countersignature: \{[^}]*\}/countersignature: yes/' charter.joint-signature 5
passes "countersigned on the as-of date" $C 's/signed_on: 2026-07-15/signed_on: 2026-11-23/' charter.joint-signature
passes "countersigned on the effective date" $C 's/signed_on: 2026-07-15/signed_on: 2026-06-01/' charter.joint-signature
passes "a countersignature without role" $C 's/, role: Présidente, signed_on: 2026-07-15/, signed_on: 2026-07-15/' charter.joint-signature

# A countersignature is renewed as the signature is: valid through
# signed_on + renewal, its last valid day reported as a lapse.
make_registry
check_reg --as-of 2029-07-16
expect_finding charter.joint-signature $P/$C 5 "countersigned 2026-07-15, as of 2029-07-16: older than P3Y"
expect_grep - "countersigned on 2026-07-15: the countersignature was valid until 2029-07-15 (renewal every P3Y)" \
	"the message gives the last valid day"
check_reg --as-of 2029-07-15
expect_grep -v "$C:5:[0-9]*: error: charter.joint-signature" "countersigned 2026-07-15 is still valid as of 2029-07-15"
rm -rf "$TMP/pol" && cp -R "$PPREG_TOP/policies" "$TMP/pol"
perl -0pi -e 's/renewal: P3Y/renewal: P5M/' "$TMP/pol/fr-model-2026.2.yaml"
edit $P/$C 's/signed_on: 2026-07-10/signed_on: 2026-07-20/'
commit
check_reg --policy "$TMP/pol/fr-model-2026.2.yaml"
expect_grep -F "   valid until 2026-12-15 (charter.joint-signature, $P/$C:5)" \
	"under a P5M renewal, a countersignature of 2026-07-15 ends the verdict's validity on 2026-12-15"
expect_rc 0 "a countersignature valid until 2026-12-15: exit 0"

# Under fr-model 2026.1 none of these readings runs: the same edits keep
# the verdicts of 2026.1 (every active partner signs, nothing else asked).
judge_cases
CASE_ARGS="--policy $PPREG_TOP/policies/fr-model-2026.1.yaml"
make_case
edit $P/$C 's/ partner_status: volunteer,//'
expect_no_rule charter.signed "2026.1: no partner_status asked"
expect_rc 0 "2026.1: a commitment without partner_status: exit 0"
make_case
edit $P/$C 's/partner_status: volunteer/partner_status: benevolent/'
expect_no_rule charter.signed "2026.1: the statuses are not compared with transparency.yaml"
make_case
edit $P/$C "$UNSIGN"
expect_finding charter.signed $P/$C 7 "2026.1: a salaried partner must sign too"
expect_finding charter.clauses $P/$C 7 "... and list the clauses"
make_case
edit $P/$C 's/     missions: \[accompagnement-oncologie\], /     /'
expect_no_rule charter.missions "2026.1: no missions asked"
expect_rc 0 "2026.1: a commitment without missions: exit 0"
make_case
edit $P/$C 's/missions: \[accompagnement-oncologie\]/missions: [ateliers-cuisine]/'
expect_no_rule charter.missions "2026.1: missions are not read"
make_case
edit $P/$C 's/, countersignature: \{[^}]*\}//'
expect_no_rule charter.joint-signature "2026.1: no countersignature asked"
expect_rc 0 "2026.1: a commitment without countersignature: exit 0"
make_case
edit $P/$C 's/signed_on: 2026-07-15/signed_on: 2026-11-24/'
expect_no_rule charter.joint-signature "2026.1: a countersignature is not read"
expect_rc 0 "2026.1: a countersignature after the as-of date: exit 0"
judge_cases
CASE_ARGS=

done_testing
