#!/bin/bash
# The YAML loader: positions, syntax errors, duplicate keys, limits,
# encoding, tags, merge keys, documents, non-string keys.
. "$(dirname "$0")/lib.sh"

sample_case 'format: ppreg/1\nname: ok\nflag: false\n'
expect_rc 1 "a finding of severity error exits 1"
expect_finding coretest.flag $F 3 "a plugin finding points at the value's line"
expect_grep - "^$F:3:7: error: coretest.flag: flag is false$" "file:line:column: severity: rule: message"

sample_case 'format: ppreg/1\nname: ok\n'
expect_rc 0 "a clean file exits 0"
expect_grep - '^== p: compliant$' "verdict compliant"

sample_case 'format: ppreg/1\nname: [unclosed\n'
expect_rc 1 "malformed YAML exits 1"
expect_finding core.yaml-syntax $F 3
expect_grep - '^== p: invalid$' "malformed YAML gives the verdict invalid"

sample_case 'format: ppreg/1\nname: a\ncount: 1\nname: b\n'
expect_finding core.duplicate-key $F 4 "duplicate key at the second occurrence"

sample_case 'format: ppreg/1\nname: a\nitems:\n  - {id: x, id: y}\n'
expect_finding core.duplicate-key $F 4 "duplicate key in a flow mapping"

{ printf 'format: ppreg/1\nname: a\nmeta: '; for i in $(seq 20); do printf '['; done; for i in $(seq 20); do printf ']'; done; echo; } >"$TMP/in"; sample_registry <"$TMP/in"
check_sample
expect_finding core.limits $F 3 "nesting past the policy's depth"

deep=$TMP/deep.yaml
{ printf 'format: ppreg/1\nname: a\nmeta: '; head -c 3000 /dev/zero | tr '\0' '['; echo; } >"$deep"
sample_registry <"$deep"
start=$(date +%s%N)
check_sample
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
expect_finding core.limits $F 3 "3000 nested lists stop at the depth limit"
diag "3000-deep nesting judged in ${elapsed} ms"

sample_registry <<'Y'
format: ppreg/1
name: a
meta:
  a: &a [x, x, x, x, x, x, x, x, x, x]
  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
  c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
Y
check_sample
expect_rule core.limits "an alias bomb crosses the alias or node limit"
expect_grep - 'core.limits: more than 4 aliases' "the alias limit is named"

sample_case 'format: ppreg/1\nname: a\nmeta: &r [*r]\n'
expect_finding core.yaml-syntax $F 3 "a recursive alias is refused"

{ printf 'format: ppreg/1\nname: a\nnote: '; head -c 5000 /dev/zero | tr '\0' 'x'; echo; } >"$TMP/in"; sample_registry <"$TMP/in"
check_sample
expect_finding core.limits $F 1 "a file over the size limit"

sample_case 'format: ppreg/1\nname: caf\xe9\n'
expect_finding core.encoding $F 2 "Latin-1 byte"
sample_case 'format: ppreg/1\nname: a\0b\n'
expect_finding core.encoding $F 2 "NUL byte"
sample_case 'format: ppreg/1\nname: \xc0\xaf\n'
expect_finding core.encoding $F 2 "overlong UTF-8"
sample_case 'format: ppreg/1\nname: "a\\0b"\n'
expect_finding core.encoding $F 2 "an escaped NUL in a quoted scalar"

sample_case '\xef\xbb\xbfformat: ppreg/1\r\nname: ok\r\n'
expect_rc 0 "a UTF-8 BOM and CRLF line ends are accepted"

sample_case 'format: ppreg/1\nname: !!binary aGVsbG8=\n'
expect_finding core.type $F 2 "a YAML tag is refused"
sample_case 'format: ppreg/1\nname: a\nmeta: !!python/object:os.system {a: 1}\n'
expect_finding core.type $F 3 "a python object tag is refused"

sample_case 'format: ppreg/1\nname: a\nitems:\n  - &x {id: a}\n  - <<: *x\n    id: b\n'
expect_finding core.type $F 5 "merge keys are refused"

sample_case 'format: ppreg/1\nname: a\n---\nformat: ppreg/1\n'
expect_finding core.yaml-syntax $F 3 "a second document is refused"

sample_case 'format: ppreg/1\nname: a\n1: x\n'
expect_finding core.type $F 3 "an integer key is refused"
sample_case 'format: ppreg/1\nname: a\n? [a, b]\n: x\n'
expect_finding core.type $F 3 "a list key is refused"

sample_case 'format: ppreg/1\nname: a\nitems:\n\t- {id: a}\n'
expect_rc 1 "a tab where YAML forbids it is an error, not a crash"

sample_case ''
expect_finding core.type $F 1 "an empty file is not a declaration"

done_testing
