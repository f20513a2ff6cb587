#!/bin/sh
# docs/verify-with-openssl.sh ATTESTATION PUBKEY - verifies a ppreg
# attestation with the openssl command and POSIX tools only (no ppreg):
# rebuild DSSE's pre-authentication encoding from the payload and check a
# signature over it. Prints the statement on success. Everything below the
# `dir=` line is the recipe of the README, word for word, and the test suite
# runs this file as it is (tests/attest/attest.t, recipe.t).
set -eu
att=$1 pub=$2
dir=$(mktemp -d) && trap 'rm -rf "$dir"' EXIT
# A string field of the envelope, one line per occurrence: the JSON is split
# at , { } [ ] (which base64 and the payload type never hold), so any layout
# and any number of signatures will do.
field() { tr -d '\n' <"$att" | tr ',{}\133\135' '\n\n\n\n\n' |
	sed -n "s/^[[:space:]]*\"$1\"[[:space:]]*:[[:space:]]*\"\([^\"]*\)\"[[:space:]]*\$/\1/p"; }
# base64 in either alphabet, padded or not (DSSE allows both), to bytes:
# openssl wants the standard alphabet and stops short without the padding.
b64d() { tr -d '\n' | tr '_-' '/+' >"$dir/b64"
	case $(($(wc -c <"$dir/b64") % 4)) in 2) printf '==' >>"$dir/b64" ;; 3) printf '=' >>"$dir/b64" ;; esac
	openssl base64 -d -A <"$dir/b64"; }
type=$(field payloadType)                       # application/vnd.in-toto+json
[ "$type" = application/vnd.in-toto+json ] || { echo "unexpected payloadType: $type" >&2; exit 1; }
[ "$(field payload | wc -l)" -eq 1 ] || { echo "not exactly one payload" >&2; exit 1; }
field payload | b64d >"$dir/statement.json"
{ printf 'DSSEv1 %d %s %d ' "${#type}" "$type" "$(wc -c <"$dir/statement.json")"; cat "$dir/statement.json"; } >"$dir/pae.bin"
# Ed25519 signs the PAE itself; ECDSA P-256 its SHA-256 (a DER signature).
if openssl pkey -pubin -in "$pub" -noout -text | grep -q '^ED25519'; then
	check() { openssl pkeyutl -verify -pubin -inkey "$pub" -rawin -in "$dir/pae.bin" -sigfile "$dir/sig.bin"; }
else
	check() { openssl dgst -sha256 -verify "$pub" -signature "$dir/sig.bin" "$dir/pae.bin"; }
fi
# One signature that verifies is enough (DSSE): try each, in any order.
field sig >"$dir/sigs"
while read -r sig; do
	printf '%s' "$sig" | b64d >"$dir/sig.bin" 2>/dev/null || continue
	check >/dev/null 2>&1 || continue
	echo "Signature Verified Successfully" >&2
	cat "$dir/statement.json"; echo
	exit 0
done <"$dir/sigs"
echo "no signature verifies with $pub" >&2
exit 1
