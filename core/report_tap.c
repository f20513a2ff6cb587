/*
 * report_tap.c - TAP version 13: one test per platform and rule, so a TAP
 * harness shows which obligation failed where. Errors fail the test;
 * warnings pass with their message as a diagnostic.
 */
#include "report.h"

#include <stdlib.h>
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
			        f->severity == PPREG_SEV_ERROR ? "error" : "warning", f->message);
	}
}

int report_tap(FILE *out, const report *rep)
{
	rule_ref *rules;
	size_t n_rules = run_rules(rep->run, &rules);
	fprintf(out, "TAP version 13\n1..%zu\n", n_rules * rep->n_platforms);
	size_t n = 0;
	for (size_t i = 0; i < rep->n_platforms; i++)
		for (size_t r = 0; r < n_rules; r++)
			emit(out, ++n, &rep->platforms[i], rules[r].rule->id);
	free(rules);
	return ferror(out) ? -1 : 0;
}
