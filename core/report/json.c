/*
 * report/json.c - the JSON document docs/workflow.md describes (keys may be
 * added, never renamed), produced with jansson. The document is written in
 * pieces (the platforms one by one, see report_stream) laid out as jansson
 * lays out the whole: two-space indentation, keys in the order given.
 */
#include "report/report.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

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
	for (size_t j = 0; findings && j < p->findings.n; j++)
		if (json_array_append_new(findings, finding_json(&p->findings.v[j])) < 0) {
			json_decref(findings);
			return NULL;
		}
	return json_pack("{s:s, s:s, s:I, s:I, s:o}", "id", p->id, "verdict", verdict_name(p->verdict),
	                 "errors", (json_int_t)findings_count(&p->findings, PPREG_SEV_ERROR),
	                 "warnings", (json_int_t)findings_count(&p->findings, PPREG_SEV_WARNING),
	                 "findings", findings);
}

static json_t *plugins_json(const run *r)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < r->n_plugins; i++)
		if (json_array_append_new(a, json_pack("{s:s, s:s, s:s}", "name", r->plugins[i].name,
		                                        "version", r->plugins[i].desc->version,
		                                        "sha256", r->plugins[i].sha256)) < 0) {
			json_decref(a);
			return NULL;
		}
	return a;
}

/* Writes `obj`'s members as members of the document being written: without
 * its braces, after `sep` ("" or ","). */
static int put_members(FILE *out, json_t *obj, const char *sep)
{
	char *text = obj ? json_dumps(obj, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
	json_decref(obj);
	size_t n = text ? strlen(text) : 0;
	if (n < 4 || text[0] != '{' || text[n - 1] != '}') {
		free(text);
		return error_set("cannot build the JSON report");
	}
	fprintf(out, "%s%.*s", sep, (int)(n - 3), text + 1); /* "\n  ...\n}" less "\n}" */
	free(text);
	return 0;
}

static int head(FILE *out, const report *rep, const report_summary *s, const report_cursor *c)
{
	(void)s, (void)c;
	const policy *pol = rep->run->pol;
	json_t *h = json_pack("{s:{s:s, s:s}, s:{s:s, s:s?, s:{s:s, s:s, s:s}, s:o}, s:s}",
	                      "tool", "name", "ppreg", "version", PPREG_VERSION,
	                      "registry", "path", rep->registry_path, "commit", *rep->commit ? rep->commit : NULL,
	                      "policy", "id", pol->id, "version", pol->version, "sha256", pol->sha256,
	                      "plugins", plugins_json(rep->run), "as_of", rep->as_of);
	fputc('{', out);
	if (put_members(out, h, "") < 0)
		return -1;
	fputs(",\n  \"platforms\": [", out);
	return 0;
}

static int platform(FILE *out, const report *rep, const platform_result *p, report_cursor *c)
{
	(void)rep;
	json_t *j = platform_json(p);
	fputs(c->items++ ? ",\n    " : "\n    ", out);
	int rc = report_json_put(out, j, 4);
	json_decref(j);
	return rc;
}

static int tail(FILE *out, const report *rep, const report_summary *s, const report_cursor *c)
{
	json_t *removed = json_array();
	for (size_t i = 0; removed && i < rep->n_removed; i++)
		if (json_array_append_new(removed, json_string(rep->removed[i])) < 0) {
			json_decref(removed);
			removed = NULL;
		}
	json_t *t = json_pack("{s:o, s:{s:I, s:I, s:I, s:I, s:I, s:I}}", "removed", removed,
	                      "summary", "platforms", (json_int_t)s->platforms, "compliant", (json_int_t)s->compliant,
	                      "non_compliant", (json_int_t)s->non_compliant, "invalid", (json_int_t)s->invalid,
	                      "errors", (json_int_t)s->errors, "warnings", (json_int_t)s->warnings);
	fputs(c->items ? "\n  ]" : "]", out);
	if (put_members(out, t, ",") < 0)
		return -1;
	fputs("\n}\n", out);
	return 0;
}

const report_format report_format_json = {"json", head, platform, tail};
