/*
 * registry/registry_worktree.h - what a registry's work tree holds beside
 * its commits: with --worktree, the files a commit of the work tree would
 * hold (tracked ones, and untracked ones .gitignore does not exclude); at
 * a revision, the platform folders of the work tree the revision lacks,
 * which a check says were not judged. And the registry root found from a
 * folder inside it, as git finds its repository.
 */
#ifndef PPREG_REGISTRY_WORKTREE_H
#define PPREG_REGISTRY_WORKTREE_H

#include "registry/registry.h"

#include <stddef.h>

struct git_tree; /* libgit2's, which stays inside core/registry/ */

/* --worktree: opens the repository around r->path when there is one
 * (r->outside_git otherwise), and moves r->path up to the registry root
 * when r->path is a folder inside it. 0, or ERR_FAIL. */
int registry__worktree_open(registry *r);

/* Whether the entry at `rel` (relative to the registry root; `is_dir`
 * for a folder) is left out of the work tree: untracked and ignored.
 * Never outside Git. */
int registry__worktree_skips(registry *r, const char *rel, int is_dir);

/* The registry root inside `top` when r->prefix names a folder inside it
 * (platforms/<id>/): the nearest folder above holding registry.yaml.
 * Moves r->prefix and r->path up and returns 1; 0 when r->prefix holds
 * registry.yaml, is the top, or no folder above holds one. */
int registry__climb_to_root(registry *r, struct git_tree *top);

/* Whether the registry read from a revision sits in a work tree (a
 * checkout, not a bare repository): only then may its work tree hold
 * platforms the revision lacks. */
int registry_has_worktree(const registry *r);

/* The platform folders of the work tree (not ignored) that the revision
 * read lacks, sorted: uncommitted work a check does not judge. 0, or
 * ERR_FAIL. Free with registry_free_ids. */
int registry_uncommitted_platforms(registry *r, char ***ids, size_t *n);

/* Whether --worktree read files outside any Git repository. */
int registry_outside_git(const registry *r);

#endif
