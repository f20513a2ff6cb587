#!/bin/bash
# A loaded plugin's schema files are declaration files (issue 19): one the
# policy's declaration_files does not list is still read and required,
# unless the plugin marks it optional (ppreg_plugin.optional_files), when
# its absence is the plugin's to judge.
. "$(dirname "$0")/lib.sh"

sed 's/- name: coretest/- name: coretest\n  - name: optfile/' "$TEST_POLICY" >"$TMP/policy.yaml"
grep -q 'declaration_files: \[sample.yaml\]' "$TMP/policy.yaml"
ok $? "the policy lists sample.yaml alone"
sample 'format: ppreg/1\nname: a\n'
run_ppreg check "$REG" --as-of "$AS_OF" --policy "$TMP/policy.yaml" --plugin-dir "$TEST_PLUGINS"
expect_rc 1 "a required file of a plugin, missing: exit 1, not compliant"
expect_finding core.missing-file platforms/p/req.yaml 1 "a plugin's file the policy does not list is required"
expect_grep -vF "opt.yaml:1:1: error: core.missing-file" "an optional file is no core.missing-file"
expect_finding optfile.absent platforms/p/opt.yaml 1 "the plugin judges the optional file's absence"

printf 'format: ppreg/1\nname: r\n' >"$REG/platforms/p/req.yaml"
printf 'format: ppreg/1\nname: o\nnope: 1\n' >"$REG/platforms/p/opt.yaml"
git -C "$REG" add -A && git -C "$REG" commit -q -m files
run_ppreg check "$REG" --as-of "$AS_OF" --policy "$TMP/policy.yaml" --plugin-dir "$TEST_PLUGINS"
expect_rc 0 "both files there: compliant"
expect_finding core.unknown-field platforms/p/opt.yaml 3 "a file the policy does not list is judged by its schema"
expect_grep -vF "optfile.absent" "and the plugin finds it"

# The policy may require an optional file.
sed 's/declaration_files: \[sample.yaml\]/declaration_files: [sample.yaml, opt.yaml]/' "$TMP/policy.yaml" >"$TMP/strict.yaml"
git -C "$REG" rm -q platforms/p/opt.yaml && git -C "$REG" commit -q -m no-opt
run_ppreg check "$REG" --as-of "$AS_OF" --policy "$TMP/strict.yaml" --plugin-dir "$TEST_PLUGINS"
expect_finding core.missing-file platforms/p/opt.yaml 1 "an optional file the policy lists is required"
done_testing
