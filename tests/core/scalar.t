#!/bin/sh
# Unit tests of core/yaml/scalar.c (dates, durations, numbers, UTF-8).
. "$(dirname "$0")/../lib/tap.sh"
exec "$PPREG_BUILD/tests/scalar_test"
