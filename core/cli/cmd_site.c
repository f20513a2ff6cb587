/*
 * cli/cmd_site.c - `ppreg site`: judge the registry at a revision as `check`
 * does and write it as a static site: the public register, a page per
 * service, statistics, register.csv and register.json (docs/site.md).
 */
#include "cli/cmd_site.h"
#include "base/i18n.h"
#include "cli/options.h"
#include "desk/site.h"
#include "report/report.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char help[] = N_(
	"usage: ppreg site [PATH] [--rev REV] -o DIR [--attestations DIR] [--lang fr|en]\n"
	"                  [--policy FILE] [--as-of DATE] [--strict] [--jobs N]\n"
	"                  [--plugin-dir DIR] [--fail-on-plugin-error]\n\n"
	"Judges the registry at PATH (default: .) at REV (default HEAD) as 'ppreg check'\n"
	"does and writes it as a static site, readable offline with no script:\n"
	"index.html (the public register), services/ID.html (a page per service),\n"
	"stats.html, register.csv and register.json.\n\n"
	"  -o, --output DIR    the site's folder: written beside it and put in its\n"
	"                      place when complete; a folder that is not empty must\n"
	"                      be a site ppreg wrote\n"
	"  --rev REV           revision to read (a commit, branch or tag)\n"
	"  --attestations DIR  the attestations (*.json envelopes) to link, copied\n"
	"                      into the site with the command that verifies them\n"
	"  --lang L            fr (default, whatever the locale) or en\n"
	"  --policy FILE       use this policy instead of the one registry.yaml names\n"
	"  --as-of DATE        'today' for every date rule (default: current UTC date)\n"
	"  --strict            warnings count as errors\n"
	"  --jobs N            platforms judged in parallel (default: one per core)\n"
	"  --fail-on-plugin-error\n"
	"                      a plugin that crashes or hangs stops the run (exit 2)\n"
	"  --plugin-dir DIR    load plugins from DIR\n\n"
	"Exit status: 0 all compliant, 1 a finding of severity error (the site is\n"
	"written in both cases), 2 nothing judged and nothing written.\n");

static int parse_options(run_options *ro, site_options *so, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"rev", required_argument, 0, 'r'}, {"output", required_argument, 0, 'o'},
		{"attestations", required_argument, 0, 'A'},
		{"policy", required_argument, 0, 'P'}, {"as-of", required_argument, 0, 'a'},
		{"strict", no_argument, 0, 's'}, {"jobs", required_argument, 0, 'j'},
		{"plugin-dir", required_argument, 0, 'D'}, {"help", no_argument, 0, 'h'},
		{"fail-on-plugin-error", no_argument, 0, 'F'}, {0, 0, 0, 0}};
	const char *as_of = NULL, *jobs = NULL;
	int c, bad = 0;
	optind = 1;
	while (!bad && (c = getopt_long(argc, argv, "ho:j:", longopts, NULL)) != -1) {
		switch (c) {
		case 'r': bad = option_once("site", &ro->rev, "--rev"); break;
		case 'o': bad = option_once("site", &so->out_dir, "--output"); break;
		case 'A': bad = option_once("site", &so->attestations_dir, "--attestations"); break;
		case 'P': bad = option_once("site", &ro->policy_file, "--policy"); break;
		case 'a': bad = option_once("site", &as_of, "--as-of"); break;
		case 's': bad = flag_once("site", &ro->strict, "--strict"); break;
		case 'j': bad = option_once("site", &jobs, "--jobs"); break;
		case 'D': bad = option_once("site", &ro->plugin_dir, "--plugin-dir"); break;
		case 'F': bad = flag_once("site", &so->judge.fail_on_plugin_error, "--fail-on-plugin-error"); break;
		case 'h': fputs(_(help), stdout); return 1;
		default: return usage_error("site", _("see 'ppreg site --help'"));
		}
	}
	if (bad)
		return bad;
	if (optind < argc - 1)
		return usage_error("site", _("one registry PATH at most"));
	ro->registry_path = so->registry_arg = optind < argc ? argv[optind] : ".";
	if (!so->out_dir || !*so->out_dir)
		return usage_error("site", _("-o DIR is required: the folder the site is written to"));
	/* French public information: French unless --lang (taken out of argv
	 * by i18n_setup, which refused any language but fr and en) says en. */
	so->lang = i18n_lang_option() ? i18n_lang_option() : "fr";
	if (parse_as_of(as_of, &ro->as_of) < 0)
		return usage_error("site", _("--as-of '%s' is not a date YYYY-MM-DD"), as_of);
	return option_jobs("site", jobs, &so->judge.jobs);
}

int cmd_site(int argc, char **argv)
{
	run_options ro = {.want_digests = 1};
	site_options so = {0};
	int rc = parse_options(&ro, &so, argc, argv);
	if (rc)
		return rc == 1 ? 0 : rc;
	run *r = NULL;
	report_summary sum = {0};
	if (run_open(&r, &ro) < 0 || site_build(r, &so, &sum) < 0)
		rc = usage_error("site", "%s", error_last());
	else
		rc = report_exit_status(&sum);
	run_free(r);
	return rc;
}
