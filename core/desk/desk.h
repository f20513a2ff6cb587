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
/* {"tool": {"name", "version"}, "command": command}: a document's start. */
json_t *desk_doc_json(const char *command);
/* `doc` (desk_doc_json) with the members of `rest` after its own, dumped
 * as desk_put_json does; both are dropped. */
int desk_put_doc(FILE *out, json_t *doc, json_t *rest);
/* Dumps `doc` on `out` (two-space indentation, keys in order) and drops
 * it. 0, or ERR_FAIL when it cannot be built or written. */
int desk_put_json(FILE *out, json_t *doc);
/* A finding as check's JSON gives it, and a list of them. */
json_t *desk_finding_json(const finding *f);
json_t *desk_findings_json(const finding_list *l);
/* "2026-11-23" of a date, in a static buffer of the caller's. */
const char *desk_date(ppreg_date d, char out[11]);

#endif
