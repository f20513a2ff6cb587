#!/bin/bash
# Plugin isolation and parallel judging: a plugin that crashes, aborts,
# exits or loops on one platform costs that platform a core.plugin-error
# finding; the other platforms are judged, and the output is the same for
# any --jobs.
. "$(dirname "$0")/lib.sh"

# many_registry NOTE...: platforms p01.. (12, or $MANY) with one sample
# each; the given platform numbers get "note: <how>".
many_registry() {
	next_reg many
	mkdir -p "$REG"
	printf 'format: ppreg/1\nname: test\nauthority: test\npolicy: coretest/1\n' >"$REG/registry.yaml"
	for i in $(seq -w 1 "${MANY:-12}"); do
		mkdir -p "$REG/platforms/p$i"
		printf 'format: ppreg/1\nname: p%s\n' "$i" >"$REG/platforms/p$i/sample.yaml"
	done
	printf 'flag: false\n' >>"$REG/platforms/p03/sample.yaml"
	while [ $# -gt 0 ]; do
		printf 'note: %s\n' "$2" >>"$REG/platforms/p$1/sample.yaml"
		shift 2
	done
	git init -q "$REG" && git -C "$REG" add -A && git -C "$REG" commit -q -m init
}

for how in segv abort exit loop; do
	many_registry 05 "$how"
	start=$(date +%s)
	check_sample --jobs 2
	expect_rc 1 "$how: the run goes on and exits 1"
	expect_finding core.plugin-error platforms/p05 1 "$how: the platform gets core.plugin-error"
	printf '%s\n' "$OUT" | grep -q "core.plugin-error: plugin coretest "
	ok $? "$how: the finding names the plugin"
	is "$(printf '%s\n' "$OUT" | grep -c '^== p[0-9]*: ')" 12 "$how: all 12 platforms are reported"
	is "$(printf '%s\n' "$OUT" | grep -c '^== p[0-9]*: compliant')" 10 "$how: the 10 others keep their verdict"
	expect_finding coretest.flag platforms/p03/sample.yaml 3 "$how: other platforms' findings stand"
	diag "$how handled in $(( $(date +%s) - start )) s"
	check_sample --jobs 2 --fail-on-plugin-error
	expect_rc 2 "$how: --fail-on-plugin-error exits 2"
	printf '%s\n' "$ERR" | grep -q "platforms/p05: plugin coretest"
	ok $? "$how: and names the platform and the plugin"
done

# A worker holds a window of several platforms: a crash or an overrun costs
# only the platform being judged; the others it held are judged again.
many_registry 02 loop 05 segv 06 exit 11 abort
check_sample --jobs 1
expect_rc 1 "several failures in one worker's window: exit 1"
for p in 02 05 06 11; do
	expect_finding core.plugin-error "platforms/p$p" 1 "p$p gets core.plugin-error"
done
printf '%s\n' "$OUT" | grep -q "core.plugin-error: plugin coretest did not finish within"
ok $? "the loop is named as an overrun"
is "$(printf '%s\n' "$OUT" | grep -c '^== p[0-9]*: ')" 12 "all 12 platforms are reported"
is "$(printf '%s\n' "$OUT" | grep -c '^== p[0-9]*: compliant')" 7 "the 7 others (p03 has a finding) keep their verdict"
is "$(printf '%s\n' "$OUT" | grep -c 'core.plugin-error')" 4 "one finding per failure, none repeated"
check_sample --jobs 1 --format json
one=$OUT
check_sample --jobs 3 --format json
is "$OUT" "$one" "the same JSON with --jobs 3"

# A worker forked after the scheduler has written results inherits the
# report's buffered text: a plugin calling exit() there must not write it a
# second time. 40 platforms, one job: p01-p16 are written before p20 crashes
# the first worker; its replacement meets exit() at p30.
MANY=40 many_registry 20 segv 30 exit
check_sample --jobs 1
expect_rc 1 "a crash, then exit() in the replacement worker: exit 1"
is "$(printf '%s\n' "$OUT" | grep -c '^== p[0-9]*: ')" 40 "each of the 40 platforms is reported"
is "$(printf '%s\n' "$OUT" | grep '^== p[0-9]*: ' | sort -u | wc -l)" 40 "and none twice"
is "$(printf '%s\n' "$OUT" | grep -c 'core.plugin-error')" 2 "p20 and p30 get core.plugin-error, once each"

# A plugin that prints, on stdout, to debug itself: the report stays the
# scheduler's alone, and what was printed goes to stderr.
many_registry 04 print
check_sample --jobs 2 --format json
expect_rc 1 "a plugin printing on stdout: the run is judged as before (p03's finding)"
printf '%s\n' "$OUT" | python3 -c 'import json, sys; json.load(sys.stdin)' 2>/dev/null
ok $? "the JSON report is still JSON"
! printf '%s\n' "$OUT" | grep -q "coretest says hello\|coretest writes"
ok $? "with none of the plugin's output in it"
printf '%s\n' "$ERR" | grep -q "coretest says hello" && printf '%s\n' "$ERR" | grep -q "coretest writes"
ok $? "which is on stderr, through stdio and write(2) alike"

# Memory: a policy allowing 64 MiB. A plugin that allocates without end on
# one platform fails there; one that leaks 8 MiB on every platform has its
# worker replaced (at half the allowance) before it runs out, so no
# platform is lost.
sed 's/plugin_seconds: [0-9]*}/plugin_seconds: 2, plugin_memory_mb: 64}/' "$TEST_POLICY" >"$TMP/memory.yaml"
grep -q 'plugin_memory_mb: 64' "$TMP/memory.yaml"
ok $? "the test policy takes plugin_memory_mb"
many_registry 05 hog
run_ppreg check "$REG" --as-of "$AS_OF" --policy "$TMP/memory.yaml" --plugin-dir "$TEST_PLUGINS" --jobs 1
expect_rc 1 "hog: exit 1"
expect_finding core.plugin-error platforms/p05 1 "hog: the platform that allocates without end gets core.plugin-error"
is "$(printf '%s\n' "$OUT" | grep -c '^== p[0-9]*: compliant')" 10 "hog: the others keep their verdict"
next_reg leaky
mkdir -p "$REG"
printf 'format: ppreg/1\nname: test\nauthority: test\npolicy: coretest/1\n' >"$REG/registry.yaml"
for i in $(seq -w 1 20); do
	mkdir -p "$REG/platforms/p$i"
	printf 'format: ppreg/1\nname: p%s\nnote: leak\n' "$i" >"$REG/platforms/p$i/sample.yaml"
done
git init -q "$REG" && git -C "$REG" add -A && git -C "$REG" commit -q -m init
run_ppreg check "$REG" --as-of "$AS_OF" --policy "$TMP/memory.yaml" --plugin-dir "$TEST_PLUGINS" --jobs 1
expect_rc 0 "leak: 20 platforms that leak 160 MiB in all, within 64 MiB a worker: exit 0"
is "$(printf '%s\n' "$OUT" | grep -c '^== p[0-9]*: compliant')" 20 "leak: every platform is judged"
sed 's/plugin_seconds: [0-9]*}/plugin_seconds: 2, plugin_memory_mb: 8}/' "$TEST_POLICY" >"$TMP/small.yaml"
run_ppreg check "$REG" --as-of "$AS_OF" --policy "$TMP/small.yaml" --plugin-dir "$TEST_PLUGINS"
expect_rc 2 "plugin_memory_mb under 16 is refused"
printf '%s\n' "$ERR" | grep -q "plugin_memory_mb must be an integer from 16"
ok $? "and the error says the range"

# The crashing plugin is skipped on the rerun, so its own findings are lost there.
many_registry 03 segv
check_sample
expect_finding core.plugin-error platforms/p03 1 "segv on a platform whose other finding came from the same plugin"

# Same output for any --jobs.
many_registry 07 abort
check_sample --jobs 1 --format json
one=$OUT
for j in 2 3 8; do
	check_sample --jobs "$j" --format json
	is "$OUT" "$one" "--jobs $j gives the same JSON as --jobs 1"
done
check_sample --jobs 0
expect_rc 2 "--jobs 0 is refused"

# In-process judging (PPREG_NO_ISOLATION=1, for debuggers and to measure the
# cost of isolation) gives the same output when no plugin misbehaves.
many_registry
check_sample --format json
isolated=$OUT
PPREG_NO_ISOLATION=1 check_sample --format json
is "$OUT" "$isolated" "PPREG_NO_ISOLATION=1 gives the same JSON"

done_testing
