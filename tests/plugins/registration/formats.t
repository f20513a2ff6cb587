#!/bin/sh
# Platform ids and postcodes (C unit test); the core's formats are tests/core/scalar.t.
. "$(dirname "$0")/../../lib/tap.sh"
"$PPREG_BUILD/tests/registration_formats_test"
exit $?
