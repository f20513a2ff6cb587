#!/bin/sh
# Unit tests of core/judge/wire.c (the records between scheduler and workers).
. "$(dirname "$0")/../lib/tap.sh"
exec "$PPREG_BUILD/tests/judge_wire_test"
