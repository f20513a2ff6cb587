#!/bin/bash
# YAML features that are not part of the format, or that YAML libraries
# read differently, in each declaration file: tabs in indentation, tags
# (!!binary, !!python/object, even !!str), merge keys, several documents,
# keys that are not strings, duplicate keys, unknown and recursive anchors,
# broken flow collections and roots that are not mappings. Each is its
# documented rule (core.yaml-syntax, core.type, core.duplicate-key) at its
# line, and exit 1.
. "$(dirname "$0")/lib.sh"

for f in $DECLARATIONS; do
	L=$(( $(lines_of $f) + 1 ))
	hostile "a tab in the indentation" $f core.yaml-syntax $L "cat \"\$E\"; printf '\\tx: 1\\n'"
	hostile "a !!binary tag" $f core.type $L "cat \"\$E\"; printf 'x: !!binary aGVsbG8=\\n'"
	hostile "a !!python/object tag" $f core.type $L "cat \"\$E\"; printf 'x: !!python/object:os.system {a: 1}\\n'"
	hostile "a !!str tag on format" $f core.type 1 "sed '1s/^format: /format: !!str /' \"\$E\""
	hostile "a verbatim tag" $f core.type $L "cat \"\$E\"; printf 'x: !<tag:yaml.org,2002:int> 1\\n'"
	hostile "a %TAG shorthand" $f core.type $((L + 2)) \
		"printf '%%TAG !e! tag:example.com,2000:\\n---\\n'; cat \"\$E\"; printf 'x: !e!thing [1]\\n'"
	hostile "a flow merge key" $f core.type $L "cat \"\$E\"; printf 'x: {<<: {a: 1}, b: 2}\\n'"
	hostile "a block merge key" $f core.type $((L + 1)) "cat \"\$E\"; printf 'base: &b {a: 1}\\n<<: *b\\n'"
	hostile "a second document" $f core.yaml-syntax $L "cat \"\$E\"; printf -- '---\\nformat: ppreg/1\\n'"
	hostile "an empty second document" $f core.yaml-syntax $((L + 1)) "cat \"\$E\"; printf -- '...\\n---\\n'"
	hostile "an integer key" $f core.type $L "cat \"\$E\"; printf '12: x\\n'"
	hostile "a boolean key" $f core.type $L "cat \"\$E\"; printf 'true: x\\n'"
	hostile "a null key" $f core.type $L "cat \"\$E\"; printf '~: x\\n'"
	# each first byte that may start a key that is not a string (yaml/loader.c's check_key)
	hostile "a false key" $f core.type $L "cat \"\$E\"; printf 'false: x\\n'"
	hostile "a null key spelled NULL" $f core.type $L "cat \"\$E\"; printf 'NULL: x\\n'"
	hostile "a null key spelled null" $f core.type $L "cat \"\$E\"; printf 'null: x\\n'"
	hostile "a negative integer key" $f core.type $L "cat \"\$E\"; printf -- '-3: x\\n'"
	hostile "a decimal key" $f core.type $L "cat \"\$E\"; printf '1.5: x\\n'"
	hostile "a list as a key" $f core.type $L "cat \"\$E\"; printf '[a, b]: x\\n'"
	hostile "a mapping as a key" $f core.type $L "cat \"\$E\"; printf '{a: 1}: x\\n'"
	hostile "a complex key" $f core.type $L "cat \"\$E\"; printf '? [a, b]\\n: x\\n'"
	hostile "a duplicate key" $f core.duplicate-key $L "cat \"\$E\"; printf 'format: ppreg/1\\n'"
	hostile "a duplicate key, once quoted" $f core.duplicate-key $L "cat \"\$E\"; printf '\"format\": ppreg/1\\n'"
	hostile "an alias to an unknown anchor" $f core.yaml-syntax $L "cat \"\$E\"; printf 'x: *nowhere\\n'"
	hostile "an anchor inside itself" $f core.yaml-syntax $L "cat \"\$E\"; printf 'x: &a [1, *a]\\n'"
	hostile "an unclosed flow list" $f core.yaml-syntax - "cat \"\$E\"; printf 'x: [a, b\\n'"
	hostile "an unclosed quote" $f core.yaml-syntax - "cat \"\$E\"; printf 'x: \"abc\\n'"
	hostile "an empty file" $f core.type 1 "true"
	hostile "a file of comments" $f core.type 1 "printf '# nothing\\n'"
	hostile "a list as the root" $f core.type 1 "printf -- '- format: ppreg/1\\n'"
	hostile "a scalar as the root" $f core.type 1 "printf 'format: ppreg/1\\n' | tr -d ':'"
	hostile "another format version" $f core.type 1 "sed '1s|ppreg/1|ppreg/2|' \"\$E\""
done

# Directives a YAML 1.1 reader would honour change nothing here: ppreg
# reads every scalar its own strict way (docs/hostile-input.md).
accepted "a %YAML 1.1 directive" registration "printf '%%YAML 1.1\\n---\\n'; cat \"\$E\""
accepted "an explicit end of document" registration "cat \"\$E\"; printf -- '...\\n'"

done_testing
