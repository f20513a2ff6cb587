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
	run_ppreg check "$REG" --as-of "$AS_OF" --policy "$TEST_POLICY" --plugin-dir "$TEST_PLUGINS" "$@"
}
F=platforms/p/sample.yaml
# sample FORMAT [ARGS]: sample_registry from printf's output (not a pipe, so
# that $REG stays set in this shell).
sample() { printf "$@" >"$TMP/in"; sample_registry <"$TMP/in"; }
