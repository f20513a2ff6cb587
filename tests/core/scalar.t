#!/bin/sh
# Unit tests of core/scalar.c (dates, durations, numbers, UTF-8).
. "$(dirname "$0")/../lib/tap.sh"
exec "$PPREG_TOP/build/tests/scalar_test"
