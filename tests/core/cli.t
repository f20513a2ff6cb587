#!/bin/bash
# The command line: help, version, options, exit codes in every format.
. "$(dirname "$0")/lib.sh"

# The version is written once, in CMakeLists.txt's project(): --version
# and the pkg-config file both give that one.
version=$(sed -n 's/^project(ppreg VERSION \([0-9.]*\) .*/\1/p' "$PPREG_TOP/CMakeLists.txt")
run_ppreg --version
is "$OUT" "ppreg $version (plugin ABI 1)" "--version prints project()'s version"
grep -qx "Version: $version" "$PPREG_BUILD/ppreg-plugin.pc"
ok $? "the pkg-config file states project()'s version"
for cmd in check plugins rules; do
	run_ppreg $cmd --help
	expect_rc 0 "$cmd --help exits 0"
	printf '%s\n' "$OUT" | grep -q "^usage: ppreg $cmd"
	ok $? "$cmd --help prints its usage"
done
run_ppreg frobnicate
expect_rc 2 "an unknown command exits 2"
run_ppreg
expect_rc 2 "no command exits 2"

sample 'format: ppreg/1\nname: a\nflag: false\nnote: hello\n'
check_sample --bogus
expect_rc 2 "an unknown option exits 2"
check_sample --format xml
expect_rc 2 "an unknown format exits 2"
run_ppreg check "$REG" --as-of 2026-02-30 --policy "$TEST_POLICY" --plugin-dir "$TEST_PLUGINS"
expect_rc 2 "an impossible --as-of exits 2"
check_sample --platform nope
expect_rc 2 "an unknown --platform exits 2"

for fmt in text json tap; do
	check_sample --format "$fmt"
	expect_rc 1 "$fmt: a finding of severity error exits 1"
done
check_sample --format json
printf '%s' "$OUT" | python3 -c '
import json,sys
d=json.load(sys.stdin)
assert d["tool"]["name"]=="ppreg"
assert len(d["registry"]["commit"])==40
assert d["registry"]["policy"]["id"]=="coretest" and len(d["registry"]["policy"]["sha256"])==64
assert d["as_of"]=="2026-11-23"
p=d["platforms"][0]
assert p["id"]=="p" and p["verdict"]=="non-compliant"
f=[x for x in p["findings"] if x["rule"]=="coretest.flag"][0]
assert f=={"rule":"coretest.flag","severity":"error","file":"platforms/p/sample.yaml","line":3,"column":7,"message":"flag is false"}, f
w=[x for x in p["findings"] if x["rule"]=="coretest.note"][0]
assert w["severity"]=="warning"
assert d["summary"]=={"platforms":1,"compliant":0,"non_compliant":1,"invalid":0,"errors":1,"warnings":1}, d["summary"]
'
ok $? "json: the shape docs/workflow.md describes, with rule, severity, file, line, column"
check_sample --format tap
printf '%s\n' "$OUT" | grep -q '^not ok [0-9]* - p: coretest.flag$'
ok $? "tap: the failing rule is a failing test"
printf '%s\n' "$OUT" | grep -q '^ok [0-9]* - p: coretest.note$'
ok $? "tap: a warning passes"
printf '%s\n' "$OUT" | grep -q "^1\.\.$("$PPREG" rules --plugin-dir "$TEST_PLUGINS" 2>/dev/null | grep -c '^core\.\|^coretest\.')$"
ok $? "tap: one test per platform and rule of the catalog"

sample 'format: ppreg/1\nname: a\n'
for fmt in text json tap; do
	check_sample --format "$fmt"
	expect_rc 0 "$fmt: compliant exits 0"
done
run_ppreg rules coretest.flag --plugin-dir "$TEST_PLUGINS"
printf '%s\n' "$OUT" | grep -q 'legal source: test'
ok $? "rules RULE prints its legal source"
run_ppreg rules core.duplicate-key --plugin-dir "$TEST_PLUGINS"
printf '%s\n' "$OUT" | grep -q 'how to fix:'
ok $? "core rules are in the catalog"
run_ppreg rules no.such-rule --plugin-dir "$TEST_PLUGINS"
expect_rc 2 "an unknown rule exits 2"

# A policy the registry does not name, or a broken one: exit 2.
printf 'format: ppreg/1\nid: x\n' >"$TMP/bad-policy.yaml"
run_ppreg check "$REG" --policy "$TMP/bad-policy.yaml" --plugin-dir "$TEST_PLUGINS"
expect_rc 2 "an incomplete policy exits 2"
run_ppreg check "$REG" --policy "$TMP/none.yaml" --plugin-dir "$TEST_PLUGINS"
expect_rc 2 "a missing policy exits 2"
sed 's/^severity: {}/severity: {coretest.flag: off, core.unknown-field: error}/' "$TEST_POLICY" >"$TMP/sev.yaml"
sample 'format: ppreg/1\nname: a\nflag: false\nextra: 1\n'
run_ppreg check "$REG" --policy "$TMP/sev.yaml" --plugin-dir "$TEST_PLUGINS" --as-of "$AS_OF"
expect_no_rule coretest.flag "the policy can switch a rule off"
printf '%s\n' "$OUT" | grep -q ': error: core.unknown-field'
ok $? "the policy can raise a rule's severity"
sed 's/^severity: {}/severity: {no.such: off}/' "$TEST_POLICY" >"$TMP/sev2.yaml"
run_ppreg check "$REG" --policy "$TMP/sev2.yaml" --plugin-dir "$TEST_PLUGINS"
expect_rc 2 "a severity for an unknown rule is a policy error"

# registry.yaml names a policy with a path: refused.
sample 'format: ppreg/1\nname: a\n'
sed -i 's|^policy: .*|policy: ../../etc/x|' "$REG/registry.yaml" && commit
run_ppreg check "$REG" --plugin-dir "$TEST_PLUGINS"
expect_rc 2 "a policy reference with a path is refused"

# A policy cannot disarm the parser's limits: each has a ceiling.
for lim in "max_depth: 20000" "max_nodes: 99999999" "max_file_bytes: 2000000000" "max_depth: 0"; do
	sed "s/${lim%%:*}: [0-9]*/$lim/" "$TEST_POLICY" >"$TMP/lim.yaml"
	run_ppreg check "$REG" --policy "$TMP/lim.yaml" --plugin-dir "$TEST_PLUGINS" --as-of "$AS_OF"
	expect_rc 2 "a policy with $lim: exit 2"
	printf '%s\n' "$ERR" | grep -q "limits must be positive integers: max_file_bytes at most 1 GiB"
	ok $? "a policy with $lim: the ceilings are stated"
done

# An option given twice is a usage error, not a silent choice of the last.
for opt in "--as-of $AS_OF" "--jobs 2" "--policy $TEST_POLICY"; do
	check_sample $opt $opt
	expect_rc 2 "${opt%% *} given twice: exit 2"
	printf '%s\n' "$ERR" | grep -q "^ppreg check: ${opt%% *} given twice$"
	ok $? "${opt%% *} given twice: says so"
done

# --format repeats for several reports, but two of them on stdout is an error.
check_sample --format json --format json
expect_rc 2 "two reports on stdout: exit 2"
printf '%s\n' "$ERR" | grep -q "^ppreg check: --format json and --format json both write to stdout"
ok $? "two reports on stdout: says so"

# Flags too, and every command: only --platform (and --format) of check may repeat.
for opt in --strict --worktree --fail-on-plugin-error; do
	check_sample $opt $opt
	expect_rc 2 "check $opt given twice: exit 2"
	printf '%s\n' "$ERR" | grep -q "^ppreg check: $opt given twice$"
	ok $? "check $opt given twice: says so"
done
twice() { # CMD OPTION ARGS...: ppreg CMD ARGS with OPTION's pair given twice
	cmd=$1 opt=$2; shift 2
	run_ppreg "$cmd" "$@"
	expect_rc 2 "$cmd $opt given twice: exit 2"
	printf '%s\n' "$ERR" | grep -q "^ppreg $cmd: $opt given twice$"
	ok $? "$cmd $opt given twice: says so"
}
twice keygen --key --key "$TMP/a.key" --key "$TMP/b.key" --pubkey "$TMP/a.pub"
[ ! -e "$TMP/a.key" ] && [ ! -e "$TMP/b.key" ]
ok $? "keygen --key given twice: no key written"
twice keygen --algorithm --key "$TMP/a.key" --pubkey "$TMP/a.pub" --algorithm ed25519 --algorithm ecdsa-p256
twice hook --format pre-commit --format json --format text
twice hook --jobs pre-commit --jobs 2 --jobs 3
twice hook --strict pre-commit --strict --strict
twice hook --force install --force --force "$TMP/no-repository"
twice hook --hook install --hook update --hook pre-receive "$TMP/no-repository"
twice plugins --plugin-dir --plugin-dir "$TEST_PLUGINS" --plugin-dir "$TEST_PLUGINS"
twice rules --plugin-dir --plugin-dir "$TEST_PLUGINS" --plugin-dir "$TEST_PLUGINS"
run_ppreg hook pre-commit --jobs 0
expect_rc 2 "hook --jobs 0: exit 2"
printf '%s\n' "$ERR" | grep -q "^ppreg hook: --jobs must be between 1 and 1024$"
ok $? "hook --jobs 0: the range is stated, as check states it"
check_sample --jobs 1025
printf '%s\n' "$ERR" | grep -q "^ppreg check: --jobs must be between 1 and 1024$"
ok $? "check --jobs 1025: the range is stated"
check_sample --platform a --platform b
printf '%s\n' "$ERR" | grep -q "given twice"
[ $? -ne 0 ]
ok $? "check --platform may repeat"

# `ppreg help COMMAND` is `ppreg COMMAND --help`.
for cmd in check attest verify keygen hook plugins rules; do
	run_ppreg help $cmd
	expect_rc 0 "ppreg help $cmd: exit 0"
	printf '%s\n' "$OUT" | head -1 | grep -q "^usage: ppreg $cmd"
	ok $? "ppreg help $cmd: the command's usage"
done

done_testing
