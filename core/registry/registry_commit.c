/*
 * registry/registry_commit.c - a commit's signature, the paths it changes,
 * and the default branch's commit (registry_commit.h).
 *
 * Paths come from git_diff_tree_to_tree without rename detection: a rename
 * touches both its old and its new path, and a signer must own both.
 */
#include "registry/registry_commit.h"
#include "base/i18n.h"
#include "registry/repository.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

static int lookup_commit(registry *r, const char *id, git_commit **out)
{
	git_oid oid;
	if (git_oid_fromstr(&oid, id) < 0)
		return error_set(_("'%s' is not a commit id"), id);
	return git_commit_lookup(out, r->repo, &oid) < 0 ? registry__git_fail_object("commit", &oid) : 0;
}

int registry_commit_signature(const char *path, const char *id, char **sig, char **data,
                              size_t *data_len)
{
	registry *r = NULL;
	git_buf s = {0}, d = {0};
	git_oid oid;
	int rc = registry__open_path(&r, path);
	if (rc == 0 && git_oid_fromstr(&oid, id) < 0)
		rc = error_set(_("'%s' is not a commit id"), id);
	if (rc == 0) {
		int g = git_commit_extract_signature(&s, &d, r->repo, &oid, NULL);
		rc = g == GIT_ENOTFOUND ? PPREG_ABSENT : g < 0 ? registry__git_fail_object("commit", &oid) : 0;
	}
	if (rc == 0) {
		*sig = xstrndup(s.ptr, s.size);
		*data = xstrndup(d.ptr, d.size);
		*data_len = d.size;
	}
	git_buf_dispose(&s);
	git_buf_dispose(&d);
	registry_free(r);
	return rc;
}

/* The paths that differ between `parent` (NULL: an empty tree) and `tree`. */
static int diff_paths(registry *r, git_tree *parent, git_tree *tree, ptrvec *out)
{
	git_diff *diff = NULL;
	git_diff_options opts;
	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	opts.flags |= GIT_DIFF_INCLUDE_TYPECHANGE;
	if (git_diff_tree_to_tree(&diff, r->repo, parent, tree, &opts) < 0)
		return registry__git_fail("diff");
	for (size_t i = 0; i < git_diff_num_deltas(diff); i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		ptrvec_push(out, xstrdup(d->new_file.path));
		if (strcmp(d->old_file.path, d->new_file.path))
			ptrvec_push(out, xstrdup(d->old_file.path));
	}
	git_diff_free(diff);
	return 0;
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int in_sorted(const ptrvec *v, const char *s)
{
	return v->n && bsearch(&s, v->v, v->n, sizeof *v->v, str_cmp) != NULL;
}

/* Keeps in `acc` (sorted) only the paths also in `more`. */
static void intersect(ptrvec *acc, ptrvec *more)
{
	qsort(more->v, more->n, sizeof *more->v, str_cmp);
	size_t k = 0;
	for (size_t i = 0; i < acc->n; i++) {
		if (in_sorted(more, acc->v[i]))
			acc->v[k++] = acc->v[i];
		else
			free(acc->v[i]);
	}
	acc->n = k;
	registry_free_ids((char **)more->v, more->n);
	memset(more, 0, sizeof *more);
}

static int commit_paths(registry *r, git_commit *c, ptrvec *acc)
{
	git_tree *tree = NULL;
	int rc = git_commit_tree(&tree, c) < 0 ? registry__git_fail_object("commit tree", git_commit_tree_id(c)) : 0;
	unsigned n = git_commit_parentcount(c);
	if (rc == 0 && !n)
		rc = diff_paths(r, NULL, tree, acc);
	for (unsigned i = 0; rc == 0 && i < n; i++) {
		git_commit *p = NULL;
		git_tree *pt = NULL;
		ptrvec v = {0};
		if (git_commit_parent(&p, c, i) < 0 || git_commit_tree(&pt, p) < 0)
			rc = registry__git_fail_object("parent", git_commit_parent_id(c, i));
		else
			rc = diff_paths(r, pt, tree, i ? &v : acc);
		if (i == 0)
			qsort(acc->v, acc->n, sizeof *acc->v, str_cmp);
		else
			intersect(acc, &v);
		registry_free_ids((char **)v.v, v.n);
		git_tree_free(pt);
		git_commit_free(p);
	}
	git_tree_free(tree);
	return rc;
}

int registry_commit_paths(const char *path, const char *id, char ***paths, size_t *n)
{
	registry *r = NULL;
	git_commit *c = NULL;
	ptrvec v = {0};
	int rc = registry__open_path(&r, path);
	if (rc == 0)
		rc = lookup_commit(r, id, &c);
	if (rc == 0)
		rc = commit_paths(r, c, &v);
	if (rc == 0)
		qsort(v.v, v.n, sizeof *v.v, str_cmp);
	git_commit_free(c);
	registry_free(r);
	if (rc < 0) {
		registry_free_ids((char **)v.v, v.n);
		return ERR_FAIL;
	}
	*paths = (char **)v.v;
	*n = v.n;
	return 0;
}

int registry_default_commit(const char *path, char out[65])
{
	registry *r = NULL;
	git_object *obj = NULL;
	int rc = registry__open_path(&r, path);
	if (rc == 0) {
		int g = git_revparse_single(&obj, r->repo, "HEAD^{commit}");
		rc = g == GIT_ENOTFOUND || g == GIT_EUNBORNBRANCH ? PPREG_ABSENT : g < 0 ? registry__git_fail("HEAD") : 0;
	}
	if (rc == 0)
		git_oid_tostr(out, 65, git_object_id(obj));
	git_object_free(obj);
	registry_free(r);
	return rc;
}

int registry_descends(const char *path, const char *old, const char *new)
{
	registry *r = NULL;
	git_oid a, b;
	int rc = registry__open_path(&r, path);
	if (rc == 0 && (git_oid_fromstr(&a, old) < 0 || git_oid_fromstr(&b, new) < 0))
		rc = error_set(_("'%s' or '%s' is not an object id"), old, new);
	if (rc == 0 && !git_oid_equal(&a, &b)) {
		rc = git_graph_descendant_of(r->repo, &b, &a);
		if (rc < 0)
			rc = registry__git_fail_object("commit", &b);
	} else if (rc == 0)
		rc = 1;
	registry_free(r);
	return rc;
}

int registry_is_default_ref(const char *path, const char *ref)
{
	registry *r = NULL;
	git_reference *head = NULL;
	int rc = registry__open_path(&r, path);
	if (rc == 0 && git_reference_lookup(&head, r->repo, "HEAD") < 0)
		rc = registry__git_fail("HEAD");
	if (rc == 0)
		rc = git_reference_type(head) == GIT_REFERENCE_SYMBOLIC &&
		     !strcmp(git_reference_symbolic_target(head), ref);
	git_reference_free(head);
	registry_free(r);
	return rc;
}

/* Hides the base commit (ctx, hex), when there is one, from the walk. */
static int hide_base(registry *r, git_revwalk *walk, const void *ctx)
{
	(void)r;
	git_oid b;
	if (ctx && (git_oid_fromstr(&b, ctx) < 0 || git_revwalk_hide(walk, &b) < 0))
		return registry__git_fail("revision walk");
	return 0;
}

int registry_commits_since(const char *path, const char *base, const char *tip, char ***ids, size_t *n)
{
	return registry__walk_commits(path, tip, hide_base, base, ids, n);
}
