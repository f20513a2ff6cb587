/*
 * cli/cmd_check.c - `ppreg check`: judge every platform (or those named) of a
 * registry at a revision, and report in the chosen format.
 */
#include "judge/changed.h"
#include "base/i18n.h"
#include "cli/cmd_check.h"
#include "cli/options.h"
#include "judge/judge.h"
#include "report/report.h"
#include "report/outputs.h"
#include "base/i18n.h"
#include "registry/registry_worktree.h"
#include "yaml/scalar.h"
#include "yaml/date.h"
#include "judge/platform_check.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char *const help = N_("usage: ppreg check [PATH] [--rev REV | --worktree] [--platform ID]...\n"
	"                   [--changed BASE..HEAD] [--policy FILE] [--as-of DATE]\n"
	"                   [--format F[=FILE]]... [-o FILE] [--quiet] [--strict]\n"
	"                   [--jobs N] [--plugin-dir DIR] [--fail-on-plugin-error]\n\n"
	"Validates the platforms of the registry at PATH (default: ., or the registry\n"
	"above it), read from Git at REV (default HEAD) or, with --worktree, from the\n"
	"files on disk.\n\n"
	"  --rev REV         revision to read (a commit, branch or tag)\n"
	"  --worktree        read the working files instead of a commit: those a\n"
	"                    commit would hold (tracked, or not ignored by .gitignore)\n"
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
	"  --format F[=FILE] text (default), json, tap, sarif (SARIF 2.1.0),\n"
	"                    junit (JUnit XML), github (Actions annotations);\n"
	"                    repeat it for several reports of one run, each but\n"
	"                    one to its FILE (--format sarif=ppreg.sarif --format text)\n"
	"  -o, --output FILE write the report that would go to stdout to FILE\n"
	"                    instead, whole or not at all\n"
	"  --quiet           text: the findings alone, no verdict or summary line\n"
	"  --strict          warnings count as errors\n"
	"  --jobs N          platforms checked in parallel (default: one per core;\n"
	"                    the output is identical for any N)\n"
	"  --fail-on-plugin-error\n"
	"                    a plugin that crashes or hangs stops the run (exit 2)\n"
	"                    instead of a core.plugin-error finding\n"
	"  --plugin-dir DIRS load plugins from DIRS, folders separated by ':' searched\n"
	"                    in order, an empty one standing for the built-in folder\n"
	"                    (default: $PPREG_PLUGIN_DIR, then the built-in folder)\n\n"
	"On a terminal the text report is coloured, unless NO_COLOR is set. With a\n"
	"structured --format, a run that cannot be judged still writes a valid\n"
	"document that says why.\n\n"
	"Exit status: 0 all compliant, 1 a finding of severity error, 2 nothing judged.\n");

typedef struct {
	run_options run;
	ptrvec formats;          /* each --format F or F=FILE */
	const char *output;      /* -o FILE */
	report_outputs out;
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
		return usage_error("check", _("--changed excludes --rev, --worktree and --platform"));
	if (!dots || dots == o->changed)
		return usage_error("check", _("--changed '%s' is not BASE..HEAD"), o->changed);
	o->merge_base = dots[2] == '.';
	const char *head = dots + 2 + o->merge_base;
	if (strstr(head, ".."))
		return usage_error("check", _("--changed '%s' is not BASE..HEAD"), o->changed);
	o->base = xstrndup(o->changed, (size_t)(dots - o->changed));
	o->run.rev = *head ? head : "HEAD";
	return 0;
}

/* One --format: F, or F=FILE. */
static int parse_format(check_options *o, const char *spec)
{
	const char *eq = strchr(spec, '=');
	char *name = eq ? xstrndup(spec, (size_t)(eq - spec)) : xstrdup(spec);
	const report_format *f = report_format_named(name);
	int rc = 0;
	if (!f && report_format_near(name))
		rc = usage_error("check", _("unknown --format '%s'; did you mean '%s'?"), name, report_format_near(name));
	else if (!f)
		rc = usage_error("check", _("unknown --format '%s' (%s)"), name, report_format_names());
	else if (eq && !eq[1])
		rc = usage_error("check", _("--format %s=: the file name is missing"), name);
	else if (report_outputs_add(&o->out, f, eq ? eq + 1 : o->output) < 0)
		rc = usage_error("check", "%s", error_last());
	free(name);
	return rc;
}

/* The reports: text on stdout by default; -o moves the one bound for
 * stdout to a file. */
static int parse_formats(check_options *o)
{
	for (size_t i = 0; i < o->formats.n; i++)
		if (parse_format(o, o->formats.v[i]))
			return 2;
	if (!o->formats.n && report_outputs_add(&o->out, &report_format_text, o->output) < 0)
		return usage_error("check", "%s", error_last());
	for (size_t i = 0; o->output && i < o->out.n; i++)
		if (o->out.v[i].path == o->output)
			return 0;
	return o->output ? usage_error("check", _("-o FILE takes the report bound for stdout, and every "
	                                          "--format names its own file")) : 0;
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
		{"output", required_argument, 0, 'o'}, {"quiet", no_argument, 0, 'q'},
		{0, 0, 0, 0}};
	const char *as_of = NULL, *jobs = NULL;
	int c, bad = 0;
	options_reset();
	while (!bad && (c = getopt_long(argc, argv, "hj:o:q", longopts, NULL)) != -1) {
		switch (c) {
		case 'r': bad = option_once("check", &o->run.rev, "--rev"); break;
		case 'w': bad = flag_once("check", &o->run.worktree, "--worktree"); break;
		case 'p': ptrvec_push(&o->platforms, optarg); break;
		case 'P': bad = option_once("check", &o->run.policy_file, "--policy"); break;
		case 'a': bad = option_once("check", &as_of, "--as-of"); break;
		case 'f': ptrvec_push(&o->formats, optarg); break;
		case 'o': bad = option_once("check", &o->output, "-o"); break;
		case 'q': bad = flag_once("check", &o->out.quiet, "--quiet"); break;
		case 's': bad = flag_once("check", &o->run.strict, "--strict"); break;
		case 'j': bad = option_once("check", &jobs, "--jobs"); break;
		case 'D': bad = option_once("check", &o->run.plugin_dir, "--plugin-dir"); break;
		case 'F': bad = flag_once("check", &o->fail_on_plugin_error, "--fail-on-plugin-error"); break;
		case 'c': bad = option_once("check", &o->changed, "--changed"); break;
		case 'h': fputs(_(help), stdout); return 1;
		default: return option_error("check", longopts, argv);
		}
	}
	if (bad)
		return bad;
	if (optind < argc - 1)
		return usage_error("check", _("one registry PATH at most"));
	o->run.registry_path = optind < argc ? argv[optind] : ".";
	if (o->run.worktree && o->run.rev)
		return usage_error("check", _("--rev and --worktree exclude each other"));
	if (option_as_of("check", as_of, &o->run.as_of))
		return 2;
	if (parse_formats(o))
		return 2;
	if (o->changed && parse_changed(o))
		return 2;
	return option_jobs("check", jobs, &o->jobs);
}

static int stream_platform(void *ctx, size_t index, platform_result *res)
{
	(void)index;
	return report_outputs_platform(ctx, res);
}

/* Judges the platforms named (or all), in registry order, each written to
 * the reports as it is judged: memory does not grow with the registry. */
static int check_platforms(run *r, check_options *o, report *rep, report_summary *sum)
{
	char **ids = NULL;
	size_t n = 0;
	if (run_named_ids(r, (char *const *)o->platforms.v, o->platforms.n, &ids, &n) < 0)
		return ERR_FAIL;
	judge_options jo = {.jobs = o->jobs, .fail_on_plugin_error = o->fail_on_plugin_error};
	int rc = report_outputs_begin(&o->out, rep);
	if (rc == 0)
		rc = judge_platforms_each(r, ids, n, &jo, stream_platform, &o->out);
	if (rc == 0 && !o->platforms.n) {
		/* registry.yaml's own findings, after the platforms, as --changed does */
		platform_result reg;
		rc = changed_judge_registry_yaml(r, &reg);
		if (rc > 0)
			rc = report_outputs_platform(&o->out, &reg);
		platform_result_free(&reg);
	}
	if (rc == 0)
		rc = report_outputs_end(&o->out);
	*sum = o->out.v[0].doc.sum;
	registry_free_ids(ids, n);
	return rc;
}

/* --changed: the few platforms a range touches, and the registry's own. */
static int check_changes(run *r, check_options *o, report *rep, report_summary *sum)
{
	registry_changes ch = {0};
	changed_result judged = {0};
	judge_options jo = {.jobs = o->jobs, .fail_on_plugin_error = o->fail_on_plugin_error};
	int rc = registry_changes_since(r->reg, o->base, o->merge_base, &ch) < 0 ||
	         changed_judge(r, &ch, &jo, &judged) < 0 ? ERR_FAIL : 0;
	report_set_change(rep, &judged);
	if (rc == 0)
		rc = report_outputs_write(&o->out, rep);
	report_summarize(rep, sum);
	changed_result_free(&judged);
	rep->platforms = NULL;
	rep->n_platforms = 0;
	registry_changes_free(&ch);
	return rc;
}

/* What a run that failed was to judge, for the reports that say so. */
static char *run_label(const check_options *o)
{
	return o->run.worktree ? xasprintf(_("%s (work tree)"), o->run.registry_path)
	                       : xasprintf(_("%s at %s"), o->run.registry_path, o->run.rev ? o->run.rev : "HEAD");
}

/* Exit 2: the message on stderr, and each report says why. */
static int cannot_judge(check_options *o)
{
	char *why = xstrdup(error_last()), *label = run_label(o);
	usage_error("check", "%s", why);
	if (report_outputs_unjudged(&o->out, label, why) < 0)
		usage_error("check", "%s", error_last());
	free(why);
	free(label);
	return 2;
}

/* What was read, when it may not be what the user meant: files outside
 * Git, or platforms of the work tree the revision lacks (not judged). */
static void say_what_was_read(run *r, const check_options *o)
{
	char **loose = NULL;
	size_t n = 0;
	if (o->run.worktree && registry_outside_git(r->reg))
		fprintf(stderr, _("ppreg check: note: %s is in no Git repository: every file on disk was read "
		                  "(no .gitignore applies)\n"), registry_path(r->reg));
	if (o->run.worktree || o->platforms.n || registry_uncommitted_platforms(r->reg, &loose, &n) < 0 || !n)
		return registry_free_ids(loose, n);
	char *more = n > 1 ? xasprintf(_(" (and %zu more)"), n - 1) : xstrdup("");
	fprintf(stderr, _("ppreg check: note: platforms/%s%s is in the work tree but not at %s, and was not "
	                  "judged: commit it, or judge the work tree with --worktree\n"), loose[0], more,
	        o->run.rev ? o->run.rev : "HEAD");
	free(more);
	registry_free_ids(loose, n);
}

static void options_free(check_options *o)
{
	report_outputs_close(&o->out);
	free(o->formats.v);
	free(o->platforms.v);
	free(o->base);
}

int cmd_check(int argc, char **argv)
{
	check_options o = {.jobs = 0};
	int rc = parse_options(&o, argc, argv);
	if (rc) {
		options_free(&o);
		return rc == 1 ? 0 : rc;
	}
	run *r = NULL;
	report rep = {0};
	report_summary s = {0};
	if (report_outputs_open(&o.out) < 0 || run_open(&r, &o.run) < 0) {
		rc = cannot_judge(&o);
		goto done;
	}
	say_what_was_read(r, &o);
	rep.run = r;
	rep.registry_path = o.run.registry_path;
	rep.commit = registry_commit(r->reg);
	date_format(o.run.as_of, rep.as_of);
	if ((o.changed ? check_changes(r, &o, &rep, &s) : check_platforms(r, &o, &rep, &s)) < 0) {
		rc = cannot_judge(&o);
		goto done;
	}
	rc = report_exit_status(&s);
	if (report_outputs_finish(&o.out, rc) < 0)
		rc = usage_error("check", "%s", error_last());
done:
	run_free(r);
	options_free(&o);
	return rc;
}
