/*
 * registry/registry_history.c - which commits changed which platform
 * (registry_history.h).
 *
 * A platform changed when its entry under platforms/ has another object id
 * than in the first parent: folders are compared by tree id, never read.
 */
#include "registry/registry_history.h"
#include "registry/repository.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

/* The platforms/ tree of a commit, or NULL (and 0) when it has none. */
static int platforms_at(registry *r, const git_commit *c, git_tree **out)
{
	git_tree *root = NULL;
	*out = NULL;
	int rc = registry__root_at(r, c, &root);
	if (rc < 0 || !root)
		return rc;
	const git_tree_entry *e = git_tree_entry_byname(root, "platforms");
	if (e && git_tree_entry_type(e) == GIT_OBJECT_TREE && git_tree_lookup(out, r->repo, git_tree_entry_id(e)) < 0)
		rc = registry__git_fail_object("platforms", git_tree_entry_id(e));
	git_tree_free(root);
	return rc;
}

/* The platform entries of `now` that `before` (NULL: none) lacks or holds
 * with another object id, in tree order (sorted by name). */
static void changed_ids(git_tree *now, git_tree *before, ptrvec *out)
{
	size_t n = now ? git_tree_entrycount(now) : 0;
	if (now && before && !git_oid_cmp(git_tree_id(now), git_tree_id(before)))
		return;
	for (size_t i = 0; i < n; i++) {
		const git_tree_entry *e = git_tree_entry_byindex(now, i);
		if (!registry__is_platform_mode(git_tree_entry_filemode(e)))
			continue;
		const git_tree_entry *old = before ? git_tree_entry_byname(before, git_tree_entry_name(e)) : NULL;
		if (!old || git_oid_cmp(git_tree_entry_id(old), git_tree_entry_id(e)))
			ptrvec_push(out, (void *)git_tree_entry_name(e));
	}
}

static int id_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* One commit: its changed platforms handed to fn. */
static int visit(registry *r, const git_oid *oid, registry_history_fn fn, void *ctx)
{
	git_commit *c = NULL, *parent = NULL;
	git_tree *now = NULL, *before = NULL;
	ptrvec ids = {0};
	int rc = git_commit_lookup(&c, r->repo, oid) < 0 ? registry__git_fail_object("commit", oid) : 0;
	if (rc == 0)
		rc = platforms_at(r, c, &now);
	if (rc == 0 && git_commit_parentcount(c) > 0)
		rc = git_commit_parent(&parent, c, 0) < 0 ? registry__git_fail_object("parent commit", oid)
		                                           : platforms_at(r, parent, &before);
	if (rc == 0) {
		changed_ids(now, before, &ids);
		/* tree order puts "a-b" after "a" only when neither is a folder's
		 * "a/": sorted again as the platform ids are */
		if (ids.n > 1)
			qsort(ids.v, ids.n, sizeof *ids.v, id_cmp);
		const char *summary = git_commit_summary(c);
		registry_commit_info info = {.time = (long long)git_commit_time(c),
		                             .offset = git_commit_time_offset(c), .subject = summary ? summary : ""};
		git_oid_tostr(info.id, sizeof info.id, oid);
		rc = ids.n ? fn(ctx, &info, (char *const *)ids.v, ids.n) : 0;
	}
	free(ids.v);
	git_tree_free(now);
	git_tree_free(before);
	git_commit_free(parent);
	git_commit_free(c);
	return rc;
}

int registry_platform_history(registry *r, size_t max_commits, registry_history_fn fn, void *ctx)
{
	git_revwalk *walk = NULL;
	git_oid oid;
	if (r->worktree || r->index || !*r->commit)
		return 0;
	if (git_oid_fromstr(&oid, r->commit) < 0 || git_revwalk_new(&walk, r->repo) < 0 ||
	    git_revwalk_sorting(walk, GIT_SORT_TIME) < 0 || git_revwalk_push(walk, &oid) < 0) {
		git_revwalk_free(walk);
		return registry__git_fail("history walk");
	}
	int rc = 0;
	for (size_t seen = 0; rc == 0 && seen < max_commits; seen++) {
		int g = git_revwalk_next(&oid, walk);
		if (g == GIT_ITEROVER)
			break;
		rc = g < 0 ? registry__git_fail("history walk") : visit(r, &oid, fn, ctx);
	}
	git_revwalk_free(walk);
	return rc < 0 ? rc : 0;
}
