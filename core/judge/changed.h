/*
 * judge/changed.h - judging what a change touches, for `check --changed` and the
 * Git hooks: the platforms whose folders differ, registry.yaml when it
 * changed, and a core.outside-change finding for every other file changed.
 */
#ifndef PPREG_CHANGES_H
#define PPREG_CHANGES_H

#include "judge/judge.h"
#include "registry/registry_diff.h"
#include "report/report.h"

/*
 * Judges the platforms `ch` names, at the state `r` was opened on, into
 * rep->platforms (sorted), followed by the REPORT_REGISTRY_ENTRY entry when
 * registry.yaml or files outside platforms/ changed; rep->removed and
 * rep->outside point into `ch`, which must outlive the report. -1 (exit 2)
 * with error_last().
 */
int changes_judge(run *r, const registry_changes *ch, const judge_options *o, report *rep);

/* registry.yaml judged alone, as the REPORT_REGISTRY_ENTRY of a full
 * check: 1 when it has a finding (the entry is then reported), else 0. */
int changes_registry_yaml(run *r, platform_result *p);

/* Frees what changes_judge (or any judge into a report) allocated. */
void changes_report_free(report *rep);

#endif
