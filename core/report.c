/*
 * report.c - what all reporters share: the format table and the summary.
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name;
	report_fn fn;
} formats[] = {
	{"text", report_text},
	{"json", report_json},
	{"tap", report_tap},
	{"sarif", report_sarif},
	{"junit", report_junit},
	{"github", report_github},
};

const char *report_format_names(void)
{
	return "text, json, tap, sarif, junit, github";
}

int report_is_registry_entry(const platform_result *p)
{
	return !strcmp(p->id, REPORT_REGISTRY_ENTRY);
}

report_fn report_for_format(const char *name)
{
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
		if (!strcmp(formats[i].name, name))
			return formats[i].fn;
	return NULL;
}

void report_summarize(const report *rep, report_summary *s)
{
	memset(s, 0, sizeof *s);
	for (size_t i = 0; i < rep->n_platforms; i++) {
		const platform_result *p = &rep->platforms[i];
		s->errors += findings_count(&p->findings, PPREG_SEV_ERROR);
		s->warnings += findings_count(&p->findings, PPREG_SEV_WARNING);
		if (report_is_registry_entry(p))
			continue;
		s->platforms++;
		s->compliant += p->verdict == VERDICT_COMPLIANT;
		s->non_compliant += p->verdict == VERDICT_NON_COMPLIANT;
		s->invalid += p->verdict == VERDICT_INVALID;
	}
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
