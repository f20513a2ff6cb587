/*
 * report_json.c - the JSON shape of spec/cli.md (keys may be added, never
 * renamed), produced with jansson.
 */
#include "report.h"

#include <jansson.h>

static json_t *finding_json(const finding *f)
{
	return json_pack("{s:s, s:s, s:s, s:I, s:I, s:s}", "rule", f->rule,
	                 "severity", f->severity == PPREG_SEV_ERROR ? "error" : "warning",
	                 "file", f->file, "line", (json_int_t)f->line, "column", (json_int_t)f->column,
	                 "message", f->message);
}

static json_t *platform_json(const platform_result *p)
{
	json_t *findings = json_array();
	for (size_t j = 0; j < p->findings.n; j++)
		json_array_append_new(findings, finding_json(&p->findings.v[j]));
	return json_pack("{s:s, s:s, s:I, s:I, s:o}", "id", p->id, "verdict", verdict_name(p->verdict),
	                 "errors", (json_int_t)findings_count(&p->findings, PPREG_SEV_ERROR),
	                 "warnings", (json_int_t)findings_count(&p->findings, PPREG_SEV_WARNING),
	                 "findings", findings);
}

static json_t *plugins_json(const run *r)
{
	json_t *a = json_array();
	for (size_t i = 0; i < r->n_plugins; i++)
		json_array_append_new(a, json_pack("{s:s, s:s, s:s}", "name", r->plugins[i].name,
		                                   "version", r->plugins[i].desc->version,
		                                   "sha256", r->plugins[i].sha256));
	return a;
}

int report_json(FILE *out, const report *rep)
{
	report_summary s;
	report_summarize(rep, &s);
	json_t *platforms = json_array(), *removed = json_array();
	for (size_t i = 0; i < rep->n_platforms; i++)
		json_array_append_new(platforms, platform_json(&rep->platforms[i]));
	for (size_t i = 0; i < rep->n_removed; i++)
		json_array_append_new(removed, json_string(rep->removed[i]));
	const policy *pol = rep->run->pol;
	json_t *root = json_pack(
		"{s:{s:s, s:s}, s:{s:s, s:s?, s:{s:s, s:s, s:s}, s:o}, s:s, s:o, s:o,"
		" s:{s:I, s:I, s:I, s:I, s:I, s:I}}",
		"tool", "name", "ppreg", "version", PPREG_VERSION,
		"registry", "path", rep->registry_path, "commit", *rep->commit ? rep->commit : NULL,
		"policy", "id", pol->id, "version", pol->version, "sha256", pol->sha256,
		"plugins", plugins_json(rep->run),
		"as_of", rep->as_of, "platforms", platforms, "removed", removed,
		"summary", "platforms", (json_int_t)s.platforms, "compliant", (json_int_t)s.compliant,
		"non_compliant", (json_int_t)s.non_compliant, "invalid", (json_int_t)s.invalid,
		"errors", (json_int_t)s.errors, "warnings", (json_int_t)s.warnings);
	if (!root)
		return error_set("cannot build the JSON report");
	int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) < 0 ? -1 : 0;
	fputc('\n', out);
	json_decref(root);
	return rc || ferror(out) ? error_set("cannot write the JSON report") : 0;
}
