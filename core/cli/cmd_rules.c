/*
 * cli/cmd_rules.c - `ppreg rules [RULE]`: the rule catalog (core and every
 * plugin of the plugin directory), or one rule with its legal source and fix.
 */
#include "cli/cmd_rules.h"
#include "base/i18n.h"
#include "cli/options.h"
#include "base/i18n.h"
#include "base/suggest.h"
#include "plugin/catalog.h"
#include "judge/run.h"
#include "base/findings.h"
#include "base/util.h"
#include "judge/core_rules.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char *const help = N_("usage: ppreg rules [RULE] [--plugin-dir DIR]\n\n"
	"Without RULE, lists every rule: id, default severity, what it checks.\n"
	"With RULE, prints its legal source and how to fix a finding of it.\n"
	"Exit status 2 when RULE is unknown.\n");

/* A descriptor's text in the run's language, from its plugin's catalogue. */
static const char *text(const char *plugin, const char *s)
{
	return s ? i18n_plugin_text(plugin, s) : "";
}

static void print_rule(const ppreg_rule *r, const char *plugin)
{
	printf(_("%s\n  plugin:       %s\n  severity:     %s\n  checks:       %s\n"
	       "  legal source: %s\n  how to fix:   %s\n"),
	       r->id, plugin, severity_name(r->severity), text(plugin, r->summary), text(plugin, r->legal_source),
	       text(plugin, r->fix));
}

int cmd_rules(int argc, char **argv)
{
	const char *dir = NULL;
	int shown;
	int rc = parse_plugin_dir_option("rules", help, argc, argv, &dir, &shown);
	if (rc || shown)
		return rc;
	if (optind < argc - 1)
		return usage_error("rules", _("one RULE at most"));
	const char *wanted = optind < argc ? argv[optind] : NULL;
	plugin_catalog cat;
	if (plugin_catalog_load(&cat, dir ? dir : plugin_default_dir()) < 0)
		return usage_error("rules", "%s", error_last());
	size_t n_core, found = 0;
	const ppreg_rule *core = core_rules(&n_core);
	suggestion sg;
	suggest_init(&sg, wanted ? wanted : "");
	for (size_t i = 0; i < n_core; i++) {
		suggest_offer(&sg, core[i].id);
		if (!wanted)
			printf("%-36s %-8s %s\n", core[i].id, severity_name(core[i].severity), text("core", core[i].summary));
		else if (!strcmp(wanted, core[i].id))
			print_rule(&core[i], "core"), found++;
	}
	for (size_t p = 0; p < cat.n; p++) {
		const ppreg_plugin *d = cat.v[p].desc;
		for (size_t i = 0; i < d->n_rules; i++) {
			suggest_offer(&sg, d->rules[i].id);
			if (!wanted)
				printf("%-36s %-8s %s\n", d->rules[i].id, severity_name(d->rules[i].severity),
				       text(d->name, d->rules[i].summary));
			else if (!strcmp(wanted, d->rules[i].id))
				print_rule(&d->rules[i], d->name), found++;
		}
	}
	for (size_t i = 0; i < cat.n_errors; i++)
		fprintf(stderr, _("ppreg rules: %s\n"), cat.errors[i]);
	rc = cat.n_errors ? 2 : 0;
	if (wanted && !found && suggest_best(&sg))
		rc = usage_error("rules", _("no rule '%s'; did you mean '%s'?"), wanted, suggest_best(&sg));
	else if (wanted && !found)
		rc = usage_error("rules", _("no rule '%s' (see 'ppreg rules')"), wanted);
	plugin_catalog_free(&cat);
	return rc;
}
