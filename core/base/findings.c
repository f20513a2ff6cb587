/*
 * base/findings.c - the list of findings of one platform.
 */
#include "base/findings.h"
#include "base/utf8.h"
#include "ppreg/plugin.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Findings quote hostile text (keys, values, folder names): control
 * characters and bytes that are not UTF-8 (a truncated quote can split a
 * character) become '?', so every output format stays one line and valid. */
/* The length of a character shown as '?' at p: a C1 control (U+0080 to
 * U+009F) or a bidirectional override or isolate (U+202A to U+202E,
 * U+2066 to U+2069), which reorder or hide what a reader sees; 0 for any
 * other. p is valid UTF-8. */
static size_t hidden_char(const unsigned char *p)
{
	if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
		return 2;
	if (p[0] == 0xe2 && p[1] == 0x80 && p[2] >= 0xaa && p[2] <= 0xae)
		return 3;
	if (p[0] == 0xe2 && p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9)
		return 3;
	return 0;
}

char *display_text(const char *s)
{
	char *out = xstrdup(s);
	size_t len = strlen(out), i = 0;
	while (i < len) {
		size_t bad = utf8_first_invalid((const unsigned char *)out + i, len - i);
		if (bad == (size_t)-1)
			break;
		out[i + bad] = '?';
		i += bad + 1;
	}
	unsigned char *w = (unsigned char *)out;
	for (const unsigned char *p = (const unsigned char *)out; *p;) {
		size_t hidden = hidden_char(p);
		if (hidden || *p < 0x20 || *p == 0x7f) {
			*w++ = '?';
			p += hidden ? hidden : 1;
		} else {
			*w++ = *p++;
		}
	}
	*w = '\0';
	/* A line that starts with "::" is a command to GitHub's runner when a
	 * log is printed (::error, ::add-mask): a name a pusher chose may
	 * start a line of the text report, so its first ':' is shown as '?'. */
	char *start = out + strspn(out, " ");
	if (start[0] == ':' && start[1] == ':')
		start[0] = '?';
	return out;
}

const char *severity_name(int severity)
{
	return severity == PPREG_SEV_ERROR ? "error" : severity == PPREG_SEV_WARNING ? "warning" : "none";
}

char *finding_line(const finding *f)
{
	return xasprintf("%s:%u:%u: %s: %s: %s", f->file, f->line, f->column, severity_name(f->severity),
	                 f->rule, f->message);
}

void findings_addv(finding_list *fl, const char *rule, int severity, const char *file,
                   unsigned line, unsigned column, const char *message)
{
	if (fl->n == fl->cap) {
		fl->cap = fl->cap ? fl->cap * 2 : 8;
		fl->v = xrealloc(fl->v, fl->cap * sizeof *fl->v);
	}
	finding *f = &fl->v[fl->n++];
	f->rule = xstrdup(rule);
	f->severity = severity;
	f->file = display_text(file ? file : "");
	f->line = line;
	f->column = column;
	f->message = display_text(message);
}

int sink_severity(const finding_sink *s, const char *rule, int default_severity)
{
	int sev = default_severity;
	for (size_t i = 0; i < s->n_overrides; i++)
		if (!strcmp(s->overrides[i].rule, rule))
			sev = s->overrides[i].severity;
	if (sev <= 0)  /* PPREG_SEV_OFF */
		return 0;
	return s->strict && sev == 1 ? 2 : sev;
}

void sink_addv(finding_sink *s, const char *rule, int default_severity, const char *file,
               unsigned line, unsigned column, const char *message)
{
	int sev = sink_severity(s, rule, default_severity);
	if (sev > 0)
		findings_addv(s->list, rule, sev, file, line, column, message);
}

void sink_add(finding_sink *s, const char *rule, int default_severity, const char *file,
              unsigned line, unsigned column, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	sink_addv(s, rule, default_severity, file, line, column, msg);
}

static int finding_cmp(const void *a, const void *b)
{
	const finding *x = a, *y = b;
	int c = strcmp(x->file, y->file);
	if (c) return c;
	if (x->line != y->line) return x->line < y->line ? -1 : 1;
	if (x->column != y->column) return x->column < y->column ? -1 : 1;
	c = strcmp(x->rule, y->rule);
	return c ? c : strcmp(x->message, y->message);
}

void findings_sort(finding_list *fl)
{
	if (fl->n > 1)
		qsort(fl->v, fl->n, sizeof *fl->v, finding_cmp);
}

size_t findings_count(const finding_list *fl, int severity)
{
	size_t n = 0;
	for (size_t i = 0; i < fl->n; i++)
		n += fl->v[i].severity == severity;
	return n;
}

int findings_has_rule_prefix(const finding_list *fl, const char *prefix)
{
	size_t len = strlen(prefix);
	for (size_t i = 0; i < fl->n; i++)
		if (!strncmp(fl->v[i].rule, prefix, len))
			return 1;
	return 0;
}

void findings_free(finding_list *fl)
{
	for (size_t i = 0; i < fl->n; i++) {
		free(fl->v[i].rule);
		free(fl->v[i].file);
		free(fl->v[i].message);
	}
	free(fl->v);
	fl->v = NULL;
	fl->n = fl->cap = 0;
}
