/*
 * report/text.c - the default format: one block per platform, findings as
 * `file:line:column: severity: rule: message` (what compilers print, so
 * editors jump to the line), and a one-line summary. On a terminal the
 * severities and verdicts are coloured (report_colour_wanted); --quiet
 * leaves the findings alone.
 */
#include "report/report.h"
#include "yaml/date.h"

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
		fprintf(out, "== %s: %s%s%s\n", p->id, colour_of(c, v), verdict_name(p->verdict), colour_of(c, RESET));
	}
	if (p->n_lapses && !c->doc->quiet) {
		char day[11];
		date_format(p->lapses[0].last_valid_day, day);
		fprintf(out, "   valid until %s (%s, %s:%u)\n", day, p->lapses[0].rule, p->lapses[0].file, p->lapses[0].line);
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
