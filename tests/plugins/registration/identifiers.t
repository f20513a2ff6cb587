#!/bin/sh
# SIREN, SIRET, VAT and RNA against real public numbers.
. "$(dirname "$0")/../../lib/tap.sh"
exec "$PPREG_BUILD/tests/registration_identifiers_test"
