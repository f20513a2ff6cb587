# tests/attest/lib.sh - sourced by the attestation tests after tests/lib/tap.sh:
# a key pair, attest/verify shorthands, and helpers that build envelopes
# with openssl alone, so a test can make exactly the odd envelope it needs.
K=$TMP/keys; mkdir -p "$K"
"$PPREG" keygen --key "$K/k.pem" --pubkey "$K/p.pem" >/dev/null || exit 1
att() { run_ppreg attest "$REG" --key "$K/k.pem" --platform entraide-sante --as-of "$AS_OF" "$@"; }
ver() { run_ppreg verify "$@" --pubkey "$K/p.pem" --as-of "$AS_OF"; }
# expect_err REGEX DESCRIPTION: the last command's stderr matches REGEX.
expect_err() {
	printf '%s\n' "$ERR" | grep -Eq -- "$1"
	local s=$?
	ok $s "$2: the reason says '$1'"
	[ $s -eq 0 ] || diag "stderr was:" "$ERR"
}
rejects() { # rejects FILE WHY-REGEX DESCRIPTION [verify args]
	local f=$1 re=$2 d=$3; shift 3
	ver "$f" "$@"
	expect_rc 1 "$d: exit 1"
	expect_err "$re" "$d"
	is "$(printf '%s\n' "$ERR" | wc -l)" 1 "$d: one line"
}
# payload_of ENVELOPE: the statement bytes of a ppreg envelope.
payload_of() { sed -n 's/.*"payload": "\([^"]*\)".*/\1/p' "$1" | openssl base64 -d -A; }
# sign_pae STATEMENT SIGFILE [KEY]: openssl's signature over DSSE's PAE.
sign_pae() {
	local type=application/vnd.in-toto+json
	{ printf 'DSSEv1 %d %s %d ' ${#type} $type $(wc -c <"$1"); cat "$1"; } >"$TMP/pae.bin"
	openssl pkeyutl -sign -inkey "${3:-$K/k.pem}" -rawin -in "$TMP/pae.bin" -out "$2"
}
# resign FILE STATEMENT: an envelope over STATEMENT signed with our key by
# openssl itself (a validly signed but wrong statement).
resign() {
	sign_pae "$2" "$TMP/sig.bin"
	printf '{"payloadType": "%s", "payload": "%s", "signatures": [{"keyid": "x", "sig": "%s"}]}\n' \
		application/vnd.in-toto+json "$(openssl base64 -A <"$2")" "$(openssl base64 -A <"$TMP/sig.bin")" >"$1"
}
# restate ENVELOPE OUT PYTHON: OUT is ENVELOPE's statement changed by the
# Python statement(s) PYTHON on the dict s, compact and sorted like ppreg's,
# signed again with our key.
restate() {
	payload_of "$1" | python3 -c '
import json, sys
s = json.load(sys.stdin)
exec(sys.argv[1])
sys.stdout.write(json.dumps(s, separators=(",", ":"), sort_keys=True, ensure_ascii=False))' "$3" >"$TMP/restated.json"
	resign "$2" "$TMP/restated.json"
}
