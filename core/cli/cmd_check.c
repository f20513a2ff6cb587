/*
 * cli/cmd_check.c - `ppreg check`: judge every platform (or those named) of a
 * registry at a revision, and report in the chosen format.
 */
#include "judge/changed.h"
#include "cli/cmd_check.h"
#include "cli/options.h"
#include "judge/judge.h"
#include "report/report.h"
#include "yaml/scalar.h"
#include "yaml/date.h"
#include "judge/platform_check.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
	"usage: ppreg check [PATH] [--rev REV | --worktree] [--platform ID]...\n"
	"                   [--changed BASE..HEAD] [--policy FILE] [--as-of DATE]\n"
	"                   [--format F] [--strict]\n"
	"                   [--jobs N] [--plugin-dir DIR] [--fail-on-plugin-error]\n\n"
	"Validates the platforms of the registry at PATH (default: .), read from Git at\n"
	"REV (default HEAD) or, with --worktree, from the files on disk.\n\n"
	"  --rev REV         revision to read (a commit, branch or tag)\n"
	"  --worktree        read the working files instead of a commit\n"
	"  --platform ID     check only this platform (repeatable)\n"
	"  --changed BASE..HEAD\n"
	"                    check only what changed between two revisions: the\n"
	"                    platforms added or modified (a deleted one is reported\n"
	"                    removed), registry.yaml when it changed, and a\n"
	"                    core.outside-change finding for any other file;\n"
	"                    BASE...HEAD compares HEAD with the merge base, as a\n"
	"                    pull request does; HEAD defaults to HEAD\n"
	"  --policy FILE     use this policy instead of the one registry.yaml names\n"
	"  --as-of DATE      'today' for every date rule (default: current UTC date)\n"
	"  --format F        text (default), json, tap, sarif (SARIF 2.1.0),\n"
	"                    junit (JUnit XML), github (Actions annotations)\n"
	"  --strict          warnings count as errors\n"
	"  --jobs N          platforms checked in parallel (default: one per core;\n"
	"                    the output is identical for any N)\n"
	"  --fail-on-plugin-error\n"
	"                    a plugin that crashes or hangs stops the run (exit 2)\n"
	"                    instead of a core.plugin-error finding\n"
	"  --plugin-dir DIR  load plugins from DIR (default: $PPREG_PLUGIN_DIR, then\n"
	"                    the plugins/ folder next to the executable)\n\n"
	"Exit status: 0 all compliant, 1 a finding of severity error, 2 nothing judged.\n";

typedef struct {
	run_options run;
	const char *format;
	ptrvec platforms;
	const char *changed;     /* --changed as given */
	char *base;              /* its BASE, and its HEAD in run.rev */
	int merge_base;          /* BASE...HEAD */
	long jobs;
	int fail_on_plugin_error;
} check_options;

/* --changed BASE..HEAD or BASE...HEAD; an empty HEAD is HEAD. It fixes
 * the revision read, so it excludes --rev, --worktree and --platform. */
static int parse_changed(check_options *o)
{
	const char *dots = strstr(o->changed, "..");
	if (o->run.rev || o->run.worktree || o->platforms.n)
		return usage_error("check", "--changed excludes --rev, --worktree and --platform");
	if (!dots || dots == o->changed)
		return usage_error("check", "--changed '%s' is not BASE..HEAD", o->changed);
	o->merge_base = dots[2] == '.';
	const char *head = dots + 2 + o->merge_base;
	if (strstr(head, ".."))
		return usage_error("check", "--changed '%s' is not BASE..HEAD", o->changed);
	o->base = xstrndup(o->changed, (size_t)(dots - o->changed));
	o->run.rev = *head ? head : "HEAD";
	return 0;
}

static int parse_options(check_options *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"rev", required_argument, 0, 'r'}, {"worktree", no_argument, 0, 'w'},
		{"platform", required_argument, 0, 'p'}, {"policy", required_argument, 0, 'P'},
		{"as-of", required_argument, 0, 'a'}, {"format", required_argument, 0, 'f'},
		{"strict", no_argument, 0, 's'}, {"jobs", required_argument, 0, 'j'},
		{"plugin-dir", required_argument, 0, 'D'}, {"help", no_argument, 0, 'h'},
		{"fail-on-plugin-error", no_argument, 0, 'F'}, {"changed", required_argument, 0, 'c'},
		{0, 0, 0, 0}};
	const char *as_of = NULL, *format = NULL, *jobs = NULL;
	int c, bad = 0;
	optind = 1;
	while (!bad && (c = getopt_long(argc, argv, "hj:", longopts, NULL)) != -1) {
		switch (c) {
		case 'r': bad = option_once("check", &o->run.rev, "--rev"); break;
		case 'w': bad = flag_once("check", &o->run.worktree, "--worktree"); break;
		case 'p': ptrvec_push(&o->platforms, optarg); break;
		case 'P': bad = option_once("check", &o->run.policy_file, "--policy"); break;
		case 'a': bad = option_once("check", &as_of, "--as-of"); break;
		case 'f': bad = option_once("check", &format, "--format"); break;
		case 's': bad = flag_once("check", &o->run.strict, "--strict"); break;
		case 'j': bad = option_once("check", &jobs, "--jobs"); break;
		case 'D': bad = option_once("check", &o->run.plugin_dir, "--plugin-dir"); break;
		case 'F': bad = flag_once("check", &o->fail_on_plugin_error, "--fail-on-plugin-error"); break;
		case 'c': bad = option_once("check", &o->changed, "--changed"); break;
		case 'h': fputs(help, stdout); return 1;
		default: return usage_error("check", "see 'ppreg check --help'");
		}
	}
	if (bad)
		return bad;
	if (format)
		o->format = format;
	if (optind < argc - 1)
		return usage_error("check", "one registry PATH at most");
	o->run.registry_path = optind < argc ? argv[optind] : ".";
	if (o->run.worktree && o->run.rev)
		return usage_error("check", "--rev and --worktree exclude each other");
	if (parse_as_of(as_of, &o->run.as_of) < 0)
		return usage_error("check", "--as-of '%s' is not a date YYYY-MM-DD", as_of);
	if (!report_format_named(o->format))
		return usage_error("check", "unknown --format '%s' (%s)", o->format, report_format_names());
	if (o->changed && parse_changed(o))
		return 2;
	return option_jobs("check", jobs, &o->jobs);
}

static int stream_platform(void *ctx, size_t index, platform_result *res)
{
	(void)index;
	return report_doc_platform(ctx, res);
}

/* Judges the platforms named (or all), in registry order, each written to
 * the report as it is judged: memory does not grow with the registry. */
static int check_platforms(run *r, const check_options *o, report *rep, report_summary *sum)
{
	char **ids = NULL;
	size_t n = 0;
	report_doc d;
	if (run_named_ids(r, (char *const *)o->platforms.v, o->platforms.n, &ids, &n) < 0)
		return ERR_FAIL;
	judge_options jo = {.jobs = o->jobs, .fail_on_plugin_error = o->fail_on_plugin_error};
	int rc = report_doc_open(&d, report_format_named(o->format), NULL);
	if (rc == 0)
		rc = report_doc_begin(&d, rep, NULL);
	if (rc == 0)
		rc = judge_platforms_each(r, ids, n, &jo, stream_platform, &d);
	if (rc == 0 && !o->platforms.n) {
		/* registry.yaml's own findings, after the platforms, as --changed does */
		platform_result reg;
		rc = changed_judge_registry_yaml(r, &reg);
		if (rc > 0)
			rc = report_doc_platform(&d, &reg);
		platform_result_free(&reg);
	}
	if (rc == 0)
		rc = report_doc_end(&d);
	if (rc == 0)
		rc = report_doc_finish(&d, stdout, 0);
	*sum = d.sum;
	report_doc_close(&d);
	registry_free_ids(ids, n);
	return rc;
}

/* --changed: the few platforms a range touches, and the registry's own. */
static int check_changes(run *r, const check_options *o, report *rep, report_summary *sum)
{
	registry_changes ch = {0};
	changed_result judged = {0};
	judge_options jo = {.jobs = o->jobs, .fail_on_plugin_error = o->fail_on_plugin_error};
	int rc = registry_changes_since(r->reg, o->base, o->merge_base, &ch) < 0 ||
	         changed_judge(r, &ch, &jo, &judged) < 0 ? ERR_FAIL : 0;
	report_set_change(rep, &judged);
	if (rc == 0 && report_write(stdout, rep, report_format_named(o->format)) < 0)
		rc = ERR_FAIL;
	report_summarize(rep, sum);
	changed_result_free(&judged);
	rep->platforms = NULL;
	rep->n_platforms = 0;
	registry_changes_free(&ch);
	return rc;
}

int cmd_check(int argc, char **argv)
{
	check_options o = {.format = "text", .jobs = 0};
	int rc = parse_options(&o, argc, argv);
	if (rc) {
		free(o.platforms.v);
		free(o.base);
		return rc == 1 ? 0 : rc;
	}
	run *r = NULL;
	report rep = {0};
	report_summary s = {0};
	if (run_open(&r, &o.run) < 0) {
		rc = usage_error("check", "%s", error_last());
		goto done;
	}
	rep.run = r;
	rep.registry_path = o.run.registry_path;
	rep.commit = registry_commit(r->reg);
	date_format(o.run.as_of, rep.as_of);
	if ((o.changed ? check_changes(r, &o, &rep, &s) : check_platforms(r, &o, &rep, &s)) < 0 ||
	    fflush(stdout) != 0) {
		rc = usage_error("check", "%s", error_last());
		goto done;
	}
	rc = report_exit_status(&s);
done:
	run_free(r);
	free(o.platforms.v);
	free(o.base);
	return rc;
}
