#!/bin/bash
# ppreg site at the edges: a registry without platforms, and platform
# entries that cannot be read (a link, a folder without declarations):
# every page is still valid HTML and register.json is still check's.
. "$(dirname "$0")/lib.sh"
next_reg edges
mkdir -p "$REG/platforms"
cp "$PPREG_TOP/registry/registry.yaml" "$REG/"
touch "$REG/platforms/.keep"
git init -q "$REG" && git -C "$REG" add -A && git -C "$REG" commit -q -m empty
same_as_check() { # DESC: register.json's platforms and summary are check's
	check_reg --format json --lang fr
	printf '%s' "$OUT" >"$TMP/check.json"
	python3 -c 'import json,sys; c,s=(json.load(open(f)) for f in sys.argv[1:])
sys.exit([{k: p[k] for k in a} for a, p in zip(c["platforms"], s["platforms"])] != c["platforms"]
         or len(c["platforms"]) != len(s["platforms"]) or c["summary"] != s["summary"])' \
		"$TMP/check.json" "$TMP/site/register.json"
	ok $? "$1: register.json's platforms and summary are check's"
}
all_tidy() { # DESC
	if has_tidy; then
		local bad=
		for f in "$TMP"/site/*.html "$TMP"/site/services/*.html; do
			[ -e "$f" ] || continue
			[ -z "$(tidy -q -e "$f" 2>&1)" ] || bad="$bad ${f#$TMP/site/}"
		done
		is "$bad" "" "$1: tidy finds nothing wrong in any page"
	else
		ok 0 "# SKIP tidy is not installed"
	fi
}
site "$TMP/site"
expect_rc 0 "no platform: exit 0"
grep -q '<p>Aucun service.</p>' "$TMP/site/index.html"
ok $? "no platform: the register says so"
same_as_check "no platform"
all_tidy "no platform"
ln -s ../elsewhere "$REG/platforms/lien"
mkdir -p "$REG/platforms/vide" && echo 'format: ppreg/1' >"$REG/platforms/vide/registration.yaml"
git -C "$REG" add -A && git -C "$REG" commit -q -m "a link and a folder nearly empty"
site "$TMP/site"
expect_rc 1 "a link and an empty declaration: exit 1"
is "$(python3 -c 'import json,sys; print(" ".join(p["id"]+"="+p["verdict"] for p in json.load(open(sys.argv[1]))["platforms"]))' \
	"$TMP/site/register.json")" "lien=invalid vide=non-compliant" "both are in the register with check's verdict"
same_as_check "a link and an empty declaration"
all_tidy "a link and an empty declaration"

# Declared facts larger than a worker's result carries (an anchored list of
# long texts aliased 60 times: 30 MB of HTML from a 500 KB file): the
# scheduler reads the declarations itself, and the page is the same.
example_registry
python3 - "$REG/platforms/entraide-sante/transparency.yaml" <<'PY'
import sys
with open(sys.argv[1], "a") as f:
    f.write("notes_long: &long [" + ", ".join("n%d-" % i + "x" * 480 for i in range(1000)) + "]\n")
    f.write("notes_again: [" + ", ".join(["*long"] * 60) + "]\n")
PY
git -C "$REG" commit -q -am "facts larger than a result carries"
site "$TMP/site"
expect_rc 1 "facts over 8 MiB: the site is written"
same_as_check "facts over 8 MiB"
P=$TMP/site/services/entraide-sante.html
[ "$(wc -c <"$P")" -gt $((8 << 20)) ] && grep -q 'n999-xxxx' "$P" && grep -q 'HDS-2025-0815' "$P"
ok $? "facts over 8 MiB: the page holds them all"
done_testing
