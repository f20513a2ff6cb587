#!/bin/bash
# ppreg init ID: a new platform folder written from the loaded plugins'
# schemas. It parses, every required field is reported empty on its line
# until filled, once filled from a passing declaration it passes, and it
# never writes over anything or leaves half a folder.
. "$(dirname "$0")/../lib/tap.sh"
FILES="alert.yaml charter.yaml gdpr.yaml partnership.yaml registration.yaml training.yaml transparency.yaml"

make_registry
run_ppreg init nouvelle "$REG"
expect_rc 0 "init: exit 0"
is "$(cd "$REG/platforms/nouvelle" && ls | tr '\n' ' ')" "$FILES " "init: one file per declaration file of the policy"
is "$(ls -A "$REG" | grep -c '^\.ppreg-init')" 0 "init: no temporary folder left"
N=platforms/nouvelle
check_reg --worktree --platform nouvelle
expect_rc 1 "the template: findings, exit 1"
expect_grep -F "== nouvelle: non-compliant" "the template parses: non-compliant, not invalid"
expect_no_rule 'core\.(yaml-syntax|unknown-field|duplicate-key|limits|type: .* expected)' "the template: no key unknown, no value mistyped"
line=$(grep -n '^  version:$' "$REG/$N/charter.yaml" | cut -d: -f1)
expect_finding charter.official-version "$N/charter.yaml" "$line" "charter.version left empty: reported on its line"
line=$(grep -n '^    partner:$' "$REG/$N/charter.yaml" | cut -d: -f1)
expect_finding charter.pseudonymous "$N/charter.yaml" "$line" "a commitment's partner left empty: reported on its line"
grep -q '^#   # optional, a string$' "$REG/$N/registration.yaml" && grep -q '^#   website:$' "$REG/$N/registration.yaml"
ok $? "optional fields are there, commented out, with their type"
grep -q '^  # required, one of SA|SAS|' "$REG/$N/registration.yaml"
ok $? "an enum's comment lists its values"

# Filled as an author would, from entraide-sante's values, it passes.
rm -rf "$REG/platforms/entraide-sante"
run_ppreg init entraide-sante "$REG"
expect_rc 0 "init entraide-sante: exit 0"
cp -R "$PPREG_TOP/registry/platforms/entraide-sante/evidence" "$REG/platforms/entraide-sante/"
args=
for f in $FILES; do
	args="$args $REG/platforms/entraide-sante/$f $PPREG_TOP/registry/platforms/entraide-sante/$f $TMP/$f"
done
python3 "$PPREG_TOP/tests/lib/fill_template.py" $args >"$TMP/fill" 2>&1
rc=$?
[ $rc -eq 77 ] || is "$rc:$(cat "$TMP/fill")" "0:" "the templates ask only for what a passing declaration gives"
for f in $FILES; do [ $rc -eq 0 ] && cp "$TMP/$f" "$REG/platforms/entraide-sante/$f"; done
if [ $rc -eq 77 ]; then
	ok 0 "# SKIP PyYAML is not installed"
else
	check_reg --worktree --platform entraide-sante
	expect_rc 0 "the templates filled in: compliant"
	[ "$RC" -eq 0 ] || diag "$OUT"
fi

# Never over an existing folder, even an empty one; nothing for a bad id.
sum=$(cat "$REG/$N"/* | sha256sum)
run_ppreg init nouvelle "$REG"
expect_rc 2 "init over an existing platform: exit 2"
expect_grep -v . "init over an existing platform: nothing on stdout"
printf '%s\n' "$ERR" | grep -q "^ppreg init: .*nouvelle already exists"
ok $? "init over an existing platform: says it exists"
is "$(cat "$REG/$N"/* | sha256sum)" "$sum" "init over an existing platform: its files unchanged"
mkdir "$REG/platforms/vide"
run_ppreg init vide "$REG"
expect_rc 2 "init over an empty folder: exit 2"
is "$(ls -A "$REG/platforms/vide")" "" "init over an empty folder: left empty"
for id in Majuscule ../evasion x -tiret; do
	run_ppreg init "$id" "$REG"
	expect_rc 2 "init '$id': not a platform id, exit 2"
done
[ ! -e "$REG/evasion" ] && [ ! -e "$REG/platforms/Majuscule" ]
ok $? "a refused id creates nothing"
run_ppreg init autre "$REG" --policy "$TMP/none.yaml"
expect_rc 2 "a policy that cannot be read: exit 2"
[ ! -e "$REG/platforms/autre" ] && [ "$(ls -A "$REG" | grep -c '^\.ppreg-init')" = 0 ]
ok $? "a policy that cannot be read: nothing created"

# The files and fields are the plugins': a plugin's own file appears, with
# its required field and its optional ones.
run_ppreg init essai "$REG" --policy "$PPREG_TOP/tests/core/data/policy.yaml" --plugin-dir "$PPREG_BUILD/tests/plugins"
expect_rc 0 "init under another policy: exit 0"
is "$(ls "$REG/platforms/essai" | tr '\n' ' ')" "sample.yaml " "init under another policy: that policy's files"
grep -q '^name:$' "$REG/platforms/essai/sample.yaml" && grep -q '^# color:$' "$REG/platforms/essai/sample.yaml" &&
	grep -q '^#     id:$' "$REG/platforms/essai/sample.yaml"
ok $? "init under another policy: its plugin's fields, required and optional"

# platforms/ a link: never followed.
make_registry
mkdir "$TMP/elsewhere" && rm -rf "$REG/platforms" && ln -s "$TMP/elsewhere" "$REG/platforms"
run_ppreg init lien "$REG"
expect_rc 2 "platforms/ a symbolic link: exit 2"
is "$(ls -A "$TMP/elsewhere")" "" "platforms/ a symbolic link: nothing written where it points"
done_testing
