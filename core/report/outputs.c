/*
 * report/outputs.c - several reports from one run (outputs.h).
 */
#include "report/outputs.h"
#include "base/i18n.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int report_outputs_add(report_outputs *o, const report_format *fmt, const char *path)
{
	if (o->n == REPORT_MAX_OUTPUTS)
		return error_set(_("at most %d reports in one run"), REPORT_MAX_OUTPUTS);
	for (size_t i = 0; i < o->n; i++) {
		if (!path && !o->v[i].path)
			return error_set(_("--format %s and --format %s both write to stdout: give one a file "
			                   "(--format %s=FILE)"), o->v[i].fmt->name, fmt->name, fmt->name);
		if (path && o->v[i].path && !strcmp(path, o->v[i].path))
			return error_set(_("two reports are written to %s"), path);
	}
	memset(&o->v[o->n], 0, sizeof o->v[o->n]);
	o->v[o->n].fmt = fmt;
	o->v[o->n++].path = path;
	return 0;
}

static void set_flags(report_outputs *o, report_output *out)
{
	out->doc.quiet = o->quiet;
	out->doc.colour = !out->path && out->fmt == &report_format_text && report_colour_wanted(stdout);
}

int report_outputs_open(report_outputs *o)
{
	for (size_t i = 0; i < o->n; i++) {
		if (report_doc_open(&o->v[i].doc, o->v[i].fmt, NULL) < 0)
			return ERR_FAIL;
		set_flags(o, &o->v[i]);
	}
	return 0;
}

int report_outputs_begin(report_outputs *o, const report *rep)
{
	for (size_t i = 0; i < o->n; i++)
		if (report_doc_begin(&o->v[i].doc, rep, NULL) < 0)
			return ERR_FAIL;
	return 0;
}

int report_outputs_platform(report_outputs *o, const platform_result *p)
{
	for (size_t i = 0; i < o->n; i++)
		if (report_doc_platform(&o->v[i].doc, p) < 0)
			return ERR_FAIL;
	return 0;
}

int report_outputs_end(report_outputs *o)
{
	for (size_t i = 0; i < o->n; i++)
		if (report_doc_end(&o->v[i].doc) < 0)
			return ERR_FAIL;
	return 0;
}

int report_outputs_write(report_outputs *o, const report *rep)
{
	for (size_t i = 0; i < o->n; i++)
		if (report_doc_write(&o->v[i].doc, rep, NULL) < 0)
			return ERR_FAIL;
	return 0;
}

/* A file's report, whole in memory, then in place at once. */
static int finish_file(report_output *out, int status)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem)
		return error_set(_("cannot hold the report for %s: %s"), out->path, strerror(errno));
	int rc = report_doc_finish(&out->doc, mem, status);
	if (fclose(mem) != 0 && rc == 0)
		rc = error_set(_("cannot hold the report for %s: %s"), out->path, strerror(errno));
	if (rc == 0)
		rc = write_file_atomic(out->path, buf, len, 0644);
	free(buf);
	return rc;
}

int report_outputs_finish(report_outputs *o, int status)
{
	for (size_t i = 0; i < o->n; i++)
		if (!o->v[i].path && report_doc_finish(&o->v[i].doc, stdout, status) < 0)
			return ERR_FAIL;
	if (fflush(stdout) != 0)
		return error_set(_("cannot write the report: %s"), strerror(errno));
	for (size_t i = 0; i < o->n; i++)
		if (o->v[i].path && finish_file(&o->v[i], status) < 0)
			return ERR_FAIL;
	return 0;
}

int report_outputs_unjudged(report_outputs *o, const char *label, const char *why)
{
	report_state st = {NULL, NULL, label, 2, why};
	int rc = 0;
	for (size_t i = 0; i < o->n; i++) {
		report_output *out = &o->v[i];
		report_doc_close(&out->doc);
		if (!out->fmt->unjudged)
			continue; /* text: the reason is on stderr, no file is written */
		if (report_doc_open(&out->doc, out->fmt, NULL) < 0 || report_doc_unjudged(&out->doc, &st) < 0 ||
		    (out->path ? finish_file(out, 2) : report_doc_finish(&out->doc, stdout, 2)) < 0)
			rc = ERR_FAIL;
	}
	fflush(stdout);
	return rc;
}

void report_outputs_close(report_outputs *o)
{
	for (size_t i = 0; i < o->n; i++)
		report_doc_close(&o->v[i].doc);
}
