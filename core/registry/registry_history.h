/*
 * registry/registry_history.h - the commits that changed each platform: the
 * history a reviewer reads beside a verdict (ppreg site).
 */
#ifndef PPREG_REGISTRY_HISTORY_H
#define PPREG_REGISTRY_HISTORY_H

#include "registry/registry.h"

typedef struct {
	char id[65];         /* hex commit id */
	long long time;      /* committer time, seconds since the epoch */
	int offset;          /* the committer's offset from UTC, in minutes */
	const char *subject; /* the message's first line; valid during the call */
} registry_commit_info;

/* For each commit: the ids of the platforms whose folder it adds or
 * changes, sorted. A non-zero return stops the walk: 1 as done, ERR_FAIL
 * as an error. */
typedef int (*registry_history_fn)(void *ctx, const registry_commit_info *c, char *const *ids, size_t n);

/*
 * Walks the history of the commit r was opened on, newest first (commit
 * time), at most `max_commits` commits, each compared with its first parent
 * (a root commit adds every platform). The cost of a commit follows the
 * size of the platforms/ tree only when that tree changed. Nothing with a
 * registry opened on the working files or the index (0 at once). 0, or
 * ERR_FAIL with a message.
 */
int registry_platform_history(registry *r, size_t max_commits, registry_history_fn fn, void *ctx);

#endif
