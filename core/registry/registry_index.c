/*
 * registry/registry_index.c - a registry read from the index: what `git commit`
 * would record, not the working files. A pre-commit hook must judge the
 * staged content (a file can be staged, then edited again on disk).
 *
 * The index is turned into a tree the way `git write-tree` does (entries
 * only intended with `git add -N` left out), with one difference: the
 * tree objects are written into an in-memory object database (libgit2's
 * mempack backend) placed in front of the repository's own, so they are readable for the run and vanish with it. Nothing is
 * written to the repository (existing objects may only have their time
 * refreshed, as Git itself does), and the index file is not rewritten.
 * Everything else (platform folders, blobs) is then read exactly as at a
 * revision.
 */
#include "registry/repository.h"
#include "base/i18n.h"
#include "base/util.h"
#include "registry/registry_index.h"

#include <stdlib.h>
#include <sys/stat.h>

#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>

/* Above the loose (1) and packed (2) backends: writes land in memory. */
#define MEMPACK_PRIORITY 1000

static int add_memory_odb(registry *r)
{
	git_odb *odb = NULL;
	git_odb_backend *mem = NULL;
	int rc = 0;
	if (git_repository_odb(&odb, r->repo) < 0 || git_mempack_new(&mem) < 0)
		rc = registry__git_fail("in-memory object database");
	else if (git_odb_add_backend(odb, mem, MEMPACK_PRIORITY) < 0) {
		rc = registry__git_fail("in-memory object database");
		mem->free(mem);
	}
	git_odb_free(odb);
	return rc;
}

static int is_intent_to_add(const git_index_entry *e)
{
	return (e->flags_extended & GIT_INDEX_ENTRY_INTENT_TO_ADD) != 0;
}

/*
 * `git add -N FILE` records an intent-to-add entry: a path with the empty
 * blob's id, which `git write-tree` (and so the commit) leaves out, while
 * libgit2's git_index_write_tree_to writes it as an empty file. When the
 * index has such entries, *out is an in-memory copy without them (the
 * index itself is never changed); else *out is NULL and `index` is used.
 */
static int without_intent_to_add(git_index *index, git_index **out)
{
	size_t n = git_index_entrycount(index), intended = 0;
	*out = NULL;
	for (size_t i = 0; i < n; i++)
		intended += is_intent_to_add(git_index_get_byindex(index, i));
	if (!intended)
		return 0;
	if (git_index_new(out) < 0)
		return registry__git_fail("in-memory index");
	for (size_t i = 0; i < n; i++) {
		const git_index_entry *e = git_index_get_byindex(index, i);
		if (!is_intent_to_add(e) && git_index_add(*out, e) < 0) {
			int rc = registry__git_fail(e->path);
			git_index_free(*out);
			*out = NULL;
			return rc;
		}
	}
	return 0;
}

static int index_tree(registry *r, git_tree **out)
{
	git_index *index = NULL, *committed = NULL;
	git_oid id;
	int rc = ERR_FAIL;
	/* `git commit -a` or `git commit FILE` hands its hooks a temporary
	 * index in GIT_INDEX_FILE: that one is what will be committed. */
	const char *file = getenv("GIT_INDEX_FILE");
	if ((file && *file ? git_index_open(&index, file) : git_repository_index(&index, r->repo)) < 0) {
		registry__git_fail(file && *file ? file : "index");
		goto done;
	}
	if (git_index_has_conflicts(index)) {
		error_set(_("%s: the index has unmerged paths; resolve them first"), r->path);
		goto done;
	}
	if (without_intent_to_add(index, &committed) < 0)
		goto done;
	if (git_index_write_tree_to(&id, committed ? committed : index, r->repo) < 0 ||
	    git_tree_lookup(out, r->repo, &id) < 0) {
		registry__git_fail("index tree");
		goto done;
	}
	rc = 0;
done:
	git_index_free(committed);
	git_index_free(index);
	return rc;
}

int registry_open_index(registry **out, const char *path)
{
	registry__init_libgit2();
	registry *r = xcalloc(1, sizeof *r);
	r->path = xstrdup(path);
	r->index = 1;
	git_tree *top = NULL;
	struct stat st;
	int rc = ERR_FAIL;
	if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode)) {
		error_set(_("%s: not a folder"), path);
		goto done;
	}
	if (registry__open_repo(r) < 0)
		goto done;
	if (git_repository_is_bare(r->repo)) {
		error_set(_("%s: a bare repository has no index"), path);
		goto done;
	}
	if (add_memory_odb(r) < 0 || index_tree(r, &top) < 0)
		goto done;
	rc = registry__set_root(r, top, "the index");
done:
	git_tree_free(top);
	if (rc < 0)
		registry_free(r);
	else
		*out = r;
	return rc;
}
