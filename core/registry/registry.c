/*
 * registry/registry.c - registry access: libgit2 objects at a revision, or the
 * working files with --worktree. Nothing here follows a symbolic link: an
 * entry's kind is reported and the caller decides.
 */
#include "registry/git_alloc.h"
#include "base/i18n.h"
#include "registry/repository.h"
#include "base/util.h"
#include "ppreg/plugin.h"
#include "registry/registry_index.h"
#include "registry/registry_worktree.h"
#include "base/i18n.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A platform folder holds a handful of files; these bound a hostile one
 * (registry.h names them for messages). */
#define MAX_ENTRIES PLATFORM_MAX_ENTRIES
#define MAX_DEPTH PLATFORM_MAX_DEPTH
static int open_git(registry *r, const char *rev)
{
	git_object *obj = NULL;
	git_commit *commit = NULL;
	git_tree *tree = NULL;
	int rc;
	if (git_repository_open_ext(NULL, r->path, 0, NULL) == GIT_ENOTFOUND)
		return error_set(_("%s is in no Git repository: ppreg reads a registry from its commits; commit it "
		                   "(git init, git add -A, git commit), or judge the files on disk with --worktree"),
		                 r->path);
	if (registry__open_repo(r) < 0)
		return ERR_FAIL;
	if ((rc = git_revparse_single(&obj, r->repo, rev)) < 0) {
		if (rc == GIT_ENOTFOUND && !strcmp(rev, "HEAD") && git_repository_head_unborn(r->repo) == 1)
			rc = (error_set(_("%s: the repository has no commit yet, no HEAD to read: commit the registry (git add -A, git "
			                  "commit), or judge the files on disk with --worktree"), r->path), PPREG_ABSENT);
		else
			rc = rc == GIT_ENOTFOUND ? (registry__git_fail(rev), PPREG_ABSENT) : registry__git_fail(rev);
		goto done;
	}
	if ((rc = registry__peel_commit(obj, &commit)) < 0) {
		if (rc == PPREG_BADTYPE)
			error_set(_("%s: not a commit"), rev);
		goto done;
	}
	git_oid_tostr(r->commit, sizeof r->commit, git_commit_id(commit));
	if (git_commit_tree(&tree, commit) < 0) {
		rc = registry__git_fail_object("commit tree", git_commit_tree_id(commit));
		goto done;
	}
	char *what = xasprintf("revision %s", rev);
	rc = registry__set_root(r, tree, what);
	free(what);
done:
	git_tree_free(tree);
	git_commit_free(commit);
	git_object_free(obj);
	return rc;
}

int registry_open(registry **out, const char *path, const char *rev, int worktree)
{
	registry__init_libgit2();
	registry *r = xcalloc(1, sizeof *r);
	r->path = xstrdup(path);
	r->worktree = worktree;
	struct stat st;
	if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode)) {
		error_set(_("%s: not a folder"), path);
		registry_free(r);
		return ERR_FAIL;
	}
	if (worktree == REGISTRY_INDEX) {
		registry_free(r);
		return registry_open_index(out, path);
	}
	int rc = 0;
	if (worktree) {
		r->prefix = xstrdup("");
		rc = registry__worktree_open(r);
	} else {
		rc = open_git(r, rev ? rev : "HEAD");
	}
	if (rc < 0) {
		registry_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

void registry_free(registry *r)
{
	if (!r)
		return;
	git_tree_free(r->platforms);
	git_tree_free(r->root);
	git_index_free(r->wt_index);
	git_repository_free(r->repo);
	free(r->path);
	free(r->prefix);
	free(r->wt_prefix);
	free(r);
}

const char *registry_commit(const registry *r) { return r->commit; }
const char *registry_prefix(const registry *r) { return r->prefix; }
const char *registry_path(const registry *r) { return r->path; }

/* An object is named by its platform (NULL: an entry of the registry root)
 * and its path there (NULL: the platform folder itself); the name is built
 * only for a message. */
typedef struct {
	const char *platform, *path;
} object_name;

/* `why` NULL: libgit2's message. */
static int object_fail(object_name b, const git_oid *id, const char *why)
{
	char *path = !b.platform ? xstrdup(b.path) : b.path ? xasprintf("platforms/%s/%s", b.platform, b.path)
	                                                    : xasprintf("platforms/%s", b.platform);
	int rc = registry__fail_object(path, id, why);
	free(path);
	return rc;
}

/* A blob is refused by its size, never inflated past the limit: 200 MB of
 * zeros compress to 200 KB in Git and must not cost 200 MB of memory to
 * reject. The read runs under a ceiling of max + 1 bytes for any one
 * allocation (git_alloc.h: the blob's buffer is its size + 1), so a blob
 * over the limit fails before its buffer is allocated; only then is its
 * size read from the object's header, to report it. Asking the header of
 * every blob first would cost a second look-up and zlib stream per blob.
 * A blob under the limit stored as a delta of a larger one also trips the
 * ceiling (on its base), and is read again without it. */
static int read_object(git_odb *odb, const git_oid *id, object_name b, size_t max, git_odb_object **obj,
                       size_t *size)
{
	if (registry__ceiling_works()) {
		git_alloc_limit(max + 1);
		int rc = git_odb_read(obj, odb, id);
		int refused = git_alloc_refused();
		git_alloc_limit(0);
		if (rc == 0) {
			*size = git_odb_object_size(*obj);
			return 0;
		}
		if (!refused)
			return object_fail(b, id, NULL);
	}
	git_object_t type;
	if (git_odb_read_header(size, &type, odb, id) < 0)
		return object_fail(b, id, NULL);
	if (*size > max)
		return ERR_TOO_LARGE;
	if (git_odb_read(obj, odb, id) < 0)
		return object_fail(b, id, NULL);
	if (git_odb_object_size(*obj) != *size)
		return object_fail(b, id, _("its size is not the one its header gives"));
	return 0;
}

static int read_blob(registry *r, const git_oid *id, object_name b, size_t max, unsigned char **data,
                     size_t *len)
{
	git_odb *odb = NULL;
	git_odb_object *obj = NULL;
	size_t size = 0;
	if (git_repository_odb(&odb, r->repo) < 0)
		return registry__git_fail("object database");
	int rc = read_object(odb, id, b, max, &obj, &size);
	*len = size;
	if (rc == 0 && git_odb_object_type(obj) != GIT_OBJECT_BLOB)
		rc = object_fail(b, id, _("not a blob"));
	else if (rc == 0 && size > max)
		rc = ERR_TOO_LARGE;
	if (rc == 0) {
		*data = xmalloc(size + 1);
		memcpy(*data, git_odb_object_data(obj), size);
		(*data)[size] = '\0';
	}
	git_odb_object_free(obj);
	git_odb_free(odb);
	return rc;
}

static int read_disk(const char *path, size_t max, unsigned char **data, size_t *len)
{
	struct stat st;
	if (lstat(path, &st) < 0)
		return errno == ENOENT ? PPREG_ABSENT : error_set("%s: %s", path, strerror(errno));
	if (!S_ISREG(st.st_mode))
		return PPREG_SYMLINK;
	if ((unsigned long long)st.st_size > max) {
		*len = (size_t)st.st_size;
		return ERR_TOO_LARGE;
	}
	return read_file_nofollow(path, max, data, len) < 0 ? ERR_FAIL : 0;
}

/* On disk, the folder of "folder/name" is a folder, not a link that would
 * lead out of the registry: PPREG_ABSENT when it is not there, PPREG_SYMLINK
 * when it is something else. */
static int disk_folder_of(const registry *r, const char *name)
{
	const char *slash = strchr(name, '/');
	if (!slash)
		return 0;
	char *dir = xasprintf("%s/%.*s", r->path, (int)(slash - name), name);
	struct stat st;
	int rc = lstat(dir, &st) < 0 ? (errno == ENOENT ? PPREG_ABSENT : error_set("%s: %s", dir, strerror(errno)))
	         : S_ISDIR(st.st_mode) ? 0 : PPREG_SYMLINK;
	free(dir);
	return rc;
}

int registry_read_root_file(registry *r, const char *name, size_t max,
                            unsigned char **data, size_t *len)
{
	if (r->worktree) {
		int rc = disk_folder_of(r, name);
		if (rc)
			return rc;
		if (registry__worktree_skips(r, name, 0))
			return PPREG_ABSENT;
		char *p = path_join(r->path, name);
		rc = read_disk(p, max, data, len);
		free(p);
		return rc;
	}
	git_tree_entry *e;
	int rc = registry__entry_bypath(&e, r->root, name);
	if (rc)
		return rc;
	git_filemode_t mode = git_tree_entry_filemode(e);
	if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE)
		rc = PPREG_SYMLINK;
	else
		rc = read_blob(r, git_tree_entry_id(e), (object_name){NULL, name}, max, data, len);
	git_tree_entry_free(e);
	return rc;
}

void registry_free_ids(char **ids, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* On disk, the same: a regular file is no platform, anything else (a
 * folder, a link, what cannot be examined) is judged. */
static int is_platform_on_disk(DIR *d, const char *name)
{
	struct stat st;
	return fstatat(dirfd(d), name, &st, AT_SYMLINK_NOFOLLOW) < 0 || !S_ISREG(st.st_mode);
}

/* `platforms` may be absent (no platform yet); anything but a folder there
 * (a file, a link, a submodule) cannot be judged and is never followed:
 * listing it as empty would pass a registry unjudged. */
static int platforms_entry_ok(registry *r)
{
	if (r->worktree) {
		struct stat st;
		char *p = xasprintf("%s/platforms", r->path);
		int rc = lstat(p, &st);
		free(p);
		if (rc < 0)
			return errno == ENOENT ? 0 : error_set(_("%s/platforms: %s"), r->path, strerror(errno));
		return S_ISDIR(st.st_mode) ? 0 : error_set(_("%s/platforms is not a folder (a link or a file); it is "
		                                          "not followed"), r->path);
	}
	const git_tree_entry *e = git_tree_entry_byname(r->root, "platforms");
	if (e && git_tree_entry_type(e) != GIT_OBJECT_TREE)
		return error_set(_("%s: platforms is not a folder at %.12s (a file, a link or a submodule); it is not "
		                 "followed"), r->path, r->commit);
	return 0;
}

int registry_platform_ids(registry *r, char ***ids, size_t *n)
{
	ptrvec v = {0};
	*ids = NULL;
	*n = 0;
	if (platforms_entry_ok(r) < 0)
		return ERR_FAIL;
	if (r->worktree) {
		char *p = xasprintf("%s/platforms", r->path);
		DIR *d = opendir(p);
		if (!d && errno != ENOENT) {
			error_set("%s: %s", p, strerror(errno));
			free(p);
			return ERR_FAIL;
		}
		free(p);
		struct dirent *e;
		while (d && (e = readdir(d))) {
			char *rel = path_join("platforms", e->d_name);
			if (e->d_name[0] != '.' && is_platform_on_disk(d, e->d_name) && !registry__worktree_skips(r, rel, 1))
				ptrvec_push(&v, xstrdup(e->d_name));
			free(rel);
		}
		if (d)
			closedir(d);
	} else {
		git_tree *pt;
		if (registry__platforms_tree(r, &pt) < 0)
			return ERR_FAIL;
		for (size_t i = 0; pt && i < git_tree_entrycount(pt); i++) {
			const git_tree_entry *e = git_tree_entry_byindex(pt, i);
			if (registry__is_platform_mode(git_tree_entry_filemode(e)))
				ptrvec_push(&v, xstrdup(git_tree_entry_name(e)));
		}
	}
	if (v.n)
		qsort(v.v, v.n, sizeof *v.v, str_cmp);
	*ids = (char **)v.v;
	*n = v.n;
	return 0;
}

typedef struct {
	ptrvec entries;
	int truncated;
	const char *platform; /* its id, for messages */
} walk_state;

static void add_entry(walk_state *w, const char *path, entry_kind kind, const git_oid *oid)
{
	if (w->entries.n >= MAX_ENTRIES) {
		w->truncated = TRUNCATED_ENTRIES;
		return;
	}
	platform_entry *e = xcalloc(1, sizeof *e);
	e->path = xstrdup(path);
	e->kind = kind;
	if (oid) {
		memcpy(e->oid, oid->id, GIT_OID_RAWSZ);
		e->oid_len = GIT_OID_RAWSZ;
	}
	ptrvec_push(&w->entries, e);
}

static entry_kind kind_of_mode(git_filemode_t mode)
{
	switch (mode) {
	case GIT_FILEMODE_TREE: return ENTRY_DIR;
	case GIT_FILEMODE_BLOB_EXECUTABLE: return ENTRY_EXEC;
	case GIT_FILEMODE_LINK: return ENTRY_SYMLINK;
	case GIT_FILEMODE_COMMIT: return ENTRY_SUBMODULE;
	default: return ENTRY_FILE;
	}
}

static int walk_git(registry *r, walk_state *w, const git_tree *tree, const char *base, int depth)
{
	for (size_t i = 0; i < git_tree_entrycount(tree) && !w->truncated; i++) {
		const git_tree_entry *e = git_tree_entry_byindex(tree, i);
		char *path = path_join(base, git_tree_entry_name(e));
		entry_kind kind = kind_of_mode(git_tree_entry_filemode(e));
		add_entry(w, path, kind, git_tree_entry_id(e));
		if (kind == ENTRY_DIR) {
			git_tree *sub;
			if (depth >= MAX_DEPTH) {
				w->truncated = TRUNCATED_DEPTH;
			} else if (git_tree_lookup(&sub, r->repo, git_tree_entry_id(e)) < 0) {
				int rc = object_fail((object_name){w->platform, path}, git_tree_entry_id(e), NULL);
				free(path);
				return rc;
			} else {
				int rc = walk_git(r, w, sub, path, depth + 1);
				git_tree_free(sub);
				if (rc < 0) {
					free(path);
					return rc;
				}
			}
		}
		free(path);
	}
	return 0;
}

static int walk_disk(registry *r, walk_state *w, const char *dir, const char *base, int depth)
{
	DIR *d = opendir(dir);
	if (!d)
		return error_set("%s: %s", dir, strerror(errno));
	struct dirent *de;
	while ((de = readdir(d)) && !w->truncated) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		char *full = path_join(dir, de->d_name);
		char *path = path_join(base, de->d_name);
		struct stat st;
		int rc = 0;
		entry_kind kind = lstat(full, &st) < 0 ? ENTRY_SPECIAL : S_ISDIR(st.st_mode) ? ENTRY_DIR :
		                  S_ISREG(st.st_mode) ? ((st.st_mode & 0111) ? ENTRY_EXEC : ENTRY_FILE) :
		                  S_ISLNK(st.st_mode) ? ENTRY_SYMLINK : ENTRY_SPECIAL;
		char *rel = xasprintf("platforms/%s/%s", w->platform, path);
		int skip = registry__worktree_skips(r, rel, kind == ENTRY_DIR);
		free(rel);
		if (skip) { /* what .gitignore leaves out of a commit */
			free(full);
			free(path);
			continue;
		}
		if (kind == ENTRY_DIR && !strcmp(de->d_name, ".git"))
			kind = ENTRY_SUBMODULE;
		add_entry(w, path, kind, NULL);
		if (kind == ENTRY_DIR && depth >= MAX_DEPTH)
			w->truncated = TRUNCATED_DEPTH;
		else if (kind == ENTRY_DIR)
			rc = walk_disk(r, w, full, path, depth + 1);
		free(full);
		free(path);
		if (rc < 0) {
			closedir(d);
			return rc;
		}
	}
	closedir(d);
	return 0;
}

static int entry_cmp(const void *a, const void *b)
{
	return strcmp((*(platform_entry *const *)a)->path, (*(platform_entry *const *)b)->path);
}

/* Moves the walked entries into the tree, sorted by path (Git's own order
 * differs: it sorts a folder as "name/"). */
static void finish_entries(platform_tree *t, walk_state *w)
{
	if (w->entries.n)
		qsort(w->entries.v, w->entries.n, sizeof *w->entries.v, entry_cmp);
	t->entries = xcalloc(w->entries.n, sizeof *t->entries);
	for (size_t i = 0; i < w->entries.n; i++) {
		t->entries[i] = *(platform_entry *)w->entries.v[i];
		free(w->entries.v[i]);
	}
	t->n_entries = w->entries.n;
	t->truncated = w->truncated;
	free(w->entries.v);
}

static int platform_git(registry *r, platform_tree *t)
{
	git_tree *tree = NULL, *platforms;
	if (registry__platforms_tree(r, &platforms) < 0)
		return ERR_FAIL;
	const git_tree_entry *te = platforms ? git_tree_entry_byname(platforms, t->id) : NULL;
	if (!te)
		return PPREG_ABSENT;
	t->kind = kind_of_mode(git_tree_entry_filemode(te));
	if (t->kind != ENTRY_DIR)
		return 0;
	git_oid_tostr(t->tree_id, sizeof t->tree_id, git_tree_entry_id(te));
	walk_state w = {{0}, 0, t->id};
	int rc = git_tree_lookup(&tree, r->repo, git_tree_entry_id(te)) < 0
	         ? object_fail((object_name){t->id, NULL}, git_tree_entry_id(te), NULL)
	         : walk_git(r, &w, tree, "", 1);
	git_tree_free(tree);
	finish_entries(t, &w);
	return rc;
}

static int platform_disk(registry *r, platform_tree *t)
{
	char *dir = xasprintf("%s/platforms/%s", r->path, t->id);
	struct stat st;
	if (lstat(dir, &st) < 0) {
		int rc = errno == ENOENT ? PPREG_ABSENT : error_set("%s: %s", dir, strerror(errno));
		free(dir);
		return rc;
	}
	t->kind = S_ISDIR(st.st_mode) ? ENTRY_DIR : S_ISLNK(st.st_mode) ? ENTRY_SYMLINK : ENTRY_SPECIAL;
	char *rel = path_join("platforms", t->id);
	int skipped = registry__worktree_skips(r, rel, t->kind == ENTRY_DIR);
	free(rel);
	if (skipped) {
		free(dir);
		return PPREG_ABSENT;
	}
	walk_state w = {{0}, 0, t->id};
	int rc = t->kind == ENTRY_DIR ? walk_disk(r, &w, dir, "", 1) : 0;
	free(dir);
	finish_entries(t, &w);
	return rc;
}

int registry_id_ok(const char *id)
{
	size_t n = strlen(id);
	return n >= 2 && n <= 63 && strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789-") == n && id[0] != '-';
}

/* A platform id names one entry of platforms/: in Git a tree entry's name
 * cannot hold a slash, and on disk (--worktree) an id with one, or "." or
 * "..", would name a folder elsewhere, outside the registry. */
static int is_entry_name(const char *id)
{
	return *id && !strchr(id, '/') && strcmp(id, ".") && strcmp(id, "..");
}

int registry_platform(registry *r, const char *id, platform_tree **out)
{
	if (!is_entry_name(id))
		return PPREG_ABSENT;
	platform_tree *t = xcalloc(1, sizeof *t);
	t->id = xstrdup(id);
	int rc = r->worktree ? platform_disk(r, t) : platform_git(r, t);
	if (rc < 0) {
		platform_tree_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

void platform_tree_free(platform_tree *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n_entries; i++)
		free(t->entries[i].path);
	free(t->entries);
	free(t->id);
	free(t);
}

const platform_entry *platform_find(const platform_tree *t, const char *path)
{
	size_t lo = 0, hi = t->n_entries;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(t->entries[mid].path, path);
		if (!c)
			return &t->entries[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

int registry_read_entry(registry *r, const platform_tree *t, const platform_entry *e,
                        size_t max, unsigned char **data, size_t *len)
{
	if (e->kind != ENTRY_FILE && e->kind != ENTRY_EXEC)
		return PPREG_SYMLINK;
	if (r->worktree) {
		char *p = xasprintf("%s/platforms/%s/%s", r->path, t->id, e->path);
		int rc = read_disk(p, max, data, len);
		free(p);
		return rc;
	}
	git_oid id;
	memcpy(id.id, e->oid, GIT_OID_RAWSZ);
	return read_blob(r, &id, (object_name){t->id, e->path}, max, data, len);
}
