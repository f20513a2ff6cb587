/*
 * report/tap.c - TAP version 13: one test per platform and rule, so a TAP
 * harness shows which obligation failed where. Errors fail the test;
 * warnings pass with their message as a diagnostic.
 */
#include "report/report.h"

#include <string.h>

static void emit(FILE *out, size_t n, const platform_result *p, const char *rule)
{
	int failed = 0;
	for (size_t j = 0; j < p->findings.n; j++)
		failed |= !strcmp(p->findings.v[j].rule, rule) && p->findings.v[j].severity == PPREG_SEV_ERROR;
	fprintf(out, "%sok %zu - %s: %s\n", failed ? "not " : "", n, p->id, rule);
	for (size_t j = 0; j < p->findings.n; j++) {
		const finding *f = &p->findings.v[j];
		if (!strcmp(f->rule, rule))
			fprintf(out, "# %s:%u:%u: %s: %s\n", f->file, f->line, f->column,
			        severity_name(f->severity), f->message);
	}
}

static int head(FILE *out, const report *rep, const report_summary *s, const report_cursor *c)
{
	(void)s;
	fprintf(out, "TAP version 13\n1..%zu\n", c->n_rules * rep->n_platforms);
	return 0;
}

/* c->items counts the tests written, so numbers run on across platforms. */
static int platform(FILE *out, const report *rep, const platform_result *p, report_cursor *c)
{
	(void)rep;
	for (size_t r = 0; r < c->n_rules; r++)
		emit(out, ++c->items, p, c->rules[r].rule->id);
	return 0;
}

static int tail(FILE *out, const report *rep, const report_summary *s, const report_cursor *c)
{
	(void)out, (void)rep, (void)s, (void)c;
	return 0;
}

const report_format report_format_tap = {"tap", head, platform, tail};
