/*
 * report/github.c - GitHub Actions workflow commands: one
 * `::error file=...,line=...,col=...,title=RULE::message` (or ::warning)
 * per finding, which the Actions runner turns into annotations on the
 * changed files of a pull request, then the usual one-line summary. Paths
 * are relative to the repository's root; a hook's document gives every
 * state's lines one after the other. Values are escaped as the runner
 * expects (%, CR, LF; and ':' ',' inside properties).
 */
#include "report/report.h"
#include "base/i18n.h"

#include <stdlib.h>

static void put_escaped(FILE *out, const char *s, int property)
{
	char *clean = report_clean_text(s ? s : "", 0);
	for (const char *p = clean; *p; p++) {
		if (*p == '%')
			fputs("%25", out);
		else if (*p == '\r')
			fputs("%0D", out);
		else if (*p == '\n')
			fputs("%0A", out);
		else if (property && *p == ':')
			fputs("%3A", out);
		else if (property && *p == ',')
			fputs("%2C", out);
		else
			fputc(*p, out);
	}
	free(clean);
}

static int platform(FILE *out, const report *rep, const platform_result *p, report_cursor *c)
{
	(void)c;
	const char *prefix = registry_prefix(rep->run->reg);
	for (size_t j = 0; j < p->findings.n; j++) {
		const finding *f = &p->findings.v[j];
		char *file = path_join(prefix, f->file);
		fprintf(out, "::%s file=", severity_name(f->severity));
		put_escaped(out, file, 1);
		fprintf(out, ",line=%u,col=%u,title=", f->line, f->column);
		put_escaped(out, f->rule, 1);
		fputs("::", out);
		put_escaped(out, f->message, 0);
		fputc('\n', out);
		free(file);
	}
	return 0;
}

static int tail(FILE *out, const report *rep, const report_summary *s, const report_cursor *c)
{
	(void)c;
	fprintf(out, i18n_ntext("ppreg: %zu platform checked: ", "ppreg: %zu platforms checked: ", s->platforms),
	        s->platforms);
	fprintf(out, _("%zu compliant, %zu non-compliant, %zu invalid; "), s->compliant, s->non_compliant, s->invalid);
	fprintf(out, i18n_ntext("%zu error, ", "%zu errors, ", s->errors), s->errors);
	fprintf(out, i18n_ntext("%zu warning\n", "%zu warnings\n", s->warnings), s->warnings);
	for (size_t i = 0; i < rep->n_removed; i++)
		fprintf(out, _("ppreg: %s removed\n"), rep->removed[i]);
	return 0;
}

/* A state that could not be judged: an error annotation that says why, so
 * a workflow shows ppreg's reason rather than a bare exit status. */
static int unjudged(FILE *out, report_doc *d, const report_state *st)
{
	(void)d;
	fputs("::error title=ppreg::", out);
	put_escaped(out, st->label, 0);
	fputs(_(": cannot be judged: "), out);
	put_escaped(out, st->error, 0);
	fputc('\n', out);
	return 0;
}

const report_format report_format_github = {"github", NULL, NULL, platform, tail, unjudged, NULL};
