/*
 * cli/main.c - dispatches `ppreg <command>` to its cmd_* function.
 */
#include "cli/cmd_attest.h"
#include "cli/cmd_check.h"
#include "cli/cmd_hook.h"
#include "cli/cmd_keygen.h"
#include "cli/cmd_plugins.h"
#include "cli/cmd_rules.h"
#include "cli/cmd_site.h"
#include "cli/cmd_verify.h"
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
	{"check", cmd_check, "validate the registry's platforms against the policy"},
	{"attest", cmd_attest, "check one platform and sign a compliance attestation"},
	{"verify", cmd_verify, "verify an attestation offline, optionally against the registry"},
	{"keygen", cmd_keygen, "make a key pair for signing attestations"},
	{"plugins", cmd_plugins, "list the plugins found, with version, ABI and rules"},
	{"rules", cmd_rules, "the rule catalog, or one rule with its legal source and fix"},
	{"site", cmd_site, "write the registry as a static site: register, service pages, statistics"},
	{"hook", cmd_hook, "run as a Git hook (pre-receive, update, pre-commit), or install one"},
};

static void usage(FILE *out)
{
	fprintf(out, "usage: ppreg <command> [options]\n\n"
	        "ppreg checks the declarations of services that provide patient partners\n"
	        "(draft article L.1191-4 of the French public-health code).\n\ncommands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\n'ppreg <command> --help' describes a command. Exit status: 0 compliant,\n"
	        "1 a finding of severity error, 2 nothing could be judged.\n");
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
		printf("ppreg %s (plugin ABI %d)\n", PPREG_VERSION, PPREG_ABI_VERSION);
		return 0;
	}
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "ppreg: '%s' is not a command; see 'ppreg --help'\n", argv[1]);
	return 2;
}
