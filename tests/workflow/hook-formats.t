#!/bin/bash
# The hooks with a structured --format (json, sarif, junit, tap): stdout
# holds exactly one document per hook run, whatever the number of commits
# or references a push brings, and the one-line headers and the verdict go
# to stderr (Git shows both streams to the pusher). Checked on real pushes:
# the installed hook is wrapped so that its stdout is kept apart.
. "$(dirname "$0")/lib.sh"

SCHEMA=$PPREG_TOP/../shared/data/sarif-schema-2.1.0.json
make_registry
add_platform alpha beta
commit "three platforms"
SRV=$TMP/srv.git
git clone -q --bare "$REG" "$SRV"
WORK=$TMP/work
git clone -q "$SRV" "$WORK"
wcommit() { git -C "$WORK" add -A && git -C "$WORK" commit -q -m "$1"; }

# install FORMAT: ppreg's pre-receive with --format FORMAT, run by a wrapper
# that keeps its stdout in $TMP/hook.out and its stderr in $TMP/hook.err.
install() {
	rm -f "$SRV/hooks/pre-receive" "$SRV/hooks/update"
	run_ppreg hook install "$SRV" --as-of "$AS_OF" --format "$1" ${2:+--hook "$2"}
	local name=${2:-pre-receive}
	[ $RC -eq 0 ] || diag "install: $ERR"
	mv "$SRV/hooks/$name" "$SRV/hooks/ppreg-$name"
	printf '#!/bin/sh\n"%s" "$@" >"%s" 2>"%s"\nrc=$?\ncat "%s" >&2\nexit $rc\n' \
		"$SRV/hooks/ppreg-$name" "$TMP/hook.out" "$TMP/hook.err" "$TMP/hook.err" >"$SRV/hooks/$name"
	chmod +x "$SRV/hooks/$name"
}
push() { OUT=$(git -C "$WORK" push "$@" 2>&1); RC=$?; HOOK_ERR=$(cat "$TMP/hook.err"); }
# on_server: the clone back at the server's branch (after a rejected push).
on_server() { git -C "$WORK" reset -q --hard "$(git -C "$SRV" rev-parse HEAD)"; }
# A push of three commits, the middle one bad.
three_commits() {
	on_server
	touch_platform alpha "$WORK" "one"; wcommit "good 1"
	break_platform beta "$WORK"; wcommit "bad 2"
	fix_platform beta "$WORK"; wcommit "good 3"
}
valid_sarif() { # FILE DESCRIPTION
	if [ -f "$SCHEMA" ]; then
		python3 - "$SCHEMA" "$1" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
jsonschema.validators.validator_for(schema)(schema, format_checker=jsonschema.FormatChecker()).validate(doc)
PY
		ok $? "$2"
	else
		ok 0 "# SKIP no ../shared/data/sarif-schema-2.1.0.json"
	fi
}
err_has() { printf '%s\n' "$HOOK_ERR" | grep -qF -- "$1"; ok $? "$2"; }

# ---- SARIF ----
install sarif
three_commits
push origin HEAD
ok $((RC == 0)) "sarif: a push with a bad commit in the middle is rejected"
has "pre-receive hook declined" "(by the hook)"
valid_sarif "$TMP/hook.out" "stdout is one SARIF document, valid against the schema"
python3 - "$TMP/hook.out" "$BAD_RULE" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
runs = d["runs"]
assert len(runs) == 3, len(runs)
assert len({r["properties"]["commit"] for r in runs}) == 3, "one run per commit"
assert all(r["properties"]["ref"] == "refs/heads/master" for r in runs), "each names its reference"
bad = [r for r in runs if any(x["ruleId"] == sys.argv[2] for x in r["results"])]
assert len(bad) == 1, "the bad commit's run has the finding"
PY
ok $? "one run per commit, the bad one with its finding"
grep -q "^ppreg: " "$TMP/hook.out"
ok $((! $?)) "no header line on stdout"
err_has "commit $(git -C "$WORK" rev-parse --short=12 HEAD~1): REJECTED" "the headers go to stderr"
err_has "ppreg: push rejected" "and the verdict"
has "remote: ppreg: push rejected" "which the pusher sees"

on_server
touch_platform alpha "$WORK" "two"; wcommit "good a"
git -C "$WORK" tag -a -m "a release" v1 HEAD
push origin HEAD refs/tags/v1
expect_rc 0 "sarif: a branch and a tag in one push are accepted"
valid_sarif "$TMP/hook.out" "one valid SARIF document for both references"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["runs"]; assert len(r)==1, r' "$TMP/hook.out"
ok $? "(the commit both bring is judged once)"
push origin --delete v1
expect_rc 0 "sarif: a push that brings no commit"
valid_sarif "$TMP/hook.out" "is still one valid document (no run)"
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["runs"]==[]' "$TMP/hook.out"
ok $? "(runs is empty)"

# ---- JSON ----
install json
three_commits
push origin HEAD
ok $((RC == 0)) "json: rejected"
python3 - "$TMP/hook.out" "$BAD_RULE" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["tool"]["name"] == "ppreg" and d["hook"] == "pre-receive" and d["exit"] == 1, d
st = d["states"]
assert [s["exit"] for s in st] == [0, 1, 0], [s["exit"] for s in st]
assert all(s["ref"] == "refs/heads/master" and len(s["commit"]) == 40 for s in st)
bad = st[1]["report"]
assert bad["registry"]["commit"] == st[1]["commit"]
assert [p["id"] for p in bad["platforms"]] == ["beta"], bad["platforms"]
assert bad["platforms"][0]["verdict"] == "non-compliant"
assert any(f["rule"] == sys.argv[2] for f in bad["platforms"][0]["findings"])
PY
ok $? "json: one document, a report per commit with its reference, exit status and findings"
err_has "ppreg: push rejected" "json: the verdict on stderr"

# A commit that cannot be judged (registry.yaml names no known policy).
on_server
perl -0pi -e 's/^policy: .*/policy: no-such-policy\/1/m' "$WORK/registry.yaml"
wcommit "an unknown policy"
push origin HEAD
ok $((RC == 0)) "json: a commit that cannot be judged is rejected"
python3 -c '
import json,sys; d=json.load(open(sys.argv[1]))
st = d["states"]
# judged under the base policy too (issue 22, item 4): the state under its own has the error
assert d["exit"] == 2 and st[-1]["exit"] == 2 and st[-1]["error"] and "report" not in st[-1], d
assert len(st) == 2 and "report" in st[0], d' "$TMP/hook.out"
ok $? "json: still one document, the state with its error"
install sarif
push origin HEAD
valid_sarif "$TMP/hook.out" "sarif: a commit that cannot be judged gives a valid document"
python3 -c '
import json,sys; r=json.load(open(sys.argv[1]))["runs"]; inv=r[0]["invocations"][0]
inv=r[-1]["invocations"][0]
assert len(r) == 2 and inv["executionSuccessful"] is False and inv["toolExecutionNotifications"][0]["message"]["text"], r' "$TMP/hook.out"
ok $? "sarif: a run whose invocation failed, with the reason"

# ---- JUnit ----
install junit
three_commits
push origin HEAD
ok $((RC == 0)) "junit: rejected"
if command -v xmllint >/dev/null; then
	xmllint --noout "$TMP/hook.out"
	ok $? "junit: stdout is one well-formed XML document (xmllint)"
else
	ok 0 "# SKIP xmllint is not installed"
fi
python3 - "$TMP/hook.out" "$BAD_RULE" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites"
suites = root.findall("testsuite")
assert [s.get("name") for s in suites] == ["alpha", "beta", "beta"], [s.get("name") for s in suites]
assert int(root.get("tests")) == sum(int(s.get("tests")) for s in suites)
assert int(root.get("failures")) == sum(int(s.get("failures")) for s in suites) == 1
commits = {p.get("value") for s in suites for p in s.iter("property") if p.get("name") == "commit"}
assert len(commits) == 3, commits
PY
ok $? "junit: the suites of every commit, totals summed, each suite names its commit"

# ---- TAP ----
install tap
three_commits
push origin HEAD
ok $((RC == 0)) "tap: rejected"
python3 - "$TMP/hook.out" <<'PY'
import re, sys
lines = open(sys.argv[1]).read().splitlines()
assert lines[0] == "TAP version 13" and re.fullmatch(r"1\.\.\d+", lines[1]), lines[:2]
plan = int(lines[1][3:])
tests = [l for l in lines if re.match(r"(not )?ok \d+ ", l)]
assert [int(re.match(r"(?:not )?ok (\d+)", l).group(1)) for l in tests] == list(range(1, plan + 1))
assert sum(l.startswith("not ok") for l in tests) == 1
assert all(l.startswith(("ok ", "not ok ", "#")) for l in lines[2:]), "nothing but tests and comments"
PY
ok $? "tap: one plan, tests numbered 1..N across the commits"

# ---- the update hook ----
install sarif update
three_commits
push origin HEAD
ok $((RC == 0)) "update hook, sarif: rejected"
valid_sarif "$TMP/hook.out" "update hook: one valid SARIF document"
err_has "ppreg: push rejected" "its verdict on stderr"

# ---- pre-commit: the staged content ----
on_server
break_platform alpha "$WORK"
git -C "$WORK" add -A
(cd "$WORK" && "$PPREG" hook pre-commit --as-of "$AS_OF" --format sarif >"$TMP/pc.out" 2>"$TMP/pc.err"); RC=$?
expect_rc 1 "pre-commit, sarif: a broken staged platform"
valid_sarif "$TMP/pc.out" "pre-commit: one valid SARIF document on stdout"
grep -q "ppreg: staged changes: REJECTED" "$TMP/pc.err" && grep -q "commit refused" "$TMP/pc.err"
ok $? "the header and the verdict on stderr"
(cd "$WORK" && "$PPREG" hook pre-commit --as-of "$AS_OF" --format json >"$TMP/pc.out" 2>"$TMP/pc.err"); RC=$?
python3 -c '
import json,sys; d=json.load(open(sys.argv[1]))
assert d["hook"] == "pre-commit" and d["exit"] == 1 and len(d["states"]) == 1 and d["states"][0]["ref"] is None, d' "$TMP/pc.out"
ok $? "pre-commit, json: one document for the staged content"
# The text format keeps everything on stdout, in order.
run_ppreg hook pre-commit "$WORK" --as-of "$AS_OF"
has "ppreg: staged changes: REJECTED" "text: the header on stdout"
has "commit refused" "and the verdict"

done_testing
