#!/bin/bash
# The bash completion (completion/ppreg.bash) completes commands and each
# command's options from ppreg's own --help.
. "$(dirname "$0")/../lib/tap.sh"
. "$PPREG_TOP/completion/ppreg.bash"
comp() { COMP_WORDS=("$PPREG" "$@"); COMP_CWORD=$#; COMPREPLY=(); _ppreg; echo "${COMPREPLY[*]}"; }
commands=$("$PPREG" --help | awk '/^commands:/ {on = 1; next} on && NF == 0 {exit} on {print $1}' | tr '\n' ' ')
is "$(comp '')" "${commands}help --help --version" "the commands, as ppreg --help lists them"
is "$(comp in)" "init inspect" "a command's beginning"
is "$(comp inspect --)" "--format --pubkey" "a command's options, from its usage lines"
is "$(comp check --format s)" "sarif" "a format"
is "$(comp rules gdpr.dp)" "gdpr.dpo gdpr.dpia" "a rule id"
is "$(comp hook p)" "pre-receive pre-commit" "a hook"
cd "$PPREG_TOP/registry" && is "$(comp check --platform entraide)" "entraide-sante" "a platform of the registry here"
done_testing
