#!/bin/bash
# The envelope: strict base64 (RFC 4648), malformed signature entries
# skipped as DSSE says, and a bound on the number of signatures.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
make_registry
att -o "$TMP/a.json"
expect_rc 0 "attest"

# variant ENVELOPE OUT PYTHON: OUT is ENVELOPE's JSON changed by PYTHON on
# the dict e (payload and signatures are left signed as they are).
variant() {
	python3 - "$1" "$2" "$3" <<'PY'
import json, sys
e = json.load(open(sys.argv[1]))
exec(sys.argv[3])
open(sys.argv[2], "w").write(json.dumps(e, indent=2) + "\n")
PY
}
# An envelope whose payload is a whole number of base64 quads minus one or
# two characters, so that its padding is "=" or "==": the statement, given
# a field whose "~~~" makes '+' and '/' appear in its base64 (ASCII alone
# hardly does), is padded with spaces (JSON allows them) and signed again.
padded() { # padded OUT REMAINDER(1|2)
	payload_of "$TMP/a.json" | sed 's/^{/{"note":"~~~???>>>",/' >"$TMP/st.json"
	while [ $(($(wc -c <"$TMP/st.json") % 3)) -ne "$2" ]; do printf ' ' >>"$TMP/st.json"; done
	resign "$1" "$TMP/st.json"
}
padded "$TMP/pad2.json" 1
padded "$TMP/pad1.json" 2
ver "$TMP/pad2.json"
expect_rc 0 "a payload padded with '==' verifies"
ver "$TMP/pad1.json"
expect_rc 0 "a payload padded with '=' verifies"

# Base64 in both alphabets, each in its correct form, verifies.
variant "$TMP/pad2.json" "$TMP/url.json" '
t = str.maketrans("+/", "-_")
e["payload"] = e["payload"].translate(t).rstrip("=")
for s in e["signatures"]: s["sig"] = s["sig"].translate(t).rstrip("=")'
ver "$TMP/url.json"
expect_rc 0 "URL-safe base64 without padding verifies"
variant "$TMP/pad2.json" "$TMP/urlpad.json" '
t = str.maketrans("+/", "-_")
e["payload"] = e["payload"].translate(t)
for s in e["signatures"]: s["sig"] = s["sig"].translate(t)'
ver "$TMP/urlpad.json"
expect_rc 0 "URL-safe base64 with its padding verifies"

# Each malformed form: exit 1, "bad base64 in payload" or "in sig".
variant "$TMP/pad2.json" "$TMP/extra.json" 'e["payload"] += "="'
rejects "$TMP/extra.json" "bad base64 in payload" "an extra '=' in the payload"
variant "$TMP/pad1.json" "$TMP/extra1.json" 'e["payload"] += "="'
rejects "$TMP/extra1.json" "bad base64 in payload" "'=' made '==' in the payload"
variant "$TMP/pad2.json" "$TMP/cut.json" 'e["payload"] = e["payload"][:-1]'
rejects "$TMP/cut.json" "bad base64 in payload" "'==' cut to '=' in the payload"
variant "$TMP/pad2.json" "$TMP/bits.json" '
A = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
p = e["payload"]; c = p[-3]; e["payload"] = p[:-3] + A[A.index(c) + 1] + "=="'
rejects "$TMP/bits.json" "bad base64 in payload" "non-zero padding bits in the payload"
variant "$TMP/pad2.json" "$TMP/mixed.json" '
p = e["payload"]; i = min(j for j in (p.find("+"), p.find("/")) if j >= 0)
e["payload"] = p[:i] + {"+": "-", "/": "_"}[p[i]] + p[i + 1:]'
rejects "$TMP/mixed.json" "bad base64 in payload" "mixed alphabets in the payload"
variant "$TMP/pad2.json" "$TMP/stdnopad.json" '
assert "+" in e["payload"] or "/" in e["payload"]
e["payload"] = e["payload"].rstrip("=")'
rejects "$TMP/stdnopad.json" "bad base64 in payload" "the standard alphabet without its padding"
variant "$TMP/a.json" "$TMP/sigextra.json" 'e["signatures"][0]["sig"] += "="'
rejects "$TMP/sigextra.json" "bad base64 in sig" "an extra '=' in the signature"
variant "$TMP/a.json" "$TMP/sigcut.json" '
assert e["signatures"][0]["sig"].endswith("==")
e["signatures"][0]["sig"] = e["signatures"][0]["sig"][:-1]'
rejects "$TMP/sigcut.json" "bad base64 in sig" "'==' cut to '=' in the signature"
variant "$TMP/a.json" "$TMP/sigbits.json" '
A = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
s = e["signatures"][0]["sig"]; e["signatures"][0]["sig"] = s[:-3] + A[A.index(s[-3]) + 1] + "=="'
rejects "$TMP/sigbits.json" "bad base64 in sig" "non-zero padding bits in the signature"

# DSSE: signatures that cannot be verified are skipped, so a malformed entry
# before the good one does not make the envelope fail.
for bad in '{"sig": "!!!!"}' '{"keyid": 1, "sig": "AAAA"}' '"x"' '{"keyid": "k"}' '{"sig": "AAAAAA="}'; do
	variant "$TMP/a.json" "$TMP/skip.json" "e['signatures'].insert(0, json.loads('''$bad'''))"
	ver "$TMP/skip.json"
	expect_rc 0 "a malformed signature entry $bad before the good one is skipped"
done
variant "$TMP/a.json" "$TMP/onlybad.json" 'e["signatures"] = [{"sig": "!!!!"}]'
rejects "$TMP/onlybad.json" "no signature verifies with this public key.*signature 0: bad base64 in sig" \
	"only a malformed signature"
variant "$TMP/a.json" "$TMP/badkid.json" 'e["signatures"] = [{"keyid": 1, "sig": "AAAA"}, {"sig": "AAAA"}]'
rejects "$TMP/badkid.json" "no signature verifies.*signature 0: not .keyid, sig. strings" \
	"a malformed entry and a wrong signature"

# At most 16 signatures: the good one as the 16th verifies, a 17th entry is
# refused before any is checked (165 000 bogus ones took 28 s).
variant "$TMP/a.json" "$TMP/16.json" 'e["signatures"] = [{"keyid": "x", "sig": "A" * 86 + "=="}] * 15 + e["signatures"]'
ver "$TMP/16.json"
expect_rc 0 "16 signatures, the last one good, verify"
variant "$TMP/a.json" "$TMP/17.json" 'e["signatures"] = [{"keyid": "x", "sig": "A" * 86 + "=="}] * 16 + e["signatures"]'
rejects "$TMP/17.json" "too many signatures \\(17, at most 16\\)" "17 signatures"
variant "$TMP/a.json" "$TMP/many.json" 'e["signatures"] = [{"sig": "AAAA"}] * 165000 + e["signatures"]'
start=$(date +%s)
rejects "$TMP/many.json" "too many signatures" "165 001 signatures"
[ $(($(date +%s) - start)) -lt 10 ]
ok $? "165 001 signatures are refused in well under 28 s"
done_testing
