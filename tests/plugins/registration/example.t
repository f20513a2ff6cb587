#!/bin/sh
# The example platforms that break registration rules, as the README shows
# them: exactly their findings, at their lines, and nothing from another
# plugin. sante-revoquee: a revoked authorization. pairs-invalides: a SIRET
# whose checksum fails and a VAT number with the wrong key. aidants-associes:
# an association without RNA number, a service outside its declared domains,
# an authorization only applied for (a warning).
. "$(dirname "$0")/lib.sh"

# findings PLATFORM: the finding lines of $OUT for PLATFORM, "LINE rule severity".
findings() {
	printf '%s\n' "$OUT" | sed -n "s|^platforms/$1/registration.yaml:\([0-9]*\):[0-9]*: \([a-z]*\): \([a-z.-]*\): .*|\1 \3 \2|p" | sort -n | tr '\n' ';'
}
all_findings() {
	printf '%s\n' "$OUT" | grep -cE ': (error|warning): '
}

make_registry sante-revoquee
check_reg
is "$(findings sante-revoquee)" "26 registration.authorization error;" "sante-revoquee: revoked at line 26"
is "$(all_findings)" 1 "sante-revoquee: nothing else"
expect_rc 1 "sante-revoquee: exit 1"

make_registry pairs-invalides
check_reg
is "$(findings pairs-invalides)" "13 registration.siret error;14 registration.vat error;" \
	"pairs-invalides: SIRET at line 13, VAT at line 14"
is "$(all_findings)" 2 "pairs-invalides: nothing else"
message "SIRET '81234567600018' fails its Luhn checksum" "pairs-invalides: the SIRET's checksum"
message "VAT number 'FR91812345676' has the key 91; the key of SIREN 812345676 is 19" "pairs-invalides: the VAT key"
expect_rc 1 "pairs-invalides: exit 1"

make_registry aidants-associes
check_reg
is "$(findings aidants-associes)" \
	"8 registration.rna error;24 registration.domains error;26 registration.authorization warning;" \
	"aidants-associes: RNA at 8, domain at 24, applied at 26"
is "$(all_findings)" 3 "aidants-associes: nothing else"
expect_rc 1 "aidants-associes: exit 1"

done_testing
