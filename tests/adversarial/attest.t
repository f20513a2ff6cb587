#!/bin/bash
# Attestations that answer another question than the caller's: another
# platform, another commit, a date before the attestation existed; and a
# private key that others may read.
. "$(dirname "$0")/../lib/tap.sh"
K=$TMP/keys; mkdir -p "$K"
"$PPREG" keygen --key "$K/k.pem" --pubkey "$K/p.pem" >/dev/null || exit 1
make_registry entraide-sante
att() { run_ppreg attest "$REG" --key "$K/k.pem" --platform entraide-sante --as-of "$AS_OF" "$@"; }
ver() { run_ppreg verify "$TMP/a.json" --pubkey "$K/p.pem" "$@"; }
att -o "$TMP/a.json"
expect_rc 0 "the attestation is made"
commit=$(git -C "$REG" rev-parse HEAD)

# refused DESCRIPTION REGEX VERIFY-ARGS...: exit 1, one line matching REGEX.
refused() {
	local d=$1 re=$2; shift 2
	ver "$@"
	expect_rc 1 "$d: exit 1"
	printf '%s\n' "$ERR" | grep -Eq -- "$re"
	ok $? "$d: says '$re'"
	is "$(printf '%s\n' "$ERR" | wc -l)" 1 "$d: one line"
}

ver --as-of "$AS_OF" --platform entraide-sante --commit "${commit:0:12}"
expect_rc 0 "the expected platform and commit: valid"
ver --as-of "$AS_OF" --commit "$commit"
expect_rc 0 "the full commit id: valid"
refused "another platform" "it attests platforms/entraide-sante, not platforms/autre-service$" \
	--as-of "$AS_OF" --platform autre-service
refused "another commit" "it attests commit $commit, not 0000000$" --as-of "$AS_OF" --commit 0000000
ver --as-of "$AS_OF" --commit XYZ
expect_rc 2 "--commit that is no commit id: exit 2"
printf '%s\n' "$ERR" | grep -q "^ppreg verify: --commit 'XYZ' is not 7 to 64 lowercase hex digits$"
ok $? "--commit that is no commit id: says so"
refused "an as-of before the attestation's own" "not valid yet: it attests the registry as of $AS_OF, after 2026-11-22" \
	--as-of 2026-11-22
ver --as-of "$AS_OF"
expect_rc 0 "on its own as_of: valid"

# A private key that its group or others may read is refused, with the fix.
for mode in 640 604 644; do
	cp "$K/k.pem" "$K/open.pem" && chmod "$mode" "$K/open.pem"
	run_ppreg attest "$REG" --key "$K/open.pem" --platform entraide-sante --as-of "$AS_OF" -o "$TMP/open.json"
	expect_rc 2 "a private key of mode $mode: exit 2"
	printf '%s\n' "$ERR" | grep -q "may be read by its group or others (mode $mode); make it yours alone: chmod 600 $K/open.pem$"
	ok $? "a private key of mode $mode: says so, with the chmod that fixes it"
	[ ! -e "$TMP/open.json" ]
	ok $? "a private key of mode $mode: nothing written"
done
chmod 400 "$K/open.pem"
run_ppreg attest "$REG" --key "$K/open.pem" --platform entraide-sante --as-of "$AS_OF" -o "$TMP/open.json"
expect_rc 0 "a private key of mode 400: signs"

done_testing
