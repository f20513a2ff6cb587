/*
 * cli/cmd_schema.c - `ppreg schema FILE [PATH]`: the JSON Schema of a
 * declaration file under the registry's policy, for editors; `ppreg schema
 * --report json`: the JSON Schema of `check --format json`.
 */
#include "cli/cmd_schema.h"
#include "cli/describe.h"
#include "cli/options.h"
#include "report/json_schema.h"
#include "base/i18n.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const help = N_("usage: ppreg schema FILE [PATH] [--policy FILE] [--plugin-dir DIR]\n"
	"       ppreg schema --report json\n\n"
	"Prints the JSON Schema (draft 2020-12) of the declaration file FILE\n"
	"(charter.yaml, or a path ending in it; or registry.yaml) as the policy of\n"
	"the registry at PATH (default: .) and its plugins describe it: the schema\n"
	"editors check a declaration against as one types (yaml-language-server\n"
	"reads a first line '# yaml-language-server: $schema=<file or URL>').\n\n"
	"  --report json     the JSON Schema of the report 'ppreg check --format json'\n"
	"                    writes, instead\n"
	"  --policy FILE     describe FILE under this policy instead of the one\n"
	"                    registry.yaml names\n"
	"  --plugin-dir DIR  load plugins from DIR\n\n"
	"Exit status: 0 printed, 2 a file no plugin of the policy describes, or a\n"
	"registry or policy that cannot be read.\n");

static int has_file(const char **files, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(files[i], name))
			return 1;
	return 0;
}

static int file_schema(const char *file, const describe_options *o)
{
	const char *slash = strrchr(file, '/');
	const char *name = slash ? slash + 1 : file;
	run *r = NULL;
	int rc = describe_open(&r, "schema", o);
	if (rc)
		return rc;
	const char **files;
	size_t n = run_declaration_files(r, &files);
	char *text = NULL;
	if (strcmp(name, "registry.yaml") && !has_file(files, n, name)) {
		fprintf(stderr, _("ppreg schema: policy %s/%s describes no file '%s'; its files:"), r->pol->id,
		        r->pol->version, name);
		for (size_t i = 0; i < n; i++)
			fprintf(stderr, " %s", files[i]);
		fputc('\n', stderr);
		rc = 2;
	} else if (!(text = describe_file(r, name, 1))) {
		rc = usage_error("schema", "%s", error_last());
	} else {
		printf("%s\n", text);
	}
	free(text);
	run_free(r);
	return rc;
}

int cmd_schema(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"report", required_argument, 0, 'R'}, {"policy", required_argument, 0, 'P'},
		{"plugin-dir", required_argument, 0, 'D'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	describe_options o = {0};
	const char *report = NULL;
	int c, bad = 0;
	optind = 1;
	while (!bad && (c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (c == 'R') bad = option_once("schema", &report, "--report");
		else if (c == 'P') bad = option_once("schema", &o.policy_file, "--policy");
		else if (c == 'D') bad = option_once("schema", &o.plugin_dir, "--plugin-dir");
		else if (c == 'h') return fputs(_(help), stdout), 0;
		else return usage_error("schema", _("see 'ppreg schema --help'"));
	}
	if (bad)
		return bad;
	if (report) { /* one format has a schema: the others are no documents to validate */
		if (strcmp(report, "json"))
			return usage_error("schema", _("--report '%s': only the json report has a JSON Schema"), report);
		if (optind < argc || o.policy_file || o.plugin_dir)
			return usage_error("schema", _("--report takes no FILE, PATH or other option"));
		fputs(report_json_schema(), stdout);
		return 0;
	}
	if (optind >= argc || argc - optind > 2)
		return usage_error("schema", _("one declaration FILE, then the registry PATH at most"));
	o.registry_path = optind + 1 < argc ? argv[optind + 1] : ".";
	return file_schema(argv[optind], &o);
}
