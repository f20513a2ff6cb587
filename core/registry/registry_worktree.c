/*
 * registry/registry_worktree.c - the work tree beside the commits
 * (registry_worktree.h): --worktree reads what a commit would hold, a
 * check at a revision names the platforms it could not see, and a path
 * inside the registry finds its root.
 */
#include "registry/registry_worktree.h"
#include "registry/repository.h"
#include "base/i18n.h"
#include "base/util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* How far above the given folder the registry root is looked for: a
 * platform's evidence/ folder is three levels down. */
#define MAX_CLIMB 8

/* "PATH/.." `levels` times: the folder that many levels up, for reading
 * files and for messages. */
static char *path_up(const char *path, int levels)
{
	char *p = xstrdup(path);
	for (int i = 0; i < levels; i++) {
		char *up = xasprintf("%s/..", p);
		free(p);
		p = up;
	}
	return p;
}

static int on_disk(const char *dir, const char *name)
{
	char *p = path_join(dir, name);
	struct stat st;
	int rc = lstat(p, &st) == 0;
	free(p);
	return rc;
}

/* `prefix` less its last component, in place; 0 when it was already "". */
static int drop_last(char *prefix)
{
	if (!*prefix)
		return 0;
	char *slash = strrchr(prefix, '/');
	if (slash)
		*slash = '\0';
	else
		*prefix = '\0';
	return 1;
}

/* Whether `path` is `dir`/platforms or inside it. */
static int inside_platforms(const char *path, const char *dir)
{
	char real_path[PATH_MAX], real_dir[PATH_MAX];
	if (!realpath(path, real_path) || !realpath(dir, real_dir))
		return 0;
	char *top = path_join(strcmp(real_dir, "/") ? real_dir : "", "platforms");
	size_t n = strlen(top);
	int in = !strncmp(real_path, top, n) && (!real_path[n] || real_path[n] == '/');
	free(top);
	return in;
}

/* On disk: up to the work tree's top in a repository; outside one, only
 * from inside a platforms/ folder (a registry.yaml left in /tmp is no
 * registry of a folder elsewhere). */
static void climb_on_disk(registry *r)
{
	if (on_disk(r->path, "registry.yaml"))
		return;
	char *prefix = xstrdup(r->wt_prefix ? r->wt_prefix : "");
	for (int up = 1; up <= MAX_CLIMB; up++) {
		if (r->repo && !drop_last(prefix))
			break;
		char *dir = path_up(r->path, up), real[PATH_MAX];
		int found = on_disk(dir, "registry.yaml") && (r->repo || inside_platforms(r->path, dir));
		int at_root = realpath(dir, real) && !strcmp(real, "/");
		if (found) {
			free(r->path);
			r->path = dir;
			free(r->wt_prefix);
			r->wt_prefix = r->repo ? xstrdup(prefix) : NULL;
			break;
		}
		free(dir);
		if (at_root)
			break;
	}
	free(prefix);
}

int registry__worktree_open(registry *r)
{
	if (git_repository_open_ext(&r->repo, r->path, 0, NULL) < 0) {
		git_error_clear();
		r->repo = NULL;
		r->outside_git = 1;
	} else if (git_repository_is_bare(r->repo) || !git_repository_workdir(r->repo)) {
		git_repository_free(r->repo);
		r->repo = NULL;
	} else {
		char real_path[PATH_MAX], real_wd[PATH_MAX];
		const char *wd = git_repository_workdir(r->repo);
		size_t n;
		if (!realpath(r->path, real_path) || !realpath(wd, real_wd))
			return error_set("%s: %s", r->path, strerror(errno));
		n = strlen(real_wd);
		r->wt_prefix = xstrdup(!strncmp(real_path, real_wd, n) && real_path[n] == '/' ? real_path + n + 1 : "");
		if (git_repository_index(&r->wt_index, r->repo) < 0)
			return registry__git_fail("index");
	}
	climb_on_disk(r);
	return 0;
}

int registry__worktree_skips(registry *r, const char *rel, int is_dir)
{
	if (!r->repo || !r->wt_index)
		return 0;
	char *full = path_join(r->wt_prefix, rel);
	int ignored = 0, skip = 0;
	if (is_dir || !git_index_get_bypath(r->wt_index, full, 0)) {
		if (git_ignore_path_is_ignored(&ignored, r->repo, full) < 0)
			ignored = 0; /* what cannot be asked about is read, as before */
		skip = ignored;
	}
	if (skip && is_dir) { /* a tracked file inside an ignored folder is committed */
		char *under = xasprintf("%s/", full);
		size_t pos;
		skip = git_index_find_prefix(&pos, r->wt_index, under) != 0;
		free(under);
	}
	free(full);
	return skip;
}

static int tree_has_root(registry *r, git_tree *top, const char *prefix)
{
	char *file = path_join(prefix, "registry.yaml");
	git_tree_entry *e = NULL;
	int found = git_tree_entry_bypath(&e, top, file) == 0;
	git_tree_entry_free(e);
	free(file);
	(void)r;
	return found;
}

int registry__climb_to_root(registry *r, struct git_tree *top)
{
	if (!*r->prefix || tree_has_root(r, top, r->prefix))
		return 0;
	char *prefix = xstrdup(r->prefix);
	for (int up = 1; up <= MAX_CLIMB && drop_last(prefix); up++)
		if (tree_has_root(r, top, prefix)) {
			free(r->prefix);
			r->prefix = prefix;
			char *path = path_up(r->path, up);
			free(r->path);
			r->path = path;
			return 1;
		}
	free(prefix);
	git_error_clear();
	return 0;
}

int registry_has_worktree(const registry *r)
{
	return !r->worktree && !r->index && r->repo && !git_repository_is_bare(r->repo) &&
	       git_repository_workdir(r->repo);
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int registry_uncommitted_platforms(registry *r, char ***ids, size_t *n)
{
	ptrvec v = {0};
	*ids = NULL;
	*n = 0;
	if (!registry_has_worktree(r))
		return 0;
	char *rel = path_join(r->prefix, "platforms");
	char *dir = path_join(git_repository_workdir(r->repo), rel);
	DIR *d = opendir(dir);
	git_tree *pt = NULL;
	int rc = d ? registry__platforms_tree(r, &pt) : 0;
	struct dirent *e;
	while (rc == 0 && d && (e = readdir(d))) {
		struct stat st;
		char *p = path_join(rel, e->d_name);
		int ignored = 0;
		if (e->d_name[0] != '.' && fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISDIR(st.st_mode) && !(pt && git_tree_entry_byname(pt, e->d_name)) &&
		    git_ignore_path_is_ignored(&ignored, r->repo, p) == 0 && !ignored)
			ptrvec_push(&v, xstrdup(e->d_name));
		free(p);
	}
	if (d)
		closedir(d);
	free(dir);
	free(rel);
	if (v.n)
		qsort(v.v, v.n, sizeof *v.v, str_cmp);
	*ids = (char **)v.v;
	*n = v.n;
	return rc;
}

int registry_outside_git(const registry *r)
{
	return r->outside_git;
}
