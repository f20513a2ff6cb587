#!/bin/sh
# ppreg expiring (issue 21, item 2): exactly the lapses whose last valid day
# is on or before as-of + --within, the window's last day included; those
# before the as-of date marked lapsed; sorted by date; exit 1 when one is
# listed, 0 when none, 2 on bad options. entraide-sante's lapses as of
# 2026-11-23: funding 2027-06-30 (transparency.yaml:5: 2026 is due after
# the grace of fr-model 2026.2, P6M), HDS 2028-01-31
# (gdpr.yaml:19), alert counts 2028-06-30 (alert.yaml:4), DPIA 2029-01-15
# (gdpr.yaml:22), authorization 2029-06-30 (registration.yaml:26),
# commitments and their countersignatures 2029-07-10/15 and 2029-08-02/03
# (charter.yaml:4, :5, :7, :8).
. "$(dirname "$0")/../lib/tap.sh"
P=platforms/entraide-sante
facts() { printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(" ".join("%s/%s/%s:%d/%s/%s" % (f["last_valid_day"], f["platform"], f["file"].split("/")[-1], f["line"], f["rule"], f["status"])
               for f in d["facts"]))'; }

make_registry entraide-sante formation-courte
run_ppreg expiring "$REG" --as-of 2026-11-23 --within P219D
expect_rc 1 "a lapse on the window's last day (2027-06-30 = 2026-11-23 + P219D) is inside: exit 1"
expect_grep -F "2027-06-30 lapses  entraide-sante: transparency.funding ($P/transparency.yaml:5)" "the text row: date, status, platform, rule, file:line"
expect_count -E '^[0-9]{4}-' 2 "one row per platform: the funding year of each"
expect_grep -F "2 facts: 0 lapsed before 2026-11-23, 2 lapse from 2026-11-23 to 2027-06-30 (P219D)" "the summary names the window"

run_ppreg expiring "$REG" --as-of 2026-11-23 --within P218D
expect_rc 0 "a lapse the day after the window's last day is outside: exit 0"
expect_count -E '^[0-9]{4}-' 0 "no row"

run_ppreg expiring "$REG" --as-of 2026-11-23 --within P3Y --platform entraide-sante --format json
expect_rc 1 "P3Y --format json: exit 1"
is "$(facts)" "2027-06-30/entraide-sante/transparency.yaml:5/transparency.funding/lapses \
2028-01-31/entraide-sante/gdpr.yaml:19/gdpr.hds-hosting/lapses \
2028-06-30/entraide-sante/alert.yaml:4/alert.counts/lapses \
2029-01-15/entraide-sante/gdpr.yaml:22/gdpr.dpia/lapses \
2029-06-30/entraide-sante/registration.yaml:26/registration.authorization/lapses \
2029-07-10/entraide-sante/charter.yaml:4/charter.renewal/lapses \
2029-07-15/entraide-sante/charter.yaml:5/charter.joint-signature/lapses \
2029-08-02/entraide-sante/charter.yaml:7/charter.renewal/lapses \
2029-08-03/entraide-sante/charter.yaml:8/charter.joint-signature/lapses" "every dated fact up to 2029-11-23, sorted by date"
run_ppreg expiring "$REG" --as-of 2026-11-23 --within P2Y8M8D --platform entraide-sante --format json
is "$(facts | wc -w)" 7 "up to 2029-07-31: the 2029-08-02 renewal is not listed"

run_ppreg expiring "$REG" --as-of 2028-01-31 --within P0D --platform entraide-sante --format json
is "$(facts)" "2028-01-31/entraide-sante/gdpr.yaml:19/gdpr.hds-hosting/lapses" \
	"P0D on the certificate's last day: it still holds (lapses), and is the one row"
run_ppreg expiring "$REG" --as-of 2028-02-01 --within P0D --platform entraide-sante
expect_grep -F "2028-01-31 lapsed  entraide-sante: gdpr.hds-hosting ($P/gdpr.yaml:19)" "the day after, the certificate is marked lapsed"
expect_rc 1 "a lapsed fact: exit 1"

# sorted by date across platforms, then by platform
edit $P/gdpr.yaml 's/valid_until: 2028-01-31/valid_until: 2026-12-15/'
commit
run_ppreg expiring "$REG" --as-of 2026-11-23 --within P219D --format json
is "$(facts)" "2026-12-15/entraide-sante/gdpr.yaml:19/gdpr.hds-hosting/lapses \
2027-06-30/entraide-sante/transparency.yaml:5/transparency.funding/lapses \
2027-06-30/formation-courte/transparency.yaml:5/transparency.funding/lapses" "sorted by date, then platform"
run_ppreg expiring "$REG" --as-of 2026-11-23 --within P219D --rev HEAD~1 --format json
is "$(facts | wc -w)" 2 "--rev reads an older revision"

edit $P/gdpr.yaml 's/valid_until: 2026-12-15/valid_until: 2026-12-01/'
run_ppreg expiring "$REG" --as-of 2026-11-23 --within P8D --worktree --platform entraide-sante
expect_grep -F "2026-12-01 lapses  entraide-sante: gdpr.hds-hosting" "--worktree reads the working files"
expect_count -E '^[0-9]{4}-' 1 "and only the lapse in its window"
git -C "$REG" checkout -q -- .

# a rule the policy makes a warning bounds no verdict: its lapse is not listed
mkdir -p "$TMP/pol" && cp -R "$PPREG_TOP/policies/charters" "$TMP/pol/"
perl -0pe 's/^severity: \{\}/severity: {gdpr.hds-hosting: warning}/m' "$PPREG_TOP/policies/fr-model-2026.2.yaml" >"$TMP/pol/p.yaml"
run_ppreg expiring "$REG" --as-of 2026-11-23 --within P219D --policy "$TMP/pol/p.yaml" --platform entraide-sante
expect_grep -vF "gdpr.hds-hosting" "the lapse of a rule that is a warning under the policy is not listed"

for bad in "" "--within 90D" "--within PT5H" "--within P90D --within P1D" "--within P90D --format tap" \
           "--within P9000Y" "--within P90D --rev HEAD --worktree"; do
	run_ppreg expiring "$REG" --as-of 2026-11-23 $bad
	expect_rc 2 "expiring $bad: usage error, exit 2"
done
run_ppreg expiring "$TMP/nowhere" --within P1D
expect_rc 2 "no registry: exit 2"
done_testing
