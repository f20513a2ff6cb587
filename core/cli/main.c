/*
 * cli/main.c - dispatches `ppreg <command>` to its cmd_* function.
 */
#include "cli/cmd_attest.h"
#include "cli/cmd_check.h"
#include "cli/cmd_diff.h"
#include "cli/cmd_expiring.h"
#include "cli/cmd_hook.h"
#include "cli/cmd_init.h"
#include "cli/cmd_inspect.h"
#include "cli/cmd_keygen.h"
#include "cli/cmd_plugins.h"
#include "cli/cmd_rules.h"
#include "cli/cmd_schema.h"
#include "cli/cmd_site.h"
#include "cli/cmd_verify.h"
#include "base/i18n.h"
#include "base/suggest.h"
#include "base/util.h"
#include "ppreg/plugin.h"

#include <malloc.h>
#include <stdio.h>
#include <string.h>

static const struct {
	const char *name;
	int (*fn)(int, char **);
	const char *summary;
} commands[] = {
	{"check", cmd_check, N_("validate the registry's platforms against the policy")},
	{"attest", cmd_attest, N_("check one platform and sign a compliance attestation")},
	{"verify", cmd_verify, N_("verify an attestation offline, optionally against the registry")},
	{"keygen", cmd_keygen, N_("make a key pair for signing attestations")},
	{"plugins", cmd_plugins, N_("list the plugins found, with version, ABI and rules")},
	{"rules", cmd_rules, N_("the rule catalog, or one rule with its legal source and fix")},
	{"expiring", cmd_expiring, N_("list the dated facts that lapse within a window, or have lapsed")},
	{"diff", cmd_diff, N_("what changed between two revisions, or under a draft policy")},
	{"site", cmd_site, N_("write the registry as a static site: register, service pages, statistics")},
	{"hook", cmd_hook, N_("run as a Git hook (pre-receive, update, pre-commit), or install one")},
	{"init", cmd_init, N_("start a new platform folder, every required field to fill in")},
	{"schema", cmd_schema, N_("the JSON Schema of a declaration file, or of check's JSON")},
	{"inspect", cmd_inspect, N_("show what an attestation says, signature verified or not")},
};

static void usage(FILE *out)
{
	fputs(_("usage: ppreg <command> [options] [--lang fr|en]\n\n"
	        "ppreg checks the declarations of services that provide patient partners\n"
	        "(draft article L.1191-4 of the French public-health code).\n\ncommands:\n"), out);
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(out, "  %-9s %s\n", commands[i].name, _(commands[i].summary));
	fputs(_("\n'ppreg <command> --help' describes a command. Exit status: 0 compliant,\n"
	        "1 a finding of severity error, 2 nothing could be judged.\n"
	        "--lang fr|en, with any command, chooses the language of the messages\n"
	        "(default: LANGUAGE, LC_ALL, LC_MESSAGES, LANG; English without them).\n"), out);
}

/* Each platform allocates and frees a few megabytes (blobs, trees of
 * nodes). With glibc's defaults the heap's top is given back to the kernel
 * after nearly every platform and taken again for the next one, each time
 * as fresh zeroed pages: a system call and page faults per platform
 * (docs/benchmark.md). What is kept is reused, so the peak resident memory
 * is the same. */
static void keep_heap(void)
{
	(void)mallopt(M_TRIM_THRESHOLD, 64 << 20); /* best effort: a refusal costs only time */
	(void)mallopt(M_TOP_PAD, 16 << 20);
}

int main(int argc, char **argv)
{
	keep_heap();
	if (i18n_setup(&argc, argv))
		return 2;
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "help") && argc > 2) { /* ppreg help check: ppreg check --help */
		char *args[] = {argv[2], "--help", NULL};
		for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
			if (!strcmp(argv[2], commands[i].name))
				return commands[i].fn(2, args);
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version")) {
		printf(_("ppreg %s (plugin ABI %d)\n"), PPREG_VERSION, PPREG_ABI_VERSION);
		return 0;
	}
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].fn(argc - 1, argv + 1);
	suggestion sg;
	suggest_init(&sg, argv[1]);
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		suggest_offer(&sg, commands[i].name);
	if (suggest_best(&sg))
		fprintf(stderr, _("ppreg: '%s' is not a command; did you mean '%s'?\n"), argv[1], suggest_best(&sg));
	else
		fprintf(stderr, _("ppreg: '%s' is not a command; see 'ppreg --help'\n"), argv[1]);
	return 2;
}
