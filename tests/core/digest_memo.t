#!/bin/sh
# Unit tests of core/judge/digest_memo.c (the blob digests a run has computed).
. "$(dirname "$0")/../lib/tap.sh"
exec "$PPREG_BUILD/tests/digest_memo_test"
