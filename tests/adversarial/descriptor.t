#!/bin/bash
# A plugin descriptor is validated whole before the core follows any of its
# pointers or walks any of its counts: each attack is exit 2, one line that
# names the plugin, and no report.
. "$(dirname "$0")/../core/lib.sh"
HOSTILE=$PPREG_BUILD/tests/adversarial
sample 'format: ppreg/1\nname: a\n'

# refused ATTACK REGEX: a policy loading ATTACK (beside coretest) is refused.
refused() {
	sed "s/- name: coretest/- name: coretest\n  - name: $1/" "$TEST_POLICY" >"$TMP/policy.yaml"
	cp "$TEST_PLUGINS/coretest.so" "$HOSTILE/$1.so" "$TMP/" 2>/dev/null
	run_ppreg check "$REG" --policy "$TMP/policy.yaml" --plugin-dir "$TMP" --as-of "$AS_OF"
	expect_rc 2 "$1: exit 2"
	printf '%s\n' "$ERR" | grep -Eq "^ppreg check: .*plugin $1 .*$2"
	ok $? "$1: the error names the plugin and says '$2'"
	is "$(printf '%s\n' "$ERR" | wc -l)" 1 "$1: one line"
	is "$OUT" "" "$1: no report"
}
refused null_path "field 1 of sample.yaml has no path"
refused foreign_rule "field flag of sample.yaml reports under rule 'coretest.flag', which is not one of the plugin's rules"
refused many_fields "schema 0 is incomplete or has more than 4096 fields"
refused many_rules "rules and 1 schemas; at most 1024 and 64"
# `ppreg plugins` reads every descriptor of a folder: the same refusals.
run_ppreg plugins --plugin-dir "$TMP"
expect_rc 2 "plugins over a folder with a hostile descriptor: exit 2"

done_testing
