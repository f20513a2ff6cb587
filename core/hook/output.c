/*
 * hook/output.c - where a hook's output goes (hook/output.h): in text,
 * straight to stdout; in any other format, every state's report into one
 * document that the format composes (report/report.h's report_doc).
 */
#include "hook/output.h"
#include "base/i18n.h"

#include <stdlib.h>
#include <string.h>

int hook_output_init(hook_output *h, const char *hook, const char *format)
{
	memset(h, 0, sizeof *h);
	h->hook = hook;
	h->format = format;
	h->structured = strcmp(format, "text") != 0;
	h->msg = h->structured ? stderr : stdout;
	return h->structured ? report_doc_open(&h->doc, report_format_named(format), hook) : 0;
}

int hook_cannot_judge(hook_output *h, const report_state *id, const char *why)
{
	fprintf(h->msg, _("ppreg: %s: REJECTED, cannot be judged: %s\n"), id->label, why);
	if (h->structured) {
		report_state st = *id;
		st.status = 2;
		st.error = why;
		if (!h->failed && report_doc_unjudged(&h->doc, &st) < 0)
			h->failed = xstrdup(error_last());
	}
	return 2;
}

int hook_write_report(hook_output *h, const report *rep, const report_state *id, int any_finding)
{
	if (!h->structured)
		return any_finding ? report_write(stdout, rep, report_format_named(h->format)) : 0;
	return report_doc_write(&h->doc, rep, id);
}

int hook_finish(hook_output *h, int rc)
{
	if (h->structured && (h->failed || report_doc_finish(&h->doc, stdout, rc) < 0)) {
		fprintf(h->msg, _("ppreg: cannot write the %s document: %s\n"), h->format,
		        h->failed ? h->failed : error_last());
		rc = 2;
	}
	fflush(stdout);
	report_doc_close(&h->doc);
	free(h->failed);
	h->failed = NULL;
	return rc;
}
