/*
 * cmd_hook.c - `ppreg hook`: ppreg run by Git itself.
 *
 *   pre-receive          on the registry's server (a bare repository): reads
 *                        the "OLD NEW REF" lines Git gives, judges every
 *                        commit the push brings (not only the tips), and
 *                        rejects the whole push when any has an error;
 *   update REF OLD NEW   the same for one reference (Git's update hook, which
 *                        can reject one branch and accept the others);
 *   pre-commit [PATH]    in a checkout: the staged content (the index), not
 *                        the working files;
 *   install [PATH]       writes the right one of these into a repository.
 *
 * A commit is judged like `check --changed PARENT..COMMIT`: the platforms it
 * changes against its first parent (all of them for a root commit), at that
 * commit, with the policy its registry.yaml names (or --policy). A deleted
 * reference, or one moved to commits a branch or tag already has, brings
 * nothing to judge. Only branches and tags hold registry states: another
 * reference (refs/notes/, a review reference) is accepted unjudged. Nothing is written anywhere: pushed objects are read
 * from Git's quarantine, and Git drops them when the hook says no.
 *
 * Git shows what a hook prints to the pusher ("remote: ..."), so findings go
 * to stdout in the chosen format: in text, after a header line per state;
 * in any other format, as one document for the whole run, with the header
 * and verdict lines on stderr (see hook_output). Exit 0 accepts, 1 rejects
 * (a finding of severity error), 2 rejects because nothing could be judged.
 */
#include "changes.h"
#include "commands.h"
#include "report.h"
#include "scalar.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The hook install writes: HOOK_HEAD, the command line, HOOK_TAIL. The
 * mark is its second line. */
#define INSTALLED_MARK "# installed by ppreg"
#define HOOK_HEAD "#!/bin/sh\n" INSTALLED_MARK ": the registry's declarations are checked before Git\n" \
	"# accepts them. `ppreg hook install` rewrites this file; delete it to stop.\nexec "
#define HOOK_TAIL " \"$@\"\n"
/* A hook ppreg writes is a few hundred bytes (paths are at most PATH_MAX). */
#define MAX_HOOK_BYTES (64 * 1024)
#define MAX_LISTED 10   /* platform ids named in a commit's header line */

static const char help[] =
	"usage: ppreg hook pre-receive [PATH] [options]  (server: reads OLD NEW REF lines)\n"
	"       ppreg hook update REF OLD NEW [options]  (server: one reference)\n"
	"       ppreg hook pre-commit [PATH] [options]   (checkout: the staged content)\n"
	"       ppreg hook install [PATH] [--hook NAME] [--force] [options]\n\n"
	"Runs ppreg as a Git hook. pre-receive and update judge every commit a push\n"
	"brings to a branch or a tag (other references are accepted unjudged), each\n"
	"against its first parent, and reject the push when one has a finding of\n"
	"severity error. pre-commit judges what `git commit` would record. With a\n"
	"--format other than text, stdout is one document for the whole run and the\n"
	"header and verdict lines go to stderr.\n"
	"install writes a hook where Git runs hooks from, in the repository at PATH\n"
	"(default .): pre-receive in a bare repository, pre-commit in a checkout (PATH\n"
	"may be the registry's folder inside it); it refuses to replace a hook that\n"
	"is not exactly one it writes.\n\n"
	"  --policy FILE     use this policy instead of the one registry.yaml names\n"
	"  --plugin-dir DIR  load plugins from DIR\n"
	"  --as-of DATE      'today' for every date rule (default: current UTC date)\n"
	"  --format F        text (default), json, tap, sarif, junit, github\n"
	"  --strict          warnings count as errors\n"
	"  --jobs N          platforms checked in parallel\n"
	"  --hook NAME       install: pre-receive, update or pre-commit\n"
	"  --force           install: replace any hook\n\n"
	"Exit status: 0 accepted, 1 rejected for a finding, 2 rejected: nothing judged.\n";

typedef struct {
	run_options run;
	const char *as_of_text;  /* as given, for install */
	const char *format;
	long jobs;
	const char *hook;        /* install --hook */
	int force;
	ptrvec args;             /* positional arguments after the subcommand */
} hook_options;

static int parse_options(hook_options *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"policy", required_argument, 0, 'P'}, {"plugin-dir", required_argument, 0, 'D'},
		{"as-of", required_argument, 0, 'a'}, {"format", required_argument, 0, 'f'},
		{"strict", no_argument, 0, 's'}, {"jobs", required_argument, 0, 'j'},
		{"hook", required_argument, 0, 'H'}, {"force", no_argument, 0, 'F'},
		{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "hj:", longopts, NULL)) != -1) {
		switch (c) {
		case 'P': o->run.policy_file = optarg; break;
		case 'D': o->run.plugin_dir = optarg; break;
		case 'a': o->as_of_text = optarg; break;
		case 'f': o->format = optarg; break;
		case 's': o->run.strict = 1; break;
		case 'j': {
			char *end;
			o->jobs = strtol(optarg, &end, 10);
			if (*end || end == optarg || o->jobs < 1 || o->jobs > 1024)
				return usage_error("hook", "--jobs must be between 1 and 1024");
			break;
		}
		case 'H': o->hook = optarg; break;
		case 'F': o->force = 1; break;
		case 'h': fputs(help, stdout); return 1;
		default: return usage_error("hook", "see 'ppreg hook --help'");
		}
	}
	while (optind < argc)
		ptrvec_push(&o->args, argv[optind++]);
	if (parse_as_of(o->as_of_text, &o->run.as_of) < 0)
		return usage_error("hook", "--as-of '%s' is not a date YYYY-MM-DD", o->as_of_text);
	if (!report_for_format(o->format))
		return usage_error("hook", "unknown --format '%s' (%s)", o->format, report_format_names());
	return 0;
}

/* ---- where a hook's output goes ---- */

/*
 * In text, everything goes to stdout as it comes, as Git shows it to the
 * pusher: each state's header line, its report, the verdict. With any other
 * format stdout must be one document a program can read, however many
 * commits and references a push brings. The header and verdict lines then
 * go to stderr (Git shows both streams to the pusher), each state's report
 * is kept, and hook_finish() writes them all as one document: JSON
 * {"hook", "exit", "states": [...]}, SARIF with one run per state, JUnit
 * with every state's suites under one <testsuites>, TAP renumbered under
 * one plan, GitHub annotations one after the other.
 */
typedef struct {
	char *ref;     /* the reference, NULL for the staged content */
	char *commit;  /* hex id, NULL for the staged content or when unknown */
	char *label;   /* "REF commit ID", "staged changes" */
	int status;    /* the exit status this state alone deserves */
	char *doc;     /* its report in the format, NULL when it could not be judged */
	char *error;   /* why it could not be judged */
} judged_state;

/* Which state: what keep_state() copies into a judged_state. */
typedef struct {
	const char *ref, *commit, *label;
} state_id;

typedef struct {
	const char *hook;    /* pre-receive, update, pre-commit */
	const char *format;
	int structured;      /* not text: stdout holds one document */
	FILE *msg;           /* header and verdict lines */
	ptrvec states;       /* judged_state *, kept when structured */
} hook_output;

static void output_init(hook_output *h, const char *hook, const char *format)
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

/* A state that could not be judged: said, and kept with its reason. */
static int cannot_judge(hook_output *h, const state_id *id, const char *why)
{
	fprintf(h->msg, "ppreg: %s: REJECTED, cannot be judged: %s\n", id->label, why);
	if (h->structured)
		keep_state(h, id, 2)->error = xstrdup(why);
	return 2;
}

/* ---- judging one state of the registry ---- */

static void print_ids(FILE *f, const char *what, char **ids, size_t n)
{
	fprintf(f, "; %s ", what);
	for (size_t i = 0; i < n && i < MAX_LISTED; i++)
		fprintf(f, "%s%s", i ? ", " : "", ids[i]);
	if (n > MAX_LISTED)
		fprintf(f, " and %zu more", n - MAX_LISTED);
}

/* One line that says what was judged, so the pusher sees it was:
 * "ppreg: LABEL: ok; checked a, b; removed c; registry.yaml checked". */
static void print_header(FILE *f, const char *label, const registry_changes *ch, int rejected)
{
	fprintf(f, "ppreg: %s: %s", label, rejected ? "REJECTED" : "ok");
	if (!ch->n_checked && !ch->n_removed && !ch->registry_yaml && !ch->n_outside)
		fprintf(f, "; nothing in the registry changed");
	if (ch->n_checked)
		print_ids(f, "checked", ch->checked, ch->n_checked);
	if (ch->n_removed)
		print_ids(f, "removed", ch->removed, ch->n_removed);
	if (ch->registry_yaml)
		fprintf(f, "; registry.yaml checked");
	if (ch->n_outside)
		fprintf(f, "; %zu file%s changed outside the platform folders", ch->n_outside + ch->n_outside_more,
		        ch->n_outside + ch->n_outside_more == 1 ? "" : "s");
	fputc('\n', f);
}

/* The state's report: on stdout in text (only when there is a finding: the
 * header says the rest), kept for hook_finish() in any other format. */
static int write_report(hook_output *h, const report *rep, const state_id *id, int status,
                        int any_finding)
{
	report_fn fn = report_for_format(h->format);
	if (!h->structured)
		return any_finding ? fn(stdout, rep) : 0;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem)
		return error_set("cannot keep the report: %s", strerror(errno));
	int rc = fn(mem, rep);
	if (fclose(mem) != 0 && rc == 0)
		rc = error_set("cannot keep the report: %s", strerror(errno));
	if (rc < 0) {
		free(buf);
		return -1;
	}
	keep_state(h, id, status)->doc = buf;
	return 0;
}

/*
 * Judges the state at `rev` (NULL: the index) against its parent (or
 * HEAD), says what was judged and writes or keeps the report. Returns the
 * exit status this state alone deserves.
 */
static int judge_state(const hook_options *o, hook_output *h, const char *ref, const char *rev,
                       const char *label)
{
	run_options ro = o->run;
	ro.rev = rev;
	ro.worktree = rev ? 0 : REGISTRY_INDEX;
	run *r = NULL;
	registry_changes ch = {0};
	report rep = {0};
	judge_options jo = {.jobs = o->jobs};
	state_id id = {ref, rev, label};
	int rc;
	if (run_open(&r, &ro) < 0 || registry_changes_since(r->reg, NULL, 0, &ch) < 0 ||
	    changes_judge(r, &ch, &jo, &rep) < 0) {
		rc = cannot_judge(h, &id, error_last());
		goto done;
	}
	rep.run = r;
	rep.registry_path = ro.registry_path;
	rep.commit = registry_commit(r->reg);
	date_format(ro.as_of, rep.as_of);
	report_summary s;
	report_summarize(&rep, &s);
	rc = report_exit_status(&s);
	print_header(h->msg, label, &ch, rc);
	if (write_report(h, &rep, &id, rc, s.errors || s.warnings || s.invalid) < 0) {
		char *why = xasprintf("cannot write the report: %s", error_last());
		rc = cannot_judge(h, &id, why);
		free(why);
	}
done:
	fflush(stdout);
	fflush(h->msg);
	changes_report_free(&rep);
	registry_changes_free(&ch);
	run_free(r);
	return rc;
}

/* ---- one document for the whole hook run ---- */

/* What report_sarif.c writes as $schema. */
#define SARIF_SCHEMA "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
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
	return dump_json(json_pack("{s:s, s:s, s:o}", "$schema", SARIF_SCHEMA, "version", "2.1.0",
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

/* One state's JUnit report as report_junit() writes it: its totals, and
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
		return error_set("a state's JUnit report is not as report_junit writes it");
	part->suites = p + 14;
	part->len = (size_t)(doc + len - end - part->suites);
	return 0;
}

/* Attribute text: escaped, and what XML 1.0 cannot carry made U+FFFD. */
static void put_xml_attr(FILE *f, const char *s)
{
	char *clean = report_clean_text(s ? s : "", 1);
	for (const char *p = clean; *p; p++) {
		switch (*p) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\n': fputs("&#10;", f); break;
		case '\r': fputs("&#13;", f); break;
		case '\t': fputs("&#9;", f); break;
		default: fputc(*p, f);
		}
	}
	free(clean);
}

/* A state that could not be judged: a suite whose one case is an error. */
static void put_failed_suite(FILE *f, const judged_state *s)
{
	fputs("  <testsuite name=\"", f);
	put_xml_attr(f, s->label);
	fputs("\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n    <testcase classname=\"", f);
	put_xml_attr(f, s->label);
	fputs("\" name=\"judged\">\n      <error message=\"", f);
	put_xml_attr(f, s->error);
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

/* One state's TAP report as report_tap() writes it: its plan and the rest. */
static int tap_split(const char *doc, size_t *n, const char **body)
{
	const char *p = doc + strlen(TAP_HEAD);
	if (strncmp(doc, TAP_HEAD, strlen(TAP_HEAD)) || !read_count(&p, "1..", n) || *p != '\n')
		return error_set("a state's TAP report is not as report_tap writes it");
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

/* The end of a hook run: the one document (structured formats); returns
 * the hook's exit status, 2 when the document cannot be written. */
static int hook_finish(hook_output *h, int rc)
{
	if (h->structured && emit_document(h, rc) < 0) {
		fprintf(h->msg, "ppreg: cannot write the %s document: %s\n", h->format, error_last());
		rc = 2;
	}
	fflush(stdout);
	states_free(h);
	return rc;
}

static int worse(int a, int b)
{
	return a > b ? a : b;
}

/* ---- the server's hooks ---- */

static int is_object_id(const char *s)
{
	size_t n = strspn(s, "0123456789abcdef");
	return !s[n] && (n == 40 || n == 64);
}

static int is_zero_id(const char *s)
{
	return !s[strspn(s, "0")];
}

typedef struct {
	ptrvec ids;  /* commits already judged in this push */
} seen_set;

static int seen_before(seen_set *seen, const char *id)
{
	for (size_t i = 0; i < seen->ids.n; i++)
		if (!strcmp(seen->ids.v[i], id))
			return 1;
	ptrvec_push(&seen->ids, xstrdup(id));
	return 0;
}

/* One reference update: every new commit it brings, oldest first. */
static int judge_update(const hook_options *o, hook_output *h, const char *old, const char *new,
                        const char *ref, seen_set *seen)
{
	if (!is_object_id(old) || !is_object_id(new) || !*ref) {
		char *why = xasprintf("'%s %s %s' is not OLD NEW REF", old, new, ref);
		state_id id = {*ref ? ref : NULL, NULL, *ref ? ref : "input"};
		int rc = cannot_judge(h, &id, why);
		free(why);
		return rc;
	}
	if (is_zero_id(new))
		return fprintf(h->msg, "ppreg: %s: deleted; nothing to check\n", ref), 0;
	if (!registry_is_state_ref(ref))
		return fprintf(h->msg, "ppreg: %s: not a branch or tag; accepted without judging\n", ref), 0;
	char **ids = NULL;
	size_t n = 0;
	if (registry_new_commits(o->run.registry_path, new, &ids, &n) < 0) {
		char *why = xasprintf("cannot list its commits: %s", error_last());
		state_id id = {ref, NULL, ref};
		int rc = cannot_judge(h, &id, why);
		free(why);
		return rc;
	}
	if (!n)
		fprintf(h->msg, "ppreg: %s: %s; no new commit to check\n", ref,
		        is_zero_id(old) ? "created" : "updated");
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		if (seen_before(seen, ids[i]))
			continue;
		char *label = xasprintf("%s commit %.12s", ref, ids[i]);
		rc = worse(rc, judge_state(o, h, ref, ids[i], label));
		free(label);
	}
	registry_free_ids(ids, n);
	return rc;
}

static int verdict_line(const hook_output *h, int rc)
{
	if (rc == 1)
		fprintf(h->msg, "ppreg: push rejected: fix the findings above (`ppreg rules RULE` explains "
		        "one) and push again\n");
	else if (rc)
		fprintf(h->msg, "ppreg: push rejected: it could not be judged\n");
	fflush(h->msg);
	return rc;
}

static int hook_pre_receive(const hook_options *o)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	seen_set seen = {{0}};
	hook_output h;
	int rc = 0, any = 0;
	output_init(&h, "pre-receive", o->format);
	while ((len = getline(&line, &cap, stdin)) > 0) {
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (!len)
			continue;
		char *save = NULL;
		char *old = strtok_r(line, " ", &save), *new = strtok_r(NULL, " ", &save);
		char *ref = strtok_r(NULL, "", &save);
		any = 1;
		rc = worse(rc, judge_update(o, &h, old ? old : "", new ? new : "", ref ? ref : "", &seen));
	}
	free(line);
	registry_free_ids((char **)seen.ids.v, seen.ids.n);
	if (!any)
		fprintf(h.msg, "ppreg: no reference updated; nothing to check\n");
	return verdict_line(&h, hook_finish(&h, rc));
}

static int hook_update(const hook_options *o)
{
	if (o->args.n != 3)
		return usage_error("hook", "update takes REF OLD NEW (as Git gives them)");
	seen_set seen = {{0}};
	hook_output h;
	output_init(&h, "update", o->format);
	int rc = judge_update(o, &h, o->args.v[1], o->args.v[2], o->args.v[0], &seen);
	registry_free_ids((char **)seen.ids.v, seen.ids.n);
	return verdict_line(&h, hook_finish(&h, rc));
}

static int hook_pre_commit(hook_options *o)
{
	if (o->args.n > 1)
		return usage_error("hook", "pre-commit takes one registry PATH at most");
	o->run.registry_path = o->args.n ? o->args.v[0] : ".";
	hook_output h;
	output_init(&h, "pre-commit", o->format);
	int rc = hook_finish(&h, judge_state(o, &h, NULL, NULL, "staged changes"));
	if (rc == 1)
		fprintf(h.msg, "ppreg: commit refused: fix the findings above, `git add` the files, commit again\n");
	fflush(h.msg);
	return rc;
}

/* ---- install ---- */

/* `s` quoted for sh: inside single quotes, ' becomes '\''. */
static void put_quoted(ptrvec *parts, const char *s)
{
	size_t n = 2;
	for (const char *p = s; *p; p++)
		n += *p == '\'' ? 4 : 1;
	char *q = xmalloc(n + 1), *o = q;
	*o++ = '\'';
	for (const char *p = s; *p; p++) {
		if (*p == '\'')
			memcpy(o, "'\\''", 4), o += 4;
		else
			*o++ = *p;
	}
	*o++ = '\'';
	*o = '\0';
	ptrvec_push(parts, q);
}

static int absolute(const char *path, ptrvec *parts, const char *option)
{
	char buf[PATH_MAX];
	if (!realpath(path, buf))
		return error_set("%s: %s", path, strerror(errno));
	ptrvec_push(parts, xstrdup(option));
	put_quoted(parts, buf);
	return 0;
}

/* The hook's command line: this executable, absolute, and the options the
 * install was given, so the hook judges as the installer did. */
static int hook_command(const hook_options *o, const char *hook, const char *prefix, char **out)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return error_set("cannot find this executable's path");
	exe[n] = '\0';
	ptrvec parts = {0};
	int rc = 0;
	put_quoted(&parts, exe);
	ptrvec_push(&parts, xasprintf("hook %s", hook));
	if (!strcmp(hook, "pre-commit") && *prefix)
		put_quoted(&parts, prefix);
	if (o->run.policy_file)
		rc |= absolute(o->run.policy_file, &parts, "--policy");
	if (o->run.plugin_dir)
		rc |= absolute(o->run.plugin_dir, &parts, "--plugin-dir");
	if (o->as_of_text)
		ptrvec_push(&parts, xasprintf("--as-of %s", o->as_of_text));
	if (o->run.strict)
		ptrvec_push(&parts, xstrdup("--strict"));
	if (strcmp(o->format, "text"))
		ptrvec_push(&parts, xasprintf("--format %s", o->format));
	size_t len = 1;
	for (size_t i = 0; i < parts.n; i++)
		len += strlen(parts.v[i]) + 1;
	*out = xcalloc(1, len);
	for (size_t i = 0; i < parts.n; i++) {
		strcat(strcat(*out, i ? " " : ""), parts.v[i]);
		free(parts.v[i]);
	}
	free(parts.v);
	return rc ? -1 : 0;
}

/*
 * Whether a hook file is one ppreg writes, byte for byte: the fixed lines
 * (the mark on the second), then `exec` with a command line of the shape
 * hook_command() gives, then nothing else. A mark alone is not enough: an
 * administrator who added a line to a hook ppreg installed, or put the
 * mark in a hook of their own, must not lose that work to a reinstall.
 */
typedef struct {
	const char *p, *end;
} cursor;

/* Consumes `lit` when it comes next. */
static int take(cursor *c, const char *lit)
{
	size_t n = strlen(lit);
	if ((size_t)(c->end - c->p) < n || memcmp(c->p, lit, n))
		return 0;
	c->p += n;
	return 1;
}

/* Consumes one word quoted as put_quoted() writes it: '...', each ' inside
 * written '\''. */
static int take_quoted(cursor *c)
{
	if (!take(c, "'"))
		return 0;
	for (;;) {
		const char *q = memchr(c->p, '\'', (size_t)(c->end - c->p));
		if (!q)
			return 0;
		c->p = q + 1;
		if (!take(c, "\\''"))
			return 1;
	}
}

/* Consumes a bare word of the bytes in `set` (at most 15), into `word`. */
static int take_bare(cursor *c, const char *set, char word[16])
{
	size_t n = 0;
	while (c->p + n < c->end && n < 15 && c->p[n] && strchr(set, c->p[n]))
		n++;
	if (!n || (c->p + n < c->end && c->p[n] != ' '))
		return 0;
	memcpy(word, c->p, n);
	word[n] = '\0';
	c->p += n;
	return 1;
}

/* An option hook_command() may write: `--name VALUE` or absent. */
static int take_quoted_option(cursor *c, const char *option)
{
	return !take(c, option) || take_quoted(c);
}

/* pre-commit's registry folder: ` 'FOLDER'` or absent. */
static int take_prefix(cursor *c)
{
	cursor word = *c;
	if (!take(&word, " '"))
		return 1;
	c->p++;
	return take_quoted(c);
}

static int take_as_of(cursor *c)
{
	char word[16];
	ppreg_date d;
	return !take(c, " --as-of ") || (take_bare(c, "0123456789-", word) && scalar_date(word, &d) == 0);
}

static int take_format(cursor *c)
{
	char word[16];
	return !take(c, " --format ") ||
	       (take_bare(c, "abcdefghijklmnopqrstuvwxyz", word) && strcmp(word, "text") &&
	        report_for_format(word));
}

static int is_hook_command(cursor *c)
{
	if (!take_quoted(c) || !take(c, " hook "))
		return 0;
	int pre_commit = take(c, "pre-commit");
	if (!pre_commit && !take(c, "pre-receive") && !take(c, "update"))
		return 0;
	if (pre_commit && !take_prefix(c))
		return 0;
	if (!take_quoted_option(c, " --policy ") || !take_quoted_option(c, " --plugin-dir ") ||
	    !take_as_of(c))
		return 0;
	take(c, " --strict");
	return take_format(c) && c->p == c->end;
}

static int is_ppreg_hook(const unsigned char *data, size_t len)
{
	size_t head = strlen(HOOK_HEAD), tail = strlen(HOOK_TAIL);
	if (len < head + tail || memcmp(data, HOOK_HEAD, head) || memcmp(data + len - tail, HOOK_TAIL, tail))
		return 0;
	cursor c = {(const char *)data + head, (const char *)data + len - tail};
	return is_hook_command(&c);
}

/* 0 when `file` can be written: absent, or exactly a hook ppreg writes. */
static int may_replace(const char *file, int force)
{
	struct stat st;
	unsigned char *data = NULL;
	size_t len = 0;
	if (lstat(file, &st) < 0)
		return errno == ENOENT ? 0 : error_set("%s: %s", file, strerror(errno));
	int ours = S_ISREG(st.st_mode) && read_file_nofollow(file, MAX_HOOK_BYTES, &data, &len) == 0 &&
	           is_ppreg_hook(data, len);
	free(data);
	if (ours || force)
		return 0;
	return error_set("%s exists and is not a hook as ppreg writes it (another program's, or one "
	                 "edited since); keep it, or replace it with --force", file);
}

static int hook_install(const hook_options *o)
{
	if (o->args.n > 1)
		return usage_error("hook", "install takes one repository PATH at most");
	const char *path = o->args.n ? o->args.v[0] : ".";
	registry_layout l;
	char *file = NULL, *cmd = NULL, *script = NULL;
	int rc = 2;
	if (registry_hook_layout(path, &l) < 0)
		return usage_error("hook", "%s", error_last());
	const char *hook = o->hook ? o->hook : l.bare ? "pre-receive" : "pre-commit";
	if (strcmp(hook, "pre-receive") && strcmp(hook, "update") && strcmp(hook, "pre-commit")) {
		usage_error("hook", "--hook '%s': pre-receive, update or pre-commit", hook);
		goto done;
	}
	if (l.bare && !strcmp(hook, "pre-commit")) {
		usage_error("hook", "%s is bare: it has no commits made in it, install pre-receive", path);
		goto done;
	}
	file = xasprintf("%s/%s", l.hooks_dir, hook);
	if (mkdir(l.hooks_dir, 0755) < 0 && errno != EEXIST) {
		usage_error("hook", "%s: %s", l.hooks_dir, strerror(errno));
		goto done;
	}
	if (may_replace(file, o->force) < 0 || hook_command(o, hook, l.prefix, &cmd) < 0) {
		usage_error("hook", "%s", error_last());
		goto done;
	}
	script = xasprintf("%s%s%s", HOOK_HEAD, cmd, HOOK_TAIL);
	if (write_file_atomic(file, script, strlen(script), 0755) < 0) {
		usage_error("hook", "%s", error_last());
		goto done;
	}
	printf("ppreg: installed %s\n", file);
	rc = 0;
done:
	free(script);
	free(cmd);
	free(file);
	registry_layout_free(&l);
	return rc;
}

int cmd_hook(int argc, char **argv)
{
	if (argc < 2)
		return usage_error("hook", "which hook? see 'ppreg hook --help'");
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		fputs(help, stdout);
		return 0;
	}
	hook_options o = {.format = "text"};
	o.run.registry_path = ".";
	int rc = parse_options(&o, argc - 1, argv + 1);
	if (rc) {
		free(o.args.v);
		return rc == 1 ? 0 : rc;
	}
	const char *sub = argv[1];
	if (!strcmp(sub, "pre-receive")) {
		if (o.args.n == 1)
			o.run.registry_path = o.args.v[0];
		rc = o.args.n > 1 ? usage_error("hook", "pre-receive takes one repository PATH at most "
		                                "(Git's updates come on stdin)")
		                  : hook_pre_receive(&o);
	}
	else if (!strcmp(sub, "update"))
		rc = hook_update(&o);
	else if (!strcmp(sub, "pre-commit"))
		rc = hook_pre_commit(&o);
	else if (!strcmp(sub, "install"))
		rc = hook_install(&o);
	else
		rc = usage_error("hook", "'%s' is not a hook (pre-receive, update, pre-commit, install)", sub);
	free(o.args.v);
	return rc;
}
