#!/bin/sh
# DSSE's published P-256 vector and a byte-stable Ed25519 envelope.
. "$(dirname "$0")/../lib/tap.sh"
exec "$PPREG_BUILD/tests/attest_vector_test" "$PPREG_TOP/tests/attest/data"
