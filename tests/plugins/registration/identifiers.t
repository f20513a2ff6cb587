#!/bin/sh
# SIREN, SIRET, VAT and RNA functions against real public numbers (C unit test).
. "$(dirname "$0")/../../lib/tap.sh"
"$PPREG_BUILD/tests/registration_identifiers_test"
exit $?
