/*
 * registry/git_alloc.h - libgit2's allocator, with a ceiling on any one allocation
 * that read_blob (registry.c) sets around each read of a blob.
 *
 * Why: a blob of 200 MB of zeros is 200 KB in a pack, and libgit2 allocates
 * the whole inflated size before it inflates. Asking the object's size
 * first (git_odb_read_header) refuses such a blob without that allocation,
 * but it costs an idx look-up, a walk of the delta chain and a zlib stream
 * per blob, a share of a full check that counts (docs/benchmark.md). With a
 * ceiling of the policy's file limit,
 * the read itself fails before any allocation over the limit, and only
 * then is the size asked, to report it (or, for a small blob stored as a
 * delta of a large one, to read it again without the ceiling).
 *
 * The ceiling is one static: ppreg reads Git from one thread.
 */
#ifndef PPREG_GIT_ALLOC_H
#define PPREG_GIT_ALLOC_H

#include <stddef.h>

/* Installs the allocator in libgit2 (after git_libgit2_init). 0, or -1 when
 * this libgit2 cannot take it (before 1.0): then git_alloc_limit has no
 * effect and every allocation is made (the caller must ask sizes first). */
int git_alloc_install(void);

/* Refuses, until the next call, any single allocation of more than `max`
 * bytes (0: no ceiling), and forgets any earlier refusal. */
void git_alloc_limit(size_t max);

/* Whether an allocation was refused since git_alloc_limit was last called. */
int git_alloc_refused(void);

#endif
