#!/bin/sh
# ppreg diff --policy OLD --policy NEW (issue 21, item 4): the platforms
# whose verdict or rules change under a draft policy, with the rules that
# appear (+), disappear (-) or change severity (~); the others not named.
. "$(dirname "$0")/../lib/tap.sh"
POL=$PPREG_TOP/policies/fr-model-2026.2.yaml
mkdir -p "$TMP/pol" && cp -R "$PPREG_TOP/policies/charters" "$TMP/pol/"
# draft NAME PERL: the shipped policy changed by PERL, in $TMP/pol/NAME.yaml
draft() { perl -0pe "$2" "$POL" >"$TMP/pol/$1.yaml"; }

make_registry entraide-sante formation-courte pairs-invalides
draft hours 's/min_course_hours: 40/min_course_hours: 10/; s/version: "?2026.2"?/version: 2026.9/'
run_ppreg diff --policy "$POL" --policy "$TMP/pol/hours.yaml" "$REG" --as-of "$AS_OF"
expect_rc 0 "exit 0"
expect_grep -F "== formation-courte: non-compliant -> non-compliant" "the platform whose rules change"
expect_grep -F "   - training.course-hours (error -> none)" "the rule that disappears"
expect_grep -vF "entraide-sante" "a platform judged alike is not named"
expect_grep -vF "pairs-invalides" "nor another"
expect_grep -F "3 platforms: 0 change verdict, 1 change rules (policy fr-model/2026.2 -> fr-model/2026.9" "the summary"

draft dpia 's/max_dpia_age: P3Y/max_dpia_age: P6M/; s/^severity: \{\}/severity: {registration.siret: warning}/m'
run_ppreg diff --policy "$POL" --policy "$TMP/pol/dpia.yaml" "$REG" --as-of "$AS_OF" --format json
is "$(printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(" ".join("%s:%s>%s:%s" % (p["id"], p["verdict_from"], p["verdict_to"], ",".join("%s/%s/%s>%s" % (r["rule"], r["change"], r["from"], r["to"]) for r in p["rules"])) for p in d["platforms"]), d["summary"])')" \
"entraide-sante:compliant>non-compliant:gdpr.dpia/appears/none>error \
formation-courte:non-compliant>non-compliant:gdpr.dpia/appears/none>error \
pairs-invalides:non-compliant>non-compliant:gdpr.dpia/appears/none>error,registration.siret/severity/error>warning \
{'platforms': 3, 'verdicts_changed': 1, 'changed': 3}" "JSON: verdicts and rules that appear or change severity, per platform"

run_ppreg diff --policy "$POL" --policy "$TMP/pol/dpia.yaml" "$REG" --as-of "$AS_OF" --platform pairs-invalides
expect_grep -F "   ~ registration.siret (error -> warning)" "a severity changed"
expect_grep -vF "entraide-sante" "--platform keeps the platforms named"

run_ppreg diff --policy "$POL" --policy "$POL" --policy "$POL" "$REG"
expect_rc 2 "three --policy: exit 2"
run_ppreg diff --policy "$POL" --policy "$TMP/nowhere.yaml" "$REG"
expect_rc 2 "a policy that cannot be read: exit 2"
run_ppreg diff --policy "$POL" --policy "$POL" "$REG" HEAD~1..HEAD
expect_rc 2 "two --policy and a range: exit 2"
done_testing
