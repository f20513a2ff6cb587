/*
 * report.h - reporters: the only code that writes the user's output.
 *
 * Each format is one file (report_<format>.c) with one function; all read
 * the same finished results, so every format tells the same verdicts.
 */
#ifndef PPREG_REPORT_H
#define PPREG_REPORT_H

#include <stdio.h>
#include "run.h"

typedef struct {
	const run *run;
	const char *registry_path;
	const char *commit;         /* "" with --worktree */
	char as_of[11];
	platform_result *platforms;
	size_t n_platforms;
	/* what --changed adds: platforms removed by the range, files outside */
	char **removed;
	size_t n_removed;
	/* the files changed outside, as bytes (findings carry display text):
	 * what SARIF percent-encodes into a URI */
	char **outside;
	size_t n_outside;
} report;

/* The entry (in `platforms`, last) that carries the findings on the
 * registry's own files in a --changed run or a hook: registry.yaml and
 * files changed outside platforms/. No platform id can take this name
 * (ids match ^[a-z0-9][a-z0-9-]{1,62}$). It is not counted as a platform. */
#define REPORT_REGISTRY_ENTRY "(registry)"
int report_is_registry_entry(const platform_result *p);

typedef struct {
	size_t platforms, compliant, non_compliant, invalid, errors, warnings;
} report_summary;

typedef int (*report_fn)(FILE *out, const report *rep);

/* The reporter for a --format name, or NULL. */
report_fn report_for_format(const char *name);
void report_summarize(const report *rep, report_summary *s);

int report_text(FILE *out, const report *rep);
int report_json(FILE *out, const report *rep);
int report_tap(FILE *out, const report *rep);
int report_sarif(FILE *out, const report *rep);
int report_junit(FILE *out, const report *rep);
int report_github(FILE *out, const report *rep);

/* A copy of `s` safe to embed: invalid UTF-8 becomes U+FFFD; with
 * `for_xml`, characters XML 1.0 forbids (C0 controls but tab and newlines,
 * U+FFFE, U+FFFF) become U+FFFD too. Free it. */
char *report_clean_text(const char *s, int for_xml);

/* The severity a rule has in this run before --strict: the policy's
 * override, else the rule's own (PPREG_SEV_OFF when switched off). */
int report_rule_severity(const report *rep, const ppreg_rule *rule);

/* The names --format accepts, for help and messages: "text, json, ...". */
const char *report_format_names(void);

#endif
