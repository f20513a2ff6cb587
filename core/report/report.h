/*
 * report/report.h - reporters: the only code that writes the user's output.
 *
 * Each format is one file (report_<format>.c) defining a report_format;
 * all read the same results, so every format tells the same verdicts.
 */
#ifndef PPREG_REPORT_H
#define PPREG_REPORT_H

#include <stdio.h>
#include "judge/changed.h"
#include "judge/run.h"

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

/* Whether p is the RUN_REGISTRY_ENTRY (judge/run.h), last in `platforms`. */
int report_is_registry_entry(const platform_result *p);

/* Points rep's platforms, removed and outside files at a judged change,
 * which keeps them: free the change, not the report. */
void report_set_change(report *rep, const changed_result *c);

typedef struct {
	size_t platforms, compliant, non_compliant, invalid, errors, warnings;
	size_t failed_checks;  /* (platform, rule) pairs with an error finding */
} report_summary;

/* The state of one report while platforms pass through a format. */
typedef struct {
	rule_ref *rules;       /* run_rules(): every rule of the run, in order */
	size_t n_rules;
	size_t items;          /* entries a format wrote so far, its own count */
} report_cursor;

/*
 * A format in three parts, so that a full check can write each platform as
 * it is judged and keep none (report_stream): head() is what comes before
 * the platforms, platform() one platform, tail() what follows. head() is
 * given the totals: a streamed report writes it last, before the body it
 * spooled, so a header may count what follows (JUnit, TAP). platform() is
 * called in registry order, whatever the number of jobs.
 */
typedef struct {
	const char *name;
	int (*head)(FILE *out, const report *rep, const report_summary *s, const report_cursor *c);
	int (*platform)(FILE *out, const report *rep, const platform_result *p, report_cursor *c);
	int (*tail)(FILE *out, const report *rep, const report_summary *s, const report_cursor *c);
} report_format;

extern const report_format report_format_text, report_format_json, report_format_tap,
	report_format_sarif, report_format_junit, report_format_github;

/* The format of a --format name, or NULL. */
const report_format *report_format_named(const char *name);

/* A whole report of rep->platforms in one format. */
int report_write(FILE *out, const report *rep, const report_format *f);
/* The SARIF 2.1.0 schema a SARIF document names (report/sarif.c, and the
 * hooks' one document for several states). */
#define REPORT_SARIF_SCHEMA \
	"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

/* The rules with an error finding on p, each counted once (JUnit's failures). */
size_t report_failed_rules(const platform_result *p);

void report_summarize(const report *rep, report_summary *s);
/* 1 when a finding is an error or a platform could not be read (invalid,
 * even under a policy that switched the parse rules off or down), else 0. */
int report_exit_status(const report_summary *s);
void report_summary_add(report_summary *s, const platform_result *p);

/*
 * A report written platform by platform: rep holds everything but the
 * platforms (n_platforms says how many will come). The body goes to an
 * unlinked temporary file, so memory does not grow with the registry and
 * nothing reaches `out` unless the run ends: report_stream_finish() writes
 * head, body and tail; report_stream_close() discards what is left.
 */
typedef struct {
	const report *rep;
	const report_format *fmt;
	report_cursor cur;
	report_summary sum;
	FILE *body;
} report_stream;
int report_stream_open(report_stream *st, const report *rep, const report_format *f);
int report_stream_platform(report_stream *st, const platform_result *p);
int report_stream_finish(report_stream *st, FILE *out);
void report_stream_close(report_stream *st);

/* What the JSON formats share: `j` dumped with two-space indentation, its
 * lines after the first indented by `indent` more (to nest it in a
 * document written piece by piece); jansson's own layout otherwise. */
int report_json_put(FILE *out, const void *json, int indent);

/* A copy of `s` safe to embed: invalid UTF-8 becomes U+FFFD; with
 * `for_xml`, characters XML 1.0 forbids (C0 controls but tab and newlines,
 * U+FFFE, U+FFFF) become U+FFFD too. Free it. */
char *report_clean_text(const char *s, int for_xml);

/* Writes `s` escaped for XML element text (attr 0) or an attribute value
 * (attr 1): markup characters as entities, what XML 1.0 cannot carry as
 * U+FFFD (report/junit.c). */
void report_xml_put(FILE *out, const char *s, int attr);

/* The severity a rule has in this run before --strict: the policy's
 * override, else the rule's own (PPREG_SEV_OFF when switched off). */
int report_rule_severity(const report *rep, const ppreg_rule *rule);

/* The names --format accepts, for help and messages: "text, json, ...". */
const char *report_format_names(void);

#endif
