#!/bin/sh
# text_contact_kind: e-mail addresses and phone numbers found in any text,
# and the texts of a registry that must not be taken for them.
. "$(dirname "$0")/../../lib/tap.sh"
exec "$PPREG_BUILD/tests/charter_contacts_test"
