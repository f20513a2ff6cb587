/*
 * registry/registry_diff.h - what a change touches: the platforms whose folders
 * differ between two states of a registry, whether registry.yaml changed,
 * and which other files did; and, for a push, which commits are new.
 *
 * The cost follows the size of the change, not of the registry: two
 * platform folders with the same Git tree id are equal without being read,
 * so comparing two states of a registry of 10 000 platforms reads the two
 * `platforms` tree objects (one entry per platform) and nothing below the
 * folders that are equal.
 */
#ifndef PPREG_REGISTRY_CHANGES_H
#define PPREG_REGISTRY_CHANGES_H

#include "registry/registry.h"

typedef struct {
	char **checked;        /* platforms added or modified (a rename's new name), sorted */
	size_t n_checked;
	char **removed;        /* platforms deleted (a rename's old name), sorted */
	size_t n_removed;
	int registry_yaml;     /* registry.yaml added, modified or deleted */
	char **outside;        /* other files changed, relative to the registry root, sorted */
	size_t n_outside;
	size_t n_outside_more; /* files changed outside beyond the ones listed */
} registry_changes;

/*
 * The changes from `base` to the state `r` was opened on (a revision or the
 * index). `base` is a revision; NULL means the first parent of r's commit
 * (for a registry opened on the index: HEAD). With no base (a root commit,
 * an unborn branch, or a base where the registry folder does not exist)
 * every platform of `r` is added. With `merge_base`, the base is the merge
 * base of `base` and r's commit (what `git diff A...B` compares).
 */
int registry_changes_since(registry *r, const char *base, int merge_base, registry_changes *out);
void registry_changes_free(registry_changes *c);

/*
 * The commits a push of `tip` brings into the repository at `path`:
 * reachable from `tip` and from no branch or tag the repository has now,
 * parents before children, as hex ids. A tag is peeled to its commit; a
 * tip that is not a commit (a tag of a tree or blob) brings none.
 */
int registry_new_commits(const char *path, const char *tip, char ***ids, size_t *n);

/* Whether a reference holds states of the registry: a branch (refs/heads/)
 * or a tag (refs/tags/). Others (refs/notes/, review references) hold
 * commits that are not registry states; the hooks accept them unjudged. */
int registry_is_state_ref(const char *name);

#endif
