#!/bin/bash
# Text a pusher chooses (the name of a file changed outside the platform
# folders) never forges a line: a leading "::" is not a GitHub workflow
# command in any human format, and C1 controls and bidirectional overrides
# are shown as '?', as C0 controls are.
. "$(dirname "$0")/../lib/tap.sh"
make_registry entraide-sante
base=$(git -C "$REG" rev-parse HEAD)
printf 'x\n' >"$REG/::error title=forged::the registry is compliant"
printf 'x\n' >"$REG/::add-mask::secret"
printf 'x\n' >"$REG/  ::warning::indented"
printf 'x\n' >"$REG/$(printf 'nel\302\205right\342\200\256left\342\201\246iso')"
commit "files outside"
for fmt in text tap junit sarif json; do
	run_ppreg check "$REG" --as-of "$AS_OF" --changed "$base..HEAD" --format "$fmt"
	is "$(printf '%s\n' "$OUT" | grep -c '^[[:space:]]*::')" 0 "--format $fmt: no line starts with '::'"
	printf '%s\n' "$OUT" | grep -q $'\302\205\|\342\200\256\|\342\201\246'
	[ $? -ne 0 ]
	ok $? "--format $fmt: no C1 control or bidirectional override"
done
run_ppreg check "$REG" --as-of "$AS_OF" --changed "$base..HEAD"
printf '%s\n' "$OUT" | grep -q '^?:error title=forged::the registry is compliant:1:1: warning: core.outside-change: '
ok $? "text: the forged command is shown with '?' for its first ':'"
printf '%s\n' "$OUT" | grep -q '^  ?:warning::indented:1:1: '
ok $? "text: so is one behind spaces"
printf '%s\n' "$OUT" | grep -q '^nel?right?left?iso:1:1: warning: core.outside-change'
ok $? "text: C1 and bidirectional characters are shown as '?'"
run_ppreg check "$REG" --as-of "$AS_OF" --changed "$base..HEAD" --format github
is "$(printf '%s\n' "$OUT" | grep '^::' | grep -vc '^::warning file=')" 0 "github: every command line is ppreg's own annotation"
printf '%s\n' "$OUT" | grep -q '^::warning file=?%3Aadd-mask%3A%3Asecret,line=1,col=1,title=core.outside-change::'
ok $? "github: the file property is escaped as the runner expects"
done_testing
