/*
 * report/report.c - what all reporters share: the format table, the summary,
 * and the document that carries one report or several through a format.
 */
#include "report/report.h"
#include "base/i18n.h"
#include "base/suggest.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const report_format *const formats[] = {
	&report_format_text, &report_format_json, &report_format_tap,
	&report_format_sarif, &report_format_junit, &report_format_github,
};

const char *report_format_names(void)
{
	return "text, json, tap, sarif, junit, github";
}

const char *report_format_near(const char *name)
{
	suggestion sg;
	suggest_init(&sg, name);
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
		suggest_offer(&sg, formats[i]->name);
	return suggest_best(&sg);
}

int report_colour_wanted(FILE *out)
{
	const char *no = getenv("NO_COLOR"), *force = getenv("CLICOLOR_FORCE");
	if (no && *no)
		return 0;
	return (force && *force && strcmp(force, "0")) || isatty(fileno(out));
}

int report_is_registry_entry(const platform_result *p)
{
	return !strcmp(p->id, RUN_REGISTRY_ENTRY);
}

void report_set_change(report *rep, const changed_result *c)
{
	rep->platforms = c->platforms;
	rep->n_platforms = c->n_platforms;
	rep->removed = c->removed;
	rep->n_removed = c->n_removed;
	rep->outside = c->outside;
	rep->n_outside = c->n_outside;
}

const report_format *report_format_named(const char *name)
{
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
		if (!strcmp(formats[i]->name, name))
			return formats[i];
	return NULL;
}

size_t report_failed_rules(const platform_result *p)
{
	size_t n = 0;
	for (size_t j = 0; j < p->findings.n; j++) {
		const finding *f = &p->findings.v[j];
		if (f->severity != PPREG_SEV_ERROR)
			continue;
		size_t k = 0;
		while (k < j && (p->findings.v[k].severity != PPREG_SEV_ERROR || strcmp(p->findings.v[k].rule, f->rule)))
			k++;
		n += k == j;
	}
	return n;
}

void report_summary_add(report_summary *s, const platform_result *p)
{
	s->errors += findings_count(&p->findings, PPREG_SEV_ERROR);
	s->warnings += findings_count(&p->findings, PPREG_SEV_WARNING);
	s->failed_checks += report_failed_rules(p);
	if (report_is_registry_entry(p))
		return;
	s->platforms++;
	s->compliant += p->verdict == VERDICT_COMPLIANT;
	s->non_compliant += p->verdict == VERDICT_NON_COMPLIANT;
	s->invalid += p->verdict == VERDICT_INVALID;
}

void report_summarize(const report *rep, report_summary *s)
{
	memset(s, 0, sizeof *s);
	for (size_t i = 0; i < rep->n_platforms; i++)
		report_summary_add(s, &rep->platforms[i]);
}

int report_exit_status(const report_summary *s)
{
	return s->errors || s->invalid ? 1 : 0;
}

int report_doc_open(report_doc *d, const report_format *f, const char *hook)
{
	memset(d, 0, sizeof *d);
	d->fmt = f;
	d->hook = hook;
	d->body = tmpfile();
	return d->body ? 0 : error_set(_("cannot open a temporary file for the report: %s"), strerror(errno));
}

static int body_failed(void)
{
	return error_set(_("cannot write the report's temporary file: %s"), strerror(errno));
}

int report_doc_begin(report_doc *d, const report *rep, const report_state *st)
{
	free(d->cur.rules);
	memset(&d->cur, 0, sizeof d->cur);
	memset(&d->sum, 0, sizeof d->sum);
	d->rep = rep;
	d->cur.doc = d;
	d->cur.state = st;
	d->cur.n_rules = run_rules(rep->run, &d->cur.rules);
	if (d->fmt->head && d->fmt->head(d->body, rep, &d->cur) < 0)
		return ERR_FAIL;
	return ferror(d->body) ? body_failed() : 0;
}

int report_doc_platform(report_doc *d, const platform_result *p)
{
	report_summary_add(&d->sum, p);
	d->tests += d->cur.n_rules;
	if (d->fmt->platform(d->body, d->rep, p, &d->cur) < 0)
		return ERR_FAIL;
	return ferror(d->body) ? body_failed() : 0;
}

int report_doc_end(report_doc *d)
{
	d->failures += d->sum.failed_checks;
	if (d->fmt->tail && d->fmt->tail(d->body, d->rep, &d->sum, &d->cur) < 0)
		return ERR_FAIL;
	d->parts++;
	return ferror(d->body) ? body_failed() : 0;
}

/* A report that fails half-way leaves nothing: the body is cut back to
 * where it began and the counts are restored. */
int report_doc_write(report_doc *d, const report *rep, const report_state *st)
{
	report_doc before = *d;
	long at = ftell(d->body);
	int rc = at < 0 ? body_failed() : report_doc_begin(d, rep, st);
	for (size_t i = 0; rc == 0 && i < rep->n_platforms; i++)
		rc = report_doc_platform(d, &rep->platforms[i]);
	if (rc == 0)
		rc = report_doc_end(d);
	if (rc < 0 && at >= 0) {
		rule_ref *rules = d->cur.rules;
		*d = before;
		d->cur.rules = rules;
		if (fflush(d->body) != 0 || ftruncate(fileno(d->body), at) != 0 || fseek(d->body, at, SEEK_SET) != 0)
			return body_failed();
	}
	return rc;
}

int report_doc_unjudged(report_doc *d, const report_state *st)
{
	d->tests++;
	d->unjudged++;
	if (d->fmt->unjudged && d->fmt->unjudged(d->body, d, st) < 0)
		return ERR_FAIL;
	d->parts++;
	return ferror(d->body) ? body_failed() : 0;
}

int report_doc_finish(report_doc *d, FILE *out, int status)
{
	char buf[65536];
	size_t n;
	d->status = status;
	if (fflush(d->body) != 0 || fseek(d->body, 0, SEEK_SET) != 0)
		return error_set(_("cannot read the report's temporary file: %s"), strerror(errno));
	if (d->fmt->doc_begin && d->fmt->doc_begin(out, d) < 0)
		return ERR_FAIL;
	while ((n = fread(buf, 1, sizeof buf, d->body)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			return error_set(_("cannot write the report: %s"), strerror(errno));
	if (ferror(d->body))
		return error_set(_("cannot read the report's temporary file: %s"), strerror(errno));
	if ((d->fmt->doc_end && d->fmt->doc_end(out, d) < 0) || ferror(out))
		return error_set(_("cannot write the %s report"), d->fmt->name);
	return 0;
}

void report_doc_close(report_doc *d)
{
	if (d->body)
		fclose(d->body);
	free(d->cur.rules);
	memset(d, 0, sizeof *d);
}

int report_write(FILE *out, const report *rep, const report_format *f)
{
	report_doc d;
	int rc = report_doc_open(&d, f, NULL);
	if (rc == 0)
		rc = report_doc_write(&d, rep, NULL);
	if (rc == 0)
		rc = report_doc_finish(&d, out, 0);
	report_doc_close(&d);
	return rc;
}

void *report_json_text(const char *s)
{
	if (!s)
		return json_null();
	char *clean = report_clean_text(s, 0);
	json_t *j = json_string(clean);
	free(clean);
	return j;
}

void report_put_indented(FILE *out, const char *text, size_t len, int indent)
{
	for (const char *p = text, *end = text + len; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t line = nl ? (size_t)(nl - p) : (size_t)(end - p);
		fwrite(p, 1, line, out);
		p += line;
		if (p < end) {
			fprintf(out, "\n%*s", indent, "");
			p++;
		}
	}
}

int report_json_put(FILE *out, const void *json, int indent)
{
	char *text = json ? json_dumps(json, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
	if (!text)
		return error_set(_("cannot build the JSON report"));
	report_put_indented(out, text, strlen(text), indent);
	free(text);
	return ferror(out) ? error_set(_("cannot write the report")) : 0;
}

/* Length of the valid UTF-8 sequence at s (1-4), or 0 when invalid. */
static size_t utf8_len(const unsigned char *s, unsigned *cp)
{
	if (s[0] < 0x80)
		return *cp = s[0], 1;
	size_t n = s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 && s[0] < 0xe0 ? 2 : 0;
	if (!n || (n == 3 && s[0] >= 0xf0))
		return 0;
	unsigned c = s[0] & (0xff >> (n + 1));
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	return *cp = c, n;
}

char *report_clean_text(const char *s, int for_xml)
{
	size_t len = strlen(s), k = 0;
	char *out = xmalloc(len * 3 + 1); /* each byte grows to U+FFFD at most */
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned cp = 0;
		size_t n = utf8_len(p, &cp);
		int bad = !n || (for_xml && ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
		                             cp == 0xfffe || cp == 0xffff));
		if (bad) {
			memcpy(out + k, "\xef\xbf\xbd", 3);
			k += 3;
			p += n ? n : 1;
		} else {
			memcpy(out + k, p, n);
			k += n;
			p += n;
		}
	}
	out[k] = '\0';
	return out;
}

int report_rule_severity(const report *rep, const ppreg_rule *rule)
{
	for (size_t i = 0; i < rep->run->n_overrides; i++)
		if (!strcmp(rep->run->overrides[i].rule, rule->id))
			return rep->run->overrides[i].severity;
	return rule->severity;
}
