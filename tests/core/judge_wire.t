#!/bin/sh
# Unit tests of core/judge_wire.c (the records between scheduler and workers).
. "$(dirname "$0")/../lib/tap.sh"
exec "$PPREG_BUILD/tests/judge_wire_test"
