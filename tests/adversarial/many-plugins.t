#!/bin/bash
# A policy lists at most 64 plugins: a platform's worker remembers the
# plugins that crashed on it as the bits of a 64-bit mask, and with 65 a
# crash of the 65th shifted past the mask and was retried forever.
. "$(dirname "$0")/../core/lib.sh"
sample 'format: ppreg/1\nname: a\n'
many() { # many N: the test policy listing coretest and N-1 other names
	cp "$TEST_POLICY" "$TMP/policy.yaml"
	for i in $(seq 2 "$1"); do printf '  - name: extra%02d\n' "$i" >>"$TMP/policy.yaml"; done
}
many 65
run_ppreg check "$REG" --policy "$TMP/policy.yaml" --plugin-dir "$TEST_PLUGINS" --as-of "$AS_OF"
expect_rc 2 "65 plugins: exit 2"
printf '%s\n' "$ERR" | grep -q "^ppreg check: policy $TMP/policy.yaml:[0-9]*: 'plugins' lists more plugins than the 64 a policy may list$"
ok $? "65 plugins: the policy's line and the limit are stated"
many 64
run_ppreg check "$REG" --policy "$TMP/policy.yaml" --plugin-dir "$TEST_PLUGINS" --as-of "$AS_OF"
expect_rc 2 "64 plugins: past the count, the first missing one is named"
printf '%s\n' "$ERR" | grep -q "plugin extra02"
ok $? "64 plugins: the count is accepted"
done_testing
