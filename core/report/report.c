/*
 * report/report.c - what all reporters share: the format table, the summary, the
 * whole-report driver and the streamed report of a full check.
 */
#include "report/report.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static const report_format *const formats[] = {
	&report_format_text, &report_format_json, &report_format_tap,
	&report_format_sarif, &report_format_junit, &report_format_github,
};

const char *report_format_names(void)
{
	return "text, json, tap, sarif, junit, github";
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

int report_write(FILE *out, const report *rep, const report_format *f)
{
	report_summary s;
	report_cursor c = {0};
	report_summarize(rep, &s);
	c.n_rules = run_rules(rep->run, &c.rules);
	int rc = f->head(out, rep, &s, &c);
	for (size_t i = 0; rc == 0 && i < rep->n_platforms; i++)
		rc = f->platform(out, rep, &rep->platforms[i], &c);
	if (rc == 0)
		rc = f->tail(out, rep, &s, &c);
	free(c.rules);
	if (rc == 0 && ferror(out))
		rc = error_set("cannot write the %s report", f->name);
	return rc;
}

int report_stream_open(report_stream *st, const report *rep, const report_format *f)
{
	memset(st, 0, sizeof *st);
	st->rep = rep;
	st->fmt = f;
	st->cur.n_rules = run_rules(rep->run, &st->cur.rules);
	st->body = tmpfile();
	return st->body ? 0 : error_set("cannot open a temporary file for the report: %s", strerror(errno));
}

int report_stream_platform(report_stream *st, const platform_result *p)
{
	report_summary_add(&st->sum, p);
	if (st->fmt->platform(st->body, st->rep, p, &st->cur) < 0 || ferror(st->body))
		return error_set("cannot write the report's temporary file: %s", strerror(errno));
	return 0;
}

int report_stream_finish(report_stream *st, FILE *out)
{
	char buf[65536];
	size_t n;
	if (fflush(st->body) != 0 || fseek(st->body, 0, SEEK_SET) != 0)
		return error_set("cannot read the report's temporary file: %s", strerror(errno));
	if (st->fmt->head(out, st->rep, &st->sum, &st->cur) < 0)
		return -1;
	while ((n = fread(buf, 1, sizeof buf, st->body)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			return error_set("cannot write the report: %s", strerror(errno));
	if (ferror(st->body))
		return error_set("cannot read the report's temporary file: %s", strerror(errno));
	if (st->fmt->tail(out, st->rep, &st->sum, &st->cur) < 0 || ferror(out))
		return error_set("cannot write the %s report", st->fmt->name);
	return 0;
}

void report_stream_close(report_stream *st)
{
	if (st->body)
		fclose(st->body);
	free(st->cur.rules);
	memset(st, 0, sizeof *st);
}

int report_json_put(FILE *out, const void *json, int indent)
{
	char *text = json ? json_dumps(json, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
	if (!text)
		return error_set("cannot build the JSON report");
	for (const char *p = text; *p;) {
		size_t line = strcspn(p, "\n");
		fwrite(p, 1, line, out);
		p += line;
		if (*p == '\n') {
			fprintf(out, "\n%*s", indent, "");
			p++;
		}
	}
	free(text);
	return ferror(out) ? error_set("cannot write the report") : 0;
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
