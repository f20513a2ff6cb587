/*
 * registry/registry.h - the only code that talks to libgit2 (or, with --worktree, to
 * the files on disk): from a path and a revision to platform folders and the
 * bytes of their files.
 *
 * A registry root is a folder of a Git repository at a revision: the
 * repository's root, or a folder inside it (so `ppreg check registry` reads
 * this project's own registry/ from HEAD). Everything is read from the object
 * database; the working files are read only with --worktree.
 */
#ifndef PPREG_REGISTRY_H
#define PPREG_REGISTRY_H

#include <stddef.h>

/* ENTRY_SPECIAL: a FIFO, socket or device, seen only with --worktree. */
typedef enum { ENTRY_FILE, ENTRY_EXEC, ENTRY_SYMLINK, ENTRY_SUBMODULE, ENTRY_DIR, ENTRY_SPECIAL } entry_kind;

/* What a platform folder may hold before it is refused unread. */
#define PLATFORM_MAX_ENTRIES 10000
#define PLATFORM_MAX_DEPTH 16
enum { TRUNCATED_ENTRIES = 1, TRUNCATED_DEPTH = 2 };

typedef struct {
	char *path;        /* relative to the platform folder, "evidence/aipd.pdf" */
	entry_kind kind;
	unsigned char oid[32]; /* Git object id (raw) in Git mode */
	size_t oid_len;
} platform_entry;

typedef struct {
	char *id;          /* folder name under platforms/ */
	entry_kind kind;   /* ENTRY_DIR for a proper folder */
	char tree_id[65];  /* hex Git tree id; "" with --worktree */
	platform_entry *entries; /* sorted by path */
	size_t n_entries;
	int truncated;     /* 0, or TRUNCATED_ENTRIES / TRUNCATED_DEPTH: not listed in full */
} platform_tree;

typedef struct registry registry;

/* What registry_open reads: Git objects at `rev` (0), the working files
 * (REGISTRY_WORKTREE, i.e. --worktree), or the staged content, the index
 * (REGISTRY_INDEX, for a pre-commit hook). 0; PPREG_ABSENT when `rev`
 * names no object or the registry folder is not in it, PPREG_BADTYPE when
 * it is no commit, ERR_FAIL when it cannot be read: each with a message. */
#define REGISTRY_WORKTREE 1
#define REGISTRY_INDEX 2
int registry_open(registry **out, const char *path, const char *rev, int worktree);
void registry_free(registry *r);

/* Hex commit id of the revision read, "" with --worktree. */
const char *registry_commit(const registry *r);
/* The registry root relative to the repository's top ("" at the top). */
const char *registry_prefix(const registry *r);
const char *registry_path(const registry *r);

/* A file at the registry root ("registry.yaml"), or in one of its folders
 * ("authority/authorizations.yaml": the folder must be a folder, never a
 * link): 0, or PPREG_ABSENT /
 * PPREG_SYMLINK / ERR_TOO_LARGE / ERR_FAIL (with error_last() naming the
 * file and its object). *data is malloc'd. */
int registry_read_root_file(registry *r, const char *name, size_t max,
                            unsigned char **data, size_t *len);

/* Whether `id` is a platform id: ^[a-z0-9][a-z0-9-]{1,62}$. */
int registry_id_ok(const char *id);

/* The folder names under platforms/, sorted. Free with registry_free_ids. */
int registry_platform_ids(registry *r, char ***ids, size_t *n);
void registry_free_ids(char **ids, size_t n);

/* Lists every entry of a platform folder, recursively, without following
 * anything. PPREG_ABSENT when there is no such folder; ERR_FAIL when a
 * tree object of it (or the platforms/ tree) cannot be read. */
int registry_platform(registry *r, const char *id, platform_tree **out);
void platform_tree_free(platform_tree *t);
const platform_entry *platform_find(const platform_tree *t, const char *path);

/* The bytes of a regular (or executable) file entry; *data is malloc'd.
 * ERR_TOO_LARGE when the file is larger than `max` (its size is then in
 * *len and nothing was read), PPREG_SYMLINK for another kind of entry,
 * PPREG_ABSENT when a working file is gone (--worktree), ERR_FAIL when
 * its object or file cannot be read. */
int registry_read_entry(registry *r, const platform_tree *t, const platform_entry *e,
                        size_t max, unsigned char **data, size_t *len);

#endif
