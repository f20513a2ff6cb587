/*
 * desk/desk.c - the JSON head the desk commands share (desk.h).
 */
#include "desk/desk.h"
#include "report/report.h"
#include "yaml/date.h"

json_t *desk_registry_json(const run *r, const char *registry_path)
{
	const char *commit = registry_commit(r->reg);
	return json_pack("{s:o, s:s?, s:{s:s, s:s, s:s}}", "path", report_json_text(registry_path),
	                 "commit", *commit ? commit : NULL, "policy", "id", r->pol->id, "version", r->pol->version,
	                 "sha256", r->pol->sha256);
}

json_t *desk_doc_json(const char *command)
{
	return json_pack("{s:{s:s, s:s}, s:s}", "tool", "name", "ppreg", "version", PPREG_VERSION, "command", command);
}

int desk_put_json(FILE *out, json_t *doc)
{
	int rc = doc ? report_json_put(out, doc, 0) : error_set("cannot build the JSON document");
	json_decref(doc);
	if (rc == 0)
		fputc('\n', out);
	return rc;
}

int desk_put_doc(FILE *out, json_t *doc, json_t *rest)
{
	if (!rest || (doc && json_object_update_new(doc, rest) < 0)) {
		json_decref(doc);
		doc = NULL;
	} else if (!doc) {
		json_decref(rest);
	}
	return desk_put_json(out, doc);
}

const char *desk_date(ppreg_date d, char out[11])
{
	date_format(d, out);
	return out;
}

json_t *desk_finding_json(const finding *f)
{
	return json_pack("{s:s, s:s, s:o, s:I, s:I, s:o}", "rule", f->rule, "severity", severity_name(f->severity),
	                 "file", report_json_text(f->file), "line", (json_int_t)f->line, "column", (json_int_t)f->column,
	                 "message", report_json_text(f->message));
}

json_t *desk_findings_json(const finding_list *l)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < l->n; i++)
		if (json_array_append_new(a, desk_finding_json(&l->v[i])) < 0) {
			json_decref(a);
			return NULL;
		}
	return a;
}
