/*
 * report/json.c - the JSON document docs/workflow.md describes (keys may be
 * added, never renamed), produced with jansson. The document is written in
 * pieces (the platforms one by one, see report_doc) laid out as jansson
 * lays out the whole: two-space indentation, keys in the order given. A
 * hook's document nests each state's report, indented as deep as jansson
 * would.
 */
#include "report/json.h"
#include "report/report.h"
#include "base/i18n.h"
#include "yaml/date.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static json_t *finding_json(const finding *f)
{
	return json_pack("{s:s, s:s, s:s, s:I, s:I, s:s}", "rule", f->rule,
	                 "severity", severity_name(f->severity),
	                 "file", f->file, "line", (json_int_t)f->line, "column", (json_int_t)f->column,
	                 "message", f->message);
}

json_t *report_json_platform(const platform_result *p)
{
	json_t *findings = json_array();
	for (size_t j = 0; findings && j < p->findings.n; j++)
		if (json_array_append_new(findings, finding_json(&p->findings.v[j])) < 0) {
			json_decref(findings);
			return NULL;
		}
	json_t *j = json_pack("{s:s, s:s, s:I, s:I}", "id", p->id, "verdict", verdict_name(p->verdict),
	                      "errors", (json_int_t)findings_count(&p->findings, PPREG_SEV_ERROR),
	                      "warnings", (json_int_t)findings_count(&p->findings, PPREG_SEV_WARNING));
	if (!j) {
		json_decref(findings);
		return NULL;
	}
	if (p->n_lapses) { /* no key at all when no dated fact bounds the verdict */
		const lapse *l = &p->lapses[0];
		char day[11];
		date_format(l->last_valid_day, day);
		if (json_object_set_new(j, "valid_until", json_string(day)) < 0 ||
		    json_object_set_new(j, "valid_until_set_by", json_pack("{s:s, s:s, s:I}", "rule", l->rule, "file",
		                        l->file, "line", (json_int_t)l->line)) < 0) {
			json_decref(j);
			json_decref(findings);
			return NULL;
		}
	}
	if (json_object_set_new(j, "findings", findings) < 0) {
		json_decref(j);
		return NULL;
	}
	return j;
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

/* Writes `obj`'s members as members of the object being written: without
 * its braces, after `sep` ("" or ","), nested `indent` deeper. */
static int put_members(FILE *out, json_t *obj, const char *sep, int indent)
{
	char *text = obj ? json_dumps(obj, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
	json_decref(obj);
	size_t n = text ? strlen(text) : 0;
	if (n < 4 || text[0] != '{' || text[n - 1] != '}') {
		free(text);
		return error_set(_("cannot build the JSON report"));
	}
	fputs(sep, out);
	report_put_indented(out, text + 1, n - 3, indent); /* "\n  ...\n}" less "\n}" */
	free(text);
	return 0;
}

/* A hook's document: {"tool", "hook", "exit", "states": [...]}, each state
 * {"ref", "commit", "exit", and "report" or "error"}. A check's is its one
 * report. */
static int doc_begin(FILE *out, const report_doc *d)
{
	if (!d->hook)
		return 0;
	json_t *h = json_pack("{s:{s:s, s:s}, s:s, s:i}", "tool", "name", "ppreg", "version", PPREG_VERSION,
	                      "hook", d->hook, "exit", d->status);
	fputc('{', out);
	if (put_members(out, h, "", 0) < 0)
		return ERR_FAIL;
	fputs(",\n  \"states\": [", out);
	return 0;
}

static int doc_end(FILE *out, const report_doc *d)
{
	fputs(!d->hook ? "\n" : d->parts ? "\n  ]\n}\n" : "]\n}\n", out);
	return 0;
}

/* A state's object up to its last member, which follows. */
static int state_begin(FILE *out, const report_doc *d, const report_state *st)
{
	json_t *j = json_pack("{s:o, s:o, s:i}", "ref", report_json_text(st->ref),
	                      "commit", report_json_text(st->commit), "exit", st->status);
	fputs(d->parts ? ",\n    {" : "\n    {", out);
	return put_members(out, j, "", 4);
}

/* A check that could not be judged is one object that says why:
 * {"tool", "judging": what, "exit": 2, "error"}. */
static int check_unjudged(FILE *out, const report_state *st)
{
	json_t *j = json_pack("{s:{s:s, s:s}, s:o, s:i, s:o}", "tool", "name", "ppreg", "version", PPREG_VERSION,
	                      "judging", report_json_text(st->label), "exit", 2,
	                      "error", report_json_text(st->error));
	int rc = report_json_put(out, j, 0);
	json_decref(j);
	return rc;
}

static int unjudged(FILE *out, report_doc *d, const report_state *st)
{
	if (!d->hook)
		return check_unjudged(out, st);
	if (state_begin(out, d, st) < 0)
		return ERR_FAIL;
	json_t *j = json_pack("{s:o}", "error", report_json_text(st->error));
	if (put_members(out, j, ",", 4) < 0)
		return ERR_FAIL;
	fputs("\n    }", out);
	return 0;
}

/* How deep the report sits: in a hook's state, under "report". */
static int depth(const report_cursor *c)
{
	return c->state ? 6 : 0;
}

static int head(FILE *out, const report *rep, const report_cursor *c)
{
	const policy *pol = rep->run->pol;
	int in = depth(c);
	if (c->state) {
		if (state_begin(out, c->doc, c->state) < 0)
			return ERR_FAIL;
		fputs(",\n      \"report\": ", out);
	}
	json_t *h = json_pack("{s:{s:s, s:s}, s:{s:s, s:s?, s:{s:s, s:s, s:s}, s:o}, s:s}",
	                      "tool", "name", "ppreg", "version", PPREG_VERSION,
	                      "registry", "path", rep->registry_path, "commit", *rep->commit ? rep->commit : NULL,
	                      "policy", "id", pol->id, "version", pol->version, "sha256", pol->sha256,
	                      "plugins", plugins_json(rep->run), "as_of", rep->as_of);
	fputc('{', out);
	if (put_members(out, h, "", in) < 0)
		return ERR_FAIL;
	fprintf(out, ",\n%*s  \"platforms\": [", in, "");
	return 0;
}

static int platform(FILE *out, const report *rep, const platform_result *p, report_cursor *c)
{
	(void)rep;
	json_t *j = report_json_platform(p);
	fprintf(out, "%s\n%*s    ", c->items++ ? "," : "", depth(c), "");
	int rc = report_json_put(out, j, 4 + depth(c));
	json_decref(j);
	return rc;
}

static int tail(FILE *out, const report *rep, const report_summary *s, const report_cursor *c)
{
	int in = depth(c);
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
	if (c->items)
		fprintf(out, "\n%*s  ]", in, "");
	else
		fputc(']', out);
	if (put_members(out, t, ",", in) < 0)
		return ERR_FAIL;
	fprintf(out, "\n%*s}", in, "");
	if (c->state)
		fputs("\n    }", out);
	return 0;
}

const report_format report_format_json = {"json", doc_begin, head, platform, tail, unjudged, doc_end};
