/*
 * desk/diff.h - what changed between two revisions of a registry: for each
 * platform whose folder differs (its Git tree, so the cost follows the
 * change, not the registry), the files added, removed or changed, the
 * declarations' fields (desk/fields.h), and the findings gained and lost
 * when each revision's run judges it (desk/delta.h); the registry's own
 * files (registry.yaml, authority/) under RUN_REGISTRY_ENTRY, not judged.
 */
#ifndef PPREG_DESK_DIFF_H
#define PPREG_DESK_DIFF_H

#include "desk/fields.h"
#include "judge/judge.h"

#include <stdio.h>

typedef enum { PLATFORM_MODIFIED, PLATFORM_ADDED, PLATFORM_REMOVED } platform_change;

typedef struct {
	char *path;          /* relative to the platform folder (the registry root for RUN_REGISTRY_ENTRY) */
	field_change_kind kind;
} file_change;

typedef struct {
	char *id;
	platform_change change;
	verdict from, to;    /* from: not PLATFORM_ADDED; to: not PLATFORM_REMOVED */
	file_change *files;
	size_t n_files;
	field_changes fields;
	finding_list gained, lost;
} platform_diff;

typedef struct {
	const char *rev_from, *rev_to;  /* as given */
	platform_diff *v;
	size_t n;
} revision_diff;

/* The diff from run `a`'s revision to run `b`'s, limited to `only` (ids,
 * n_only 0: every platform). ERR_FAIL (exit 2) with error_last(); `out`
 * must be freed either way. */
int diff_revisions(run *a, run *b, char *const *only, size_t n_only, const judge_options *jo,
                   revision_diff *out);
void revision_diff_free(revision_diff *d);

int diff_write_text(FILE *out, const revision_diff *d, const run *a, const run *b);
int diff_write_json(FILE *out, const revision_diff *d, const run *a, const run *b, const char *registry_path);

#endif
