/*
 * desk/desk.h - what the regulator's desk commands (expiring, diff) share:
 * the head of their JSON documents, naming the registry, revision, policy
 * and as-of date the rows were read under, as check's report does.
 */
#ifndef PPREG_DESK_H
#define PPREG_DESK_H

#include "judge/run.h"

#include <jansson.h>
#include <stdio.h>

/* {"registry": {"path", "commit", "policy": {"id", "version", "sha256"}}}
 * of one run (commit null with --worktree), a new object. */
json_t *desk_registry_json(const run *r, const char *registry_path);
/* {"tool": {"name", "version"}, "command": command, then the members of
 * `more`} (dropped): a document's head, or NULL. */
json_t *desk_doc_json(const char *command, json_t *more);
/* One document written row by row, laid out as jansson lays out the
 * whole (two-space indentation, keys in order), so that the memory holds
 * the rows, not their JSON: the members of `head` (desk_doc_json()), then `key`: [row(ctx, 0), ... row(ctx, n - 1)], then
 * the members of `tail`. `head` and `tail` are dropped. 0, or ERR_FAIL
 * when the document cannot be built or written. */
int desk_put_rows(FILE *out, json_t *head, const char *key, json_t *(*row)(const void *ctx, size_t i),
                  const void *ctx, size_t n, json_t *tail);
/* A finding as check's JSON gives it, and a list of them. */
json_t *desk_finding_json(const finding *f);
json_t *desk_findings_json(const finding_list *l);
/* "2026-11-23" of a date, in a static buffer of the caller's. */
const char *desk_date(ppreg_date d, char out[11]);

#endif
