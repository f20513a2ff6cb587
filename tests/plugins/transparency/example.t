#!/bin/bash
# The example platform transparence-cachee hides its industry money, lets its
# partners perform regulated acts and accepts advertising without naming the
# advertisers: exactly those three findings, and nothing from another plugin.
. "$(dirname "$0")/../../lib/tap.sh"
P=platforms/transparence-cachee
T=$P/transparency.yaml

make_registry transparence-cachee
check_reg
expect_rc 1 "transparence-cachee is non-compliant"
expect_finding transparency.industry-links $T 7 "industry money with no declared link"
expect_finding transparency.no-substitution $T 20 "regulated acts"
expect_finding transparency.advertising $T 22 "advertising without advertisers"
n=$(printf '%s\n' "$OUT" | grep -c ': error: ')
is "$n" 3 "three errors in all"
printf '%s\n' "$OUT" | grep ': \(error\|warning\): ' | grep -qv ': transparency\.'
is $? 1 "no finding outside transparency.*"

done_testing
