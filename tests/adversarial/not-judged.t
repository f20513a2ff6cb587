#!/bin/bash
# A platform that was not judged is never compliant and never attested,
# whatever the policy says of the rules that report it: a plugin that
# crashed on it (core.plugin-error), a declaration that could not be read
# (core.yaml-syntax, core.limits, core.tree-entry).
. "$(dirname "$0")/../core/lib.sh"
"$PPREG" keygen --key "$TMP/k.pem" --pubkey "$TMP/p.pem" >/dev/null || exit 1

# quiet RULE SEVERITY: $TMP/quiet.yaml, the test policy with RULE lowered.
quiet() { sed "s/^severity: {}/severity: {$1: \"$2\"}/" "$TEST_POLICY" >"$TMP/quiet.yaml"; }
check_quiet() { run_ppreg check "$REG" --as-of "$AS_OF" --policy "$TMP/quiet.yaml" --plugin-dir "$TEST_PLUGINS" "$@"; }
attest_quiet() {
	run_ppreg attest "$REG" --key "$TMP/k.pem" --platform p --as-of "$AS_OF" --policy "$TMP/quiet.yaml" \
		--plugin-dir "$TEST_PLUGINS" -o "$TMP/p.json"
}

for sev in off warning; do
	sample 'format: ppreg/1\nname: a\nnote: segv\n'
	quiet core.plugin-error "$sev"
	check_quiet --jobs 1
	expect_rc 1 "a plugin crash under core.plugin-error: $sev: exit 1"
	printf '%s\n' "$OUT" | grep -q '^== p: non-compliant$'
	ok $? "a plugin crash under core.plugin-error: $sev: non-compliant"
	expect_finding core.plugin-error platforms/p 1 "a plugin crash under core.plugin-error: $sev: the finding stays"
	printf '%s\n' "$OUT" | grep -q "^platforms/p:1:1: error: core.plugin-error: "
	ok $? "a plugin crash under core.plugin-error: $sev: as an error"
	rm -f "$TMP/p.json"
	attest_quiet
	expect_rc 1 "a plugin crash under core.plugin-error: $sev: attest refuses"
	[ ! -e "$TMP/p.json" ]
	ok $? "a plugin crash under core.plugin-error: $sev: nothing signed"
done

sample 'format: ppreg/1\nname: [unclosed\n'
quiet core.yaml-syntax off
check_quiet
expect_rc 1 "a declaration that does not parse, core.yaml-syntax off: exit 1"
printf '%s\n' "$OUT" | grep -q '^== p: invalid$'
ok $? "a declaration that does not parse, core.yaml-syntax off: invalid"
attest_quiet
expect_rc 1 "a declaration that does not parse, core.yaml-syntax off: attest refuses"

sample 'format: ppreg/1\nname: a\nnote: %05000d\n' 0
quiet core.limits off
check_quiet
expect_rc 1 "a file over the size limit, core.limits off: exit 1"
printf '%s\n' "$OUT" | grep -q '^== p: invalid$'
ok $? "a file over the size limit, core.limits off: invalid"
attest_quiet
expect_rc 1 "a file over the size limit, core.limits off: attest refuses"

done_testing
