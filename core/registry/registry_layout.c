/*
 * registry/registry_layout.c - where a repository keeps its hooks, for `ppreg hook
 * install`: the hooks folder (core.hooksPath when set, else
 * <common git dir>/hooks), whether the repository is bare (a server: pre-receive)
 * or has a work tree (a checkout: pre-commit), and where the registry
 * folder sits in the work tree.
 */
#include "registry/registry_diff.h"
#include "registry/repository.h"
#include "base/util.h"
#include "registry/registry_layout.h"

#include <stdlib.h>
#include <string.h>

/* core.hooksPath; *out NULL when it is not set. */
static int configured_hooks_path(git_repository *repo, char **out)
{
	git_config *cfg = NULL;
	git_buf buf = GIT_BUF_INIT;
	*out = NULL;
	int rc = git_repository_config_snapshot(&cfg, repo);
	if (rc == 0)
		rc = git_config_get_path(&buf, cfg, "core.hooksPath");
	if (rc == 0 && buf.ptr && *buf.ptr) {
		const char *base = git_repository_is_bare(repo) ? git_repository_path(repo)
		                                                : git_repository_workdir(repo);
		*out = buf.ptr[0] == '/' ? xstrdup(buf.ptr) : path_join(base, buf.ptr);
	}
	rc = rc == 0 || rc == GIT_ENOTFOUND ? 0 : registry__git_fail("core.hooksPath");
	git_buf_dispose(&buf);
	git_config_free(cfg);
	return rc;
}

int registry_hook_layout(const char *path, registry_layout *out)
{
	registry__init_libgit2();
	registry *r = xcalloc(1, sizeof *r);
	r->path = xstrdup(path);
	memset(out, 0, sizeof *out);
	int rc = registry__open_repo(r);
	if (rc == 0) {
		out->bare = git_repository_is_bare(r->repo);
		out->prefix = xstrdup(r->prefix);
		rc = configured_hooks_path(r->repo, &out->hooks_dir);
		/* The common folder, not git_repository_path(): in a linked
		 * worktree that is .git/worktrees/NAME/, whose hooks/ Git never
		 * runs (`git rev-parse --git-path hooks` names the common one). */
		if (rc == 0 && !out->hooks_dir)
			out->hooks_dir = xasprintf("%shooks", git_repository_commondir(r->repo));
	}
	registry_free(r);
	if (rc < 0)
		registry_layout_free(out);
	return rc;
}

void registry_layout_free(registry_layout *l)
{
	free(l->hooks_dir);
	free(l->prefix);
	memset(l, 0, sizeof *l);
}
