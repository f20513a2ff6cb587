/*
 * cli/cmd_diff.c - `ppreg diff [PATH] A..B` (desk/diff.h) and `ppreg diff
 * --policy OLD --policy NEW [PATH]` (desk/policy_diff.h).
 */
#include "cli/cmd_diff.h"
#include "cli/options.h"
#include "base/i18n.h"
#include "desk/diff.h"
#include "desk/policy_diff.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char *const help = N_("usage: ppreg diff [PATH] A..B [--platform ID]... [--policy FILE]\n"
	"                  [--as-of DATE] [--format text|json] [--jobs N] [--plugin-dir DIR]\n"
	"       ppreg diff --policy OLD --policy NEW [PATH] [--rev REV | --worktree]\n"
	"                  [--platform ID]... [--as-of DATE] [--format text|json] ...\n\n"
	"With A..B (B defaults to HEAD): for each platform whose folder changed from\n"
	"revision A to B, the files added or removed, each declaration field that\n"
	"changed (as values: formatting and comments are no change; list items\n"
	"matched by identity, docs/desk.md), and the findings gained (+) and lost (-)\n"
	"when each revision is judged under its own policy (or --policy FILE).\n\n"
	"With two --policy: every platform at REV judged under OLD and under NEW, and\n"
	"those whose verdict or rules differ, with the rules that appear (+),\n"
	"disappear (-) or change severity (~).\n\n"
	"  --platform ID     only this platform (repeatable)\n"
	"  --as-of DATE      'today' for both sides (default: current UTC date)\n"
	"  --format F        text (default) or json\n"
	"  --jobs N          platforms judged in parallel (default: one per core)\n"
	"  --plugin-dir DIR  load plugins from DIR\n\n"
	"Exit status: 0 compared (whatever the differences), 2 nothing compared.\n");

typedef struct {
	run_options a, b;
	const char *format, *range, *policies[2];
	size_t n_policies;
	ptrvec platforms;
	long jobs;
	char *rev_a;
} diff_options;

/* A..B: A in a.rev (malloc'd in rev_a), B (default HEAD) in b.rev. */
static int parse_range(diff_options *o)
{
	const char *dots = strstr(o->range, "..");
	if (!dots || dots == o->range || dots[2] == '.' || strstr(dots + 2, ".."))
		return usage_error("diff", _("'%s' is not a range A..B"), o->range);
	o->rev_a = xstrndup(o->range, (size_t)(dots - o->range));
	o->a.rev = o->rev_a;
	o->b.rev = dots[2] ? dots + 2 : "HEAD";
	return 0;
}

static int check_modes(diff_options *o, int argc, char **argv)
{
	int positional = argc - optind;
	if (o->n_policies == 2) {
		if (positional > 1)
			return usage_error("diff", _("with two --policy, one registry PATH at most and no range"));
		o->a.registry_path = positional ? argv[optind] : ".";
		o->a.policy_file = o->policies[0], o->b.policy_file = o->policies[1];
		o->b.rev = o->a.rev, o->b.worktree = o->a.worktree;
	} else {
		if (positional < 1 || positional > 2)
			return usage_error("diff", _("give a range A..B, or --policy OLD --policy NEW"));
		if (o->a.rev || o->a.worktree)
			return usage_error("diff", _("--rev and --worktree go with two --policy; a range names its revisions"));
		o->a.registry_path = positional == 2 ? argv[optind] : ".";
		o->range = argv[argc - 1];
		o->a.policy_file = o->b.policy_file = o->policies[0];
		if (parse_range(o))
			return 2;
	}
	if (o->a.worktree && o->a.rev)
		return usage_error("diff", _("--rev and --worktree exclude each other"));
	o->b.registry_path = o->a.registry_path, o->b.plugin_dir = o->a.plugin_dir, o->b.as_of = o->a.as_of;
	return 0;
}

static int parse_options(diff_options *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"rev", required_argument, 0, 'r'}, {"worktree", no_argument, 0, 'w'},
		{"platform", required_argument, 0, 'p'}, {"policy", required_argument, 0, 'P'},
		{"as-of", required_argument, 0, 'a'}, {"format", required_argument, 0, 'f'},
		{"jobs", required_argument, 0, 'j'}, {"plugin-dir", required_argument, 0, 'D'},
		{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	const char *as_of = NULL, *format = NULL, *jobs = NULL;
	int c, bad = 0;
	optind = 1;
	while (!bad && (c = getopt_long(argc, argv, "hj:", longopts, NULL)) != -1) {
		switch (c) {
		case 'r': bad = option_once("diff", &o->a.rev, "--rev"); break;
		case 'w': bad = flag_once("diff", &o->a.worktree, "--worktree"); break;
		case 'p': ptrvec_push(&o->platforms, optarg); break;
		case 'P':
			if (o->n_policies == 2)
				return usage_error("diff", _("--policy given more than twice"));
			o->policies[o->n_policies++] = optarg;
			break;
		case 'a': bad = option_once("diff", &as_of, "--as-of"); break;
		case 'f': bad = option_once("diff", &format, "--format"); break;
		case 'j': bad = option_once("diff", &jobs, "--jobs"); break;
		case 'D': bad = option_once("diff", &o->a.plugin_dir, "--plugin-dir"); break;
		case 'h': fputs(_(help), stdout); return 1;
		default: return usage_error("diff", _("see 'ppreg diff --help'"));
		}
	}
	if (bad)
		return bad;
	if (format)
		o->format = format;
	if (strcmp(o->format, "text") && strcmp(o->format, "json"))
		return usage_error("diff", _("unknown --format '%s' (text, json)"), o->format);
	if (parse_as_of(as_of, &o->a.as_of) < 0)
		return usage_error("diff", _("--as-of '%s' is not a date YYYY-MM-DD"), as_of);
	return check_modes(o, argc, argv) ? 2 : option_jobs("diff", jobs, &o->jobs);
}

static int diff_revs(run *a, run *b, const diff_options *o)
{
	judge_options jo = {.jobs = o->jobs};
	revision_diff d = {.rev_from = o->a.rev, .rev_to = o->b.rev};
	int rc = diff_revisions(a, b, (char *const *)o->platforms.v, o->platforms.n, &jo, &d);
	if (rc == 0)
		rc = strcmp(o->format, "json") ? diff_write_text(stdout, &d, a, b)
		                               : diff_write_json(stdout, &d, a, b, o->a.registry_path);
	revision_diff_free(&d);
	return rc;
}

static int diff_policies(run *a, run *b, const diff_options *o)
{
	judge_options jo = {.jobs = o->jobs};
	policy_diff d = {0};
	char **ids = NULL;
	size_t n = 0;
	int rc = run_named_ids(b, (char *const *)o->platforms.v, o->platforms.n, &ids, &n);
	if (rc == 0)
		rc = policy_diff_run(a, b, ids, n, &jo, &d);
	if (rc == 0)
		rc = strcmp(o->format, "json") ? policy_diff_write_text(stdout, &d, a, b)
		                               : policy_diff_write_json(stdout, &d, a, b, o->a.registry_path);
	registry_free_ids(ids, n);
	policy_diff_free(&d);
	return rc;
}

int cmd_diff(int argc, char **argv)
{
	diff_options o = {.format = "text"};
	run *a = NULL, *b = NULL;
	int rc = parse_options(&o, argc, argv);
	if (rc) {
		rc = rc == 1 ? 0 : rc;
		goto done;
	}
	if (run_open(&a, &o.a) < 0 || run_open(&b, &o.b) < 0 ||
	    (o.range ? diff_revs(a, b, &o) : diff_policies(a, b, &o)) < 0 || fflush(stdout) != 0)
		rc = usage_error("diff", "%s", error_last());
done:
	run_free(a);
	run_free(b);
	free(o.platforms.v);
	free(o.rev_a);
	return rc;
}
