/*
 * desk/delta.h - the findings one verdict has and another has not.
 *
 * Two findings are the same when their rule, severity, file and message
 * are: a line that moved because lines were added above it is no new
 * finding. They are counted as a multiset (two equal findings in one
 * verdict and one in the other leave one gained).
 */
#ifndef PPREG_DESK_DELTA_H
#define PPREG_DESK_DELTA_H

#include "base/findings.h"

/* Appends copies of the findings of `to` absent from `from` to `gained`,
 * and of `from` absent from `to` to `lost` (either list may be NULL: no
 * findings). */
void delta_findings(const finding_list *from, const finding_list *to, finding_list *gained, finding_list *lost);

#endif
