#!/bin/bash
# Outputs for CI: SARIF 2.1.0 (validated against the official schema when
# ../shared/data has it), JUnit XML (well-formed, one suite per platform and
# one case per rule, hostile text escaped), GitHub annotations.
. "$(dirname "$0")/lib.sh"

SCHEMA=$PPREG_TOP/../shared/data/sarif-schema-2.1.0.json
make_registry
add_platform alpha beta
commit "three platforms"
break_platform alpha
# Hostile text that ends up in a message: markup, quotes, a CDATA end, a
# percent sign and a comma (GitHub's escapes), control characters XML 1.0
# cannot carry (YAML escapes \x01 and \x1b).
perl -0pi -e 's/, cooking\]/, "<b>&amp;\\"x\x27]]>--%0A, y\\x01\\x1b"]/' "$REG/platforms/alpha/registration.yaml"
echo notes >"$REG/NOTES.md"
commit "alpha breaks, notes"

# ---- SARIF ----
check_reg --format sarif
expect_rc 1 "--format sarif keeps the exit status"
printf '%s' "$OUT" >"$TMP/full.sarif"
check_reg --format sarif --changed HEAD~1..HEAD
printf '%s' "$OUT" >"$TMP/changed.sarif"
if [ -f "$SCHEMA" ] && python3 -c 'import jsonschema' 2>/dev/null; then
	for f in full changed; do
		python3 - "$SCHEMA" "$TMP/$f.sarif" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(doc)
PY
		ok $? "$f run: valid against the SARIF 2.1.0 schema"
	done
else
	ok 0 "# SKIP no ../shared/data/sarif-schema-2.1.0.json or python3-jsonschema"
	ok 0 "# SKIP no ../shared/data/sarif-schema-2.1.0.json or python3-jsonschema"
fi
python3 - "$TMP/full.sarif" "$BAD_RULE" "$BAD_LINE" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
rule, line = sys.argv[2], int(sys.argv[3])
assert d["$schema"].endswith("sarif-schema-2.1.0.json") and d["version"] == "2.1.0", "header"
assert len(d["runs"]) == 1, "one run"
run = d["runs"][0]
rules = run["tool"]["driver"]["rules"]
assert run["tool"]["driver"]["name"] == "ppreg"
ids = [r["id"] for r in rules]
assert len(ids) == len(set(ids)) and rule in ids and "core.yaml-syntax" in ids, "every rule once"
for r in rules:
    for k in ("shortDescription", "fullDescription", "help"):
        assert r[k]["text"], (r["id"], k)
    assert r["defaultConfiguration"]["level"] in ("error", "warning", "none"), r["id"]
res = [x for x in run["results"] if x["ruleId"] == rule]
assert len(res) == 1, "one result for the broken rule"
x = res[0]
assert x["level"] == "error" and x["message"]["text"]
assert ids[x["ruleIndex"]] == rule, "ruleIndex points at the rule"
loc = x["locations"][0]["physicalLocation"]
assert loc["artifactLocation"] == {"uri": "platforms/alpha/registration.yaml", "uriBaseId": "%SRCROOT%"}, loc
reg = loc["region"]
assert reg["startLine"] == line and reg["endLine"] == line and reg["startColumn"] >= 1 and reg["endColumn"] > reg["startColumn"], reg
assert "<b>" in x["message"]["text"], "the message is kept as text"
for x in run["results"]:
    assert x["ruleId"] in ids and x["level"] in ("error", "warning")
PY
ok $? "SARIF: rules with descriptions, help and level; the result's rule, level, message, file and region"
python3 -c '
import json,sys; d=json.load(open(sys.argv[1])); r=d["runs"][0]["results"]
assert any(x["ruleId"]=="core.outside-change" and x["level"]=="warning" and x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]=="NOTES.md" for x in r), r
assert not any(x["properties"]["platform"]=="beta" for x in r)' "$TMP/changed.sarif"
ok $? "SARIF of --changed: the outside change, nothing of unchanged platforms"

# A registry in a folder: the URI starts at the repository's root.
OUTER=$TMP/outer
mkdir -p "$OUTER" && git init -q "$OUTER"
cp -R "$REG" "$OUTER/sub dir" && rm -rf "$OUTER/sub dir/.git"
git -C "$OUTER" add -A && git -C "$OUTER" commit -q -m outer
run_ppreg check "$OUTER/sub dir" --as-of "$AS_OF" --format sarif
printf '%s' "$OUT" | python3 -c '
import json,sys; d=json.load(sys.stdin)
uris={x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for x in d["runs"][0]["results"]}
assert "sub%20dir/platforms/alpha/registration.yaml" in uris, uris'
ok $? "SARIF URIs are relative to the repository's root, percent-encoded"

# ---- JUnit ----
check_reg --format junit
expect_rc 1 "--format junit keeps the exit status"
printf '%s' "$OUT" >"$TMP/out.xml"
if command -v xmllint >/dev/null; then
	xmllint --noout "$TMP/out.xml"
	ok $? "JUnit output is well-formed XML (xmllint)"
else
	ok 0 "# SKIP xmllint is not installed"
fi
python3 - "$TMP/out.xml" "$BAD_RULE" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
rule = sys.argv[2]
assert root.tag == "testsuites"
suites = root.findall("testsuite")
assert sorted(s.get("name") for s in suites) == ["alpha", "beta", "entraide-sante"], [s.get("name") for s in suites]
n = {len(s.findall("testcase")) for s in suites}
assert len(n) == 1, "every suite has one case per rule"
for s in suites:
    names = [c.get("name") for c in s.findall("testcase")]
    assert len(names) == len(set(names)) and int(s.get("tests")) == len(names)
alpha = [s for s in suites if s.get("name") == "alpha"][0]
failed = [c for c in alpha.findall("testcase") if c.find("failure") is not None]
assert [c.get("name") for c in failed] == [rule], [c.get("name") for c in failed]
f = failed[0].find("failure")
assert "<b>&amp;\"x'" in f.get("message") and "]]>" in f.text, f.text
assert alpha.get("failures") == "1" and root.get("failures") == "1"
beta = [s for s in suites if s.get("name") == "beta"][0]
assert all(c.find("failure") is None for c in beta.findall("testcase"))
PY
ok $? "JUnit: a suite per platform, a case per rule, the broken rule fails, hostile text round-trips"

# ---- GitHub annotations ----
check_reg --format github
expect_rc 1 "--format github keeps the exit status"
printf '%s\n' "$OUT" | grep -q "^::error file=platforms/alpha/registration.yaml,line=$BAD_LINE,col=[0-9]*,title=$BAD_RULE::"
ok $? "an ::error annotation with file, line, column and rule"
printf '%s\n' "$OUT" | grep -q "%250A%2C\|%250A, y"
ok $? "the message's % is escaped, so no annotation is forged"
check_reg --format github --changed HEAD~1..HEAD
printf '%s\n' "$OUT" | grep -q "^::warning file=NOTES.md,line=1,col=1,title=core.outside-change::"
ok $? "an outside change is a ::warning"

check_reg --format nonsense
expect_rc 2 "an unknown format exits 2"
printf '%s\n' "$ERR" | grep -q "sarif, junit"
ok $? "and lists the formats"

# A file changed outside whose name has a control character and a byte
# that is not UTF-8: its URI percent-encodes the real bytes, not the '?'
# the text shows.
make_registry
printf 'odd\n' >"$REG/"$'odd\x01name\xe9.md'
commit "an oddly named file"
check_reg --format sarif --changed HEAD~1..HEAD
printf '%s' "$OUT" >"$TMP/odd.sarif"
python3 -c '
import json,sys; r=json.load(open(sys.argv[1]))["runs"][0]["results"]
uris=[x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for x in r if x["ruleId"]=="core.outside-change"]
assert uris == ["odd%01name%E9.md"], uris' "$TMP/odd.sarif"
ok $? "SARIF: the URI of an outside file percent-encodes its real bytes"
if [ -f "$SCHEMA" ] && python3 -c 'import jsonschema' 2>/dev/null; then
	python3 -c '
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(json.load(open(sys.argv[2])))' \
		"$SCHEMA" "$TMP/odd.sarif"
	ok $? "and the document is valid against the SARIF 2.1.0 schema"
else
	ok 0 "# SKIP no ../shared/data/sarif-schema-2.1.0.json or python3-jsonschema"
fi
check_reg --changed HEAD~1..HEAD
has "odd?name?.md:1:1: warning: core.outside-change" "(the text shows it cleaned)"

# A report that cannot be built is never half-written: the document says
# the run failed and why (JSON names the registry's path, which must be
# UTF-8 in a report).
odd=$TMP/$'\xff'reg
cp -R "$REG" "$odd"
for range in "" "--changed HEAD~1..HEAD"; do
	run_ppreg check "$odd" --as-of "$AS_OF" --format json $range
	got=$(printf '%s' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["exit"], d["error"], "platforms" in d)')
	is "$RC:$got:$ERR" "2:2 cannot build the JSON report False:ppreg check: cannot build the JSON report" \
		"check ${range:+$range }--format json: a path not UTF-8 is said, and nothing is half-written"
done

done_testing
