#!/bin/bash
# Hostile registry-level input: registry.yaml itself (read before any policy,
# under the core's default limits) and platform folder names. A broken
# registry.yaml stops the run with exit 2 and one line naming the problem;
# a folder whose name is not an id must still be reported in every format.
. "$(dirname "$0")/lib.sh"

ROOT=$PPREG_TOP/registry/registry.yaml
# bad_root DESC PATTERN GENERATOR: registry.yaml replaced; exit 2 and stderr
# matching PATTERN.
bad_root() {
	eval "$3" >"$REG/registry.yaml"
	commit "registry.yaml: $1"
	measure "registry.yaml: $1"
	expect_rc 2 "registry.yaml $1: exit 2"
	printf '%s\n' "$ERR" | grep -Eq "$2"
	ok $? "registry.yaml $1: says $2"
	[ "$(printf '%s\n' "$ERR" | wc -l)" -eq 1 ]
	ok $? "registry.yaml $1: one line on stderr"
	printf '%s\n' "$ERR" | grep -Eq 'Sanitizer|runtime error'
	[ $? -ne 0 ]
	ok $? "registry.yaml $1: no sanitizer report"
	cp "$ROOT" "$REG/registry.yaml"
}
bad_root "a NUL byte" 'registry.yaml:2:[0-9]+: core.encoding' "printf 'policy: fr-model/2026.2\nx: a\\000b\n'"
bad_root "70 aliases" 'registry.yaml:2:[0-9]+: core.limits' \
	"printf 'policy: &a fr-model/2026.2\nx: [*a'; yes ',*a' | head -n 70 | tr -d '\\n'; printf ']\\n'"
bad_root "100 000 nested lists" 'registry.yaml:1:[0-9]+: core.limits' \
	"printf 'policy: '; head -c 100000 /dev/zero | tr '\\0' '['"
bad_root "5 MB" 'too large' "head -c 5000000 /dev/zero | tr '\\0' a"
bad_root "a policy path" "policy reference" "printf 'format: ppreg/1\\npolicy: ../../../etc/passwd\\n'"
bad_root "another format" "expected 'format: ppreg/1'" "printf 'format: ppreg/9\\npolicy: fr-model/2026.2\\n'"
bad_root "a duplicate policy" 'core.duplicate-key' "printf 'policy: fr-model/2026.2\\npolicy: evil/1\\n'"
bad_root "a tagged policy" 'core.type' "printf 'policy: !!binary ZnI=\\n'"
bad_root "UTF-16" 'core.encoding' "printf '\\377\\376p\\000'"
commit restore

# Folder names that are not ids: the compliant platform copied under names
# with an escape sequence, a byte that is not UTF-8, a space. Each is
# non-compliant (registration.id-matches-folder) and must be reported.
esc=$(printf 'x\033[2Jy') latin=$(printf 'bad\377name')
for name in "$esc" "$latin" "Upper Case"; do
	cp -R "$EXAMPLE" "$REG/platforms/$name"
done
commit "odd folder names"
measure "three odd folder names"
expect_rc 1 "odd folder names: exit 1"
is "$(printf '%s\n' "$OUT" | grep -c 'error: registration.id-matches-folder: ')" 3 \
	"odd folder names: three registration.id-matches-folder findings"
no_crash "odd folder names"
! printf '%s' "$OUT" | grep -q "$(printf '\033')"
ok $? "odd folder names: no ESC byte in the text output"
measure "three odd folder names, JSON" --format json
n=$(printf '%s' "$OUT" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["platforms"]))' 2>/dev/null)
ok "$([ "$n" = 4 ] && echo 0 || echo 1)" "odd folder names: the JSON report lists all 4 platforms (got ${n:-none})"
measure "three odd folder names, SARIF" --format sarif
n=$(printf '%s' "$OUT" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["runs"][0]["results"]))' 2>/dev/null)
ok "$([ "$n" = 3 ] && echo 0 || echo 1)" "odd folder names: the SARIF report has all 3 results (got ${n:-none})"

# An error message built from the previous one (error_set("...: %s",
# error_last()) formats a buffer into itself: valgrind reports the overlap
# and the message comes out garbled.
run_ppreg check "$REG" --policy "$TMP/no-such-policy.yaml"
expect_rc 2 "a missing policy: exit 2"
[ "$(printf '%s\n' "$ERR" | grep -o 'cannot read policy' | wc -l)" -eq 1 ] &&
	printf '%s\n' "$ERR" | grep -q 'No such file or directory'
ok $? "a missing policy: 'cannot read policy: ... No such file or directory', once"

done_testing
