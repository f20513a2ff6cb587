/*
 * report/report.h - reporters: the only code that writes the user's output.
 *
 * Each format is one file (report/<format>.c) defining a report_format;
 * all read the same results, so every format tells the same verdicts, and
 * a hook that judges several states writes one document of them all.
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

/* Which state of a registry a report tells, in a hook's document of
 * several: what its part of the document names. */
typedef struct {
	const char *ref;     /* NULL for the staged content */
	const char *commit;  /* hex id, NULL for the staged content or when unknown */
	const char *label;   /* "REF commit ID", "staged changes" */
	int status;          /* the exit status this state alone deserves */
	const char *error;   /* why it could not be judged (report_doc_unjudged) */
} report_state;

typedef struct report_doc report_doc;

/* The state of one report while platforms pass through a format. */
typedef struct {
	rule_ref *rules;       /* run_rules(): every rule of the run, in order */
	size_t n_rules;
	size_t items;          /* entries a format wrote so far in this report */
	report_doc *doc;       /* the document the report is part of */
	const report_state *state;  /* NULL: the document's one report (check) */
} report_cursor;

/*
 * A format in two layers. A document holds one report (check) or several,
 * each of one judged state, with the states that could not be judged
 * (hooks): doc_begin() is what comes before them, doc_end() what follows,
 * unjudged() one state that could not be judged. A report is head(), then
 * platform() for each platform in registry order, whatever the number of
 * jobs, then tail(). The document is spooled and doc_begin() written last,
 * so it may count what follows (JUnit, TAP, a hook's exit status). A part
 * a format does not need is NULL.
 */
typedef struct {
	const char *name;
	int (*doc_begin)(FILE *out, const report_doc *d);
	int (*head)(FILE *out, const report *rep, const report_cursor *c);
	int (*platform)(FILE *out, const report *rep, const platform_result *p, report_cursor *c);
	int (*tail)(FILE *out, const report *rep, const report_summary *s, const report_cursor *c);
	int (*unjudged)(FILE *out, report_doc *d, const report_state *st);
	int (*doc_end)(FILE *out, const report_doc *d);
} report_format;

extern const report_format report_format_text, report_format_json, report_format_tap,
	report_format_sarif, report_format_junit, report_format_github;

/* The format of a --format name, or NULL. */
const report_format *report_format_named(const char *name);

/*
 * A document written report by report, platform by platform. Its body goes
 * to an unlinked temporary file, so memory does not grow with the registry
 * and nothing reaches `out` unless the run ends: report_doc_finish() writes
 * doc_begin, the body and doc_end; report_doc_close() discards what is left.
 */
struct report_doc {
	const report_format *fmt;
	const char *hook;     /* the hook run it tells, NULL for a check */
	int status;           /* the run's exit status, given to report_doc_finish() */
	size_t parts;         /* reports and unjudged states written */
	size_t tests;         /* (platform, rule) pairs, and one per unjudged state */
	size_t failures;      /* pairs with an error finding */
	size_t unjudged;      /* states that could not be judged */
	size_t numbered;      /* TAP's tests so far: numbers run on across reports */
	FILE *body;
	const report *rep;    /* the report being written */
	report_cursor cur;
	report_summary sum;   /* its totals, so far */
	int colour;           /* text: ANSI colours (report_colour_wanted) */
	int quiet;            /* text: the findings alone, no verdict or summary line */
};
int report_doc_open(report_doc *d, const report_format *f, const char *hook);
/* One report in three steps (a full check writes each platform as it is
 * judged and keeps none); `st` NULL for a check's one report. */
int report_doc_begin(report_doc *d, const report *rep, const report_state *st);
int report_doc_platform(report_doc *d, const platform_result *p);
int report_doc_end(report_doc *d);
/* A whole report of rep->platforms, or nothing when it cannot be written. */
int report_doc_write(report_doc *d, const report *rep, const report_state *st);
/* A state that could not be judged, and why (st->error). */
int report_doc_unjudged(report_doc *d, const report_state *st);
int report_doc_finish(report_doc *d, FILE *out, int status);
void report_doc_close(report_doc *d);

/* A document of one whole report of rep->platforms. */
int report_write(FILE *out, const report *rep, const report_format *f);
/* The SARIF 2.1.0 schema a SARIF document names. */
#define REPORT_SARIF_SCHEMA \
	"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

/* The rules with an error finding on p, each counted once (JUnit's failures). */
size_t report_failed_rules(const platform_result *p);

void report_summarize(const report *rep, report_summary *s);
/* 1 when a finding is an error or a platform could not be read (invalid,
 * even under a policy that switched the parse rules off or down), else 0. */
int report_exit_status(const report_summary *s);
void report_summary_add(report_summary *s, const platform_result *p);

/* What the JSON formats share: `j` dumped with two-space indentation, its
 * lines after the first indented by `indent` more (to nest it in a
 * document written piece by piece); jansson's own layout otherwise. */
int report_json_put(FILE *out, const void *json, int indent);
/* A JSON string of `s` made valid UTF-8 (names and messages come from
 * declarations and pushes), or null for NULL: a new json_t *. */
void *report_json_text(const char *s);
/* `text` with `indent` spaces after each newline: the JSON formats' own
 * pieces, nested as deep as the document needs. */
void report_put_indented(FILE *out, const char *text, size_t len, int indent);

/* A copy of `s` safe to embed: invalid UTF-8 becomes U+FFFD; with
 * `for_xml`, characters XML 1.0 forbids (C0 controls but tab and newlines,
 * U+FFFE, U+FFFF) become U+FFFD too. Free it. */
char *report_clean_text(const char *s, int for_xml);


/* The severity a rule has in this run before --strict: the policy's
 * override, else the rule's own (PPREG_SEV_OFF when switched off). */
int report_rule_severity(const report *rep, const ppreg_rule *rule);

/* The names --format accepts, for help and messages: "text, json, ...". */
const char *report_format_names(void);
/* The format name nearest to a mistyped one, or NULL. */
const char *report_format_near(const char *name);

/* Whether text written to `out` is coloured: a terminal, unless NO_COLOR
 * is set to anything (no-color.org); CLICOLOR_FORCE (not "0") forces it
 * elsewhere, NO_COLOR still winning. */
int report_colour_wanted(FILE *out);

#endif
