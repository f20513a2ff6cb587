#!/bin/bash
# A country code the core types wrong (core.type) is the core's alone:
# gdpr.transfers judges only the codes the core accepts (a value the core
# refused reads as of another type through plugin.h). Every code from AA to
# ZZ is declared as a host country, one a line, and each line must give
# exactly one verdict: core.type (not assigned), gdpr.transfers (assigned,
# outside the EEA, no mechanism) or nothing (the EEA), never two.
. "$(dirname "$0")/../../lib/tap.sh"
G=gdpr.yaml
P=platforms/entraide-sante

codes=$(for a in A B C D E F G H I J K L M N O P Q R S T U V W X Y Z; do
	for b in A B C D E F G H I J K L M N O P Q R S T U V W X Y Z; do printf '%s%s ' $a $b; done; done)
make_registry
list=$(for code in $codes; do printf '\\n      - %s' "$code"; done)
edit $P/$G "s/countries: \\[FR\\]/countries:$list/"
commit
check_reg
expect_rc 1 "676 codes: exit 1"
# The line of the first code: the line after `countries:`.
first=$(($(grep -n '^    countries:$' "$REG/$P/$G" | cut -d: -f1) + 1))
printf '%s\n' "$OUT" | awk -F: -v f="$P/$G" -v first="$first" '
	$1 == f && $2 >= first && $2 < first + 676 && $5 ~ /^ (core\.type|gdpr\.transfers)$/ {
		n[$2]++; r[$2] = r[$2] $5
	}
	END { for (l in n) if (n[l] > 1) { print "line " l ":" r[l]; bad = 1 } exit bad }' >"$TMP/both"
ok $? "no code is both core.type and gdpr.transfers"
[ -s "$TMP/both" ] && diag "$(cat "$TMP/both")"
verdict() { # verdict CODE: the rules reported at the line of CODE
	local i=0 c
	for c in $codes; do [ "$c" = "$1" ] && break; i=$((i + 1)); done
	printf '%s\n' "$OUT" | grep "^$P/$G:$((first + i)):" | sed 's/.*: \(error\|warning\): \([a-z.-]*\): .*/\2/' | tr '\n' ' '
}
is "$(verdict XX)" "core.type " "XX (not assigned): core.type alone"
is "$(verdict AA)" "core.type " "AA (not assigned): core.type alone"
is "$(verdict US)" "gdpr.transfers " "US (assigned, outside the EEA): gdpr.transfers alone"
is "$(verdict IN)" "gdpr.transfers " "IN: gdpr.transfers alone"
is "$(verdict FR)" "" "FR (EEA): nothing"
is "$(verdict NO)" "" "NO (Norway, EEA): nothing"
n=$(printf '%s\n' "$OUT" | grep -c ': gdpr\.transfers: ')
is "$n" 219 "219 assigned codes outside the EEA (249 assigned, 30 in the EEA)"

# Lower case and unassigned codes, alone and in a transfer entry.
for bad in xx fr XX; do
	make_registry
	edit $P/$G "s/countries: \\[FR\\]/countries: [FR, $bad]/"
	commit
	check_reg
	expect_finding core.type $P/$G 17 "host country $bad: core.type"
	expect_no_rule gdpr.transfers "host country $bad: no gdpr.transfers"
	expect_rc 1 "host country $bad: exit 1"
done
make_registry
edit $P/$G 's/countries: \[FR\]/countries: [FR, XX]/; s/transfers_outside_eea: \[\]/transfers_outside_eea: [{country: XX, mechanism: adequacy}]/'
commit
check_reg
expect_finding core.type $P/$G 21 "a transfer to XX: core.type"
expect_no_rule gdpr.transfers "a transfer to XX under adequacy: no gdpr.transfers"
make_registry
edit $P/$G 's/transfers_outside_eea: \[\]/transfers_outside_eea: [{country: XX, mechanism: contract}]/'
commit
check_reg
expect_finding gdpr.transfers $P/$G 21 "a transfer to XX with an unknown mechanism: the mechanism is still judged"

done_testing
