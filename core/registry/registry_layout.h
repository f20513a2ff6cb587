/*
 * registry/registry_layout.h - where a repository keeps its hooks, for `ppreg hook install`.
 */
#ifndef PPREG_REGISTRY_LAYOUT_H
#define PPREG_REGISTRY_LAYOUT_H


/* Where `ppreg hook install` writes. */
typedef struct {
	int bare;          /* a server's repository: no work tree, no index */
	char *hooks_dir;   /* core.hooksPath, else <common git dir>/hooks */
	char *prefix;      /* the registry folder in the work tree ("" at the top) */
} registry_layout;
int registry_hook_layout(const char *path, registry_layout *out);
void registry_layout_free(registry_layout *l);

#endif
