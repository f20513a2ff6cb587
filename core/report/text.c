/*
 * report/text.c - the default format: one block per platform, findings as
 * `file:line:column: severity: rule: message` (what compilers print, so
 * editors jump to the line), and a one-line summary.
 */
#include "report/report.h"
#include "yaml/date.h"

#include <stdlib.h>

static int platform(FILE *out, const report *rep, const platform_result *p, report_cursor *c)
{
	(void)rep, (void)c;
	fprintf(out, "== %s: %s\n", p->id, verdict_name(p->verdict));
	if (p->n_lapses) {
		char day[11];
		date_format(p->lapses[0].last_valid_day, day);
		fprintf(out, "   valid until %s (%s, %s:%u)\n", day, p->lapses[0].rule, p->lapses[0].file, p->lapses[0].line);
	}
	for (size_t j = 0; j < p->findings.n; j++) {
		char *line = finding_line(&p->findings.v[j]);
		fprintf(out, "%s\n", line);
		free(line);
	}
	return 0;
}

static int tail(FILE *out, const report *rep, const report_summary *s, const report_cursor *c)
{
	(void)c;
	for (size_t i = 0; i < rep->n_removed; i++)
		fprintf(out, "== %s: removed\n", rep->removed[i]);
	fprintf(out, "%zu platform%s: %zu compliant, %zu non-compliant, %zu invalid; "
	        "%zu error%s, %zu warning%s (policy %s/%s, as of %s%s%.12s)\n",
	        s->platforms, s->platforms == 1 ? "" : "s", s->compliant, s->non_compliant, s->invalid,
	        s->errors, s->errors == 1 ? "" : "s", s->warnings, s->warnings == 1 ? "" : "s",
	        rep->run->pol->id, rep->run->pol->version, rep->as_of,
	        *rep->commit ? ", commit " : rep->run->opts.worktree == REGISTRY_INDEX ? ", staged content" : ", work tree",
	        rep->commit);
	return 0;
}

const report_format report_format_text = {"text", NULL, NULL, platform, tail, NULL, NULL};
