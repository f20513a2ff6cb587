/*
 * registry/registry_internal.h - what the registry's files (registry.c, the opening
 * on the index in registry_index.c, the diffs in registry_changes.c) share.
 * Nothing outside core/registry*.c includes it: libgit2 stays there.
 */
#ifndef PPREG_REGISTRY_INTERNAL_H
#define PPREG_REGISTRY_INTERNAL_H

#include "registry/registry.h"

#include <git2.h>

struct registry {
	char *path;
	int worktree;
	int index;             /* opened on the index (staged content) */
	git_repository *repo;
	git_tree *root;        /* registry root tree at the revision */
	git_tree *platforms;   /* root/platforms, looked up once (the only tree whose size follows N) */
	char commit[GIT_OID_HEXSZ + 1];
	char *prefix;
};

/* Whether an entry of platforms/ with this mode is a platform: anything but
 * a regular (or executable) file. A file there (platforms/NOTES.txt) is no
 * platform, for a full check and for a change alike; a link or a submodule
 * is one, which the check refuses (core.tree-entry). */
int registry__is_platform_mode(git_filemode_t mode);

/* error_set() with libgit2's last message; returns ERR_FAIL. */
int registry__git_fail(const char *what);
void registry__init_libgit2(void);

/* Opens r->repo on r->path (with a push's quarantined objects readable)
 * and computes r->prefix. */
int registry__open_repo(registry *r);

/* The registry root inside `top` (a commit's or the index's tree): `top`
 * itself at the repository's top, else the folder r->prefix. `what` names
 * the source in messages. Sets r->root. */
int registry__set_root(registry *r, git_tree *top, const char *what);

/* root/platforms, parsed once and kept (NULL when there is no such folder):
 * the one tree whose size follows the number of platforms. */
git_tree *registry__platforms_tree(registry *r);

/* The tree of the registry root at `rev`; *out is NULL (and 0 returned)
 * when the registry folder does not exist there. */
int registry__root_at(registry *r, const git_commit *commit, git_tree **out);

#endif
