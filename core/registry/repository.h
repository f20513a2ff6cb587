/*
 * registry/repository.h - the Git repository under a registry, and what the
 * registry's files (registry.c, registry_index.c, registry_diff.c) share:
 * opening it, its root and platforms/ trees, libgit2's errors as the core's.
 * Nothing outside core/registry/ includes it: libgit2 stays there.
 */
#ifndef PPREG_REPOSITORY_H
#define PPREG_REPOSITORY_H

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
	/* With --worktree: the repository the files are in (repo, NULL outside
	 * Git), its index, and the registry root relative to its top, to leave
	 * out what .gitignore excludes (registry_worktree.c). */
	git_index *wt_index;
	char *wt_prefix;
	int outside_git;       /* the path is in no Git repository */
};

/* Whether an entry of platforms/ with this mode is a platform: anything but
 * a regular (or executable) file. A file there (platforms/NOTES.txt) is no
 * platform, for a full check and for a change alike; a link or a submodule
 * is one, which the check refuses (core.tree-entry). */
int registry__is_platform_mode(git_filemode_t mode);

/* error_set() with libgit2's last message; returns ERR_FAIL. */
int registry__git_fail(const char *what);
/* The same for an object: "path (object <hex id>): libgit2's message". */
int registry__git_fail_object(const char *path, const git_oid *id);
/* The same with `why` instead of libgit2's message (NULL: libgit2's). */
int registry__fail_object(const char *path, const git_oid *id, const char *why);
/* Whether libgit2 took the allocator with a ceiling (git_alloc.h). */
int registry__ceiling_works(void);

/* git_tree_entry_bypath: 0, PPREG_ABSENT when no entry has that path, or
 * ERR_FAIL (a tree on the way cannot be read). */
int registry__entry_bypath(git_tree_entry **out, const git_tree *tree, const char *path);

/* The commit `obj` peels to: 0, PPREG_BADTYPE when it is no commit (a tag
 * of a tree or blob), or ERR_FAIL. */
int registry__peel_commit(git_object *obj, git_commit **out);
void registry__init_libgit2(void);

/* A registry opened on the repository at `path` alone, for what reads
 * commits rather than a state (a push's commits, their signatures). */
int registry__open_path(registry **out, const char *path);

/* In the repository at `path`, the commits reachable from the revision
 * `tip` and not hidden by hide(walk, ctx), parents before children, as hex
 * ids in *ids (free with registry_free_ids). A tip that is no commit (a
 * tag of a tree or a blob) brings none. 0, or ERR_FAIL. */
int registry__walk_commits(const char *path, const char *tip,
                           int (*hide)(registry *r, git_revwalk *walk, const void *ctx), const void *ctx,
                           char ***ids, size_t *n);

/* Opens r->repo on r->path (with a push's quarantined objects readable)
 * and computes r->prefix. */
int registry__open_repo(registry *r);

/* The registry root inside `top` (a commit's or the index's tree): `top`
 * itself at the repository's top, else the folder r->prefix. `what` names
 * the source in messages. Sets r->root. PPREG_ABSENT (with a message) when
 * the folder is not in `top`. */
int registry__set_root(registry *r, git_tree *top, const char *what);

/* root/platforms, parsed once and kept (*out NULL when there is no such
 * folder): the one tree whose size follows the number of platforms. 0, or
 * ERR_FAIL when it cannot be read. */
int registry__platforms_tree(registry *r, git_tree **out);

/* The tree of the registry root at `rev`; *out is NULL (and 0 returned)
 * when the registry folder does not exist there, ERR_FAIL when it or a
 * tree on the way cannot be read. */
int registry__root_at(registry *r, const git_commit *commit, git_tree **out);

#endif
