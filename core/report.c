/*
 * report.c - what all reporters share: the format table and the summary.
 */
#include "report.h"

#include <string.h>

static const struct {
	const char *name;
	report_fn fn;
} formats[] = {
	{"text", report_text},
	{"json", report_json},
	{"tap", report_tap},
	{"sarif", report_sarif},
	{"junit", report_junit},
	{"github", report_github},
};

const char *report_format_names(void)
{
	return "text, json, tap, sarif, junit, github";
}

int report_is_registry_entry(const platform_result *p)
{
	return !strcmp(p->id, REPORT_REGISTRY_ENTRY);
}

report_fn report_for_format(const char *name)
{
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
		if (!strcmp(formats[i].name, name))
			return formats[i].fn;
	return NULL;
}

void report_summarize(const report *rep, report_summary *s)
{
	memset(s, 0, sizeof *s);
	for (size_t i = 0; i < rep->n_platforms; i++) {
		const platform_result *p = &rep->platforms[i];
		s->errors += findings_count(&p->findings, PPREG_SEV_ERROR);
		s->warnings += findings_count(&p->findings, PPREG_SEV_WARNING);
		if (report_is_registry_entry(p))
			continue;
		s->platforms++;
		s->compliant += p->verdict == VERDICT_COMPLIANT;
		s->non_compliant += p->verdict == VERDICT_NON_COMPLIANT;
		s->invalid += p->verdict == VERDICT_INVALID;
	}
}
