#!/bin/bash
# Lapse dates (issue 22, items 1 and 2): every dated fact a verdict rests on
# gives its last valid day; check's JSON and text give each platform the
# earliest (valid_until, with the rule, file and line that set it), attest
# never signs past it and records the lapses, and verify names the lapse
# that ended an attestation. For each kind of lapse: the JSON, the
# attestation signed on 2026-12-04 --valid-for P3Y, verify on the last
# valid day (valid) and the day after (refused, naming the lapse), and
# check --as-of those two days of the attested commit (passes, then fails).
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
SIGNED=2026-12-04
POL=$PPREG_TOP/policies/fr-model-2026.2.yaml
mkdir -p "$TMP/pol/charters"
cp "$PPREG_TOP"/policies/charters/* "$TMP/pol/charters/"
# policy NAME SEVERITIES [PERL]: the shipped policy with `severity:` set to
# SEVERITIES (the rules whose lapses would come first switched off), then
# changed by PERL; PF is its path.
policy() {
	PF=$TMP/pol/$1.yaml
	perl -0pe "s/^severity: \{\}/severity: {$2}/m; ${3:-}" "$POL" >"$PF"
}
json_field() { printf '%s' "$OUT" | python3 -c '
import json, sys
p = [p for p in json.load(sys.stdin)["platforms"] if p["id"] == "entraide-sante"][0]
print(eval(sys.argv[1]))' "$1"; }
pred() { payload_of "$1" | python3 -c '
import json, sys
p = json.load(sys.stdin)["predicate"]["ppreg"]
print(eval(sys.argv[1]))' "$2"; }
day_after() { python3 -c 'import datetime, sys; print(datetime.date.fromisoformat(sys.argv[1]) + datetime.timedelta(days=1))' "$1"; }

# lapse_kind NAME RULE FILE LINE DAY: with the registry $REG and policy $PF
# set up, the platform's earliest lapse is DAY, set by RULE at FILE:LINE.
lapse_kind() {
	local name=$1 rule=$2 file=platforms/entraide-sante/$3 line=$4 day=$5 next
	next=$(day_after "$5")
	check_reg --policy "$PF" --as-of "$SIGNED" --format json
	expect_rc 0 "$name: compliant as of $SIGNED"
	is "$(json_field 'p["valid_until"], p["valid_until_set_by"]')" \
	   "('$day', {'rule': '$rule', 'file': '$file', 'line': $line})" "$name: check's JSON: valid_until $day, set by $rule"
	check_reg --policy "$PF" --as-of "$SIGNED"
	expect_grep -F "   valid until $day ($rule, $file:$line)" "$name: check's text says it in one line"

	run_ppreg attest "$REG" --key "$K/k.pem" --platform entraide-sante --as-of "$SIGNED" --valid-for P3Y \
		--policy "$PF" -o "$TMP/$name.json"
	expect_rc 0 "$name: attest --valid-for P3Y"
	is "$(pred "$TMP/$name.json" 'p["valid_until"], p["valid_until_reason"]')" "('$day', 'lapse')" \
	   "$name: the attestation is valid until $day, the lapse's day"
	is "$(pred "$TMP/$name.json" '[l for l in p["lapses"] if l["rule"] == "'"$rule"'"][0]')" \
	   "{'file': '$file', 'last_valid_day': '$day', 'line': $line, 'rule': '$rule'}" "$name: predicate.ppreg.lapses records it"

	run_ppreg verify "$TMP/$name.json" --pubkey "$K/p.pem" --as-of "$day"
	expect_rc 0 "$name: verify on the last valid day $day: valid"
	run_ppreg verify "$TMP/$name.json" --pubkey "$K/p.pem" --as-of "$next"
	expect_rc 1 "$name: verify on $next: refused"
	expect_err "expired: valid until $day, as of $next: the last valid day of $rule \\($file:$line\\)$" \
		"$name: verify names the lapse"
	is "$(printf '%s\n' "$ERR" | wc -l)" 1 "$name: one line"

	check_reg --policy "$PF" --as-of "$day"
	expect_rc 0 "$name: check --as-of $day passes"
	check_reg --policy "$PF" --as-of "$next"
	expect_rc 1 "$name: check --as-of $next fails"
	expect_rule "$rule" "$name: by $rule"
}

# transparency.funding: 2026 becomes due after the grace of fr-model 2026.2
# (P6M after its 31 December), and is not declared.
make_registry
policy model ""
lapse_kind funding transparency.funding transparency.yaml 5 2027-06-30

# The same once 2026 is declared: 2027 is next due.
make_registry
edit platforms/entraide-sante/transparency.yaml 's/(funding:\n)/$1  - {year: 2026, source: Service revenue, kind: revenue, amount_eur: 90000}\n/'
commit
policy funding-2027 "gdpr.hds-hosting: off, alert.counts: off"
lapse_kind funding-2027 transparency.funding transparency.yaml 5 2028-06-30

# gdpr.hds-hosting: the certificate's valid_until (the issue's example).
make_registry
policy hds "transparency.funding: off"
lapse_kind hds gdpr.hds-hosting gdpr.yaml 19 2028-01-31

# registration.authorization: expires_on.
make_registry
edit platforms/entraide-sante/registration.yaml 's/expires_on: 2029-06-30/expires_on: 2027-01-15/'
commit
lapse_kind authorization registration.authorization registration.yaml 26 2027-01-15

# gdpr.dpia: done_on + the policy's max_dpia_age (P3Y).
make_registry
edit platforms/entraide-sante/gdpr.yaml 's/done_on: 2026-01-15/done_on: 2024-03-20/'
commit
policy dpia "transparency.funding: off"
lapse_kind dpia gdpr.dpia gdpr.yaml 22 2027-03-20

# charter.renewal: an active commitment's signed_on + the policy's renewal.
make_registry
policy renewal "transparency.funding: off" 's/renewal: P3Y/renewal: P1Y/'
lapse_kind renewal charter.renewal charter.yaml 4 2027-07-10

# alert.counts (policy 2026.2): the day before the next year's counts fall
# due, 30 June with the model's P6M (2026 undeclared: 2027-06-30).
make_registry
edit platforms/entraide-sante/alert.yaml 's/  - \{year: 2026.*\n//'
commit
policy alert "transparency.funding: off"
lapse_kind alert-counts alert.counts alert.yaml 4 2027-06-30

# A requested validity shorter than every lapse: reason "requested".
make_registry
run_ppreg attest "$REG" --key "$K/k.pem" --platform entraide-sante --as-of "$SIGNED" --valid-for P7D -o "$TMP/short.json"
expect_rc 0 "attest --valid-for P7D"
is "$(pred "$TMP/short.json" 'p["valid_until"], p["valid_until_reason"], len(p["lapses"]) > 0')" \
   "('2026-12-11', 'requested', True)" "a shorter request sets valid_until; the lapses are still recorded"
run_ppreg verify "$TMP/short.json" --pubkey "$K/p.pem" --as-of 2026-12-12
expect_err "expired: valid until 2026-12-11, as of 2026-12-12$" "an attestation the request ended names no lapse"

# A lapse whose rule the policy makes a warning bounds nothing: check
# passes on the day after.
policy warn "transparency.funding: warning, gdpr.hds-hosting: off, alert.counts: off"
check_reg --policy "$PF" --as-of "$SIGNED" --format json
is "$(json_field 'p["valid_until"], p["valid_until_set_by"]["rule"]')" "('2029-01-15', 'gdpr.dpia')" \
   "a warning's lapse is not kept (funding is a warning)"

# An authorization with no expires_on (issue 22 item 3 allows no term)
# reports no lapse: with every other dated rule off, no valid_until at all.
make_registry
edit platforms/entraide-sante/registration.yaml 's/, expires_on: 2029-06-30//'
commit
policy none "transparency.funding: off, gdpr.hds-hosting: off, gdpr.dpia: off, charter.renewal: off, charter.joint-signature: off, alert.counts: off"
check_reg --policy "$PF" --as-of "$SIGNED" --format json
is "$(json_field '"valid_until" in p, "valid_until_set_by" in p')" "(False, False)" \
   "no dated fact bounds the verdict: no valid_until key"
check_reg --policy "$PF" --as-of "$SIGNED"
expect_grep -v "valid until" "nor a valid until line in the text"

# A lapse already past (the platform is non-compliant) is still shown.
make_registry
edit platforms/entraide-sante/registration.yaml 's/expires_on: 2029-06-30/expires_on: 2026-12-01/'
commit
check_reg --as-of "$SIGNED"
expect_rc 1 "an authorization expired on 2026-12-01: non-compliant"
expect_grep -F "   valid until 2026-12-01 (registration.authorization, platforms/entraide-sante/registration.yaml:26)" \
	"the lapse that ended it is the platform's valid_until"

done_testing
