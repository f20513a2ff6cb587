/*
 * report/junit.c - JUnit XML, the format CI services show as test results:
 * one <testsuite> per platform, one <testcase> per rule of the run. An
 * error finding fails its test case (<failure>, every finding of the rule
 * in its text); a warning leaves it passing with the finding in
 * <system-out>; a rule the policy switches off is <skipped/>. A hook's
 * document holds the suites of every state it judged.
 *
 * Everything written comes from declarations and is escaped: markup
 * characters become entities, and characters XML 1.0 cannot carry (control
 * characters, invalid UTF-8) become U+FFFD, so the document is always
 * well-formed.
 */
#include "report/report.h"
#include "base/i18n.h"

#include <stdlib.h>
#include <string.h>

/* Writes `s` escaped for XML element text (attr 0) or an attribute value
 * (attr 1): markup characters as entities, what XML 1.0 cannot carry as
 * U+FFFD. */
static void report_xml_put(FILE *out, const char *s, int attr)
{
	char *clean = report_clean_text(s ? s : "", 1);
	for (const char *p = clean; *p; p++) {
		switch (*p) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs(attr ? "&quot;" : "\"", out); break;
		case '\'': fputs(attr ? "&apos;" : "'", out); break;
		case '\n': fputs(attr ? "&#10;" : "\n", out); break;
		case '\r': fputs("&#13;", out); break;
		case '\t': fputs(attr ? "&#9;" : "\t", out); break;
		default: fputc(*p, out);
		}
	}
	free(clean);
}

/* Every finding of `rule` on the platform, one per line, in text format. */
static void put_findings(FILE *out, const platform_result *p, const char *rule, int severity)
{
	for (size_t j = 0; j < p->findings.n; j++) {
		const finding *f = &p->findings.v[j];
		if (strcmp(f->rule, rule) || f->severity != severity)
			continue;
		char *line = finding_line(f);
		report_xml_put(out, line, 0);
		fputc('\n', out);
		free(line);
	}
}

static const finding *first_of(const platform_result *p, const char *rule, int severity)
{
	for (size_t j = 0; j < p->findings.n; j++)
		if (!strcmp(p->findings.v[j].rule, rule) && p->findings.v[j].severity == severity)
			return &p->findings.v[j];
	return NULL;
}

static void put_case(FILE *out, const report *rep, const platform_result *p, const rule_ref *ref)
{
	const char *id = ref->rule->id;
	const finding *err = first_of(p, id, PPREG_SEV_ERROR), *warn = first_of(p, id, PPREG_SEV_WARNING);
	fputs("    <testcase classname=\"", out);
	report_xml_put(out, p->id, 1);
	fputs("\" name=\"", out);
	report_xml_put(out, id, 1);
	fputs("\"", out);
	if (!err && !warn && report_rule_severity(rep, ref->rule) != PPREG_SEV_OFF) {
		fputs("/>\n", out);
		return;
	}
	fputs(">\n", out);
	if (err) {
		fputs("      <failure type=\"", out);
		report_xml_put(out, id, 1);
		fputs("\" message=\"", out);
		report_xml_put(out, err->message, 1);
		fputs("\">", out);
		put_findings(out, p, id, PPREG_SEV_ERROR);
		fputs("</failure>\n", out);
	} else if (!warn) {
		fputs("      <skipped message=\"", out);
		report_xml_put(out, _("switched off by the policy"), 1);
		fputs("\"/>\n", out);
	}
	if (warn) {
		fputs("      <system-out>", out);
		put_findings(out, p, id, PPREG_SEV_WARNING);
		fputs("</system-out>\n", out);
	}
	fputs("    </testcase>\n", out);
}

static size_t skipped_rules(const report *rep, const platform_result *p, const rule_ref *rules, size_t n_rules)
{
	size_t n = 0;
	for (size_t r = 0; r < n_rules; r++)
		n += report_rule_severity(rep, rules[r].rule) == PPREG_SEV_OFF &&
		     !first_of(p, rules[r].rule->id, PPREG_SEV_ERROR) && !first_of(p, rules[r].rule->id, PPREG_SEV_WARNING);
	return n;
}

static void put_suite(FILE *out, const report *rep, const platform_result *p,
                      const rule_ref *rules, size_t n_rules)
{
	fputs("  <testsuite name=\"", out);
	report_xml_put(out, p->id, 1);
	fprintf(out, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"%zu\">\n", n_rules,
	        report_failed_rules(p), skipped_rules(rep, p, rules, n_rules));
	fprintf(out, "    <properties>\n      <property name=\"verdict\" value=\"%s\"/>\n",
	        report_is_registry_entry(p) ? "registry" : verdict_name(p->verdict));
	fprintf(out, "      <property name=\"commit\" value=\"%s\"/>\n", rep->commit);
	fprintf(out, "      <property name=\"as_of\" value=\"%s\"/>\n    </properties>\n", rep->as_of);
	for (size_t r = 0; r < n_rules; r++)
		put_case(out, rep, p, &rules[r]);
	fputs("  </testsuite>\n", out);
}

/* The root's totals count every suite: the document is written last,
 * before the suites it spooled. A state that could not be judged is one
 * test in error. */
static int doc_begin(FILE *out, const report_doc *d)
{
	fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	        "<testsuites name=\"ppreg\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\">\n",
	        d->tests, d->failures, d->unjudged);
	return 0;
}

static int platform(FILE *out, const report *rep, const platform_result *p, report_cursor *c)
{
	put_suite(out, rep, p, c->rules, c->n_rules);
	return 0;
}

/* A state that could not be judged: a suite whose one case is an error. */
static int unjudged(FILE *out, report_doc *d, const report_state *st)
{
	(void)d;
	fputs("  <testsuite name=\"", out);
	report_xml_put(out, st->label, 1);
	fputs("\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n    <testcase classname=\"", out);
	report_xml_put(out, st->label, 1);
	fputs("\" name=\"judged\">\n      <error message=\"", out);
	report_xml_put(out, st->error, 1);
	fputs("\"/>\n    </testcase>\n  </testsuite>\n", out);
	return 0;
}

static int doc_end(FILE *out, const report_doc *d)
{
	(void)d;
	fputs("</testsuites>\n", out);
	return 0;
}

const report_format report_format_junit = {"junit", doc_begin, NULL, platform, NULL, unjudged, doc_end};
