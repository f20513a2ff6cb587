/*
 * report/tap.c - TAP version 13: one test per platform and rule, so a TAP
 * harness shows which obligation failed where. Errors fail the test;
 * warnings pass with their message as a diagnostic.
 */
#include "report/report.h"
#include "base/i18n.h"

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
			        severity_name(f->severity), f->message);
	}
}

/* The plan counts every test: the document is written last, before the
 * tests it spooled. */
static int doc_begin(FILE *out, const report_doc *d)
{
	fprintf(out, "TAP version 13\n1..%zu\n", d->tests);
	return 0;
}

/* In a hook's document, each state's tests follow a comment naming it. */
static int head(FILE *out, const report *rep, const report_cursor *c)
{
	(void)rep;
	if (c->state) {
		char *label = display_text(c->state->label);
		fprintf(out, "# %s\n", label);
		free(label);
	}
	return 0;
}

/* Numbers run on across platforms and across a hook's states. */
static int platform(FILE *out, const report *rep, const platform_result *p, report_cursor *c)
{
	(void)rep;
	for (size_t r = 0; r < c->n_rules; r++)
		emit(out, ++c->doc->numbered, p, c->rules[r].rule->id);
	return 0;
}

/* A state that could not be judged: one failed test that says why. */
static int unjudged(FILE *out, report_doc *d, const report_state *st)
{
	char *label = display_text(st->label), *why = display_text(st->error);
	fprintf(out, "# %s\nnot ok %zu - %s: ", label, ++d->numbered, label);
	fprintf(out, _("cannot be judged: %s\n"), why);
	free(label);
	free(why);
	return 0;
}

const report_format report_format_tap = {"tap", doc_begin, head, platform, NULL, unjudged, NULL};
