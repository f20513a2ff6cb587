#!/bin/bash
# The schema walk: core.type, core.unknown-field, required fields.
. "$(dirname "$0")/lib.sh"

typed() { # typed FIELD VALUE: a sample with one extra line 3
	sample_case 'format: ppreg/1\nname: a\n%s: %s\n' "$1" "$2"
}
for good in "count 12" "amount 15.5" "flag true" "day 2026-11-23" "period P3Y" "color green" \
            "site https://example.org/x" "mail a@b.example" "country NO" \
            "digest $(printf x | sha256sum | cut -c1-64)"; do
	set -- $good
	typed "$1" "$2"
	ok $(printf '%s\n' "$OUT" | grep -c core.type) "$1: '$2' is accepted"
done
for bad in "count 1.5" "count 99999999999999999999" "amount abc" "amount .inf" "flag yes" "flag NO" \
           "day 2026-02-30" "day 23/11/2026" "period 3Y" "color blue" "site ftp://x.org" \
           "mail not-an-address" "country XX" "digest ABC" "note true" "items 5" \
           "site https://a..b" "site https://a-.fr" "mail a@-x.fr" "mail a@b.c"; do
	set -- $bad
	typed "$1" "$2"
	expect_finding core.type $F 3 "$1: '$2' is a core.type error"
done

sample_case 'format: ppreg/1\nname: a\nmeta: {anything: [1, 2]}\n'
expect_no_rule core.unknown-field "below an ANY field anything goes"

sample 'format: ppreg/1\nname: a\nnmae: b\n'
check_sample
expect_finding core.unknown-field $F 3 "an unknown key is reported"
expect_rc 0 "an unknown field is a warning"
check_sample --strict
expect_rc 1 "--strict makes the warning an error"
expect_grep - "^$F:3:1: error: core.unknown-field" "--strict shows it as an error"

sample_case 'format: ppreg/1\ncount: 1\n'
expect_finding coretest.name $F 1 "a missing required field is reported by its owner rule"

sample_case 'format: ppreg/1\nname: a\nitems:\n  - {id: x}\n  - {other: y}\n'
expect_finding core.type $F 5 "a required key of a list item (no owner rule: core.type)"
expect_finding core.unknown-field $F 5 "an unknown key of a list item"

# An empty list item is no item: a list of one holder and one `~` would
# otherwise pass as a list of two. Reported where it stands.
sample_case 'format: ppreg/1\nname: a\nitems:\n  - {id: x}\n  - ~\n'
expect_grep - "^$F:5:5: error: core.type: items\[\]: expected a mapping, got an empty item$" "a null list item is core.type at its line"
expect_rc 1 "a null list item: exit 1"
sample_case 'format: ppreg/1\nname: a\nitems: [{id: x}, null]\n'
expect_finding core.type $F 3 "a null item in a flow list"
sample_case 'format: ppreg/1\nname: a\nmeta: [~, ~]\n'
expect_no_rule core.type "null items below an ANY field are accepted"

# A required key given with no value is reported at that key's line, not at
# the mapping that holds it (for the root, 1:1 would point at nothing).
sample_case 'format: ppreg/1\ncount: 1\nname: ~\n'
expect_grep - "^$F:3:7: error: coretest.name: required field 'name' is empty$" "a required key with a null value: its owner rule at its line"

# A quoted empty string is one defect, reported once by the core: str()
# gives the plugin PPREG_BADTYPE, so it does not report it again.
sample_case 'format: ppreg/1\nname: ""\nevidence: ""\n'
expect_grep - "^$F:2:7: error: core.type: name: expected a non-empty string, got an empty string$" "a quoted empty string: core.type"
expect_no_rule coretest.evidence "a quoted empty string: the plugin reads it as of another type"

# A value the schema refused reads as of another type in the plugin, even
# through str(): the core's core.type is the one finding.
sample_case 'format: ppreg/1\nname: a\ncountry: FR\n'
expect_finding coretest.note $F 3 "a country the schema accepts reaches the plugin"
sample_case 'format: ppreg/1\nname: a\ncountry: XX\n'
expect_finding core.type $F 3 "a country the schema refuses: core.type"
expect_no_rule coretest.note "a country the schema refuses never reaches the plugin"

sample_case 'format: ppreg/2\nname: a\n'
expect_finding core.type $F 1 "format must be ppreg/1"

sample_case -- '- format: ppreg/1\n'
expect_finding core.type $F 1 "a declaration is a mapping"

# An empty collection closed before any other node (found by fuzz_yaml:
# the loader's child stack was still unallocated, UBSan's null offset).
for doc in '[]' '{}' ':[]x'; do
	sample_case -- "$doc\n"
	expect_rc 1 "a declaration '$doc': exit 1"
	expect_rule 'core\.(type|yaml-syntax)' "a declaration '$doc': core.type or core.yaml-syntax"
done

done_testing
