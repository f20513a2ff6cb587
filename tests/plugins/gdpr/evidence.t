#!/bin/bash
# gdpr.evidence: a claim holds only with its document, a regular file under
# the platform's evidence/ folder, in the same commit, with the declared
# SHA-256. Tampered, missing, outside, escaping, absolute and linked evidence
# are each caught at the line of the claim.
. "$(dirname "$0")/../../lib/tap.sh"
. "$PPREG_TOP/tests/lib/breaks.sh"
G=gdpr.yaml
P=platforms/entraide-sante
E=$P/evidence

# Every evidence item of the example holds.
make_registry
check_reg
expect_no_rule gdpr.evidence "entraide-sante's three documents match their digests"
for f in contrat-art28-hebergeur aipd-2026 procedure-violation; do
	d=$(sha256sum "$PPREG_TOP/registry/$E/$f.pdf" | cut -c1-64)
	grep -q "path: evidence/$f.pdf, sha256: \"$d\"" "$PPREG_TOP/registry/$P/$G"
	ok $? "$f.pdf: the declared digest is the file's own"
	head -c 8 "$PPREG_TOP/registry/$E/$f.pdf" | grep -q '^%PDF-1.4'
	ok $? "$f.pdf is a PDF document"
done

# The declared digest differs from the document's.
breaks "a tampered digest (DPIA)" $G 's/sha256: "3470/sha256: "4470/' gdpr.evidence 22
breaks "a tampered digest (contract)" $G 's/sha256: "774d/sha256: "874d/' gdpr.evidence 20
breaks "a tampered digest (breach procedure)" $G 's/sha256: "916c/sha256: "016c/' gdpr.evidence 23
breaks "a digest in upper case" $G 's/sha256: "34709e6eae5baa/sha256: "34709E6EAE5BAA/' gdpr.evidence 22
breaks "a digest too short" $G 's/sha256: "34709e6eae5baa74b656ebab6a3c715e4f26a4e250a763c27ca51e0410378525"/sha256: "34709e6e"/' gdpr.evidence 22
breaks "the placeholder of the specification" $G 's/sha256: "34709e6eae5baa74b656ebab6a3c715e4f26a4e250a763c27ca51e0410378525"/sha256: "<64 hex>"/' gdpr.evidence 22
breaks "no digest" $G 's/, sha256: "34709e6eae5baa74b656ebab6a3c715e4f26a4e250a763c27ca51e0410378525"//' gdpr.evidence 22
breaks "no path" $G 's/path: evidence\/aipd-2026.pdf, //' gdpr.evidence 22

# The document changed after its digest was declared.
make_registry
printf 'altered\n' >>"$REG/$E/aipd-2026.pdf"
commit
check_reg
expect_finding gdpr.evidence $P/$G 22 "an altered document is caught at the claim"
expect_rc 1 "altered document: exit 1"
d=$(sha256sum "$REG/$E/aipd-2026.pdf" | cut -c1-64)
printf '%s\n' "$OUT" | grep -q "$d"
ok $? "the message gives the document's actual SHA-256"

# The document is missing from the commit, even when it is on disk.
breaks "a missing evidence file" $G 's/aipd-2026.pdf/aipd-2025.pdf/' gdpr.evidence 22
make_registry
git -C "$REG" rm -q --cached "$E/procedure-violation.pdf"
git -C "$REG" commit -q -m "forget the procedure"
check_reg
expect_finding gdpr.evidence $P/$G 23 "a document left out of the commit is missing"
expect_rc 1 "document not committed: exit 1"
check_reg --worktree
expect_no_rule gdpr.evidence "--worktree reads the file on disk"

# Paths outside evidence/, escaping the folder, absolute.
breaks "evidence outside evidence/" $G 's/path: evidence\/aipd-2026.pdf/path: registration.yaml/' gdpr.evidence 22
breaks "evidence at ./evidence/" $G 's/path: evidence\/aipd-2026.pdf/path: .\/evidence\/aipd-2026.pdf/' gdpr.evidence 22
breaks "evidence escaping with ../" $G 's/path: evidence\/aipd-2026.pdf/path: ..\/entraide-sante\/evidence\/aipd-2026.pdf/' gdpr.evidence 22
breaks "evidence escaping from inside evidence/" $G 's/path: evidence\/aipd-2026.pdf/path: evidence\/..\/..\/sante-revoquee\/evidence\/aipd-2026.pdf/' gdpr.evidence 22
breaks "evidence by absolute path" $G 's/path: evidence\/aipd-2026.pdf/path: \/etc\/passwd/' gdpr.evidence 22
breaks "evidence naming the folder" $G 's/path: evidence\/aipd-2026.pdf/path: evidence\//' gdpr.evidence 22

# A symlinked evidence file is never followed, even to the right bytes.
make_registry
mv "$REG/$E/aipd-2026.pdf" "$TMP/aipd-2026.pdf"
ln -s "$TMP/aipd-2026.pdf" "$REG/$E/aipd-2026.pdf"
commit
check_reg
expect_finding gdpr.evidence $P/$G 22 "a symlinked evidence file is caught at the claim"
expect_rule core.tree-entry "and the link itself is a core.tree-entry finding"
expect_rc 1 "symlinked evidence: exit 1"

# A link inside the folder, to a committed file, is not followed either.
make_registry
mv "$REG/$E/aipd-2026.pdf" "$REG/$P/aipd-2026.pdf"
ln -s ../aipd-2026.pdf "$REG/$E/aipd-2026.pdf"
commit
check_reg
expect_finding gdpr.evidence $P/$G 22 "a relative link to a committed copy is caught"

# A symlinked evidence/ folder: no document behind it is read.
make_registry
mv "$REG/$E" "$REG/$P/documents"
ln -s documents "$REG/$E"
commit
check_reg
expect_finding gdpr.evidence $P/$G 20 "behind a linked folder: the contract"
expect_finding gdpr.evidence $P/$G 22 "behind a linked folder: the DPIA"
expect_finding gdpr.evidence $P/$G 23 "behind a linked folder: the breach procedure"
expect_rule core.tree-entry "the linked folder is a core.tree-entry finding"

# A document in a subfolder of evidence/ is fine.
make_registry
mkdir "$REG/$E/2026"
git -C "$REG" mv "$E/aipd-2026.pdf" "$E/2026/aipd.pdf"
edit $P/$G 's/path: evidence\/aipd-2026.pdf/path: evidence\/2026\/aipd.pdf/'
commit
check_reg
expect_no_rule gdpr.evidence "evidence/2026/aipd.pdf is inside evidence/"
expect_rc 0 "a subfolder of evidence/: exit 0"

# Two platforms filing the same document share its Git blob, whose digest
# the check computes once (core/judge/digest_memo.h): each declared digest is
# still compared with the document's, whichever platform comes first, and
# with one worker or several.
for tampered in entraide-sante entraide-sante-2; do
	for jobs in 1 2; do
		make_registry
		cp -R "$REG/$P" "$REG/platforms/entraide-sante-2"
		edit platforms/entraide-sante-2/registration.yaml 's/id: entraide-sante/id: entraide-sante-2/'
		edit platforms/$tampered/$G 's/sha256: "3470/sha256: "4470/'
		commit
		check_reg --jobs $jobs
		expect_finding gdpr.evidence platforms/$tampered/$G 22 "shared blob, $tampered tampered, --jobs $jobs: caught"
		other=entraide-sante; [ $tampered = entraide-sante ] && other=entraide-sante-2
		! printf '%s\n' "$OUT" | grep -q "^platforms/$other/$G:[0-9]*:[0-9]*: error: gdpr.evidence"
		ok $? "shared blob, $tampered tampered, --jobs $jobs: $other still holds"
	done
done

done_testing
