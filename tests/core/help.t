#!/bin/bash
# Every command's usage lines name every option its --help describes (or
# say [options] and list them), and
# the README's command table names every command `ppreg --help` lists.
. "$(dirname "$0")/../lib/tap.sh"
for cmd in check attest verify keygen hook plugins rules init schema inspect expiring diff site; do
	help=$("$PPREG" "$cmd" --help)
	usage=$(printf '%s\n' "$help" | sed -n '/^usage:/,/^$/p')
	missing=
	# "[options]" in the usage stands for the options listed below it
	printf '%s\n' "$usage" | grep -qF '[options]' && usage="$usage $(printf '%s\n' "$help" | grep -oE '^ +--[a-z-]+')"
	for opt in $(printf '%s\n' "$help" | sed -n '/^$/,$p' | grep -oE '^ +--[a-z-]+' | tr -d ' ' | sort -u); do
		[ "$opt" = --help ] && continue
		printf '%s\n' "$usage" | grep -q -- "$opt" || missing="$missing $opt"
	done
	is "$missing" "" "ppreg $cmd --help: the usage lines name every option described"
done
for cmd in $("$PPREG" --help | sed -n '/^commands:/,/^$/p' | awk 'NR > 1 && NF {print $1}'); do
	grep -q "^| \`ppreg $cmd" "$PPREG_TOP/README.md"
	ok $? "the README's command table has ppreg $cmd"
done
grep -q -- '--changed BASE..HEAD' "$PPREG_TOP/README.md" && grep -q 'sarif\\|junit\\|github' "$PPREG_TOP/README.md"
ok $? "the README's check row names --changed and every format"
done_testing
