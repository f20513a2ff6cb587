#!/bin/bash
# `cmake --install` gives a working ppreg, the public header and a
# pkg-config file; a plugin built out of tree against them and dropped into
# the plugin directory runs once a policy names it: the core needs nothing
# else to learn a new obligation.
. "$(dirname "$0")/lib.sh"

prefix=$TMP/prefix
cmake --install "$PPREG_BUILD" --prefix "$prefix" >/dev/null 2>&1
ok $? "cmake --install succeeds"
test -x "$prefix/bin/ppreg" && test -f "$prefix/include/ppreg/plugin.h"
ok $? "the binary and the public header are installed"
pc=$(find "$prefix" -name ppreg-plugin.pc | head -n 1)
test -n "$pc"
ok $? "a pkg-config file for plugin authors is installed"
plugdir=$(PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --variable=plugindir ppreg-plugin)
case $plugdir in "$prefix"/*) s=0 ;; *) s=1 ;; esac
ok $s "pkg-config names the installed plugin directory ($plugdir)"
mkdir -p "$plugdir"
test -f "$prefix/share/ppreg/policies/fr-model-2026.2.yaml"
ok $? "the model policy is installed"
test -f "$prefix/share/man/man1/ppreg.1.gz" && test -f "$prefix/share/man/man1/ppreg-check.1.gz" &&
	test -f "$prefix/share/man/man5/ppreg-registry.5.gz" && test -f "$prefix/share/man/man3/ppreg-plugin.3.gz"
ok $? "the manual pages are installed"
test -f "$prefix/share/bash-completion/completions/ppreg"
ok $? "the bash completion is installed"

cat >"$TMP/hello.c" <<'C'
#include <ppreg/plugin.h>
#include <string.h>
static const ppreg_rule rules[] = {
	{"hello.greeting", PPREG_SEV_ERROR, "says hello", "none", "say hello"},
};
static const ppreg_field fields[] = {{"greeting", PPREG_T_STRING, PPREG_REQUIRED, NULL, "hello.greeting"}};
static const ppreg_schema schemas[] = {{"hello.yaml", fields, 1}};
static int check(ppreg_check *c)
{
	const char *g;
	const ppreg_node *n = c->api->get(c->api->file(c, "hello.yaml"), "greeting");
	if (c->api->str(n, &g) == PPREG_OK && strcmp(g, "bonjour"))
		ppreg_reportf(c, "hello.greeting", n, "say bonjour, not %s", g);
	return 0;
}
static const ppreg_plugin plugin = {.abi_version = PPREG_ABI_VERSION, .size = sizeof plugin,
	.name = "hello", .version = "1.0.0", .summary = "greetings",
	.rules = rules, .n_rules = 1, .schemas = schemas, .n_schemas = 1, .check = check};
PPREG_EXPORT const ppreg_plugin *ppreg_plugin_entry(unsigned abi) { (void)abi; return &plugin; }
C
cc -shared -Wall -Wextra -Werror $(PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --cflags ppreg-plugin) \
	-o "$plugdir/hello.so" "$TMP/hello.c"
ok $? "an out-of-tree plugin builds with pkg-config's flags"
# plugin.h declares the entry point: a definition of another type does not build.
sed 's/ppreg_plugin_entry(unsigned abi) { (void)abi;/ppreg_plugin_entry(int abi, int more) { (void)abi, (void)more;/' \
	"$TMP/hello.c" >"$TMP/wrong.c"
cc -shared $(PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --cflags ppreg-plugin) -o "$TMP/wrong.so" "$TMP/wrong.c" \
	2>"$TMP/wrong.err"
[ $? -ne 0 ] && grep -q "conflicting types for .ppreg_plugin_entry" "$TMP/wrong.err"
ok $? "an entry point of the wrong type is a compile error"

REG=$TMP/hello-reg
mkdir -p "$REG/platforms/x"
printf 'format: ppreg/1\nname: t\nauthority: t\npolicy: hello/1\n' >"$REG/registry.yaml"
printf 'format: ppreg/1\ngreeting: hi\n' >"$REG/platforms/x/hello.yaml"
git init -q "$REG" && git -C "$REG" add -A && git -C "$REG" commit -q -m init
printf 'format: ppreg/1\nid: hello\nversion: "1"\ndeclaration_files: [hello.yaml]\nplugins:\n  - name: hello\n' \
	>"$prefix/share/ppreg/policies/hello-1.yaml"
run_ppreg_installed() { "$prefix/bin/ppreg" "$@" >"$TMP/out" 2>"$TMP/err"; RC=$?; OUT=$(cat "$TMP/out"); ERR=$(cat "$TMP/err"); }
run_ppreg_installed check "$REG" --as-of "$AS_OF"
expect_rc 1 "the installed ppreg finds its plugins and policies"
expect_finding hello.greeting platforms/x/hello.yaml 2 "the new plugin's rule is reported"
run_ppreg_installed rules hello.greeting
expect_rc 0 "ppreg rules knows the new rule"
run_ppreg_installed init nouveau "$REG"
expect_rc 0 "ppreg init under the new plugin's policy"
is "$(grep -v '^#' "$REG/platforms/nouveau/hello.yaml")" "$(printf 'format: ppreg/1\ngreeting:')" \
	"ppreg init writes the new plugin's file, with its required field to fill in"

# the catalogues: the core's under share/locale, and one a third-party
# plugin installs beside it, in pkg-config's localedir (docs/i18n.md)
localedir=$(PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --variable=localedir ppreg-plugin)
test -f "$localedir/fr/LC_MESSAGES/ppreg.mo"
ok $? "the core's French catalogue is installed in pkg-config's localedir ($localedir)"
mkdir -p "$localedir/fr/LC_MESSAGES"
printf 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n#, c-format\nmsgid "say bonjour, not %%s"\nmsgstr "dites bonjour, pas %%s"\n' |
	msgfmt -o "$localedir/fr/LC_MESSAGES/ppreg-hello.mo" -
ok $? "a plugin's catalogue is compiled into localedir"
run_ppreg_installed check "$REG" --as-of "$AS_OF" --lang fr
printf '%s\n' "$OUT" | grep -q '^== x: non conforme$' && printf '%s\n' "$OUT" | grep -q 'hello.greeting: dites bonjour, pas hi$'
ok $? "the installed ppreg speaks French, and the plugin with its own installed catalogue"

done_testing
