#!/bin/sh
# docs/verify-with-openssl.sh ATTESTATION PUBKEY - verifies a ppreg
# attestation with the openssl command and POSIX tools only (no ppreg):
# rebuild DSSE's pre-authentication encoding from the payload and check the
# signature over it. Prints the statement on success. This is the recipe of
# the README, tested as it is by tests/attest/attest.t.
set -eu
att=$1 pub=$2
dir=$(mktemp -d) && trap 'rm -rf "$dir"' EXIT
field() { tr -d '\n' <"$att" | sed -n "s/.*\"$1\": *\"\([^\"]*\)\".*/\1/p"; }
type=$(field payloadType)
[ "$type" = application/vnd.in-toto+json ] || { echo "unexpected payloadType: $type" >&2; exit 1; }
field payload | tr '_-' '/+' | openssl base64 -d -A >"$dir/statement.json"
field sig | tr '_-' '/+' | openssl base64 -d -A >"$dir/sig.bin"
{ printf 'DSSEv1 %d %s %d ' "${#type}" "$type" "$(wc -c <"$dir/statement.json")"; cat "$dir/statement.json"; } >"$dir/pae.bin"
openssl pkeyutl -verify -pubin -inkey "$pub" -rawin -in "$dir/pae.bin" -sigfile "$dir/sig.bin" >&2
cat "$dir/statement.json"; echo
