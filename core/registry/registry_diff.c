/*
 * registry/registry_diff.c - comparing two states of a registry, and listing the
 * commits a push brings.
 *
 * Why not git_diff_tree_to_tree for the platforms: libgit2's tree diff
 * walks both trees down to every file, even where two folders have the same
 * tree id, so its cost follows the size of the registry. What a change
 * touches is decided one level down instead: a platform folder whose tree id
 * is the same on both sides is unchanged, and is not read. The `platforms`
 * tree itself (one entry per platform) is the only object whose size
 * follows the registry; looking an entry up in it is a binary search.
 * git_diff_tree_to_tree is used only below the top-level entries that are
 * neither platforms/ nor registry.yaml, to name the files changed there.
 *
 * A rename needs no rename detection: the new folder is added (checked) and
 * the old one removed, which is what a check must do with a rename anyway.
 */
#include "registry/registry_diff.h"
#include "base/i18n.h"
#include "registry/repository.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

/* Files outside platforms/ named one by one; the rest are counted. */
#define MAX_OUTSIDE 200

typedef struct {
	ptrvec checked, removed, outside;
	size_t outside_more;
	int registry_yaml;
} change_lists;

static int same_entry(const git_tree_entry *a, const git_tree_entry *b)
{
	return a && b && git_tree_entry_filemode(a) == git_tree_entry_filemode(b) &&
	       git_oid_equal(git_tree_entry_id(a), git_tree_entry_id(b));
}

static const git_tree_entry *entry_named(const git_tree *t, const char *name)
{
	return t ? git_tree_entry_byname(t, name) : NULL;
}

/* The folder an entry names, or NULL (and 0) when it is not a folder. */
static int subtree(registry *r, const git_tree_entry *e, git_tree **out)
{
	*out = NULL;
	if (!e || git_tree_entry_type(e) != GIT_OBJECT_TREE)
		return 0;
	return git_tree_lookup(out, r->repo, git_tree_entry_id(e)) < 0
	       ? registry__git_fail_object(git_tree_entry_name(e), git_tree_entry_id(e)) : 0;
}

static void add_outside(change_lists *c, char *path)
{
	if (c->outside.n < MAX_OUTSIDE)
		ptrvec_push(&c->outside, path);
	else {
		c->outside_more++;
		free(path);
	}
}

/* The entry `name` of `t` when it is a platform (folder, link, submodule),
 * or when it is a file, depending on `platform`; else NULL. */
static const git_tree_entry *entry_of_kind(const git_tree *t, const char *name, int platform)
{
	const git_tree_entry *e = entry_named(t, name);
	return e && registry__is_platform_mode(git_tree_entry_filemode(e)) == platform ? e : NULL;
}

/* One name of platforms/, on either side: a platform added or modified is
 * checked, one gone is removed; a file directly under platforms/ is no
 * platform (registry_platform_ids agrees), so its change is an outside
 * change. A folder replaced by a file is both: removed, and a file. */
static void diff_platform_entry(const git_tree *old_t, const git_tree *new_t, const char *name,
                                change_lists *c)
{
	const git_tree_entry *po = entry_of_kind(old_t, name, 1), *pn = entry_of_kind(new_t, name, 1);
	const git_tree_entry *fo = entry_of_kind(old_t, name, 0), *fn = entry_of_kind(new_t, name, 0);
	if (pn && !same_entry(po, pn))
		ptrvec_push(&c->checked, xstrdup(name));
	if (po && !pn)
		ptrvec_push(&c->removed, xstrdup(name));
	if ((fo || fn) && !same_entry(fo, fn))
		add_outside(c, path_join("platforms", name));
}

/* platforms/<id> entries, every name of either side compared once. The
 * new side is the state r was opened on: its platforms tree is r's own,
 * parsed once for the run. Most entries are the same object at the same
 * index of both trees (a change touches few platforms): that case costs
 * one comparison, the others a lookup by name. */
static int diff_platforms(registry *r, const git_tree_entry *old_e, const git_tree_entry *new_e,
                          int new_is_r, change_lists *c)
{
	git_tree *old_t = NULL, *new_t = NULL;
	if (new_is_r && registry__platforms_tree(r, &new_t) < 0)
		return ERR_FAIL;
	if (subtree(r, old_e, &old_t) < 0 || (!new_t && subtree(r, new_e, &new_t) < 0)) {
		git_tree_free(old_t);
		return ERR_FAIL;
	}
	int new_owned = new_t && new_t != r->platforms;
	size_t n_new = new_t ? git_tree_entrycount(new_t) : 0;
	size_t n_old = old_t ? git_tree_entrycount(old_t) : 0;
	for (size_t i = 0; i < n_new; i++) {
		const git_tree_entry *ne = git_tree_entry_byindex(new_t, i);
		const git_tree_entry *oe = i < n_old ? git_tree_entry_byindex(old_t, i) : NULL;
		if (oe && same_entry(oe, ne) && !strcmp(git_tree_entry_name(oe), git_tree_entry_name(ne)))
			continue; /* unchanged, whatever its kind */
		diff_platform_entry(old_t, new_t, git_tree_entry_name(ne), c);
	}
	for (size_t i = 0; i < n_old; i++) { /* the names only the old side has */
		const char *name = git_tree_entry_name(git_tree_entry_byindex(old_t, i));
		const git_tree_entry *ne = i < n_new ? git_tree_entry_byindex(new_t, i) : NULL;
		if (ne && !strcmp(git_tree_entry_name(ne), name))
			continue;
		if (!entry_named(new_t, name))
			diff_platform_entry(old_t, new_t, name, c);
	}
	/* A file named `platforms` is no platform: it is an outside change. */
	if ((old_e && !old_t) || (new_e && !new_t))
		add_outside(c, xstrdup("platforms"));
	git_tree_free(old_t);
	if (new_owned)
		git_tree_free(new_t);
	return 0;
}

/* The files changed below one top-level entry that is not platforms/. */
static int diff_outside(registry *r, const char *name, const git_tree_entry *old_e,
                        const git_tree_entry *new_e, change_lists *c)
{
	git_tree *old_t = NULL, *new_t = NULL;
	git_diff *diff = NULL;
	int rc = 0;
	if ((old_e && git_tree_entry_type(old_e) != GIT_OBJECT_TREE) ||
	    (new_e && git_tree_entry_type(new_e) != GIT_OBJECT_TREE))
		add_outside(c, xstrdup(name));
	if (subtree(r, old_e, &old_t) < 0 || subtree(r, new_e, &new_t) < 0) {
		rc = ERR_FAIL;
		goto done;
	}
	if (!old_t && !new_t)
		goto done;
	if (git_diff_tree_to_tree(&diff, r->repo, old_t, new_t, NULL) < 0) {
		rc = registry__git_fail(name);
		goto done;
	}
	for (size_t i = 0; i < git_diff_num_deltas(diff); i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		const char *path = d->status == GIT_DELTA_DELETED ? d->old_file.path : d->new_file.path;
		add_outside(c, path_join(name, path));
	}
done:
	git_diff_free(diff);
	git_tree_free(old_t);
	git_tree_free(new_t);
	return rc;
}

static int diff_top_entry(registry *r, const char *name, const git_tree *old_root,
                          const git_tree *new_root, change_lists *c)
{
	const git_tree_entry *o = entry_named(old_root, name), *n = entry_named(new_root, name);
	if (same_entry(o, n))
		return 0;
	if (!strcmp(name, "platforms"))
		return diff_platforms(r, o, n, new_root == r->root, c);
	if (!strcmp(name, "registry.yaml")) {
		c->registry_yaml = 1;
		return 0;
	}
	return diff_outside(r, name, o, n, c);
}

/* Every top-level name of either side, each compared once. */
static int diff_roots(registry *r, const git_tree *old_root, const git_tree *new_root, change_lists *c)
{
	size_t n_new = new_root ? git_tree_entrycount(new_root) : 0;
	size_t n_old = old_root ? git_tree_entrycount(old_root) : 0;
	for (size_t i = 0; i < n_new; i++)
		if (diff_top_entry(r, git_tree_entry_name(git_tree_entry_byindex(new_root, i)),
		                   old_root, new_root, c) < 0)
			return ERR_FAIL;
	for (size_t i = 0; i < n_old; i++) {
		const char *name = git_tree_entry_name(git_tree_entry_byindex(old_root, i));
		if (!entry_named(new_root, name) && diff_top_entry(r, name, old_root, new_root, c) < 0)
			return ERR_FAIL;
	}
	return 0;
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted, without repeats (a hostile tree may repeat a name). */
static char **sorted_unique(ptrvec *v, size_t *n)
{
	size_t k = 0;
	if (v->n)
		qsort(v->v, v->n, sizeof *v->v, str_cmp);
	for (size_t i = 0; i < v->n; i++) {
		if (k && !strcmp(v->v[k - 1], v->v[i]))
			free(v->v[i]);
		else
			v->v[k++] = v->v[i];
	}
	*n = k;
	return (char **)v->v;
}

static int lookup_commit(registry *r, const char *rev, git_commit **out)
{
	git_object *obj = NULL;
	int rc = git_revparse_single(&obj, r->repo, rev);
	if (rc < 0) {
		git_object_free(obj);
		return rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH ? PPREG_ABSENT : registry__git_fail(rev);
	}
	rc = registry__peel_commit(obj, out);
	git_object_free(obj);
	return rc == PPREG_BADTYPE ? error_set(_("%s: not a commit"), rev) : rc;
}

/* The commit to compare with; *out NULL when there is none (everything in
 * the registry is then new). */
static int base_commit(registry *r, const char *base, int merge_base, git_commit **out)
{
	git_commit *head = NULL, *b = NULL;
	int rc = 0;
	*out = NULL;
	if (!base && r->index) {
		rc = lookup_commit(r, "HEAD", out);
		return rc == PPREG_ABSENT ? 0 : rc;
	}
	if (base) {
		rc = lookup_commit(r, base, &b);
		if (rc == PPREG_ABSENT)
			return error_set(_("%s: no such revision"), base);
		if (rc < 0 || !merge_base) {
			*out = b;
			return rc;
		}
	}
	if (!*r->commit) {
		git_commit_free(b);
		return error_set(_("%s: a comparison needs a commit, not the working files"), r->path);
	}
	if ((rc = lookup_commit(r, r->commit, &head)) < 0) {
		git_commit_free(b);
		return rc == PPREG_ABSENT ? error_set(_("%s: commit not found"), r->commit) : rc;
	}
	if (!base) {
		if (git_commit_parentcount(head) > 0 && git_commit_parent(out, head, 0) < 0)
			rc = registry__git_fail("first parent");
	} else {
		git_oid mb;
		rc = git_merge_base(&mb, r->repo, git_commit_id(b), git_commit_id(head));
		if (rc == GIT_ENOTFOUND)
			rc = error_set(_("%s and %s have no common ancestor"), base, r->commit);
		else if (rc < 0 || git_commit_lookup(out, r->repo, &mb) < 0)
			rc = registry__git_fail("merge base");
	}
	git_commit_free(b);
	git_commit_free(head);
	return rc;
}

int registry_changes_since(registry *r, const char *base, int merge_base, registry_changes *out)
{
	change_lists c = {{0}, {0}, {0}, 0, 0};
	git_commit *bc = NULL;
	git_tree *old_root = NULL;
	memset(out, 0, sizeof *out);
	if (r->worktree)
		return error_set(_("%s: changes are read from Git, not from the working files"), r->path);
	int rc = base_commit(r, base, merge_base, &bc);
	if (rc == 0 && bc)
		rc = registry__root_at(r, bc, &old_root);
	if (rc == 0)
		rc = diff_roots(r, old_root, r->root, &c);
	git_tree_free(old_root);
	git_commit_free(bc);
	out->checked = sorted_unique(&c.checked, &out->n_checked);
	out->removed = sorted_unique(&c.removed, &out->n_removed);
	out->outside = sorted_unique(&c.outside, &out->n_outside);
	out->n_outside_more = c.outside_more;
	out->registry_yaml = c.registry_yaml;
	if (rc < 0)
		registry_changes_free(out);
	return rc < 0 ? ERR_FAIL : 0;
}

void registry_changes_free(registry_changes *c)
{
	registry_free_ids(c->checked, c->n_checked);
	registry_free_ids(c->removed, c->n_removed);
	registry_free_ids(c->outside, c->n_outside);
	memset(c, 0, sizeof *c);
}

int registry_is_state_ref(const char *name)
{
	return !strncmp(name, "refs/heads/", 11) || !strncmp(name, "refs/tags/", 10);
}

/* Hides from the walk everything a branch or a tag reaches now. Only those:
 * a commit that only another reference reaches (refs/notes/, a review
 * reference, accepted without being judged) is still new to the registry,
 * or a bad commit pushed there first would later enter a branch unjudged. */
static int hide_existing(git_repository *repo, git_revwalk *walk)
{
	git_reference_iterator *it = NULL;
	git_reference *ref;
	if (git_reference_iterator_new(&it, repo) < 0)
		return registry__git_fail("references");
	int rc;
	while ((rc = git_reference_next(&ref, it)) == 0) {
		git_object *target = NULL;
		if (registry_is_state_ref(git_reference_name(ref)) &&
		    git_reference_peel(&target, ref, GIT_OBJECT_COMMIT) == 0)
			(void)git_revwalk_hide(walk, git_object_id(target)); /* a broken ref hides nothing */
		git_object_free(target);
		git_reference_free(ref);
	}
	git_reference_iterator_free(it);
	return rc == GIT_ITEROVER ? 0 : registry__git_fail("references");
}

/* The walk's hide(): what every branch and tag holds now. */
static int hide_references(registry *r, git_revwalk *walk, const void *ctx)
{
	(void)ctx;
	return hide_existing(r->repo, walk);
}

int registry_new_commits(const char *path, const char *tip, char ***ids, size_t *n)
{
	return registry__walk_commits(path, tip, hide_references, NULL, ids, n); /* a tag of a tree: none */
}
