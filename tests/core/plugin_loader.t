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
printf '%s\n' "$ERR" | grep -q "not a regular file in the plugin directory"
ok $? "a missing plugin says where it was looked for"
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

run_ppreg plugins --plugin-dir "$TEST_PLUGINS"
expect_rc 2 "ppreg plugins: a directory with broken plugins exits 2"
printf '%s\n' "$OUT" | grep -q '^coretest 0.1.0 (ABI 1)'
ok $? "ppreg plugins lists the good plugin with version and ABI"
printf '%s\n' "$OUT" | grep -q 'coretest.flag'
ok $? "ppreg plugins lists its rules"
printf '%s\n' "$ERR" | grep -q 'plugin badabi'
ok $? "ppreg plugins names the broken one"

done_testing
