#!/bin/bash
# A plugin that loops on every platform costs its time limit a few times,
# not once per platform: after limits.plugin_timeouts_in_a_row timeouts in
# a row (3 unless the policy says), it is not run again in the run, and each
# platform left gets core.plugin-error at once.
. "$(dirname "$0")/../core/lib.sh"
loops() { # loops N P...: platforms p01..pN, those given loop in coretest
	next_reg loops
	mkdir -p "$REG"
	printf 'format: ppreg/1\nname: test\nauthority: test\npolicy: coretest/1\n' >"$REG/registry.yaml"
	local n=$1; shift
	for i in $(seq -f %02g 1 "$n"); do
		mkdir -p "$REG/platforms/p$i"
		printf 'format: ppreg/1\nname: p%s\n' "$i" >"$REG/platforms/p$i/sample.yaml"
	done
	for p in "$@"; do printf 'note: loop\n' >>"$REG/platforms/p$p/sample.yaml"; done
	git init -q "$REG" && git -C "$REG" add -A && git -C "$REG" commit -q -m init
}
policy() { # policy SECONDS [IN_A_ROW]
	sed "s/plugin_seconds: [0-9]*/plugin_seconds: $1${2:+, plugin_timeouts_in_a_row: $2}/" \
		"$TEST_POLICY" >"$TMP/policy.yaml"
}
check_loops() { run_ppreg check "$REG" --policy "$TMP/policy.yaml" --plugin-dir "$TEST_PLUGINS" --as-of "$AS_OF" "$@"; }
overruns() { printf '%s\n' "$OUT" | grep -c 'core.plugin-error: plugin coretest did not finish within 1 s while'; }
given_up() { printf '%s\n' "$OUT" | grep -c 'core.plugin-error: plugin coretest was not run: it did not finish within 1 s on [0-9]* platforms in a row'; }

loops 6 01 02 03 04 05 06
policy 1 2
check_loops --jobs 1
expect_rc 1 "a plugin that loops on all 6 platforms: exit 1"
is "$(overruns)" 2 "it runs out of time on 2 platforms (the policy's number)"
is "$(given_up)" 4 "the 4 others get core.plugin-error at once"
printf '%s\n' "$OUT" | grep -q 'on 2 platforms in a row; its findings are missing'
ok $? "the finding says why the plugin was not run"
is "$(printf '%s\n' "$OUT" | grep -c '^== p[0-9]*: non-compliant')" 6 "every platform is non-compliant"

policy 1
check_loops --jobs 1
is "$(overruns)" 3 "without the number in the policy: 3 timeouts in a row"
is "$(given_up)" 3 "without the number in the policy: 3 given up"

check_loops --jobs 2
is "$(( $(overruns) + $(given_up) ))" 6 "--jobs 2: every platform gets one core.plugin-error"
[ "$(overruns)" -le 4 ]
ok $? "--jobs 2: at most one more timeout per worker than the number ($(overruns))"

# In a row: a platform the plugin finishes in between starts the count again.
loops 4 01 03
policy 1 2
check_loops --jobs 1
is "$(overruns)" 2 "timeouts with platforms judged in between: each one is run"
is "$(given_up)" 0 "timeouts with platforms judged in between: nothing given up"

sed "s/plugin_seconds: [0-9]*/plugin_seconds: 1, plugin_timeouts_in_a_row: 0/" "$TEST_POLICY" >"$TMP/policy.yaml"
check_loops
expect_rc 2 "plugin_timeouts_in_a_row: 0 is refused"
printf '%s\n' "$ERR" | grep -q "limits.plugin_timeouts_in_a_row must be an integer from 1 to 1000000"
ok $? "plugin_timeouts_in_a_row: 0 is refused with its range"

done_testing
