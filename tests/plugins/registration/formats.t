#!/bin/sh
# Platform ids, postcodes, country codes, e-mail and web addresses (C unit test).
. "$(dirname "$0")/../../lib/tap.sh"
"$PPREG_BUILD/tests/registration_formats_test"
exit $?
