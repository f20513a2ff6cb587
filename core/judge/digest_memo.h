/*
 * judge/digest_memo.h - the SHA-256 of Git blobs a run has already hashed, by
 * object id.
 *
 * Why: gdpr.evidence hashes every evidence file, and platforms often file
 * the same document (a host's standard Art. 28 contract). Within one
 * repository an object id names exactly one stored content, so the digest
 * of a blob hashed once is the digest of every entry that names it: the
 * memo answers those without reading or hashing the blob again. Files read
 * from the working tree have no object id and are always hashed.
 *
 * One per run: workers inherit the scheduler's when forked, and send it
 * what they hash with their results (judge.c), so a new worker does not
 * hash the registry's shared documents again.
 *
 * A fixed table (digest_memo.c): its memory does not grow with the
 * registry, and an id that falls on a full set replaces the oldest there.
 */
#ifndef PPREG_DIGEST_MEMO_H
#define PPREG_DIGEST_MEMO_H

#include <stddef.h>

typedef struct digest_memo digest_memo;

void digest_memo_free(digest_memo *m);

/* 1 with hex filled when the blob `oid` (oid_len bytes, 0 for none) was
 * hashed before; 0 otherwise. m may be NULL (nothing remembered). */
int digest_memo_get(const digest_memo *m, const unsigned char *oid, size_t oid_len, char hex[65]);

/* Remembers the digest of blob `oid`; allocates *m on first use. Nothing
 * for oid_len 0 or longer than an object id. */
void digest_memo_put(digest_memo **m, const unsigned char *oid, size_t oid_len, const char hex[65]);

#endif
