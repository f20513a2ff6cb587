#!/bin/bash
# Hostile declarations under the real model policy (1 MiB, depth 32, 64
# aliases, 100 000 nodes), each in registration.yaml of an otherwise
# compliant platform: every one gives its documented rule and exit 1, never a
# crash (a crash or a hang over $PPREG_TIMEOUT seconds stops the in-process
# runner, which fails the test).
. "$(dirname "$0")/../lib/tap.sh"
R=platforms/entraide-sante/registration.yaml
E=$PPREG_TOP/registry/platforms/entraide-sante/registration.yaml

# hostile NAME RULE GENERATOR: GENERATOR's output replaces registration.yaml,
# judged in process (make_case in tests/lib/tap.sh).
hostile() {
	make_case
	case_file "$R"
	eval "$3" >"$REG/$R"
	expect_rc 1 "$1: exit 1"
	expect_grep -E "^$R:[0-9]+:[0-9]+: error: $2: " "$1: $2 at a line of registration.yaml"
}

hostile "100 000 nested lists" core.limits "printf 'format: ppreg/1\nx: '; head -c 100000 /dev/zero | tr '\0' '['"
hostile "2 000 nested mappings" core.limits "for i in \$(seq 0 2000); do printf '%*sa:\n' \$i ''; done"
hostile "billion laughs" core.limits "printf 'format: ppreg/1\na: &a [x,x,x,x,x,x,x,x,x,x]\n'; for i in \$(seq 1 9); do printf 'b%d: &b%d [' \$i \$i; p=a; [ \$i -gt 1 ] && p=b\$((i-1)); for j in \$(seq 10); do printf '*%s,' \$p; done; printf 'x]\n'; done"
hostile "a 50 MB file" core.limits "printf 'format: ppreg/1\nx: \"'; head -c 50000000 /dev/zero | tr '\0' 'a'; printf '\"\n'"
hostile "one 10 MB scalar" core.limits "printf 'format: ppreg/1\nx: '; head -c 10000000 /dev/zero | tr '\0' 'a'"
hostile "120 000 nodes" core.limits "printf 'format: ppreg/1\n'; seq 1 60000 | sed 's/^/k/; s/\$/: 1/'"
hostile "a NUL byte" core.encoding "printf 'format: ppreg/1\nx: a\0b\n'"
hostile "Latin-1" core.encoding "printf 'format: ppreg/1\nx: caf\xe9\n'"
hostile "overlong UTF-8" core.encoding "printf 'format: ppreg/1\nx: \xc0\xaf\n'"
hostile "UTF-16" core.encoding "printf '\xff\xfef\0o\0'"
hostile "a tab in the indentation" core.yaml-syntax "printf 'format: ppreg/1\nplatform:\n\tid: x\n'"
hostile "two documents" core.yaml-syntax "cat '$E'; printf -- '---\nformat: ppreg/1\n'"
hostile "a !!binary tag" core.type "sed 's/name: Entraide Santé SAS/name: !!binary aGVsbG8=/' '$E'"
hostile "a !!python/object tag" core.type "sed 's/^contact: /contact: !!python\/object:os.system /' '$E'"
hostile "a merge key" core.type "sed 's/^contact: {email: /contact: {<<: {a: 1}, email: /' '$E'"
hostile "an integer key" core.type "cat '$E'; echo '12: x'"
hostile "a duplicate key" core.duplicate-key "cat '$E'; echo 'domains: [research]'"
hostile "2026-02-30" core.type "sed 's/granted_on: 2026-07-01/granted_on: 2026-02-30/' '$E'"
hostile "malformed YAML" core.yaml-syntax "sed 's/^domains: \[care-pathways, education\]/domains: [care-pathways, education/' '$E'"

# Numbers that overflow: an integer and a decimal.
make_case
edit platforms/entraide-sante/transparency.yaml 's/total: 2/total: 99999999999999999999/; s/price_eur: 90/price_eur: 1e999/'
expect_finding core.type platforms/entraide-sante/transparency.yaml 16 "an integer past 64 bits is core.type"
expect_finding core.type platforms/entraide-sante/transparency.yaml 22 "1e999 is core.type"
expect_rc 1 "overflowing numbers: exit 1"

# CRLF and a BOM are fine.
make_case
case_file "$R"
{ printf '\xef\xbb\xbf'; sed 's/$/\r/' "$E"; } >"$REG/$R"
expect_rc 0 "CRLF line ends and a UTF-8 BOM are accepted"

# A symlink in the platform folder, in place of a declaration.
make_registry
rm "$REG/$R" && ln -s ../../registry.yaml "$REG/$R"
commit
check_reg
expect_rc 1 "a symlinked declaration: exit 1"
expect_finding core.tree-entry "$R" 1 "a symlinked declaration is a core.tree-entry"

done_testing
