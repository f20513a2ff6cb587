# tests/workflow/lib.sh - the registry workflow tests (check --changed, Git
# hooks, CI formats) build registries of several platforms, each a compliant
# copy of the example entraide-sante under another id, and break or fix one
# with a single known finding.
. "$(dirname "$0")/../lib/tap.sh"

# add_platform ID...: compliant copies of entraide-sante as platforms/ID.
add_platform() {
	for id in "$@"; do
		cp -R "$PPREG_TOP/registry/platforms/entraide-sante" "$REG/platforms/$id"
		perl -0pi -e "s/^  id: entraide-sante\$/  id: $id/m" "$REG/platforms/$id/registration.yaml"
	done
}
# break_platform ID [DIR]: one error, $BAD_RULE at registration.yaml:$BAD_LINE
# (a domain HAS does not define). DIR defaults to $REG.
BAD_RULE=registration.domains
BAD_LINE=18
break_platform() {
	perl -0pi -e 's/domains: \[care-pathways, education\]/domains: [care-pathways, education, cooking]/' \
		"${2:-$REG}/platforms/$1/registration.yaml"
}
fix_platform() {
	perl -0pi -e 's/, cooking\]/]/' "${2:-$REG}/platforms/$1/registration.yaml"
}
# touch_platform ID [DIR] [TEXT]: a compliant change (a service's description).
touch_platform() {
	perl -0pi -e "s/(description: Co-taught sessions in nursing schools)[^\\n]*/\$1 ${3:-again}./" \
		"${2:-$REG}/platforms/$1/registration.yaml"
}
# has TEXT DESCRIPTION: $OUT contains TEXT (fixed string).
has() {
	printf '%s\n' "$OUT" | grep -qF -- "$1"
	local s=$?
	ok $s "$2"
	[ $s -eq 0 ] || diag "output was:" "$OUT" "$ERR"
}
hasnt() {
	! printf '%s\n' "$OUT" | grep -qF -- "$1"
	local s=$?
	ok $s "$2"
	[ $s -eq 0 ] || diag "output was:" "$OUT" "$ERR"
}
# json_ids: the platform ids of a JSON report in $OUT, space-separated.
json_ids() {
	printf '%s' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(" ".join(p["id"] for p in d["platforms"]))'
}
json_removed() {
	printf '%s' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(" ".join(d["removed"]))'
}
