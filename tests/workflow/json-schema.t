#!/bin/bash
# ppreg schema --report json: the JSON Schema of check --format json,
# which real reports pass: the example registry's, a --worktree one (no
# commit), a --changed one (removed platforms); and a report that breaks
# the contract fails.
. "$(dirname "$0")/../lib/tap.sh"
run_ppreg schema --report json
expect_rc 0 "schema --report json: exit 0"
printf '%s\n' "$OUT" >"$TMP/schema.json"

run_ppreg check "$PPREG_TOP/registry" --as-of "$AS_OF" --format json
printf '%s\n' "$OUT" >"$TMP/full.json"
make_registry entraide-sante formation-courte
printf 'x: 1\n' >>"$REG/platforms/entraide-sante/charter.yaml"
check_reg --worktree --format json
printf '%s\n' "$OUT" >"$TMP/worktree.json"
git -C "$REG" rm -rq platforms/formation-courte && git -C "$REG" commit -qm rm
check_reg --changed HEAD~1..HEAD --format json
printf '%s\n' "$OUT" >"$TMP/changed.json"
grep -q '"removed": \[$' "$TMP/changed.json" && grep -q '"severity": "warning"' "$TMP/worktree.json"
ok $? "the reports cover removed platforms and warnings"
sed -E '0,/"verdict": "compliant"/s//"verdict": "ok"/; 0,/"line": [0-9]+,/s//"line": "5",/' "$TMP/full.json" >"$TMP/bad.json"
python3 "$PPREG_TOP/tests/lib/json_schema_check.py" "$TMP/schema.json" "$TMP/full.json" "$TMP/worktree.json" \
	"$TMP/changed.json" "$TMP/bad.json" >"$TMP/v" 2>&1
[ $? -eq 77 ] && { ok 0 "# SKIP python3 jsonschema or PyYAML is not installed"; done_testing; }
is "$(grep -v "^$TMP/bad.json: " "$TMP/v")" "" "real reports pass the schema"
is "$(grep -c "^$TMP/bad.json: " "$TMP/v")" 2 "a report that breaks the contract fails: a verdict, a line"
done_testing
