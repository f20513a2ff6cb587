#!/bin/bash
# The layout shows the design: core/'s modules include each other in one
# direction only, and every function is declared in the header named after
# the file that defines it (scripts/include-graph checks both).
. "$(dirname "$0")/../lib/tap.sh"
command -v python3 >/dev/null || skip_all "python3 is not installed"
"$PPREG_TOP/scripts/include-graph" >"$TMP/graph" 2>"$TMP/err"
is "$?" 0 "include-graph: the tree passes"
head -1 "$TMP/graph" | grep -q '^base *-> (nothing)$'
ok $? "include-graph: base is the lowest module"
tail -1 "$TMP/graph" | grep -q '^cli '
ok $? "include-graph: cli is the highest module"

# The checks can fail: on a copy of the tree, a cycle and an undeclared function.
mkdir -p "$TMP/top/scripts" && cp "$PPREG_TOP/scripts/include-graph" "$TMP/top/scripts/"
cp -R "$PPREG_TOP/core" "$TMP/top/"
printf '#include "cli/options.h"\n' >>"$TMP/top/core/base/utf8.h"
"$TMP/top/scripts/include-graph" >/dev/null 2>"$TMP/err"
is "$?" 1 "a cycle: exit 1"
grep -q '^include-graph: cycle: .*base -> cli' "$TMP/err" && grep -q '^  base -> cli: base/utf8.h$' "$TMP/err"
ok $? "a cycle: named, with the file that makes base include cli"
cp "$PPREG_TOP/core/base/utf8.h" "$TMP/top/core/base/utf8.h"
printf 'int utf8_stray(void)\n{\n\treturn 0;\n}\n' >>"$TMP/top/core/base/utf8.c"
"$TMP/top/scripts/include-graph" >/dev/null 2>"$TMP/err"
is "$?" 1 "an undeclared function: exit 1"
grep -q 'utf8_stray() is defined in core/base/utf8.c but not declared in core/base/utf8.h' "$TMP/err"
ok $? "an undeclared function: named with its file and header"
done_testing
