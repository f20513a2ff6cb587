#!/bin/bash
# A worker's memory is bounded by the policy's plugin_memory_mb for shared
# mappings too: a plugin that maps and fills 1 GiB of mmap(MAP_SHARED)
# memory, which the heap's limit (RLIMIT_DATA) does not count, is stopped
# at its allowance and its platform gets core.plugin-error.
. "$(dirname "$0")/../core/lib.sh"
cp "$TEST_PLUGINS/coretest.so" "$PPREG_BUILD/tests/adversarial/shared_hog.so" "$TMP/"
sed -e "s/- name: coretest/- name: coretest\n  - name: shared_hog/" \
	-e "s/plugin_seconds: [0-9]*/plugin_seconds: 20, plugin_memory_mb: 64/" "$TEST_POLICY" >"$TMP/policy.yaml"
sample 'format: ppreg/1\nname: a\nattack: yes\n'
run_ppreg check "$REG" --policy "$TMP/policy.yaml" --plugin-dir "$TMP" --as-of "$AS_OF" --jobs 1
expect_rc 1 "1 GiB of shared memory under a 64 MB allowance: exit 1"
expect_finding core.plugin-error platforms/p 1 "1 GiB of shared memory under a 64 MB allowance: core.plugin-error"
printf '%s\n' "$OUT" | grep -q "core.plugin-error: plugin shared_hog "
ok $? "1 GiB of shared memory under a 64 MB allowance: the finding names the plugin"
done_testing
