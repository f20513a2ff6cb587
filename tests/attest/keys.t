#!/bin/bash
# Keys: only Ed25519 and ECDSA P-256 are used, whatever else OpenSSL can
# read; an encrypted private key is refused without asking for a passphrase.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
make_registry
att -o "$TMP/a.json"
expect_rc 0 "attest with an Ed25519 key"

# Any 256-bit EC curve is not P-256: secp256k1 and brainpoolP256r1 are
# refused by attest and verify, P-256 itself is accepted.
for curve in secp256k1 brainpoolP256r1; do
	openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:$curve -out "$K/$curve.pem" 2>/dev/null
	openssl pkey -in "$K/$curve.pem" -pubout -out "$K/$curve.pub" 2>/dev/null
	run_ppreg attest "$REG" --key "$K/$curve.pem" --platform entraide-sante --as-of "$AS_OF" -o "$TMP/$curve.json"
	expect_rc 2 "attest with a $curve key: exit 2"
	expect_err "curve $curve; ppreg uses Ed25519 or ECDSA P-256" "attest with a $curve key"
	test ! -e "$TMP/$curve.json"
	ok $? "attest with a $curve key writes nothing"
	run_ppreg verify "$TMP/a.json" --pubkey "$K/$curve.pub" --as-of "$AS_OF"
	expect_rc 2 "verify --pubkey with a $curve key: exit 2"
	expect_err "curve $curve; ppreg uses Ed25519 or ECDSA P-256" "verify with a $curve key"
done
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$K/p256.pem" 2>/dev/null
openssl pkey -in "$K/p256.pem" -pubout -out "$K/p256.pub" 2>/dev/null
run_ppreg attest "$REG" --key "$K/p256.pem" --platform entraide-sante --as-of "$AS_OF" -o "$TMP/p256.json"
expect_rc 0 "attest with an openssl-made P-256 key"
run_ppreg verify "$TMP/p256.json" --pubkey "$K/p256.pub" --as-of "$AS_OF"
expect_rc 0 "and verify it"

# An encrypted private key: exit 2 without reading the passphrase that is
# on stdin (OpenSSL's default callback would read it and sign).
openssl genpkey -algorithm ED25519 -aes256 -pass pass:secret -out "$K/enc.pem" 2>/dev/null
printf 'secret\nsecret\n' >"$TMP/pass"
timeout 10 "$PPREG" attest "$REG" --key "$K/enc.pem" --platform entraide-sante --as-of "$AS_OF" \
	-o "$TMP/enc.json" <"$TMP/pass" >"$TMP/out" 2>"$TMP/err"; RC=$?; ERR=$(cat "$TMP/err")
expect_rc 2 "an encrypted private key: exit 2"
expect_err "encrypted private keys are not supported" "an encrypted private key"
! grep -qi "pass phrase" "$TMP/err"
ok $? "no passphrase prompt"
test ! -e "$TMP/enc.json"
ok $? "nothing is signed with an encrypted key"
# The same with the traditional PEM encryption (Proc-Type: 4,ENCRYPTED).
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 2>/dev/null |
	openssl ec -aes128 -passout pass:secret -out "$K/enc-ec.pem" 2>/dev/null
timeout 10 "$PPREG" attest "$REG" --key "$K/enc-ec.pem" --platform entraide-sante --as-of "$AS_OF" \
	-o "$TMP/enc2.json" <"$TMP/pass" >"$TMP/out" 2>"$TMP/err"; RC=$?; ERR=$(cat "$TMP/err")
expect_rc 2 "a traditionally encrypted P-256 key: exit 2"
expect_err "encrypted private keys are not supported" "a traditionally encrypted key"

# A key that is not a regular file (a FIFO nobody writes) is refused at
# once instead of blocking.
mkfifo "$K/fifo.pem"
timeout 10 "$PPREG" attest "$REG" --key "$K/fifo.pem" --platform entraide-sante --as-of "$AS_OF" \
	>"$TMP/out" 2>"$TMP/err"; RC=$?; ERR=$(cat "$TMP/err")
expect_rc 2 "a FIFO as --key: exit 2, no hang"
expect_err "not a regular file" "a FIFO as --key"
timeout 10 "$PPREG" verify "$TMP/a.json" --pubkey "$K/fifo.pem" --as-of "$AS_OF" \
	>"$TMP/out" 2>"$TMP/err"; RC=$?; ERR=$(cat "$TMP/err")
expect_rc 2 "a FIFO as --pubkey: exit 2, no hang"
done_testing
