#!/bin/bash
# Whatever a plugin does in an entry point other than check() (the one
# dlopen() finds, setup(), teardown()): exit(0), a crash or a loop is exit 2
# with one line naming the plugin and the entry point, within the policy's
# time limit, never a pass; and what it prints never reaches the report.
. "$(dirname "$0")/../core/lib.sh"
HOSTILE=$PPREG_BUILD/tests/adversarial
cp "$TEST_PLUGINS/coretest.so" "$TMP/"
sample 'format: ppreg/1\nname: a\nflag: false\n' # a coretest.flag error: exit 1 when judged

run_with() { # run_with ATTACK [ARGS...]: check with coretest and ATTACK, 2 s a plugin
	cp "$HOSTILE/$1.so" "$TMP/"
	sed -e "s/- name: coretest/- name: coretest\n  - name: $1/" -e "s/plugin_seconds: [0-9]*/plugin_seconds: 1/" \
		"$TEST_POLICY" >"$TMP/policy.yaml"
	local attack=$1; shift
	run_ppreg check "$REG" --policy "$TMP/policy.yaml" --plugin-dir "$TMP" --as-of "$AS_OF" "$@"
}

for where in entry setup teardown; do
	case $where in entry) step="its entry point" ;; *) step="$where()" ;; esac
	for how in exit crash loop; do
		a=${where}_$how
		run_with "$a" --jobs 2 --format json
		expect_rc 2 "$a: exit 2"
		printf '%s\n' "$ERR" | grep -q "^ppreg check: plugin $a: $step "
		ok $? "$a: one line names the plugin and $step"
		# under a sanitizer, a crash also prints the sanitizer's report
		# (the plugin's, from the child): count ppreg's own lines there
		if [ -n "${ASAN_OPTIONS:-}" ]; then
			is "$(printf '%s\n' "$ERR" | grep -c '^ppreg')" 1 "$a: one line of ppreg's"
		else
			is "$(printf '%s\n' "$ERR" | wc -l)" 1 "$a: one line"
		fi
		# no report of platforms: the JSON document says the run failed, and why
		is "$(printf '%s' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["exit"], "platforms" in d, sys.argv[1] in d["error"])' "plugin $a")" \
			"2 False True" "$a: no report, a document of the failure"
	done
	a=${where}_print
	run_with "$a" --jobs 2 --format json
	expect_rc 1 "$a: judged (the platform's finding: exit 1)"
	printf '%s\n' "$OUT" | python3 -c 'import json, sys; json.load(sys.stdin)'
	ok $? "$a: the JSON report is still JSON"
	printf '%s\n' "$OUT" | grep -q "printed by"
	[ $? -ne 0 ]
	ok $? "$a: what the plugin printed is not in the report"
done
printf '%s\n' "$ERR" | grep -q "printed by teardown"
ok $? "what a plugin prints goes to stderr"

done_testing
