#!/bin/bash
# What verify reads from a validly signed statement: one subject, a full
# commit id, real dates. Each statement here is signed with the right key,
# so only the check named can reject it.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
make_registry
att -o "$TMP/a.json"
expect_rc 0 "attest"
restate "$TMP/a.json" "$TMP/same.json" 'pass'
ver "$TMP/same.json"
expect_rc 0 "the statement signed again by openssl verifies (the helper itself)"

# Dates: YYYY-MM-DD that exist on the calendar, with their own reason.
for bad in 2026-99-99 zzzzzzzzzz 2027-11-23T00:00:00Z 2027-02-29 27-11-23 ''; do
	restate "$TMP/a.json" "$TMP/d.json" "s['predicate']['ppreg']['valid_until'] = '$bad'"
	rejects "$TMP/d.json" "predicate.ppreg.valid_until is not a date YYYY-MM-DD" "valid_until '$bad'"
done
restate "$TMP/a.json" "$TMP/d.json" "s['predicate']['ppreg']['as_of'] = '2026-13-01'"
rejects "$TMP/d.json" "predicate.ppreg.as_of is not a date YYYY-MM-DD" "as_of '2026-13-01'"
restate "$TMP/a.json" "$TMP/d.json" "del s['predicate']['ppreg']['as_of']"
rejects "$TMP/d.json" "lacks" "no as_of"
restate "$TMP/a.json" "$TMP/d.json" "s['predicate']['ppreg']['valid_until'] = 2027"
rejects "$TMP/d.json" "lacks" "valid_until a number"
restate "$TMP/a.json" "$TMP/d.json" "s['predicate']['ppreg']['valid_until'] = '2026-11-22'"
rejects "$TMP/d.json" "valid_until 2026-11-22 is before as_of 2026-11-23" "valid_until before as_of"
restate "$TMP/a.json" "$TMP/d.json" "s['predicate']['ppreg']['valid_until'] = '2026-11-23'"
ver "$TMP/d.json"
expect_rc 0 "valid_until equal to as_of verifies that day"

# gitCommit: 40 or 64 lowercase hex digits, never a revision to resolve.
for bad in HEAD main "$(git -C "$REG" rev-parse --short HEAD)" "$(git -C "$REG" rev-parse HEAD | tr a-f A-F)" \
	"$(git -C "$REG" rev-parse HEAD)0" "HEAD~0"; do
	restate "$TMP/a.json" "$TMP/c.json" "s['subject'][0]['digest']['gitCommit'] = '$bad'"
	rejects "$TMP/c.json" "gitCommit is not a full commit id" "gitCommit '$bad'"
	rejects "$TMP/c.json" "gitCommit is not a full commit id" "gitCommit '$bad' with --registry" --registry "$REG"
done
restate "$TMP/a.json" "$TMP/c.json" "s['subject'][0]['digest']['gitCommit'] = 'a' * 64"
ver "$TMP/c.json"
expect_rc 0 "a 64-digit (SHA-256) commit id is a commit id"

# Exactly one subject.
restate "$TMP/a.json" "$TMP/s.json" "s['subject'].append(dict(s['subject'][0], name='platforms/other'))"
rejects "$TMP/s.json" "exactly one subject" "two subjects"
restate "$TMP/a.json" "$TMP/s.json" "s['subject'] = []"
rejects "$TMP/s.json" "exactly one subject" "no subject"
restate "$TMP/a.json" "$TMP/s.json" "s['subject'] = s['subject'][0]"
rejects "$TMP/s.json" "exactly one subject" "a subject that is not a list"
done_testing
