#!/bin/bash
# keygen, attest, verify: the round trip, every rejection with its exit
# status, the openssl-only recipe of the README and a second verifier.
. "$(dirname "$0")/../lib/tap.sh"
K=$TMP/keys; mkdir -p "$K"
att() { run_ppreg attest "$REG" --key "$K/k.pem" --platform entraide-sante --as-of "$AS_OF" "$@"; }
ver() { run_ppreg verify "$@" --pubkey "$K/p.pem" --as-of "$AS_OF"; }
rejects() { # rejects FILE WHY-REGEX DESCRIPTION [verify args]
	local f=$1 re=$2 d=$3; shift 3
	ver "$f" "$@"
	expect_rc 1 "$d: exit 1"
	printf '%s\n' "$ERR" | grep -Eq "$re"
	ok $? "$d: the reason says '$re'"
	is "$(printf '%s\n' "$ERR" | wc -l)" 1 "$d: one line"
}
# resign FILE STATEMENT: an envelope over STATEMENT signed with our key by
# openssl itself (a validly signed but wrong statement).
resign() {
	local type=application/vnd.in-toto+json
	{ printf 'DSSEv1 %d %s %d ' ${#type} $type $(wc -c <"$2"); cat "$2"; } >"$TMP/pae.bin"
	openssl pkeyutl -sign -inkey "$K/k.pem" -rawin -in "$TMP/pae.bin" -out "$TMP/sig.bin"
	printf '{"payloadType": "%s", "payload": "%s", "signatures": [{"keyid": "x", "sig": "%s"}]}\n' \
		$type "$(openssl base64 -A <"$2")" "$(openssl base64 -A <"$TMP/sig.bin")" >"$1"
}

run_ppreg keygen --key "$K/k.pem" --pubkey "$K/p.pem"
expect_rc 0 "keygen"
is "$(stat -c %a "$K/k.pem")" 600 "the private key is mode 0600"
! printf '%s\n%s\n' "$OUT" "$ERR" | grep -q PRIVATE
ok $? "keygen prints no private key"
run_ppreg keygen --key "$K/k.pem" --pubkey "$K/p2.pem"
expect_rc 2 "keygen refuses to overwrite a key"
run_ppreg keygen --key "$K/e.pem" --pubkey "$K/e.pub" --algorithm ecdsa-p256
expect_rc 0 "keygen --algorithm ecdsa-p256"

make_registry
att -o "$TMP/a.json"
expect_rc 0 "attest a compliant platform"
! grep -q PRIVATE "$TMP/a.json"
ok $? "the attestation holds no key"
ver "$TMP/a.json"
expect_rc 0 "verify the attestation"
ver "$TMP/a.json" --registry "$REG"
expect_rc 0 "verify against the registry"
P=$(sed -n 's/.*"payload": "\([^"]*\)".*/\1/p' "$TMP/a.json" | openssl base64 -d -A)
printf '%s' "$P" | python3 -c '
import json,sys
s=json.load(sys.stdin)
assert s["_type"]=="https://in-toto.io/Statement/v1"
assert s["predicateType"]=="https://slsa.dev/verification_summary/v1"
sub=s["subject"][0]; assert sub["name"]=="platforms/entraide-sante"
assert len(sub["digest"]["gitCommit"])==40 and len(sub["digest"]["gitTree"])==40 and len(sub["digest"]["sha256"])==64
p=s["predicate"]; assert p["verificationResult"]=="PASSED" and p["policy"]["uri"]=="fr-model/2026.2"
assert p["ppreg"]["as_of"]=="2026-11-23" and p["ppreg"]["valid_until"]=="2027-06-30"
assert p["ppreg"]["valid_until_reason"]=="lapse" and p["ppreg"]["lapses"][0]["rule"]=="transparency.funding"
assert sorted(x["name"] for x in p["ppreg"]["plugins"])==["alert","charter","gdpr","partnership","registration","training","transparency"]
assert any(i["uri"]=="platforms/entraide-sante/evidence/aipd-2026.pdf" for i in p["inputAttestations"])
'
ok $? "the statement names commit, tree, content digest, policy, plugins, dates"
is "$(printf '%s' "$P" | python3 -c 'import json,sys; print(json.load(sys.stdin)["subject"][0]["digest"]["gitCommit"])')" \
	"$(git -C "$REG" rev-parse HEAD)" "the statement's commit is the registry's HEAD"

# The openssl-only recipe of the README.
sh "$PPREG_TOP/docs/verify-with-openssl.sh" "$TMP/a.json" "$K/p.pem" >"$TMP/recipe.out" 2>&1
ok $? "the openssl-only recipe verifies it"
grep -q '"verificationResult":"PASSED"' "$TMP/recipe.out"
ok $? "and prints the statement"

# A second, independent verifier: Debian's securesystemslib checks the
# Ed25519 signature over the PAE it rebuilds from the envelope.
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
if "$PY" -c 'from securesystemslib.signer import SSlibKey' 2>/dev/null; then
	raw=$(openssl pkey -pubin -in "$K/p.pem" -outform DER | tail -c 32 | od -An -tx1 | tr -d ' \n')
	"$PY" - "$TMP/a.json" "$raw" <<'PYEOF'
import base64, json, sys
from securesystemslib.signer import SSlibKey, Signature
env = json.load(open(sys.argv[1]))
body = base64.b64decode(env["payload"]); t = env["payloadType"].encode()
pae = b"DSSEv1 %d %s %d %s" % (len(t), t, len(body), body)
kid = env["signatures"][0]["keyid"]
key = SSlibKey(kid, "ed25519", "ed25519", {"public": sys.argv[2]})
key.verify_signature(Signature(kid, base64.b64decode(env["signatures"][0]["sig"]).hex()), pae)
try:
    key.verify_signature(Signature(kid, base64.b64decode(env["signatures"][0]["sig"]).hex()), pae + b"x")
    sys.exit(1)
except Exception:
    pass
PYEOF
	ok $? "securesystemslib verifies the Ed25519 signature over the PAE (and refuses a changed one)"
else
	echo "ok $((_tap_n += 1)) # SKIP python3-securesystemslib is not installed"
fi

# Rejections, exit 1 with one line.
make_registry
att -o "$TMP/a.json"
perl -pe 's/("sig": ")(.)/$1 . ($2 eq "A" ? "B" : "A")/e' "$TMP/a.json" >"$TMP/badsig.json"
rejects "$TMP/badsig.json" "no signature verifies" "a signature that does not check"
run_ppreg keygen --key "$K/other.pem" --pubkey "$K/other.pub"
run_ppreg verify "$TMP/a.json" --pubkey "$K/other.pub" --as-of "$AS_OF"
expect_rc 1 "another key is refused"
sed 's/"keyid": "[0-9a-f]*"/"keyid": "'"$(printf x | sha256sum | cut -c1-64)"'"/' "$TMP/a.json" >"$TMP/kid.json"
ver "$TMP/kid.json"
expect_rc 0 "a changed key id is only a hint: the signature still decides"
printf '%s' "$P" | sed 's/"as_of":"2026-11-23"/"as_of":"2026-11-24"/' | openssl base64 -A >"$TMP/p64"
sed "s|\"payload\": \"[^\"]*\"|\"payload\": \"$(cat "$TMP/p64")\"|" "$TMP/a.json" >"$TMP/payload.json"
rejects "$TMP/payload.json" "no signature verifies" "a changed payload"
sed 's|"payloadType": "application/vnd.in-toto+json"|"payloadType": "application/json"|' "$TMP/a.json" >"$TMP/ptype.json"
rejects "$TMP/ptype.json" "no signature verifies|payload type" "a changed payload type"
sed 's|"payloadType": "application/vnd.in-toto+json",|"payloadType": "application/vnd.in-toto+json", "payloadType": "application/vnd.in-toto+json",|' "$TMP/a.json" >"$TMP/dup.json"
rejects "$TMP/dup.json" "duplicate" "JSON with duplicate keys"
printf '%s' "$P" | sed 's|https://in-toto.io/Statement/v1|https://in-toto.io/Statement/v0.1|' >"$TMP/st0.json"
resign "$TMP/other-type.json" "$TMP/st0.json"
rejects "$TMP/other-type.json" "not an in-toto Statement v1" "a statement of another type"
printf '%s' "$P" | sed 's|"verificationResult":"PASSED"|"verificationResult":"FAILED"|' >"$TMP/failed.json"
resign "$TMP/failed-env.json" "$TMP/failed.json"
rejects "$TMP/failed-env.json" "not PASSED" "a FAILED verification summary"
printf '%s' "$P" | sed 's|"\(predicate\)"|"x\1"|' >"$TMP/nopred.json"
sed 's/"signatures": \[[^]]*\]/"signatures": []/' "$TMP/a.json" | tr -d '\n' | sed 's/"signatures": \[.*\]/"signatures": []/' >"$TMP/nosig.json"
rejects "$TMP/nosig.json" "no signatures" "an empty signature list"
tr -d '\n' <"$TMP/a.json" | sed 's/, *"signatures": \[.*\]//' >"$TMP/nosig2.json"
rejects "$TMP/nosig2.json" "no signatures" "a missing signature list"
# P1Y is bounded by the example's first lapse: 2026 funding is due on
# 2027-07-01, after the grace of fr-model 2026.2 (tests/attest/lapses.t has
# every kind).
run_ppreg verify "$TMP/a.json" --pubkey "$K/p.pem" --as-of 2027-07-01
expect_rc 1 "expired the day after valid_until"
printf '%s\n' "$ERR" | grep -q "expired"
ok $? "the reason says expired"
run_ppreg verify "$TMP/a.json" --pubkey "$K/p.pem" --as-of 2027-06-30
expect_rc 0 "still valid on valid_until"

printf '{"payloadType": ' >"$TMP/trunc.json"
rejects "$TMP/trunc.json" "not valid JSON" "malformed JSON"
sed 's/"payload": "/"payload": "!!!/' "$TMP/a.json" >"$TMP/b64.json"
rejects "$TMP/b64.json" "base64" "bad base64"
head -c 20000000 /dev/zero | tr '\0' ' ' >"$TMP/huge.json"
rejects "$TMP/huge.json" "too large" "a huge file"
printf '[]' >"$TMP/arr.json"
rejects "$TMP/arr.json" "not a DSSE envelope" "JSON that is not an envelope"

run_ppreg verify "$TMP/none.json" --pubkey "$K/p.pem"
expect_rc 2 "a missing attestation file exits 2"
run_ppreg verify "$TMP/a.json" --pubkey "$K/none.pem"
expect_rc 2 "a missing key exits 2"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out "$K/rsa.pem" 2>/dev/null
openssl pkey -in "$K/rsa.pem" -pubout -out "$K/rsa.pub"
run_ppreg verify "$TMP/a.json" --pubkey "$K/rsa.pub"
expect_rc 2 "a key of an unknown type exits 2"
run_ppreg attest "$REG" --key "$K/rsa.pem" --platform entraide-sante -o "$TMP/rsa.json"
expect_rc 2 "attest with an RSA key exits 2"

# --registry: unknown commit (another history: other dates), changed files,
# another policy.
GIT_COMMITTER_DATE='2020-01-01T00:00:00Z' GIT_AUTHOR_DATE='2020-01-01T00:00:00Z' make_registry
rejects "$TMP/a.json" "registry" "an unknown commit in another registry" --registry "$REG"
make_registry
att -o "$TMP/a2.json"
printf '%s' "$(sed -n 's/.*"payload": "\([^"]*\)".*/\1/p' "$TMP/a2.json" | openssl base64 -d -A)" |
	sed 's/"sha256":"\([0-9a-f]\)/"sha256":"0/' >"$TMP/st-digest.json"
python3 - "$TMP/a2.json" "$TMP/st-digest.json" <<'PY'
import json, sys
env = json.load(open(sys.argv[1])); st = env["payload"]
import base64
s = json.loads(base64.b64decode(st))
s["subject"][0]["digest"]["sha256"] = "0" * 64
open(sys.argv[2], "w").write(json.dumps(s, separators=(",", ":"), sort_keys=True))
PY
resign "$TMP/digest.json" "$TMP/st-digest.json"
rejects "$TMP/digest.json" "no longer gives the attested digests" "files at that commit no longer give the digests" --registry "$REG"
mkdir -p "$TMP/pol/charters"
cp "$PPREG_TOP/policies/charters/2026-1.md" "$TMP/pol/charters/"
sed 's/industry_link_threshold_eur: 10/industry_link_threshold_eur: 11/' "$PPREG_TOP/policies/fr-model-2026.2.yaml" >"$TMP/pol/fr-model-2026.2.yaml"
rejects "$TMP/a2.json" "policy's digest" "a policy whose digest differs" --registry "$REG" --policy "$TMP/pol/fr-model-2026.2.yaml"

# A non-compliant platform is never attested, and no file is left.
make_registry
edit platforms/entraide-sante/registration.yaml 's/status: granted/status: revoked/'
commit
att -o "$TMP/refused.json"
expect_rc 1 "a non-compliant platform: exit 1"
test ! -e "$TMP/refused.json" && ! ls "$TMP"/refused.json.tmp.* >/dev/null 2>&1
ok $? "nothing is written, not even a temporary file"
printf '%s\n' "$ERR" | grep -q "registration.authorization"
ok $? "the refusal shows the findings"

# ECDSA P-256 round trip.
make_registry
run_ppreg attest "$REG" --key "$K/e.pem" --platform entraide-sante --as-of "$AS_OF" -o "$TMP/e.json"
run_ppreg verify "$TMP/e.json" --pubkey "$K/e.pub" --as-of "$AS_OF"
expect_rc 0 "an ECDSA P-256 attestation verifies"
run_ppreg attest "$REG" --key "$K/k.pem" --platform entraide-sante --as-of "$AS_OF" --valid-for P5Y
expect_rc 2 "--valid-for beyond the policy's maximum exits 2"

done_testing
