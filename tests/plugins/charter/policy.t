#!/bin/sh
# The policy gives charter its numbers and its official text. An edited,
# missing or misnamed official text, or a malformed parameter, is the
# policy's failure: nothing is judged (exit 2). A regulator's new text with
# its new digest is a platform's finding until the platform adopts it.
. "$(dirname "$0")/../../lib/tap.sh"
C=charter.yaml
P=platforms/entraide-sante

# policy PERL_EXPR: a copy of the model policy and its charter text in
# $TMP/pol, its YAML edited; POLICY names it.
policy() {
	rm -rf "$TMP/pol"
	cp -R "$PPREG_TOP/policies" "$TMP/pol"
	POLICY=$TMP/pol/fr-model-2026.2.yaml
	TEXT=$TMP/pol/charters/2026-1.md
	perl -0pi -e "$1" "$POLICY"
}
# fails DESCRIPTION MESSAGE_REGEX: the last check stopped with exit 2 and said why.
fails() {
	expect_rc 2 "$1: exit 2"
	printf '%s\n' "$ERR" | grep -Eq "$2"
	local s=$?
	ok $s "$1: says '$2'"
	[ $s -eq 0 ] || diag "stderr was:" "$ERR"
	expect_no_rule 'charter\.[a-z-]+' "$1: no finding of a charter rule"
}

make_registry
policy ''
check_reg --policy "$POLICY"
expect_rc 0 "a copy of the model policy beside its text: exit 0"

# The official text edited beside the policy, the platform unchanged.
policy ''
perl -0pi -e 's/Confidentialité/Discrétion/' "$TEXT"
check_reg --policy "$POLICY"
fails "an edited official text" "policy charter text digest mismatch: charters/2026-1.md"

# ... even when no platform is judged: a --changed range that touches
# none, or a registry that has none yet (the policy is judged before any
# platform, by the plugin's setup).
policy ''
perl -0pi -e 's/Confidentialité/Discrétion/' "$TEXT"
printf 'notes\n' >"$REG/NOTES.txt"
git -C "$REG" add NOTES.txt && git -C "$REG" commit -q -m notes
check_reg --policy "$POLICY" --changed HEAD~1..HEAD
fails "an edited official text, --changed touching no platform" "policy charter text digest mismatch"
is "$OUT" "" "an edited official text, --changed touching no platform: no report"
git -C "$REG" rm -q -r platforms && git -C "$REG" commit -q -m "no platform"
check_reg --policy "$POLICY"
fails "an edited official text, a registry without platforms" "policy charter text digest mismatch"
make_registry

# One byte more is an edit too.
policy ''
printf '\n' >>"$TEXT"
check_reg --policy "$POLICY"
fails "a newline added to the official text" "policy charter text digest mismatch"

policy ''
rm "$TEXT"
check_reg --policy "$POLICY"
fails "a missing official text" "charter text charters/2026-1.md \\(version 2026-1\\) is missing beside the policy"

policy ''
rm "$TEXT"
ln -s "$PPREG_TOP/policies/charters/2026-1.md" "$TEXT"
check_reg --policy "$POLICY"
fails "the official text as a symbolic link" "must be a regular file inside the policy's folder"

policy 's/text: charters\/2026-1.md/text: ..\/policies\/charters\/2026-1.md/'
check_reg --policy "$POLICY"
fails "a text path leaving the policy's folder" "must be a regular file inside the policy's folder"

policy 's/sha256: "[0-9a-f]{64}"/sha256: "0000000000000000000000000000000000000000000000000000000000000000"/'
check_reg --policy "$POLICY"
fails "a policy listing another digest than its text's" "policy charter text digest mismatch"

policy 's/sha256: "[0-9a-f]{64}"/sha256: "not-a-digest"/'
check_reg --policy "$POLICY"
fails "a malformed digest in the policy" "charters\\[0\\] needs version, text, effective_on"

policy 's/current_version: "2026-1"/current_version: "2027-1"/'
check_reg --policy "$POLICY"
fails "a current version the policy does not list" "current_version 2027-1 is not in charter.params.charters"

policy 's/renewal: P3Y/renewal: three years/'
check_reg --policy "$POLICY"
fails "a renewal that is not a duration" "charter.params.renewal must be an ISO-8601 duration"

policy 's/ *pseudonym_pattern: .*\n//'
check_reg --policy "$POLICY"
fails "no pseudonym pattern" "pseudonym_pattern must be a POSIX extended regular expression"

policy 's/pseudonym_pattern: .*/pseudonym_pattern: "^pp-[a-z"/'
check_reg --policy "$POLICY"
fails "a pseudonym pattern that does not compile" "pseudonym_pattern must be a POSIX extended regular expression"

policy 's/required_clauses: \[[^]]*\]/required_clauses: []/'
check_reg --policy "$POLICY"
fails "no required clause" "required_clauses must be a non-empty list"

# A regulator's new text: the policy lists it with its digest and makes it
# current. The platform still declares the old digest: a finding, exit 1.
policy ''
printf '\nArticle ajouté par le régulateur.\n' >>"$TEXT"
NEW=$(sha256sum "$TEXT" | cut -d' ' -f1)
perl -0pi -e "s/sha256: \"[0-9a-f]{64}\"/sha256: \"$NEW\"/" "$POLICY"
check_reg --policy "$POLICY"
expect_finding charter.official-version $P/$C 2 "a platform declaring the digest of a text the policy replaced"
expect_rc 1 "an outdated declared digest: exit 1"
edit $P/$C "s/sha256: \"[0-9a-f]{64}\"/sha256: \"$NEW\"/"
commit
check_reg --policy "$POLICY"
expect_no_rule charter.official-version "the platform adopts the new text's digest"
expect_rc 0 "the new text adopted: exit 0"

# The numbers come from the policy.
make_registry
policy 's/renewal: P3Y/renewal: P5M/'
edit $P/$C 's/signed_on: 2026-08-02/signed_on: 2026-06-15/'
commit
check_reg --policy "$POLICY"
expect_finding charter.renewal $P/$C 7 "signed 2026-06-15 under a P5M renewal, as of 2026-11-23"
expect_no_rule "charter.renewal: signed on 2026-07-10" "signed 2026-07-10 under a P5M renewal is still valid"

make_registry
policy 's/required_clauses: \[/required_clauses: [training-completed, /'
check_reg --policy "$POLICY"
expect_finding charter.clauses $P/$C 6 "a clause the policy adds is required of every active commitment"
expect_finding charter.clauses $P/$C 9 "... of the second one too"

policy 's/pseudonym_pattern: .*/pseudonym_pattern: "^partner-[0-9]+\$"/'
check_reg --policy "$POLICY"
expect_finding charter.pseudonymous $P/$C 4 "pp-a1b2 does not match a policy's ^partner-[0-9]+\$"
expect_finding charter.pseudonymous $P/training.yaml 18 "... nor in training.yaml"

# Under a pattern that admits upper case, ids differing only in case are one
# partner: a pseudonym is compared without case for uniqueness.
make_registry
policy 's/pseudonym_pattern: .*/pseudonym_pattern: "^pp-[a-zA-Z0-9]{4,32}\$"/'
edit $P/$C 's/partner: pp-c3d4/partner: pp-A1B2/'
commit
check_reg --policy "$POLICY"
expect_finding charter.unique $P/$C 7 "pp-A1B2 beside pp-a1b2 under ^pp-[a-zA-Z0-9]{4,32}\$ is a second commitment"
expect_no_rule charter.pseudonymous "... and pp-A1B2 is a pseudonym of that policy"
make_registry
edit $P/$C 's/partner: pp-c3d4/partner: pp-C3D4/'
edit $P/training.yaml 's/partner: pp-c3d4/partner: pp-C3D4/'
edit $P/transparency.yaml 's/partner: pp-c3d4/partner: pp-C3D4/'
commit
check_reg --policy "$POLICY"
expect_no_rule charter.unique "pp-C3D4 beside pp-a1b2: two partners"
expect_rc 0 "upper-case pseudonyms a policy admits: exit 0"

policy 's/current_version: "2026-1"\n      charters:\n/current_version: "2026-1"\n      charters:\n        - {version: "2025-1", text: charters\/2026-1.md, effective_on: 2025-01-01,\n           sha256: "OFFICIAL"}\n/'
perl -0pi -e "s/sha256: \"OFFICIAL\"/sha256: \"$(sha256sum "$TEXT" | cut -d' ' -f1)\"/" "$POLICY"
make_registry
edit $P/$C 's/charter: \{version: "2026-1"/charter: {version: "2025-1"/'
commit
check_reg --policy "$POLICY"
expect_no_rule charter.official-version "an older version the policy still lists may be the one adopted"
expect_rc 0 "an older listed version: exit 0"

# The parameters of 2026.2: malformed, the run stops; a status added to
# signing_statuses must sign.
make_registry
policy 's/signing_statuses: \[volunteer, benevolent\]/signing_statuses: [volunteer, trainee]/'
check_reg --policy "$POLICY"
fails "a status signing_statuses does not know" "charter.params.signing_statuses\[1\] is not one of salaried, volunteer, benevolent"
policy 's/signing_statuses: \[volunteer, benevolent\]/signing_statuses: volunteer/'
check_reg --policy "$POLICY"
fails "signing_statuses as a text" "charter.params.signing_statuses must be a list"
policy 's/require_missions: true/require_missions: yes please/'
check_reg --policy "$POLICY"
fails "require_missions in words" "charter.params.require_missions must be true or false"
policy 's/require_countersignature: true/require_countersignature: 1/'
check_reg --policy "$POLICY"
fails "require_countersignature as a number" "charter.params.require_countersignature must be true or false"
policy 's/signing_statuses: \[volunteer, benevolent\]/signing_statuses: [salaried, volunteer, benevolent]/'
edit $P/$C 's/charter_version: "2026-1", signed_on: 2026-08-02, //'
commit
check_reg --policy "$POLICY"
expect_finding charter.signed $P/$C 7 "a policy that has salaried partners sign asks pp-c3d4 to sign"
policy 's/require_missions: true/require_missions: false/'
check_reg --policy "$POLICY"
expect_no_rule charter.missions "require_missions: false is off"

done_testing
