/*
 * hook/output.h - where the output of a hook run goes: the header and
 * verdict lines, and each judged state's report, written as they come in
 * text or kept and written as one document in any other format.
 *
 * In text, everything goes to stdout as it comes, as Git shows it to the
 * pusher: each state's header line, its report, the verdict. With any other
 * format stdout must be one document a program can read, however many
 * commits and references a push brings. The header and verdict lines then
 * go to stderr (Git shows both streams to the pusher), each state's report
 * written into one document, and hook_finish() writes it: JSON
 * {"hook", "exit", "states": [...]}, SARIF with one run per state, JUnit
 * with every state's suites under one <testsuites>, TAP numbered on under
 * one plan, GitHub annotations one after the other.
 */
#ifndef PPREG_HOOK_OUTPUT_H
#define PPREG_HOOK_OUTPUT_H

#include "report/report.h"

#include <stdio.h>

typedef struct {
	const char *hook;    /* pre-receive, update, pre-commit */
	const char *format;
	int structured;      /* not text: stdout holds one document */
	FILE *msg;           /* header and verdict lines */
	report_doc doc;      /* the one document, when structured */
	char *failed;        /* why a part of it could not be written */
} hook_output;

/* Opens the document of a structured format. */
int hook_output_init(hook_output *h, const char *hook, const char *format);

/* A state that could not be judged: said, and in the document with its
 * reason. `id`'s status and error are this function's. */
int hook_cannot_judge(hook_output *h, const report_state *id, const char *why);

/* The state's report (id->status: the exit status it deserves): on stdout
 * in text (only when there is a finding: the header says the rest), in the
 * document in any other format. Nothing is written when it fails. */
int hook_write_report(hook_output *h, const report *rep, const report_state *id, int any_finding);

/* The end of a hook run: the one document (structured formats); returns
 * the hook's exit status, 2 when the document cannot be written. */
int hook_finish(hook_output *h, int rc);

#endif
