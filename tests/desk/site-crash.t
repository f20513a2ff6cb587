#!/bin/bash
# A plugin that crashes on one platform costs it a core.plugin-error, which
# the scheduler adds after the worker is gone: the site's page and row of
# that platform show it, as check does, whatever the number of jobs.
. "$(dirname "$0")/../core/lib.sh"
site() { local dir=$1; shift; run_ppreg site "$REG" --as-of "$AS_OF" -o "$dir" "$@"; }
next_reg crash
mkdir -p "$REG"
printf 'format: ppreg/1\nname: test\nauthority: test\npolicy: coretest/1\n' >"$REG/registry.yaml"
for i in 01 02 03 04 05 06; do
	mkdir -p "$REG/platforms/p$i"
	printf 'format: ppreg/1\nname: p%s\n' "$i" >"$REG/platforms/p$i/sample.yaml"
done
printf 'note: segv\n' >>"$REG/platforms/p04/sample.yaml"
git init -q "$REG" && git -C "$REG" add -A && git -C "$REG" commit -q -m init
for jobs in 1 2; do
	site "$TMP/site" --policy "$TEST_POLICY" --plugin-dir "$TEST_PLUGINS" --jobs $jobs
	expect_rc 1 "--jobs $jobs: a plugin crashed on p04: exit 1"
	grep -q '<code>core.plugin-error</code>' "$TMP/site/services/p04.html"
	ok $? "--jobs $jobs: p04's page shows core.plugin-error"
	! grep -q 'core.plugin-error' "$TMP/site/services/p05.html"
	ok $? "--jobs $jobs: p05's page does not"
	check_sample --format json --lang fr
	printf '%s' "$OUT" >"$TMP/check.json"
	python3 -c 'import json,sys; c,s=(json.load(open(f)) for f in sys.argv[1:])
sys.exit([{k: p[k] for k in a} for a, p in zip(c["platforms"], s["platforms"])] != c["platforms"])' \
		"$TMP/check.json" "$TMP/site/register.json"
	ok $? "--jobs $jobs: register.json is check's"
done
done_testing
