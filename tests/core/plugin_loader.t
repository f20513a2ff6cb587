#!/bin/bash
# The plugin loader: only by name from the plugin directory, descriptor
# checks, and a clear exit 2 naming the plugin that cannot be loaded.
. "$(dirname "$0")/lib.sh"

policy_with() { # policy_with NAME: a copy of the test policy loading NAME
	sed "s/- name: coretest/- name: $1/" "$TEST_POLICY" >"$TMP/policy.yaml"
}
sample 'format: ppreg/1\nname: a\n'

for bad in badabi nosym short absent; do
	policy_with "$bad"
	run_ppreg check "$REG" --policy "$TMP/policy.yaml" --plugin-dir "$TEST_PLUGINS" --as-of "$AS_OF"
	expect_rc 2 "$bad: exit 2"
	printf '%s\n' "$ERR" | grep -q "plugin $bad"
	ok $? "$bad: the error names the plugin"
	is "$(printf '%s\n' "$ERR" | wc -l)" 1 "$bad: one line"
	is "$OUT" "" "$bad: no partial report"
done
printf '%s\n' "$ERR" | grep -q "plugin absent is missing: no absent.so in the plugin directories ($TEST_PLUGINS)"
ok $? "a missing plugin says it is missing and where it was looked for"
policy_with badabi
run_ppreg check "$REG" --policy "$TMP/policy.yaml" --plugin-dir "$TEST_PLUGINS"
printf '%s\n' "$ERR" | grep -q "ABI version 99"
ok $? "the wrong ABI is stated"

for name in '../plugins/coretest' 'core.test' '/tmp/x'; do
	policy_with "'${name//\//\\/}'"
	run_ppreg check "$REG" --policy "$TMP/policy.yaml" --plugin-dir "$TEST_PLUGINS"
	expect_rc 2 "plugin name '$name' is refused"
	printf '%s\n' "$ERR" | grep -q "refused"
	ok $? "'$name': the refusal says why"
done

# A plugin outside the plugin directory is never loaded, even if it exists.
mkdir -p "$TMP/empty"
run_ppreg check "$REG" --policy "$TEST_POLICY" --plugin-dir "$TMP/empty"
expect_rc 2 "plugins load only from the configured directory"
PPREG_PLUGIN_DIR=$TEST_PLUGINS run_ppreg check "$REG" --policy "$TEST_POLICY" --as-of "$AS_OF"
expect_rc 0 "PPREG_PLUGIN_DIR sets the directory"

# --plugin-dir is a list searched in order; an empty element is the
# built-in folder, so one plugin is added without copying the others.
run_ppreg check "$REG" --policy "$TEST_POLICY" --plugin-dir "$TMP/empty:$TEST_PLUGINS" --as-of "$AS_OF"
expect_rc 0 "--plugin-dir A:B: a plugin found in B"
mkdir -p "$TMP/first" && cp "$PPREG_BUILD/tests/plugins/older.so" "$TMP/first/coretest.so"
run_ppreg check "$REG" --policy "$TEST_POLICY" --plugin-dir "$TMP/first:$TEST_PLUGINS" --as-of "$AS_OF"
printf '%s\n' "$ERR" | grep -q "$TMP/first/coretest.so"
ok $? "--plugin-dir A:B: A is searched first"
run_ppreg plugins --plugin-dir "$TMP/empty:"
printf '%s\n' "$OUT" | grep -q "^registration "
ok $? "an empty element stands for the built-in folder"
run_ppreg check "$REG" --policy "$TEST_POLICY" --plugin-dir "$TMP/empty:$TMP/links"
expect_rc 2 "the list holds plugins only from the folders it names"

# A symlink in the plugin directory is not followed.
mkdir -p "$TMP/links" && ln -s "$TEST_PLUGINS/coretest.so" "$TMP/links/coretest.so"
run_ppreg check "$REG" --policy "$TEST_POLICY" --plugin-dir "$TMP/links"
expect_rc 2 "a symlinked plugin is refused"

# A plugin that reports fail() stops the run with exit 2, not a finding.
sample 'format: ppreg/1\nname: a\nnote: fail\n'
check_sample
expect_rc 2 "a plugin failure exits 2"
printf '%s\n' "$ERR" | grep -q "plugin coretest: asked to fail"
ok $? "the failure names the plugin"
# The report is written platform by platform as they are judged, yet a
# failure after some were judged leaves no partial report: platforms a and
# b are judged before c fails, in every format and with any number of jobs.
sample 'format: ppreg/1\nname: a\n'
for p in a b; do mkdir -p "$REG/platforms/$p" && printf 'format: ppreg/1\nname: a\n' >"$REG/platforms/$p/sample.yaml"; done
mv "$REG/platforms/p" "$REG/platforms/c" && printf 'format: ppreg/1\nname: a\nnote: fail\n' >"$REG/platforms/c/sample.yaml"
git -C "$REG" add -A && git -C "$REG" commit -q -m three
for format in text json sarif junit; do
	for jobs in 1 2; do
		check_sample --format $format --jobs $jobs
		expect_rc 2 "a failure on the last platform, $format, --jobs $jobs: exit 2"
		if [ $format = text ]; then
			is "$OUT" "" "a failure on the last platform, $format, --jobs $jobs: no partial report"
		else # a whole document that says why, and no platform of the run
			printf '%s' "$OUT" | grep -q "asked to fail" &&
				! printf '%s' "$OUT" | grep -q '"id": "a"\|testsuite name="a"\|"rules"'
			ok $? "a failure on the last platform, $format, --jobs $jobs: a document of the failure alone"
		fi
	done
done

# setup() judges the policy once, before any platform: a refused policy
# is exit 2 even when no platform is to be judged, and nothing is reported.
policy_params() { # policy_params MAP: the test policy with coretest's params
	sed "s/- name: coretest/- name: coretest\n    params: $1/" "$TEST_POLICY" >"$TMP/policy.yaml"
}
policy_params '{setup: fail}'
run_ppreg check "$REG" --policy "$TMP/policy.yaml" --plugin-dir "$TEST_PLUGINS" --as-of "$AS_OF"
expect_rc 2 "setup refuses the policy: exit 2"
printf '%s\n' "$ERR" | grep -q "^ppreg check: policy .*policy.yaml: plugin coretest: asked to fail in setup$"
ok $? "setup's refusal names the policy and the plugin"
is "$OUT" "" "setup's refusal: no partial report"
next_reg reg
mkdir -p "$REG/platforms"
printf 'format: ppreg/1\nname: test\nauthority: test\npolicy: coretest/1\n' >"$REG/registry.yaml"
git init -q "$REG" && git -C "$REG" add -A && git -C "$REG" commit -q -m "no platform"
run_ppreg check "$REG" --policy "$TMP/policy.yaml" --plugin-dir "$TEST_PLUGINS" --as-of "$AS_OF"
expect_rc 2 "setup refuses the policy of a registry without platforms: exit 2"
policy_params '{}'
run_ppreg check "$REG" --policy "$TMP/policy.yaml" --plugin-dir "$TEST_PLUGINS" --as-of "$AS_OF"
expect_rc 0 "the same registry under a policy setup accepts: exit 0"
policy_params '{setup: report}'
sample 'format: ppreg/1\nname: a\n'
run_ppreg check "$REG" --policy "$TMP/policy.yaml" --plugin-dir "$TEST_PLUGINS" --as-of "$AS_OF"
expect_rc 2 "a finding reported in setup is a plugin defect: exit 2"
printf '%s\n' "$ERR" | grep -q "plugin coretest reported a finding in setup()"
ok $? "the defect is named"

# What setup() returns reaches every check() of the run, and is freed by
# teardown() (ASan and valgrind runs of this test see a leak otherwise).
policy_params '{greeting: bonjour}'
sample_registry </dev/null
mkdir -p "$REG/platforms/q" && printf 'format: ppreg/1\nname: b\n' >"$REG/platforms/q/sample.yaml"
printf 'format: ppreg/1\nname: a\n' >"$REG/platforms/p/sample.yaml"
git -C "$REG" add -A && git -C "$REG" commit -q -m two
for jobs in 1 2; do
	run_ppreg check "$REG" --policy "$TMP/policy.yaml" --plugin-dir "$TEST_PLUGINS" --as-of "$AS_OF" --jobs $jobs
	expect_rc 0 "state, --jobs $jobs: exit 0"
	is "$(printf '%s\n' "$OUT" | grep -c 'coretest.note: state: bonjour')" 2 \
		"state, --jobs $jobs: every platform's check sees setup's state"
done

# A plugin built before setup() existed loads and runs: the core reads no
# member past the descriptor's size (older.c fills setup with abort()).
sed "s/- name: coretest/- name: coretest\n  - name: older/" "$TEST_POLICY" >"$TMP/policy.yaml"
run_ppreg check "$REG" --policy "$TMP/policy.yaml" --plugin-dir "$TEST_PLUGINS" --as-of "$AS_OF"
expect_rc 0 "an older plugin, without setup: exit 0"
is "$(printf '%s\n' "$OUT" | grep -c 'warning: older.ran: older plugin judged')" 2 "an older plugin judges every platform"

# report_at: a finding at a line of a file of the folder, for what has no
# node (a comment); a path leaving the folder is placed at the folder.
sample 'format: ppreg/1\nname: a\nnote: at\n'
check_sample
printf '%s\n' "$OUT" | grep -q "^$F:7:3: warning: coretest.note: reported at a line$"
ok $? "report_at: the finding is at the line and column given"
sample 'format: ppreg/1\nname: a\nnote: at-escape\n'
check_sample
printf '%s\n' "$OUT" | grep -q "^platforms/p:1:1: warning: coretest.note: reported at a line$"
ok $? "report_at: a path leaving the folder is placed at the folder"

run_ppreg plugins --plugin-dir "$TEST_PLUGINS"
expect_rc 2 "ppreg plugins: a directory with broken plugins exits 2"
printf '%s\n' "$OUT" | grep -q '^coretest 0.1.0 (ABI 1)'
ok $? "ppreg plugins lists the good plugin with version and ABI"
printf '%s\n' "$OUT" | grep -q 'coretest.flag'
ok $? "ppreg plugins lists its rules"
printf '%s\n' "$ERR" | grep -q 'plugin badabi'
ok $? "ppreg plugins names the broken one"

# lapse: a last valid day the core keeps for a rule that is an error; a
# warning's bounds nothing; a rule not declared or a date that is none
# fails the check (exit 2), as a finding would.
sample 'format: ppreg/1\nname: a\nnote: lapse\n'
check_sample --format json
expect_rc 0 "a lapse: exit 0"
is "$(printf '%s' "$OUT" | python3 -c 'import json,sys; p=json.load(sys.stdin)["platforms"][0]; print(p["valid_until"], p["valid_until_set_by"])')" \
   "2027-02-28 {'rule': 'coretest.flag', 'file': '$F', 'line': 3}" "a lapse: valid_until with its rule, file and line"
check_sample
expect_grep -F "   valid until 2027-02-28 (coretest.flag, $F:3)" "a lapse: one line in the text"
sample 'format: ppreg/1\nname: a\nnote: lapse-warning\n'
check_sample --format json
printf '%s' "$OUT" | grep -q valid_until
ok $((!$?)) "the lapse of a warning rule is not kept"
check_sample --format json --strict
printf '%s' "$OUT" | grep -q '"valid_until": "2027-02-28"'
ok $? "under --strict it is an error, and kept"
sample 'format: ppreg/1\nname: a\nnote: lapse-foreign\n'
check_sample
expect_rc 2 "a lapse of a rule the plugin does not declare: exit 2"
printf '%s\n' "$ERR" | grep -q "plugin coretest reported a lapse of rule 'other.rule' it does not declare"
ok $? "a lapse of a foreign rule: the message names it"
sample 'format: ppreg/1\nname: a\nnote: lapse-invalid\n'
check_sample
expect_rc 2 "a lapse on 2027-02-29: exit 2"
printf '%s\n' "$ERR" | grep -q "plugin coretest reported a lapse of rule 'coretest.flag' on no real date"
ok $? "a lapse on no real date: the message says so"

done_testing
