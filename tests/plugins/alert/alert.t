#!/bin/bash
# Every alert.* rule (draft L.1191-5) broken alone in a compliant copy of
# entraide-sante, asserting the rule, the line and exit 1; and the edits
# that must still pass. The lapse of alert.counts is in lapse.t.
. "$(dirname "$0")/../../lib/tap.sh"
. "$PPREG_TOP/tests/lib/breaks.sh"
A=alert.yaml
P=platforms/entraide-sante

passes_clean alert.authority alert.procedure alert.counts

# authority: one of the policy's values (model: minister)
breaks "an ARS alone" $A 's/authority: minister/authority: ars/' alert.authority 2
expect_grep -F "alerts go to 'ars', not to an authority the policy names (minister)" "the message names the policy's authorities"
passes "the minister, with a copy to the ARS" $A 's/(authority: minister\n)/$1copies_to: [ars]\n/' alert.authority
breaks "the ARS, with a copy to the minister" $A 's/authority: minister\n/authority: ars\ncopies_to: [minister]\n/' alert.authority 2
breaks "a blank copy" $A 's/(authority: minister\n)/$1copies_to: [ars, " "]\n/' alert.authority 3
breaks "the service itself" $A 's/authority: minister/authority: service/' alert.authority 2
breaks "the minister named in free text" $A 's/authority: minister/authority: Ministère chargé de la santé/' alert.authority 2
breaks "the value in capitals" $A 's/authority: minister/authority: MINISTER/' alert.authority 2
breaks "a blank authority" $A 's/authority: minister/authority: " "/' alert.authority 2
breaks "no authority" $A 's/authority: minister\n//' alert.authority 1

# Under 2026.2 transparency.alert-channel keeps judging what users are shown
# and alert.authority what the service does: each is broken alone.
make_case
edit $P/transparency.yaml 's/alert_channel: \{shown_at: https:/alert_channel: {shown_at: http:/'
expect_rule transparency.alert-channel "an http:// page of the right of alert: transparency.alert-channel"
expect_no_rule alert.authority "an http:// page of the right of alert: no alert.authority"
make_case
edit $P/$A 's/authority: minister/authority: ars/'
expect_no_rule transparency.alert-channel "an ARS alone in alert.yaml: transparency.alert-channel is silent"

# procedure: filed as evidence, hashed
breaks "a tampered digest" $A 's/sha256: "0fe4/sha256: "1fe4/' alert.procedure 3
breaks "a digest in upper case" $A 's/sha256: "0fe439a38effbce6/sha256: "0FE439A38EFFBCE6/' alert.procedure 3
breaks "a procedure not filed" $A 's/procedure-alerte.pdf/procedure-alerte-2027.pdf/' alert.procedure 3
breaks "a procedure outside evidence/" $A 's/path: evidence\/procedure-alerte.pdf/path: registration.yaml/' alert.procedure 3
breaks "a procedure escaping with ../" $A 's/path: evidence\/procedure-alerte.pdf/path: ..\/alerte-ars-seule\/evidence\/procedure-alerte.pdf/' alert.procedure 3
breaks "a procedure by absolute path" $A 's/path: evidence\/procedure-alerte.pdf/path: \/etc\/passwd/' alert.procedure 3
breaks "a procedure without its digest" $A 's/, sha256: "0fe4[0-9a-f]*"//' alert.procedure 3
breaks "no procedure" $A 's/procedure: .*\n//' alert.procedure 1

# counts: the previous year's, once its grace period has run (model: P6M)
breaks "the previous year missing" $A 's/  - \{year: 2025.*\n//' alert.counts 4
expect_grep -F "no counts of alerts declared for 2025, due since 2026-07-01" "the message gives the year and its due date"
breaks "no count at all" $A 's/counts:\n(  - .*\n)*/counts: []\n/' alert.counts 4
breaks "no counts key" $A 's/counts:\n(  - .*\n)*//' alert.counts 1
breaks "a year declared twice" $A 's/year: 2024/year: 2025/' alert.counts 7
breaks "more passed on than received" $A 's/received: 3, passed_on: 3/received: 3, passed_on: 4/' alert.counts 6
breaks "a negative count received" $A 's/received: 3, passed_on: 3/received: -3, passed_on: 0/' alert.counts 6
breaks "a negative count passed on" $A 's/received: 3, passed_on: 3/received: 3, passed_on: -1/' alert.counts 6
breaks "counts for a year after the as-of date" $A 's/year: 2024/year: 2027/' alert.counts 7
breaks "year 0" $A 's/year: 2024/year: 0/' alert.counts 7
breaks "an entry without passed_on" $A 's/, passed_on: 3//' alert.counts 6
passes "a year before the window may go" $A 's/  - \{year: 2024.*\n//' alert.counts
passes "the counts of the year under way may be left out" $A 's/  - \{year: 2026.*\n//' alert.counts
passes "no alert at all is a count of zero" $A 's/received: 3, passed_on: 3/received: 0, passed_on: 0/' alert.counts
passes "fewer passed on than received" $A 's/received: 3, passed_on: 3/received: 3, passed_on: 2/' alert.counts

# Values of the wrong shape are the core's (core.type), judged no further.
breaks "an entry that is a number" $A 's/(counts:\n)/$1  - 3\n/' core.type 5
breaks "an authority that is a list" $A 's/authority: minister/authority: [minister]/' core.type 2
breaks "a procedure that is a path" $A 's/procedure: .*/procedure: evidence\/procedure-alerte.pdf/' core.type 3
breaks "counts that are a mapping" $A 's/counts:\n(  - .*\n)*/counts: {2025: 3}\n/' core.type 4
breaks "a year that is text" $A 's/year: 2024/year: two thousand/' core.type 7
only_rule core.type "a year that is text: no alert.counts finding besides"

# An entity created this year owes no count for the years before.
make_case
edit $P/registration.yaml 's/  # created_on: 2019-04-02 .*/  created_on: 2026-01-05/'
edit $P/$A 's/counts:\n(  - .*\n)*/counts: []\n/'
expect_no_rule alert.counts "created in 2026: no count owed for 2025"
expect_rc 0 "created in 2026, no count: exit 0"
make_case
edit $P/registration.yaml 's/  # created_on: 2019-04-02 .*/  created_on: 2025-12-30/'
edit $P/$A 's/  - \{year: 2025.*\n//'
expect_finding alert.counts $P/$A 4 "created on 2025-12-30: the counts of 2025 are owed"

done_testing
