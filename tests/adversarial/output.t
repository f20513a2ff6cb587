#!/bin/bash
# Output paths a caller names: `attest -o` writes a new file or replaces a
# regular one (keeping its mode), and refuses any other node, which rename()
# would otherwise replace: as root, a device node would become a file.
. "$(dirname "$0")/../lib/tap.sh"
K=$TMP/keys; mkdir -p "$K"
"$PPREG" keygen --key "$K/k.pem" --pubkey "$K/p.pem" >/dev/null || exit 1
make_registry entraide-sante
att() { run_ppreg attest "$REG" --key "$K/k.pem" --platform entraide-sante --as-of "$AS_OF" "$@"; }

# refused TARGET DESCRIPTION: attest -o TARGET is exit 2 with one line that
# names it, and TARGET is still what it was (same type, same inode).
refused() {
	local before after
	before=$(stat -c '%F %i' "$1")
	att -o "$1"
	expect_rc 2 "$2: exit 2"
	printf '%s\n' "$ERR" | grep -q "^ppreg attest: $1: not a regular file"
	ok $? "$2: the reason names the file"
	is "$(printf '%s\n' "$ERR" | wc -l)" 1 "$2: one line"
	after=$(stat -c '%F %i' "$1")
	is "$after" "$before" "$2: left as it was"
	is "$(ls "$(dirname "$1")" | grep -c '\.tmp\.')" 0 "$2: no temporary file left"
}

mkfifo "$TMP/fifo"
refused "$TMP/fifo" "a FIFO"
mkdir "$TMP/folder"
refused "$TMP/folder" "a folder"
echo keep >"$TMP/target"
ln -s "$TMP/target" "$TMP/link"
refused "$TMP/link" "a symbolic link"
is "$(cat "$TMP/target")" keep "a symbolic link: the file it points to is untouched"
if [ "$(id -u)" -eq 0 ] && mknod "$TMP/null" c 1 3 2>/dev/null; then
	refused "$TMP/null" "a character device (as root)"
else
	ok 0 "# SKIP a device node needs root"
fi

# A regular file is replaced and keeps its mode; a new one is 0644.
echo old >"$TMP/mine.json"
chmod 600 "$TMP/mine.json"
att -o "$TMP/mine.json"
expect_rc 0 "an existing regular file: exit 0"
is "$(stat -c %a "$TMP/mine.json")" 600 "an existing regular file keeps its mode"
grep -q '"payloadType"' "$TMP/mine.json"
ok $? "an existing regular file: holds the envelope"
att -o "$TMP/new.json"
is "$(stat -c %a "$TMP/new.json")" 644 "a new file: mode 0644"

done_testing
