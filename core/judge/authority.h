/*
 * judge/authority.h - the authority's own record, kept in the registry's
 * authority/ folder, which only the authority writes (docs/format.md):
 * authority/authorizations.yaml, the authorization of each platform, and
 * authority/revocations.yaml, the attestations it revoked.
 *
 * The core reads and checks the files once per run; plugins read a
 * platform's entry through ppreg_api.authority, so that what a platform
 * says of itself is judged against what the authority keeps.
 */
#ifndef PPREG_AUTHORITY_H
#define PPREG_AUTHORITY_H

#include "judge/run.h"

/* Reads authority/authorizations.yaml and authority/revocations.yaml when
 * they exist at the state r was opened on. A file that is not valid
 * (YAML, types, unknown fields) makes the registry impossible to judge:
 * ERR_FAIL with "FILE:LINE:COLUMN: rule: message" in error_last(). */
int authority_load(run *r);
void authority_free(run *r);

/* A record's entry for a platform: in authority/<record>.yaml, the item of
 * the list <record> whose `platform` is `id`. PPREG_ABSENT when the
 * registry keeps no such record, else PPREG_OK with *entry NULL when the
 * record has no entry for the platform. */
int authority_entry(const run *r, const char *record, const char *id, const ppreg_node **entry);

/* The revocation of the attestation whose payload has this SHA-256, or
 * NULL: its `revoked_on` and `reason` say when and why. */
const ppreg_node *authority_revocation(const run *r, const char *payload_sha256);

/* Each platform id the authorizations name that is no platform folder of
 * the registry: a core.authority-record finding (the authority's record
 * names a service the registry does not hold). 0, or ERR_FAIL when the
 * platform ids cannot be read. */
int authority_check_ids(run *r, finding_sink *sink);

#endif
