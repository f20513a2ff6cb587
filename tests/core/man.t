#!/bin/bash
# The manual pages the build makes (scripts/man-pages): ppreg(1) naming
# every command, a page for each command `ppreg --help` lists, made from
# its --help, ppreg-registry(5) and ppreg-plugin(3); each renders without
# a warning.
. "$(dirname "$0")/../lib/tap.sh"
command -v groff >/dev/null || skip_all "groff is not installed"
M=$PPREG_BUILD/man
commands=$("$PPREG" --help | awk '/^commands:/ {on = 1; next} on && NF == 0 {exit} on {print $1}')
pages="$M/man1/ppreg.1 $M/man5/ppreg-registry.5 $M/man3/ppreg-plugin.3"
for c in $commands; do pages="$pages $M/man1/ppreg-$c.1"; done
for p in $pages; do
	groff -man -ww -z "$p" >"$TMP/warn" 2>&1 && [ ! -s "$TMP/warn" ] && [ -s "$p.gz" ]
	ok $? "$(basename "$p"): there, gzipped, and renders without a warning"
	[ -s "$TMP/warn" ] && diag "$(cat "$TMP/warn")"
done
MANWIDTH=80 man -l "$M/man1/ppreg.1.gz" 2>"$TMP/err" >"$TMP/ppreg.txt"
is "$?:$(cat "$TMP/err")" "0:" "man -l ppreg.1.gz: no error"
missing=
for c in $commands; do grep -q "^       ppreg-$c(1)$" "$TMP/ppreg.txt" || missing="$missing $c"; done
is "$missing" "" "ppreg(1) lists every command"

# A command's page says what its --help says, options as a list.
MANWIDTH=200 man -l "$M/man1/ppreg-init.1" >"$TMP/init.txt" 2>/dev/null
grep -q '^       ppreg-init - start a new platform folder' "$TMP/init.txt" && grep -q '^OPTIONS$' "$TMP/init.txt" &&
	grep -q '^       --policy FILE$' "$TMP/init.txt" && grep -q '^       ppreg init ID \[PATH\] \[--policy FILE\]' "$TMP/init.txt"
ok $? "ppreg-init(1): name, synopsis and options from its --help"

# The generator guards roff's control characters: a help line starting
# with a quote or a dot stays text.
mkdir -p "$TMP/src" && cp "$PPREG_TOP"/man/* "$TMP/src/"
cat >"$TMP/fake" <<'SH'
#!/bin/sh
case $* in
--help) printf 'usage: ppreg <command>\n\ncommands:\n  odd       a test\n\n' ;;
*) printf "usage: ppreg odd [--x]\n\n.TH not a macro\n'quoted' start\n\n  --x  'today' and \\\\back\n" ;;
esac
SH
chmod +x "$TMP/fake"
"$PPREG_TOP/scripts/man-pages" "$TMP/fake" "$TMP/src" "$TMP/out" 0 &&
	groff -man -ww -z "$TMP/out/man1/ppreg-odd.1" >"$TMP/warn" 2>&1 && [ ! -s "$TMP/warn" ]
ok $? "a help with lines starting with '.' or a quote: no warning"
MANWIDTH=80 man -l "$TMP/out/man1/ppreg-odd.1" 2>/dev/null | grep -q "^       .TH not a macro 'quoted' start$"
ok $? "...and they are printed as text"
done_testing
