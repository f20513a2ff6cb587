/*
 * hook/trust.h - who may push what: the signer of each new commit against
 * authority/maintainers.yaml (hook/maintainers.h) as the pushed branch's
 * old revision holds it, never as the push brings it, so a push cannot add
 * its own key and use it.
 *
 * A path that a commit changes belongs to platform ID when it is
 * platforms/ID or below, and to the authority otherwise (authority/,
 * registry.yaml, anything outside platforms/, anything outside the
 * registry's folder). The commit's key must be allowed for every path: a
 * platform's key for its folder, the authority's for the rest. Nobody else
 * is let in, the authority included, on a platform's folder: the
 * authority gives itself a platform by listing its key there.
 */
#ifndef PPREG_HOOK_TRUST_H
#define PPREG_HOOK_TRUST_H

#include "hook/sshsig.h"
#include "hook/maintainers.h"
#include "base/util.h"

#include <stdio.h>

typedef struct {
	int present;      /* maintainers.yaml at the base: signatures are checked */
	char *repo;       /* the repository's path */
	char *prefix;     /* the registry's folder in it ("" at the top) */
	maintainers m;
	sshsig_files files;
} trust;

/* Reads MAINTAINERS_FILE from the registry at `base` (a commit id; NULL:
 * none, then nothing is checked). 0 (t->present says whether it is
 * there), or ERR_FAIL: a malformed file, named with its line. */
int trust_open(trust *t, const char *repo, const char *base);
void trust_close(trust *t);

/* Whether commit `id` is signed by a key allowed for every path it
 * changes. 0: it is (*by_authority: by one of the authority's keys);
 * 1: it is not, said on `msg` with the commit, path and key; ERR_FAIL. */
int trust_check_commit(trust *t, const char *label, const char *id, FILE *msg, int *by_authority);

/* trust_check_commit for every commit a reference moving from `base`
 * (NULL: none) to `tip` adds to its history, including commits another
 * branch had already: a branch that was never checked cannot carry
 * unsigned commits into one that is. `ref` names them in messages. The
 * ids of the commits the authority signed are added to `by_authority`.
 * 0, 1 (one was refused) or ERR_FAIL. */
int trust_check_range(trust *t, const char *ref, const char *base, const char *tip, FILE *msg,
                      ptrvec *by_authority);

#endif
