/*
 * cli/cmd_plugins.c - `ppreg plugins`: what the plugin directory holds.
 */
#include "cli/cmd_plugins.h"
#include "base/i18n.h"
#include "cli/options.h"
#include "plugin/catalog.h"
#include "base/findings.h"
#include "base/util.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const help = N_("usage: ppreg plugins [--plugin-dir DIRS]\n\n"
	"Lists the plugins of the plugin directory with their version, ABI and rules.\n"
	"A plugin that fails to load is named on stderr and the exit status is 2.\n");

/* Shared by plugins and rules: only --plugin-dir and --help. */
int cmd_plugins(int argc, char **argv)
{
	const char *dir = NULL;
	int shown;
	int rc = parse_plugin_dir_option("plugins", help, argc, argv, &dir, &shown);
	if (rc || shown)
		return rc;
	if (optind < argc)
		return usage_error("plugins", _("takes no argument"));
	if (!dir)
		dir = plugin_default_dir();
	plugin_catalog cat;
	if (plugin_catalog_load(&cat, dir) < 0)
		return usage_error("plugins", "%s", error_last());
	char *searched = plugin_dirs_expand(dir);
	printf(strchr(searched, ':') ? "plugin directories: %s\n" : "plugin directory: %s\n", searched);
	free(searched);
	for (size_t i = 0; i < cat.n; i++) {
		const ppreg_plugin *d = cat.v[i].desc;
		printf(_("%s %s (ABI %u): %s\n"), d->name, d->version, d->abi_version, d->summary ? i18n_plugin_text(d->name, d->summary) : "");
		for (size_t j = 0; j < d->n_rules; j++)
			printf("  %-34s %s\n", d->rules[j].id, severity_name(d->rules[j].severity));
	}
	for (size_t i = 0; i < cat.n_errors; i++)
		fprintf(stderr, _("ppreg plugins: %s\n"), cat.errors[i]);
	rc = cat.n_errors ? 2 : 0;
	plugin_catalog_free(&cat);
	return rc;
}
