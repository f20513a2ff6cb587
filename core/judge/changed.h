/*
 * judge/changed.h - judging what a change touches, for `check --changed` and the
 * Git hooks: the platforms whose folders differ, registry.yaml when it
 * changed, and a core.outside-change finding for every other file changed.
 */
#ifndef PPREG_CHANGES_H
#define PPREG_CHANGES_H

#include "judge/judge.h"
#include "registry/registry_diff.h"

/* What judging a change gives: the platforms it touches, sorted, then the
 * RUN_REGISTRY_ENTRY when registry.yaml or files outside platforms/
 * changed. `removed` and `outside` point into the registry_changes judged,
 * which must outlive this. */
typedef struct {
	platform_result *platforms;
	size_t n_platforms;
	char **removed;
	size_t n_removed;
	char **outside;  /* as bytes (findings carry display text) */
	size_t n_outside;
} changed_result;

/* Judges the platforms `ch` names, at the state `r` was opened on, into
 * `out`. ERR_FAIL (exit 2) with error_last(); `out` must be freed either way. */
int changed_judge(run *r, const registry_changes *ch, const judge_options *o, changed_result *out);

/* registry.yaml judged alone, as the RUN_REGISTRY_ENTRY of a full check:
 * 1 when it has a finding (the entry is then reported), else 0; ERR_FAIL
 * when its object cannot be read. */
int changed_judge_registry_yaml(run *r, platform_result *p);

void changed_result_free(changed_result *c);

/* The fields of registry.yaml, which the core owns (no plugin describes
 * it): for its check, and for its JSON Schema (`ppreg schema`). */
field_set changed_registry_fields(void);

#endif
