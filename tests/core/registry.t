#!/bin/bash
# Registry access: Git objects at a revision, bare repositories, a folder
# inside a repository, --worktree, and what a platform folder may hold.
. "$(dirname "$0")/lib.sh"

sample 'format: ppreg/1\nname: a\nflag: false\n'
first=$(git -C "$REG" rev-parse HEAD)
printf 'format: ppreg/1\nname: a\n' >"$REG/$F"
check_sample
expect_finding coretest.flag $F 3 "HEAD is read, not the working file"
check_sample --worktree
expect_rc 0 "--worktree reads the working file"
commit
check_sample
expect_rc 0 "after a commit HEAD is compliant"
check_sample --rev "$first"
expect_finding coretest.flag $F 3 "--rev reads an older commit"
check_sample --rev no-such-rev
expect_rc 2 "an unknown revision exits 2"

git clone -q --bare "$REG" "$TMP/bare.git"
run_ppreg check "$TMP/bare.git" --policy "$TEST_POLICY" --plugin-dir "$TEST_PLUGINS" --as-of "$AS_OF"
expect_rc 0 "a bare repository is a registry"

# A registry in a folder of a larger repository (as this project's registry/).
mkdir -p "$TMP/outer" && git init -q "$TMP/outer"
cp -R "$REG" "$TMP/outer/reg" && rm -rf "$TMP/outer/reg/.git"
git -C "$TMP/outer" add -A && git -C "$TMP/outer" commit -q -m outer
run_ppreg check "$TMP/outer/reg" --policy "$TEST_POLICY" --plugin-dir "$TEST_PLUGINS" --as-of "$AS_OF"
expect_rc 0 "a folder inside a repository is read at HEAD"
printf '%s\n' "$OUT" | grep -q '^== p: compliant'
ok $? "its platforms are found"

# Tree entries: symlink, executable bit, submodule.
sample 'format: ppreg/1\nname: a\nevidence: evidence/doc.txt\n'
mkdir -p "$REG/platforms/p/evidence"
echo secret >"$TMP/outside.txt"
ln -s "$TMP/outside.txt" "$REG/platforms/p/evidence/doc.txt"
commit
check_sample
expect_finding core.tree-entry platforms/p/evidence/doc.txt 1 "a symlink is a tree-entry finding"
expect_finding coretest.evidence $F 3 "the plugin is told the evidence is a link"
printf '%s\n' "$OUT" | grep -q 'coretest.evidence: symlink'
ok $? "file_sha256 returns PPREG_SYMLINK, never the target's digest"
check_sample --worktree
printf '%s\n' "$OUT" | grep -q 'coretest.evidence: symlink'
ok $? "--worktree does not follow the link either"

sample 'format: ppreg/1\nname: a\nevidence: ../p/sample.yaml\n'
check_sample
printf '%s\n' "$OUT" | grep -q 'coretest.evidence: escapes'
ok $? "a path with .. escapes"
sample 'format: ppreg/1\nname: a\nevidence: /etc/passwd\n'
check_sample
printf '%s\n' "$OUT" | grep -q 'coretest.evidence: escapes'
ok $? "an absolute path escapes"
sample 'format: ppreg/1\nname: a\nevidence: evidence/none.pdf\n'
check_sample
printf '%s\n' "$OUT" | grep -q 'coretest.evidence: absent'
ok $? "a missing file is absent"
sample 'format: ppreg/1\nname: a\nevidence: sample.yaml\n'
check_sample
printf '%s\n' "$OUT" | grep -q "coretest.evidence: ok $(sha256sum "$REG/$F" | cut -c1-64)"
ok $? "file_sha256 gives the blob's SHA-256"

sample 'format: ppreg/1\nname: a\n'
echo 'echo hi' >"$REG/platforms/p/run.sh" && chmod +x "$REG/platforms/p/run.sh"
commit
check_sample
expect_finding core.tree-entry platforms/p/run.sh 1 "an executable file is a tree-entry finding"

sample 'format: ppreg/1\nname: a\n'
git -C "$REG" update-index --add --cacheinfo 160000,$(git -C "$REG" rev-parse HEAD),platforms/p/sub
git -C "$REG" commit -q -m submodule
check_sample
expect_finding core.tree-entry platforms/p/sub 1 "a submodule is a tree-entry finding"

sample 'format: ppreg/1\nname: a\n'
ln -s sample.yaml "$REG/platforms/p/other.yaml"
git -C "$REG" rm -q --cached "$F" && rm "$REG/$F" && ln -s other.yaml "$REG/$F"
commit
check_sample
expect_finding core.tree-entry $F 1 "a symlinked declaration is not followed"
printf '%s\n' "$OUT" | grep -q '^== p: invalid'
ok $? "a declaration that cannot be read makes the verdict invalid"

sample 'format: ppreg/1\nname: a\n'
git -C "$REG" rm -q "$F" && mkdir -p "$REG/platforms/p" && echo x >"$REG/platforms/p/keep.txt"
commit
check_sample
expect_finding core.missing-file $F 1 "a missing declaration is core.missing-file"

# With --worktree, a FIFO (or socket, or device) is neither read nor called
# a link: reading a FIFO would block the run.
sample 'format: ppreg/1\nname: a\n'
mkfifo "$REG/platforms/p/pipe"
timeout 10 "$PPREG" check "$REG" --worktree --as-of "$AS_OF" --policy "$TEST_POLICY" --plugin-dir "$TEST_PLUGINS" \
	>"$TMP/out" 2>"$TMP/err"
RC=$? OUT=$(cat "$TMP/out")
expect_rc 1 "a FIFO in the folder (--worktree): exit 1, no hang"
printf '%s\n' "$OUT" | grep -q "^platforms/p/pipe:1:1: error: core.tree-entry: pipe is not a regular file (a FIFO, socket or device)"
ok $? "a FIFO is a tree-entry finding that says what it is"

# A folder too large or too deep to be listed in full is not read: one
# core.limits finding that says which bound, and no "missing" declaration
# that is merely past the listing's end.
sample 'format: ppreg/1\nname: a\n'
d="$REG/platforms/p/evidence"; for i in $(seq 1 17); do d="$d/d"; done
mkdir -p "$d" && echo x >"$d/deep.txt"
commit
for mode in "" --worktree; do
	check_sample $mode
	expect_rc 1 "a folder 18 levels deep${mode:+ ($mode)}: exit 1"
	printf '%s\n' "$OUT" | grep -q "^platforms/p:1:1: error: core.limits: the folder nests folders more than 16 levels deep: it is not read$"
	ok $? "a folder 18 levels deep${mode:+ ($mode)}: core.limits names the depth"
	expect_no_rule core.missing-file "a folder 18 levels deep${mode:+ ($mode)}: no declaration called missing"
	printf '%s\n' "$OUT" | grep -q '^== p: invalid$'
	ok $? "a folder 18 levels deep${mode:+ ($mode)}: invalid"
done
sample 'format: ppreg/1\nname: a\n'
mkdir -p "$REG/platforms/p/evidence/many" && (cd "$REG/platforms/p/evidence/many" && seq 1 10001 | xargs touch)
commit
check_sample
printf '%s\n' "$OUT" | grep -q "^platforms/p:1:1: error: core.limits: the folder holds more than 10000 entries: it is not read$"
ok $? "10 001 files in a folder: core.limits names the count"
expect_no_rule core.missing-file "10 001 files in a folder: no declaration called missing"

# An invalid platform (a declaration that could not be parsed) is never a
# pass, even under a policy that switched the parse rules off.
sample 'format: ppreg/1\nname: [unclosed\n'
sed 's/^severity: {}/severity: {core.yaml-syntax: "off"}/' "$TEST_POLICY" >"$TMP/quiet.yaml"
run_ppreg check "$REG" --as-of "$AS_OF" --policy "$TMP/quiet.yaml" --plugin-dir "$TEST_PLUGINS"
expect_rc 1 "an invalid platform under a policy that silences core.yaml-syntax: exit 1"
printf '%s\n' "$OUT" | grep -q '^== p: invalid$'
ok $? "... and its verdict is invalid"

# `platforms` that is not a folder cannot be judged, and is never followed.
sample 'format: ppreg/1\nname: a\n'
git -C "$REG" rm -q -r platforms && echo x >"$REG/platforms" && git -C "$REG" add platforms && commit
check_sample
expect_rc 2 "platforms committed as a file: exit 2"
printf '%s\n' "$ERR" | grep -q "platforms is not a folder"
ok $? "platforms committed as a file: says so"
mkdir -p "$TMP/elsewhere/platforms/p" && printf 'format: ppreg/1\nname: a\n' >"$TMP/elsewhere/platforms/p/sample.yaml"
rm "$REG/platforms" && ln -s "$TMP/elsewhere/platforms" "$REG/platforms" && git -C "$REG" add -A && commit
check_sample
expect_rc 2 "platforms committed as a link: exit 2"
check_sample --worktree
expect_rc 2 "platforms as a link on disk (--worktree): exit 2, not followed"
printf '%s\n' "$ERR" | grep -q "platforms is not a folder (a link or a file); it is not followed"
ok $? "platforms as a link on disk: says so"

# registry.yaml: another format cannot be judged (exit 2); its own fields
# are judged like a declaration's, reported under (registry) after the
# platforms, as --changed reports them.
sample 'format: ppreg/1\nname: a\n'
for bad in 'format: ppreg/2\n' ''; do
	printf "${bad}name: test\nauthority: test\npolicy: coretest/1\n" >"$REG/registry.yaml" && commit
	run_ppreg check "$REG" --as-of "$AS_OF" --plugin-dir "$TEST_PLUGINS"
	expect_rc 2 "registry.yaml with ${bad:-no format line}: exit 2"
	printf '%s\n' "$ERR" | grep -q "registry.yaml: expected 'format: ppreg/1'"
	ok $? "registry.yaml with ${bad:-no format line}: says which format is expected"
done
printf 'format: ppreg/2\npolicy: coretest/1\n' >"$REG/registry.yaml" && commit
check_sample
expect_rc 2 "registry.yaml of another format, with --policy: still exit 2"
printf 'format: ppreg/1\npolicy: coretest/1\nmotto: x\n' >"$REG/registry.yaml" && commit
check_sample
expect_rc 1 "registry.yaml without name and authority: exit 1"
expect_finding core.type registry.yaml 1 "registry.yaml without name: core.type"
expect_finding core.unknown-field registry.yaml 3 "an unknown field of registry.yaml: core.unknown-field"
printf '%s\n' "$OUT" | grep -q '^== (registry): non-compliant$'
ok $? "registry.yaml's findings come under (registry)"
check_sample --platform p
expect_no_rule core.unknown-field "with --platform, registry.yaml is not judged"

run_ppreg check "$TMP/nowhere" --policy "$TEST_POLICY" --plugin-dir "$TEST_PLUGINS"
expect_rc 2 "a path that does not exist exits 2"
mkdir -p "$TMP/notgit"
run_ppreg check "$TMP/notgit" --plugin-dir "$TEST_PLUGINS"
expect_rc 2 "a folder outside any repository exits 2"
is "$(printf '%s\n' "$ERR" | wc -l)" 1 "with one line"

done_testing
