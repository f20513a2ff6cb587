#!/bin/bash
# Hostile sizes and shapes under the model policy's limits (1 MiB, depth 32,
# 64 aliases, 100 000 nodes), in each declaration file of an otherwise
# compliant platform: deep nesting of every kind, alias bombs, huge files
# and scalars, too many nodes. Each is core.limits and exit 1, never a
# crash; times and peak memory are diagnostics only.
. "$(dirname "$0")/lib.sh"

for f in $DECLARATIONS; do
	L=$(( $(lines_of $f) + 1 )) # the first appended line
	hostile "100 000 nested flow lists" $f core.limits $L \
		"cat \"\$E\"; printf 'x: '; head -c 100000 /dev/zero | tr '\\0' '['"
	hostile "100 000 nested flow mappings" $f core.limits $L \
		"cat \"\$E\"; printf 'x: '; yes '{a: ' | head -n 100000 | tr -d '\\n'"
	hostile "100 000 nested block lists on one line" $f core.limits $((L + 1)) \
		"cat \"\$E\"; printf 'x:\\n'; head -c 100000 /dev/zero | tr '\\0' - | sed 's/-/- /g'; echo y"
	hostile "100 nested block mappings" $f core.limits - \
		"cat \"\$E\"; for i in \$(seq 0 99); do printf '%*sa:\\n' \$i ''; done"
	hostile "billion laughs" $f core.limits - \
		"cat \"\$E\"; printf 'a0: &a0 [x,x,x,x,x,x,x,x,x,x]\\n'; for i in \$(seq 1 9); do printf 'a%d: &a%d [' \$i \$i; for j in \$(seq 10); do printf '*a%d,' \$((i - 1)); done; printf 'x]\\n'; done"
	hostile "a 10 000-item anchor repeated 60 times" $f core.limits - \
		"cat \"\$E\"; printf 'big: &big ['; yes 'x,' | head -n 10000 | tr -d '\\n'; printf 'x]\\nuse: ['; yes '*big,' | head -n 60 | tr -d '\\n'; printf 'x]\\n'"
	hostile "65 aliases" $f core.limits - \
		"cat \"\$E\"; printf 'one: &one x\\nmany: ['; yes '*one,' | head -n 65 | tr -d '\\n'; printf 'x]\\n'"
	hostile "120 000 nodes" $f core.limits - \
		"cat \"\$E\"; seq 1 60000 | sed 's/^/k/; s/\$/: 1/'"
done

# Sizes: refused before parsing, at line 1, whatever the content.
for f in registration gdpr; do
	hostile "a 50 MB file" $f core.limits 1 \
		"cat \"\$E\"; printf 'x: \"'; head -c 50000000 /dev/zero | tr '\\0' a; printf '\"\\n'"
	hostile "one 10 MB scalar" $f core.limits 1 \
		"cat \"\$E\"; printf 'x: '; head -c 10000000 /dev/zero | tr '\\0' a; echo"
done
# The same 50 MB file read from the working files (--worktree).
E=$EXAMPLE/training.yaml
{ cat "$E"; printf 'x: "'; head -c 50000000 /dev/zero | tr '\0' a; printf '"\n'; } >"$REG/$DIR/training.yaml"
measure "a 50 MB file with --worktree" --worktree
expect_rc 1 "a 50 MB file with --worktree: exit 1"
expect_finding core.limits $DIR/training.yaml 1 "a 50 MB file with --worktree: core.limits at line 1"
no_crash "a 50 MB file with --worktree"
restore training

# 200 MB of zeros is 200 KB in Git: the size is known from the object's
# header, so the blob should never be inflated to be refused.
head -c 200000000 /dev/zero | put charter
measure "a 200 MB blob of zeros (about 200 KB in Git)"
expect_rc 1 "a 200 MB blob: exit 1"
expect_finding core.limits $DIR/charter.yaml 1 "a 200 MB blob: core.limits at line 1"
no_crash "a 200 MB blob"
kib=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$TMP/rusage" 2>/dev/null)
[ -n "$kib" ] && [ "$kib" -lt 150000 ]
ok $? "a 200 MB blob is refused without inflating it (peak ${kib:-?} KiB)"
restore charter
commit restore

# Just under the limits: legal, so judged. 49 000 unknown keys are 49 000
# warnings; a 1 000 000-byte name is one value. Neither may hang or crash.
E=$EXAMPLE/transparency.yaml
{ cat "$E"; seq 1 49000 | sed 's/^/k/; s/$/: 1/'; } | put transparency
measure "49 000 unknown keys (98 000 nodes)"
is "$(printf '%s\n' "$OUT" | grep -c ': warning: core.unknown-field: ')" 49000 \
	"49 000 unknown keys: 49 000 core.unknown-field warnings"
no_crash "49 000 unknown keys"
restore transparency
E=$EXAMPLE/registration.yaml
{ sed 's/^  name: Entraide Santé$/  name: "/' "$E" | sed -n '1,4p'; head -c 1000000 /dev/zero | tr '\0' n; printf '"\n';
  sed -n '5,$p' "$E"; } | put registration
measure "a 1 000 000-byte platform name"
no_crash "a 1 000 000-byte platform name"
restore registration
commit restore

# The depth limit applies to the text: 64 anchors, each 31 levels deep
# around an alias of the previous one, make a tree about 2 000 levels deep
# within every limit. Under an unknown key it is a warning, never walked.
E=$EXAMPLE/registration.yaml
{ cat "$E"; printf 'deep:\n  a0: &a0 %s\n' "$(printf '%.0s[' $(seq 30))x$(printf '%.0s]' $(seq 30))"
  for k in $(seq 1 63); do
	printf '  a%d: &a%d %s*a%d%s\n' $k $k "$(printf '%.0s[' $(seq 30))" $((k - 1)) "$(printf '%.0s]' $(seq 30))"
  done; } | put registration
measure "a tree 2 000 levels deep through 64 aliases"
expect_rc 0 "a tree 2 000 levels deep through aliases: accepted (exit 0)"
expect_finding core.unknown-field $DIR/registration.yaml $(( $(lines_of registration) + 1 )) \
	"a tree 2 000 levels deep through aliases: core.unknown-field"
no_crash "a tree 2 000 levels deep through aliases"
restore registration
commit restore

done_testing
