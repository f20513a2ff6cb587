/*
 * cli/cmd_expiring.c - `ppreg expiring`: judges the registry as check does and
 * lists the lapses that fall on or before as-of + the window (desk/expiring.h).
 */
#include "cli/cmd_expiring.h"
#include "cli/options.h"
#include "base/i18n.h"
#include "desk/expiring.h"
#include "judge/judge.h"
#include "yaml/date.h"
#include "yaml/scalar.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char *const help = N_("usage: ppreg expiring [PATH] [--rev REV | --worktree] --within DURATION\n"
	"                      [--platform ID]... [--policy FILE] [--as-of DATE]\n"
	"                      [--format text|json] [--jobs N] [--plugin-dir DIR]\n\n"
	"Lists every dated fact of the registry's platforms (an authorization's end,\n"
	"an HDS certificate's, the DPIA's age, a commitment's renewal, the year whose\n"
	"funding becomes due) whose last valid day is on or before the as-of date\n"
	"plus DURATION, sorted by date: 'lapsed' when that day is before the as-of\n"
	"date, 'lapses' when the fact still holds on it.\n\n"
	"  --within DURATION ISO-8601 window in days, weeks, months or years (P90D);\n"
	"                    its last day, as-of + DURATION, is inside\n"
	"  --rev REV         revision to read (default HEAD)\n"
	"  --worktree        read the working files instead of a commit\n"
	"  --platform ID     only this platform (repeatable)\n"
	"  --policy FILE     use this policy instead of the one registry.yaml names\n"
	"  --as-of DATE      'today' (default: current UTC date)\n"
	"  --format F        text (default) or json\n"
	"  --jobs N          platforms judged in parallel (default: one per core)\n"
	"  --plugin-dir DIR  load plugins from DIR\n\n"
	"Exit status: 0 nothing lapses by the window's end, 1 a fact has lapsed or\n"
	"lapses inside the window, 2 nothing could be read.\n");

typedef struct {
	run_options run;
	const char *format, *within;
	ptrvec platforms;
	long jobs;
	ppreg_date until;
} expiring_options;

/* The window's last day: as-of + DURATION, in whole days at least. */
static int parse_within(expiring_options *o)
{
	ppreg_duration d;
	if (!o->within)
		return usage_error("expiring", _("--within DURATION is required (e.g. P90D)"));
	if (scalar_duration(o->within, &d) < 0 || d.hours || d.minutes || d.seconds)
		return usage_error("expiring", _("--within '%s' is not an ISO-8601 duration in days, weeks, months or years"),
		                   o->within);
	if (date_add_checked(o->run.as_of, &d, 1, &o->until) < 0)
		return usage_error("expiring", _("--within %s goes past 9999-12-31"), o->within);
	return 0;
}

static int parse_options(expiring_options *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"rev", required_argument, 0, 'r'}, {"worktree", no_argument, 0, 'w'},
		{"platform", required_argument, 0, 'p'}, {"policy", required_argument, 0, 'P'},
		{"as-of", required_argument, 0, 'a'}, {"format", required_argument, 0, 'f'},
		{"within", required_argument, 0, 'W'}, {"jobs", required_argument, 0, 'j'},
		{"plugin-dir", required_argument, 0, 'D'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	const char *as_of = NULL, *format = NULL, *jobs = NULL;
	int c, bad = 0;
	optind = 1;
	while (!bad && (c = getopt_long(argc, argv, "hj:", longopts, NULL)) != -1) {
		switch (c) {
		case 'r': bad = option_once("expiring", &o->run.rev, "--rev"); break;
		case 'w': bad = flag_once("expiring", &o->run.worktree, "--worktree"); break;
		case 'p': ptrvec_push(&o->platforms, optarg); break;
		case 'P': bad = option_once("expiring", &o->run.policy_file, "--policy"); break;
		case 'a': bad = option_once("expiring", &as_of, "--as-of"); break;
		case 'f': bad = option_once("expiring", &format, "--format"); break;
		case 'W': bad = option_once("expiring", &o->within, "--within"); break;
		case 'j': bad = option_once("expiring", &jobs, "--jobs"); break;
		case 'D': bad = option_once("expiring", &o->run.plugin_dir, "--plugin-dir"); break;
		case 'h': fputs(_(help), stdout); return 1;
		default: return usage_error("expiring", _("see 'ppreg expiring --help'"));
		}
	}
	if (bad)
		return bad;
	if (format)
		o->format = format;
	if (optind < argc - 1)
		return usage_error("expiring", _("one registry PATH at most"));
	o->run.registry_path = optind < argc ? argv[optind] : ".";
	if (o->run.worktree && o->run.rev)
		return usage_error("expiring", _("--rev and --worktree exclude each other"));
	if (parse_as_of(as_of, &o->run.as_of) < 0)
		return usage_error("expiring", _("--as-of '%s' is not a date YYYY-MM-DD"), as_of);
	if (strcmp(o->format, "text") && strcmp(o->format, "json"))
		return usage_error("expiring", _("unknown --format '%s' (text, json)"), o->format);
	return parse_within(o) ? 2 : option_jobs("expiring", jobs, &o->jobs);
}

static int keep_lapses(void *ctx, size_t index, platform_result *res)
{
	(void)index;
	expiring_add(ctx, res);
	return 0;
}

/* Judges the platforms named (or all); only the rows in the window stay. */
static int collect(run *r, const expiring_options *o, expiring_list *e)
{
	char **ids = NULL;
	size_t n = 0;
	if (run_named_ids(r, (char *const *)o->platforms.v, o->platforms.n, &ids, &n) < 0)
		return ERR_FAIL;
	judge_options jo = {.jobs = o->jobs};
	int rc = judge_platforms_each(r, ids, n, &jo, keep_lapses, e);
	registry_free_ids(ids, n);
	expiring_sort(e);
	return rc;
}

int cmd_expiring(int argc, char **argv)
{
	expiring_options o = {.format = "text"};
	int rc = parse_options(&o, argc, argv);
	if (rc) {
		free(o.platforms.v);
		return rc == 1 ? 0 : rc;
	}
	run *r = NULL;
	expiring_list e = {.as_of = o.run.as_of, .until = o.until, .within = o.within};
	if (run_open(&r, &o.run) < 0 || collect(r, &o, &e) < 0 ||
	    (strcmp(o.format, "json") ? expiring_write_text(stdout, &e, r)
	                              : expiring_write_json(stdout, &e, r, o.run.registry_path)) < 0 ||
	    fflush(stdout) != 0)
		rc = usage_error("expiring", "%s", error_last());
	else
		rc = e.n > 0;
	expiring_free(&e);
	run_free(r);
	free(o.platforms.v);
	return rc;
}
