/*
 * registry/registry_commit.h - what a push's hooks learn of one commit
 * beyond its content: the signature it carries and the bytes it signs, the
 * paths it changes, and the commit a new branch starts from (the
 * repository's default branch). Read through libgit2, from the repository
 * at `path` with a push's quarantined objects readable.
 */
#ifndef PPREG_REGISTRY_COMMIT_H
#define PPREG_REGISTRY_COMMIT_H

#include <stddef.h>

/* The signature of commit `id` (its gpgsig header, as Git wrote it) and
 * the commit without it, the bytes that were signed; both malloc'd and
 * NUL-terminated. PPREG_ABSENT when the commit is not signed; ERR_FAIL
 * with a message naming the commit. */
int registry_commit_signature(const char *path, const char *id, char **sig, char **data,
                              size_t *data_len);

/* The paths, from the repository's top, that commit `id` adds, changes or
 * deletes: against its parent; for a merge, only those that differ from
 * every parent (what the merge itself brings); for a root commit, every
 * path. Sorted; free with registry_free_ids. ERR_FAIL with a message. */
int registry_commit_paths(const char *path, const char *id, char ***paths, size_t *n);

/* The commit the repository's HEAD names (the default branch of a bare
 * repository), as 40 or 64 hex digits in `out`. PPREG_ABSENT when HEAD is
 * unborn (an empty repository); ERR_FAIL with a message. */
int registry_default_commit(const char *path, char out[65]);

/* The commits reachable from `tip` and not from `base` (NULL: every one),
 * parents first, as hex ids: what a reference moving from `base` to `tip`
 * adds to its history, whether or not another branch had them already. A
 * tag is peeled to its commit; a tip that is no commit gives none. Free
 * with registry_free_ids. ERR_FAIL with a message. */
int registry_commits_since(const char *path, const char *base, const char *tip, char ***ids, size_t *n);

/* 1 when `new` is `old` or one of its descendants (a fast-forward), 0 when
 * it is not (a rewind, or another history); ERR_FAIL with a message. */
int registry_descends(const char *path, const char *old, const char *new);

/* Whether `ref` ("refs/heads/main") is the one the repository's HEAD
 * names: 1 or 0; ERR_FAIL with a message. */
int registry_is_default_ref(const char *path, const char *ref);

#endif
