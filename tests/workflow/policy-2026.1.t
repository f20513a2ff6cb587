#!/bin/bash
# The contract of policy versions (docs/policies.md): a registry that names
# fr-model 2026.1 and uses none of the later fields keeps every verdict it
# had. data/example-2026.1/ is the example registry as it stood when 2026.2
# was written, frozen; data/example-2026.1.expected its verdicts, lapse
# dates and findings (rule, severity, file, line, column) on that day.
. "$(dirname "$0")/lib.sh"

DATA=$PPREG_TOP/tests/workflow/data
run_ppreg check "$DATA/example-2026.1" --worktree --as-of 2026-12-04 --format json
expect_rc 1 "the frozen 2026.1 example registry: non-compliant platforms, exit 1"
printf '%s' "$OUT" | python3 "$DATA/project.py" >"$TMP/got"
diff -u "$DATA/example-2026.1.expected" "$TMP/got" >&2
ok $? "under 2026.1, every platform keeps its verdict, lapse date and findings"
grep -q '^policy: fr-model/2026.1$' "$DATA/example-2026.1/registry.yaml"
ok $? "the frozen registry names fr-model/2026.1"
done_testing
