/*
 * report/sarif.c - SARIF 2.1.0 (OASIS, errata 01), the format code-scanning
 * services read: one run whose tool.driver lists every rule of the run
 * (core's and each plugin's) with its descriptions, help and the level the
 * policy gives it, and one result per finding.
 *
 * Locations are relative to the repository's root (uriBaseId %SRCROOT%):
 * the registry's folder inside the repository, then the finding's file, so
 * a service places the annotation on the right file of a pull request. A
 * finding knows where its offending value starts, not where it ends: the
 * region is the one character at that line and column.
 */
#include "report/report.h"
#include "base/i18n.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static json_t *message_json(const char *s)
{
	return json_pack("{s:o}", "text", report_json_text(s));
}

/* A path as a URI reference (file names are bytes; a URI is not). */
static char *uri_of(const char *prefix, const char *file)
{
	char *path = path_join(prefix, file), *uri = uri_escape(path);
	free(path);
	return uri;
}

static json_t *rule_json(const report *rep, const rule_ref *ref)
{
	const ppreg_rule *r = ref->rule;
	int sev = report_rule_severity(rep, r);
	const char *summary = r->summary ? i18n_plugin_text(ref->plugin, r->summary) : r->id;
	char *full = xasprintf(_("%s. Legal source: %s."), summary,
	                       r->legal_source ? i18n_plugin_text(ref->plugin, r->legal_source) : _("none given"));
	char *help = xasprintf(_("%s (rule %s, plugin %s; `ppreg rules %s` tells more)"),
	                       r->fix ? i18n_plugin_text(ref->plugin, r->fix) : _("See the rule's documentation."),
	                       r->id, ref->plugin, r->id);
	json_t *j = json_pack("{s:s, s:o, s:o, s:o, s:{s:s, s:b}, s:{s:s, s:o}}",
	                      "id", r->id,
	                      "shortDescription", message_json(summary),
	                      "fullDescription", message_json(full),
	                      "help", message_json(help),
	                      "defaultConfiguration", "level", severity_name(sev), "enabled", sev != PPREG_SEV_OFF,
	                      "properties", "plugin", ref->plugin, "legal_source",
	                      report_json_text(r->legal_source ? i18n_plugin_text(ref->plugin, r->legal_source) : ""));
	free(full);
	free(help);
	return j;
}

static long rule_index(const rule_ref *rules, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(rules[i].rule->id, id))
			return (long)i;
	return -1;
}

/*
 * The file of finding j of `p` as bytes. A finding carries display text
 * (control characters and bytes that are not UTF-8 made '?'), but a URI
 * can carry any byte, percent-encoded, so for a file changed outside the
 * real name is taken from the report: the n-th finding showing a name is
 * paired with the n-th real name that shows so (those findings are alike,
 * so the pairing cannot mislead).
 */
static const char *real_file(const report *rep, const platform_result *p, size_t j)
{
	const finding *f = &p->findings.v[j];
	if (!report_is_registry_entry(p) || strcmp(f->rule, "core.outside-change"))
		return f->file;
	size_t nth = 0;
	for (size_t i = 0; i < j; i++)
		nth += !strcmp(p->findings.v[i].rule, f->rule) && !strcmp(p->findings.v[i].file, f->file);
	for (size_t i = 0; i < rep->n_outside; i++) {
		char *shown = display_text(rep->outside[i]);
		int same = !strcmp(shown, f->file);
		free(shown);
		if (same && nth-- == 0)
			return rep->outside[i];
	}
	return f->file;
}

static json_t *result_json(const report *rep, const platform_result *p, size_t at,
                           const rule_ref *rules, size_t n_rules)
{
	const finding *f = &p->findings.v[at];
	char *uri = uri_of(registry_prefix(rep->run->reg), real_file(rep, p, at));
	unsigned line = f->line ? f->line : 1, col = f->column ? f->column : 1;
	json_t *j = json_pack("{s:s, s:s, s:o, s:[{s:{s:{s:s, s:s}, s:{s:I, s:I, s:I, s:I}}}], s:{s:s}}",
	                      "ruleId", f->rule, "level", severity_name(f->severity),
	                      "message", message_json(f->message),
	                      "locations", "physicalLocation",
	                      "artifactLocation", "uri", uri, "uriBaseId", "%SRCROOT%",
	                      "region", "startLine", (json_int_t)line, "startColumn", (json_int_t)col,
	                      "endLine", (json_int_t)line, "endColumn", (json_int_t)col + 1,
	                      "properties", "platform", p->id);
	long idx = rule_index(rules, n_rules, f->rule);
	if (j && idx >= 0)
		json_object_set_new(j, "ruleIndex", json_integer(idx));
	free(uri);
	return j;
}

static json_t *properties_json(const report *rep, const report_state *st)
{
	json_t *removed = json_array();
	for (size_t i = 0; i < rep->n_removed; i++)
		json_array_append_new(removed, report_json_text(rep->removed[i]));
	const policy *pol = rep->run->pol;
	json_t *j = json_pack("{s:s?, s:s, s:s, s:{s:s, s:s, s:s}, s:o}",
	                      "commit", *rep->commit ? rep->commit : NULL, "as_of", rep->as_of,
	                      "registry_prefix", registry_prefix(rep->run->reg),
	                      "policy", "id", pol->id, "version", pol->version, "sha256", pol->sha256,
	                      "removed", removed);
	if (j && st)
		json_object_set_new(j, "ref", report_json_text(st->ref));
	return j;
}

/* The document, as jansson would lay it out: one run per report (a hook's
 * document has one per judged state). */
static int doc_begin(FILE *out, const report_doc *d)
{
	(void)d;
	fprintf(out, "{\n  \"$schema\": \"%s\",\n  \"version\": \"2.1.0\",\n  \"runs\": [", REPORT_SARIF_SCHEMA);
	return 0;
}

static int doc_end(FILE *out, const report_doc *d)
{
	fputs(d->parts ? "\n  ]\n}\n" : "]\n}\n", out);
	return 0;
}

/* A state that could not be judged: a run whose invocation failed, and why. */
static int unjudged(FILE *out, report_doc *d, const report_state *st)
{
	char *text = xasprintf(_("%s: cannot be judged: %s"), st->label, st->error);
	json_t *j = json_pack("{s:{s:{s:s, s:s, s:s}}, s:[{s:b, s:[{s:s, s:{s:o}}]}], s:{s:o, s:o}}",
	                      "tool", "driver", "name", "ppreg", "version", PPREG_VERSION,
	                      "semanticVersion", PPREG_VERSION,
	                      "invocations", "executionSuccessful", 0, "toolExecutionNotifications",
	                      "level", "error", "message", "text", report_json_text(text),
	                      "properties", "ref", report_json_text(st->ref), "commit", report_json_text(st->commit));
	free(text);
	fputs(d->parts ? ",\n    " : "\n    ", out);
	int rc = report_json_put(out, j, 4);
	json_decref(j);
	return rc;
}

/* The run up to its results, which are written one by one after it. */
static int head(FILE *out, const report *rep, const report_cursor *c)
{
	json_t *jrules = json_array();
	for (size_t i = 0; jrules && i < c->n_rules; i++)
		if (json_array_append_new(jrules, rule_json(rep, &c->rules[i])) < 0) {
			json_decref(jrules);
			jrules = NULL;
		}
	json_t *tool = json_pack("{s:{s:s, s:s, s:s, s:o}}", "driver", "name", "ppreg", "version", PPREG_VERSION,
	                         "semanticVersion", PPREG_VERSION, "rules", jrules);
	fputs(c->doc->parts ? ",\n    {\n      \"tool\": " : "\n    {\n      \"tool\": ", out);
	int rc = report_json_put(out, tool, 6);
	json_decref(tool);
	fputs(",\n      \"results\": [", out);
	return rc;
}

/* c->items counts the results written, for the separators. */
static int platform(FILE *out, const report *rep, const platform_result *p, report_cursor *c)
{
	for (size_t j = 0; j < p->findings.n; j++) {
		json_t *r = result_json(rep, p, j, c->rules, c->n_rules);
		fputs(c->items++ ? ",\n        " : "\n        ", out);
		int rc = report_json_put(out, r, 8);
		json_decref(r);
		if (rc < 0)
			return ERR_FAIL;
	}
	return 0;
}

static int tail(FILE *out, const report *rep, const report_summary *s, const report_cursor *c)
{
	(void)s;
	json_t *inv = json_pack("[{s:b}]", "executionSuccessful", 1), *props = properties_json(rep, c->state);
	fputs(c->items ? "\n      ],\n      \"invocations\": " : "],\n      \"invocations\": ", out);
	int rc = report_json_put(out, inv, 6);
	fputs(",\n      \"properties\": ", out);
	if (rc == 0)
		rc = report_json_put(out, props, 6);
	fputs("\n    }", out);
	json_decref(inv);
	json_decref(props);
	return rc;
}

const report_format report_format_sarif = {"sarif", doc_begin, head, platform, tail, unjudged, doc_end};
