#!/bin/bash
# Processes: a check stopped by SIGTERM or SIGINT takes its workers and
# whatever a plugin started with it; a plugin's own children never outlive
# the run; a plugin that closes the worker's descriptors costs its platform
# a core.plugin-error naming it, whatever the number of jobs.
. "$(dirname "$0")/../core/lib.sh"
HOSTILE=$PPREG_BUILD/tests/adversarial
cp "$TEST_PLUGINS/coretest.so" "$HOSTILE/spawn_loop.so" "$HOSTILE/close_fds.so" "$TMP/"
policy() { # policy PLUGIN SECONDS: coretest and PLUGIN, plugin_seconds SECONDS
	sed -e "s/- name: coretest/- name: coretest\n  - name: $1/" -e "s/plugin_seconds: [0-9]*/plugin_seconds: $2/" \
		"$TEST_POLICY" >"$TMP/policy.yaml"
}
two_platforms() {
	sample 'format: ppreg/1\nname: a\nattack: yes\n'
	mkdir -p "$REG/platforms/q" && cp "$REG/platforms/p/sample.yaml" "$REG/platforms/q/" && commit
}
left() { pgrep -f -- "$REG" | wc -l; } # processes still running on this registry
trap 'pkill -9 -f -- "${REG:-/nonexistent}"; rm -rf "$TMP"' EXIT

for sig in TERM INT; do
	two_platforms
	policy spawn_loop 60
	# a background job of a script starts with SIGINT ignored, which ppreg
	# keeps ignoring: give it the default, as a terminal's job has
	env --default-signal=INT "$PPREG" check "$REG" --policy "$TMP/policy.yaml" --plugin-dir "$TMP" --as-of "$AS_OF" --jobs 2 \
		>"$TMP/out" 2>"$TMP/err" &
	pid=$!
	for i in $(seq 50); do [ "$(left)" -ge 5 ] && break; sleep 0.1; done
	is "$(left)" 5 "SIG$sig: ppreg, two workers and the plugin's two children are running"
	kill -"$sig" "$pid"
	wait "$pid"
	rc=$?
	[ "$rc" -gt 128 ]
	ok $? "SIG$sig: ppreg ends by the signal (status $rc)"
	for i in $(seq 30); do [ "$(left)" -eq 0 ] && break; sleep 0.1; done
	is "$(left)" 0 "SIG$sig: no worker and no plugin child is left running"
	is "$(cat "$TMP/out")" "" "SIG$sig: no partial report"
	pkill -9 -f -- "$REG"
done

# A plugin that starts a child and loops: the platform's time runs out, and
# the child dies with the worker instead of running on after the check.
two_platforms
policy spawn_loop 1
run_ppreg check "$REG" --policy "$TMP/policy.yaml" --plugin-dir "$TMP" --as-of "$AS_OF" --jobs 2
expect_rc 1 "a plugin that loops with a child: exit 1"
expect_finding core.plugin-error platforms/p 1 "a plugin that loops with a child: core.plugin-error"
sleep 0.2
is "$(left)" 0 "a plugin that loops with a child: nothing left running after the run"

# A plugin that closes every descriptor: its platform gets core.plugin-error
# naming it, with one job or two, run after run.
for jobs in 1 2 1 2; do
	two_platforms
	policy close_fds 10
	run_ppreg check "$REG" --policy "$TMP/policy.yaml" --plugin-dir "$TMP" --as-of "$AS_OF" --jobs $jobs
	expect_rc 1 "close_fds, --jobs $jobs: exit 1"
	is "$(printf '%s\n' "$OUT" | grep -c '^platforms/[pq]:1:1: error: core.plugin-error: plugin close_fds ')" 2 \
		"close_fds, --jobs $jobs: each platform gets core.plugin-error naming the plugin"
done

done_testing
