#!/bin/sh
# Every charter.* rule broken alone in a copy of the compliant entraide-sante,
# asserting the rule id, its line and exit 1; the passing case; and the
# readings that keep a rule from firing (withdrawn partners, the renewal
# boundary).
. "$(dirname "$0")/../../lib/tap.sh"
. "$PPREG_TOP/tests/lib/breaks.sh"
C=charter.yaml
P=platforms/entraide-sante
ZEROS=0000000000000000000000000000000000000000000000000000000000000000

# no_echo TEXT DESCRIPTION: no line of the last report repeats TEXT.
no_echo() {
	expect_grep -vF "$1" "$2"
}
# count_rule RULE N DESCRIPTION: the last report has N findings of RULE.
count_rule() {
	expect_count -E ": (error|warning): $1: " "$2" "$3"
}

passes_clean charter.official-version charter.clauses charter.signed charter.renewal \
	charter.pseudonymous charter.unique

# charter.official-version
breaks "a charter version the policy does not list" $C 's/version: "2026-1", sha256/version: "2025-9", sha256/' \
	charter.official-version 2
breaks "a declared digest that is not the official text's" $C "s/sha256: \"[0-9a-f]{64}\"/sha256: \"$ZEROS\"/" \
	charter.official-version 2
breaks "an upper-case digest is not the official one" $C 's/sha256: "([0-9a-f]{64})"/sha256: "\U$1"/' \
	charter.official-version 2
breaks "no version declared" $C 's/charter: \{version: "2026-1", /charter: {/' charter.official-version 2
breaks "a phone number as the charter version" $C 's/version: "2026-1", sha256/version: "06 12 34 56 78", sha256/' \
	charter.official-version 2
no_echo "06 12 34 56 78" "charter.official-version does not repeat a phone number given as the version"
expect_finding charter.pseudonymous $P/$C 2 "... which charter.pseudonymous reports"
breaks "an e-mail address as the declared digest" $C 's/sha256: "[0-9a-f]{64}"/sha256: "jean.dupont\@example.org"/' \
	charter.official-version 2
no_echo "jean.dupont" "charter.official-version does not repeat an e-mail address given as the digest"
breaks "an unlisted version with a slug's shape" $C 's/version: "2026-1", sha256/version: "2025-9", sha256/' \
	charter.official-version 2
expect_grep - "charter version '2025-9' is not one the policy lists" "a version with an id's shape and no contact detail is named"

# charter.clauses
breaks "a clause missing" $C 's/no-promotion, alert-right\]\}\n  - \{partner: pp-c3d4/alert-right]}\n  - {partner: pp-c3d4/' \
	charter.clauses 6
expect_grep - "charter.clauses: the commitment of pp-a1b2 lacks the required clause no-promotion$" "the message names the partner and the clause"
breaks "no clause at all" $C 's/clauses: \[[^]]*\]\}\n$/clauses: []}\n/' charter.clauses 9
expect_grep - "lacks the required clauses confidentiality, professional-secrecy, neutrality, no-substitution, no-promotion, alert-right" "one finding lists every missing clause"
breaks "the second commitment lacks two clauses" $C 's/neutrality, no-substitution, no-promotion, alert-right\]\}\n\z/no-substitution, no-promotion]}\n/' \
	charter.clauses 9
expect_grep - "charter.clauses: the commitment of pp-c3d4 lacks the required clauses neutrality, alert-right$" "the later commitment's missing clauses, in the policy's order"
count_rule charter.clauses 1 "... and none for the first commitment, which has them all"
make_case
edit $P/$C 's/status: active, (charter_version: "2026-1", signed_on: 2026-08-02,.*\n.*\n)     clauses: \[[^]]*\]/status: withdrawn, $1     clauses: [confidentiality]/'
edit $P/transparency.yaml 's/total: 2/total: 1/; s/salaried: 1, volunteer: 1/salaried: 0, volunteer: 1/'
expect_no_rule charter.clauses "a withdrawn commitment is not asked for the clauses"
expect_rc 0 "a withdrawn commitment with one clause: exit 0"

# charter.signed
breaks "an older version signed" $C 's/charter_version: "2026-1", signed_on: 2026-08-02/charter_version: "2025-1", signed_on: 2026-08-02/' \
	charter.signed 7
breaks "an e-mail address as the signed version" $C 's/charter_version: "2026-1", signed_on: 2026-07-10/charter_version: "jean.dupont\@example.org", signed_on: 2026-07-10/' \
	charter.signed 4
no_echo "jean.dupont" "charter.signed does not repeat an e-mail address given as the version"
expect_grep - "charter.signed: signed another version than the current charter 2026-1" "... and says what is wrong without it"
breaks "signed before the effective date" $C 's/signed_on: 2026-08-02/signed_on: 2026-05-31/' charter.signed 7
breaks "signed after the as-of date" $C 's/signed_on: 2026-08-02/signed_on: 2026-11-24/' charter.signed 7
make_case
edit $P/$C 's/signed_on: 2026-08-02/signed_on: 2026-06-01/; s/signed_on: 2026-07-10/signed_on: 2026-11-23/'
expect_no_rule charter.signed "signed on the effective date and on the as-of date: both valid"
make_case
edit $P/$C 's/status: active, charter_version: "2026-1", signed_on: 2026-08-02/status: withdrawn, charter_version: "2025-1", signed_on: 2020-08-02/'
edit $P/transparency.yaml 's/total: 2/total: 1/; s/salaried: 1, volunteer: 1/salaried: 0, volunteer: 1/'
expect_no_rule charter.signed "a withdrawn partner need not sign the current version"
expect_no_rule charter.renewal "a withdrawn partner need not renew"
expect_rc 0 "a withdrawn old commitment: exit 0"

# charter.renewal: signed_on + P3Y must not be before the as-of date.
make_registry
check_reg --as-of 2029-08-03
expect_finding charter.renewal $P/$C 7 "signed 2026-08-02, as of 2029-08-03: older than P3Y"
expect_grep - "charter.renewal: signed on 2026-08-02: the signature was valid until 2029-08-02 (renewal every P3Y)" "the message gives the last valid day and the period"
check_reg --as-of 2029-07-11
expect_finding charter.renewal $P/$C 4 "signed 2026-07-10, as of 2029-07-11: older than P3Y"
expect_grep - "signed on 2026-07-10: the signature was valid until 2029-07-10 " "signed 2026-07-10: valid until 2029-07-10, the last valid day, not 'lapsed on' it"
check_reg --as-of 2029-07-10
expect_grep -v "$C:4:[0-9]*: error: charter.renewal" "signed 2026-07-10 is still valid as of 2029-07-10"
check_reg --as-of 2029-08-02
expect_grep -v "$C:7:[0-9]*: error: charter.renewal" "a signature exactly P3Y old (2026-08-02 as of 2029-08-02) is still valid"

# charter.pseudonymous
breaks "a partner by name" $C 's/partner: pp-c3d4/partner: Jean Dupont/' charter.pseudonymous 7
breaks "a partner by e-mail" $C 's/partner: pp-c3d4/partner: jean.dupont\@example.fr/' charter.pseudonymous 7
expect_grep -v "jean.dupont" "the finding does not repeat the e-mail address"
breaks "a partner by phone number" $C 's/partner: pp-c3d4/partner: "06 12 34 56 78"/' charter.pseudonymous 7
breaks "an upper-case pseudonym in training.yaml" training.yaml 's/partner: pp-c3d4, course/partner: PP-C3D4, course/' \
	charter.pseudonymous 19
breaks "a partner by name in training.yaml" training.yaml 's/partner: pp-c3d4, course/partner: Jean Dupont, course/' \
	charter.pseudonymous 19
breaks "a phone number in training.yaml" training.yaml 's/assessment: Written thesis/assessment: Call 06 12 34 56 78 for the written thesis/' \
	charter.pseudonymous 16
breaks "an international phone number in a course title" training.yaml 's/title: DU Partenariat patient/title: "DU Partenariat patient (+44 20 7946 0958)"/' \
	charter.pseudonymous 4
breaks "an e-mail anywhere in charter.yaml" $C 's/signed_on: 2026-07-10,/signed_on: 2026-07-10, note: "write to marie\@example.fr",/' \
	charter.pseudonymous 4
breaks "a name field in a commitment" $C 's/signed_on: 2026-07-10,/signed_on: 2026-07-10, name: Marie Curie,/' \
	charter.pseudonymous 4
expect_grep - "charter.pseudonymous: a 'name' field identifies the partner" "the message names the identity field"
breaks "an upper-case accented identity key" $C 's/signed_on: 2026-07-10,/signed_on: 2026-07-10, PRÉNOM: Jean,/' \
	charter.pseudonymous 4
breaks "TÉLÉPHONE as a key" $C 's/signed_on: 2026-07-10,/signed_on: 2026-07-10, TÉLÉPHONE: X,/' charter.pseudonymous 4
breaks "phone_number as a key" $C 's/signed_on: 2026-07-10,/signed_on: 2026-07-10, phone_number: X,/' charter.pseudonymous 4
breaks "family-name as a key" $C 's/signed_on: 2026-07-10,/signed_on: 2026-07-10, family-name: Dupont,/' charter.pseudonymous 4
breaks "Date of Birth as a key" $C 's/signed_on: 2026-07-10,/signed_on: 2026-07-10, Date of Birth: 1970-01-01,/' \
	charter.pseudonymous 4
breaks "a name nested in a commitment" $C 's/signed_on: 2026-07-10,/signed_on: 2026-07-10, contact: {name: Jean Dupont},/' \
	charter.pseudonymous 4
expect_grep - "charter.pseudonymous: a 'name' field identifies the partner" "the nested key is named"
breaks "a mobile phone nested in a list of a certification" training.yaml \
	's/obtained_on: 2025-06-30\}/obtained_on: 2025-06-30, contacts: [{mobile_phone: X}]}/' charter.pseudonymous 18
make_case
edit $P/$C 's/signed_on: 2026-07-10,/signed_on: 2026-07-10, extra: {note: renewed at the annual meeting},/'
expect_no_rule charter.pseudonymous "a nested key that identifies no one is no finding"
expect_rc 0 "an unknown nested field without identity: exit 0 (a core.unknown-field warning)"
breaks "an e-mail as a key" $C 's/^format: ppreg\/1\n/format: ppreg\/1\njean\@example.fr: x\n/' charter.pseudonymous 2

# Many partners, more than the plugin remembers answers of the pattern for
# (64): every fifth is no pseudonym, in charter.yaml and in training.yaml,
# where the same ids come back. Each is reported at its own line, and no
# other: a remembered answer is never another id's.
make_case
many=$(for i in $(seq 1000 1099); do
	if [ $((i % 5)) -eq 0 ]; then id="PP-$i"; else id="pp-$i"; fi
	printf '  - {partner: %s, status: withdrawn, partner_status: volunteer, charter_version: "2026-1", signed_on: 2026-07-10,\n     clauses: [confidentiality]}\n' "$id"
done)
certs=$(for i in $(seq 1000 1099); do
	if [ $((i % 5)) -eq 0 ]; then id="PP-$i"; else id="pp-$i"; fi
	printf '  - {partner: %s, course: du-partenariat-exemple, obtained_on: 2025-06-30}\n' "$id"
done)
printf '%s\n' "$many" >"$TMP/many"
printf '%s\n' "$certs" >"$TMP/certs"
edit $P/$C 'BEGIN { local $/; open my $f, "<", "'"$TMP/many"'" or die; $m = <$f> } s/\z/$m/'
edit $P/training.yaml 'BEGIN { local $/; open my $f, "<", "'"$TMP/certs"'" or die; $m = <$f> } s/^funded_training:/${m}funded_training:/m'
count_rule charter.pseudonymous 40 "100 more partners in both files, 20 of them upper case: 40 findings"
expect_finding charter.pseudonymous $P/$C 10 "PP-1000, the first added commitment, at its line"
expect_finding charter.pseudonymous $P/$C 200 "PP-1095, the last bad one, at its line"
expect_finding charter.pseudonymous $P/training.yaml 20 "PP-1000 in training.yaml, at its line"
expect_finding charter.pseudonymous $P/training.yaml 115 "PP-1095 in training.yaml, at its line"
expect_grep -vE "^$P/$C:(12|14|16|18):[0-9]+: error: charter.pseudonymous" "pp-1001 to pp-1004, pseudonyms after a bad id, are not reported"

# charter.pseudonymous in comments: the registry publishes the files as written.
breaks "a comment with contact details in charter.yaml" $C 's/\z/# contact jean.dupont\@example.org 0612345678\n/' \
	charter.pseudonymous 10
no_echo "jean.dupont" "the comment's e-mail address is not repeated"
no_echo "0612345678" "the comment's phone number is not repeated"
expect_grep - "^$P/$C:10:1: error: charter.pseudonymous: a comment holds an e-mail address" "reported at the comment's line and column"
breaks "a comment after a value" $C 's/signed_on: 2026-07-10,/signed_on: 2026-07-10,  # tel. 06 12 34 56 78/' \
	charter.pseudonymous 4
expect_grep - "^$P/$C:4:91: error: charter.pseudonymous: a comment holds a phone number" "an end-of-line comment is reported at its '#' (column 91)"
breaks "a comment with contact details in training.yaml" training.yaml 's/\z/  # ask jean.dupont\@example.org\n/' \
	charter.pseudonymous 23
no_echo "jean.dupont" "the training.yaml comment is not repeated"
breaks "a '#' inside a double-quoted scalar is text" $C 's/signed_on: 2026-07-10,/signed_on: 2026-07-10, note: "see # 06 12 34 56 78",/' \
	charter.pseudonymous 4
count_rule charter.pseudonymous 1 "... one finding, the scalar's, not a second for a comment"
breaks "a '#' inside a single-quoted scalar is text" $C "s/signed_on: 2026-07-10,/signed_on: 2026-07-10, note: 'l''avis # 06 12 34 56 78',/" \
	charter.pseudonymous 4
count_rule charter.pseudonymous 1 "... one finding"
breaks "a URL fragment is no comment" $C 's/signed_on: 2026-07-10,/signed_on: 2026-07-10, note: https:\/\/example.org\/p#0612345678,/' \
	charter.pseudonymous 4
count_rule charter.pseudonymous 1 "... one finding, the URL's"
breaks "a '#' in a block scalar is text" training.yaml 's/assessment: .*/assessment: |\n      Oral # 06 12 34 56 78\n      # and 07 12 34 56 78/' \
	charter.pseudonymous 16
count_rule charter.pseudonymous 1 "... one finding, the block scalar's"
breaks "a comment after a block scalar, less indented than its text" training.yaml \
	's/assessment: .*/assessment: >-\n        Oral defence\n      # 07 12 34 56 78/' charter.pseudonymous 18
count_rule charter.pseudonymous 1 "... is a comment, the only finding"
# The core reads the comments with its YAML parser (the API's comment()):
# comments libyaml eats inside a node's span are found, and a '#' line that
# an indentation indicator makes a block scalar's text is no comment.
breaks "a comment between an anchor and its value" $C 's/^commitments:/commitments: &all # tel. 06 12 34 56 78/m' \
	charter.pseudonymous 3
expect_grep - "^$P/$C:3:19: error: charter.pseudonymous: a comment holds a phone number" "... reported at its '#' (3:19)"
breaks "a comment after a block scalar's indicator" training.yaml 's/assessment: .*/assessment: > # 06 12 34 56 78\n      Oral defence/' \
	charter.pseudonymous 16
expect_grep - "^$P/training.yaml:16:19: error: charter.pseudonymous: a comment holds a phone number" "... reported at its '#' (16:19)"
breaks "a comment after accented letters" $C 's/signed_on: 2026-07-10,/signed_on: 2026-07-10, note: "été",  # 06 12 34 56 78/' \
	charter.pseudonymous 4
expect_grep - "^$P/$C:4:104: error: charter.pseudonymous: a comment holds a phone number" "... reported at its '#', the column in characters (4:104)"
breaks "a comment in a file of CR LF lines" $C 's/\n/\r\n/g; s/\z/# tel. 06 12 34 56 78\r\n/' charter.pseudonymous 10
expect_grep - "^$P/$C:10:1: error: charter.pseudonymous: a comment holds a phone number" "... reported at 10:1"
breaks "a '#' line of a block scalar with an indentation indicator is text" training.yaml \
	's/assessment: .*/assessment: |2\n          Oral defence\n        # 07 12 34 56 78/' charter.pseudonymous 16
count_rule charter.pseudonymous 1 "... one finding, the block scalar's, as YAML reads it"
make_case
edit $P/$C 's/\A/# Reviewed on 2026-07-10 (SIRET 81234567600017, #12)\n/; s/\z/# end  # of file\n/'
edit $P/training.yaml 's/\z/# Course DU-2026 #3, version 2026-1\n/'
expect_no_rule charter.pseudonymous "comments without contact details"
expect_rc 0 "comments without contact details: exit 0"

# charter.unique
breaks "a partner with two commitments" $C 's/partner: pp-c3d4/partner: pp-a1b2/' charter.unique 7
expect_grep - "charter.unique: pp-a1b2 already has a commitment at line 4" "the message names the first commitment's line"
make_case
edit $P/$C 's/partner: pp-c3d4, status: active/partner: pp-a1b2, status: withdrawn/'
edit $P/transparency.yaml 's/total: 2/total: 1/; s/salaried: 1, volunteer: 1/salaried: 0, volunteer: 1/'
expect_finding charter.unique $P/$C 7 "a withdrawn commitment of an active partner is still a second commitment"

# lapses: an active commitment is valid through signed_on + renewal (P3Y)
lapses "a commitment signed on 2023-12-20 lapses on 2026-12-20" $C 's/signed_on: 2026-07-10/signed_on: 2023-12-20/' \
	charter.renewal 4 2026-12-20 1
expect_rule charter.signed "(and is signed before the current version took effect)"
make_case
edit $P/$C 's/pp-c3d4, status: active, charter_version: "2026-1", signed_on: 2026-08-02/pp-c3d4, status: withdrawn, charter_version: "2026-1", signed_on: 2023-08-02/'
edit $P/transparency.yaml 's/total: 2/total: 1/; s/salaried: 1, volunteer: 1/salaried: 0, volunteer: 1/'
expect_grep -F "   valid until 2027-06-30 (transparency.funding, $P/transparency.yaml:5)" \
	"a withdrawn commitment signed in 2023 sets no lapse"

done_testing
