/*
 * registry/registry_index.h - a registry read from the index: the tree the next commit would
 * have, for the pre-commit hook.
 */
#ifndef PPREG_REGISTRY_INDEX_H
#define PPREG_REGISTRY_INDEX_H

#include "registry/registry.h"

/* The same as registry_open(out, path, NULL, REGISTRY_INDEX): the tree the
 * next commit would have. */
int registry_open_index(registry **out, const char *path);

#endif
