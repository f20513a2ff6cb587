/*
 * hook/output.c - where a hook's output goes (output.h), and the
 * merging of the reports of every state a hook run judged into one
 * document for the structured formats: JSON, SARIF, JUnit, TAP, GitHub.
 * The merging reads back the documents report_*.c wrote, so it knows
 * their shape: each format's part says what it expects.
 */
#include "hook/output.h"

#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* ---- where a hook's output goes ---- */

typedef struct {
	char *ref;     /* the reference, NULL for the staged content */
	char *commit;  /* hex id, NULL for the staged content or when unknown */
	char *label;   /* "REF commit ID", "staged changes" */
	int status;    /* the exit status this state alone deserves */
	char *doc;     /* its report in the format, NULL when it could not be judged */
	char *error;   /* why it could not be judged */
} judged_state;

void hook_output_init(hook_output *h, const char *hook, const char *format)
{
	memset(h, 0, sizeof *h);
	h->hook = hook;
	h->format = format;
	h->structured = strcmp(format, "text") != 0;
	h->msg = h->structured ? stderr : stdout;
}

static judged_state *keep_state(hook_output *h, const state_id *id, int status)
{
	judged_state *s = xcalloc(1, sizeof *s);
	s->ref = id->ref ? xstrdup(id->ref) : NULL;
	s->commit = id->commit ? xstrdup(id->commit) : NULL;
	s->label = xstrdup(id->label);
	s->status = status;
	ptrvec_push(&h->states, s);
	return s;
}

static void states_free(hook_output *h)
{
	for (size_t i = 0; i < h->states.n; i++) {
		judged_state *s = h->states.v[i];
		free(s->ref);
		free(s->commit);
		free(s->label);
		free(s->doc);
		free(s->error);
		free(s);
	}
	free(h->states.v);
	memset(&h->states, 0, sizeof h->states);
}

int hook_cannot_judge(hook_output *h, const state_id *id, const char *why)
{
	fprintf(h->msg, "ppreg: %s: REJECTED, cannot be judged: %s\n", id->label, why);
	if (h->structured)
		keep_state(h, id, 2)->error = xstrdup(why);
	return 2;
}

int hook_write_report(hook_output *h, const report *rep, const state_id *id, int status,
                      int any_finding)
{
	const report_format *fmt = report_format_named(h->format);
	if (!h->structured)
		return any_finding ? report_write(stdout, rep, fmt) : 0;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem)
		return error_set("cannot keep the report: %s", strerror(errno));
	int rc = report_write(mem, rep, fmt);
	if (fclose(mem) != 0 && rc == 0)
		rc = error_set("cannot keep the report: %s", strerror(errno));
	if (rc < 0) {
		free(buf);
		return -1;
	}
	keep_state(h, id, status)->doc = buf;
	return 0;
}

/* ---- one document for the whole hook run ---- */

/* Pieces of the documents report/junit.c and report/tap.c write. */
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define JUNIT_END "</testsuites>\n"
#define TAP_HEAD "TAP version 13\n"

/* Names and messages come from pushes: made valid UTF-8 for JSON. */
static json_t *text_or_null(const char *s)
{
	if (!s)
		return json_null();
	char *clean = report_clean_text(s, 0);
	json_t *j = json_string(clean);
	free(clean);
	return j;
}

static int dump_json(json_t *root, const char *what)
{
	if (!root)
		return error_set("cannot build the %s document", what);
	int rc = json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (rc < 0 || fputc('\n', stdout) == EOF || ferror(stdout))
		return error_set("cannot write the %s document", what);
	return 0;
}

static json_t *state_json(const judged_state *s)
{
	json_t *j = json_pack("{s:o, s:o, s:i}", "ref", text_or_null(s->ref),
	                      "commit", text_or_null(s->commit), "exit", s->status);
	if (!j)
		return NULL;
	if (!s->doc)
		json_object_set_new(j, "error", text_or_null(s->error));
	else {
		json_error_t e;
		json_t *doc = json_loads(s->doc, 0, &e);
		if (!doc) {
			json_decref(j);
			error_set("a state's JSON report does not parse: %s", e.text);
			return NULL;
		}
		json_object_set_new(j, "report", doc);
	}
	return j;
}

/* {"tool", "hook", "exit", "states": [{"ref", "commit", "exit", "report" or "error"}]} */
static int emit_json(const hook_output *h, int rc)
{
	json_t *states = json_array();
	for (size_t i = 0; i < h->states.n; i++) {
		json_t *j = state_json(h->states.v[i]);
		if (!j) {
			json_decref(states);
			return -1;
		}
		json_array_append_new(states, j);
	}
	return dump_json(json_pack("{s:{s:s, s:s}, s:s, s:i, s:o}", "tool", "name", "ppreg",
	                           "version", PPREG_VERSION, "hook", h->hook, "exit", rc,
	                           "states", states), "JSON");
}

/* The runs of one state's SARIF report, each told its reference. */
static int append_runs(json_t *runs, const judged_state *s)
{
	json_error_t e;
	json_t *doc = json_loads(s->doc, 0, &e), *these = doc ? json_object_get(doc, "runs") : NULL;
	json_t *one;
	size_t i;
	if (!json_is_array(these)) {
		json_decref(doc);
		return error_set("a state's SARIF report has no runs");
	}
	json_array_foreach(these, i, one) {
		json_t *props = json_object_get(one, "properties");
		if (json_is_object(props))
			json_object_set_new(props, "ref", text_or_null(s->ref));
		json_array_append(runs, one);
	}
	json_decref(doc);
	return 0;
}

/* A state that could not be judged: a run whose invocation failed, and why. */
static json_t *failed_run(const judged_state *s)
{
	char *text = xasprintf("%s: cannot be judged: %s", s->label, s->error);
	json_t *j = json_pack("{s:{s:{s:s, s:s, s:s}}, s:[{s:b, s:[{s:s, s:{s:o}}]}], s:{s:o, s:o}}",
	                      "tool", "driver", "name", "ppreg", "version", PPREG_VERSION,
	                      "semanticVersion", PPREG_VERSION,
	                      "invocations", "executionSuccessful", 0, "toolExecutionNotifications",
	                      "level", "error", "message", "text", text_or_null(text),
	                      "properties", "ref", text_or_null(s->ref), "commit", text_or_null(s->commit));
	free(text);
	return j;
}

static int emit_sarif(const hook_output *h)
{
	json_t *runs = json_array();
	for (size_t i = 0; i < h->states.n; i++) {
		const judged_state *s = h->states.v[i];
		int rc = s->doc ? append_runs(runs, s) : json_array_append_new(runs, failed_run(s));
		if (rc < 0) {
			json_decref(runs);
			return s->doc ? -1 : error_set("cannot build the SARIF document");
		}
	}
	return dump_json(json_pack("{s:s, s:s, s:o}", "$schema", REPORT_SARIF_SCHEMA, "version", "2.1.0",
	                           "runs", runs), "SARIF");
}

/* Reads `lit` then a decimal number at *p; 0 when they are not there. */
static int read_count(const char **p, const char *lit, size_t *out)
{
	size_t n = strlen(lit);
	char *end;
	if (strncmp(*p, lit, n) || !isdigit((unsigned char)(*p)[n]))
		return 0;
	errno = 0;
	unsigned long long v = strtoull(*p + n, &end, 10);
	if (errno)
		return 0;
	*out = (size_t)v;
	*p = end;
	return 1;
}

/* One state's JUnit report as the JUnit format writes it: its totals, and
 * its suites (everything between the <testsuites> lines). */
typedef struct {
	size_t tests, failures;
	const char *suites;
	size_t len;
} junit_part;

static int junit_split(const char *doc, junit_part *part)
{
	size_t len = strlen(doc), decl = strlen(XML_DECL), end = strlen(JUNIT_END);
	const char *p = doc + decl;
	if (len < decl + end || strncmp(doc, XML_DECL, decl) || strcmp(doc + len - end, JUNIT_END) ||
	    !read_count(&p, "<testsuites name=\"ppreg\" tests=\"", &part->tests) ||
	    !read_count(&p, "\" failures=\"", &part->failures) || strncmp(p, "\" errors=\"0\">\n", 14) ||
	    p + 14 > doc + len - end)
		return error_set("a state's JUnit report is not as the JUnit format writes it");
	part->suites = p + 14;
	part->len = (size_t)(doc + len - end - part->suites);
	return 0;
}

/* A state that could not be judged: a suite whose one case is an error. */
static void put_failed_suite(FILE *f, const judged_state *s)
{
	fputs("  <testsuite name=\"", f);
	report_xml_put(f, s->label, 1);
	fputs("\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n    <testcase classname=\"", f);
	report_xml_put(f, s->label, 1);
	fputs("\" name=\"judged\">\n      <error message=\"", f);
	report_xml_put(f, s->error, 1);
	fputs("\"/>\n    </testcase>\n  </testsuite>\n", f);
}

static int emit_junit(const hook_output *h)
{
	junit_part *parts = xcalloc(h->states.n + 1, sizeof *parts);
	size_t tests = 0, failures = 0, errors = 0;
	int rc = 0;
	for (size_t i = 0; i < h->states.n && rc == 0; i++) {
		const judged_state *s = h->states.v[i];
		if (!s->doc)
			tests++, errors++;
		else if ((rc = junit_split(s->doc, &parts[i])) == 0)
			tests += parts[i].tests, failures += parts[i].failures;
	}
	if (rc == 0) {
		printf(XML_DECL "<testsuites name=\"ppreg\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\">\n",
		       tests, failures, errors);
		for (size_t i = 0; i < h->states.n; i++) {
			const judged_state *s = h->states.v[i];
			if (s->doc)
				fwrite(parts[i].suites, 1, parts[i].len, stdout);
			else
				put_failed_suite(stdout, s);
		}
		fputs(JUNIT_END, stdout);
		rc = ferror(stdout) ? error_set("cannot write the JUnit document") : 0;
	}
	free(parts);
	return rc;
}

/* One state's TAP report as the TAP format writes it: its plan and the rest. */
static int tap_split(const char *doc, size_t *n, const char **body)
{
	const char *p = doc + strlen(TAP_HEAD);
	if (strncmp(doc, TAP_HEAD, strlen(TAP_HEAD)) || !read_count(&p, "1..", n) || *p != '\n')
		return error_set("a state's TAP report is not as the TAP format writes it");
	*body = p + 1;
	return 0;
}

/* The test lines of `body` numbered on from *k, comments as they are. */
static void tap_renumber(const char *body, size_t *k)
{
	for (const char *line = body; *line;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) + 1 : strlen(line);
		int failed = !strncmp(line, "not ok ", 7);
		if (failed || !strncmp(line, "ok ", 3)) {
			const char *rest = line + (failed ? 7 : 3);
			rest += strspn(rest, "0123456789");
			printf("%sok %zu", failed ? "not " : "", ++*k);
			fwrite(rest, 1, len - (size_t)(rest - line), stdout);
		} else {
			fwrite(line, 1, len, stdout);
		}
		line += len;
	}
}

static int emit_tap(const hook_output *h)
{
	size_t total = 0, n, k = 0;
	const char *body = NULL;
	for (size_t i = 0; i < h->states.n; i++) {
		const judged_state *s = h->states.v[i];
		if (s->doc && tap_split(s->doc, &n, &body) < 0)
			return -1;
		total += s->doc ? n : 1;
	}
	printf(TAP_HEAD "1..%zu\n", total);
	for (size_t i = 0; i < h->states.n; i++) {
		const judged_state *s = h->states.v[i];
		char *label = display_text(s->label);
		printf("# %s\n", label);
		if (s->doc) {
			tap_split(s->doc, &n, &body);
			tap_renumber(body, &k);
		} else {
			char *why = display_text(s->error);
			printf("not ok %zu - %s: cannot be judged: %s\n", ++k, label, why);
			free(why);
		}
		free(label);
	}
	return ferror(stdout) ? error_set("cannot write the TAP document") : 0;
}

/* GitHub annotations are lines: every state's, one after the other. */
static int emit_lines(const hook_output *h)
{
	for (size_t i = 0; i < h->states.n; i++) {
		const judged_state *s = h->states.v[i];
		if (s->doc)
			fputs(s->doc, stdout);
	}
	return ferror(stdout) ? error_set("cannot write the report") : 0;
}

static int emit_document(const hook_output *h, int rc)
{
	if (!strcmp(h->format, "json"))
		return emit_json(h, rc);
	if (!strcmp(h->format, "sarif"))
		return emit_sarif(h);
	if (!strcmp(h->format, "junit"))
		return emit_junit(h);
	if (!strcmp(h->format, "tap"))
		return emit_tap(h);
	return emit_lines(h);
}

int hook_finish(hook_output *h, int rc)
{
	if (h->structured && emit_document(h, rc) < 0) {
		fprintf(h->msg, "ppreg: cannot write the %s document: %s\n", h->format, error_last());
		rc = 2;
	}
	fflush(stdout);
	states_free(h);
	return rc;
}
