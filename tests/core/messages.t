#!/bin/bash
# Messages a new user meets (issue 19): a day that does not exist, option
# errors prefixed "ppreg CMD:", and "did you mean" for a mistyped command,
# option, format, rule, field and platform.
. "$(dirname "$0")/lib.sh"

sample 'format: ppreg/1\nname: a\n'
# says PATTERN DESC: exit 2 and stderr matches PATTERN (grep -E).
says() { is "$RC" 2 "$2: exit 2"; printf '%s\n' "$ERR" | grep -qE -- "$1"; ok $? "$2"; }

run_ppreg check "$REG" --as-of 2026-02-30
says "^ppreg check: --as-of '2026-02-30': no such day in the calendar$" "--as-of 2026-02-30: the day does not exist"
run_ppreg check "$REG" --as-of 2026-2-3
says "^ppreg check: --as-of '2026-2-3' is not a date YYYY-MM-DD$" "--as-of 2026-2-3: not YYYY-MM-DD"
check_sample --strct
says "^ppreg check: unknown option '--strct'; did you mean '--strict'\?$" "a mistyped option: ppreg check:, did you mean"
check_sample --strict=yes
says "^ppreg check: option '--strict' takes no value$" "a flag given a value"
run_ppreg check "$REG" --format
says "^ppreg check: option '--format' needs a value$" "an option without its value"
run_ppreg keygen --kye a
says "^ppreg keygen: unknown option '--kye'; did you mean '--key'\?$" "every command: ppreg keygen:"
check_sample --format jsno
says "^ppreg check: unknown --format 'jsno'; did you mean 'json'\?$" "a mistyped format"
run_ppreg chek
says "^ppreg: 'chek' is not a command; did you mean 'check'\?$" "a mistyped command"
run_ppreg frobnicate
says "^ppreg: 'frobnicate' is not a command; see 'ppreg --help'$" "an unknown command, nothing near"
run_ppreg rules gdpr.dpai
says "^ppreg rules: no rule 'gdpr.dpai'; did you mean 'gdpr.dpia'\?$" "a mistyped rule"
check_sample --platform q
says "no platform 'q' in .* at HEAD; did you mean 'p'\?$" "a mistyped platform"
sed 's/^severity: {}/severity: {coretest.nmae: warning}/' "$TEST_POLICY" >"$TMP/policy.yaml"
run_ppreg check "$REG" --policy "$TMP/policy.yaml" --plugin-dir "$TEST_PLUGINS"
says "unknown rule 'coretest.nmae'; did you mean 'coretest.name'\?$" "a mistyped rule in the policy"

# A mistyped field: the nearest known one, or the one it begins (judged in
# process against the example registry).
CASE_EXAMPLE=$PPREG_TOP/registry
CASE_ARGS=
make_case
edit platforms/entraide-sante/transparency.yaml 's/share_percent: 60/share: 60/'
expect_grep -F "transparency.yaml:3:51: warning: core.unknown-field: unknown field 'share' in ownership[]; did you mean 'share_percent'?" \
	"share for share_percent: did you mean"
make_case
edit platforms/entraide-sante/transparency.yaml 's/kind: natural-person/kidn: natural-person/'
expect_grep -F "did you mean 'kind'?" "kidn for kind: did you mean"

# gdpr.dpia names the policy's limit and the last day the DPIA held.
make_case
edit platforms/entraide-sante/gdpr.yaml 's/done_on: 2026-01-15/done_on: 2022-01-15/'
expect_grep -F "gdpr.dpia: the DPIA done on 2022-01-15 is older than the policy's max_dpia_age (P3Y): it held until 2025-01-15" \
	"gdpr.dpia names the limit and the date"
done_testing
