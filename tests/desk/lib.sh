# tests/desk/lib.sh - sourced by the desk's tests after tests/lib/tap.sh: the
# example registry as a Git repository (with the authority's record), and
# `site` to write its site.
. "$(dirname "$0")/../lib/tap.sh"

# example_registry: $REG is a copy of registry/ committed once.
example_registry() {
	next_reg example
	cp -R "$PPREG_TOP/registry" "$REG"
	git init -q "$REG" && git -C "$REG" add -A && git -C "$REG" commit -q -m "the example registry"
}
# site DIR [ARGS...]: ppreg site of $REG into DIR, as of $AS_OF.
site() { local dir=$1; shift; run_ppreg site "$REG" --as-of "$AS_OF" -o "$dir" "$@"; }
# tidy_clean FILE DESC: HTML that tidy finds nothing to say about.
tidy_clean() {
	local msg
	msg=$(tidy -q -e "$1" 2>&1)
	is "$msg" "" "$2: tidy finds nothing wrong"
}
has_tidy() { command -v tidy >/dev/null 2>&1; }
