#!/bin/bash
# Numbers that overflow and dates that do not exist, in the typed fields of
# every declaration file: each is core.type at its line and exit 1. Values
# that fit but are absurd (the largest 64-bit integers, years 1 and 9999)
# reach the plugins, which must judge them without overflowing (UBSan runs
# the suite in CI) and say which rule they break.
. "$(dirname "$0")/lib.sh"

# at FILE REGEX: the line of the compliant FILE.yaml matching REGEX.
at() { grep -n -m1 -E "$2" "$EXAMPLE/$1.yaml" | cut -d: -f1; }

# value FILE REGEX REPLACEMENT DESC RULE [LINE]: the first match of REGEX
# replaced; the finding is expected at its line, or at LINE.
value() {
	hostile "$4" "$1" "$5" "${6:-$(at "$1" "$2")}" "sed -E '0,/$2/s//$3/' \"\$E\""
}

# 64 bits and beyond
value transparency 'total: 2$' 'total: 99999999999999999999' "an integer past 2^64" core.type
value transparency 'total: 2$' 'total: -9223372036854775809' "an integer under -2^63" core.type
value transparency 'price_eur: 90' 'price_eur: 1e999' "1e999" core.type
value transparency 'price_eur: 90' 'price_eur: -1e999' "-1e999" core.type
value transparency 'price_eur: 90' 'price_eur: .inf' ".inf" core.type
value transparency 'price_eur: 90' 'price_eur: .nan' ".nan" core.type
value transparency 'total: 2$' 'total: 0x2' "a hexadecimal integer" core.type
value transparency 'total: 2$' 'total: 1_0' "an integer with _" core.type
value transparency 'total: 2$' 'total: "2"' "a quoted integer" core.type
value transparency 'amount_eur: 210000' 'amount_eur: 1e400' "1e400 euros" core.type
value training 'hours: 12\}' 'hours: 1e999}' "module hours 1e999" core.type
value training 'patient_partners: 3' 'patient_partners: 1e3' "trainers as a decimal" core.type

# dates that do not exist, or are not dates
value registration 'granted_on: 2026-07-01' 'granted_on: 2026-02-30' "2026-02-30" core.type
value registration 'granted_on: 2026-07-01' 'granted_on: 2025-02-29' "2025-02-29" core.type
value registration 'expires_on: 2029-06-30' 'expires_on: 2100-02-29' "2100-02-29" core.type
value registration 'granted_on: 2026-07-01' 'granted_on: 2026-13-01' "month 13" core.type
value registration 'granted_on: 2026-07-01' 'granted_on: 2026-07-00' "day 0" core.type
value registration 'granted_on: 2026-07-01' 'granted_on: 0000-01-01' "year 0" core.type
value registration 'granted_on: 2026-07-01' 'granted_on: 2026-7-1' "2026-7-1" core.type
value registration 'granted_on: 2026-07-01' 'granted_on: 2026-07-01T00:00:00Z' "a timestamp" core.type
value registration 'granted_on: 2026-07-01' 'granted_on: 99999-07-01' "a five-digit year" core.type
value transparency 'date: 2025-03-14' 'date: 2025-02-30' "2025-02-30" core.type
value gdpr 'done_on: 2026-01-15' 'done_on: 2026-02-30' "2026-02-30" core.type
value gdpr 'valid_until: 2028-01-31' 'valid_until: 2028-01-32' "January 32nd" core.type
value charter 'signed_on: 2026-07-10' 'signed_on: 2026-02-30' "2026-02-30" core.type
value training 'obtained_on: 2025-06-30' 'obtained_on: 2025-06-31' "June 31st" core.type

# Legal but absurd: a plugin's rule, never a crash.
value registration 'granted_on: 2026-07-01' 'granted_on: 9999-12-31' "granted in 9999" registration.authorization
value charter 'signed_on: 2026-07-10' 'signed_on: 0001-01-01' "signed in year 1" charter.renewal
value gdpr 'done_on: 2026-01-15' 'done_on: 0001-01-01' "a DPIA of year 1" gdpr.dpia
value gdpr 'retention: P2Y' 'retention: P999999Y' "a retention of 999 999 years" gdpr.retention
value gdpr 'notify_authority_within_hours: 72' 'notify_authority_within_hours: -9223372036854775808' \
	"breach hours of -2^63" gdpr.breach-procedure
value transparency 'total: 2$' 'total: 9223372036854775807' "2^63-1 partners" transparency.patient-partners
value training 'hours: 12\}' 'hours: -9223372036854775808}' "module hours of -2^63" training.required-modules \
	"$(at training 'modules:')"
# Numbers (not integers) may be past 2^64: then the plugin judges them.
value gdpr 'notify_authority_within_hours: 72' 'notify_authority_within_hours: 99999999999999999999' \
	"breach hours past 2^64" gdpr.breach-procedure
value gdpr 'activities: \[1,' 'activities: [18446744073709551616,' "an HDS activity of 2^64" gdpr.hds-hosting
# A course of 10^20 hours meets every bound the policy sets (there is no
# maximum): accepted, as a reading of the specification, not a crash.
accepted "a course of 10^20 hours" training "sed 's/hours: 120/hours: 99999999999999999999/' \"\$E\""

# The three counts by status add up past 2^63: the platform must still be
# judged, with its finding, and no overflow (UBSan runs this in CI).
E=$EXAMPLE/transparency.yaml
sed 's/salaried: 1, volunteer: 1/salaried: 9223372036854775807, volunteer: 1/' "$E" | put transparency
measure "counts by status adding up past 2^63"
expect_rc 1 "counts past 2^63: exit 1"
expect_finding transparency.patient-partners $DIR/transparency.yaml "$(at transparency 'total: 2$')" \
	"counts past 2^63: transparency.patient-partners"
no_crash "counts past 2^63"
restore transparency
commit restore

done_testing
