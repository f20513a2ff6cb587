/*
 * desk/desk.c - the JSON head the desk commands share (desk.h).
 */
#include "desk/desk.h"
#include "report/report.h"
#include "yaml/date.h"
#include "base/i18n.h"

#include <stdlib.h>
#include <string.h>

json_t *desk_registry_json(const run *r, const char *registry_path)
{
	const char *commit = registry_commit(r->reg);
	return json_pack("{s:o, s:s?, s:{s:s, s:s, s:s}}", "path", report_json_text(registry_path),
	                 "commit", *commit ? commit : NULL, "policy", "id", r->pol->id, "version", r->pol->version,
	                 "sha256", r->pol->sha256);
}

json_t *desk_doc_json(const char *command, json_t *more)
{
	json_t *doc = json_pack("{s:{s:s, s:s}, s:s}", "tool", "name", "ppreg", "version", PPREG_VERSION,
	                        "command", command);
	if (!more || (doc && json_object_update_new(doc, more) < 0)) {
		json_decref(doc);
		return NULL;
	}
	if (!doc)
		json_decref(more);
	return doc;
}

/* The members of an object as jansson dumps it, without its braces:
 * "\n  ...", or NULL. Free it. */
static char *members(json_t *obj)
{
	char *text = obj ? json_dumps(obj, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
	json_decref(obj);
	size_t n = text ? strlen(text) : 0;
	if (n < 4 || text[0] != '{' || text[n - 1] != '}') {
		free(text);
		return NULL;
	}
	text[n - 2] = '\0'; /* "{\n  ...\n}" less "\n}" */
	return text;
}

int desk_put_rows(FILE *out, json_t *head, const char *key, json_t *(*row)(const void *ctx, size_t i),
                  const void *ctx, size_t n, json_t *tail)
{
	char *h = members(head), *t = members(tail);
	int rc = h && t ? 0 : error_set(_("cannot build the JSON document"));
	if (rc == 0)
		fprintf(out, "{%s,\n  \"%s\": [", h + 1, key);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		json_t *j = row(ctx, i);
		fputs(i ? ",\n    " : "\n    ", out);
		rc = report_json_put(out, j, 4);
		json_decref(j);
	}
	if (rc == 0)
		fprintf(out, "%s,%s\n}\n", n ? "\n  ]" : "]", t + 1);
	free(h), free(t);
	if (rc == 0 && ferror(out))
		rc = error_set(_("cannot write the output"));
	return rc;
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
