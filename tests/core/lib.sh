# tests/core/lib.sh - core tests judge one file, sample.yaml, with the
# coretest plugin and the tiny policy of tests/core/data (limits 4 KiB,
# depth 8, 4 aliases, 200 nodes), independent of the real plugins.
. "$(dirname "$0")/../lib/tap.sh"
TEST_POLICY=$PPREG_TOP/tests/core/data/policy.yaml
TEST_PLUGINS=$PPREG_BUILD/tests/plugins

# sample_registry: $REG with platforms/p/sample.yaml from stdin, committed.
sample_registry() {
	next_reg reg
	mkdir -p "$REG/platforms/p"
	printf 'format: ppreg/1\nname: test\nauthority: test\npolicy: coretest/1\n' >"$REG/registry.yaml"
	cat >"$REG/platforms/p/sample.yaml"
	git init -q "$REG" && git -C "$REG" add -A && git -C "$REG" commit -q -m init
}
check_sample() {
	if in_case; then check_reg "$@"; return; fi
	run_ppreg check "$REG" --as-of "$AS_OF" --policy "$TEST_POLICY" --plugin-dir "$TEST_PLUGINS" "$@"
}
F=platforms/p/sample.yaml
# sample FORMAT [ARGS]: sample_registry from printf's output (not a pipe, so
# that $REG stays set in this shell).
sample() { printf "$@" >"$TMP/in"; sample_registry <"$TMP/in"; }

# sample_case FORMAT [ARGS]: the same sample.yaml as a case judged in
# process (make_case in tests/lib/tap.sh), with the test policy and plugins.
CASE_EXAMPLE=$TMP/sample-example
CASE_ARGS="--platform p --policy $TEST_POLICY --plugin-dir $TEST_PLUGINS"
mkdir -p "$CASE_EXAMPLE/platforms/p"
printf 'format: ppreg/1\nname: test\nauthority: test\npolicy: coretest/1\n' >"$CASE_EXAMPLE/registry.yaml"
sample_case() {
	make_case
	case_file "$F"
	printf "$@" >"$REG/$F"
}
