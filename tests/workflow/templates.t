#!/bin/bash
# The CI templates (docs/ci/) and .pre-commit-hooks.yaml are run as they are
# written: their shell steps are taken from the YAML and run on a pull
# request made with real Git, with `ppreg` on the PATH.
. "$(dirname "$0")/lib.sh"

python3 -c 'import yaml' 2>/dev/null || skip_all "python3-yaml is needed to read the templates"
GH=$PPREG_TOP/docs/ci/github-actions.yml
GL=$PPREG_TOP/docs/ci/gitlab-ci.yml
PC=$PPREG_TOP/.pre-commit-hooks.yaml

# ppreg on the PATH, judging as of the tests' date.
mkdir -p "$TMP/bin"
printf '#!/bin/sh\nexec "%s" "$@" --as-of %s\n' "$PPREG" "$AS_OF" >"$TMP/bin/ppreg"
chmod +x "$TMP/bin/ppreg"
export PATH="$TMP/bin:$PATH"

# A server with main, and a pull request that breaks alpha and adds notes.
make_registry
add_platform alpha beta
commit "three platforms"
git clone -q --bare "$REG" "$TMP/srv.git"
git -C "$TMP/srv.git" symbolic-ref HEAD refs/heads/main 2>/dev/null
git -C "$REG" push -q "$TMP/srv.git" HEAD:refs/heads/main
PR=$TMP/pr
git clone -q "$TMP/srv.git" "$PR"
git -C "$PR" checkout -q -b feature origin/main
break_platform alpha "$PR"
echo notes >"$PR/NOTES.md"
git -C "$PR" add -A && git -C "$PR" commit -q -m "the pull request"

# step FILE PYTHON-EXPR: the shell text the expression picks from the YAML.
step() { python3 -c 'import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"; }

ERR=
# ---- GitHub Actions ----
run=$(step "$GH" '[s for s in d["jobs"]["check"]["steps"] if s.get("id") == "ppreg"][0]["run"]')
range=$(step "$GH" '[s for s in d["jobs"]["check"]["steps"] if s.get("id") == "ppreg"][0]["env"]["RANGE"]')
is "$range" 'origin/${{ github.base_ref }}...HEAD' "the range is the pull request's (merge base to head)"
: >"$TMP/gh-output"
OUT=$(cd "$PR" && RANGE=origin/main...HEAD GITHUB_OUTPUT="$TMP/gh-output" bash -e -c "$run" 2>&1); RC=$?
expect_rc 0 "the GitHub step itself runs to the end"
is "$(cat "$TMP/gh-output")" "status=1" "it records ppreg's exit status 1 for the next steps"
has "::error file=platforms/alpha/registration.yaml,line=$BAD_LINE" "annotations are printed"
has "::warning file=NOTES.md" "the outside change is annotated"
python3 -c '
import json, sys; d = json.load(open(sys.argv[1]))
r = d["runs"][0]["results"]
assert {x["ruleId"] for x in r} == {sys.argv[2], "core.outside-change"}, r' "$PR/ppreg.sarif" "$BAD_RULE"
ok $? "ppreg.sarif holds the pull request's findings, and only those"
grep -q "upload-sarif" "$GH" && grep -q "sarif_file: ppreg.sarif" "$GH"
ok $? "the SARIF file is uploaded to code scanning"
upload_if=$(step "$GH" '[s for s in d["jobs"]["check"]["steps"] if "upload-sarif" in s.get("uses", "")][0]["if"]')
printf '%s' "$upload_if" | grep -qF "github.event.pull_request.head.repo.full_name == github.repository"
ok $? "the upload is skipped on a fork's pull request (its token is read-only)"
# When ppreg cannot judge, the failing step shows ppreg's own reason.
rm -f "$PR/ppreg.sarif"
: >"$TMP/gh-output"
OUT=$(cd "$PR" && RANGE=no-such-base...HEAD GITHUB_OUTPUT="$TMP/gh-output" bash -e -c "$run" 2>&1); RC=$?
is "$RC:$(cat "$TMP/gh-output")" "0:status=2" "a run that cannot be judged records exit 2"
has "::error title=ppreg::" "and its annotation says why"
grep -q '"executionSuccessful": false' "$PR/ppreg.sarif"
ok $? "the SARIF file says the run failed"
fail=$(step "$GH" '[s for s in d["jobs"]["check"]["steps"] if s.get("name") == "Fail on errors"][0]["run"]')
fail=${fail//'${{ steps.ppreg.outputs.status }}'/2}
OUT=$(cd "$PR" && bash -e -c "$fail" 2>&1); RC=$?
expect_rc 1 "the failing step fails the job"
has "no-such-base" "and shows ppreg's reason"

# ---- GitLab CI ----
script=$(step "$GL" '"\n".join(d["ppreg"]["script"])')
OUT=$(cd "$PR" && CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main bash -c "$script" 2>&1); RC=$?
expect_rc 1 "the GitLab job fails on an error finding"
xmllint --noout "$PR/ppreg-junit.xml" 2>/dev/null || python3 -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' "$PR/ppreg-junit.xml"
ok $? "the JUnit report is well-formed"
grep -q "<testsuite name=\"alpha\"" "$PR/ppreg-junit.xml" && ! grep -q "<testsuite name=\"beta\"" "$PR/ppreg-junit.xml"
ok $? "it has a suite for the changed platform only"
is "$(step "$GL" 'd["ppreg"]["artifacts"]["reports"]["junit"]')" "ppreg-junit.xml" "GitLab reads it as the job's test report"
fix_platform alpha "$PR"
git -C "$PR" rm -q NOTES.md && git -C "$PR" commit -q -am "fixed"
OUT=$(cd "$PR" && CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main bash -c "$script" 2>&1); RC=$?
expect_rc 0 "once fixed, the job passes"

# ---- pre-commit framework ----
is "$(step "$PC" 'd[0]["id"] + " " + d[0]["language"] + " " + str(d[0]["pass_filenames"])')" \
	"ppreg system True" ".pre-commit-hooks.yaml declares the ppreg hook, given the files"
entry=$(step "$PC" 'd[0]["entry"]')
files=$(step "$PC" 'd[0]["files"]')
printf 'platforms/alpha/registration.yaml\nregistry.yaml\n' | grep -Eqc "$files"
ok $? "its files pattern takes platforms/ and registry.yaml"
# framework [--all-files]: the entry as the framework runs it, with the
# staged files (or every file) the pattern takes; none: the hook is skipped.
framework() {
	local list
	if [ "${1:-}" = --all-files ]; then list=$(git -C "$PR" ls-files); else list=$(git -C "$PR" diff --cached --name-only); fi
	list=$(printf '%s\n' "$list" | grep -E "$files")
	OUT=$(cd "$PR" && $entry $list 2>&1); RC=$?
}
break_platform beta "$PR"
git -C "$PR" add -A
framework
expect_rc 1 "its entry, as the framework runs it, refuses a broken staged platform"
has "platforms/beta/registration.yaml:$BAD_LINE:" "with the finding"
git -C "$PR" commit -q --no-verify -m "beta broken past the hook"
framework --all-files
expect_rc 1 "pre-commit run --all-files on a HEAD that fails: not Passed"
has "checked alpha, beta" "every platform is judged"
has "platforms/beta/registration.yaml:$BAD_LINE:" "and the finding is shown"
fix_platform beta "$PR"
git -C "$PR" commit -q -am "beta fixed"
framework --all-files
expect_rc 0 "--all-files on a compliant HEAD: passed"
# A registry in a folder of the repository: the files name it.
mkdir -p "$TMP/sub" && git -C "$TMP/sub" init -q
cp -R "$PR/platforms" "$PR/registry.yaml" "$TMP/sub/" 2>/dev/null
mkdir -p "$TMP/sub/registry" && mv "$TMP/sub/platforms" "$TMP/sub/registry.yaml" "$TMP/sub/registry/"
break_platform alpha "$TMP/sub/registry"
git -C "$TMP/sub" add -A && git -C "$TMP/sub" -c user.email=t@t -c user.name=t commit -q -m sub
OUT=$(cd "$TMP/sub" && $entry $(git ls-files | grep -E '^registry/(platforms/|registry\.yaml$)') 2>&1); RC=$?
expect_rc 1 "a registry in a folder: found from the files' paths"
has "platforms/alpha/registration.yaml:$BAD_LINE:" "with the finding"

# ---- the refs the templates and docs name ----
# A ref that a user copies must exist in every clone of ppreg: a commit id
# of this repository (a tag may not travel with a clone).
if git -C "$PPREG_TOP" rev-parse --git-dir >/dev/null 2>&1; then
	refs=$(grep -ohE '(rev|PPREG_REF):[[:space:]]*[A-Za-z0-9._/-]+' "$GH" "$GL" "$PC" "$PPREG_TOP"/docs/*.md "$PPREG_TOP"/README.md |
	       sed -E 's/^[^:]*:[[:space:]]*//' | sort -u)
	[ -n "$refs" ]
	ok $? "the templates name the ref to build"
	for ref in $refs; do
		[[ $ref =~ ^[0-9a-f]{40}$ ]] && git -C "$PPREG_TOP" cat-file -e "$ref^{commit}" 2>/dev/null &&
			git -C "$PPREG_TOP" merge-base --is-ancestor "$ref" HEAD
		ok $? "ref $ref is a commit id of this repository's history"
	done
else
	ok 0 "# SKIP not a Git checkout of ppreg"
fi
done_testing
