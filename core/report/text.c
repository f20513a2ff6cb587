/*
 * report/text.c - the default format: one block per platform, findings as
 * `file:line:column: severity: rule: message` (what compilers print, so
 * editors jump to the line), and a one-line summary. On a terminal the
 * severities and verdicts are coloured (report_colour_wanted); --quiet
 * leaves the findings alone.
 */
#include "report/report.h"
#include "yaml/date.h"
#include "base/i18n.h"

#include <stdlib.h>

#define RED "\033[1;31m"
#define YELLOW "\033[1;33m"
#define GREEN "\033[1;32m"
#define BOLD "\033[1m"
#define RESET "\033[0m"

static const char *colour_of(const report_cursor *c, const char *colour)
{
	return c->doc->colour ? colour : "";
}

static void put_finding(FILE *out, const finding *f, const report_cursor *c)
{
	const char *sev = f->severity == PPREG_SEV_ERROR ? RED : f->severity == PPREG_SEV_WARNING ? YELLOW : "";
	fprintf(out, "%s%s:%u:%u:%s %s%s%s: %s: %s\n", colour_of(c, BOLD), f->file, f->line, f->column,
	        colour_of(c, RESET), colour_of(c, sev), severity_name(f->severity), colour_of(c, RESET), f->rule,
	        f->message);
}

static int platform(FILE *out, const report *rep, const platform_result *p, report_cursor *c)
{
	(void)rep;
	if (!c->doc->quiet) {
		const char *v = p->verdict == VERDICT_COMPLIANT ? GREEN : RED;
		fprintf(out, "== %s: %s%s%s\n", p->id, colour_of(c, v), verdict_text(p->verdict), colour_of(c, RESET));
	}
	if (p->n_lapses && !c->doc->quiet) {
		char day[PPREG_TEXT_MAX];
		i18n_date(p->lapses[0].last_valid_day, day, sizeof day);
		fprintf(out, _("   valid until %s (%s, %s:%u)\n"), day, p->lapses[0].rule, p->lapses[0].file, p->lapses[0].line);
	}
	for (size_t j = 0; j < p->findings.n; j++)
		put_finding(out, &p->findings.v[j], c);
	return 0;
}

static int tail(FILE *out, const report *rep, const report_summary *s, const report_cursor *c)
{
	if (c->doc->quiet)
		return 0;
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
