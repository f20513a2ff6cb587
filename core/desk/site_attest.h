/*
 * desk/site_attest.h - the attestations `ppreg site --attestations DIR`
 * names: each envelope of DIR read (not verified: no key is given; the
 * site prints the command that verifies it) and copied into the site.
 */
#ifndef PPREG_SITE_ATTEST_H
#define PPREG_SITE_ATTEST_H

#include <stddef.h>

typedef struct {
	char *file;        /* its name in DIR and in the site's attestations/ */
	char *platform, *commit, *tree_id, *as_of, *valid_until;
} site_attestation;

typedef struct {
	site_attestation *v;
	size_t n;
} site_attestations;

/*
 * Reads every regular file of `dir` whose name ends in .json, as a DSSE
 * envelope of a ppreg statement that holds on `as_of`, and copies it into
 * `copy_to`. One that is not (malformed, expired, not yet valid) is named
 * on stderr and left out. Sorted by platform, then valid_until, latest
 * first. ERR_FAIL when dir cannot be read or a copy cannot be written.
 */
int site_attestations_load(const char *dir, const char *as_of, const char *copy_to, site_attestations *out);
void site_attestations_free(site_attestations *a);

/* The attestations of platform `id`: how many, the first in *first. */
size_t site_attestations_of(const site_attestations *a, const char *id, const site_attestation **first);

/* The first attestation of platform `id` (the one valid longest), or
 * NULL; with `tree_id`, only one of that folder's content. */
const site_attestation *site_attestation_for(const site_attestations *a, const char *id, const char *tree_id);

#endif
