#!/bin/bash
# Hostile bytes in each declaration file: NUL (raw and escaped), Latin-1,
# overlong forms, surrogates, code points past U+10FFFF, a truncated
# sequence, UTF-16 and UTF-32 files, control characters. Each is refused
# with core.encoding (or core.yaml-syntax where libyaml's reader refuses a
# character YAML does not allow) and exit 1. A BOM with CRLF line ends, CR
# line ends and tabs between tokens are legal and stay compliant.
. "$(dirname "$0")/lib.sh"

for f in $DECLARATIONS; do
	L=$(( $(lines_of $f) + 1 ))
	hostile "a NUL byte" $f core.encoding $L "cat \"\$E\"; printf 'x: a\\000b\\n'"
	hostile "an escaped NUL (\\\\0)" $f core.encoding $L "cat \"\$E\"; printf 'x: \"a\\\\0b\"\\n'"
	hostile "Latin-1 (0xe9)" $f core.encoding $L "cat \"\$E\"; printf 'x: caf\\351\\n'"
	hostile "an overlong 2-byte /" $f core.encoding $L "cat \"\$E\"; printf 'x: \\300\\257\\n'"
	hostile "an overlong 3-byte /" $f core.encoding $L "cat \"\$E\"; printf 'x: \\340\\200\\257\\n'"
	hostile "an overlong 4-byte /" $f core.encoding $L "cat \"\$E\"; printf 'x: \\360\\200\\200\\257\\n'"
	hostile "a UTF-16 surrogate" $f core.encoding $L "cat \"\$E\"; printf 'x: \\355\\240\\200\\n'"
	hostile "U+110000" $f core.encoding $L "cat \"\$E\"; printf 'x: \\364\\220\\200\\200\\n'"
	hostile "a sequence cut by the end of the file" $f core.encoding $L "cat \"\$E\"; printf 'x: \\342\\202'"
	hostile "a UTF-16LE file with a BOM" $f core.encoding 1 \
		"printf '\\377\\376'; iconv -f UTF-8 -t UTF-16LE \"\$E\""
	hostile "a UTF-16BE file without a BOM" $f core.encoding 1 "iconv -f UTF-8 -t UTF-16BE \"\$E\""
	hostile "a UTF-32LE file" $f core.encoding 1 "iconv -f UTF-8 -t UTF-32LE \"\$E\""
	hostile "an escaped surrogate (\\\\ud800)" $f core.yaml-syntax $L "cat \"\$E\"; printf 'x: \"\\\\ud800\"\\n'"
	accepted "a UTF-8 BOM and CRLF line ends" $f "printf '\\357\\273\\277'; sed 's/\$/\\r/' \"\$E\""
	accepted "CR line ends" $f "tr '\\n' '\\r' <\"\$E\""
	accepted "a tab after a colon" $f "sed '1s/^format: /format:\\t/' \"\$E\""
done

# Characters YAML does not allow (C0 controls, DEL, C1, U+FFFE): libyaml's
# reader refuses them with a byte offset, which the loader turns into the
# line and column of the character.
E=$EXAMPLE/gdpr.yaml
L=$(( $(lines_of gdpr) + 1 ))
for c in '\001' '\033' '\177' '\302\200' '\357\277\276'; do
	{ cat "$E"; printf "x: a${c}b\\n"; } | put gdpr
	measure "control character $c in gdpr.yaml"
	expect_rc 1 "control character $c: exit 1"
	expect_finding core.encoding $DIR/gdpr.yaml $L "control character $c: core.encoding at its line $L"
	printf '%s\n' "$OUT" | grep -Eq "^$DIR/gdpr.yaml:$L:5: error: core.encoding: .*\(U\+"
	ok $? "control character $c: at its column, naming the code point"
	no_crash "control character $c"
	restore gdpr
done

# Escape sequences a terminal or a CI log would obey never reach the output
# raw: a value echoed in a message has its control characters replaced.
E=$EXAMPLE/registration.yaml
sed 's/^  id: entraide-sante$/  id: "x\\e]0;owned\\a\\e[2J\\n::error file=a::forged"/' "$E" | put registration
for format in text json tap sarif junit github; do
	measure "an id with escapes, --format $format" --format "$format"
	expect_rc 1 "escapes in an echoed id, $format: exit 1"
	! printf '%s' "$OUT" | grep -q "$(printf '\033')"
	ok $? "escapes in an echoed id, $format: no ESC byte in the output"
	! printf '%s\n' "$OUT" | grep -q '^::error file=a'
	ok $? "escapes in an echoed id, $format: no forged line"
	no_crash "escapes in an echoed id, $format"
done
restore registration
commit restore

done_testing
