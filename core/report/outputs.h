/*
 * report/outputs.h - the reports of one run, each in its format and to its
 * place: `check --format sarif=ppreg.sarif --format text` judges once and
 * writes both. Every platform goes through each output's document
 * (report_doc); at the end stdout gets its one report and each file is
 * written whole and atomically (a temporary file renamed), so a file holds
 * a complete report or is left as it was.
 *
 * A run that cannot be judged still gives each structured output a valid
 * document that says so and why (SARIF's executionSuccessful false with a
 * notification, a JUnit error, TAP's not ok, JSON's "error", a GitHub
 * error annotation): a CI step reading the file shows the reason. Text
 * gets nothing (the reason goes to stderr) and its file is not written.
 */
#ifndef PPREG_REPORT_OUTPUTS_H
#define PPREG_REPORT_OUTPUTS_H

#include "report/report.h"

#define REPORT_MAX_OUTPUTS 8

typedef struct {
	const report_format *fmt;
	const char *path;    /* NULL: stdout */
	report_doc doc;
} report_output;

typedef struct {
	report_output v[REPORT_MAX_OUTPUTS];
	size_t n;
	int quiet;           /* --quiet: text outputs give their findings alone */
} report_outputs;

/* One more output; ERR_FAIL with a message for one too many, a second
 * stdout or a file named twice. */
int report_outputs_add(report_outputs *o, const report_format *fmt, const char *path);
/* Opens every output's document. */
int report_outputs_open(report_outputs *o);
/* As report_doc_begin, _platform, _end and _write, for every output. */
int report_outputs_begin(report_outputs *o, const report *rep);
int report_outputs_platform(report_outputs *o, const platform_result *p);
int report_outputs_end(report_outputs *o);
int report_outputs_write(report_outputs *o, const report *rep);
/* Writes every output: stdout, then each file atomically. */
int report_outputs_finish(report_outputs *o, int status);
/* The run could not be judged (`label` what was to be, `why`): whatever
 * was written is dropped and each output says so (exit status 2). */
int report_outputs_unjudged(report_outputs *o, const char *label, const char *why);
void report_outputs_close(report_outputs *o);

#endif
