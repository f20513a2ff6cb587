#!/bin/sh
# DSSE's published P-256 vector and a byte-stable Ed25519 envelope.
. "$(dirname "$0")/../lib/tap.sh"
# A checkout gives the test key the mode of any file (0644), and ppreg
# refuses a private key that others may read: the test uses a copy of 0600.
cp -R "$PPREG_TOP/tests/attest/data" "$TMP/data" && chmod 600 "$TMP/data/test-ed25519.key" || exit 1
"$PPREG_BUILD/tests/attest_vector_test" "$TMP/data"
rc=$?
# PPREG_WRITE_VECTOR=1 rewrites the committed envelope (after a format change).
[ -z "${PPREG_WRITE_VECTOR:-}" ] || cp "$TMP/data/vector-envelope.json" "$PPREG_TOP/tests/attest/data/"
exit $rc
