/*
 * desk/site.h - `ppreg site`: a static site of the registry at one commit,
 * the public register and a page per service for the reviewer, readable
 * offline with no script and no server (docs/site.md).
 *
 * The site reads verdicts, it never judges: platforms are judged by the
 * same run as `check` (judge_platforms_each), and each row of
 * register.json is the platform's object of `check --format json` with the
 * register's columns added. Pages are written as platforms are judged; only
 * the register's rows stay in memory.
 */
#ifndef PPREG_SITE_H
#define PPREG_SITE_H

#include "desk/site_attest.h"
#include "desk/site_stats.h"
#include "judge/judge.h"
#include "report/report.h"

#include <stdint.h>
#include <stdio.h>

typedef struct {
	const char *out_dir;          /* -o DIR */
	const char *attestations_dir; /* --attestations DIR, or NULL */
	const char *lang;             /* --lang: "fr" (default) or "en" */
	const char *registry_arg;     /* PATH as given, for the verify command */
	judge_options judge;
} site_options;

/* One service of the register: what index.html, register.csv and the
 * filtered pages show. */
typedef struct {
	const char *id, *page, *name, *kind, *domains, *auth; /* in site.strings */
	verdict verdict;
	char valid_until[11];        /* "" when no dated fact bounds it */
	size_t errors, warnings;
	const site_attestation *attestation; /* of the folder judged, or NULL */
} site_row;

/* Where the rows' strings live: chunks apart from the heap the pages are
 * built in, so ten thousand rows do not leave holes between page buffers
 * (the memory the site keeps is the rows', docs/benchmark.md). */
typedef struct {
	char **chunks;
	size_t n;
	char *at;
	size_t left;
} site_arena;
/* A copy of s (NULL: NULL) that lives as long as the arena. */
const char *site_keep(site_arena *a, const char *s);
void site_arena_free(site_arena *a);

/* The commits that changed platforms, and which ones changed which. */
#define SITE_HISTORY_COMMITS 1000
#define SITE_COMMITS_PER_SERVICE 5
typedef struct {
	char id[65];
	char date[11];
	char *subject;
} site_commit;

typedef struct {
	run *run;
	const site_options *opts;
	const char *lang;             /* the language the text is in */
	char *tmp;                    /* the folder being written */
	char *footer;
	rule_ref *rules;              /* sorted by id */
	size_t n_rules;
	site_attestations att;
	char **ids;
	size_t n_ids;
	site_commit *commits;
	size_t n_commits;
	uint32_t (*history)[SITE_COMMITS_PER_SERVICE]; /* per id: indices of commits, newest first */
	unsigned char *n_history;
	size_t full;                  /* services with SITE_COMMITS_PER_SERVICE commits */
	site_row *rows;
	size_t n_rows;
	site_arena strings;
	site_stats stats;
	FILE *json;                   /* register.json, being written */
	size_t json_items;
	report_summary sum;
} site;

/* Builds the site of r's registry in a folder beside o->out_dir and puts
 * it in its place only when complete: the old site stays whole until then.
 * 0 with the run's totals in *sum; ERR_FAIL with error_last(). */
int site_build(run *r, const site_options *o, report_summary *sum);

/* The language of the site, chosen once: French whatever the locale
 * unless `requested` says otherwise. Returns the language the text will
 * be in, for the pages' lang attribute: `requested` when its messages are
 * translated (or it is English, the messages' own language), else "en".
 * NULL: `requested` is not a language the site knows. */
const char *site_select_language(const char *requested);

/* A verdict as a reader reads it ("Compliant"). */
const char *site_verdict_label(verdict v);

/* The rule `id` of the run, or NULL. */
const rule_ref *site_rule(const site *s, const char *id);

#endif
