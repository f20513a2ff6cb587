/*
 * report/text.c - the default format: one block per platform, findings as
 * `file:line:column: severity: rule: message` (what compilers print, so
 * editors jump to the line), and a one-line summary.
 */
#include "report/report.h"
#include "yaml/date.h"
#include "base/i18n.h"

#include <stdlib.h>

static int platform(FILE *out, const report *rep, const platform_result *p, report_cursor *c)
{
	(void)rep, (void)c;
	fprintf(out, "== %s: %s\n", p->id, verdict_text(p->verdict));
	if (p->n_lapses) {
		char day[PPREG_TEXT_MAX];
		i18n_date(p->lapses[0].last_valid_day, day, sizeof day);
		fprintf(out, _("   valid until %s (%s, %s:%u)\n"), day, p->lapses[0].rule, p->lapses[0].file, p->lapses[0].line);
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
		fprintf(out, "== %s: %s\n", rep->removed[i], _("removed"));
	/* the counts apart, each in its plural form */
	fprintf(out, i18n_ntext("%zu platform: ", "%zu platforms: ", s->platforms), s->platforms);
	fprintf(out, _("%zu compliant, %zu non-compliant, %zu invalid; "), s->compliant, s->non_compliant, s->invalid);
	fprintf(out, i18n_ntext("%zu error, ", "%zu errors, ", s->errors), s->errors);
	fprintf(out, i18n_ntext("%zu warning", "%zu warnings", s->warnings), s->warnings);
	const char *where = *rep->commit ? _(", commit ")
	                  : rep->run->opts.worktree == REGISTRY_INDEX ? _(", staged content") : _(", work tree");
	fprintf(out, _(" (policy %s/%s, as of %s%s%.12s)\n"), rep->run->pol->id, rep->run->pol->version, rep->as_of,
	        where, rep->commit);
	return 0;
}

const report_format report_format_text = {"text", NULL, NULL, platform, tail, NULL, NULL};
