#!/bin/bash
# ppreg speaks French (docs/i18n.md): the catalogues are complete, the
# language follows the environment even where the locale was never
# generated, --lang overrides it, French changes the words and nothing
# else (findings, lines, exit codes, machine structure, numbers), a
# plugin's own catalogue is found, and an attestation stays English.
. "$(dirname "$0")/lib.sh"
command -v xgettext >/dev/null && command -v msgcmp >/dev/null || skip_all "gettext tools missing (scripts/bootstrap installs them)"
fr() { env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=fr_FR.UTF-8 "$@"; }

# ---- the catalogues: every marked message has its French ----
# catalogue_complete NAME POT_KEYWORDS PO SOURCES...
catalogue_complete() {
	local name=$1 kw=$2 po=$3 stats
	shift 3
	# shellcheck disable=SC2086
	xgettext --language=C --from-code=UTF-8 $kw -o "$TMP/$name.pot" "$@" 2>"$TMP/xg.err"
	ok $? "$name: xgettext reads the sources"
	msgcmp "$po" "$TMP/$name.pot" 2>"$TMP/cmp.err"
	local rc=$?
	ok $rc "$name: every marked message has a translation that is neither missing, empty nor fuzzy"
	[ $rc -eq 0 ] || diag "$(grep -v 'is not used' "$TMP/cmp.err" | head -5)" "run scripts/po-update, then translate $po"
	stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1)
	printf '%s\n' "$stats" | grep -qE 'untranslated|fuzzy' && ok 1 "$name: $stats" || ok 0 "$name: msgfmt --statistics: $stats"
}
core_kw="-k_ -kN_ -ki18n_ntext:1,2 -kppreg_tr:2 -kppreg_reportf:4 -kppreg_reportf_sev:5"
plugin_kw="-kppreg_tr:2 -kPPREG_N_ -kppreg_reportf:4 -kppreg_reportf_sev:5"
catalogue_complete core "$core_kw" "$PPREG_TOP/po/fr.po" "$PPREG_TOP"/core/*/*.[ch] "$PPREG_TOP/include/ppreg/plugin.h"
catalogue_complete i18ntest "$plugin_kw" "$PPREG_TOP/tests/core/plugins/i18ntest-po/fr.po" \
	"$PPREG_TOP/tests/core/plugins/i18ntest.c"
translated_plugins=
for dir in "$PPREG_TOP"/plugins/*/; do
	name=$(basename "$dir")
	grep -q '^ppreg_add_plugin' "$dir/CMakeLists.txt" 2>/dev/null || continue # plugins/lib: see docs/i18n.md
	if [ -f "$dir/po/fr.po" ]; then
		shared=$(sed -n "s|.*target_link_libraries(.*PRIVATE *plugin_\([a-z0-9_]*\)).*|$PPREG_TOP/plugins/lib/\1.c|p" \
			"$dir/CMakeLists.txt")
		catalogue_complete "$name" "$plugin_kw" "$dir/po/fr.po" "$dir"*.c $shared
		translated_plugins="$translated_plugins $name"
	else
		echo "not ok $((_tap_n += 1)) - plugin $name has a French catalogue (plugins/$name/po/fr.po) # TODO translation sweep (docs/i18n.md)"
	fi
done
# the test can fail: a message marked and not translated is caught
printf '#include "base/i18n.h"\nconst char *f(void) { return _("a message nobody translated"); }\n' >"$TMP/new.c"
xgettext --language=C $core_kw -o "$TMP/new.pot" "$PPREG_TOP/core/base/i18n.c" "$TMP/new.c" 2>/dev/null
! msgcmp "$PPREG_TOP/po/fr.po" "$TMP/new.pot" 2>/dev/null
ok $? "a newly marked message without its French fails the comparison"

# ---- the language ----
run_ppreg --lang de --version
expect_rc 2 "--lang de: a usage error"
printf '%s\n' "$ERR" | grep -q -- "--lang takes fr or en" ; ok $? "--lang de: says which languages there are"
run_ppreg --version --lang fr --lang en
expect_rc 2 "--lang given twice: a usage error"
run_ppreg rules core.type --lang
expect_rc 2 "--lang without a value: a usage error"
run_ppreg rules core.type
english=$OUT
run_ppreg rules core.type --lang=fr
french=$OUT
[ "$english" != "$french" ] && printf '%s\n' "$french" | grep -q 'vérifie'
ok $? "--lang=fr after the command: French"
is "$(fr "$PPREG" rules core.type)" "$french" "LANG=fr_FR.UTF-8: French"
locale -a 2>/dev/null | grep -qi '^fr_FR' && diag "fr_FR is generated here: the ungenerated case is not exercised"
is "$(env -u LANGUAGE LC_ALL=fr_FR.UTF-8 LANG=en_US.UTF-8 "$PPREG" rules core.type)" "$french" "LC_ALL outranks LANG"
is "$(env -u LC_ALL LANG=fr_FR.UTF-8 LANGUAGE=en "$PPREG" rules core.type)" "$english" "LANGUAGE outranks LANG"
is "$(env -u LANGUAGE LC_ALL=C LANG=fr_FR.UTF-8 "$PPREG" rules core.type)" "$english" "LC_ALL=C: English"
is "$(env -u LC_ALL -u LC_MESSAGES -u LANG LANGUAGE=fr "$PPREG" rules core.type)" "$english" \
	"LANGUAGE alone, in the C locale, is ignored as gettext ignores it"
is "$(env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG "$PPREG" rules core.type)" "$english" "no language set: English"
is "$(fr "$PPREG" rules core.type --lang en)" "$english" "--lang en overrides LANG=fr_FR.UTF-8"
is "$(PPREG_LOCALE_DIR=$TMP/none fr "$PPREG" rules core.type)" "$english" "no catalogue found: English"

# ---- the rule catalogue: every rule reads differently in French ----
# the summaries from `ppreg rules`, the fixes from SARIF's rule help (the
# same descriptor texts), one process per language
"$PPREG" rules | sed 's/^\([^ ]*\) *[a-z]* *\(.*\)/\1\t\2/' >"$TMP/sum.en"
"$PPREG" rules --lang fr | sed 's/^\([^ ]*\) *[a-z]* *\(.*\)/\1\t\2/' >"$TMP/sum.fr"
make_registry
sarif_help() { "$PPREG" check "$REG" --as-of "$AS_OF" --format sarif --lang "$1" |
	python3 -c 'import json, sys; [print(r["id"] + "\t" + r["help"]["text"]) for r in json.load(sys.stdin)["runs"][0]["tool"]["driver"]["rules"]]'; }
sarif_help en >"$TMP/fix.en"; sarif_help fr >"$TMP/fix.fr"
same=$(python3 - "$TMP" "core$translated_plugins" <<'PY'
import sys
d, plugins = sys.argv[1], sys.argv[2].split()
def table(name):
    return dict(l.rstrip("\n").split("\t", 1) for l in open(f"{d}/{name}") if "\t" in l)
se, sf, fe, ff = (table(n) for n in ("sum.en", "sum.fr", "fix.en", "fix.fr"))
bad = [r + "(summary)" for r in se if r.split(".")[0] in plugins and (r not in sf or sf[r] == se[r] or not sf[r])]
bad += [r + "(fix)" for r in fe if r.split(".")[0] in plugins and (r not in ff or ff[r] == fe[r])]
print(len([r for r in se if r.split(".")[0] in plugins]), " ".join(bad))
PY
)
is "${same#* }" "" "ppreg rules --lang fr: another summary and fix for each of the ${same%% *} rules of core$translated_plugins"
for r in core.type gdpr.hds-hosting transparency.industry-links; do
	"$PPREG" rules "$r" --lang fr >"$TMP/one.fr"; "$PPREG" rules "$r" >"$TMP/one.en"
	fix_fr=$(sed -n 's/^  mise en conformité : //p' "$TMP/one.fr"); fix_en=$(sed -n 's/^  how to fix: *//p' "$TMP/one.en")
	[ -n "$fix_fr" ] && [ -n "$fix_en" ] && [ "$fix_fr" != "$fix_en" ]
	ok $? "ppreg rules $r --lang fr: its fix in French"
done
"$PPREG" rules --lang fr | awk '{print $1, $2}' >"$TMP/ids.fr"
"$PPREG" rules | awk '{print $1, $2}' >"$TMP/ids.en"
cmp -s "$TMP/ids.fr" "$TMP/ids.en"
ok $? "ppreg rules --lang fr: the same rule ids and severities, untranslated"

# ---- the example registry: French changes the words only ----
make_registry $(ls "$PPREG_TOP/registry/platforms")
cp -R "$PPREG_TOP/registry/authority" "$REG/" 2>/dev/null && commit "authority"
where() { grep -oE '^[^ ]+:[0-9]+:[0-9]+: (error|warning): [a-z0-9.-]+:' "$1"; }
run_ppreg check "$REG" --as-of "$AS_OF"; rc_en=$RC; printf '%s\n' "$OUT" >"$TMP/en.txt"
fr "$PPREG" check "$REG" --as-of "$AS_OF" >"$TMP/fr.txt" 2>"$TMP/fr.err"; rc_fr=$?
is "$rc_fr" "$rc_en" "check in French: the exit status of English ($rc_en)"
[ "$(where "$TMP/en.txt" | wc -l)" -gt 5 ] && [ "$(where "$TMP/en.txt")" = "$(where "$TMP/fr.txt")" ]
ok $? "check in French: the same findings, rules and severities at the same files, lines and columns"
grep -v '^==\|^   ' "$TMP/en.txt" | sed 's/^\([^ ]*: [a-z]*: [^ ]*\) .*/\1/' >"$TMP/en.lines"
! cmp -s "$TMP/en.txt" "$TMP/fr.txt" && grep -q '^== entraide-sante: conforme$' "$TMP/fr.txt" &&
	grep -q "valable jusqu'au 30 juin 2027" "$TMP/fr.txt" && grep -q "^[0-9]* plateformes : " "$TMP/fr.txt"
ok $? "check in French: the verdicts, validity dates and summary are French"
grep -q "clé « regulated_acts » en double" "$TMP/fr.txt"
ok $? "a core finding's message is French"
for f in json sarif tap; do # the structured two, and one of lines
	run_ppreg check "$REG" --as-of "$AS_OF" --format $f; en_out=$OUT; en_rc=$RC
	fr_out=$(fr "$PPREG" check "$REG" --as-of "$AS_OF" --format $f); fr_rc=$?
	is "$fr_rc" "$en_rc" "--format $f in French: the same exit status"
	case $f in
	json|sarif)
		printf '%s' "$en_out" >"$TMP/en.json"; printf '%s' "$fr_out" >"$TMP/fr.json"
		python3 - "$TMP/en.json" "$TMP/fr.json" <<'PY'
import json, sys
def shape(v, key=None):
    # message texts and rule descriptions are the words; all else (keys,
    # numbers, ids, enum values, paths, ISO dates) must be identical
    if isinstance(v, dict):
        return {k: shape(x, k) for k, x in v.items()}
    if isinstance(v, list):
        return [shape(x, key) for x in v]
    if key in ("message", "text", "markdown", "withheld", "legal_source"):
        return "<words>"
    return v
a, b = (json.load(open(p)) for p in sys.argv[1:3])
sys.exit(0 if shape(a) == shape(b) and a != b else 1)
PY
		ok $? "--format $f in French: the same document but for the words of its messages" ;;
	*)
		[ "$(printf '%s\n' "$en_out" | wc -l)" = "$(printf '%s\n' "$fr_out" | wc -l)" ] && [ "$en_out" != "$fr_out" ]
		ok $? "--format $f in French: as many lines, other words" ;;
	esac
done

# ---- a hook speaks the language too, with the same verdict ----
make_registry
edit platforms/entraide-sante/registration.yaml 's/812345676/812345677/g'
git -C "$REG" add -A
run_ppreg hook pre-commit "$REG" --as-of "$AS_OF"; en_rc=$RC
run_ppreg hook pre-commit "$REG" --as-of "$AS_OF" --lang fr
is "$RC" "$en_rc" "hook pre-commit in French: the exit status of English ($en_rc)"
printf '%s\n%s\n' "$OUT" "$ERR" | grep -q '^ppreg : staged changes : REFUSÉ ; vérifiées : entraide-sante' &&
	printf '%s\n%s\n' "$OUT" "$ERR" | grep -q '^ppreg : commit refusé : corrigez les constats ci-dessus'
ok $? "hook pre-commit in French: its header and verdict lines are French"
run_ppreg hook install "$REG" --as-of "$AS_OF" --lang fr
expect_rc 0 "hook install --lang fr"
grep -q -- ' --lang fr ' "$REG/.git/hooks/pre-commit"
ok $? "the installed hook keeps --lang fr, as it keeps the install's other options"
git -C "$REG" commit -q -m broken >"$TMP/commit.out" 2>&1
[ $? -ne 0 ] && grep -q '^ppreg : commit refusé' "$TMP/commit.out"
ok $? "git commit runs the hook, which refuses in French"

# ---- a plugin's own catalogue; amounts and dates in the run's language ----
printf 'format: ppreg/1\nid: i18ntest\nversion: "1"\ndeclaration_files: [sample.yaml]\nseverity: {}\nplugins:\n  - name: i18ntest\n' >"$TMP/i18n-policy.yaml"
sample 'format: ppreg/1\nname: Laboratoire Exemple SA\namount: 15000\nday: 2028-01-01\n'
args="--as-of $AS_OF --policy $TMP/i18n-policy.yaml --plugin-dir $TEST_PLUGINS"
run_ppreg check "$REG" $args
expect_rc 1 "the test plugin reports its rule"
printf '%s\n' "$OUT" | grep -qF "sample.yaml:3:9: error: i18ntest.payment: 15000.00 EUR paid on 2028-01-01 by Laboratoire Exemple SA"
ok $? "in English: the message as written, amount and date as before"
fr_out=$(fr "$PPREG" check "$REG" $args); fr_rc=$?
is "$fr_rc" 1 "in French: the same exit status"
printf '%s\n' "$fr_out" | grep -qF "sample.yaml:3:9: error: i18ntest.payment: 15 000,00 € versés le 1er janvier 2028 par Laboratoire Exemple SA"
ok $? "in French: the plugin's own catalogue (locale/ beside it), 15 000,00 € and 1er janvier 2028"
[ -f "$TEST_PLUGINS/locale/fr/LC_MESSAGES/ppreg-i18ntest.mo" ] && [ ! -f "$PPREG_BUILD/locale/fr/LC_MESSAGES/ppreg-i18ntest.mo" ]
ok $? "the test plugin's catalogue is only beside it, not in the core's"
run_ppreg check "$REG" $args --format json --lang fr
printf '%s\n' "$OUT" | grep -q '"valid_until": null\|"as_of": "2026-11-23"'
ok $? "in French, a machine format keeps ISO dates"
fr "$PPREG" rules i18ntest.payment --plugin-dir "$TEST_PLUGINS" >"$TMP/r.txt"
grep -q 'chaque paiement est déclaré avec son payeur' "$TMP/r.txt" && grep -q 'Nommez le payeur' "$TMP/r.txt" &&
	grep -q 'source de test : un article fictif' "$TMP/r.txt"
ok $? "ppreg rules translates a plugin's summary, legal source and fix with the plugin's own domain"
fr "$PPREG" plugins --plugin-dir "$TEST_PLUGINS" 2>/dev/null | grep -q 'i18ntest 1.0.0 (ABI 1) : i18ntest : un greffon traduit'
ok $? "ppreg plugins translates a plugin's summary"

# ---- numbers stay C whatever the locale ----
sample 'format: ppreg/1\nname: x\namount: 0.01\nday: 2028-01-31\n'
fr_out=$(env -u LANGUAGE LC_ALL=fr_FR.UTF-8 LC_NUMERIC=fr_FR.UTF-8 "$PPREG" check "$REG" $args)
printf '%s\n' "$fr_out" | grep -qF "0,01 € versés le 31 janvier 2028"
ok $? "LC_NUMERIC=fr_FR: an amount of 0.01 is still read as one cent"

# ---- an attestation never depends on the signer's locale ----
make_registry
printf 'unknown_note: a warning the statement records\n' >>"$REG/platforms/entraide-sante/charter.yaml"
commit "a warning"
"$PPREG" keygen --key "$TMP/k.pem" --pubkey "$TMP/p.pem" >/dev/null
SOURCE_DATE_EPOCH=1790000000 "$PPREG" attest "$REG" --key "$TMP/k.pem" --platform entraide-sante --as-of "$AS_OF" -o "$TMP/en.att" 2>"$TMP/en.err"
ok $? "attest in English"
SOURCE_DATE_EPOCH=1790000000 fr "$PPREG" attest "$REG" --key "$TMP/k.pem" --platform entraide-sante --as-of "$AS_OF" -o "$TMP/fr.att" 2>"$TMP/fr.err"
ok $? "attest in French"
grep -q 'unknown field' "$TMP/en.att" || sed -n 's/.*"payload": "\([^"]*\)".*/\1/p' "$TMP/en.att" | openssl base64 -d -A | grep -q "unknown field 'unknown_note'"
ok $? "the statement records the warning"
cmp -s "$TMP/en.att" "$TMP/fr.att"
ok $? "the attestation signed in French is byte for byte the English one"
done_testing
