#!/bin/bash
# Every charter.* rule broken alone in a compliant copy, with its line.
. "$(dirname "$0")/../../lib/tap.sh"
. "$PPREG_TOP/tests/lib/breaks.sh"
C=charter.yaml

passes_clean charter.official-version charter.clauses charter.signed charter.renewal \
	charter.pseudonymous charter.unique

breaks "unknown charter version" $C 's/version: "2026-1", sha256/version: "2025-9", sha256/' charter.official-version 2
breaks "declared digest differs" $C 's/sha256: "7914/sha256: "8914/' charter.official-version 2
breaks "a clause missing" $C 's/no-promotion, alert-right\]\}\n  - \{partner: pp-c3d4/alert-right]}\n  - {partner: pp-c3d4/' charter.clauses 5
breaks "an old version signed" $C 's/charter_version: "2026-1", signed_on: 2026-08-02/charter_version: "2025-1", signed_on: 2026-08-02/' charter.signed 6
breaks "signed before the effective date" $C 's/signed_on: 2026-08-02/signed_on: 2026-05-02/' charter.signed 6
breaks "signed after the as-of date" $C 's/signed_on: 2026-08-02/signed_on: 2026-12-02/' charter.signed 6
make_registry
check_reg --as-of 2029-08-03
expect_finding charter.renewal platforms/entraide-sante/$C 6 "a signature older than P3Y must be renewed"
check_reg --as-of 2029-08-02
! printf '%s\n' "$OUT" | grep -q "charter.yaml:6:[0-9]*: error: charter.renewal"
ok $? "a signature exactly P3Y old (2026-08-02 at 2029-08-02) is still valid"
breaks "a partner by name" $C 's/partner: pp-c3d4/partner: Jean Dupont/' charter.pseudonymous 6
breaks "a partner by e-mail" $C 's/partner: pp-c3d4/partner: jean.dupont\@example.fr/' charter.pseudonymous 6
breaks "a phone in training.yaml" training.yaml 's/assessment: Written thesis/assessment: Call 06 12 34 56 78 for the written thesis/' charter.pseudonymous 16
breaks "an e-mail anywhere in charter.yaml" $C 's/status: active, charter_version: "2026-1", signed_on: 2026-07-10/status: active, charter_version: "2026-1", signed_on: 2026-07-10, note: "write to marie\@example.fr"/' charter.pseudonymous 4
breaks "a duplicate partner" $C 's/partner: pp-c3d4/partner: pp-a1b2/' charter.unique 6

make_registry
edit platforms/entraide-sante/$C 's/status: active, charter_version: "2026-1", signed_on: 2026-08-02/status: withdrawn, charter_version: "2025-1", signed_on: 2026-08-02/'
commit
check_reg
expect_no_rule charter.signed "a withdrawn commitment needs no current signature"

# An edited official text is caught even when the platform copies its digest.
make_registry
mkdir -p "$TMP/pol/charters"
cp "$PPREG_TOP/policies/fr-model-2026.1.yaml" "$TMP/pol/"
sed 's/Confidentialité/Discrétion/' "$PPREG_TOP/policies/charters/2026-1.md" >"$TMP/pol/charters/2026-1.md"
check_reg --policy "$TMP/pol/fr-model-2026.1.yaml"
expect_finding charter.official-version platforms/entraide-sante/$C 2 "an edited charter text beside the policy"
printf '%s\n' "$OUT" | grep -q "has been edited"
ok $? "the message says the text was edited"
rm "$TMP/pol/charters/2026-1.md"
check_reg --policy "$TMP/pol/fr-model-2026.1.yaml"
expect_finding charter.official-version platforms/entraide-sante/$C 2 "a missing charter text"

done_testing
