/*
 * registry/repository.c - the Git repository under a registry: libgit2 set
 * up once, the repository opened (with a push's quarantined objects), the
 * registry's root and platforms/ trees, and libgit2's errors turned into
 * the core's (base/error.h), naming the object when there is one.
 */
#include "registry/repository.h"
#include "base/i18n.h"
#include "registry/git_alloc.h"
#include "registry/registry_worktree.h"
#include "base/util.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

static const char *git_message(void)
{
	const git_error *e = git_error_last();
	return e && e->message ? e->message : "libgit2 error";
}

static int git_fail(const char *what)
{
	return error_set("%s: %s", what, git_message());
}

int registry__git_fail(const char *what)
{
	return git_fail(what);
}

/* The object too: libgit2's message often does not name it ("failed to
 * inflate loose object"), and it is what `git cat-file` is asked about. */
int registry__fail_object(const char *path, const git_oid *id, const char *why)
{
	return error_set(_("%s (object %s): %s"), path, git_oid_tostr_s(id), why ? why : git_message());
}

int registry__git_fail_object(const char *path, const git_oid *id)
{
	return registry__fail_object(path, id, NULL);
}

int registry__peel_commit(git_object *obj, git_commit **out)
{
	int rc = git_object_peel((git_object **)out, obj, GIT_OBJECT_COMMIT);
	if (rc == GIT_EINVALIDSPEC || rc == GIT_EPEEL)
		return PPREG_BADTYPE;
	return rc < 0 ? registry__git_fail_object("commit", git_object_id(obj)) : 0;
}

static int ceiling_works;

int registry__ceiling_works(void)
{
	return ceiling_works;
}

void registry__init_libgit2(void)
{
	static int done;
	if (!done) {
		git_libgit2_init();
		git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 1);
		/* Small pack windows: a full check reads each blob once, so mapping
		 * large windows only grows the resident memory with N, for no
		 * time. The mapped limit is the smallest that did not cost time:
		 * above it, what the peak memory gains with N is pack pages
		 * (docs/benchmark.md). */
		git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, (size_t)1 << 20);
		git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, (size_t)4 << 20);
		ceiling_works = git_alloc_install() == 0;
		/* Each platform's trees are read once: keeping them in libgit2's
		 * object cache only grew the memory (docs/benchmark.md). The
		 * registry's own trees (root, platforms) are held. */
		git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, (size_t)0);
		done = 1;
	}
}

/* The registry root relative to the work tree (for a folder inside a repo). */
static int compute_prefix(registry *r)
{
	const char *wd = git_repository_workdir(r->repo);
	char real_path[PATH_MAX], real_wd[PATH_MAX], real_git[PATH_MAX];
	/* A hook runs in the Git folder itself (.git): the registry is then the
	 * repository's top. */
	if (!wd || !realpath(r->path, real_path) || !realpath(wd, real_wd) ||
	    (realpath(git_repository_path(r->repo), real_git) && !strcmp(real_path, real_git))) {
		r->prefix = xstrdup("");
		return 0;
	}
	size_t n = strlen(real_wd);
	if (strncmp(real_path, real_wd, n) || (real_path[n] && real_path[n] != '/'))
		r->prefix = xstrdup("");
	else
		r->prefix = xstrdup(real_path[n] ? real_path + n + 1 : "");
	return 0;
}

/* In a pre-receive or update hook, Git keeps the pushed objects in a
 * quarantine folder until the hooks accept them (GIT_QUARANTINE_PATH, also
 * given as GIT_OBJECT_DIRECTORY). libgit2 opened on a path does not read
 * those variables, so the folder is added as an alternate: the pushed
 * commits become readable, and nothing is written anywhere. */
static int add_quarantine(registry *r)
{
	const char *q = getenv("GIT_QUARANTINE_PATH");
	git_odb *odb = NULL;
	if (!q || !*q)
		return 0;
	int rc = git_repository_odb(&odb, r->repo) < 0 || git_odb_add_disk_alternate(odb, q) < 0
	         ? git_fail("quarantined objects") : 0;
	git_odb_free(odb);
	return rc;
}

int registry__open_repo(registry *r)
{
	if (git_repository_open_ext(&r->repo, r->path, 0, NULL) < 0)
		return git_fail(r->path);
	compute_prefix(r);
	return add_quarantine(r);
}

int registry__set_root(registry *r, git_tree *top, const char *what)
{
	git_tree_entry *sub = NULL;
	registry__climb_to_root(r, top);
	if (!*r->prefix)
		return git_tree_dup(&r->root, top) < 0 ? git_fail(what) : 0;
	int rc = registry__entry_bypath(&sub, top, r->prefix);
	if (rc == 0 && git_tree_entry_type(sub) != GIT_OBJECT_TREE)
		rc = PPREG_ABSENT;
	if (rc == PPREG_ABSENT)
		error_set(_("%s: folder '%s' is not in %s"), r->path, r->prefix, what);
	else if (rc == 0 && git_tree_lookup(&r->root, r->repo, git_tree_entry_id(sub)) < 0)
		rc = registry__git_fail_object(r->prefix, git_tree_entry_id(sub));
	git_tree_entry_free(sub);
	return rc;
}

int registry__entry_bypath(git_tree_entry **out, const git_tree *tree, const char *path)
{
	*out = NULL;
	int rc = git_tree_entry_bypath(out, tree, path);
	if (rc == GIT_ENOTFOUND)
		return PPREG_ABSENT;
	return rc < 0 ? git_fail(path) : 0;
}

int registry__root_at(registry *r, const git_commit *commit, git_tree **out)
{
	git_tree *top = NULL;
	git_tree_entry *sub = NULL;
	int rc = 0;
	*out = NULL;
	if (git_commit_tree(&top, commit) < 0)
		return registry__git_fail_object("commit tree", git_commit_tree_id(commit));
	if (!*r->prefix) {
		*out = top;
		return 0;
	}
	rc = registry__entry_bypath(&sub, top, r->prefix);
	if (rc == 0 && git_tree_entry_type(sub) == GIT_OBJECT_TREE &&
	    git_tree_lookup(out, r->repo, git_tree_entry_id(sub)) < 0)
		rc = registry__git_fail_object(r->prefix, git_tree_entry_id(sub));
	git_tree_entry_free(sub);
	git_tree_free(top);
	return rc == PPREG_ABSENT ? 0 : rc;
}


/* root/platforms, looked up once per registry: it is the one tree whose size
 * follows the number of platforms, and libgit2's cache does not keep a large
 * one, so looking it up per platform made a full check quadratic. Loaded in
 * the parent (registry_platform_ids), it is inherited by every worker. */
int registry__platforms_tree(registry *r, git_tree **out)
{
	const git_tree_entry *pe = r->platforms ? NULL : git_tree_entry_byname(r->root, "platforms");
	if (pe && git_tree_entry_type(pe) == GIT_OBJECT_TREE &&
	    git_tree_lookup(&r->platforms, r->repo, git_tree_entry_id(pe)) < 0)
		return registry__git_fail_object("platforms", git_tree_entry_id(pe));
	*out = r->platforms;
	return 0;
}

int registry__is_platform_mode(git_filemode_t mode)
{
	return mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE;
}

int registry__open_path(registry **out, const char *path)
{
	registry__init_libgit2();
	registry *r = xcalloc(1, sizeof *r);
	r->path = xstrdup(path);
	*out = r;
	return registry__open_repo(r);
}

static int walk_from(registry *r, const git_oid *tip, int (*hide)(registry *r, git_revwalk *walk, const void *ctx),
                     const void *ctx, ptrvec *out)
{
	git_revwalk *walk = NULL;
	git_oid id;
	int rc = 0;
	if (git_revwalk_new(&walk, r->repo) < 0 ||
	    git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE) < 0 ||
	    git_revwalk_push(walk, tip) < 0)
		rc = registry__git_fail("revision walk");
	if (rc == 0)
		rc = hide(r, walk, ctx);
	while (rc == 0 && (rc = git_revwalk_next(&id, walk)) == 0) {
		char *hex = xmalloc(GIT_OID_HEXSZ + 1);
		git_oid_tostr(hex, GIT_OID_HEXSZ + 1, &id);
		ptrvec_push(out, hex);
	}
	if (rc == GIT_ITEROVER)
		rc = 0;
	else if (rc < 0 && rc != ERR_FAIL) /* libgit2's code, from git_revwalk_next */
		rc = registry__git_fail("revision walk");
	git_revwalk_free(walk);
	return rc;
}

int registry__walk_commits(const char *path, const char *tip,
                           int (*hide)(registry *r, git_revwalk *walk, const void *ctx), const void *ctx,
                           char ***ids, size_t *n)
{
	registry *r = NULL;
	git_object *obj = NULL;
	git_commit *commit = NULL;
	ptrvec v = {0};
	int rc = registry__open_path(&r, path);
	if (rc == 0 && git_revparse_single(&obj, r->repo, tip) < 0)
		rc = registry__git_fail(tip);
	if (rc == 0 && (rc = registry__peel_commit(obj, &commit)) == 0)
		rc = walk_from(r, git_commit_id(commit), hide, ctx, &v);
	if (rc == PPREG_BADTYPE) /* a tag of a tree or a blob */
		rc = 0;
	git_commit_free(commit);
	git_object_free(obj);
	registry_free(r);
	if (rc < 0) {
		registry_free_ids((char **)v.v, v.n);
		return ERR_FAIL;
	}
	*ids = (char **)v.v;
	*n = v.n;
	return 0;
}
